//! Quadratic interval refinement (Abbott): a secant step proposes a subinterval `1/N` as wide, exact signs accept it.
//!
//! Bisection gains one bit per polynomial evaluation, so a thousand digits cost 3,300 of them.
//! Here the secant through the interval's ends names one of `N` equal cells; two exact sign
//! tests confirm the root is in it (then `N` is squared: the convergence is quadratic) or refute
//! it (then one bisection, and `N` is square-rooted). Floats play no part: the secant is
//! computed in integers and only proposes, the signs decide. The cells are `N`-ths of the
//! current interval with `N` a power of two, so endpoints stay short dyadic offsets.

use std::cmp::Ordering;

use super::algebraic::Root;
use super::descartes::homogeneous;
use super::rational::{
    ceil, denominator, from_integers, int_bits, int_pow, int_sign, integer, pow2,
    power_of_two_exponent,
};
use super::{Integer, Rational};

/// What one secant step did to the interval.
enum Step {
    /// The root is in the proposed cell, which is now the interval.
    Narrowed,
    /// A test point is the root (only for a rational root).
    Root(Rational),
    /// The proposal missed (the interval may still have shrunk by a cell).
    Missed,
}

/// The interval's ends with `H(end)`, the homogenised value [`homogeneous`] gives (its sign
/// is the polynomial's there), so each test point is evaluated once.
struct Ends<'a> {
    root: &'a mut Root,
    h_lo: Integer,
    h_hi: Integer,
}

impl Root {
    /// Narrows the interval until its width is at most `width` (> 0); returns the root when a
    /// test point is one (never, once the root is known to be irrational).
    pub(crate) fn refine_to(&mut self, width: &Rational) -> Option<Rational> {
        if self.width() <= *width {
            return None;
        }
        let h_lo = homogeneous(&self.ints, &self.lo);
        let h_hi = homogeneous(&self.ints, &self.hi);
        let mut ends = Ends {
            root: self,
            h_lo,
            h_hi,
        };
        // log2 N: start with quarters, as Abbott does.
        let mut log_n: u64 = 2;
        while ends.root.width() > *width {
            // Never propose cells much finer than the target: the remaining factor in bits.
            let needed = int_bits(&ceil(&(ends.root.width() / width))).max(1);
            match ends.secant_step(log_n.min(needed)) {
                Step::Narrowed => log_n = log_n.saturating_mul(2),
                Step::Root(r) => return Some(r),
                Step::Missed => {
                    let mid = (&ends.root.lo + &ends.root.hi) / Rational::from(2);
                    if let Some(r) = ends.test(mid) {
                        return Some(r);
                    }
                    log_n = (log_n / 2).max(1);
                }
            }
        }
        None
    }
}

impl Ends<'_> {
    /// Moves the end on the point's side of the root to the point; the point when it is the root.
    fn test(&mut self, point: Rational) -> Option<Rational> {
        let h = homogeneous(&self.root.ints, &point);
        match int_sign(&h) {
            Ordering::Equal => Some(point),
            s if s == self.root.lo_sign => {
                self.root.lo = point;
                self.h_lo = h;
                None
            }
            _ => {
                self.root.hi = point;
                self.h_hi = h;
                None
            }
        }
    }

    /// One step with `N = 2^log_n` cells: the cell the secant points into is tested at its ends.
    fn secant_step(&mut self, log_n: u64) -> Step {
        let n = integer(1) << log_n;
        let j = self.secant_cell(&n);
        let cell = self.root.width() * pow2(-(log_n as i64));
        let lo = self.root.lo.clone();
        let at = |k: Integer| &lo + from_integers(k, integer(1)) * &cell;
        // Test the secant's point (an interior cell boundary) first: it says on which side the
        // root is, and the proposed cell is the one between it and its neighbour on that side.
        let other = if j == 0 {
            at(integer(1))
        } else if j == n {
            at(&n - integer(1))
        } else {
            let m = at(j.clone());
            if let Some(r) = self.test(m.clone()) {
                return Step::Root(r);
            }
            if self.root.lo == m {
                at(j + integer(1))
            } else {
                at(j - integer(1))
            }
        };
        if other != self.root.lo
            && other != self.root.hi
            && let Some(r) = self.test(other)
        {
            return Step::Root(r);
        }
        if self.root.width() == cell {
            Step::Narrowed
        } else {
            Step::Missed
        }
    }

    /// `round(N · p(lo) / (p(lo) − p(hi)))`, in `[0, N]`: where the secant crosses zero, in cells.
    fn secant_cell(&self, n: &Integer) -> Integer {
        let degree = self.root.ints.len() as u64 - 1;
        // p(u/v) = H(u, v) / v^degree, so the ratio is
        // H_lo v_hi^d / (H_lo v_hi^d − H_hi v_lo^d): integers only.
        let (v_lo, v_hi) = (denominator(&self.root.lo), denominator(&self.root.hi));
        let (mut a, mut b) = match (power_of_two_exponent(&v_lo), power_of_two_exponent(&v_hi)) {
            // Dyadic ends, as bisection and the cells make them: shift by the difference only.
            (Some(e_lo), Some(e_hi)) => {
                let common = e_lo.min(e_hi);
                let a = &self.h_lo << ((e_hi - common) * degree);
                let b = &a - (&self.h_hi << ((e_lo - common) * degree));
                (a, b)
            }
            _ => {
                let a = &self.h_lo * int_pow(&v_hi, degree);
                let b = &a - &self.h_hi * int_pow(&v_lo, degree);
                (a, b)
            }
        };
        if b < 0 {
            a = -a;
            b = -b;
        }
        // p(lo) and p(hi) have opposite signs, so 0 < a < b.
        let two = integer(2);
        let j = (&two * n * &a + &b) / (&two * &b);
        j.clamp(integer(0), n.clone())
    }
}

#[cfg(test)]
mod tests {
    use crate::exact::Algebraic;
    use crate::exact::poly::Poly;
    use crate::exact::rational::{int, pow10};

    #[test]
    fn refinement_reaches_the_width_and_keeps_the_root() {
        // sqrt(2) to 3,000 digits: every step's interval still brackets it exactly.
        let mut sqrt2 =
            Algebraic::root_of(&Poly::from_i64s(&[-2, 0, 1]), &int(1), &int(2)).unwrap();
        let width = pow10(-3000);
        sqrt2.refine(&width);
        let (lo, hi) = sqrt2.interval();
        assert!(&hi - &lo <= width);
        assert!(&lo * &lo < int(2) && &hi * &hi > int(2));
    }

    #[test]
    fn a_root_beside_a_cluster_is_refined_too() {
        // sqrt(2) and sqrt(2 + 10^-60), 3.5·10^-61 apart: near a cluster the secant is poor, and
        // refinement still converges inside each isolating interval.
        let shifted = Poly::new(vec![-(int(2) + pow10(-60)), int(0), int(1)]);
        let p = &Poly::from_i64s(&[-2, 0, 1]) * &shifted;
        let roots = crate::exact::real_roots(&p);
        assert_eq!(roots.len(), 4);
        assert!(roots.iter().all(|r| r.value.as_rational().is_none()));
        for root in roots {
            let mut x = root.value;
            x.refine(&pow10(-200));
            let (lo, hi) = x.interval();
            assert!(&hi - &lo <= pow10(-200));
            assert!(p.sign_at(&lo) != std::cmp::Ordering::Equal);
            assert_eq!(p.sign_at(&lo), p.sign_at(&hi).reverse());
        }
    }
}
