//! The report of `gpai bargain fine_tuning_n …` over a common share: the Pareto set's pieces and components and the named bargains.

use serde_json::json;

use crate::exact::{Rational, Value};
use crate::models::fine_tuning_n::Params;
use crate::models::fine_tuning_n::bargain::{Bargain, players};
use crate::models::fine_tuning_n::pieces::{Key, Rule};

use super::Format;
use super::latex::{self, Cell};
use super::table;
use super::value::{decimal_text, exact_text, json_value};

/// G's rule and each domain's regime on a piece, e.g. `interior optimum; C F A`.
fn form_text(key: &Key) -> String {
    let rule = match key.rule {
        Rule::Abstain => "G abstains".to_string(),
        Rule::Zero => "alpha0 = 0".to_string(),
        Rule::Threshold(j) => format!("alpha0 = tau_{} (pulls domain {} in)", j + 1, j + 1),
        Rule::Interior => "interior optimum".to_string(),
    };
    let regimes: Vec<&str> = key
        .participants
        .iter()
        .zip(&key.contributors)
        .map(|(&p, &c)| match (p, c) {
            (false, _) => "A",
            (true, true) => "C",
            (true, false) => "F",
        })
        .collect();
    format!("{rule}; {}", regimes.join(" "))
}

/// The report of `gpai bargain fine_tuning_n` over a common share; `found` says how the game
/// was found when a search produced it.
pub fn render_common(
    q: &Params,
    b: &Bargain,
    found: Option<String>,
    format: Format,
    digits: usize,
) -> String {
    let names = players(q.domains().len());
    let utility_names: Vec<String> = names
        .iter()
        .map(|p| match p.as_str() {
            "g" => "u_g".to_string(),
            d => format!("u_{}", &d[1..]),
        })
        .collect();
    let width = Value::rational(b.width.clone());
    match format {
        Format::Json => {
            let doc = json!({
                "model": "fine_tuning_n",
                "mode": "common",
                "provenance": "this project's cost form, extending the published one-specialist game",
                "found": found,
                "c0": q.c0().to_string(),
                "kappa0": q.kappa0().to_string(),
                "domains": q.domains().iter().map(|d| json!({"r": d.r.to_string(), "c": d.c.to_string(), "kappa": d.kappa.to_string(), "a": d.a.to_string()})).collect::<Vec<_>>(),
                "pareto": {
                    "components": b.components.len(),
                    "intervals": b.components.iter().map(|c| json!({"lo": json_value(&c.lo, "x", digits), "hi": json_value(&c.hi, "x", digits)})).collect::<Vec<_>>(),
                },
                "dominance": "decided exactly at every probe",
                "probes": b.probes.len(),
                "width": b.width.to_string(),
                "pieces": b.pieces.iter().map(|p| json!({"lo": p.lo.to_string(), "hi": p.hi.to_string(), "form": form_text(&p.key)})).collect::<Vec<_>>(),
                "solutions": b.solutions.iter().map(|s| {
                    let mut u = serde_json::Map::new();
                    for (name, v) in utility_names.iter().zip(&s.u) {
                        u.insert(name.clone(), json_value(v, "x", digits));
                    }
                    json!({"name": s.name, "delta": json_value(&s.delta, "x", digits), "alpha0": json_value(&s.alpha0, "x", digits), "utilities": u, "at_change_of_form": s.at_change})
                }).collect::<Vec<_>>(),
            });
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Latex => {
            let mut cells: Vec<(String, Cell)> = vec![(
                "pareto.components".into(),
                Cell::Num(Value::rational(Rational::from(b.components.len() as u64))),
            )];
            for (k, c) in b.components.iter().enumerate() {
                cells.push((format!("pareto.lo_{}", k + 1), Cell::Num(c.lo.clone())));
                cells.push((format!("pareto.hi_{}", k + 1), Cell::Num(c.hi.clone())));
            }
            for sol in &b.solutions {
                cells.push((format!("{}.delta", sol.name), Cell::Num(sol.delta.clone())));
                for (name, u) in utility_names.iter().zip(&sol.u) {
                    cells.push((format!("{}.{name}", sol.name), Cell::Num(u.clone())));
                }
            }
            latex::table(
                &format!(
                    "fine_tuning_n bargaining over one common share (this project's cost form), {}",
                    crate::models::fine_tuning_n::report::params_line(q)
                ),
                &cells,
                &[],
                digits,
            )
        }
        Format::Table => {
            let mut out = format!(
                "fine_tuning_n bargaining over one common share delta, {} domains (this project's cost form)\n  {}\n",
                q.domains().len(),
                crate::models::fine_tuning_n::report::params_line(q)
            );
            if let Some(found) = found {
                out.push_str(&format!("  {found}\n"));
            }
            out.push_str(&format!(
                "\nPareto set over delta ({} players): components = {}\n",
                names.len(),
                b.components.len(),
            ));
            let rows: Vec<Vec<String>> = b
                .components
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    vec![
                        (k + 1).to_string(),
                        exact_text(&c.lo, "x", digits),
                        exact_text(&c.hi, "x", digits),
                        format!(
                            "[{}, {}]",
                            decimal_text(&c.lo, digits),
                            decimal_text(&c.hi, digits)
                        ),
                    ]
                })
                .collect();
            out.push_str(&table::render(
                &["component i", "lo_i", "hi_i", "decimal"],
                &rows,
            ));
            out.push_str(&format!(
                "dominance decided exactly at every probe ({} probes); ends bisected to width {}\n",
                b.probes.len(),
                decimal_text(&width, 3)
            ));
            out.push_str(
                "\nforms of equilibrium along delta (C contributes, F free-rides, A abstains):\n",
            );
            let rows: Vec<Vec<String>> = b
                .pieces
                .iter()
                .map(|p| {
                    vec![
                        decimal_text(&Value::rational(p.lo.clone()), 6),
                        decimal_text(&Value::rational(p.hi.clone()), 6),
                        form_text(&p.key),
                    ]
                })
                .collect();
            out.push_str(&table::render(&["from", "to", "form"], &rows));
            let mut header = vec!["solution", "delta", "alpha0"];
            header.extend(utility_names.iter().map(String::as_str));
            let table_of = |render: &dyn Fn(&Value) -> String| -> Vec<Vec<String>> {
                b.solutions
                    .iter()
                    .map(|s| {
                        let name = if s.at_change {
                            format!("{} *", s.name)
                        } else {
                            s.name.clone()
                        };
                        std::iter::once(name)
                            .chain([render(&s.delta), render(&s.alpha0)])
                            .chain(s.u.iter().map(render))
                            .collect()
                    })
                    .collect()
            };
            out.push_str("\nsolutions (nash, egalitarian and kalai_smorodinsky over the players who can gain):\n");
            let rows: Vec<Vec<String>> = b
                .solutions
                .iter()
                .map(|s| {
                    let text = exact_text(&s.delta, "x", digits);
                    // Closed forms with huge coefficients say little in a table.
                    let shown = if text.len() <= 80 {
                        text
                    } else {
                        format!("{} (exact: --format json)", decimal_text(&s.delta, digits))
                    };
                    vec![s.name.clone(), shown]
                })
                .collect();
            out.push_str(&table::render(
                &[
                    "solution",
                    "delta (exact; utilities exact with --format json)",
                ],
                &rows,
            ));
            out.push_str(&format!("\ndecimal ({digits} digits):\n"));
            out.push_str(&table::render(
                &header,
                &table_of(&|v| decimal_text(v, digits)),
            ));
            if b.solutions.iter().any(|s| s.at_change) {
                out.push_str(
                    "* at a change of form: the best of the examined shares; the gap to the next form (at most the width) was not examined\n",
                );
            }
            out
        }
    }
}
