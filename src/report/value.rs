//! Rendering one exact or certified value as JSON; the text forms live in [`crate::exact::text`].

use serde_json::{Value as Json, json};

use crate::exact::Value;
use crate::exact::text::tidy;
pub use crate::exact::text::{algebraic_text, decimal_parts, decimal_text, exact_text, latex_text};
use crate::models::val::Val;

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

/// A claim's or an audit's value as JSON: a number as [`json_value`] writes it (20 digits), a
/// truth value as a JSON boolean, a label as a plain JSON string.
pub fn val_json(v: &Val) -> Json {
    match v {
        Val::Num(a) => json_value(&Value::Exact(a.clone()), "x", 20),
        Val::Enc(i) => json_value(&Value::Enclosure(i.clone()), "x", 20),
        Val::Bool(b) => json!(b),
        Val::Label(l) => json!(l),
    }
}
