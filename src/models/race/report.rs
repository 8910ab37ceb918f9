//! What `gpai solve race …` shows: revenues, the upgrade gain, y* and f at the game's points, exact or certified.

use crate::exact::{Rational, Value};
use crate::models::solve_report::{Entry, Node, SolveReport, Table, body, line};

use super::exact::{Best, Solution};
use super::form::Pt;
use super::{Decision, Extension, Family, Params};

fn family_text(f: &Family) -> String {
    let list = |v: &[Rational]| {
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
pub fn report(q: &Params, s: &Solution) -> SolveReport {
    let rows: Vec<(String, Entry)> = rows(s)
        .into_iter()
        .map(|(n, v)| (n, v.map_or(Entry::Missing, Entry::Value)))
        .collect();
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
    let trains = matches!(s.best, Best::Trains { .. });
    let (family, extension) = (family_text(q.family()), extension_text(q.ext()));
    let mut latex = rows.clone();
    latex.push(("decision".into(), Entry::Word(decision(s))));
    latex.push(("trains".into(), Entry::flag(trains)));
    let values = rows
        .iter()
        .map(|(n, e)| {
            let node = match e {
                Entry::Value(v) => Node::Value(v.clone()),
                _ => Node::Null,
            };
            (n.clone(), node)
        })
        .collect();
    SolveReport {
        variable: "y",
        body: body(
            vec![
                line(format!("race: {family}; extension {extension}")),
                line(format!("  {points}")),
            ],
            Table::Named {
                columns: vec!["exact"],
                rows: rows
                    .iter()
                    .map(|(n, e)| (n.clone(), vec![e.clone()]))
                    .collect(),
            },
            vec![line(format!(
                "decision: {}, trains: {}  (y* is the smallest profit-maximizing size in (x, cap]; gain = revenue_z - revenue)",
                decision(s),
                if trains { "yes" } else { "no" }
            ))],
        ),
        latex_title: format!("race: {family}; extension {extension}; {points}"),
        latex,
        json: Node::object([
            ("model", Node::text(super::regimes::INFO.name)),
            ("family", Node::Text(family)),
            ("extension", Node::Text(extension)),
            ("params", Node::Text(points)),
            ("decision", Node::Text(decision(s))),
            ("trains", Node::Bool(trains)),
            ("values", Node::Object(values)),
            ("ties", Node::Ties(s.best.ties().to_vec())),
        ]),
        ties: s.best.ties().to_vec(),
    }
}
