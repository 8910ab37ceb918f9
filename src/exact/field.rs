//! The one exact field trait: rationals, real algebraic numbers and rational functions of a parameter, with the order and the text of the ordered ones.

use std::cmp::Ordering;
use std::fmt::Debug;

use super::ratfn::RatFn;
use super::rational::{one, to_f64, zero};
use super::{Algebraic, Rational};

/// A field with exact arithmetic, in which formulas are written once: rationals at one game,
/// real algebraic numbers at irrational parameters or outcomes, rational functions along a
/// line of games.
pub trait Field: Clone + Debug {
    fn from_rational(r: Rational) -> Self;
    fn plus(&self, other: &Self) -> Self;
    fn minus(&self, other: &Self) -> Self;
    fn times(&self, other: &Self) -> Self;
    /// `self / other` for non-zero `other` (callers divide by what their domain keeps non-zero).
    fn over(&self, other: &Self) -> Self;
    fn negated(&self) -> Self;
    fn zero() -> Self {
        Self::from_rational(zero())
    }
    fn one() -> Self {
        Self::from_rational(one())
    }
}

/// An ordered [`Field`] whose elements are numbers: every sign decided exactly, each value
/// written exactly and approximated.
pub trait OrderedField: Field + PartialEq + PartialOrd {
    fn as_rational(&self) -> Option<Rational>;
    fn sign(&self) -> Ordering;
    fn approx(&self) -> f64;
    /// The exact value as text (a fraction, a closed form or `root of P in (lo, hi)`).
    fn exact_text(&self) -> String;
    fn is_zero(&self) -> bool {
        self.sign() == Ordering::Equal
    }
}

impl Field for Rational {
    fn from_rational(r: Rational) -> Self {
        r
    }
    fn plus(&self, other: &Self) -> Self {
        self + other
    }
    fn minus(&self, other: &Self) -> Self {
        self - other
    }
    fn times(&self, other: &Self) -> Self {
        self * other
    }
    fn over(&self, other: &Self) -> Self {
        self / other
    }
    fn negated(&self) -> Self {
        -self
    }
}

impl OrderedField for Rational {
    fn as_rational(&self) -> Option<Rational> {
        Some(self.clone())
    }
    fn sign(&self) -> Ordering {
        super::rational::sign(self)
    }
    fn approx(&self) -> f64 {
        to_f64(self)
    }
    fn exact_text(&self) -> String {
        self.to_string()
    }
}

impl Field for Algebraic {
    fn from_rational(r: Rational) -> Self {
        Algebraic::from_rational(r)
    }
    fn plus(&self, other: &Self) -> Self {
        self.add(other)
    }
    fn minus(&self, other: &Self) -> Self {
        self.sub(other)
    }
    fn times(&self, other: &Self) -> Self {
        self.mul(other)
    }
    fn over(&self, other: &Self) -> Self {
        self.div(other).expect("division by a non-zero number")
    }
    fn negated(&self) -> Self {
        self.neg()
    }
}

impl OrderedField for Algebraic {
    fn as_rational(&self) -> Option<Rational> {
        Algebraic::as_rational(self).cloned()
    }
    fn sign(&self) -> Ordering {
        Algebraic::sign(self)
    }
    fn approx(&self) -> f64 {
        self.to_f64()
    }
    fn exact_text(&self) -> String {
        super::text::algebraic_text(self, "x")
    }
}

impl Field for RatFn {
    fn from_rational(r: Rational) -> Self {
        RatFn::constant(r)
    }
    fn plus(&self, other: &Self) -> Self {
        self.add(other)
    }
    fn minus(&self, other: &Self) -> Self {
        self.sub(other)
    }
    fn times(&self, other: &Self) -> Self {
        self.mul(other)
    }
    fn over(&self, other: &Self) -> Self {
        self.div(other)
            .expect("a divisor the domain keeps non-zero")
    }
    fn negated(&self) -> Self {
        self.neg()
    }
}

/// Whether `a` dominates `b`: `a ≥ b` in every coordinate and `>` in one.
pub fn dominates<F: OrderedField>(a: &[F], b: &[F]) -> bool {
    let mut strict = false;
    for (x, y) in a.iter().zip(b) {
        match x.partial_cmp(y).expect("exact numbers are ordered") {
            Ordering::Less => return false,
            Ordering::Greater => strict = true,
            Ordering::Equal => {}
        }
    }
    strict
}
