//! What `gpai solve competition …` shows: the equilibrium at one openness, vertical integration, the free trial and the derived thresholds.

use crate::exact::{Algebraic, Poly, Rational, Value};
use crate::models::solve_report::{Entry, Node, SolveReport, Table, body, line};

use super::Params;
use super::exact::{Solution, Variant};
use super::thresholds::Lines;

/// The thresholds a report shows (each `None` when it does not exist for this game).
pub struct Thresholds {
    pub omega_1: Option<Algebraic>,
    pub omega_bar: Option<Algebraic>,
    pub omega_bar_t: Option<Algebraic>,
    pub omega_v: Option<Algebraic>,
    pub omega_w: Option<(Algebraic, Option<Poly>)>,
}

impl Thresholds {
    /// Every threshold of the game `p` (they do not depend on its openness).
    pub fn of(p: &Params) -> Thresholds {
        let lines = Lines::new(p);
        Thresholds {
            omega_1: lines.omega_1(),
            omega_bar: lines.omega_bar(Variant::Baseline),
            omega_bar_t: lines.omega_bar(Variant::Trial),
            omega_v: lines.omega_v(),
            omega_w: lines.omega_w(),
        }
    }
}

fn rows(s: &Solution, t: &Thresholds) -> Vec<(&'static str, Option<Value>)> {
    let q = |r: &Rational| Some(Value::rational(r.clone()));
    let o = &s.base.outcome;
    let alg = |a: &Option<Algebraic>| a.clone().map(Value::Exact);
    vec![
        ("e", q(&o.e)),
        ("q_l", q(&o.q_l)),
        ("q_f", q(&o.q_f)),
        ("cs", q(&o.cs)),
        ("pi_l", q(&o.pi_l)),
        ("pi_f", q(&o.pi_f)),
        ("pi_d0", q(&s.pi_d0)),
        ("w", q(&s.w)),
        ("pi_v", q(&s.integrated.outcome.pi_l)),
        ("delta_j", q(&s.delta_j)),
        ("trial_cs", q(&s.chosen.outcome.cs)),
        ("trial_pi_l", q(&s.chosen.outcome.pi_l)),
        ("trial_pi_f", q(&s.chosen.outcome.pi_f)),
        ("trial_pi_d0", q(&s.chosen_pi_d0)),
        ("omega_1", alg(&t.omega_1)),
        ("omega_bar", alg(&t.omega_bar)),
        ("omega_bar_t", alg(&t.omega_bar_t)),
        ("omega_v", alg(&t.omega_v)),
        (
            "omega_w",
            t.omega_w.as_ref().map(|(a, _)| Value::Exact(a.clone())),
        ),
    ]
}

/// The report.
pub fn report(p: &Params, s: &Solution, t: &Thresholds) -> SolveReport {
    let yes = |b: bool| if b { "yes" } else { "no" };
    let params = format!(
        "a = {}, c = {}, k = {}, kappa = {}, tau = {}, omega = {}",
        p.a(),
        p.c(),
        p.k(),
        p.kappa(),
        p.tau(),
        p.omega()
    );
    let rows = rows(s, t);
    let domain = if p.in_spec_domain() {
        "in the spec's domain"
    } else {
        "OUTSIDE the spec's domain (k > 4/3, 2(a-c) < 3*kappa): the claims need not hold"
    };
    let entry = |v: &Option<Value>| v.clone().map_or(Entry::Missing, Entry::Value);
    let mut latex: Vec<(String, Entry)> = rows
        .iter()
        .map(|(n, v)| (n.to_string(), entry(v)))
        .collect();
    latex.extend([
        ("regime".to_string(), Entry::Word(s.base.regime.to_string())),
        ("entered".to_string(), Entry::flag(s.base.entered)),
        (
            "vi_regime".to_string(),
            Entry::Word(s.integrated.regime.to_string()),
        ),
        ("trial".to_string(), Entry::flag(s.trial)),
        (
            "in_spec_domain".to_string(),
            Entry::flag(p.in_spec_domain()),
        ),
    ]);
    let mut footing = vec![line(format!(
        "regime: {}; F {} (entered: {}); vertical integration: vi_regime {} (delta_j {}); free trial: {} (trial: {}); in_spec_domain: {}",
        s.base.regime,
        if s.base.entered {
            "adopts"
        } else {
            "stays out"
        },
        yes(s.base.entered),
        s.integrated.regime,
        if s.delta_j > 0 {
            "> 0, pays"
        } else {
            "<= 0, does not pay"
        },
        if s.trial { "offered" } else { "not offered" },
        yes(s.trial),
        yes(p.in_spec_domain()),
    ))];
    let polynomial = t.omega_w.as_ref().and_then(|(_, poly)| poly.as_ref());
    if let Some(poly) = polynomial {
        footing.push(line(format!(
            "omega_w is the root of W(omega) - W(blockade), numerator {} = 0",
            poly.display_in("w")
        )));
    }
    let values = rows
        .iter()
        .map(|(n, v)| (n.to_string(), Node::maybe(v.clone())))
        .collect();
    SolveReport {
        variable: "w",
        body: body(
            vec![
                line(
                    "competition equilibrium (this project's competition model, not the paper's equations)",
                ),
                line(format!("  {params}; {domain}")),
            ],
            Table::Named {
                columns: vec!["exact"],
                rows: rows
                    .iter()
                    .map(|(n, v)| (n.to_string(), vec![entry(v)]))
                    .collect(),
            },
            footing,
        ),
        latex_title: format!("competition equilibrium (this project's model), {params}"),
        latex,
        json: Node::object([
            ("model", Node::text(super::regimes::INFO.name)),
            (
                "provenance",
                Node::text("this project's competition model, not the source paper's equations"),
            ),
            ("params", Node::Text(params)),
            ("regime", Node::text(s.base.regime)),
            ("entered", Node::Bool(s.base.entered)),
            ("vi_regime", Node::text(s.integrated.regime)),
            ("trial", Node::Bool(s.trial)),
            ("in_spec_domain", Node::Bool(p.in_spec_domain())),
            ("ties", Node::Ties(s.ties.clone())),
            ("values", Node::Object(values)),
            (
                "omega_w_polynomial",
                polynomial.map_or(Node::Null, |poly| Node::text(poly.display_in("w"))),
            ),
        ]),
        ties: s.ties.clone(),
    }
}
