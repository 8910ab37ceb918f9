//! The report of `gpai verify`: one line per claim (status, expectation, points, time), then what each verdict rests on.

use serde_json::{Value as Json, json};

use crate::claims::val::Val;
use crate::claims::verify::{Verdict, Witnessed, largest_witnesses};

use super::Format;
use super::table;
use super::value::val_json;

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

/// Named values as one JSON object, each value as [`val_json`] writes it.
pub(super) fn json_pairs(items: &[(String, Val)]) -> Json {
    Json::Object(
        items
            .iter()
            .map(|(n, v)| (n.clone(), val_json(v)))
            .collect(),
    )
}

fn json_point(w: &Witnessed) -> Json {
    json!({"point": json_pairs(&w.point), "values": json_pairs(&w.values)})
}

/// Claims with ids `MODEL.ROW.COLUMN` as a grid of statuses (rows and columns in first-seen
/// order; `—` where no claim exists), then each refuted cell's counterexample. Other claims are
/// listed below the grid by id.
pub fn render_grid(verdicts: &[Verdict]) -> String {
    let mut rows: Vec<String> = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    let mut cells: Vec<(String, String, &Verdict)> = Vec::new();
    let mut others: Vec<&Verdict> = Vec::new();
    for v in verdicts {
        let parts: Vec<&str> = v.id.split('.').collect();
        if let [_, row, column] = parts[..] {
            if !rows.iter().any(|r| r == row) {
                rows.push(row.to_string());
            }
            if !columns.iter().any(|c| c == column) {
                columns.push(column.to_string());
            }
            cells.push((row.to_string(), column.to_string(), v));
        } else {
            others.push(v);
        }
    }
    let cell = |v: &Verdict| {
        let mark = if v.met() { "" } else { " (NOT MET)" };
        format!("{}{mark}", v.status.name())
    };
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            std::iter::once(row.clone())
                .chain(columns.iter().map(|column| {
                    cells
                        .iter()
                        .find(|(r, c, _)| r == row && c == column)
                        .map_or_else(|| "—".to_string(), |(_, _, v)| cell(v))
                }))
                .collect()
        })
        .collect();
    let met = verdicts.iter().filter(|v| v.met()).count();
    let mut out = headline(verdicts.len(), met);
    let header: Vec<&str> = std::iter::once("claim")
        .chain(columns.iter().map(String::as_str))
        .collect();
    out.push_str(&table::render(&header, &table_rows));
    for (row, column, v) in &cells {
        if let (crate::claims::verify::Status::Refuted, Some(at)) = (&v.status, &v.at) {
            let varying: Vec<String> = at.point.iter().map(|(n, x)| format!("{n} = {x}")).collect();
            out.push_str(&format!(
                "{row} × {column} refuted at {}\n",
                varying.join(", ")
            ));
            if !at.values.is_empty() {
                out.push_str(&format!("    where {}\n", pairs(&at.values)));
            }
        }
    }
    for v in others {
        out.push_str(&format!("{}: {}\n", v.id, cell(v)));
    }
    // An error is a verdict with a reason, in the grid as in the list.
    for v in verdicts {
        if let Some(e) = &v.error {
            out.push_str(&format!("{}: {} — {e}\n", v.id, v.how));
        }
    }
    out
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
                        "tied": v.tied,
                        "first_tie": v.first_tie,
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
                        v.outside.to_string(),
                        millis(v),
                    ]
                })
                .collect();
            let mut out = headline(verdicts.len(), met);
            out.push_str(&table::render(
                &["claim", "status", "expected", "points", "outside", "time"],
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
                let largest = largest_witnesses(v);
                if !largest.is_empty() {
                    let noun = if largest.len() == 1 {
                        "largest witness"
                    } else {
                        "largest witness of each variable:"
                    };
                    let each: Vec<String> = largest
                        .into_iter()
                        .map(|(name, w)| format!("{name} = {}", Val::Num(w)))
                        .collect();
                    out.push_str(&format!("      {noun} {}\n", each.join(", ")));
                }
            }
            out
        }
    }
}

/// The first line of a verify report: how many claims, how many met their `expect`.
fn headline(claims: usize, met: usize) -> String {
    let noun = if claims == 1 { "claim" } else { "claims" };
    format!(
        "gpai verify: {claims} {noun}, {met} as expected, {} not\n",
        claims - met
    )
}
