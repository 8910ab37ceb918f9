//! Named theorems a model can prove over a claim's whole box (`[method] theorem = "R1"`): the bridge from a claim file to a model's own prover.
//!
//! The claim's expression is still evaluated at every sample point; the theorem only decides
//! whether the verdict may say `proved`. Sampling and proof must agree: a counterexample to a
//! claim whose theorem is proved is reported as an error, never hidden.

use crate::exact::Rational;
use crate::models::ModelInfo;
use crate::models::arguments::Arguments;
use crate::models::race;
use crate::models::race::prove::{self as race_prove, Outcome, Region, Span, Theorem};

use super::file::{Claim, Domain};

/// What a model's prover established (proved, or which obligation failed).
pub use crate::models::race::prove::Outcome as Finding;

/// The theorems `model` can prove.
pub fn names(model: &ModelInfo) -> &'static [&'static str] {
    match model.name {
        "race" => &["R1", "R2", "R3", "R4"],
        _ => &[],
    }
}

/// The claim's range of `name`, or its one value at the base game.
fn span(claim: &Claim, base: &Arguments, name: &str) -> Result<Span, String> {
    match claim.params.iter().find(|(n, _)| n == name).map(|(_, d)| d) {
        Some(Domain::Range {
            lo,
            hi,
            lo_closed,
            hi_closed,
        }) => Ok(Span {
            lo: lo.clone(),
            hi: hi.clone(),
            lo_closed: *lo_closed,
            hi_closed: *hi_closed,
        }),
        _ => base.value(name).map(Span::point).map_err(|e| e.to_string()),
    }
}

/// Tries the claim's theorem over its box; `None` when the claim names none.
pub fn prove(claim: &Claim, base: &Arguments) -> Option<Outcome> {
    let name = claim.method.theorem.as_deref()?;
    Some(match claim.model.name {
        "race" => race_theorem(claim, base, name).unwrap_or_else(Outcome::NotProved),
        _ => Outcome::NotProved(format!("{} has no prover", claim.model.name)),
    })
}

fn race_theorem(claim: &Claim, base: &Arguments, name: &str) -> Result<Outcome, String> {
    let theorem = Theorem::parse(name).ok_or_else(|| format!("no theorem {name}"))?;
    let m = span(claim, base, "m")?;
    if m.lo != m.hi {
        return Err("the prover needs one horizon m (it ranges here)".into());
    }
    // The extension as the model reads it, at a game inside the box (each range's midpoint):
    // only its kind shapes the forms; the box supplies the values.
    let mut inside = base.clone();
    for (name, domain) in &claim.params {
        if let Domain::Range { lo, hi, .. } = domain {
            inside = inside
                .with(name, (lo + hi) / Rational::from(2))
                .map_err(|e| e.to_string())?;
        }
    }
    let game = race::Params::from_arguments(&inside).map_err(|e| e.to_string())?;
    Ok(race_prove::prove(
        theorem,
        &Region {
            ext: game.ext().clone(),
            m: m.lo,
            k: span(claim, base, "k")?,
            q: span(claim, base, "q")?,
            s: span(claim, base, "s")?,
        },
    ))
}
