//! Claims as files: a theorem written down in `proofs/*.toml`, then proved, verified on exact samples, refuted or witnessed by `gpai verify`.
//!
//! `file.rs` reads and checks a claim (positions for every problem), `expr.rs` is the exact
//! expression language, `eval.rs` evaluates it at one game, `outputs.rs` names the models'
//! outputs, `sample.rs` draws the points, `prove.rs` settles the one-range rational fragment
//! by root isolation, `theorem.rs` hands a named theorem to its model's prover, and `verify.rs` turns all of it into a verdict.

pub mod eval;
pub mod expr;
pub mod file;
pub mod outputs;
pub mod prove;
pub mod sample;
pub mod theorem;
pub mod val;
pub mod verify;

use file::{ClaimError, parse_claim};
use verify::Verdict;

/// Parses and checks the claim files, then verifies each, in order; `read(name)` gives a file's
/// text or why it cannot be read (the caller does the reading). Two claims with one id are an
/// error (the later one, located at its id): a report keyed by id would hide one.
/// `starting(i, n, file)` runs before the i-th of n files (from 1), so a long run can show
/// where it is.
pub fn verify_files_showing(
    names: &[String],
    read: impl Fn(&str) -> Result<String, String>,
    mut starting: impl FnMut(usize, usize, &str),
) -> Vec<Verdict> {
    let mut seen: Vec<(String, String)> = Vec::new();
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            starting(i + 1, names.len(), name);
            let claim = match read(name)
                .map_err(|e| ClaimError {
                    file: name.clone(),
                    line: 1,
                    column: 1,
                    message: format!("cannot read: {e}"),
                })
                .and_then(|text| parse_claim(name, &text))
            {
                Ok(claim) => claim,
                Err(e) => return Verdict::unreadable(name, e),
            };
            if let Some((_, first)) = seen.iter().find(|(id, _)| *id == claim.id) {
                let at = expr::Located {
                    offset: 0,
                    message: format!("duplicate claim id `{}`: also in {first}", claim.id),
                };
                return Verdict::unreadable(name, claim.locate("id", &at));
            }
            seen.push((claim.id.clone(), name.clone()));
            verify::verify(&claim)
        })
        .collect()
}
