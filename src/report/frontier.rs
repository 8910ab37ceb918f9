//! The report of `gpai frontier`: per group the Pareto and hull counts, the egalitarian and KS lotteries, the faces, and how every LP answer was certified.

use serde_json::{Value as Json, json};

use crate::frontier::run::{GroupReport, Shown};

use super::Format;
use super::table;

fn shown_json(s: &Shown) -> Json {
    json!({
        "value": s.value,
        "approx": s.value_approx,
        "support": s.support.iter().map(|(k, v)| json!({"at": k, "weight": v})).collect::<Vec<_>>(),
        "certificate": {"method": s.method.name(), "primal": s.x, "dual": s.y},
    })
}

fn lottery(s: &Shown) -> String {
    s.support
        .iter()
        .map(|(id, w)| format!("{w} × #{id}"))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The whole report for `players` over the groups.
pub fn render(players: &[String], groups: &[GroupReport], format: Format) -> String {
    let total: usize = groups.iter().map(|g| g.outcomes).sum();
    match format {
        Format::Json => {
            let items: Vec<Json> = groups
                .iter()
                .map(|g| {
                    json!({
                        "group": g.group,
                        "outcomes": g.outcomes,
                        "pareto": g.pareto,
                        "dominated_by_lottery": g.dominated_by_lottery,
                        "field": g.field,
                        "hull": g.hull.iter().map(|(id, u, _, w)| json!({
                            "id": id, "utilities": u,
                            "supporting_weights": w.as_ref().map(shown_json),
                        })).collect::<Vec<_>>(),
                        "faces": g.faces.iter().map(|(members, n, level)| json!({"outcomes": members, "normal": n, "level": level})).collect::<Vec<_>>(),
                        "egalitarian": shown_json(&g.egalitarian),
                        "kalai_smorodinsky": g.kalai_smorodinsky.as_ref().map(shown_json),
                        "beyond_other_groups": g.beyond_others,
                        "certificates": g.methods,
                    })
                })
                .collect();
            let doc = json!({"players": players, "outcomes": total, "groups": items});
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
        }
        Format::Table | Format::Latex => {
            let mut out = format!(
                "frontier of ({}) over {total} outcomes in {} group{}; every verdict exact, every LP answer certified\n",
                players.join(", "),
                groups.len(),
                if groups.len() == 1 { "" } else { "s" }
            );
            let several = groups.len() > 1;
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    let mut row = vec![
                        g.group.clone(),
                        g.outcomes.to_string(),
                        g.pareto.to_string(),
                        g.hull.len().to_string(),
                        g.faces.len().to_string(),
                        g.egalitarian.value.clone(),
                        g.kalai_smorodinsky
                            .as_ref()
                            .map_or("undefined".into(), |k| k.value.clone()),
                    ];
                    if several {
                        row.push(g.beyond_others.map_or(String::new(), |b| b.to_string()));
                    }
                    row
                })
                .collect();
            let mut header = vec![
                "group",
                "outcomes",
                "pareto",
                "hull",
                "faces",
                "egalitarian t",
                "KS t",
            ];
            if several {
                header.push("beyond others");
            }
            out.push_str(&table::render(&header, &rows));
            for g in groups {
                out.push_str(&format!("\n{} ({}):\n", g.group, g.field));
                let vertices: Vec<String> = g
                    .hull
                    .iter()
                    .map(|(id, u, _, _)| format!("#{id} ({})", u.join(", ")))
                    .collect();
                out.push_str(&format!(
                    "  hull-Pareto outcomes: {}\n",
                    vertices.join(", ")
                ));
                out.push_str(&format!(
                    "  egalitarian: t = {} by {}\n",
                    g.egalitarian.value,
                    lottery(&g.egalitarian)
                ));
                match &g.kalai_smorodinsky {
                    Some(k) => out.push_str(&format!(
                        "  Kalai-Smorodinsky: t = {} by {}\n",
                        k.value,
                        lottery(k)
                    )),
                    None => out.push_str(
                        "  Kalai-Smorodinsky: undefined (some player's ideal is not positive)\n",
                    ),
                }
                let methods: Vec<String> =
                    g.methods.iter().map(|(m, n)| format!("{n} {m}")).collect();
                out.push_str(&format!("  certificates: {}\n", methods.join(", ")));
            }
            if several {
                out.push_str("\nbeyond others: hull-Pareto outcomes of the group that no lottery over the other groups' outcomes weakly dominates\n");
            }
            out
        }
    }
}
