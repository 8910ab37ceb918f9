//! `gpai verify [PATH...]`: every claim file checked, the report printed, the status telling whether each met its expectation.

use std::path::{Path, PathBuf};

use crate::claims::verify::{Status, Verdict};
use crate::claims::verify_files_showing;
use crate::error::{Error, Result};
use crate::report::Format;
use crate::report::verify::{render, render_grid};

/// The report and the exit status: 0 when every claim met its expectation, 1 when some did
/// not, 2 when a claim file is malformed or could not be evaluated.
pub(super) fn verify(
    paths: &[PathBuf],
    format: Format,
    grid: bool,
    jobs: Option<usize>,
) -> Result<(String, u8)> {
    let jobs = crate::sweep::worker_threads(jobs)?;
    let paths = if paths.is_empty() {
        vec![PathBuf::from("proofs")]
    } else {
        paths.to_vec()
    };
    let files = claim_files(&paths)?;
    // On a terminal, how many files are done and the last one (a whole directory takes seconds).
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let progress = super::progress::counter(names.len(), "verifying");
    let verdicts = verify_files_showing(&names, read, jobs, |done, _, file| {
        progress.set_position(done as u64);
        progress.set_message(file.to_string());
    });
    progress.finish_and_clear();
    // Every error also goes to standard error, one located line each, as `gpai audit` writes
    // its own (the report keeps its row and the same location).
    for v in &verdicts {
        if let Some(e) = &v.error {
            eprintln!("error: {e}");
        }
    }
    let status = if verdicts.iter().any(|v| v.status == Status::Error) {
        2
    } else if verdicts.iter().all(|v| v.met()) {
        0
    } else {
        1
    };
    let report = if grid {
        render_grid(&verdicts)
    } else {
        render(&verdicts, format)
    };
    Ok((report, status))
}

/// The claim files under `paths` (directories searched recursively for `*.toml`), sorted;
/// an error when there are none.
pub fn claim_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let metadata = std::fs::metadata(path).map_err(|e| Error::io(&name, "read", &e))?;
        if metadata.is_dir() {
            collect(path, &mut files).map_err(|e| Error::io(&name, "read", &e))?;
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    if files.is_empty() {
        return Err(Error::InvalidArgument {
            argument: paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" "),
            reason: "no claim files (*.toml) found".into(),
        });
    }
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

/// A claim file's text, or why it cannot be read (what `verify_files_showing` takes).
pub fn read(name: &str) -> std::result::Result<String, String> {
    std::fs::read_to_string(name).map_err(|e| e.to_string())
}

/// Reads, parses and checks one claim file, then verifies it.
pub fn verify_file(path: &Path) -> Verdict {
    let name = path.display().to_string();
    verify_files_showing(&[name], read, 1, |_, _, _| {}).remove(0)
}

/// Compares a fresh report with a stored one: `None` when equal, else a unified diff.
pub(super) fn difference(stored: &str, fresh: &str, file: &str) -> Option<String> {
    if stored == fresh {
        return None;
    }
    let diff = similar::TextDiff::from_lines(stored, fresh);
    Some(
        diff.unified_diff()
            .context_radius(2)
            .header(file, "recomputed")
            .to_string(),
    )
}
