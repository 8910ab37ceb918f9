//! `gpai verify [PATH...]`: every claim file checked, the report printed, the status telling whether each met its expectation.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::claims::verify::Status;
use crate::claims::{claim_files, verify_files_showing};
use crate::error::{Error, Result};
use crate::report::Format;
use crate::report::verify::{render, render_grid};

/// The report and the exit status: 0 when every claim met its expectation, 1 when some did
/// not, 2 when a claim file is malformed or could not be evaluated.
pub(super) fn verify(paths: &[PathBuf], format: Format, grid: bool) -> Result<(String, u8)> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("proofs")]
    } else {
        paths.to_vec()
    };
    let files = claim_files(&paths).map_err(|reason| Error::InvalidArgument {
        argument: "PATH".into(),
        reason,
    })?;
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
    // On a terminal, which file is being checked (a whole directory takes seconds).
    let show_progress = std::io::stderr().is_terminal();
    let verdicts = verify_files_showing(&files, |i, n, file| {
        if show_progress {
            eprint!("\r\x1b[K  verifying {i}/{n}: {file}");
        }
    });
    if show_progress {
        eprint!("\r\x1b[K");
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
