//! Outcomes from sweep files (CSV or JSON Lines): exact utilities parsed from their text, a group per outcome, every bad cell located.

use std::cmp::Ordering;

use crate::error::{Error, Result};
use crate::exact::Algebraic;
pub use crate::exact::value_parse::parse_exact;
use crate::limits::Limit;
use crate::sweep::Row;

/// One outcome: where it came from, its group, its players' utilities.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: String,
    pub group: String,
    pub utilities: Vec<Algebraic>,
}

/// The group of the safety game's regulation: `none`, `g_only`, `d_only` or `both`, by which
/// floors are positive.
pub fn regulation_class(theta_g: &Algebraic, theta_d: &Algebraic) -> &'static str {
    match (
        theta_g.sign() == Ordering::Greater,
        theta_d.sign() == Ordering::Greater,
    ) {
        (false, false) => "none",
        (true, false) => "g_only",
        (false, true) => "d_only",
        (true, true) => "both",
    }
}

/// CSV cells with the character column where each starts (1-based).
fn split_located(line: &str) -> Vec<(String, usize)> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut start = 1;
    let mut quoted = false;
    let mut chars = line.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek().map(|p| p.1) == Some('"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => {
                cells.push((std::mem::take(&mut cell), start));
                start = i + 2;
            }
            _ => cell.push(c),
        }
    }
    cells.push((cell, start));
    cells
}

fn bad(file: &str, line: usize, column: usize, message: String) -> Error {
    Error::File {
        file: file.into(),
        line,
        column,
        message,
    }
}

/// An error unless `columns` hold every column `players` and `group` need (`header` makes
/// the error about the columns: located in a file, or about the options for a grid).
fn check_columns(
    header: impl Fn(String) -> Error,
    columns: &[String],
    players: &[String],
    group: Option<&str>,
) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for name in columns {
        if !seen.insert(name) {
            return Err(header(format!(
                "the column {name:?} appears twice; which one holds the utilities would be a guess"
            )));
        }
    }
    for (k, name) in players.iter().enumerate() {
        if players[..k].contains(name) {
            return Err(Error::InvalidArgument {
                argument: format!("--players {}", players.join(",")),
                reason: format!("{name} is named twice; each player's utility is one column"),
            });
        }
    }
    let needed = players
        .iter()
        .map(String::as_str)
        .chain(group.filter(|g| *g != "regulation_class"))
        .chain(
            group
                .filter(|g| *g == "regulation_class")
                .into_iter()
                .flat_map(|_| ["theta_g", "theta_d"]),
        );
    for name in needed {
        if !columns.iter().any(|h| h == name) {
            return Err(header(format!(
                "no column {name:?}; the columns are {}",
                columns.join(", ")
            )));
        }
    }
    Ok(())
}

/// The outcome of one record's `(name, value, column)` cells at `file:line`.
fn outcome(
    file: &str,
    line: usize,
    cells: &[(String, String, usize)],
    players: &[String],
    group: Option<&str>,
    fallback_id: usize,
) -> Result<Outcome> {
    let cell = |name: &str| -> Result<(String, usize)> {
        cells
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, v, c)| (v.clone(), *c))
            .ok_or_else(|| bad(file, line, 1, format!("no field {name:?}")))
    };
    let number = |name: &str| -> Result<Algebraic> {
        let (text, column) = cell(name)?;
        parse_exact(&text).map_err(|reason| bad(file, line, column, format!("{name}: {reason}")))
    };
    let mut utilities = Vec::with_capacity(players.len());
    for p in players {
        utilities.push(number(p)?);
    }
    let group = match group {
        None => "all".to_string(),
        Some("regulation_class") => {
            regulation_class(&number("theta_g")?, &number("theta_d")?).to_string()
        }
        Some(g) => cell(g)?.0,
    };
    let id = cell("index")
        .map(|c| c.0)
        .unwrap_or_else(|_| fallback_id.to_string());
    Ok(Outcome {
        id,
        group,
        utilities,
    })
}

/// The outcomes of sweep rows (index, row) as a grid computes them, read like the lines of
/// the CSV file the same sweep writes (`grid:LINE` in messages; the header is line 1).
pub fn from_rows(
    rows: &[(usize, Row)],
    players: &[String],
    group: Option<&str>,
) -> Result<Vec<Outcome>> {
    let Some((_, first)) = rows.first() else {
        return Err(bad("grid", 1, 1, "no outcomes in the file".into()));
    };
    let columns: Vec<String> = std::iter::once("index".to_string())
        .chain(first.cells.iter().map(|(n, _)| n.clone()))
        .collect();
    let options = |reason: String| Error::InvalidArgument {
        argument: format!(
            "--players {}{}",
            players.join(","),
            group.map(|g| format!(" --group {g}")).unwrap_or_default()
        ),
        reason: format!("the grid's rows have {reason}"),
    };
    check_columns(options, &columns, players, group)?;
    rows.iter()
        .enumerate()
        .map(|(k, (index, row))| {
            let cells: Vec<(String, String, usize)> =
                std::iter::once(("index".to_string(), index.to_string(), 1))
                    .chain(row.cells.iter().map(|(n, v)| (n.clone(), v.clone(), 1)))
                    .collect();
            outcome("grid", k + 2, &cells, players, group, k + 2)
        })
        .collect()
}

