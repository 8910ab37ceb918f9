//! A solved game as `gpai solve` shows it, in no format yet: heading lines, a table, the lines under it, LaTeX cells and a JSON tree, whose values stay exact until `src/report/solve.rs` writes them in the format asked for.
//!
//! Every model's [`crate::models::Model::solve`] returns one [`SolveReport`]; the one renderer
//! turns it into a table, JSON or LaTeX. A model whose table is not the usual `output, exact,
//! decimal` (the safety game's regulated and unregulated columns, the n-specialist game's row
//! per domain) says so through [`Table`], not through a renderer of its own.

use crate::error::{Error, Result};
use crate::exact::Value;

use super::model::{Game, Shared};
use super::tie::Tie;
use super::val::Val;

/// One piece of a line or a cell of a free table.
#[derive(Clone, Debug)]
pub enum Piece {
    /// Text as it is.
    Text(String),
    /// A value's exact form (`(2+sqrt(13))/9`, `root of … in (…)`).
    Exact(Value),
    /// A value's truncated decimal, marked `≈` unless it is exact.
    Decimal(Value),
    /// A value's decimal with this many significant digits, whatever the report's.
    Rounded(Value, usize),
    /// A value's exact form when it is short (80 characters at most), else its decimal and a
    /// pointer to `--format json`: closed forms with huge coefficients say little in a table.
    Brief(Value),
    /// The number of significant digits the report is written with.
    Digits,
    /// Pieces written one after another, as one cell.
    Join(Vec<Piece>),
}

/// One block of the report's text, in order.
#[derive(Clone, Debug)]
pub enum Block {
    Line(Vec<Piece>),
    Table(Table),
}

/// The usual body: lines, one table, lines.
pub fn body(heading: Vec<Vec<Piece>>, table: Table, footing: Vec<Vec<Piece>>) -> Vec<Block> {
    let lines = |l: Vec<Vec<Piece>>| l.into_iter().map(Block::Line);
    lines(heading)
        .chain([Block::Table(table)])
        .chain(lines(footing))
        .collect()
}

/// One entry of a named row.
#[derive(Clone, Debug)]
pub enum Entry {
    /// A number: its exact form and its decimal.
    Value(Value),
    /// A word: a label, or `yes`/`no`.
    Word(String),
    /// The output does not exist for this game.
    Missing,
}

impl Entry {
    /// `yes` or `no`.
    pub fn flag(b: bool) -> Entry {
        Entry::Word(if b { "yes" } else { "no" }.into())
    }

    /// An exact rational.
    pub fn rational(r: &crate::exact::Rational) -> Entry {
        Entry::Value(Value::rational(r.clone()))
    }
}

/// The report's table.
#[derive(Clone, Debug)]
pub enum Table {
    /// `output` and, per column named here, the value's exact form and its decimal: one row per
    /// output, an entry per column.
    Named {
        columns: Vec<&'static str>,
        rows: Vec<(String, Vec<Entry>)>,
    },
    /// Columns of the model's own, one piece per cell.
    Free {
        header: Vec<String>,
        rows: Vec<Vec<Piece>>,
    },
}

/// A JSON tree whose leaves may be exact values (written with their exact form, decimal and
/// approximation) and ties.
#[derive(Clone, Debug)]
pub enum Node {
    Object(Vec<(String, Node)>),
    List(Vec<Node>),
    Text(String),
    Bool(bool),
    Int(i64),
    Value(Value),
    Null,
    Ties(Vec<Tie>),
}

impl Node {
    /// An object from `(name, node)` pairs, in order.
    pub fn object<const N: usize>(items: [(&str, Node); N]) -> Node {
        Node::Object(items.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// Text from anything displayable.
    pub fn text(t: impl std::fmt::Display) -> Node {
        Node::Text(t.to_string())
    }

    /// An exact value, or `null` when it does not exist.
    pub fn maybe(v: Option<Value>) -> Node {
        v.map_or(Node::Null, Node::Value)
    }
}

/// A solved game, ready to be written in any format.
#[derive(Clone, Debug)]
pub struct SolveReport {
    /// The variable defining polynomials are written in (`x`; `w` for the openness line).
    pub variable: &'static str,
    /// The text: lines and tables (usually a heading, one table and the regime's line under it).
    pub body: Vec<Block>,
    /// The comment line above the LaTeX `tabular`.
    pub latex_title: String,
    /// The LaTeX rows.
    pub latex: Vec<(String, Entry)>,
    pub json: Node,
    /// The ties resolved, after the footing (as comments in LaTeX).
    pub ties: Vec<Tie>,
}

/// Rows of numbers: each output's name and value (`None` when the game lacks it).
pub type Rows = Vec<(String, Option<Value>)>;

/// The numeric outputs `paths` of `game`, read as claims read them, so that a report never
/// restates how an output is computed; each row is named `show(path)`.
pub fn read(
    game: &mut dyn Game,
    shared: &mut Shared,
    paths: &[&str],
    show: impl Fn(&str) -> String,
) -> Result<Rows> {
    paths
        .iter()
        .map(|&path| {
            let value = match game.output(path, shared) {
                Ok(Val::Num(a)) => Some(Value::Exact(a)),
                Ok(Val::Enc(i)) => Some(Value::Enclosure(i)),
                Ok(other) => {
                    return Err(Error::NoOutput {
                        path: path.into(),
                        reason: format!("is {}, not a number", other.kind()),
                    });
                }
                Err(Error::NoOutput { .. }) => None,
                Err(e) => return Err(e),
            };
            Ok((show(path), value))
        })
        .collect()
}

/// Rows as entries (a missing value as [`Entry::Missing`]).
pub fn entries(rows: &Rows) -> Vec<(String, Entry)> {
    let entry = |v: &Option<Value>| v.clone().map_or(Entry::Missing, Entry::Value);
    rows.iter().map(|(n, v)| (n.clone(), entry(v))).collect()
}

/// The one-column table of `rows`.
pub fn exact_table(rows: &Rows) -> Table {
    Table::Named {
        columns: vec!["exact"],
        rows: entries(rows)
            .into_iter()
            .map(|(n, e)| (n, vec![e]))
            .collect(),
    }
}

/// Rows as a JSON object (a missing value as `null`).
pub fn values(rows: &Rows) -> Node {
    Node::Object(
        rows.iter()
            .map(|(n, v)| (n.clone(), Node::maybe(v.clone())))
            .collect(),
    )
}

/// A line of text alone.
pub fn line(text: impl Into<String>) -> Vec<Piece> {
    vec![Piece::Text(text.into())]
}

/// Column names from words.
pub fn words(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}
