//! Policy files: the model, the fixed parameters, the family and the assertion (a shorthand or a claim expression), each problem located.

use std::collections::HashSet;

use toml_edit::ImDocument;

use crate::claims::expr::{Expr, Kind, parse};
use crate::claims::file::{
    ClaimError, Domain, check_labels, check_range, check_solves, first_unknown_name, param_table,
    position, string_start,
};
use crate::models::{self, Model};

use super::Policy;

/// A shorthand assertion as a claim expression: `all comply`, `none exits`, `openness at least
/// X`, `no deadweight loss`. The label after `all`/`none` is matched, singular or plural, against
/// the labels the model's `regime` can take; one it cannot take is an error listing them.
fn shorthand(text: &str, model: &dyn Model) -> Option<Result<String, String>> {
    let t = text.trim().to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    let regime = |word: &str| -> Result<String, String> {
        let labels = crate::claims::outputs::labels_of(model, "regime").ok_or_else(|| {
            format!(
                "{} has no regime output, so `{}` cannot be read; write the assertion as a claim expression over its outputs",
                model.name,
                text.trim()
            )
        })?;
        let singular = [
            word.to_string(),
            word.strip_suffix("ies")
                .map(|w| format!("{w}y"))
                .unwrap_or_default(),
            word.strip_suffix("es").unwrap_or_default().to_string(),
            word.strip_suffix('s').unwrap_or_default().to_string(),
        ];
        singular
            .into_iter()
            .find(|w| labels.contains(w))
            .ok_or_else(|| {
                format!(
                    "{word:?} is not a regime of {}: its regimes are {}",
                    model.name,
                    labels.join(", ")
                )
            })
    };
    let exits = model.decisions().map_or(&[][..], |d| d.exits);
    Some(match words.as_slice() {
        ["all", label] => regime(label).map(|l| format!("regime == \"{l}\"")),
        ["none", "exits" | "exit"] if !exits.is_empty() => Ok(none_of(exits)),
        ["none", label] => regime(label).map(|l| format!("regime != \"{l}\"")),
        ["no", "deadweight", "loss"] => regime("pay").map(|l| format!("regime != \"{l}\"")),
        [word, "at", "least", value] => {
            // The output is the one of the model declaring the word; another model's game
            // then refuses it by name.
            let at_least = models::MODELS
                .iter()
                .filter_map(|m| m.decisions()?.at_least.as_ref())
                .find(|a| a.word == *word)?;
            Ok(format!("{} >= {value}", at_least.output))
        }
        _ => return None,
    })
}

