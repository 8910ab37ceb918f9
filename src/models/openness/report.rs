//! What `gpai solve openness …` shows: the equilibrium, G's release payoff, the indifference penalty and the exact boundaries.

use crate::exact::{Algebraic, Rational, Value};
use crate::models::solve_report::{Entry, Node, SolveReport, Table, body, line};

use super::exact::{Boundaries, Equilibrium};
use super::params::{NAMES, Params};

/// The named rows: equilibrium, derived quantities, boundaries.
fn rows(e: &Equilibrium<Rational>, b: &Boundaries) -> Vec<(&'static str, Option<Value>)> {
    let d = &e.derived;
    let q = |r: &Rational| Some(Value::rational(r.clone()));
    let alg = |a: &Option<Algebraic>| a.as_ref().map(|a| Value::Exact(a.clone()));
    vec![
        ("omega", q(&e.omega)),
        ("alpha1", q(&e.alpha1)),
        ("u_g", q(&e.u_g)),
        ("u_d", q(&e.u_d)),
        ("omega_n", q(&d.omega_n)),
        ("v_n", q(&d.v_n)),
        ("omega_tilde", q(&d.omega_tilde)),
        ("alpha_hi", q(&d.alpha_hi)),
        ("a", q(&d.a)),
        ("g", q(&d.g)),
        ("pi0", q(&d.pi0)),
        ("pi_theta", q(&d.pi_theta)),
        ("p_star", q(&d.p_star)),
        ("theta_p", alg(&b.theta_p)),
        ("theta_x", alg(&b.theta_x)),
        ("alpha0_dagger", alg(&b.alpha0_dagger)),
        ("alpha0_s", Some(Value::Exact(b.alpha0_s.clone()))),
    ]
}

fn entry(v: &Option<Value>) -> Entry {
    v.clone().map_or(Entry::Missing, Entry::Value)
}

/// The report.
pub fn report(q: &Params<Rational>, e: &Equilibrium<Rational>, b: &Boundaries) -> SolveReport {
    let params: Vec<String> = NAMES
        .iter()
        .map(|n| format!("{n} = {}", q.get(n)))
        .collect();
    let params = params.join(", ");
    let rows = rows(e, b);
    let released = e.regime.releases();
    let mut latex: Vec<(String, Entry)> = rows
        .iter()
        .map(|(n, v)| (n.to_string(), entry(v)))
        .collect();
    latex.push(("regime".into(), Entry::Word(e.regime.to_string())));
    latex.push(("released".into(), Entry::flag(released)));
    let values = rows
        .iter()
        .map(|(n, v)| (n.to_string(), Node::maybe(v.clone())))
        .collect();
    SolveReport {
        variable: "x",
        body: body(
            vec![
                line(
                    "openness equilibrium (this project's openness model, not the paper's equations)",
                ),
                line(format!("  {params}")),
            ],
            Table::Named {
                columns: vec!["exact"],
                rows: rows
                    .iter()
                    .map(|(n, v)| (n.to_string(), vec![entry(v)]))
                    .collect(),
            },
            vec![line(format!(
                "regime: {}, released: {}  (Pi(omega) = pi0 + g*omega - a*omega^2; p_star = v_n - pi_theta is the indifference penalty)",
                e.regime,
                if released { "yes" } else { "no" }
            ))],
        ),
        latex_title: format!("openness equilibrium (this project's model), {params}"),
        latex,
        json: Node::object([
            ("model", Node::text(super::regimes::INFO.name)),
            (
                "provenance",
                Node::text("this project's openness model, not the source paper's equations"),
            ),
            (
                "params",
                Node::Object(
                    NAMES
                        .iter()
                        .map(|n| (n.to_string(), Node::text(q.get(n))))
                        .collect(),
                ),
            ),
            ("regime", Node::text(e.regime)),
            ("released", Node::Bool(released)),
            ("values", Node::Object(values)),
            ("ties", Node::Ties(e.ties.clone())),
        ]),
        ties: e.ties.clone(),
    }
}
