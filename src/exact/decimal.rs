//! Decimal renderings with a requested number of correct significant digits, marked when approximate.

use std::cmp::Ordering;

use super::Rational;
use super::algebraic::Algebraic;
use super::rational::{denominator, floor, int_bits, numerator, pow10};

/// A decimal rendering: the first `digits` significant digits of the exact value, truncated
/// (every printed digit is correct), and whether the rendering is the exact value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decimal {
    /// `-1.41421356`, `0.25`, `1.2e-30`: the digits without any approximation mark.
    pub digits: String,
    /// True when the value has no further non-zero digits.
    pub exact: bool,
}

impl Decimal {
    /// The rendering with the marks used in tables: `≈1.41421356…` when approximate.
    pub fn marked(&self) -> String {
        if self.exact {
            self.digits.clone()
        } else {
            format!("≈{}…", self.digits)
        }
    }
}

impl Algebraic {
    /// The first `digits` (≥ 1) significant decimal digits, truncated toward zero.
    pub fn decimal(&self, digits: usize) -> Decimal {
        let digits = digits.max(1);
        let negative = self.sign() == Ordering::Less;
        let magnitude = if negative { self.neg() } else { self.clone() };
        if let Some(r) = magnitude.as_rational() {
            if *r == 0 {
                return Decimal {
                    digits: "0".into(),
                    exact: true,
                };
            }
            let exponent = floor_log10(r);
            let scaled = r * pow10(digits as i64 - 1 - exponent);
            let truncated = floor(&scaled);
            let exact = scaled == truncated;
            return render(negative, &truncated.to_string(), exponent, exact);
        }
        // An irrational number: narrow until the exponent and the truncated digits are settled.
        // Refinement is quadratic; bisection only steps past a power of ten or a digit
        // boundary that the interval still straddles.
        let mut x = magnitude;
        loop {
            let (lo, hi) = x.interval();
            if lo <= 0 {
                // The magnitude is not known yet: squaring the target width finds it in as
                // many steps as it has bits in its exponent's length.
                x.refine(&squared_or_quartered(&(&hi - &lo)));
                continue;
            }
            let exponent = floor_log10(&lo);
            let target = if exponent == floor_log10(&hi) {
                let scale = pow10(digits as i64 - 1 - exponent);
                let (t_lo, t_hi) = (floor(&(&lo * &scale)), floor(&(&hi * &scale)));
                if t_lo == t_hi {
                    return render(negative, &t_lo.to_string(), exponent, false);
                }
                pow10(exponent + 1 - digits as i64) / Rational::from(4)
            } else {
                lo.clone()
            };
            if &hi - &lo > target {
                x.refine(&target);
            } else {
                x.bisect();
            }
        }
    }
}

/// `w²` below 1, `w/4` otherwise: a target width that shrinks quadratically when repeated.
pub(crate) fn squared_or_quartered(w: &Rational) -> Rational {
    if *w < 1 { w * w } else { w / Rational::from(4) }
}

/// `⌊log10 x⌋` for a positive rational, exactly.
pub fn floor_log10(x: &Rational) -> i64 {
    debug_assert!(*x > 0);
    let bits = int_bits(&numerator(x)) as i64 - int_bits(&denominator(x)) as i64;
    let mut e = (bits as f64 * std::f64::consts::LOG10_2).floor() as i64;
    while pow10(e) > *x {
        e -= 1;
    }
    while pow10(e + 1) <= *x {
        e += 1;
    }
    e
}

/// Places the decimal point in the significant digits `d` (no sign) of a number with exponent `e`.
fn render(negative: bool, d: &str, e: i64, exact: bool) -> Decimal {
    let sign = if negative { "-" } else { "" };
    let n = d.len() as i64;
    let mut text = if (-6..n).contains(&e) {
        if e >= 0 {
            let (int_part, frac) = d.split_at(e as usize + 1);
            format!("{int_part}.{frac}")
        } else {
            format!("0.{}{d}", "0".repeat((-e - 1) as usize))
        }
    } else {
        let (first, rest) = d.split_at(1);
        format!("{first}.{rest}e{e}")
    };
    if exact {
        text = strip_zeros(&text);
    } else if text.ends_with('.') {
        text.pop();
    }
    Decimal {
        digits: format!("{sign}{text}"),
        exact,
    }
}

fn strip_zeros(text: &str) -> String {
    let (mantissa, exponent) = match text.find('e') {
        Some(i) => text.split_at(i),
        None => (text, ""),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    format!("{mantissa}{exponent}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::poly::Poly;
    use crate::exact::rational::{int, ratio};

    fn check(x: Algebraic, digits: usize, expected: &str) {
        assert_eq!(x.decimal(digits).marked(), expected);
    }

    #[test]
    fn digits_are_truncated_and_marked() {
        let sqrt2 = Algebraic::root_of(&Poly::from_i64s(&[-2, 0, 1]), &int(0), &int(2)).unwrap();
        check(sqrt2.clone(), 12, "≈1.41421356237…");
        check(sqrt2.neg(), 3, "≈-1.41…");
        check(
            sqrt2.mul(&Algebraic::from_rational(ratio(1, 1000))),
            4,
            "≈0.001414…",
        );
        check(
            sqrt2.mul(&Algebraic::from_rational(int(10_i64.pow(9)))),
            4,
            "≈1.414e9…",
        );
        check(Algebraic::from_rational(ratio(1, 4)), 12, "0.25");
        check(Algebraic::from_rational(ratio(-1, 3)), 5, "≈-0.33333…");
        check(Algebraic::from_rational(int(120)), 5, "120");
        check(Algebraic::from_rational(int(0)), 5, "0");
        check(Algebraic::from_rational(ratio(2, 3)), 1, "≈0.6…");
        check(Algebraic::from_rational(ratio(1, 10_i64.pow(9))), 3, "1e-9");
    }

    #[test]
    fn floor_log10_is_exact_at_powers_of_ten() {
        assert_eq!(floor_log10(&int(1000)), 3);
        assert_eq!(floor_log10(&int(999)), 2);
        assert_eq!(floor_log10(&ratio(1, 100)), -2);
        assert_eq!(floor_log10(&ratio(99, 10_000)), -3);
    }
}
