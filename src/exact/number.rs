//! Exact parsing of number strings: integers, fractions `p/q`, decimals with an optional bounded exponent.
//!
//! `"0.1"` is exactly 1/10 and `"2.5e-3"` exactly 1/400; nothing passes through a float.

use crate::error::{Error, Result};
use crate::limits::Limit;

use super::Rational;
use super::rational::{from_integer, pow10};

/// Largest admissible decimal exponent in absolute value (`1e1000` is accepted, `1e1001` refused).
pub const MAX_EXPONENT: i64 = 1000;

/// What went wrong while scanning a literal, and where (0-based character offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    pub offset: usize,
    pub reason: String,
}

/// Parses a whole string as an exact rational: `"3"`, `"-2/7"`, `"0.25"`, `"2.5e-3"`, `"1.5/2"`.
///
/// Surrounding whitespace is ignored; anything else that is not part of the number is an error,
/// as are `NaN`, infinities, zero denominators and exponents beyond ±[`MAX_EXPONENT`].
pub fn parse_rational(input: &str) -> Result<Rational> {
    let fail = |reason: String| Error::InvalidNumber {
        input: crate::error::shorten(input),
        reason,
    };
    let text = input.trim();
    if text.is_empty() {
        return Err(fail(
            "empty; expected a number such as 3, -2/7, 0.25 or 2.5e-3".into(),
        ));
    }
    let lowered = text.trim_start_matches(['+', '-']).to_ascii_lowercase();
    if ["nan", "inf", "infinity"].contains(&lowered.as_str()) {
        return Err(fail(
            "not a finite number; parameters are exact rationals such as 3, -2/7 or 0.25".into(),
        ));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let negative = match chars.first() {
        Some('-') => {
            pos = 1;
            true
        }
        Some('+') => {
            pos = 1;
            false
        }
        _ => false,
    };
    let at = |e: ScanError| fail(format!("{} (at character {})", e.reason, e.offset + 1));
    let (numerator, next) = scan_unsigned_decimal(&chars, pos).map_err(at)?;
    pos = next;
    let mut value = numerator;
    if chars.get(pos) == Some(&'/') {
        let (denominator, next) = scan_unsigned_decimal(&chars, pos + 1).map_err(at)?;
        if denominator == 0 {
            return Err(fail("zero denominator".into()));
        }
        value /= denominator;
        pos = next;
    }
    if let Some(c) = chars.get(pos) {
        return Err(fail(format!(
            "unexpected character {c:?} at character {}",
            pos + 1
        )));
    }
    Ok(if negative { -value } else { value })
}

/// Scans an unsigned decimal literal (`12`, `1.5`, `.5`, `2.`, `2.5e-3`) starting at `start`.
///
/// Returns the exact value and the offset just past the literal. An `e` is taken as an exponent
/// only when digits (optionally signed) follow it, so `2e` leaves the `e` unread.
pub fn scan_unsigned_decimal(
    chars: &[char],
    start: usize,
) -> std::result::Result<(Rational, usize), ScanError> {
    let mut pos = start;
    let mut digits = String::new();
    while let Some(c) = chars.get(pos).filter(|c| c.is_ascii_digit()) {
        digits.push(*c);
        pos += 1;
    }
    let mut fraction_digits = 0i64;
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        while let Some(c) = chars.get(pos).filter(|c| c.is_ascii_digit()) {
            digits.push(*c);
            fraction_digits += 1;
            pos += 1;
        }
    }
    if digits.len() > Limit::Digits.value() {
        return Err(ScanError {
            offset: start,
            reason: Limit::Digits
                .exceeded(&digits.len().to_string(), "a number literal")
                .to_string(),
        });
    }
    if digits.is_empty() {
        let reason = match chars.get(start) {
            Some(c) => format!("expected a digit, found {c:?}"),
            None => "expected a digit, found the end of the input".into(),
        };
        return Err(ScanError {
            offset: start,
            reason,
        });
    }
    let mut exponent = 0i64;
    if matches!(chars.get(pos), Some('e' | 'E')) {
        let mut look = pos + 1;
        let exponent_negative = match chars.get(look) {
            Some('-') => {
                look += 1;
                true
            }
            Some('+') => {
                look += 1;
                false
            }
            _ => false,
        };
        if chars.get(look).is_some_and(char::is_ascii_digit) {
            let exponent_start = look;
            let mut text = String::new();
            while let Some(c) = chars.get(look).filter(|c| c.is_ascii_digit()) {
                text.push(*c);
                look += 1;
            }
            let bound = || ScanError {
                offset: exponent_start,
                reason: format!(
                    "exponent {}{text} is outside the admissible range [-{MAX_EXPONENT}, {MAX_EXPONENT}]",
                    if exponent_negative { "-" } else { "" }
                ),
            };
            let magnitude: i64 = text.parse().map_err(|_| bound())?;
            if magnitude > MAX_EXPONENT {
                return Err(bound());
            }
            exponent = if exponent_negative {
                -magnitude
            } else {
                magnitude
            };
            pos = look;
        }
    }
    let mantissa: super::Integer = digits.parse().expect("a non-empty string of ASCII digits");
    let value = from_integer(mantissa) * pow10(exponent - fraction_digits);
    Ok((value, pos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    fn check(input: &str, expected: Rational) {
        assert_eq!(parse_rational(input).unwrap(), expected, "{input}");
    }

    fn check_err(input: &str, fragment: &str) {
        let message = parse_rational(input).unwrap_err().to_string();
        assert!(message.contains(fragment), "{input}: {message}");
        assert!(message.contains(&format!("{input:?}")), "{message}");
    }

    #[test]
    fn accepted_forms_are_exact() {
        check("3", ratio(3, 1));
        check("-2/7", ratio(-2, 7));
        check("+4/6", ratio(2, 3));
        check("0.1", ratio(1, 10));
        check("2.5e-3", ratio(1, 400));
        check("1E3", ratio(1000, 1));
        check(".5", ratio(1, 2));
        check("2.", ratio(2, 1));
        check(" 3/7 ", ratio(3, 7));
        check("1.5/0.5", ratio(3, 1));
        check("1e1000", pow10(1000));
    }

    #[test]
    fn refused_forms_name_the_problem() {
        check_err("", "empty");
        check_err("NaN", "not a finite number");
        check_err("-inf", "not a finite number");
        check_err("1/0", "zero denominator");
        check_err("1e999999999", "exponent 999999999 is outside");
        check_err("1e999999", "outside the admissible range");
        check_err("1e-1001", "exponent -1001");
        check_err("3x", "unexpected character 'x'");
        check_err("1/2/3", "unexpected character '/'");
        check_err("--1", "expected a digit");
        check_err("1/", "end of the input");
        check_err(".", "expected a digit");
        check_err("1 2", "unexpected character ' '");
    }
}
