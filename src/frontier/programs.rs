//! The LPs of the frontier contract over outcome vectors `U_j ∈ F^m`, each solved with an exact certificate.
//!
//! With lotteries `λ` (λ ≥ 0, Σλ = 1) over the outcomes:
//! - membership of `U_k`: `max Σ s_i` s.t. `Σ_j λ_j U_j − s = U_k`, `s ≥ 0` — zero exactly when no
//!   lottery dominates `U_k` (it is on the hull's Pareto frontier);
//! - egalitarian: `max t` s.t. `Σ_j λ_j U_j ≥ t·1`;
//! - Kalai–Smorodinsky: `max t` s.t. `Σ_j λ_j U_j ≥ t·U^ideal`, `U^ideal_i = max_j U_ij`;
//! - supporting weights of `U_k`: `max t` s.t. `w ≥ t·1`, `Σ w = 1`, `w·U_k ≥ w·U_j` for all `j`
//!   (weights under which `U_k` is a best outcome, as balanced as possible).

use crate::exact::field::OrderedField;
use crate::lp::{Certificate, Lp, LpError, Sense, optimum};

/// A certified LP answer with the lottery (or weights) read from it.
#[derive(Clone, Debug)]
pub struct Answer<F> {
    pub value: F,
    /// `(outcome index, probability)` for lotteries, `(player, weight)` for weights; non-zero only.
    pub support: Vec<(usize, F)>,
    pub certificate: Certificate<F>,
}

fn lottery_rows<F: OrderedField>(lp: &mut Lp<F>, n: usize) {
    lp.row((0..n).map(|j| (j, F::one())).collect(), Sense::Eq, F::one());
}

fn nonzero<F: OrderedField>(values: &[F]) -> Vec<(usize, F)> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_zero())
        .map(|(j, v)| (j, v.clone()))
        .collect()
}

pub(super) fn answer<F: OrderedField>(c: Certificate<F>, first: usize, count: usize) -> Answer<F> {
    Answer {
        value: c.value.clone(),
        support: nonzero(&c.x[first..first + count]),
        certificate: c,
    }
}

/// The membership LP of `points[k]` (its value is 0 exactly when `points[k]` is hull-Pareto).
pub fn membership<F: OrderedField>(points: &[Vec<F>], k: usize) -> Result<Answer<F>, LpError> {
    optimum(&membership_lp(points, k)).map(|c| answer(c, 0, points.len()))
}

/// The LP behind [`membership`].
pub fn membership_lp<F: OrderedField>(points: &[Vec<F>], k: usize) -> Lp<F> {
    let all: Vec<usize> = (0..points.len()).collect();
    membership_lp_over(points, &all, &points[k])
}

/// The membership LP of `target` with lotteries over the outcomes `columns` only (column `c`
/// is `points[columns[c]]`, then the slacks): the same rows as over every outcome, so a dual
/// solution of one is a dual solution of the other.
pub fn membership_lp_over<F: OrderedField>(
    points: &[Vec<F>],
    columns: &[usize],
    target: &[F],
) -> Lp<F> {
    let n = columns.len();
    let mut lp = Lp::new(n + target.len());
    for (i, goal) in target.iter().enumerate() {
        lp.objective[n + i] = F::one();
        let mut coeffs: Vec<(usize, F)> = columns
            .iter()
            .enumerate()
            .map(|(c, &j)| (c, points[j][i].clone()))
            .collect();
        coeffs.push((n + i, F::one().negated()));
        lp.row(coeffs, Sense::Eq, goal.clone());
    }
    lottery_rows(&mut lp, n);
    lp
}

/// `max t` with `Σ λ_j U_j ≥ t·target` (the egalitarian point for `target = 1`, KS for the ideal).
fn scaled<F: OrderedField>(points: &[Vec<F>], target: &[F]) -> Result<Answer<F>, LpError> {
    optimum(&scaled_lp(points, target)).map(|c| answer(c, 0, points.len()))
}

/// The LP behind the egalitarian (`target = 1`) and KS (`target = ideal`) points.
pub fn scaled_lp<F: OrderedField>(points: &[Vec<F>], target: &[F]) -> Lp<F> {
    let (n, m) = (points.len(), points[0].len());
    let mut lp = Lp::new(n + 1);
    lp.objective[n] = F::one();
    lp.free[n] = true;
    for i in 0..m {
        let mut coeffs: Vec<(usize, F)> = (0..n).map(|j| (j, points[j][i].clone())).collect();
        coeffs.push((n, target[i].negated()));
        lp.row(coeffs, Sense::Ge, F::zero());
    }
    lottery_rows(&mut lp, n);
    lp
}

