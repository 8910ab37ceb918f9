//! Sweep rows as text: CSV (one header, one row per game) or JSON Lines (one object per game).

use super::Row;

/// The output format a file name asks for: JSON Lines for `.json`/`.jsonl`, else CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowFormat {
    Csv,
    JsonLines,
}

impl RowFormat {
    /// `csv` or `jsonl`.
    pub fn name(self) -> &'static str {
        match self {
            RowFormat::Csv => "csv",
            RowFormat::JsonLines => "jsonl",
        }
    }

    pub fn for_path(path: &str) -> RowFormat {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".json") || lower.ends_with(".jsonl") {
            RowFormat::JsonLines
        } else {
            RowFormat::Csv
        }
    }
}

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The CSV header line for rows with these cells.
pub fn csv_header(row: &Row) -> String {
    let names: Vec<String> = std::iter::once("index".to_string())
        .chain(row.cells.iter().map(|(name, _)| csv_cell(name)))
        .collect();
    format!("{}\n", names.join(","))
}

/// One row as a whole line of text in `format`.
pub fn line(format: RowFormat, index: usize, row: &Row) -> String {
    match format {
        RowFormat::Csv => {
            let cells: Vec<String> = std::iter::once(index.to_string())
                .chain(row.cells.iter().map(|(_, value)| csv_cell(value)))
                .collect();
            format!("{}\n", cells.join(","))
        }
        RowFormat::JsonLines => {
            let mut object = serde_json::Map::new();
            object.insert("index".into(), serde_json::json!(index));
            for (name, value) in &row.cells {
                object.insert(name.clone(), serde_json::json!(value));
            }
            format!("{}\n", serde_json::Value::Object(object))
        }
    }
}

/// Splits one CSV line into cells (inverse of the quoting above).
pub fn split_csv(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// One JSON Lines record: an object's members in order. A key given twice is refused (a map
/// would keep one of them silently), as is anything but an object.
pub fn json_record(line: &str) -> Result<Vec<(String, serde_json::Value)>, serde_json::Error> {
    struct Record(Vec<(String, serde_json::Value)>);

    impl<'de> serde::Deserialize<'de> for Record {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Record, D::Error> {
            d.deserialize_map(RecordVisitor)
        }
    }

    struct RecordVisitor;

    impl<'de> serde::de::Visitor<'de> for RecordVisitor {
        type Value = Record;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object per line")
        }

        fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Record, M::Error> {
            let mut members: Vec<(String, serde_json::Value)> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(serde::de::Error::custom(format!(
                        "the key \"{key}\" is given twice"
                    )));
                }
                members.push((key, map.next_value()?));
            }
            Ok(Record(members))
        }
    }

    serde_json::from_str::<Record>(line).map(|r| r.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_round_trip() {
        let row = Row {
            cells: vec![
                ("a".into(), "root of x^2 - 2 in (1, 2)".into()),
                ("b".into(), "say \"hi\"".into()),
            ],
            label: String::new(),
        };
        let text = line(RowFormat::Csv, 7, &row);
        assert_eq!(
            split_csv(text.trim_end()),
            vec!["7", "root of x^2 - 2 in (1, 2)", "say \"hi\""]
        );
        assert_eq!(csv_header(&row), "index,a,b\n");
        assert!(line(RowFormat::JsonLines, 7, &row).starts_with("{\"index\":7,"));
    }
}
