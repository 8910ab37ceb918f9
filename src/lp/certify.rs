//! The LP pipeline: HiGHS proposes, exact arithmetic certifies, the exact simplex steps in when it cannot.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::highs;
use super::problem::{Certificate, Lp, Method};
use super::rounding::{basis_solutions, round_bounded};
use super::simplex::{self, NoOptimum};
use crate::exact::field::OrderedField;

/// Nanoseconds spent in HiGHS and in exact certification (rounding, checks, re-solves, the
/// exact simplex), process-wide: the frontier benchmark reports the split.
static HIGHS_NANOS: AtomicU64 = AtomicU64::new(0);
static CERTIFY_NANOS: AtomicU64 = AtomicU64::new(0);

/// Time spent so far in HiGHS and in certification.
pub fn time_split() -> (Duration, Duration) {
    (
        Duration::from_nanos(HIGHS_NANOS.load(Ordering::Relaxed)),
        Duration::from_nanos(CERTIFY_NANOS.load(Ordering::Relaxed)),
    )
}

fn charge(counter: &AtomicU64, since: Instant) {
    counter.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
}

/// Denominator bounds tried when rounding HiGHS's floats.
const DENOMINATORS: [u64; 3] = [1_000, 1_000_000, 1_000_000_000];

/// Why an LP has no certified optimum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LpError {
    Infeasible,
    Unbounded,
}

/// The optimum of `lp`, with an exact certificate. Never returns an uncertified answer: when
/// neither rounding nor the basis re-solve passes the exact check, the exact simplex decides.
pub fn optimum<F: OrderedField>(lp: &Lp<F>) -> Result<Certificate<F>, LpError> {
    let started = Instant::now();
    let floats = highs::solve(lp);
    charge(&HIGHS_NANOS, started);
    let started = Instant::now();
    if let Ok((x, y)) = floats
        && x.iter().chain(&y).all(|v| v.is_finite())
        && let Some(c) = from_floats(lp, &x, &y)
    {
        charge(&CERTIFY_NANOS, started);
        return Ok(c);
    }
    let exact = match simplex::solve(lp) {
        Ok((x, y)) => Ok(lp
            .certify(x, y, Method::ExactSimplex)
            .expect("the exact simplex returns an optimal pair")),
        Err(NoOptimum::Infeasible) => Err(LpError::Infeasible),
        Err(NoOptimum::Unbounded) => Err(LpError::Unbounded),
    };
    charge(&CERTIFY_NANOS, started);
    exact
}

/// Tries to certify HiGHS's floats: rounding first (both dual sign conventions), then the basis.
pub fn from_floats<F: OrderedField>(lp: &Lp<F>, x: &[f64], y: &[f64]) -> Option<Certificate<F>> {
    let negated: Vec<f64> = y.iter().map(|v| -v).collect();
    // Rounding can only produce rational certificates: skip it when the data is irrational.
    let rational_data = lp.objective.iter().all(|c| c.as_rational().is_some())
        && lp.rows.iter().all(|r| {
            r.rhs.as_rational().is_some() && r.coeffs.iter().all(|(_, a)| a.as_rational().is_some())
        });
    let bounds: &[u64] = if rational_data { &DENOMINATORS } else { &[] };
    for &bound in bounds {
        let round = |v: &[f64]| -> Option<Vec<F>> {
            v.iter()
                .map(|f| round_bounded(*f, bound).map(F::from_rational))
                .collect::<Option<Vec<F>>>()
        };
        let Some(xr) = round(x) else { continue };
        for duals in [y, &negated[..]] {
            if let Some(yr) = round(duals)
                && let Some(c) = lp.certify(xr.clone(), yr, Method::Rounded)
            {
                return Some(c);
            }
        }
    }
    for tol in [1e-12, 1e-9, 1e-6] {
        for duals in [y, &negated[..]] {
            if let Some((xe, ye)) = basis_solutions(lp, x, duals, tol)
                && let Some(c) = lp.certify(xe, ye, Method::Basis)
            {
                return Some(c);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Rational;
    use crate::exact::rational::{int, ratio};
    use crate::lp::problem::Sense;

    #[test]
    fn each_stage_certifies_what_the_previous_cannot() {
        // max x s.t. 1000000007·x ≤ 1: the optimum 1/1000000007 has a denominator beyond the
        // rounding bounds, so the basis re-solve certifies it.
        let mut lp: Lp<Rational> = Lp::new(1);
        lp.objective = vec![int(1)];
        lp.row(vec![(0, int(1_000_000_007))], Sense::Le, int(1));
        let c = optimum(&lp).unwrap();
        assert_eq!(
            (c.value.clone(), c.method),
            (ratio(1, 1_000_000_007), Method::Basis)
        );
        // Floats that are simply wrong are never certified; the exact simplex answers instead.
        let mut lp: Lp<Rational> = Lp::new(2);
        lp.objective = vec![int(1), int(1)];
        lp.row(vec![(0, int(1)), (1, int(2))], Sense::Le, int(4));
        lp.row(vec![(0, int(3)), (1, int(1))], Sense::Le, int(6));
        assert!(from_floats(&lp, &[2.0, 0.0], &[0.0, 0.33]).is_none());
        let (x, y) = simplex::solve(&lp).unwrap();
        assert_eq!(
            lp.certify(x, y, Method::ExactSimplex).unwrap().value,
            ratio(14, 5)
        );
    }
}