/// The assertion that the regime is none of `labels`.
pub(super) fn none_of(labels: &[&str]) -> String {
    labels
        .iter()
        .map(|l| format!("regime != \"{l}\""))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// Reads a policy file.
pub fn parse_policy(file: &str, text: &str) -> Result<Policy, ClaimError> {
    let at = |offset: usize, message: String| position(file, text, offset, message);
    let doc = ImDocument::parse(text.to_string()).map_err(|e| {
        let message = e
            .message()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("; ");
        at(
            e.span().map_or(0, |s| s.start),
            format!("malformed TOML: {message}"),
        )
    })?;
    let span = |item: &toml_edit::Item| item.span().map_or(0, |s| s.start);
    for (key, item) in doc.iter() {
        if !["title", "model", "params", "family", "assert"].contains(&key) {
            return Err(at(
                span(item),
                format!("unknown key `{key}`; a policy has title, model, params, family, assert"),
            ));
        }
    }
    let string = |key: &str| -> Result<(String, usize), ClaimError> {
        let item = doc
            .get(key)
            .ok_or_else(|| at(0, format!("missing key `{key}`")))?;
        let s = item
            .as_str()
            .ok_or_else(|| at(span(item), format!("`{key}` must be a string")))?;
        Ok((s.to_string(), string_start(text, item)))
    };
    let title = doc
        .get("title")
        .and_then(|t| t.as_str())
        .unwrap_or("")
        .to_string();
    let (model_name, model_at) = string("model")?;
    let model = models::find(&model_name).map_err(|e| at(model_at, e.to_string()))?;
    let mut fixed = Vec::new();
    for (name, domain, offset) in param_table(&doc, "params", model, &at)? {
        match domain {
            Domain::Fixed(v) => fixed.push((name.to_string(), v.to_string())),
            Domain::Text(t) => fixed.push((name.to_string(), t)),
            Domain::Range { .. } => {
                return Err(at(
                    offset,
                    format!(
                        "{name}: [params] are fixed values; put the one ranging parameter under [family]"
                    ),
                ));
            }
        }
    }
    let mut family = None;
    for (name, domain, offset) in param_table(&doc, "family", model, &at)? {
        match domain {
            Domain::Range { .. } if fixed.iter().any(|(n, _)| model.overlaps(n, &name)) => {
                return Err(at(
                    offset,
                    format!("{name} is given twice: in [params] and in [family]"),
                ));
            }
            Domain::Range { .. } if family.is_none() => {
                check_range(model, &name, &domain).map_err(|message| {
                    at(
                        offset,
                        format!("{message}; narrow the family to games of the model"),
                    )
                })?;
                let Domain::Range {
                    lo,
                    hi,
                    lo_closed,
                    hi_closed,
                } = domain
                else {
                    unreachable!("matched a range")
                };
                if lo >= hi {
                    return Err(at(offset, format!("{name}: the family needs lo < hi")));
                }
                family = Some(((name.to_string(), lo, hi), (lo_closed, hi_closed)));
            }
            _ => {
                return Err(at(
                    offset,
                    format!("{name}: [family] holds exactly one range \"[lo, hi]\""),
                ));
            }
        }
    }
    let family_at = doc
        .get("family")
        .and_then(|f| f.as_table_like())
        .and_then(|t| t.iter().next())
        .map_or(0, |(_, v)| span(v));
    let (family, family_closed) = family.ok_or_else(|| {
        at(
            0,
            "missing [family]: one parameter with a range, e.g. alpha0 = \"[1/2, 1]\"".into(),
        )
    })?;
    let (assert_text, assert_at) = string("assert")?;
    let expression = match shorthand(&assert_text, model) {
        Some(expanded) => expanded.map_err(|message| at(assert_at, message))?,
        None => assert_text.clone(),
    };
    // A shorthand's expansion is not in the file: its problems point at the assertion itself.
    let offset_of = |e: usize| {
        if expression == assert_text {
            assert_at + e
        } else {
            assert_at
        }
    };
    let expr = parse(&expression).map_err(|e| {
        at(offset_of(e.offset), format!("{}; an assertion is a shorthand (all comply, none exits, openness at least X, no deadweight loss) or a claim expression", e.message))
    })?;
    if let Some(e) = first_unknown_name(model, &HashSet::new(), &expr) {
        return Err(at(offset_of(e.offset), e.message));
    }
    check_labels(model, &[], &expr).map_err(|e| at(offset_of(e.offset), e.message))?;
    check_solves(model, &expr).map_err(|e| at(offset_of(e.offset), e.message))?;
    if let Some(offset) = first_exists(&expr) {
        return Err(at(
            offset_of(offset),
            "an assertion may not use exists: an audit decides its assertion true or false at \
             every game of the family, and a witness search can show only that a value exists, \
             never that none does; check an existence claim with gpai verify"
                .into(),
        ));
    }
    Ok(Policy {
        file: file.into(),
        title,
        model,
        fixed,
        family,
        family_closed,
        places: super::Places {
            text: text.to_string(),
            family: family_at,
            assertion: assert_at,
            shorthand: expression != assert_text,
        },
        assertion: (expression, expr),
    })
}

/// Where the first `exists` of the expression starts, if it has one.
fn first_exists(expr: &Expr) -> Option<usize> {
    let mut found = None;
    expr.visit(&mut |e| {
        if let Kind::Exists { .. } = e.kind {
            found.get_or_insert(e.offset);
        }
    });
    found
}
