//! The report of `gpai boundary`: every change of label along a line, each a certified bracket.

use serde_json::json;

use crate::exact::Value;
use crate::exact::interval::Interval;

use super::Format;
use super::table;
use super::value::{decimal_text, exact_text, json_value};

pub use crate::models::boundary_request::Located;

/// The changes along `name ∈ [lo, hi]`.
pub fn render(
    model: &str,
    name: &str,
    (lo, hi): (&crate::exact::Rational, &crate::exact::Rational),
    located: &[Located],
    format: Format,
    digits: usize,
) -> String {
    match format {
        Format::Json => {
            let items: Vec<_> = located
                .iter()
                .map(|l| {
                    json!({
                        "exact": l.exact.as_ref().map(|a| json_value(&Value::Exact(a.clone()), name, digits)),
                        "bracket": [l.lo.to_string(), l.hi.to_string()],
                        "changes": l.changes.iter().map(|(what, from, to)| json!({"label": what, "from": from, "to": to})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let doc = json!({"model": model, "along": name, "from": lo.to_string(), "to": hi.to_string(), "boundaries": items});
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Table | Format::Latex => {
            let mut out = format!("{model}: label changes along {name} from {lo} to {hi}\n");
            let rows: Vec<Vec<String>> = located
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let value = match &l.exact {
                        Some(a) => Value::Exact(a.clone()),
                        None => Value::Enclosure(Interval::new(l.lo.clone(), l.hi.clone())),
                    };
                    let what: Vec<String> = l
                        .changes
                        .iter()
                        .map(|(w, from, to)| format!("{w}: {from} -> {to}"))
                        .collect();
                    vec![
                        (i + 1).to_string(),
                        exact_text(&value, name, digits),
                        // A bracket's own decimals already say all there is.
                        match &l.exact {
                            Some(_) => decimal_text(&value, digits),
                            None => String::new(),
                        },
                        what.join("; "),
                    ]
                })
                .collect();
            out.push_str(&table::render(&["#", name, "decimal", "change"], &rows));
            out.push_str(
                "each change is certified by labels computed exactly on both sides of it; an exact value\n\
                 is the one root of the change's event equations there, a bracket `in [a, b]` is kept\n\
                 where the equations do not single one out\n",
            );
            out
        }
    }
}
