//! What `gpai solve race …` shows: revenues, the upgrade gain, y* and f at the game's points, exact or certified.

use crate::exact::Rational;
use crate::models::solve_report::{
    Entry, Node, Rows, SolveReport, body, entries, exact_table, line, values,
};

use super::exact::{Best, Solution};
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

/// The numeric outputs the table shows, in order (`ystar` and `max_profit` only when the firm
/// trains, `f_y2` only in the duopoly).
pub const ROWS: &[&str] = &[
    "revenue", "revenue_z", "gain", "profit", "ystar", "max_profit", "f_x", "f_xp", "f_y", "f_z",
    "f_y2",
];

fn decision(s: &Solution) -> String {
    match &s.best {
        Best::Trains { .. } => Decision::Trains.to_string(),
        Best::StaysOut { .. } => Decision::StaysOut.to_string(),
        Best::Undecided { why } => format!("undecided ({why})"),
    }
}

/// The report.
/// `rows` are [`ROWS`] read from the game.
pub fn report(q: &Params, s: &Solution, rows: &Rows) -> SolveReport {
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
    let mut latex = entries(rows);
    latex.push(("decision".into(), Entry::Word(decision(s))));
    latex.push(("trains".into(), Entry::flag(trains)));
    SolveReport {
        variable: "y",
        body: body(
            vec![
                line(format!("race: {family}; extension {extension}")),
                line(format!("  {points}")),
            ],
            exact_table(rows),
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
            ("values", values(rows)),
            ("ties", Node::Ties(s.best.ties().to_vec())),
        ]),
        ties: s.best.ties().to_vec(),
    }
}
