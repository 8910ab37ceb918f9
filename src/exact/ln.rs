//! Certified enclosures of natural logarithms of positive rationals (the one transcendental function models use).
//!
//! `ln r = e·ln 2 + ln r'` with `r' = r / 2^e ∈ [1, 2)`, and `ln t = 2·atanh((t−1)/(t+1))`; the
//! atanh series has positive terms and a geometric tail bound, so truncating it gives a lower end
//! and the bound an upper end. Endpoints are rounded outward to a dyadic grid so their sizes stay
//! bounded.

use super::Rational;
use super::interval::Interval;
use super::rational::{floor, int, one, pow2, zero};

/// `[lo, hi] ∋ 2·atanh(z)` for `0 ≤ z < 1/2`, with `hi − lo ≤ tol`.
fn atanh2(z: &Rational, tol: &Rational) -> Interval {
    let z2 = z * z;
    let mut term = z.clone();
    let mut sum = zero();
    let mut j = 0u64;
    loop {
        sum += &term / Rational::from(2 * j + 1);
        term *= &z2;
        j += 1;
        // Remainder of the series after j terms: at most z^(2j+1) / ((2j+1)(1 − z²)).
        let tail = &term / (Rational::from(2 * j + 1) * (one() - &z2));
        if int(2) * &tail <= *tol || term == zero() {
            let lo = int(2) * &sum;
            return Interval::new(lo.clone(), lo + int(2) * tail);
        }
    }
}

/// Rounds `iv` outward to multiples of `2^-bits`.
fn outward(iv: Interval, bits: i64) -> Interval {
    let grid = pow2(-bits);
    let down = |x: &Rational| Rational::from(floor(&(x / &grid))) * &grid;
    let up = |x: &Rational| -down(&-x);
    Interval::new(down(&iv.lo), up(&iv.hi))
}

/// An interval of width at most `width` (> 0) containing `ln r`, for `r > 0`.
pub fn ln_enclosure(r: &Rational, width: &Rational) -> Interval {
    debug_assert!(*r > 0 && *width > 0);
    if *r == one() {
        return Interval::point(zero());
    }
    // r = 2^e · t with t in [1, 2).
    let mut e: i64 = 0;
    let mut t = r.clone();
    while t >= int(2) {
        t /= int(2);
        e += 1;
    }
    while t < one() {
        t *= int(2);
        e -= 1;
    }
    // Enough bits that the rounding and the e·ln 2 term stay inside the width.
    let mut bits = 8i64;
    while pow2(-bits) * Rational::from(e.unsigned_abs() + 4) * int(4) > *width {
        bits += 1;
    }
    let tol = pow2(-bits);
    let rest = atanh2(&((&t - one()) / (&t + one())), &tol);
    let ln2 = atanh2(
        &(Rational::from(1u32) / int(3)),
        &(&tol / Rational::from(e.unsigned_abs() + 1)),
    );
    let scaled = if e >= 0 {
        Interval::new(&ln2.lo * int(e), &ln2.hi * int(e))
    } else {
        Interval::new(&ln2.hi * int(e), &ln2.lo * int(e))
    };
    outward(scaled.add(&rest), bits + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{ratio, to_f64};

    #[test]
    fn enclosures_contain_the_float_logarithm_and_meet_the_width() {
        let width = pow2(-60);
        for (n, d) in [
            (2, 1),
            (1, 3),
            (10, 1),
            (1_000_000, 7),
            (3, 2),
            (1, 1_000_000),
        ] {
            let r = ratio(n, d);
            let iv = ln_enclosure(&r, &width);
            assert!(iv.width() <= width, "width at {r}");
            let f = (n as f64 / d as f64).ln();
            assert!(
                to_f64(&iv.lo) <= f + 1e-12 && f - 1e-12 <= to_f64(&iv.hi),
                "{r}"
            );
        }
    }

    #[test]
    fn ln_two_is_bracketed_by_known_rationals() {
        // ln 2 = 0.693147180559945309417232…
        let iv = ln_enclosure(&int(2), &pow2(-80));
        let below = ratio(693_147_180_559_945, 1_000_000_000_000_000);
        let above = ratio(693_147_180_559_946, 1_000_000_000_000_000);
        assert!(iv.lo > below && iv.hi < above);
    }

    #[test]
    fn products_of_logs_add() {
        // ln 6 lies in ln 2 + ln 3 (enclosures are sound, so the sum of two contains it).
        let w = pow2(-50);
        let (a, b, c) = (
            ln_enclosure(&int(2), &w),
            ln_enclosure(&int(3), &w),
            ln_enclosure(&int(6), &w),
        );
        let sum = a.add(&b);
        assert!(sum.lo <= c.hi && c.lo <= sum.hi);
    }
}
