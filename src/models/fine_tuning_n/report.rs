//! What `gpai solve fine_tuning_n …` shows: G's base model, and every domain's regime, performance, utility, margin, participation value and threshold.

use crate::exact::{Rational, Value};
use crate::models::solve_report::{Entry, Node, Piece, SolveReport, Table, line};

use super::exact::{margin, participation_value, threshold};
use super::params::Domain;
use super::{Equilibrium, Params};

fn v(r: &Rational) -> Value {
    Value::rational(r.clone())
}

/// A domain's margin, its participation value at the equilibrium's base, and its threshold.
fn extras(d: &Domain, e: &Equilibrium) -> (Rational, Rational, Option<Rational>) {
    (margin(d), participation_value(d, &e.alpha0), threshold(d))
}

/// The game's parameters on one line (`c0 = 1, kappa0 = 0; domain 1: r=1 c=1 kappa=0 a=0`).
pub fn params_line(q: &Params) -> String {
    let domains: Vec<String> = q
        .domains()
        .iter()
        .enumerate()
        .map(|(k, d)| {
            format!(
                "domain {}: r={} c={} kappa={} a={}",
                k + 1,
                d.r,
                d.c,
                d.kappa,
                d.a
            )
        })
        .collect();
    format!(
        "c0 = {}, kappa0 = {}; {}",
        q.c0(),
        q.kappa0(),
        domains.join("; ")
    )
}

/// The report.
pub fn report(q: &Params, e: &Equilibrium) -> SolveReport {
    let text = |t: String| Piece::Text(t);
    let mut rows = Vec::new();
    let mut latex: Vec<(String, Entry)> = vec![
        ("alpha0".into(), Entry::rational(&e.alpha0)),
        ("u_g".into(), Entry::rational(&e.u_g)),
        ("g_participates".into(), Entry::flag(e.g_participates)),
    ];
    let mut domains = Vec::new();
    for (k, (d, o)) in q.domains().iter().zip(&e.domains).enumerate() {
        let i = k + 1;
        let (margin, value, threshold) = extras(d, e);
        rows.push(vec![
            text(i.to_string()),
            text(format!(
                "r={} c={} kappa={} a={} delta={}",
                d.r, d.c, d.kappa, d.a, d.delta
            )),
            text(o.regime.to_string()),
            text(o.alpha.to_string()),
            text(o.utility.to_string()),
            Piece::Decimal(v(&o.utility)),
            text(margin.to_string()),
            text(value.to_string()),
            text(
                threshold
                    .as_ref()
                    .map_or("none".into(), ToString::to_string),
            ),
        ]);
        latex.extend([
            (format!("regime_{i}"), Entry::Word(o.regime.to_string())),
            (format!("alpha_{i}"), Entry::rational(&o.alpha)),
            (format!("u_{i}"), Entry::rational(&o.utility)),
            (format!("margin_{i}"), Entry::rational(&margin)),
            (format!("value_{i}"), Entry::rational(&value)),
            (
                format!("threshold_{i}"),
                threshold.as_ref().map_or(Entry::Missing, Entry::rational),
            ),
        ]);
        domains.push(Node::object([
            ("domain", Node::Int(i as i64)),
            (
                "params",
                Node::object([
                    ("r", Node::text(&d.r)),
                    ("c", Node::text(&d.c)),
                    ("kappa", Node::text(&d.kappa)),
                    ("a", Node::text(&d.a)),
                    ("delta", Node::text(&d.delta)),
                ]),
            ),
            ("regime", Node::text(o.regime)),
            ("alpha", Node::Value(v(&o.alpha))),
            ("u", Node::Value(v(&o.utility))),
            ("margin", Node::Value(v(&margin))),
            ("value", Node::Value(v(&value))),
            ("threshold", Node::maybe(threshold.as_ref().map(v))),
        ]));
    }
    SolveReport {
        variable: "x",
        heading: vec![
            line(format!(
                "fine_tuning_n equilibrium, {} domains (this project's cost form), c0 = {}, kappa0 = {}",
                q.domains().len(),
                q.c0(),
                q.kappa0()
            )),
            vec![
                text(format!(
                    "  G: {} alpha0 = {} (",
                    if e.g_participates {
                        "invests,"
                    } else {
                        "abstains;"
                    },
                    e.alpha0
                )),
                Piece::Decimal(v(&e.alpha0)),
                text(format!("), u_g = {} (", e.u_g)),
                Piece::Decimal(v(&e.u_g)),
                text(")".into()),
            ],
        ],
        table: Table::Free {
            header: vec![
                "domain i",
                "parameters",
                "regime_i",
                "alpha_i",
                "u_i",
                "decimal",
                "margin_i",
                "value_i",
                "threshold_i",
            ],
            rows,
        },
        footing: vec![line(format!(
            "g_participates: {}; margin_i = (1-delta_i) r_i - a_i, value_i is domain i's best utility from participating at alpha0, threshold_i the alpha0 from which it joins",
            if e.g_participates { "yes" } else { "no" }
        ))],
        latex_title: format!(
            "fine_tuning_n equilibrium (this project's cost form), {}",
            params_line(q)
        ),
        latex,
        json: Node::object([
            ("model", Node::text(super::regimes::INFO.name)),
            (
                "provenance",
                Node::text("this project's cost form, extending the published one-specialist game"),
            ),
            ("c0", Node::text(q.c0())),
            ("kappa0", Node::text(q.kappa0())),
            ("g_participates", Node::Bool(e.g_participates)),
            ("alpha0", Node::Value(v(&e.alpha0))),
            ("u_g", Node::Value(v(&e.u_g))),
            ("domains", Node::List(domains)),
            ("ties", Node::Ties(e.ties.clone())),
        ]),
        ties: e.ties.clone(),
    }
}
