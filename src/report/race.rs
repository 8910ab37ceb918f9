//! The report of `gpai solve race …`: revenues, the upgrade gain, y* and f at the game's points, exact or certified.

use serde_json::{Value as Json, json};

use crate::exact::Value;
use crate::models::race::exact::{Best, Solution};
use crate::models::race::form::Pt;
use crate::models::race::{Decision, Extension, Family, Params};

use super::Format;
use super::latex::{self, Cell};
use super::table;
use super::ties;
use super::value::{decimal_text, exact_text, json_value};

fn family_text(f: &Family) -> String {
    let list = |v: &[crate::exact::Rational]| {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    };
    match f {
        Family::Power { a, p } => format!("f(x) = {a}*x^({p})"),
        Family::Polynomial(poly) => format!("f(x) = {}", poly.display_in("x")),
        Family::Pwl { breaks, slopes } => {
            format!(
                "f piecewise linear, breaks {}, slopes {}",
                list(breaks),
                list(slopes)
            )
        }
        Family::Log { a, b } => {
            format!("f(x) = {a}*ln(1 + x/{b}) (values are certified enclosures)")
        }
    }
}

fn extension_text(e: &Extension) -> String {
    match e {
        Extension::Base => "base".into(),
        Extension::Discount { rho } => format!("discount, rho = {rho}"),
        Extension::UncertainRelease { q } => format!("uncertain_release, q = {q}"),
        Extension::CustomerTypes { v, w } => {
            let pairs: Vec<String> = v.iter().zip(w).map(|(v, w)| format!("{v}@{w}")).collect();
            format!("customer_types (valuation@share) {}", pairs.join(" "))
        }
        Extension::Duopoly { y2, s } => format!("duopoly, rival y2 = {y2}, captive share s = {s}"),
    }
}

/// The named rows of the report.
fn rows(s: &Solution) -> Vec<(String, Option<Value>)> {
    let mut out: Vec<(String, Option<Value>)> = vec![
        ("revenue".into(), Some(s.revenue.clone())),
        ("revenue_z".into(), Some(s.revenue_z.clone())),
        ("gain".into(), Some(s.gain.clone())),
        ("profit".into(), Some(s.profit.clone())),
    ];
    match &s.best {
        Best::Trains { ystar, profit, .. } => {
            out.push(("ystar".into(), Some(Value::Exact(ystar.clone()))));
            out.push(("max_profit".into(), Some(profit.clone())));
        }
        _ => {
            out.push(("ystar".into(), None));
            out.push(("max_profit".into(), None));
        }
    }
    // f at the rival's size exists only in the duopoly: `none` otherwise.
    for p in [Pt::X, Pt::Xp, Pt::Y, Pt::Z, Pt::Y2] {
        out.push((format!("f_{}", p.name()), s.f.get(&p).cloned()));
    }
    out
}

fn decision(s: &Solution) -> String {
    match &s.best {
        Best::Trains { .. } => Decision::Trains.to_string(),
        Best::StaysOut { .. } => Decision::StaysOut.to_string(),
        Best::Undecided { why } => format!("undecided ({why})"),
    }
}

/// The report.
pub fn render(q: &Params, s: &Solution, format: Format, digits: usize) -> String {
    let rows = rows(s);
    let points = format!(
        "n = {}, m = {}, k = {}, x = {}, xp = {}, y = {}, z = {}, cap = {}",
        q.n(),
        q.m(),
        q.k(),
        q.x(),
        q.xp(),
        q.y(),
        q.z(),
        q.cap()
    );
    match format {
        Format::Json => {
            let mut values = serde_json::Map::new();
            for (name, v) in &rows {
                values.insert(
                    name.clone(),
                    v.as_ref()
                        .map_or(Json::Null, |v| json_value(v, "y", digits)),
                );
            }
            let doc = json!({
                "model": "race",
                "family": family_text(q.family()),
                "extension": extension_text(q.ext()),
                "params": points,
                "decision": decision(s),
                "trains": matches!(s.best, Best::Trains { .. }),
                "values": values,
                "ties": ties::json(s.best.ties()),
            });
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Latex => {
            let mut cells: Vec<(String, Cell)> = rows
                .into_iter()
                .map(|(n, v)| (n, v.map_or(Cell::Missing, Cell::Num)))
                .collect();
            cells.push(("decision".into(), Cell::Word(decision(s))));
            cells.push((
                "trains".into(),
                Cell::Word(
                    if matches!(s.best, Best::Trains { .. }) {
                        "yes"
                    } else {
                        "no"
                    }
                    .into(),
                ),
            ));
            latex::table(
                &format!(
                    "race: {}; extension {}; {points}",
                    family_text(q.family()),
                    extension_text(q.ext())
                ),
                &cells,
                s.best.ties(),
                digits,
            )
        }
        Format::Table => {
            let mut out = format!(
                "race: {}; extension {}\n  {points}\n",
                family_text(q.family()),
                extension_text(q.ext())
            );
            let table_rows: Vec<Vec<String>> = rows
                .iter()
                .map(|(name, v)| match v {
                    Some(v) => vec![
                        name.clone(),
                        exact_text(v, "y", digits),
                        decimal_text(v, digits),
                    ],
                    None => vec![name.clone(), "none".into(), String::new()],
                })
                .collect();
            out.push_str(&table::render(&["output", "exact", "decimal"], &table_rows));
            out.push_str(&format!(
                "decision: {}, trains: {}  (y* is the smallest profit-maximizing size in (x, cap]; gain = revenue_z - revenue)\n",
                decision(s),
                if matches!(s.best, Best::Trains { .. }) { "yes" } else { "no" }
            ));
            out.push_str(&ties::text(s.best.ties()));
            out
        }
    }
}
