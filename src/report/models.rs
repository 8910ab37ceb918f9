//! The report of `gpai models`: every model, its parameters with domains, and its named outputs.

use serde_json::json;

use crate::models::{Model, Provenance};

use super::Format;
use super::table;

/// The registry rendered in `format` (the command line refuses LaTeX for it).
pub fn render(models: &[&dyn Model], format: Format) -> String {
    match format {
        Format::Json => {
            let list: Vec<_> = models
                .iter()
                .map(|m| {
                    json!({
                        "name": m.name,
                        "summary": m.summary,
                        "source": m.source,
                        "provenance": provenance(m.provenance),
                        "commands": m.commands,
                        "params": m.params.iter().map(|p| json!({
                            "name": p.name, "domain": m.domain_text(p), "default": p.default, "meaning": p.meaning,
                        })).collect::<Vec<_>>(),
                        "outputs": m.outputs.iter().map(|o| json!({"name": o.name, "meaning": o.meaning, "shown_by": o.shown_by})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).expect("a JSON value always serializes") + "\n"
        }
        Format::Table | Format::Latex => {
            let mut out = String::new();
            for m in models {
                out.push_str(&format!(
                    "{}: {}\n  source: {} ({})\n  commands: {}\n\nparameters:\n",
                    m.name,
                    m.summary,
                    m.source,
                    provenance(m.provenance),
                    m.commands.join(", ")
                ));
                let rows: Vec<Vec<String>> = m
                    .params
                    .iter()
                    .map(|p| {
                        vec![
                            p.name.into(),
                            m.domain_text(p),
                            p.default.unwrap_or("required").into(),
                            p.meaning.into(),
                        ]
                    })
                    .collect();
                out.push_str(&table::render(
                    &["name", "domain", "default", "meaning"],
                    &rows,
                ));
                out.push_str("\noutputs:\n");
                let rows: Vec<Vec<String>> = m
                    .outputs
                    .iter()
                    .map(|o| vec![o.name.into(), o.shown_by.into(), o.meaning.into()])
                    .collect();
                out.push_str(&table::render(&["name", "shown by", "meaning"], &rows));
            }
            out
        }
    }
}

fn provenance(p: Provenance) -> &'static str {
    match p {
        Provenance::Published => "the published model",
        Provenance::ProjectFormulation => "this project's formulation",
    }
}
