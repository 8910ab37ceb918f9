//! Linear programs through good_lp and HiGHS; the only module that imports good_lp.
//!
//! For now it holds the smallest real use of the solver, so that the build and CI carry HiGHS
//! from the first commit; the frontier work builds the LP contract (with exact certificates) here.

use good_lp::{Solution, SolverModel, constraint, highs, variable, variables};

/// Solves `max x + y` s.t. `x + 2y ≤ 4`, `3x + y ≤ 6`, `x, y ≥ 0` with HiGHS and returns the
/// optimum as the solver reports it (a float; the exact optimum is 14/5).
pub fn probe() -> Result<f64, String> {
    let mut vars = variables!();
    let x = vars.add(variable().min(0));
    let y = vars.add(variable().min(0));
    let solution = vars
        .maximise(x + y)
        .using(highs)
        .with(constraint!(x + 2 * y <= 4))
        .with(constraint!(3 * x + y <= 6))
        .solve()
        .map_err(|e| e.to_string())?;
    Ok(solution.value(x) + solution.value(y))
}