/// Reads the outcomes of a sweep file: the utilities in columns `players`, the group from the
/// column `group` (`regulation_class` is computed from `theta_g` and `theta_d`; none: one group).
pub fn read(
    file: &str,
    text: &str,
    players: &[String],
    group: Option<&str>,
) -> Result<Vec<Outcome>> {
    use crate::sweep::output::RowFormat;
    let format = RowFormat::of_path(file);
    let json = matches!(format, Some(RowFormat::JsonLines | RowFormat::Json));
    // A byte-order mark is no part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // (line index, column, text) of each record: a line of CSV or JSON Lines, or an element of
    // a JSON array.
    let records: Vec<(usize, usize, &str)> = if format == Some(RowFormat::Json) {
        array_elements(file, text)?
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| (n, 1, l))
            .collect()
    };
    let mut lines = records.into_iter();
    let mut header: Vec<String> = Vec::new();
    if !json {
        let (_, _, first) = lines
            .next()
            .ok_or_else(|| bad(file, 1, 1, "the file is empty".into()))?;
        header = split_located(first).into_iter().map(|(c, _)| c).collect();
        check_columns(|m| bad(file, 1, 1, m), &header, players, group)?;
    }
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let most = Limit::Outcomes.value();
    let in_array = format == Some(RowFormat::Json);
    for (ordinal, (number, start, line)) in lines.enumerate() {
        let line_no = number + 1;
        // Without an index column a row is named by its line, or in an array (whose rows may
        // share a line) by its place in the array, counting from 0.
        let fallback_id = if in_array { ordinal } else { line_no };
        // Refused before the record past the limit is read, and before any analysis.
        if out.len() == most {
            return Err(Limit::Outcomes.exceeded(&format!("more than {most}"), file));
        }
        // (name, value, column) cells of this record.
        let cells: Vec<(String, String, usize)> = if json {
            crate::sweep::output::json_record(line)
                .map_err(|e| {
                    // serde_json's own position is of the line alone: the location says it.
                    let text = e.to_string();
                    let reason = text.rsplit_once(" at line ").map_or(&text[..], |(r, _)| r);
                    // Within a record that starts mid-line, columns count from its start.
                    let (l, c) = if e.line() <= 1 {
                        (line_no, start + e.column().max(1) - 1)
                    } else {
                        (line_no + e.line() - 1, e.column().max(1))
                    };
                    bad(file, l, c, format!("malformed JSON: {reason}"))
                })?
                .into_iter()
                .map(|(k, v)| {
                    let text = match v {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (k, text, start)
                })
                .collect()
        } else {
            let split = split_located(line);
            if split.len() != header.len() {
                return Err(bad(
                    file,
                    line_no,
                    1,
                    format!("{} cells, the header has {}", split.len(), header.len()),
                ));
            }
            header
                .iter()
                .cloned()
                .zip(split)
                .map(|(name, (value, column))| (name, value, column))
                .collect()
        };
        let outcome = outcome(file, line_no, &cells, players, group, fallback_id)?;
        // Outcomes are named by their index in every report: two of one name would be a guess.
        if !ids.insert(outcome.id.clone()) {
            return Err(bad(
                file,
                line_no,
                1,
                format!("the index {} is given twice", outcome.id),
            ));
        }
        out.push(outcome);
    }
    if out.is_empty() {
        return Err(bad(file, 1, 1, "no outcomes in the file".into()));
    }
    Ok(out)
}

/// The elements of a JSON array file (`sweep --format json`) as `(line index, column, text)`.
fn array_elements<'t>(file: &str, text: &'t str) -> Result<Vec<(usize, usize, &'t str)>> {
    let elements: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).map_err(|e| {
        let text = e.to_string();
        let reason = text.rsplit_once(" at line ").map_or(&text[..], |(r, _)| r);
        bad(
            file,
            e.line().max(1),
            e.column().max(1),
            format!("not a JSON array of rows: {reason}"),
        )
    })?;
    // A borrowed raw value is a slice of the text: its offset locates it. The elements come in
    // order, so lines and columns are counted once, from one element to the next.
    let (mut line, mut column, mut counted) = (0, 1, 0);
    let mut out = Vec::with_capacity(elements.len());
    for raw in elements {
        let element = raw.get();
        let offset = element.as_ptr() as usize - text.as_ptr() as usize;
        for c in text[counted..offset].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        counted = offset;
        out.push((line, column, element));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    #[test]
    fn exact_texts_parse_back() {
        assert_eq!(
            parse_exact("3/8").unwrap(),
            Algebraic::from_rational(ratio(3, 8))
        );
        let nash = parse_exact("(2+sqrt(13))/9").unwrap();
        assert_eq!(nash.defining_poly().coeffs().len(), 3);
        let r = parse_exact("root of x^3 - x - 1 in (1, 2)").unwrap();
        assert!(r.cmp_rational(&ratio(13, 10)).is_gt());
        assert!(parse_exact("NaN").is_err());
        assert!(parse_exact("1/0").is_err());
    }

    #[test]
    fn bad_cells_are_located() {
        let text = "index,u_g,u_d\n0,1/2,1/3\n1,0.25,oops\n";
        let e = read("s.csv", text, &["u_g".into(), "u_d".into()], None).unwrap_err();
        assert!(e.to_string().contains("s.csv:3:8"), "{e}");
        let good = read(
            "s.csv",
            &text.replace("oops", "1"),
            &["u_g".into(), "u_d".into()],
            None,
        )
        .unwrap();
        assert_eq!(good.len(), 2);
        let e = read("s.csv", text, &["u_x".into()], None).unwrap_err();
        assert!(e.to_string().contains("no column \"u_x\""), "{e}");
    }
}
