//! Exact and certified values as text: closed forms, `root of P in (lo, hi)`, outward-rounded enclosures, truncated decimals, LaTeX.
//!
//! Every report, sweep row, claim message and LP certificate writes values through these, so
//! one value reads the same everywhere.

use super::rational::{ceil, floor, from_integer, pow10};
use super::{Algebraic, Rational, Value};

/// The exact description: a closed form, `root of P in (lo, hi)`, or `in [a, b]` for an enclosure
/// (decimal endpoints rounded outward, so the printed interval still contains the value).
pub fn exact_text(value: &Value, variable: &str, digits: usize) -> String {
    match value {
        Value::Exact(a) => algebraic_text(a, variable),
        Value::Enclosure(i) => {
            let (lo, hi) = outward(&i.lo, &i.hi, digits);
            format!("in [{lo}, {hi}]")
        }
    }
}

/// A closed form, or `root of P in (lo, hi)`.
pub fn algebraic_text(a: &Algebraic, variable: &str) -> String {
    a.closed_form().unwrap_or_else(|| {
        let (lo, hi) = tidy(a);
        format!(
            "root of {} in ({lo}, {hi})",
            a.defining_poly().display_in(variable)
        )
    })
}

/// Truncated decimals, marked `≈…` unless exact; for an enclosure only the digits both ends share.
pub fn decimal_text(value: &Value, digits: usize) -> String {
    match decimal_parts(value, digits) {
        (text, true) => text,
        (text, false) => format!("≈{text}…"),
    }
}

/// The correct leading digits and whether they are the whole value.
pub fn decimal_parts(value: &Value, digits: usize) -> (String, bool) {
    match value {
        Value::Exact(a) => {
            let d = a.decimal(digits);
            (d.digits, d.exact)
        }
        Value::Enclosure(i) => {
            let lo = Algebraic::from_rational(i.lo.clone());
            let hi = Algebraic::from_rational(i.hi.clone());
            // Truncation is monotone: digits both ends share are the value's digits too.
            let mut d = digits;
            while d > 1 && lo.decimal(d).digits != hi.decimal(d).digits {
                d -= 1;
            }
            let shared = lo.decimal(d).digits;
            if shared == hi.decimal(d).digits {
                (shared, false)
            } else {
                ("?".into(), false)
            }
        }
    }
}

/// LaTeX: the closed form, or the polynomial and interval, or the outward-rounded enclosure.
pub fn latex_text(value: &Value, digits: usize) -> String {
    match value {
        Value::Exact(a) => a.closed_form_latex().unwrap_or_else(|| {
            let (lo, hi) = tidy(a);
            format!(
                "\\text{{root of }} {} \\text{{ in }} ({lo}, {hi})",
                a.defining_poly().latex_in("x")
            )
        }),
        Value::Enclosure(i) => {
            let (lo, hi) = outward(&i.lo, &i.hi, digits);
            format!("[{lo}, {hi}]")
        }
    }
}

/// A short isolating interval, endpoints written as exact decimals.
pub(crate) fn tidy(a: &Algebraic) -> (String, String) {
    let (lo, hi) = a.tidy_interval();
    let text = |x: Rational| Algebraic::from_rational(x).decimal(10_000).digits;
    (text(lo), text(hi))
}

/// `lo` rounded down and `hi` rounded up to `digits` decimal places (at least 1), as text.
fn outward(lo: &Rational, hi: &Rational, digits: usize) -> (String, String) {
    let scale = pow10(digits.max(1) as i64);
    let down = from_integer(floor(&(lo * &scale))) / &scale;
    let up = from_integer(ceil(&(hi * &scale))) / &scale;
    let text = |x: Rational| Algebraic::from_rational(x).decimal(digits + 20).digits;
    (text(down), text(up))
}
