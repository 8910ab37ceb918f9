//! A certified quantity: an exact algebraic number, or a rational interval proven to contain the value.

use super::Rational;
use super::algebraic::Algebraic;
use super::interval::Interval;
use super::rational::to_f64;

/// A value the toolkit vouches for: exactly, or as an enclosure that provably contains it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Exact(Algebraic),
    Enclosure(Interval),
}

impl Value {
    /// The exact value from a rational.
    pub fn rational(r: Rational) -> Value {
        Value::Exact(Algebraic::from_rational(r))
    }

    /// The exact number, when known exactly.
    pub fn as_exact(&self) -> Option<&Algebraic> {
        match self {
            Value::Exact(a) => Some(a),
            Value::Enclosure(_) => None,
        }
    }

    /// A rational interval containing the value (a point for rationals).
    pub fn bounds(&self) -> Interval {
        match self {
            Value::Exact(a) => {
                let (lo, hi) = a.interval();
                Interval::new(lo, hi)
            }
            Value::Enclosure(i) => i.clone(),
        }
    }

    /// A rational interval containing the value, no wider than `width` when the value is exact.
    pub fn enclose(&self, width: &Rational) -> Interval {
        match self {
            Value::Exact(a) => {
                let mut a = a.clone();
                a.refine(width);
                let (lo, hi) = a.interval();
                Interval::new(lo, hi)
            }
            Value::Enclosure(i) => i.clone(),
        }
    }

    /// The nearest double (display and float cross-checks only).
    pub fn to_f64(&self) -> f64 {
        match self {
            Value::Exact(a) => a.to_f64(),
            Value::Enclosure(i) => to_f64(&((&i.lo + &i.hi) / Rational::from(2))),
        }
    }
}
