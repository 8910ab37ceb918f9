//! Rendering one exact or certified value: closed form, defining polynomial and interval, enclosure, decimals.

use serde_json::{Value as Json, json};

use crate::exact::rational::{ceil, floor, from_integer, pow10};
use crate::exact::{Algebraic, Rational, Value};

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

/// JSON: `{"exact": "…" | {"poly", "poly_text", "interval"}, "decimal", "approx"}` or
/// `{"enclosure": ["lo", "hi"], "decimal", "approx"}` (endpoints exact rationals).
pub fn json_value(value: &Value, variable: &str, digits: usize) -> Json {
    let approx = value.to_f64();
    let (decimal, decimal_is_exact) = decimal_parts(value, digits);
    match value {
        Value::Exact(a) => {
            let exact = match a.closed_form() {
                Some(text) => json!(text),
                None => {
                    let (lo, hi) = tidy(a);
                    let poly = a.defining_poly();
                    json!({
                        "poly": poly.coeffs().iter().map(ToString::to_string).collect::<Vec<_>>(),
                        "poly_text": poly.display_in(variable).to_string(),
                        "interval": [lo.to_string(), hi.to_string()],
                    })
                }
            };
            json!({ "exact": exact, "decimal": decimal, "decimal_is_exact": decimal_is_exact, "approx": approx })
        }
        Value::Enclosure(i) => json!({
            "enclosure": [i.lo.to_string(), i.hi.to_string()],
            "decimal": decimal,
            "decimal_is_exact": decimal_is_exact,
            "approx": approx,
        }),
    }
}

/// A short isolating interval, endpoints written as exact decimals.
fn tidy(a: &Algebraic) -> (String, String) {
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
