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

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use file::{ClaimError, parse_claim};
use verify::Verdict;

/// A claim file read and checked, or the verdict saying why it could not be.
type Parsed = Result<file::Claim, Box<Verdict>>;

/// Parses and checks the claim files in order, then verifies them on `jobs` threads, the
/// verdicts in the files' order whatever the threads; `read(name)` gives a file's text or why
/// it cannot be read (the caller does the reading). Two claims with one id are an
/// error (the later one, located at its id): a report keyed by id would hide one.
/// `done(k, n, file)` runs when the k-th verdict of n is reached (counted from 1, in the order
/// they finish), so a long run can show where it is.
pub fn verify_files_showing(
    names: &[String],
    read: impl Fn(&str) -> Result<String, String>,
    jobs: usize,
    done: impl Fn(usize, usize, &str) + Sync,
) -> Vec<Verdict> {
    let mut seen: Vec<(String, String)> = Vec::new();
    let parsed: Vec<Parsed> = names
        .iter()
        .map(|name| {
            let claim = read(name)
                .map_err(|e| ClaimError {
                    file: name.clone(),
                    line: 1,
                    column: 1,
                    message: format!("cannot read: {e}"),
                })
                .and_then(|text| parse_claim(name, &text))
                .map_err(|e| Box::new(Verdict::unreadable(name, e)))?;
            if let Some((_, first)) = seen.iter().find(|(id, _)| *id == claim.id) {
                let at = expr::Located {
                    offset: 0,
                    message: format!("duplicate claim id `{}`: also in {first}", claim.id),
                };
                return Err(Box::new(Verdict::unreadable(name, claim.locate("id", &at))));
            }
            seen.push((claim.id.clone(), name.clone()));
            Ok(claim)
        })
        .collect();
    // One pool of `jobs` threads takes the claims one by one (so long claims never queue
    // behind one thread's share) and their sample points in stretches; the verdicts keep the
    // files' order.
    let finished = AtomicUsize::new(0);
    // No more threads than points to evaluate: a single game needs one.
    let work = parsed
        .iter()
        .map(|p| p.as_ref().map_or(1, |claim| claim.sample_points()))
        .fold(0usize, usize::saturating_add);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.clamp(1, work.max(1)))
        .build()
        .expect("a thread pool of at most 1024 threads");
    pool.install(|| {
        use rayon::prelude::*;
        parsed
            .into_par_iter()
            .with_max_len(1)
            .enumerate()
            .map(|(k, parsed)| {
                let verdict = match parsed {
                    Ok(claim) => verify::verify(&claim),
                    Err(verdict) => *verdict,
                };
                done(finished.fetch_add(1, Relaxed) + 1, names.len(), &names[k]);
                verdict
            })
            .collect()
    })
}
