//! Solving an [`Lp`] with HiGHS through good_lp: floats for the primal values and the row duals.

use good_lp::{
    Expression, ProblemVariables, Solution, SolutionWithDual, SolverModel, constraint, highs,
    variable,
};

use super::problem::{Lp, Sense};
use crate::exact::field::OrderedField;

/// HiGHS's primal `x`, row duals `y`, or why it found no optimum.
pub fn solve<F: OrderedField>(lp: &Lp<F>) -> Result<(Vec<f64>, Vec<f64>), String> {
    let mut vars = ProblemVariables::new();
    let columns: Vec<_> = lp
        .free
        .iter()
        .map(|free| {
            if *free {
                vars.add(variable())
            } else {
                vars.add(variable().min(0))
            }
        })
        .collect();
    let objective: Expression = lp
        .objective
        .iter()
        .zip(&columns)
        .map(|(c, v)| c.approx() * *v)
        .sum();
    let mut model = vars.maximise(objective).using(highs);
    model.set_verbose(false);
    let mut references = Vec::with_capacity(lp.rows.len());
    for row in &lp.rows {
        let lhs: Expression = row
            .coeffs
            .iter()
            .map(|(j, a)| a.approx() * columns[*j])
            .sum();
        let rhs = row.rhs.approx();
        let c = match row.sense {
            Sense::Le => constraint::leq(lhs, rhs),
            Sense::Eq => constraint::eq(lhs, rhs),
            Sense::Ge => constraint::geq(lhs, rhs),
        };
        references.push(model.add_constraint(c));
    }
    let mut solution = model.solve().map_err(|e| e.to_string())?;
    let x: Vec<f64> = columns.iter().map(|v| solution.value(*v)).collect();
    let duals = solution.compute_dual();
    let y: Vec<f64> = references
        .iter()
        .map(|r| good_lp::solvers::DualValues::dual(&duals, r.clone()))
        .collect();
    Ok((x, y))
}
