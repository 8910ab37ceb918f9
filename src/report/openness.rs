//! The report of `gpai solve openness …`: the equilibrium, G's release payoff, the indifference penalty and the exact boundaries.

use serde_json::{Value as Json, json};

use crate::exact::{Algebraic, Rational, Value};
use crate::models::openness::exact::{Boundaries, Equilibrium};
use crate::models::openness::params::{NAMES, Params};

use super::Format;
use super::latex::{self, Cell};
use super::table;
use super::ties;
use super::value::{decimal_text, exact_text, json_value};

fn value(r: &Rational) -> Value {
    Value::Exact(Algebraic::from_rational(r.clone()))
}

/// The named rows: equilibrium, derived quantities, boundaries.
fn rows(e: &Equilibrium<Rational>, b: &Boundaries) -> Vec<(&'static str, Option<Value>)> {
    let d = &e.derived;
    let alg = |a: &Option<Algebraic>| a.as_ref().map(|a| Value::Exact(a.clone()));
    vec![
        ("omega", Some(value(&e.omega))),
        ("alpha1", Some(value(&e.alpha1))),
        ("u_g", Some(value(&e.u_g))),
        ("u_d", Some(value(&e.u_d))),
        ("omega_n", Some(value(&d.omega_n))),
        ("v_n", Some(value(&d.v_n))),
        ("omega_tilde", Some(value(&d.omega_tilde))),
        ("alpha_hi", Some(value(&d.alpha_hi))),
        ("a", Some(value(&d.a))),
        ("g", Some(value(&d.g))),
        ("pi0", Some(value(&d.pi0))),
        ("pi_theta", Some(value(&d.pi_theta))),
        ("p_star", Some(value(&d.p_star))),
        ("theta_p", alg(&b.theta_p)),
        ("theta_x", alg(&b.theta_x)),
        ("alpha0_dagger", alg(&b.alpha0_dagger)),
        ("alpha0_s", Some(Value::Exact(b.alpha0_s.clone()))),
    ]
}

/// The report.
pub fn render(
    q: &Params<Rational>,
    e: &Equilibrium<Rational>,
    b: &Boundaries,
    format: Format,
    digits: usize,
) -> String {
    let params: Vec<String> = NAMES
        .iter()
        .map(|n| format!("{n} = {}", q.get(n)))
        .collect();
    let rows = rows(e, b);
    match format {
        Format::Json => {
            let mut values = serde_json::Map::new();
            for (name, v) in &rows {
                values.insert(
                    name.to_string(),
                    v.as_ref()
                        .map_or(Json::Null, |v| json_value(v, "x", digits)),
                );
            }
            let doc = json!({
                "model": "openness",
                "provenance": "this project's openness model, not the source paper's equations",
                "params": NAMES.iter().map(|n| (n.to_string(), json!(q.get(n).to_string()))).collect::<serde_json::Map<_, _>>(),
                "regime": e.regime.to_string(),
                "released": e.regime.releases(),
                "values": values,
                "ties": ties::json(&e.ties),
            });
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Latex => {
            let mut cells: Vec<(String, Cell)> = rows
                .into_iter()
                .map(|(n, v)| (n.to_string(), v.map_or(Cell::Missing, Cell::Num)))
                .collect();
            cells.push(("regime".into(), Cell::Word(e.regime.to_string())));
            cells.push((
                "released".into(),
                Cell::Word(yes(e.regime.releases()).into()),
            ));
            latex::table(
                &format!(
                    "openness equilibrium (this project's model), {}",
                    params.join(", ")
                ),
                &cells,
                &e.ties,
                digits,
            )
        }
        Format::Table => {
            let mut out = format!(
                "openness equilibrium (this project's openness model, not the paper's equations)\n  {}\n",
                params.join(", ")
            );
            let table_rows: Vec<Vec<String>> = rows
                .iter()
                .map(|(name, v)| match v {
                    Some(v) => vec![
                        name.to_string(),
                        exact_text(v, "x", digits),
                        decimal_text(v, digits),
                    ],
                    None => vec![name.to_string(), "none".into(), String::new()],
                })
                .collect();
            out.push_str(&table::render(&["output", "exact", "decimal"], &table_rows));
            out.push_str(&format!(
                "regime: {}, released: {}  (Pi(omega) = pi0 + g*omega - a*omega^2; p_star = v_n - pi_theta is the indifference penalty)\n",
                e.regime,
                yes(e.regime.releases())
            ));
            out.push_str(&ties::text(&e.ties));
            out
        }
    }
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
