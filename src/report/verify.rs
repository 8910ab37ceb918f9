//! The report of `gpai verify`: one line per claim (status, expectation, points, time), then what each verdict rests on.

use serde_json::{Value as Json, json};

use crate::claims::val::Val;
use crate::claims::verify::{Verdict, Witnessed, largest_witness};
use crate::exact::Value;

use super::Format;
use super::table;
use super::value::json_value;

/// Milliseconds with one decimal.
pub fn millis(verdict: &Verdict) -> String {
    format!("{:.1} ms", verdict.time.as_secs_f64() * 1000.0)
}

/// At most this many values read are listed per claim in the table (JSON has them all).
const SHOWN: usize = 8;

fn pairs(items: &[(String, Val)]) -> String {
    let mut text = items
        .iter()
        .take(SHOWN)
        .map(|(n, v)| format!("{n} = {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        text.push_str(&format!(
            ", … and {} more (see --format json)",
            items.len() - SHOWN
        ));
    }
    text
}

fn json_val(v: &Val) -> Json {
    match v {
        Val::Num(a) => json_value(&Value::Exact(a.clone()), "x", 20),
        Val::Enc(i) => json_value(&Value::Enclosure(i.clone()), "x", 20),
        Val::Bool(b) => json!(b),
        Val::Label(l) => json!(l),
    }
}

fn json_pairs(items: &[(String, Val)]) -> Json {
    Json::Object(
        items
            .iter()
            .map(|(n, v)| (n.clone(), json_val(v)))
            .collect(),
    )
}

fn json_point(w: &Witnessed) -> Json {
    json!({"point": json_pairs(&w.point), "values": json_pairs(&w.values)})
}

/// The whole report.
pub fn render(verdicts: &[Verdict], format: Format) -> String {
    let met = verdicts.iter().filter(|v| v.met()).count();
    match format {
        Format::Json => {
            let items: Vec<Json> = verdicts
                .iter()
                .map(|v| {
                    json!({
                        "file": v.file,
                        "id": v.id,
                        "title": v.title,
                        "source": v.source,
                        "status": v.status.name(),
                        "expect": v.expect.name(),
                        "met": v.met(),
                        "points": v.points,
                        "skipped": v.skipped,
                        "outside_domain": v.outside,
                        "how": v.how,
                        "time_ms": v.time.as_secs_f64() * 1000.0,
                        "at": v.at.as_ref().map(json_point),
                        "witnesses": v.witnesses.iter().map(json_point).collect::<Vec<_>>(),
                        "error": v.error.as_ref().map(|e| json!({"file": e.file, "line": e.line, "column": e.column, "message": e.message})),
                    })
                })
                .collect();
            let doc = json!({"claims": items, "met": met, "total": verdicts.len()});
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Table | Format::Latex => {
            let rows: Vec<Vec<String>> = verdicts
                .iter()
                .map(|v| {
                    vec![
                        v.id.clone(),
                        v.status.name().to_string(),
                        if v.met() {
                            v.expect.name().to_string()
                        } else {
                            format!("{} (NOT MET)", v.expect.name())
                        },
                        v.points.to_string(),
                        millis(v),
                    ]
                })
                .collect();
            let mut out = format!(
                "gpai verify: {} claims, {met} as expected, {} not\n",
                verdicts.len(),
                verdicts.len() - met
            );
            out.push_str(&table::render(
                &["claim", "status", "expected", "points", "time"],
                &rows,
            ));
            out.push_str("\nwhat each verdict rests on:\n");
            for v in verdicts {
                out.push_str(&format!("  {} — {}\n", v.id, v.how));
                if let Some(e) = &v.error {
                    out.push_str(&format!("      {e}\n"));
                }
                if let Some(at) = &v.at {
                    if !at.point.is_empty() {
                        let all = at
                            .point
                            .iter()
                            .map(|(n, v)| format!("{n} = {v}"))
                            .collect::<Vec<_>>();
                        out.push_str(&format!("      at {}\n", all.join(", ")));
                    }
                    if !at.values.is_empty() {
                        out.push_str(&format!("      where {}\n", pairs(&at.values)));
                    }
                }
                if let Some(w) = largest_witness(v) {
                    let name = v
                        .witnesses
                        .iter()
                        .flat_map(|w| w.values.iter())
                        .map(|(n, _)| n.clone())
                        .next()
                        .unwrap_or_default();
                    out.push_str(&format!("      largest witness {name} = {}\n", Val::Num(w)));
                }
            }
            out
        }
    }
}
