//! Sweep rows as text: CSV (one header, one row per game) or JSON Lines (one object per game).

use crate::exact::{Algebraic, Rational};

use super::Row;

/// Significant digits of a row's `_approx` cells.
pub const APPROX_DIGITS: usize = 15;

/// An exact value's `_approx` cell: its first [`APPROX_DIGITS`] significant digits, truncated
/// toward zero, so every digit written is correct (the whole value when it has no more).
pub fn approx(value: &Algebraic) -> String {
    value.decimal(APPROX_DIGITS).digits
}

/// [`approx`] of a rational.
pub fn approx_rational(value: &Rational) -> String {
    approx(&Algebraic::from_rational(value.clone()))
}

/// The format of a sweep's rows: CSV (a header, then one line per game), JSON Lines (one object
/// per line) or JSON (one array of the same objects).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowFormat {
    Csv,
    JsonLines,
    Json,
}

impl RowFormat {
    /// `csv`, `jsonl` or `json`: the `--format` value and the file extension.
    pub fn name(self) -> &'static str {
        match self {
            RowFormat::Csv => "csv",
            RowFormat::JsonLines => "jsonl",
            RowFormat::Json => "json",
        }
    }

    /// The format a file's extension names (`.csv`, `.jsonl`, `.json`, any case), if any.
    pub fn of_path(path: &str) -> Option<RowFormat> {
        let lower = path.to_ascii_lowercase();
        [RowFormat::Csv, RowFormat::JsonLines, RowFormat::Json]
            .into_iter()
            .find(|f| lower.ends_with(&format!(".{}", f.name())))
    }

    /// The format of a sweep's rows: `--format` when given, else the one `--out`'s extension
    /// names, else CSV. An extension naming another format than `--format` is refused.
    pub fn choose(format: Option<RowFormat>, out: Option<&str>) -> Result<RowFormat, String> {
        let named = out.and_then(RowFormat::of_path);
        match (format, named) {
            (Some(f), Some(n)) if f != n => Err(format!(
                "the file's name says {} but --format is {}; name it *.{} or drop --format",
                n.name(),
                f.name(),
                f.name()
            )),
            (Some(f), _) => Ok(f),
            (None, n) => Ok(n.unwrap_or(RowFormat::Csv)),
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

/// One row as text in `format`: a whole line for CSV and JSON Lines; for JSON the object alone,
/// which the writer puts between `[`, `,` and `]`.
pub fn line(format: RowFormat, index: usize, row: &Row) -> String {
    match format {
        RowFormat::Csv => {
            let cells: Vec<String> = std::iter::once(index.to_string())
                .chain(row.cells.iter().map(|(_, value)| csv_cell(value)))
                .collect();
            format!("{}\n", cells.join(","))
        }
        RowFormat::JsonLines | RowFormat::Json => {
            let mut object = serde_json::Map::new();
            object.insert("index".into(), serde_json::json!(index));
            for (name, value) in &row.cells {
                object.insert(name.clone(), serde_json::json!(value));
            }
            let object = serde_json::Value::Object(object);
            if format == RowFormat::Json {
                object.to_string()
            } else {
                format!("{object}\n")
            }
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

/// One JSON record: an object's members in order.
pub type Record = Vec<(String, serde_json::Value)>;

/// A record read with every key checked: a key given twice is refused (a map would keep one of
/// them silently), as is anything but an object.
struct Checked(Record);

impl<'de> serde::Deserialize<'de> for Checked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Checked, D::Error> {
        d.deserialize_map(CheckedVisitor)
    }
}

struct CheckedVisitor;

impl<'de> serde::de::Visitor<'de> for CheckedVisitor {
    type Value = Checked;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object per row")
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Checked, M::Error> {
        let mut members: Record = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!(
                    "the key \"{key}\" is given twice"
                )));
            }
            members.push((key, map.next_value()?));
        }
        Ok(Checked(members))
    }
}

/// One JSON Lines record.
pub fn json_record(line: &str) -> Result<Record, serde_json::Error> {
    serde_json::from_str::<Checked>(line).map(|r| r.0)
}

/// The records of a JSON file written by `sweep --format json`: one array of objects (errors
/// carry serde_json's line and column in the whole text).
pub fn json_records(text: &str) -> Result<Vec<Record>, serde_json::Error> {
    serde_json::from_str::<Vec<Checked>>(text).map(|rs| rs.into_iter().map(|r| r.0).collect())
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
