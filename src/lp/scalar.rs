//! The exact numbers an LP can be stated in: rationals, or real algebraic numbers when outcomes are irrational.

use std::cmp::Ordering;
use std::fmt::Debug;

use crate::exact::rational::{one, to_f64, zero};
use crate::exact::{Algebraic, Rational};

/// An ordered field with exact arithmetic.
pub trait Scalar: Clone + Debug + PartialEq + PartialOrd {
    fn zero() -> Self;
    fn one() -> Self;
    fn from_rational(r: Rational) -> Self;
    fn as_rational(&self) -> Option<Rational>;
    fn plus(&self, other: &Self) -> Self;
    fn minus(&self, other: &Self) -> Self;
    fn times(&self, other: &Self) -> Self;
    /// `self / other` for non-zero `other`.
    fn over(&self, other: &Self) -> Self;
    fn negated(&self) -> Self;
    fn sign(&self) -> Ordering;
    fn approx(&self) -> f64;
    /// The exact value as text (a fraction, a closed form or `root of P in (lo, hi)`).
    fn exact_text(&self) -> String;
    fn is_zero(&self) -> bool {
        self.sign() == Ordering::Equal
    }
}

impl Scalar for Rational {
    fn zero() -> Self {
        zero()
    }
    fn one() -> Self {
        one()
    }
    fn from_rational(r: Rational) -> Self {
        r
    }
    fn as_rational(&self) -> Option<Rational> {
        Some(self.clone())
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
    fn sign(&self) -> Ordering {
        crate::exact::rational::sign(self)
    }
    fn approx(&self) -> f64 {
        to_f64(self)
    }
    fn exact_text(&self) -> String {
        self.to_string()
    }
}

impl Scalar for Algebraic {
    fn zero() -> Self {
        Algebraic::from_rational(zero())
    }
    fn one() -> Self {
        Algebraic::from_rational(one())
    }
    fn from_rational(r: Rational) -> Self {
        Algebraic::from_rational(r)
    }
    fn as_rational(&self) -> Option<Rational> {
        Algebraic::as_rational(self).cloned()
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
    fn sign(&self) -> Ordering {
        Algebraic::sign(self)
    }
    fn approx(&self) -> f64 {
        self.to_f64()
    }
    fn exact_text(&self) -> String {
        crate::exact::text::algebraic_text(self, "x")
    }
}

/// Whether `a` dominates `b`: `a ≥ b` in every coordinate and `>` in one.
pub fn dominates<F: Scalar>(a: &[F], b: &[F]) -> bool {
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
