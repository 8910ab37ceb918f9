//! Bargaining over a vector of shares (one per domain): the exact utilities over a rational grid of vectors, as outcomes for `src/frontier`.
//!
//! Every vector's game is solved exactly; `frontier::run::frontiers` then filters the exactly
//! Pareto-optimal outcomes and computes the hull frontier, egalitarian and Kalai–Smorodinsky
//! points by linear programs with exact certificates.

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::exact::rational::int;

use super::exact::solve;
use super::params::{Domain, Params};

/// One share vector's outcome: its name (`delta=(1/2,0)`) and the utilities of G and every
/// domain, exact.
pub use crate::models::bargain::Outcome;

/// The most share vectors one run evaluates.
pub const MAX_VECTORS: usize = 200_000;

/// The outcomes of every vector with each `δ_i` in `{0, step, 2·step, …, 1}` (`step = 1/m`).
pub fn outcomes(q: &Params, step: &Rational) -> Result<Vec<Outcome>> {
    let m = if *step > 0 && *step <= 1 {
        let inverse = int(1) / step;
        // 1/step must be a whole number of steps.
        (inverse == crate::exact::rational::floor(&inverse))
            .then(|| inverse.to_string().parse::<usize>().ok())
            .flatten()
    } else {
        None
    };
    let Some(m) = m else {
        return Err(Error::Domain {
            name: "--step".into(),
            value: step.to_string(),
            domain: "1/m for an integer m >= 1 (so that every grid reaches 0 and 1)".into(),
        });
    };
    let n = q.domains().len();
    let count = (m + 1).checked_pow(n as u32).unwrap_or(usize::MAX);
    if count > MAX_VECTORS {
        return Err(Error::Domain {
            name: "--step".into(),
            value: step.to_string(),
            domain: format!(
                "a step giving at most {MAX_VECTORS} vectors ({} per domain, {n} domains: {count})",
                m + 1
            ),
        });
    }
    let mut out = Vec::with_capacity(count);
    let mut index = vec![0usize; n];
    loop {
        let deltas: Vec<Rational> = index
            .iter()
            .map(|&k| Rational::from(k as u64) * step)
            .collect();
        let domains: Vec<Domain> = q
            .domains()
            .iter()
            .zip(&deltas)
            .map(|(d, delta)| Domain {
                delta: delta.clone(),
                ..d.clone()
            })
            .collect();
        let game = Params::new(q.c0().clone(), q.kappa0().clone(), domains)?;
        let e = solve(&game);
        let mut utilities = vec![e.u_g.clone().into()];
        utilities.extend(e.domains.iter().map(|o| o.utility.clone().into()));
        let text: Vec<String> = deltas.iter().map(ToString::to_string).collect();
        out.push(Outcome {
            id: format!("delta=({})", text.join(",")),
            utilities,
        });
        // The next vector, the last domain fastest.
        let mut k = n;
        loop {
            if k == 0 {
                return Ok(out);
            }
            k -= 1;
            index[k] += 1;
            if index[k] <= m {
                break;
            }
            index[k] = 0;
        }
    }
}
