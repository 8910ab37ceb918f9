//! What `gpai solve fine_tuning_n …` shows: G's base model, and every domain's regime, performance, utility, margin, participation value and threshold.

use crate::exact::{Rational, Value};
use crate::models::solve_report::{
    Block, Entry, Node, Piece, SolveReport, Table, body, line, words,
};

use super::bargain::{Bargain, Solution};
use super::pieces::{Key, Rule};

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
        body: body(
            vec![
                line(format!(
                    "fine_tuning_n equilibrium, {} (this project's cost form), c0 = {}, kappa0 = {}",
                    super::domains(q.domains().len()),
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
            Table::Free {
                header: words(&[
                    "domain i",
                    "parameters",
                    "regime_i",
                    "alpha_i",
                    "u_i",
                    "decimal",
                    "margin_i",
                    "value_i",
                    "threshold_i",
                ]),
                rows,
            },
            vec![line(format!(
                "g_participates: {}; margin_i = (1-delta_i) r_i - a_i, value_i is domain i's best utility from participating at alpha0, threshold_i the alpha0 from which it joins",
                if e.g_participates { "yes" } else { "no" }
            ))],
        ),
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

/// G's rule and each domain's regime on a piece, e.g. `interior optimum; C F A`.
fn form_text(key: &Key) -> String {
    let rule = match key.rule {
        Rule::Abstain => "G abstains".to_string(),
        Rule::Zero => "alpha0 = 0".to_string(),
        Rule::Threshold(j) => format!("alpha0 = tau_{} (pulls domain {} in)", j + 1, j + 1),
        Rule::Interior => "interior optimum".to_string(),
    };
    let regimes: Vec<&str> = key
        .participants
        .iter()
        .zip(&key.contributors)
        .map(|(&p, &c)| match (p, c) {
            (false, _) => "A",
            (true, true) => "C",
            (true, false) => "F",
        })
        .collect();
    format!("{rule}; {}", regimes.join(" "))
}

/// A solution's name, with ` *` when it lies at a change of form (the best examined share,
/// not an optimum located exactly).
fn marked(s: &Solution) -> String {
    if s.at_change {
        format!("{} *", s.name)
    } else {
        s.name.clone()
    }
}

/// The report of `gpai bargain fine_tuning_n` over a common share; `found` says how the game
/// was found when a search produced it.
pub fn bargain_report(q: &Params, b: &Bargain, found: Option<String>) -> SolveReport {
    let ties: Vec<_> = b.solutions.iter().filter_map(|s| s.tie.clone()).collect();
    let text = |t: &str| Piece::Text(t.into());
    let utility_names: Vec<String> = std::iter::once("u_g".to_string())
        .chain((1..=q.domains().len()).map(|i| format!("u_{i}")))
        .collect();
    let count = |n: usize| Value::rational(Rational::from(n as u64));
    let mut blocks = vec![
        Block::Line(line(format!(
            "fine_tuning_n bargaining over one common share delta, {} (this project's cost form)",
            super::domains(q.domains().len())
        ))),
        Block::Line(line(format!("  {}", params_line(q)))),
    ];
    if let Some(found) = &found {
        blocks.push(Block::Line(line(format!("  {found}"))));
    }
    blocks.extend([
        Block::Line(Vec::new()),
        Block::Line(line(format!(
            "Pareto set over delta ({} players): components = {}",
            utility_names.len(),
            b.components.len()
        ))),
        Block::Table(Table::Free {
            header: words(&["component i", "lo_i", "hi_i", "decimal"]),
            rows: b
                .components
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    vec![
                        Piece::Text((k + 1).to_string()),
                        Piece::Exact(c.lo.clone()),
                        Piece::Exact(c.hi.clone()),
                        Piece::Join(vec![
                            text("["),
                            Piece::Decimal(c.lo.clone()),
                            text(", "),
                            Piece::Decimal(c.hi.clone()),
                            text("]"),
                        ]),
                    ]
                })
                .collect(),
        }),
        Block::Line(vec![
            Piece::Text(format!(
                "dominance decided exactly at every probe ({} probes); ends bisected to width ",
                b.probes.len()
            )),
            Piece::Rounded(v(&b.width), 3),
        ]),
        Block::Line(Vec::new()),
        Block::Line(line(
            "forms of equilibrium along delta (C contributes, F free-rides, A abstains):",
        )),
        Block::Table(Table::Free {
            header: words(&["from", "to", "form"]),
            rows: b
                .pieces
                .iter()
                .map(|p| {
                    vec![
                        Piece::Rounded(v(&p.lo), 6),
                        Piece::Rounded(v(&p.hi), 6),
                        Piece::Text(form_text(&p.key)),
                    ]
                })
                .collect(),
        }),
        Block::Line(Vec::new()),
        Block::Line(line(
            "solutions (nash, egalitarian and kalai_smorodinsky over the players who can gain):",
        )),
        Block::Table(Table::Free {
            header: words(&[
                "solution",
                "delta (exact; utilities exact with --format json)",
            ]),
            rows: b
                .solutions
                .iter()
                .map(|s| vec![Piece::Text(marked(s)), Piece::Brief(s.delta.clone())])
                .collect(),
        }),
        Block::Line(Vec::new()),
        Block::Line(vec![text("decimal ("), Piece::Digits, text(" digits):")]),
        Block::Table(Table::Free {
            header: words(&["solution", "delta", "alpha0"])
                .into_iter()
                .chain(utility_names.iter().cloned())
                .collect(),
            rows: b
                .solutions
                .iter()
                .map(|s| {
                    std::iter::once(Piece::Text(marked(s)))
                        .chain(
                            [&s.delta, &s.alpha0]
                                .into_iter()
                                .chain(&s.u)
                                .map(|x| Piece::Decimal(x.clone())),
                        )
                        .collect()
                })
                .collect(),
        }),
    ]);
    if b.solutions.iter().any(|s| s.at_change) {
        blocks.push(Block::Line(line(
            "* at a change of form: the best of the examined shares; the gap to the next form (at most the width) was not examined",
        )));
    }
    let mut latex = vec![(
        "pareto.components".to_string(),
        Entry::Value(count(b.components.len())),
    )];
    for (k, c) in b.components.iter().enumerate() {
        latex.push((format!("pareto.lo_{}", k + 1), Entry::Value(c.lo.clone())));
        latex.push((format!("pareto.hi_{}", k + 1), Entry::Value(c.hi.clone())));
    }
    for sol in &b.solutions {
        latex.push((
            format!("{}.delta", sol.name),
            Entry::Value(sol.delta.clone()),
        ));
        for (name, u) in utility_names.iter().zip(&sol.u) {
            latex.push((format!("{}.{name}", sol.name), Entry::Value(u.clone())));
        }
    }
    let bound = |lo: &Value, hi: &Value| {
        Node::object([
            ("lo", Node::Value(lo.clone())),
            ("hi", Node::Value(hi.clone())),
        ])
    };
    SolveReport {
        variable: "x",
        body: blocks,
        latex_title: format!(
            "fine_tuning_n bargaining over one common share (this project's cost form), {}",
            params_line(q)
        ),
        latex,
        json: Node::object([
            ("model", Node::text(super::regimes::INFO.name)),
            ("mode", Node::text("common")),
            (
                "provenance",
                Node::text("this project's cost form, extending the published one-specialist game"),
            ),
            ("found", found.map_or(Node::Null, Node::Text)),
            ("c0", Node::text(q.c0())),
            ("kappa0", Node::text(q.kappa0())),
            (
                "domains",
                Node::List(
                    q.domains()
                        .iter()
                        .map(|d| {
                            Node::object([
                                ("r", Node::text(&d.r)),
                                ("c", Node::text(&d.c)),
                                ("kappa", Node::text(&d.kappa)),
                                ("a", Node::text(&d.a)),
                            ])
                        })
                        .collect(),
                ),
            ),
            (
                "pareto",
                Node::object([
                    ("components", Node::Int(b.components.len() as i64)),
                    (
                        "intervals",
                        Node::List(b.components.iter().map(|c| bound(&c.lo, &c.hi)).collect()),
                    ),
                ]),
            ),
            ("dominance", Node::text("decided exactly at every probe")),
            ("probes", Node::Int(b.probes.len() as i64)),
            ("width", Node::text(&b.width)),
            (
                "pieces",
                Node::List(
                    b.pieces
                        .iter()
                        .map(|p| {
                            Node::object([
                                ("lo", Node::text(&p.lo)),
                                ("hi", Node::text(&p.hi)),
                                ("form", Node::Text(form_text(&p.key))),
                            ])
                        })
                        .collect(),
                ),
            ),
            (
                "solutions",
                Node::List(
                    b.solutions
                        .iter()
                        .map(|s| {
                            Node::object([
                                ("name", Node::text(&s.name)),
                                ("delta", Node::Value(s.delta.clone())),
                                ("alpha0", Node::Value(s.alpha0.clone())),
                                (
                                    "utilities",
                                    Node::Object(
                                        utility_names
                                            .iter()
                                            .zip(&s.u)
                                            .map(|(n, u)| (n.clone(), Node::Value(u.clone())))
                                            .collect(),
                                    ),
                                ),
                                ("at_change_of_form", Node::Bool(s.at_change)),
                            ])
                        })
                        .collect(),
                ),
            ),
            ("ties", Node::Ties(ties.clone())),
        ]),
        ties,
    }
}
