//! The report of `gpai solve fine_tuning_n …`: G's base model and every domain's regime, performance and utility.

use serde_json::json;

use crate::exact::{Algebraic, Rational, Value};
use crate::models::fine_tuning_n::{Equilibrium, Params};

use super::Format;
use super::table;
use super::value::{decimal_text, json_value};

fn v(r: &Rational) -> Value {
    Value::Exact(Algebraic::from_rational(r.clone()))
}

/// The report.
pub fn render(q: &Params, e: &Equilibrium, format: Format, digits: usize) -> String {
    match format {
        Format::Json => {
            let domains: Vec<_> = q
                .domains()
                .iter()
                .zip(&e.domains)
                .enumerate()
                .map(|(k, (d, o))| {
                    json!({
                        "domain": k + 1,
                        "params": {"r": d.r.to_string(), "c": d.c.to_string(), "kappa": d.kappa.to_string(), "a": d.a.to_string(), "delta": d.delta.to_string()},
                        "regime": o.regime.to_string(),
                        "alpha": json_value(&v(&o.alpha), "x", digits),
                        "utility": json_value(&v(&o.utility), "x", digits),
                    })
                })
                .collect();
            let doc = json!({
                "model": "fine_tuning_n",
                "provenance": "this project's cost form, extending the published one-specialist game",
                "c0": q.c0().to_string(),
                "kappa0": q.kappa0().to_string(),
                "g_participates": e.g_participates,
                "alpha0": json_value(&v(&e.alpha0), "x", digits),
                "u_g": json_value(&v(&e.u_g), "x", digits),
                "domains": domains,
            });
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Table | Format::Latex => {
            let mut out = format!(
                "fine_tuning_n equilibrium, {} domains (this project's cost form), c0 = {}, kappa0 = {}\n",
                q.domains().len(),
                q.c0(),
                q.kappa0()
            );
            out.push_str(&format!(
                "  G: {} alpha0 = {} ({}), u_g = {} ({})\n",
                if e.g_participates {
                    "invests,"
                } else {
                    "abstains;"
                },
                e.alpha0,
                decimal_text(&v(&e.alpha0), digits),
                e.u_g,
                decimal_text(&v(&e.u_g), digits)
            ));
            let rows: Vec<Vec<String>> = q
                .domains()
                .iter()
                .zip(&e.domains)
                .enumerate()
                .map(|(k, (d, o))| {
                    vec![
                        (k + 1).to_string(),
                        format!(
                            "r={} c={} kappa={} a={} delta={}",
                            d.r, d.c, d.kappa, d.a, d.delta
                        ),
                        o.regime.to_string(),
                        o.alpha.to_string(),
                        o.utility.to_string(),
                        decimal_text(&v(&o.utility), digits),
                    ]
                })
                .collect();
            out.push_str(&table::render(
                &[
                    "domain",
                    "parameters",
                    "regime",
                    "alpha",
                    "utility",
                    "decimal",
                ],
                &rows,
            ));
            out
        }
    }
}
