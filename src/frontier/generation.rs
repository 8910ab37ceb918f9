//! The contract's per-outcome LPs over many outcomes, solved over the few that matter — outcomes added while one violates the answer — and each answer extended to the whole program and certified against it.
//!
//! A membership LP restricted to lotteries over some outcomes has the same rows as the whole
//! program, so its dual is the whole program's dual; its optimum is the whole program's exactly
//! when no left-out outcome prices out (column generation). A supporting-weights LP with only
//! some comparisons is a relaxation; its optimum is the whole program's exactly when no left-out
//! comparison is violated, and its dual, zero on those rows, is the whole program's (row
//! generation). Either way the extended pair passes the exact certificate check of the whole
//! program, as every other answer does. Started from an outcome's neighbours on the hull, one
//! small LP usually settles it.

use crate::exact::field::OrderedField;
use crate::lp::{Lp, LpError, optimum};

use super::programs::{Answer, answer, membership_lp, membership_lp_over, weights_lp_over};

/// The membership LPs of one outcome set: the whole program is built once (only its right-hand
/// side depends on the outcome asked about).
pub struct Memberships<'a, F> {
    points: &'a [Vec<F>],
    whole: Lp<F>,
}

impl<'a, F: OrderedField> Memberships<'a, F> {
    pub fn new(points: &'a [Vec<F>]) -> Memberships<'a, F> {
        Memberships {
            points,
            whole: membership_lp(points, 0),
        }
    }

    /// The answer [`super::programs::membership`] gives for `points[k]`, from lotteries over
    /// `k` and `start` first.
    pub fn of(&mut self, k: usize, start: &[usize]) -> Result<Answer<F>, LpError> {
        let (n, m) = (self.points.len(), self.points[0].len());
        for (row, goal) in self.whole.rows.iter_mut().zip(&self.points[k]) {
            row.rhs = goal.clone();
        }
        let mut columns: Vec<usize> = start.iter().copied().chain([k]).collect();
        columns.sort_unstable();
        columns.dedup();
        loop {
            let part = optimum(&membership_lp_over(self.points, &columns, &self.points[k]))?;
            let mut x = vec![F::zero(); n + m];
            for (c, &j) in columns.iter().enumerate() {
                x[j] = part.x[c].clone();
            }
            x[n..].clone_from_slice(&part.x[columns.len()..]);
            if let Some(whole) = self.whole.certify(x, part.y.clone(), part.method) {
                return Ok(answer(whole, 0, n));
            }
            // The outcome whose column prices out most: `Σ_i y_i U_ji + y_m < 0`.
            let y = &part.y;
            let price = |j: usize| {
                self.points[j]
                    .iter()
                    .zip(y)
                    .fold(y[m].clone(), |acc, (u, yi)| acc.plus(&u.times(yi)))
            };
            let entering = most_negative(
                (0..n)
                    .filter(|j| columns.binary_search(j).is_err())
                    .map(|j| (price(j), j)),
            )
            .expect("a restricted optimum no column prices out is the whole optimum");
            insert_sorted(&mut columns, entering);
        }
    }
}

/// The answer [`super::programs::supporting_weights`] gives for `points[k]`, from the
/// comparisons against `start` first.
pub fn supporting_weights_from<F: OrderedField>(
    points: &[Vec<F>],
    k: usize,
    start: &[usize],
) -> Result<Answer<F>, LpError> {
    let m = points[0].len();
    let (whole, compared) = weights_lp_over(points, k, 0..points.len());
    let mut rows: Vec<usize> = start.to_vec();
    rows.sort_unstable();
    rows.dedup();
    loop {
        let (lp, kept) = weights_lp_over(points, k, rows.iter().copied());
        // A relaxation without a feasible point: neither has the whole program.
        let part = optimum(&lp)?;
        let mut y = vec![F::zero(); whole.rows.len()];
        y[..=m].clone_from_slice(&part.y[..=m]);
        for (r, j) in kept.iter().enumerate() {
            let at = compared
                .binary_search(j)
                .expect("a row of the whole program");
            y[m + 1 + at] = part.y[m + 1 + r].clone();
        }
        if let Some(c) = whole.certify(part.x.clone(), y, part.method) {
            return Ok(answer(c, 0, m));
        }
        // The most violated left-out comparison `w·(U_k − U_j) ≥ 0`.
        let entering = most_negative(
            compared
                .iter()
                .enumerate()
                .map(|(r, &j)| (whole.activity(m + 1 + r, &part.x), j)),
        )
        .expect("a relaxed optimum no comparison violates is the whole optimum");
        insert_sorted(&mut rows, entering);
    }
}

/// The index whose value is most negative (the first of equals), or `None` when none is
/// negative: the column or row that enters the restricted program next.
fn most_negative<F: OrderedField>(values: impl Iterator<Item = (F, usize)>) -> Option<usize> {
    values
        .filter(|(v, _)| v.sign().is_lt())
        .reduce(|a, b| if b.0 < a.0 { b } else { a })
        .map(|(_, j)| j)
}

/// Adds `j` (not yet present) to the sorted `indices`.
fn insert_sorted(indices: &mut Vec<usize>, j: usize) {
    let at = indices.binary_search(&j).unwrap_err();
    indices.insert(at, j);
}
