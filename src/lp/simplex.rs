//! A dense two-phase simplex over Q with Bland's rule: the exact fallback when HiGHS's answer cannot be certified.
//!
//! The LP is brought to equality form (free variables split, slack and surplus columns, rows
//! with negative right-hand sides negated), phase 1 minimizes the artificial variables, phase 2
//! maximizes the objective. Bland's rule (smallest index enters and leaves) cannot cycle. The
//! duals solve `Bᵀy = c_B` for the final basis and are mapped back to the original rows.

use super::problem::{Lp, Sense};
use super::rounding::solve_system;
use crate::exact::field::OrderedField;

/// Why the simplex gave no optimum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoOptimum {
    Infeasible,
    Unbounded,
}

/// An optimal primal and dual, exactly.
pub fn solve<F: OrderedField>(lp: &Lp<F>) -> Result<(Vec<F>, Vec<F>), NoOptimum> {
    let m = lp.rows.len();
    // Standard columns: original (split when free), then one slack/surplus per inequality row.
    let mut map: Vec<(usize, F)> = Vec::new(); // (original column, sign)
    for (j, free) in lp.free.iter().enumerate() {
        map.push((j, F::one()));
        if *free {
            map.push((j, F::one().negated()));
        }
    }
    let structural = map.len();
    let slack_rows: Vec<usize> = (0..m).filter(|&i| lp.rows[i].sense != Sense::Eq).collect();
    let n = structural + slack_rows.len();
    let mut a = vec![vec![F::zero(); n]; m];
    let mut b = vec![F::zero(); m];
    let mut negated = vec![false; m];
    for (i, row) in lp.rows.iter().enumerate() {
        for (j, v) in &row.coeffs {
            for (k, (orig, sign)) in map.iter().enumerate() {
                if orig == j {
                    a[i][k] = a[i][k].plus(&v.times(sign));
                }
            }
        }
        if let Some(s) = slack_rows.iter().position(|&r| r == i) {
            a[i][structural + s] = if row.sense == Sense::Le {
                F::one()
            } else {
                F::one().negated()
            };
        }
        b[i] = row.rhs.clone();
        if b[i].sign().is_lt() {
            negated[i] = true;
            b[i] = b[i].negated();
            for v in a[i].iter_mut() {
                *v = v.negated();
            }
        }
    }
    let mut c = vec![F::zero(); n];
    for (k, (orig, sign)) in map.iter().enumerate() {
        c[k] = lp.objective[*orig].times(sign);
    }
    // Phase 1: artificial columns n..n+m, basis = artificials.
    let total = n + m;
    let mut t: Vec<Vec<F>> = (0..m)
        .map(|i| {
            let mut row = a[i].clone();
            row.extend((0..m).map(|k| if k == i { F::one() } else { F::zero() }));
            row.push(b[i].clone());
            row
        })
        .collect();
    let mut basis: Vec<usize> = (n..total).collect();
    let phase1: Vec<F> = (0..total)
        .map(|k| {
            if k >= n {
                F::one().negated()
            } else {
                F::zero()
            }
        })
        .collect();
    run(&mut t, &mut basis, &phase1, total)?;
    let infeasibility: F = basis
        .iter()
        .zip(&t)
        .filter(|(k, _)| **k >= n)
        .fold(F::zero(), |acc, (_, row)| acc.plus(&row[total]));
    if !infeasibility.is_zero() {
        return Err(NoOptimum::Infeasible);
    }
    // Drive artificials out of the basis (or drop their redundant rows).
    let mut i = 0;
    while i < t.len() {
        if basis[i] >= n {
            match (0..n).find(|&k| !t[i][k].is_zero()) {
                Some(k) => pivot(&mut t, &mut basis, i, k),
                None => {
                    t.remove(i);
                    basis.remove(i);
                    continue;
                }
            }
        }
        i += 1;
    }
    // Phase 2 over the structural and slack columns only (artificials may not re-enter).
    let mut phase2 = c.clone();
    phase2.extend((0..m).map(|_| F::zero()));
    run_restricted(&mut t, &mut basis, &phase2, total, n)?;
    let mut xs = vec![F::zero(); n];
    for (row, k) in t.iter().zip(&basis) {
        xs[*k] = row[total].clone();
    }
    let mut x = vec![F::zero(); lp.columns()];
    for (k, (orig, sign)) in map.iter().enumerate() {
        x[*orig] = x[*orig].plus(&xs[k].times(sign));
    }
    // Duals: Bᵀ y = c_B over the standard rows, then back to the original rows' signs.
    let bt: Vec<Vec<F>> = basis
        .iter()
        .map(|&k| (0..m).map(|i| a[i][k].clone()).collect())
        .collect();
    let cb: Vec<F> = basis.iter().map(|&k| c[k].clone()).collect();
    let ys = solve_system(&bt, &cb, m).ok_or(NoOptimum::Infeasible)?;
    let y = ys
        .into_iter()
        .zip(&negated)
        .map(|(v, neg)| if *neg { v.negated() } else { v })
        .collect();
    Ok((x, y))
}

