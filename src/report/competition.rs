//! The report of `gpai solve competition …`: the equilibrium at one openness, vertical integration, the free trial and the derived thresholds.

use serde_json::{Value as Json, json};

use crate::exact::{Algebraic, Poly, Rational, Value};
use crate::models::competition::Params;
use crate::models::competition::exact::Solution;

use super::Format;
use super::latex::{self, Cell};
use super::table;
use super::ties;
use super::value::{decimal_text, exact_text, json_value};

/// The thresholds a report shows (each `None` when it does not exist for this game).
pub struct Thresholds {
    pub omega_1: Option<Algebraic>,
    pub omega_bar: Option<Algebraic>,
    pub omega_bar_t: Option<Algebraic>,
    pub omega_v: Option<Algebraic>,
    pub omega_w: Option<(Algebraic, Option<Poly>)>,
}

fn q(r: &Rational) -> Option<Value> {
    Some(Value::rational(r.clone()))
}

fn rows(s: &Solution, t: &Thresholds) -> Vec<(&'static str, Option<Value>)> {
    let o = &s.base.outcome;
    let alg = |a: &Option<Algebraic>| a.clone().map(Value::Exact);
    vec![
        ("e", q(&o.e)),
        ("q_l", q(&o.q_l)),
        ("q_f", q(&o.q_f)),
        ("cs", q(&o.cs)),
        ("pi_l", q(&o.pi_l)),
        ("pi_f", q(&o.pi_f)),
        ("pi_d0", q(&s.pi_d0)),
        ("w", q(&s.w)),
        ("pi_v", q(&s.integrated.outcome.pi_l)),
        ("delta_j", q(&s.delta_j)),
        ("trial_cs", q(&s.chosen.outcome.cs)),
        ("trial_pi_l", q(&s.chosen.outcome.pi_l)),
        ("trial_pi_f", q(&s.chosen.outcome.pi_f)),
        ("trial_pi_d0", q(&s.chosen_pi_d0)),
        ("omega_1", alg(&t.omega_1)),
        ("omega_bar", alg(&t.omega_bar)),
        ("omega_bar_t", alg(&t.omega_bar_t)),
        ("omega_v", alg(&t.omega_v)),
        (
            "omega_w",
            t.omega_w.as_ref().map(|(a, _)| Value::Exact(a.clone())),
        ),
    ]
}

/// The report.
pub fn render(p: &Params, s: &Solution, t: &Thresholds, format: Format, digits: usize) -> String {
    let params = format!(
        "a = {}, c = {}, k = {}, kappa = {}, tau = {}, omega = {}",
        p.a, p.c, p.k, p.kappa, p.tau, p.omega
    );
    let rows = rows(s, t);
    let domain = if p.in_spec_domain() {
        "in the spec's domain"
    } else {
        "OUTSIDE the spec's domain (k > 4/3, 2(a-c) < 3*kappa): the claims need not hold"
    };
    match format {
        Format::Json => {
            let mut values = serde_json::Map::new();
            for (name, v) in &rows {
                values.insert(
                    name.to_string(),
                    v.as_ref()
                        .map_or(Json::Null, |v| json_value(v, "w", digits)),
                );
            }
            let doc = json!({
                "model": "competition",
                "provenance": "this project's competition model, not the source paper's equations",
                "params": params,
                "regime": s.base.regime.to_string(),
                "entered": s.base.entered,
                "vi_regime": s.integrated.regime.to_string(),
                "trial": s.trial,
                "in_spec_domain": p.in_spec_domain(),
                "ties": ties::json(&s.ties),
                "values": values,
                "omega_w_polynomial": t.omega_w.as_ref().and_then(|(_, poly)| poly.as_ref()).map(|poly| poly.display_in("w").to_string()),
            });
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Latex => {
            let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
            let mut cells: Vec<(String, Cell)> = rows
                .into_iter()
                .map(|(n, v)| (n.to_string(), v.map_or(Cell::Missing, Cell::Num)))
                .collect();
            cells.extend([
                ("regime".to_string(), Cell::Word(s.base.regime.to_string())),
                ("entered".to_string(), Cell::Word(yes(s.base.entered))),
                (
                    "vi_regime".to_string(),
                    Cell::Word(s.integrated.regime.to_string()),
                ),
                ("trial".to_string(), Cell::Word(yes(s.trial))),
                (
                    "in_spec_domain".to_string(),
                    Cell::Word(yes(p.in_spec_domain())),
                ),
            ]);
            latex::table(
                &format!("competition equilibrium (this project's model), {params}"),
                &cells,
                &s.ties,
                digits,
            )
        }
        Format::Table => {
            let mut out = format!(
                "competition equilibrium (this project's competition model, not the paper's equations)\n  {params}; {domain}\n"
            );
            let table_rows: Vec<Vec<String>> = rows
                .iter()
                .map(|(name, v)| match v {
                    Some(v) => vec![
                        name.to_string(),
                        exact_text(v, "w", digits),
                        decimal_text(v, digits),
                    ],
                    None => vec![name.to_string(), "none".into(), String::new()],
                })
                .collect();
            out.push_str(&table::render(&["output", "exact", "decimal"], &table_rows));
            out.push_str(&format!(
                "regime: {}; F {} (entered: {}); vertical integration: vi_regime {} (delta_j {}); free trial: {} (trial: {}); in_spec_domain: {}\n",
                s.base.regime,
                if s.base.entered {
                    "adopts"
                } else {
                    "stays out"
                },
                if s.base.entered { "yes" } else { "no" },
                s.integrated.regime,
                if s.delta_j > 0 {
                    "> 0, pays"
                } else {
                    "<= 0, does not pay"
                },
                if s.trial { "offered" } else { "not offered" },
                if s.trial { "yes" } else { "no" },
                if p.in_spec_domain() { "yes" } else { "no" },
            ));
            if let Some((_, Some(poly))) = &t.omega_w {
                out.push_str(&format!(
                    "omega_w is the root of W(omega) - W(blockade), numerator {} = 0\n",
                    poly.display_in("w")
                ));
            }
            out.push_str(&ties::text(&s.ties));
            out
        }
    }
}
