//! Plain-text tables: left-aligned columns separated by two spaces, indented by two.

/// The header and rows as aligned text, one line each (trailing spaces trimmed).
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .chain([header[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Padded by hand: `format!("{cell:<w$}")` panics for widths past 65,535.
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| {
                let fill = w.saturating_sub(cell.chars().count());
                format!("{cell}{}", " ".repeat(fill))
            })
            .collect();
        format!("  {}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn wide_cells_are_padded_not_refused() {
        let wide = "7".repeat(70_000);
        let text = super::render(
            &["a", "b"],
            &[vec![wide.clone(), "x".into()], vec!["y".into(), "z".into()]],
        );
        assert!(
            text.lines()
                .nth(2)
                .unwrap()
                .starts_with(&format!("  y{}", " ".repeat(69_999)))
        );
    }
}