fn pivot<F: OrderedField>(t: &mut [Vec<F>], basis: &mut [usize], r: usize, k: usize) {
    let inv = F::one().over(&t[r][k]);
    for v in t[r].iter_mut() {
        *v = v.times(&inv);
    }
    let pivot_row = t[r].clone();
    for (i, row) in t.iter_mut().enumerate() {
        if i != r && !row[k].is_zero() {
            let f = row[k].clone();
            for (v, p) in row.iter_mut().zip(&pivot_row) {
                if !p.is_zero() {
                    *v = v.minus(&f.times(p));
                }
            }
        }
    }
    basis[r] = k;
}

fn run<F: OrderedField>(
    t: &mut [Vec<F>],
    basis: &mut [usize],
    c: &[F],
    total: usize,
) -> Result<(), NoOptimum> {
    run_restricted(t, basis, c, total, total)
}

/// Maximizes `cᵀz` from the current basis; only columns below `allowed` may enter.
fn run_restricted<F: OrderedField>(
    t: &mut [Vec<F>],
    basis: &mut [usize],
    c: &[F],
    total: usize,
    allowed: usize,
) -> Result<(), NoOptimum> {
    loop {
        // Reduced costs c_k − c_Bᵀ column_k; Bland: the first improving column enters.
        let entering = (0..allowed).find(|&k| {
            if basis.contains(&k) {
                return false;
            }
            let mut reduced = c[k].clone();
            for (row, b) in t.iter().zip(basis.iter()) {
                if !row[k].is_zero() {
                    reduced = reduced.minus(&c[*b].times(&row[k]));
                }
            }
            reduced.sign().is_gt()
        });
        let Some(k) = entering else { return Ok(()) };
        let mut leave: Option<(usize, F)> = None;
        for (i, row) in t.iter().enumerate() {
            if row[k].sign().is_gt() {
                let ratio = row[total].over(&row[k]);
                let better = match &leave {
                    None => true,
                    Some((li, lr)) => ratio < *lr || (ratio == *lr && basis[i] < basis[*li]),
                };
                if better {
                    leave = Some((i, ratio));
                }
            }
        }
        let Some((r, _)) = leave else {
            return Err(NoOptimum::Unbounded);
        };
        pivot(t, basis, r, k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Rational;
    use crate::exact::rational::{int, ratio};
    use crate::lp::problem::Method;

    #[test]
    fn solves_and_certifies_small_programs() {
        let mut lp: Lp<Rational> = Lp::new(2);
        lp.objective = vec![int(1), int(1)];
        lp.row(vec![(0, int(1)), (1, int(2))], Sense::Le, int(4));
        lp.row(vec![(0, int(3)), (1, int(1))], Sense::Le, int(6));
        let (x, y) = solve(&lp).unwrap();
        let cert = lp.certify(x, y, Method::ExactSimplex).unwrap();
        assert_eq!(cert.value, ratio(14, 5));
        // A free variable, an equality and a ≥ row: max t s.t. t ≤ x, t ≤ 1 − x, x ∈ [0, 1].
        let mut lp: Lp<Rational> = Lp::new(2);
        lp.objective = vec![int(1), int(0)];
        lp.free[0] = true;
        lp.row(vec![(0, int(1)), (1, int(-1))], Sense::Le, int(0));
        lp.row(vec![(0, int(-1)), (1, int(-1))], Sense::Ge, int(-1));
        let (x, y) = solve(&lp).unwrap();
        assert_eq!(
            lp.certify(x, y, Method::ExactSimplex).unwrap().value,
            ratio(1, 2)
        );
        // Infeasible and unbounded programs are told apart.
        let mut bad: Lp<Rational> = Lp::new(1);
        bad.row(vec![(0, int(1))], Sense::Le, int(-1));
        assert_eq!(solve(&bad), Err(NoOptimum::Infeasible));
        let mut open: Lp<Rational> = Lp::new(1);
        open.objective = vec![int(1)];
        assert_eq!(solve(&open), Err(NoOptimum::Unbounded));
    }
}
