//! The report of `gpai solve MODEL …` for every model: a [`SolveReport`] written as a table, JSON or LaTeX.

use serde_json::Value as Json;

use crate::models::solve_report::{Block, Entry, Node, Piece, SolveReport, Table};

use super::Format;
use super::latex::{self, Cell};
use super::table;
use super::ties;
use super::value::{decimal_text, exact_text, json_value};

/// The report in `format`, values with `digits` significant digits.
pub fn render(report: &SolveReport, format: Format, digits: usize) -> String {
    let var = report.variable;
    match format {
        Format::Table => {
            let mut out = String::new();
            for block in &report.body {
                match block {
                    Block::Line(line) => {
                        out.push_str(&pieces(line, var, digits));
                        out.push('\n');
                    }
                    Block::Table(t) => out.push_str(&table_text(t, var, digits)),
                }
            }
            out.push_str(&ties::text(&report.ties));
            out
        }
        Format::Json => {
            let doc = json(&report.json, var, digits);
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Latex => {
            let cells: Vec<(String, Cell)> = report
                .latex
                .iter()
                .map(|(name, e)| {
                    let cell = match e {
                        Entry::Value(v) => Cell::Num(v.clone()),
                        Entry::Word(w) => Cell::Word(w.clone()),
                        Entry::Missing => Cell::Missing,
                    };
                    (name.clone(), cell)
                })
                .collect();
            latex::table(&report.latex_title, &cells, &report.ties, digits)
        }
    }
}

fn table_text(t: &Table, var: &str, digits: usize) -> String {
    match t {
        Table::Named { columns, rows } => {
            let mut header = vec!["output"];
            for c in columns {
                header.extend([*c, "decimal"]);
            }
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|(name, entries)| {
                    let mut row = vec![name.clone()];
                    for e in entries {
                        row.extend(match e {
                            Entry::Value(v) => {
                                [exact_text(v, var, digits), decimal_text(v, digits)]
                            }
                            Entry::Word(w) => [w.clone(), String::new()],
                            Entry::Missing => ["none".into(), String::new()],
                        });
                    }
                    row
                })
                .collect();
            table::render(&header, &rows)
        }
        Table::Free { header, rows } => {
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(|p| piece(p, var, digits)).collect())
                .collect();
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            table::render(&header, &rows)
        }
    }
}

fn piece(p: &Piece, var: &str, digits: usize) -> String {
    match p {
        Piece::Text(t) => t.clone(),
        Piece::Exact(v) => exact_text(v, var, digits),
        Piece::Decimal(v) => decimal_text(v, digits),
        Piece::Rounded(v, d) => decimal_text(v, *d),
        Piece::Digits => digits.to_string(),
        Piece::Join(ps) => pieces(ps, var, digits),
        Piece::Brief(v) => {
            let text = exact_text(v, var, digits);
            if text.len() <= 80 {
                text
            } else {
                format!("{} (exact: --format json)", decimal_text(v, digits))
            }
        }
    }
}

fn pieces(line: &[Piece], var: &str, digits: usize) -> String {
    line.iter().map(|p| piece(p, var, digits)).collect()
}

fn json(node: &Node, var: &str, digits: usize) -> Json {
    match node {
        Node::Object(items) => Json::Object(
            items
                .iter()
                .map(|(k, v)| (k.clone(), json(v, var, digits)))
                .collect(),
        ),
        Node::List(items) => Json::Array(items.iter().map(|n| json(n, var, digits)).collect()),
        Node::Text(t) => Json::String(t.clone()),
        Node::Bool(b) => Json::Bool(*b),
        Node::Int(i) => Json::from(*i),
        Node::Value(v) => json_value(v, var, digits),
        Node::Null => Json::Null,
        Node::Ties(t) => ties::json(t),
    }
}
