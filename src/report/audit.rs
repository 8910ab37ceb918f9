//! The report of `gpai audit`: the verdict, where the assertion holds, its boundaries and margins, the first counterexample.

use serde_json::json;

use crate::audit::{Audit, Policy};
use crate::exact::{Algebraic, Value};

use super::Format;
use super::value::{decimal_text, exact_text};

fn show(a: &Algebraic) -> String {
    let v = Value::Exact(a.clone());
    let exact = exact_text(&v, "x", 12);
    match a.as_rational() {
        Some(_) => exact,
        None => format!("{exact} {}", decimal_text(&v, 12)),
    }
}

/// The report.
pub fn render(policy: &Policy, audit: &Audit, format: Format) -> String {
    let (name, lo, hi) = &policy.family;
    let family = format!(
        "{}{lo}, {hi}{}",
        if policy.family_closed.0 { '[' } else { '(' },
        if policy.family_closed.1 { ']' } else { ')' }
    );
    let holding: Vec<String> = audit
        .holding
        .iter()
        .map(|i| {
            if i.lo == i.hi {
                format!("{{{}}}", show(&i.lo))
            } else {
                format!(
                    "{}{}, {}{}",
                    if i.lo_closed { "[" } else { "(" },
                    show(&i.lo),
                    show(&i.hi),
                    if i.hi_closed { "]" } else { ")" }
                )
            }
        })
        .collect();
    match format {
        Format::Json => {
            let doc = json!({
                "title": policy.title,
                "model": policy.model.name,
                "fixed": policy.fixed.iter().map(|(n, v)| (n.clone(), json!(v.to_string()))).collect::<serde_json::Map<_, _>>(),
                "family": {"parameter": name, "from": lo.to_string(), "to": hi.to_string(), "from_closed": policy.family_closed.0, "to_closed": policy.family_closed.1},
                "assertion": policy.assertion.0,
                "holds": audit.holds,
                "method": audit.method,
                "holding": holding,
                "changes": audit.changes.iter().map(show).collect::<Vec<_>>(),
                "counterexample": audit.counterexample.as_ref().map(|(t, values)| json!({
                    "at": t.to_string(),
                    "values": super::verify::json_pairs(values),
                })),
                "beyond": audit.beyond.iter().map(|(b, m)| json!({"boundary": show(b), "margin": show(m)})).collect::<Vec<_>>(),
            });
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Table | Format::Latex => {
            let mut out = format!("audit: {}\n", policy.title);
            let provenance = match policy.model.provenance {
                crate::models::Provenance::ProjectFormulation => " (this project's model)",
                crate::models::Provenance::Published => "",
            };
            let fixed: Vec<String> = policy
                .fixed
                .iter()
                .map(|(n, v)| format!("{n} = {v}"))
                .collect();
            out.push_str(&format!(
                "  model {}{provenance}; fixed {}; family {name} in {family}\n",
                policy.model.name,
                if fixed.is_empty() {
                    "nothing".into()
                } else {
                    fixed.join(", ")
                }
            ));
            out.push_str(&format!("  assertion: {}\n", policy.assertion.0));
            let how = if audit.method == "proved" {
                "proved: every point where it could change was found and decided exactly"
            } else {
                "verified on exact samples with bisection, not proved"
            };
            if audit.holds {
                // Samples vouch for the points sampled, not for every point between them.
                let scope = if audit.method == "proved" {
                    "for every"
                } else {
                    "at every sampled"
                };
                out.push_str(&format!(
                    "  verdict: TRUE {scope} {name} in {family} ({how})\n"
                ));
                if audit.beyond.is_empty() {
                    out.push_str("  it keeps holding as far as the search went (four family widths each way, within the domain)\n");
                }
                for (b, m) in &audit.beyond {
                    out.push_str(&format!(
                        "  stops holding at {name} = {} (margin {})\n",
                        show(b),
                        show(m)
                    ));
                }
            } else {
                out.push_str(&format!("  verdict: FALSE ({how})\n"));
                out.push_str(&format!(
                    "  holds on: {}\n",
                    if holding.is_empty() {
                        "nowhere in the family".into()
                    } else {
                        holding.join(" ∪ ")
                    }
                ));
                let changes: Vec<String> = audit.changes.iter().map(show).collect();
                if changes.is_empty() {
                    out.push_str(&format!("  it fails at every {name} of the family\n"));
                } else {
                    out.push_str(&format!("  changes at {name} = {}\n", changes.join(", ")));
                }
                if let Some((t, values)) = &audit.counterexample {
                    let shown: Vec<String> =
                        values.iter().map(|(n, v)| format!("{n} = {v}")).collect();
                    let read = if shown.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", shown.join(", "))
                    };
                    out.push_str(&format!("  first counterexample: {name} = {t}{read}\n"));
                }
            }
            out
        }
    }
}
