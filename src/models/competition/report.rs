//! What `gpai solve competition …` shows: the equilibrium at one openness, vertical integration, the free trial and the derived thresholds.

use crate::exact::Poly;
use crate::models::solve_report::{
    Entry, Node, Rows, SolveReport, body, entries, exact_table, line, values,
};

use super::Params;
use super::exact::Solution;

/// The numeric outputs the table shows, in order.
pub const ROWS: &[&str] = &[
    "e", "q_l", "q_f", "cs", "pi_l", "pi_f", "pi_d0", "w", "pi_v", "delta_j", "trial_cs",
    "trial_pi_l", "trial_pi_f", "trial_pi_d0", "omega_1", "omega_bar", "omega_bar_t", "omega_v",
    "omega_w",
];

/// The report.
/// `rows` are [`ROWS`] read from the game; `polynomial` defines ω_W when it is irrational.
pub fn report(p: &Params, s: &Solution, rows: &Rows, polynomial: Option<&Poly>) -> SolveReport {
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
    let domain = if p.in_spec_domain() {
        "in the spec's domain"
    } else {
        "OUTSIDE the spec's domain (k > 4/3, 2(a-c) < 3*kappa): the claims need not hold"
    };
    let mut latex = entries(rows);
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
    if let Some(poly) = polynomial {
        footing.push(line(format!(
            "omega_w is the root of W(omega) - W(blockade), numerator {} = 0",
            poly.display_in("w")
        )));
    }
    SolveReport {
        variable: "w",
        body: body(
            vec![
                line(
                    "competition equilibrium (this project's competition model, not the paper's equations)",
                ),
                line(format!("  {params}; {domain}")),
            ],
            exact_table(rows),
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
            ("values", values(rows)),
            (
                "omega_w_polynomial",
                polynomial.map_or(Node::Null, |poly| Node::text(poly.display_in("w"))),
            ),
        ]),
        ties: s.ties.clone(),
    }
}
