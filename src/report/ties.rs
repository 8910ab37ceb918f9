//! The ties a solve resolved, in every format: a section of the table, an array in JSON, comments beside LaTeX.

use serde_json::{Value as Json, json};

use crate::models::tie::Tie;

/// Table lines: `ties resolved:` and one indented line each; nothing when there are none.
pub fn text(ties: &[Tie]) -> String {
    if ties.is_empty() {
        return String::new();
    }
    let mut out = String::from("ties resolved (options of equal value; the rule chose):\n");
    for tie in ties {
        out.push_str(&format!("  {tie}\n"));
    }
    out
}

/// `[{"player", "chose", "over": [...], "rule"}]`.
pub fn json(ties: &[Tie]) -> Json {
    Json::Array(
        ties.iter()
            .map(|t| json!({"player": t.player, "chose": t.chose, "over": t.over, "rule": t.rule}))
            .collect(),
    )
}

/// LaTeX comment lines (`% tie: …`), so a pasted formula carries them along.
pub fn latex(ties: &[Tie]) -> String {
    ties.iter().map(|t| format!("% tie: {t}\n")).collect()
}
