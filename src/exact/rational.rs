//! Helpers on the project's big rationals and integers, so no other file names the crate behind them.

use std::cmp::Ordering;

use malachite::base::num::arithmetic::traits::{
    Ceiling, CheckedSqrt, Floor, FloorSqrt, Gcd, Pow, Sign, UnsignedAbs,
};
use malachite::base::num::basic::traits::{One, Zero};
use malachite::base::num::conversion::traits::RoundingFrom;
use malachite::base::num::logic::traits::SignificantBits;
use malachite::base::rounding_modes::RoundingMode;
use malachite::rational::rational::arithmetic::traits::SimplestRationalInInterval;

use super::{Integer, Rational};

/// The rational `n`.
pub fn int(n: i64) -> Rational {
    Rational::from(n)
}

/// The rational `n / d`; `d` must be non-zero.
pub fn ratio(n: i64, d: i64) -> Rational {
    assert!(d != 0, "ratio with zero denominator");
    Rational::from_signeds(n, d)
}

/// Zero.
pub fn zero() -> Rational {
    Rational::ZERO
}

/// One.
pub fn one() -> Rational {
    Rational::ONE
}

/// The rational with this integer value.
pub fn from_integer(n: Integer) -> Rational {
    Rational::from(n)
}

/// `n / d` reduced; `d` must be non-zero.
pub fn from_integers(n: Integer, d: Integer) -> Rational {
    assert!(d != 0, "from_integers with zero denominator");
    Rational::from_integers(n, d)
}

/// The integer `n`.
pub fn integer(n: i64) -> Integer {
    Integer::from(n)
}

/// The signed numerator of `x` in lowest terms.
pub fn numerator(x: &Rational) -> Integer {
    let n = Integer::from(x.to_numerator());
    if *x < 0 { -n } else { n }
}

/// The (positive) denominator of `x` in lowest terms.
pub fn denominator(x: &Rational) -> Integer {
    Integer::from(x.to_denominator())
}

/// The sign of `x` as an ordering against zero.
pub fn sign(x: &Rational) -> Ordering {
    x.sign()
}

/// The sign of an integer as an ordering against zero.
pub fn int_sign(x: &Integer) -> Ordering {
    x.sign()
}

/// `|x|`.
pub fn abs(x: &Rational) -> Rational {
    if *x < 0 { -x } else { x.clone() }
}

/// `|x|` of an integer.
pub fn int_abs(x: &Integer) -> Integer {
    Integer::from(x.unsigned_abs())
}

/// The largest integer not above `x`.
pub fn floor(x: &Rational) -> Integer {
    x.floor()
}

/// The smallest integer not below `x`.
pub fn ceil(x: &Rational) -> Integer {
    x.ceiling()
}

/// Whether `x` is an integer.
pub fn is_integer(x: &Rational) -> bool {
    x.to_denominator() == 1u32
}

/// `x^e` for a non-negative exponent.
pub fn pow(x: &Rational, e: u64) -> Rational {
    x.pow(e)
}

/// `e` when `x = 2^e` (a positive power of two).
pub fn power_of_two_exponent(x: &Integer) -> Option<u64> {
    let zeros = x.trailing_zeros()?;
    (*x > 0 && x.unsigned_abs().significant_bits() == zeros + 1).then_some(zeros)
}

/// `x^e` for an integer.
pub fn int_pow(x: &Integer, e: u64) -> Integer {
    x.pow(e)
}

/// `10^e` for any integer exponent.
pub fn pow10(e: i64) -> Rational {
    Rational::from(10).pow(e)
}

/// `2^e` for any integer exponent.
pub fn pow2(e: i64) -> Rational {
    Rational::from(2).pow(e)
}

/// The nearest `f64` to `x` (display and float proposals only; never a verdict).
pub fn to_f64(x: &Rational) -> f64 {
    f64::rounding_from(x, RoundingMode::Nearest).0
}

/// The largest `f64` not above `x` (−∞ below the floats' range): an interval's lower end.
pub fn to_f64_floor(x: &Rational) -> f64 {
    f64::rounding_from(x, RoundingMode::Floor).0
}

/// The smallest `f64` not below `x` (+∞ above the floats' range): an interval's upper end.
pub fn to_f64_ceil(x: &Rational) -> f64 {
    f64::rounding_from(x, RoundingMode::Ceiling).0
}

/// The simplest rational (smallest denominator, then smallest numerator) strictly between `lo` and `hi`.
pub fn simplest_between(lo: &Rational, hi: &Rational) -> Rational {
    Rational::simplest_rational_in_open_interval(lo, hi)
}

/// The greatest common divisor of two integers (non-negative).
pub fn int_gcd(a: &Integer, b: &Integer) -> Integer {
    Integer::from(a.unsigned_abs().gcd(b.unsigned_abs()))
}

/// A non-negative integer from hexadecimal digits (`None` for anything else).
pub fn parse_hex(digits: &str) -> Option<Integer> {
    use malachite::base::num::conversion::traits::FromStringBase;
    malachite::Natural::from_string_base(16, digits).map(Integer::from)
}

/// The number of bits of `|x|` (0 for zero).
pub fn int_bits(x: &Integer) -> u64 {
    x.unsigned_abs().significant_bits()
}

/// `sqrt(x)` when the integer `x ≥ 0` is a perfect square.
pub fn int_exact_sqrt(x: &Integer) -> Option<Integer> {
    if *x < 0 {
        return None;
    }
    x.unsigned_abs().checked_sqrt().map(Integer::from)
}

/// `⌊sqrt(x)⌋` for an integer `x ≥ 0`.
pub fn int_floor_sqrt(x: &Integer) -> Integer {
    assert!(*x >= 0, "the square root of a negative integer");
    Integer::from(x.unsigned_abs().floor_sqrt())
}

/// The integer as an `i64` when it fits.
pub fn int_to_i64(x: &Integer) -> Option<i64> {
    i64::try_from(x).ok()
}
