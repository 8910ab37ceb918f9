//! The report of `gpai solve safety_regulation …`: the regulated equilibrium beside the unregulated one, and the regime.

use serde_json::{Value as Json, json};

use crate::exact::{Algebraic, Value};
use crate::models::safety_regulation::{Equilibrium, Outcome, Params};

use super::Format;
use super::latex::{self, Cell};
use super::table;
use super::ties;
use super::value::{decimal_text, exact_text, json_value};

fn params_text(p: &Params) -> String {
    let m = |c: &crate::models::safety_regulation::Costs| {
        format!("[[{}, {}], [{}, {}]]", c.aa, c.ab, c.ab, c.bb)
    };
    format!(
        "C0 = {}, C1 = {}, r = ({}, {}), delta = {}, theta_g = {}, theta_d = {}",
        m(p.c0()),
        m(p.c1()),
        p.r_a(),
        p.r_b(),
        p.delta(),
        p.theta_g(),
        p.theta_d()
    )
}

fn quantities(e: &Equilibrium) -> [(&'static str, &'static str, &Algebraic); 6] {
    [
        ("alpha0", "\\alpha_0", &e.alpha0),
        ("beta0", "\\beta_0", &e.beta0),
        ("alpha1", "\\alpha_1", &e.alpha1),
        ("beta1", "\\beta_1", &e.beta1),
        ("u_g", "U_G", &e.u_g),
        ("u_d", "U_D", &e.u_d),
    ]
}

fn exact(a: &Algebraic) -> Value {
    Value::Exact(a.clone())
}

fn equilibrium_json(e: &Equilibrium, digits: usize) -> Json {
    let mut doc = json!({
        "g_strategy": e.g_strategy.to_string(),
        "d_strategy": e.d_strategy.to_string(),
        "paper_candidate": e.paper_candidate,
        "ties": ties::json(&e.ties),
    });
    for (name, _, value) in quantities(e) {
        doc[name] = json_value(&exact(value), "x", digits);
    }
    doc
}

/// The regulated and unregulated equilibria and the regime.
pub fn render_solve(params: &Params, outcome: &Outcome, format: Format, digits: usize) -> String {
    let (reg, unreg) = (&outcome.regulated, &outcome.unregulated);
    match format {
        Format::Table => {
            let mut out = format!("safety_regulation equilibrium ({})\n", params_text(params));
            let mut rows: Vec<Vec<String>> = quantities(reg)
                .iter()
                .zip(quantities(unreg))
                .map(|((name, _, r), (_, _, u))| {
                    vec![
                        name.to_string(),
                        exact_text(&exact(r), "x", digits),
                        decimal_text(&exact(r), digits),
                        exact_text(&exact(u), "x", digits),
                        decimal_text(&exact(u), digits),
                    ]
                })
                .collect();
            for (name, r, u) in [
                (
                    "g_strategy",
                    reg.g_strategy.to_string(),
                    unreg.g_strategy.to_string(),
                ),
                (
                    "d_strategy",
                    reg.d_strategy.to_string(),
                    unreg.d_strategy.to_string(),
                ),
                (
                    "paper_candidate",
                    yes(reg.paper_candidate).to_string(),
                    yes(unreg.paper_candidate).to_string(),
                ),
            ] {
                rows.push(vec![name.into(), r, String::new(), u, String::new()]);
            }
            out.push_str(&table::render(
                &["output", "regulated", "decimal", "unregulated", "decimal"],
                &rows,
            ));
            out.push_str(&format!(
                "regime: {} (backfire: {}, mutualism: {})\n",
                outcome.regime,
                yes(outcome.backfire),
                yes(outcome.mutualism)
            ));
            out.push_str(&ties::text(&outcome.ties()));
            out
        }
        Format::Json => {
            let c = |c: &crate::models::safety_regulation::Costs| {
                json!([
                    [c.aa.to_string(), c.ab.to_string()],
                    [c.ab.to_string(), c.bb.to_string()]
                ])
            };
            let doc = json!({
                "model": "safety_regulation",
                "params": {
                    "c0": c(params.c0()),
                    "c1": c(params.c1()),
                    "r": [params.r_a().to_string(), params.r_b().to_string()],
                    "delta": params.delta().to_string(),
                    "theta_g": params.theta_g().to_string(),
                    "theta_d": params.theta_d().to_string(),
                },
                "regulated": equilibrium_json(reg, digits),
                "unregulated": equilibrium_json(unreg, digits),
                "regime": outcome.regime.to_string(),
                "backfire": outcome.backfire,
                "mutualism": outcome.mutualism,
            });
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Latex => {
            let mut cells: Vec<(String, Cell)> = Vec::new();
            for (prefix, e) in [("", reg), ("unregulated.", unreg)] {
                for (name, _, v) in quantities(e) {
                    cells.push((format!("{prefix}{name}"), Cell::Num(exact(v))));
                }
                cells.push((
                    format!("{prefix}g_strategy"),
                    Cell::Word(e.g_strategy.to_string()),
                ));
                cells.push((
                    format!("{prefix}d_strategy"),
                    Cell::Word(e.d_strategy.to_string()),
                ));
                cells.push((
                    format!("{prefix}paper_candidate"),
                    Cell::Word(yes(e.paper_candidate).into()),
                ));
            }
            cells.push(("regime".into(), Cell::Word(outcome.regime.to_string())));
            cells.push(("backfire".into(), Cell::Word(yes(outcome.backfire).into())));
            cells.push((
                "mutualism".into(),
                Cell::Word(yes(outcome.mutualism).into()),
            ));
            let mut text = latex::table(
                &format!("safety_regulation equilibrium, {}", params_text(params)),
                &cells,
                &[],
                digits,
            );
            text.push_str(&ties::latex(&outcome.ties()));
            text
        }
    }
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
