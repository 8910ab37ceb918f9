//! What `gpai solve openness …` shows: the equilibrium, G's release payoff, the indifference penalty and the exact boundaries.

use crate::exact::Rational;
use crate::models::solve_report::{
    Entry, Node, Rows, SolveReport, body, entries, exact_table, line, values,
};

use super::exact::Equilibrium;
use super::params::{NAMES, Params};

/// The numeric outputs the table shows, in order (the equilibrium's without `spe.`).
pub const ROWS: &[&str] = &[
    "spe.omega", "spe.alpha1", "spe.u_g", "spe.u_d", "omega_n", "v_n", "omega_tilde", "alpha_hi",
    "a", "g", "pi0", "pi_theta", "p_star", "theta_p", "theta_x", "alpha0_dagger", "alpha0_s",
];

/// The report.
/// `rows` are [`ROWS`] read from the game.
pub fn report(q: &Params<Rational>, e: &Equilibrium<Rational>, rows: &Rows) -> SolveReport {
    let params: Vec<String> = NAMES
        .iter()
        .map(|n| format!("{n} = {}", q.get(n)))
        .collect();
    let params = params.join(", ");
    let released = e.regime.releases();
    let mut latex = entries(rows);
    latex.push(("regime".into(), Entry::Word(e.regime.to_string())));
    latex.push(("released".into(), Entry::flag(released)));
    SolveReport {
        variable: "x",
        body: body(
            vec![
                line(
                    "openness equilibrium (this project's openness model, not the paper's equations)",
                ),
                line(format!("  {params}")),
            ],
            exact_table(rows),
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
            ("values", values(rows)),
            ("ties", Node::Ties(e.ties.clone())),
        ]),
        ties: e.ties.clone(),
    }
}
