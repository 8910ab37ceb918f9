//! The report of `gpai roots`: every real root exactly, with multiplicity and a truncated decimal.

use serde_json::{Value as Json, json};

use crate::exact::{Poly, RealRoot, Value};

use super::table;
use super::value::{algebraic_text, json_value, latex_text};

use super::Format;

/// The roots of `poly` (written in `variable`) rendered in `format` with `digits` significant digits.
pub fn render(
    poly: &Poly,
    variable: &str,
    roots: &[RealRoot],
    digits: usize,
    format: Format,
) -> String {
    match format {
        Format::Table => text(poly, variable, roots, digits),
        Format::Json => json(poly, variable, roots, digits),
        Format::Latex => latex(roots, digits),
    }
}

fn text(poly: &Poly, variable: &str, roots: &[RealRoot], digits: usize) -> String {
    let count = match roots.len() {
        1 => "1 real root".to_string(),
        n => format!("{n} real roots"),
    };
    let mut out = format!("{}: {count}\n", poly.display_in(variable));
    if roots.is_empty() {
        return out;
    }
    let decimal_header = format!("decimal ({digits} digits)");
    let rows: Vec<Vec<String>> = roots
        .iter()
        .enumerate()
        .map(|(i, root)| {
            vec![
                (i + 1).to_string(),
                algebraic_text(&root.value, variable),
                root.multiplicity.to_string(),
                root.value.decimal(digits).marked(),
            ]
        })
        .collect();
    out.push_str(&table::render(
        &["#", "exact", "multiplicity", &decimal_header],
        &rows,
    ));
    out
}

fn json(poly: &Poly, variable: &str, roots: &[RealRoot], digits: usize) -> String {
    let items: Vec<Json> = roots
        .iter()
        .map(|root| {
            let mut item = json_value(&Value::Exact(root.value.clone()), variable, digits);
            item["multiplicity"] = json!(root.multiplicity);
            item
        })
        .collect();
    let document = json!({
        "polynomial": poly.display_in(variable).to_string(),
        "variable": variable,
        "digits": digits,
        "roots": items,
    });
    serde_json::to_string_pretty(&document).expect("a JSON value always serializes") + "\n"
}

fn latex(roots: &[RealRoot], digits: usize) -> String {
    let items: Vec<String> = roots
        .iter()
        .map(|root| latex_text(&Value::Exact(root.value.clone()), digits))
        .collect();
    format!("{}\n", items.join(",\\; "))
}
