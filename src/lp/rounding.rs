//! From HiGHS's floats to exact rationals: bounded-denominator rounding, and re-solving the optimal support's square systems over Q.

use crate::exact::Rational;
use crate::exact::rational::{abs, denominator, floor, from_integer, one, zero};

use super::problem::{Lp, Sense};
use crate::exact::field::OrderedField;

/// The best rational approximation of `x` with denominator at most `max_den` (continued
/// fractions with the semiconvergent step; exact: `x` is read as the rational it is).
pub fn round_bounded(x: f64, max_den: u64) -> Option<Rational> {
    let exact = Rational::try_from(x).ok()?;
    let bound = Rational::from(max_den);
    if denominator(&exact) <= crate::exact::rational::numerator(&bound) {
        return Some(exact);
    }
    // Convergents h/k of the continued fraction of `exact`.
    let (mut h0, mut h1) = (zero(), one());
    let (mut k0, mut k1) = (one(), zero());
    let mut rest = exact.clone();
    loop {
        let a = from_integer(floor(&rest));
        let h2 = &a * &h1 + &h0;
        let k2 = &a * &k1 + &k0;
        if k2 > bound {
            // Largest semiconvergent within the bound, against the last convergent.
            let t = from_integer(floor(&((&bound - &k0) / &k1)));
            let (hs, ks) = (&t * &h1 + &h0, &t * &k1 + &k0);
            let last = &h1 / &k1;
            let semi = if ks > 0 { Some(&hs / &ks) } else { None };
            return Some(match semi {
                Some(s) if abs(&(&s - &exact)) < abs(&(&last - &exact)) => s,
                _ => last,
            });
        }
        (h0, h1, k0, k1) = (h1, h2, k1, k2);
        let fraction = &rest - &a;
        if fraction == 0 {
            return Some(&h1 / &k1);
        }
        rest = one() / fraction;
    }
}

/// Solves `M z = r` exactly (Gauss–Jordan); free unknowns are set to 0. `None` when inconsistent.
pub fn solve_system<F: OrderedField>(m: &[Vec<F>], r: &[F], unknowns: usize) -> Option<Vec<F>> {
    let rows = m.len();
    let mut a: Vec<Vec<F>> = m
        .iter()
        .zip(r)
        .map(|(row, rhs)| {
            let mut full = row.clone();
            full.push(rhs.clone());
            full
        })
        .collect();
    let mut pivots = Vec::new();
    let mut next = 0;
    for col in 0..unknowns {
        if next == rows {
            break;
        }
        let Some(p) = (next..rows).find(|&i| !a[i][col].is_zero()) else {
            continue;
        };
        a.swap(next, p);
        let inv = F::one().over(&a[next][col]);
        for v in a[next].iter_mut() {
            *v = v.times(&inv);
        }
        let pivot_row = a[next].clone();
        for (i, row) in a.iter_mut().enumerate() {
            if i != next && !row[col].is_zero() {
                let f = row[col].clone();
                for k in col..=unknowns {
                    if !pivot_row[k].is_zero() {
                        row[k] = row[k].minus(&f.times(&pivot_row[k]));
                    }
                }
            }
        }
        pivots.push(col);
        next += 1;
    }
    // Rows without a pivot must read 0 = 0.
    if a[next..].iter().any(|row| !row[unknowns].is_zero()) {
        return None;
    }
    let mut z = vec![F::zero(); unknowns];
    for (i, col) in pivots.iter().enumerate() {
        z[*col] = a[i][unknowns].clone();
    }
    Some(z)
}

/// Exact primal and dual from HiGHS's support: the positive variables and the tight rows
/// (`x̃` and `ỹ` judged with tolerance `tol`, which only chooses the systems; the answer is then
/// checked exactly by the caller).
pub fn basis_solutions<F: OrderedField>(
    lp: &Lp<F>,
    x: &[f64],
    y: &[f64],
    tol: f64,
) -> Option<(Vec<F>, Vec<F>)> {
    let n = lp.columns();
    let support: Vec<usize> = (0..n).filter(|&j| lp.free[j] || x[j].abs() > tol).collect();
    let activity = |i: usize| -> f64 {
        lp.rows[i]
            .coeffs
            .iter()
            .map(|(j, a)| a.approx() * x[*j])
            .sum()
    };
    let tight: Vec<usize> = (0..lp.rows.len())
        .filter(|&i| {
            let rhs = lp.rows[i].rhs.approx();
            lp.rows[i].sense == Sense::Eq || (activity(i) - rhs).abs() <= tol * (1.0 + rhs.abs())
        })
        .collect();
    let coefficient = |i: usize, j: usize| -> F {
        lp.rows[i]
            .coeffs
            .iter()
            .find(|(c, _)| *c == j)
            .map_or(F::zero(), |(_, a)| a.clone())
    };
    // Primal: tight rows hold with equality on the support.
    let m: Vec<Vec<F>> = tight
        .iter()
        .map(|&i| support.iter().map(|&j| coefficient(i, j)).collect())
        .collect();
    let r: Vec<F> = tight.iter().map(|&i| lp.rows[i].rhs.clone()).collect();
    let xs = solve_system(&m, &r, support.len())?;
    let mut x_exact = vec![F::zero(); n];
    for (k, j) in support.iter().enumerate() {
        x_exact[*j] = xs[k].clone();
    }
    // Dual: rows with a non-zero dual (among the tight ones) make the support's columns tight.
    let dual_rows: Vec<usize> = tight
        .iter()
        .copied()
        .filter(|&i| lp.rows[i].sense == Sense::Eq || y.get(i).is_some_and(|v| v.abs() > tol))
        .collect();
    let mt: Vec<Vec<F>> = support
        .iter()
        .map(|&j| dual_rows.iter().map(|&i| coefficient(i, j)).collect())
        .collect();
    let rt: Vec<F> = support.iter().map(|&j| lp.objective[j].clone()).collect();
    let ys = solve_system(&mt, &rt, dual_rows.len())?;
    let mut y_exact = vec![F::zero(); lp.rows.len()];
    for (k, i) in dual_rows.iter().enumerate() {
        y_exact[*i] = ys[k].clone();
    }
    Some((x_exact, y_exact))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn rounding_finds_the_simple_fraction() {
        assert_eq!(round_bounded(0.4, 1000), Some(ratio(2, 5)));
        assert_eq!(round_bounded(1.0 / 3.0, 1000), Some(ratio(1, 3)));
        assert_eq!(round_bounded(-2.5, 10), Some(ratio(-5, 2)));
        assert_eq!(
            round_bounded(std::f64::consts::PI, 1000),
            Some(ratio(355, 113))
        );
        assert_eq!(round_bounded(f64::NAN, 1000), None);
    }

    #[test]
    fn systems_solve_exactly_or_report_inconsistency() {
        let m: Vec<Vec<Rational>> = vec![vec![int(1), int(2)], vec![int(3), int(1)]];
        assert_eq!(
            solve_system(&m, &[int(4), int(6)], 2),
            Some(vec![ratio(8, 5), ratio(6, 5)])
        );
        let singular: Vec<Vec<Rational>> = vec![vec![int(1), int(1)], vec![int(2), int(2)]];
        assert_eq!(solve_system(&singular, &[int(1), int(3)], 2), None);
        assert_eq!(
            solve_system(&singular, &[int(1), int(2)], 2),
            Some(vec![int(1), int(0)])
        );
    }
}