/// The egalitarian lottery: the largest utility level every player reaches.
pub fn egalitarian<F: OrderedField>(points: &[Vec<F>]) -> Result<Answer<F>, LpError> {
    let ones = vec![F::one(); points[0].len()];
    scaled(points, &ones)
}

/// Each player's ideal (best utility over the outcomes).
pub fn ideal<F: OrderedField>(points: &[Vec<F>]) -> Vec<F> {
    (0..points[0].len())
        .map(|i| {
            points
                .iter()
                .map(|p| p[i].clone())
                .reduce(|a, b| if b > a { b } else { a })
                .expect("at least one outcome")
        })
        .collect()
}

/// The Kalai–Smorodinsky lottery against the ideal point (disagreement point 0); `None` when
/// some player's ideal is not positive (the KS ray is undefined).
pub fn kalai_smorodinsky<F: OrderedField>(points: &[Vec<F>]) -> Option<Result<Answer<F>, LpError>> {
    let ideal = ideal(points);
    if ideal.iter().any(|v| !v.sign().is_gt()) {
        return None;
    }
    Some(scaled(points, &ideal))
}

/// The most balanced weights supporting `points[k]` (`Err(Infeasible)` when none does: the
/// point is not on the hull's frontier).
pub fn supporting_weights<F: OrderedField>(
    points: &[Vec<F>],
    k: usize,
) -> Result<Answer<F>, LpError> {
    optimum(&weights_lp(points, k)).map(|c| answer(c, 0, points[0].len()))
}

/// The LP behind [`supporting_weights`].
pub fn weights_lp<F: OrderedField>(points: &[Vec<F>], k: usize) -> Lp<F> {
    weights_lp_over(points, k, 0..points.len()).0
}

/// The supporting-weights LP of `points[k]` with the comparisons against the outcomes `others`
/// only (in the order given; `k` itself and exact copies of it give no row), and the outcome
/// behind each comparison row (rows `m + 1` on, after `w ≥ t·1` and `Σ w = 1`).
pub fn weights_lp_over<F: OrderedField>(
    points: &[Vec<F>],
    k: usize,
    others: impl IntoIterator<Item = usize>,
) -> (Lp<F>, Vec<usize>) {
    let m = points[0].len();
    let mut lp = Lp::new(m + 1);
    lp.objective[m] = F::one();
    lp.free[m] = true;
    for i in 0..m {
        lp.row(
            vec![(i, F::one()), (m, F::one().negated())],
            Sense::Ge,
            F::zero(),
        );
    }
    lp.row((0..m).map(|i| (i, F::one())).collect(), Sense::Eq, F::one());
    let mut compared = Vec::new();
    for j in others {
        if j == k {
            continue;
        }
        let coeffs: Vec<(usize, F)> = (0..m)
            .map(|i| (i, points[k][i].minus(&points[j][i])))
            .filter(|(_, v)| !v.is_zero())
            .collect();
        if !coeffs.is_empty() {
            lp.row(coeffs, Sense::Ge, F::zero());
            compared.push(j);
        }
    }
    (lp, compared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Rational;
    use crate::exact::rational::{int, ratio};

    fn pts(v: &[&[i64]]) -> Vec<Vec<Rational>> {
        v.iter()
            .map(|p| p.iter().map(|x| int(*x)).collect())
            .collect()
    }

    #[test]
    fn the_contract_on_a_small_set() {
        // (0,4), (4,0), (1,1), (2,2): (1,1) is dominated by a lottery, (2,2) lies on the segment.
        let p = pts(&[&[0, 4], &[4, 0], &[1, 1], &[2, 2]]);
        assert_eq!(membership(&p, 0).unwrap().value, int(0));
        assert_eq!(membership(&p, 3).unwrap().value, int(0));
        assert_eq!(membership(&p, 2).unwrap().value, int(2));
        assert_eq!(egalitarian(&p).unwrap().value, int(2));
        assert_eq!(kalai_smorodinsky(&p).unwrap().unwrap().value, ratio(1, 2));
        let w = supporting_weights(&p, 3).unwrap();
        assert_eq!(w.value, ratio(1, 2)); // w = (1/2, 1/2)
        assert!(supporting_weights(&p, 2).is_err());
    }
}
