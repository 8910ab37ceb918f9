//! Floating-point intervals rounded outward: a cheap enclosure that settles a comparison when the values are apart, leaving every other case to exact arithmetic.
//!
//! Each operation rounds its result to nearest and then widens it by one unit in the last place
//! on each side, which contains the exact result (round-to-nearest errs by at most half a unit).
//! Rationals enter rounded down and up. An interval with an infinite or NaN end decides
//! nothing. The filter only ever answers "apart, and in this order" or "cannot tell"; equal
//! values, and values closer than the floats resolve, always go to the exact path.
//!
//! [`without_filter`] runs code with the filter off on this thread, so a test can check that
//! every result is the same with and without it.

use std::cell::Cell;
use std::cmp::Ordering;

use super::Rational;
use super::poly::Poly;
use super::rational::{to_f64_ceil, to_f64_floor};

/// A closed interval `[lo, hi]` of reals, with float ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloatInterval {
    pub lo: f64,
    pub hi: f64,
}

thread_local! {
    static FILTER: Cell<bool> = const { Cell::new(true) };
}

/// Whether the float filter may settle comparisons on this thread.
pub fn filter_on() -> bool {
    FILTER.with(Cell::get)
}

/// Runs `work` with the float filter off on this thread (every comparison exact), then
/// restores it.
pub fn without_filter<T>(work: impl FnOnce() -> T) -> T {
    let before = FILTER.with(|f| f.replace(false));
    let out = work();
    FILTER.with(|f| f.set(before));
    out
}

impl FloatInterval {
    /// The interval `[lo, hi]` of two rationals, rounded outward.
    pub fn of(lo: &Rational, hi: &Rational) -> FloatInterval {
        FloatInterval {
            lo: to_f64_floor(lo),
            hi: to_f64_ceil(hi),
        }
    }

    /// A rational, enclosed.
    pub fn point(x: &Rational) -> FloatInterval {
        FloatInterval::of(x, x)
    }

    fn outward(lo: f64, hi: f64) -> FloatInterval {
        FloatInterval {
            lo: lo.next_down(),
            hi: hi.next_up(),
        }
    }

    /// An enclosure of `p(x)` for every `x` in the interval (Horner's rule).
    pub fn eval(p: &Poly, x: FloatInterval) -> FloatInterval {
        let mut coeffs = p.coeffs().iter().rev();
        let Some(top) = coeffs.next() else {
            return FloatInterval { lo: 0.0, hi: 0.0 };
        };
        coeffs.fold(FloatInterval::point(top), |acc, c| {
            acc * x + FloatInterval::point(c)
        })
    }

    /// `Less` or `Greater` when every value of `self` is below (above) every value of `o`;
    /// `None` when they overlap or either is not finite.
    pub fn compare(self, o: FloatInterval) -> Option<Ordering> {
        let finite = [self.lo, self.hi, o.lo, o.hi].iter().all(|e| e.is_finite());
        if !finite {
            None
        } else if self.hi < o.lo {
            Some(Ordering::Less)
        } else if o.hi < self.lo {
            Some(Ordering::Greater)
        } else {
            None
        }
    }
}

impl std::ops::Add for FloatInterval {
    type Output = FloatInterval;

    fn add(self, o: FloatInterval) -> FloatInterval {
        FloatInterval::outward(self.lo + o.lo, self.hi + o.hi)
    }
}

impl std::ops::Mul for FloatInterval {
    type Output = FloatInterval;

    fn mul(self, o: FloatInterval) -> FloatInterval {
        let products = [
            self.lo * o.lo,
            self.lo * o.hi,
            self.hi * o.lo,
            self.hi * o.hi,
        ];
        // 0·∞ is NaN, which min and max would skip: such an interval decides nothing.
        if products.iter().any(|p| p.is_nan()) {
            return FloatInterval {
                lo: f64::NEG_INFINITY,
                hi: f64::INFINITY,
            };
        }
        let lo = products.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = products.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        FloatInterval::outward(lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, pow10, ratio};

    #[test]
    fn enclosures_contain_the_exact_values() {
        // p(x) = 3x^3 - 7/10 x + 1/3 at rational points: the exact value is inside.
        let p = Poly::new(vec![ratio(1, 3), ratio(-7, 10), int(0), int(3)]);
        for k in -40..=40 {
            let x = ratio(k, 7);
            let exact = p.eval(&x);
            let e = FloatInterval::eval(&p, FloatInterval::point(&x));
            assert!(
                to_f64_floor(&exact) >= e.lo && to_f64_ceil(&exact) <= e.hi,
                "{x}"
            );
            assert!(e.hi - e.lo < 1e-13 * (1.0 + e.hi.abs()), "{x}: {e:?}");
        }
        // 1/3 is no float: its enclosure has two different ends.
        let third = FloatInterval::point(&ratio(1, 3));
        assert!(third.lo < third.hi);
    }

    #[test]
    fn equal_or_close_values_are_never_ordered() {
        let a = FloatInterval::point(&ratio(1, 3));
        assert_eq!(a.compare(a), None);
        let b = FloatInterval::point(&(ratio(1, 3) + pow10(-30)));
        assert_eq!(a.compare(b), None);
        let c = FloatInterval::point(&ratio(1, 2));
        assert_eq!(a.compare(c), Some(Ordering::Less));
        assert_eq!(c.compare(a), Some(Ordering::Greater));
        let huge = FloatInterval::point(&pow10(400));
        assert_eq!(huge.compare(c), None, "an infinite end decides nothing");
        let zero_to_huge = FloatInterval {
            lo: 0.0,
            hi: f64::INFINITY,
        };
        let nan_free = (zero_to_huge * FloatInterval { lo: 0.0, hi: 1.0 }).compare(c);
        assert_eq!(nan_free, None, "0 times infinity decides nothing");
    }

    #[test]
    fn the_filter_is_off_only_inside_without_filter() {
        assert!(filter_on());
        assert!(!without_filter(filter_on));
        assert!(filter_on());
    }
}
