//! Rational interval arithmetic: enclosures that locate the result of an operation on algebraic numbers.

use super::Rational;
use super::poly::Poly;

/// The interval between `lo` and `hi` (`lo ≤ hi`). Whether endpoints belong is the caller's
/// convention: sums and products of open intervals are open, of closed ones closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Rational,
    pub hi: Rational,
}

impl Interval {
    /// The interval `[lo, hi]`; `lo ≤ hi`.
    pub fn new(lo: Rational, hi: Rational) -> Interval {
        debug_assert!(lo <= hi);
        Interval { lo, hi }
    }

    /// The one-point interval.
    pub fn point(x: Rational) -> Interval {
        Interval {
            lo: x.clone(),
            hi: x,
        }
    }

    /// `hi - lo`.
    pub fn width(&self) -> Rational {
        &self.hi - &self.lo
    }

    /// `{a + b}`.
    pub fn add(&self, other: &Interval) -> Interval {
        Interval::new(&self.lo + &other.lo, &self.hi + &other.hi)
    }

    /// `{a · b}`: the hull of the four endpoint products.
    pub fn mul(&self, other: &Interval) -> Interval {
        let products = [
            &self.lo * &other.lo,
            &self.lo * &other.hi,
            &self.hi * &other.lo,
            &self.hi * &other.hi,
        ];
        let lo = products.iter().min().expect("four products").clone();
        let hi = products.iter().max().expect("four products").clone();
        Interval::new(lo, hi)
    }

    /// An enclosure of `{x^(1/n) : x in self}` for `n ≥ 1`, negative parts clamped to zero,
    /// with each endpoint's own bracket narrower than `width` (> 0).
    pub fn nth_root(&self, n: u32, width: &Rational) -> Interval {
        let lo = nth_root_bracket(&self.lo, n, width).0;
        let hi = nth_root_bracket(&self.hi, n, width).1;
        Interval::new(lo, hi)
    }

    /// Whether every point is `> 0`, every point `< 0`, or neither is proven.
    pub fn sign(&self) -> Option<std::cmp::Ordering> {
        if self.lo > 0 {
            Some(std::cmp::Ordering::Greater)
        } else if self.hi < 0 {
            Some(std::cmp::Ordering::Less)
        } else if self.lo == 0 && self.hi == 0 {
            Some(std::cmp::Ordering::Equal)
        } else {
            None
        }
    }

    /// `{-a}`.
    pub fn neg(&self) -> Interval {
        Interval::new(-&self.hi, -&self.lo)
    }

    /// `{a - b}`.
    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    /// An enclosure of `{p(x) : x in self}` by interval Horner evaluation.
    pub fn eval(&self, p: &Poly) -> Interval {
        let mut acc = Interval::point(Rational::from(0));
        for c in p.coeffs().iter().rev() {
            acc = acc.mul(self).add(&Interval::point(c.clone()));
        }
        acc
    }
}

/// Rationals `l ≤ x^(1/n) ≤ h` with `h - l < width`, for `x ≥ 0` (negative `x` counts as 0).
///
/// A float root proposes a tight bracket, exact powers check it (falling back to `[0, max(1, x)]`
/// when the check fails), and rational bisection narrows it.
pub fn nth_root_bracket(x: &Rational, n: u32, width: &Rational) -> (Rational, Rational) {
    use super::rational::{pow, to_f64};
    let zero = Rational::from(0);
    if *x <= 0 {
        return (zero.clone(), zero);
    }
    let one = Rational::from(1);
    let covers =
        |lo: &Rational, hi: &Rational| pow(lo, u64::from(n)) <= *x && pow(hi, u64::from(n)) >= *x;
    let guess = to_f64(x).powf(1.0 / f64::from(n));
    let proposed = [guess * (1.0 - 1e-12), guess * (1.0 + 1e-12)]
        .map(|f| Rational::try_from(f).ok().filter(|r| *r >= 0));
    let (mut lo, mut hi) = match proposed {
        [Some(lo), Some(hi)] if covers(&lo, &hi) => (lo, hi),
        _ => (zero, if *x > one { x.clone() } else { one }),
    };
    while &hi - &lo >= *width {
        let mid = (&lo + &hi) / Rational::from(2);
        if pow(&mid, u64::from(n)) <= *x {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::int;

    #[test]
    fn products_take_the_hull_of_endpoint_products() {
        let a = Interval::new(int(-2), int(3));
        let b = Interval::new(int(-5), int(1));
        assert_eq!(a.mul(&b), Interval::new(int(-15), int(10)));
        assert_eq!(a.add(&b), Interval::new(int(-7), int(4)));
        let square = Interval::new(int(1), int(2)).eval(&Poly::from_i64s(&[0, 0, 1]));
        assert_eq!(square, Interval::new(int(1), int(4)));
        let root =
            Interval::new(int(2), int(3)).nth_root(2, &crate::exact::rational::ratio(1, 1000));
        assert!(&root.lo * &root.lo <= int(2) && &root.hi * &root.hi >= int(3));
    }
}
