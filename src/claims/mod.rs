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

use std::path::{Path, PathBuf};

use file::{ClaimError, parse_claim};
use verify::Verdict;

/// The claim files under `paths` (directories searched recursively for `*.toml`), sorted.
pub fn claim_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut files).map_err(|e| format!("{}: {e}", path.display()))?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads, parses and checks the claim files, then verifies each, in order. Two claims with one
/// id are an error (the later one, located at its id): a report keyed by id would hide one.
pub fn verify_files(paths: &[PathBuf]) -> Vec<Verdict> {
    verify_files_showing(paths, |_, _, _| {})
}

/// [`verify_files`], calling `starting(i, n, file)` before the i-th of n files (from 1), so a
/// long run can show where it is.
pub fn verify_files_showing(
    paths: &[PathBuf],
    mut starting: impl FnMut(usize, usize, &str),
) -> Vec<Verdict> {
    let mut seen: Vec<(String, String)> = Vec::new();
    paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let name = path.display().to_string();
            starting(i + 1, paths.len(), &name);
            let claim = match read_claim(path) {
                Ok(claim) => claim,
                Err(e) => return Verdict::unreadable(&name, e),
            };
            if let Some((_, first)) = seen.iter().find(|(id, _)| *id == claim.id) {
                let at = expr::Located {
                    offset: 0,
                    message: format!("duplicate claim id `{}`: also in {first}", claim.id),
                };
                return Verdict::unreadable(&name, claim.locate("id", &at));
            }
            seen.push((claim.id.clone(), name));
            verify::verify(&claim)
        })
        .collect()
}

/// Reads, parses and checks one claim file, then verifies it.
pub fn verify_file(path: &Path) -> Verdict {
    verify_files(&[path.to_path_buf()]).remove(0)
}

fn read_claim(path: &Path) -> Result<file::Claim, ClaimError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ClaimError {
        file: name.clone(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
    })?;
    parse_claim(&name, &text)
}
