//! Named theorems a model can prove over a claim's whole box (`[method] theorem = "R1"`): the bridge from a claim file to its model's prover.
//!
//! The claim's expression is still evaluated at every sample point; the theorem only decides
//! whether the verdict may say `proved`. Sampling and proof must agree: a counterexample to a
//! claim whose theorem is proved is reported as an error, never hidden.

use crate::models::arguments::Arguments;
use crate::models::param_box::{ParamBox, Span};

use super::file::{Claim, Domain};

/// What a model's prover established (proved, or which obligation failed).
pub use crate::models::param_box::Finding;

/// Tries the claim's theorem over its box; `None` when the claim names none.
pub fn prove(claim: &Claim, base: &Arguments) -> Option<Finding> {
    let name = claim.method.theorem.as_deref()?;
    let ranges = claim
        .params
        .iter()
        .filter_map(|(name, domain)| match domain {
            Domain::Range {
                lo,
                hi,
                lo_closed,
                hi_closed,
            } => Some((
                name.clone(),
                Span {
                    lo: lo.clone(),
                    hi: hi.clone(),
                    lo_closed: *lo_closed,
                    hi_closed: *hi_closed,
                },
            )),
            _ => None,
        })
        .collect();
    Some(
        claim
            .model
            .prove(name, &ParamBox::new(base.clone(), ranges)),
    )
}
