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

    /// An enclosure of `{p(x) : x in self}` by interval Horner evaluation.
    pub fn eval(&self, p: &Poly) -> Interval {
        let mut acc = Interval::point(Rational::from(0));
        for c in p.coeffs().iter().rev() {
            acc = acc.mul(self).add(&Interval::point(c.clone()));
        }
        acc
    }
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
    }
}
