//! `gpai audit POLICY.toml`: read the policy, audit it, print the verdict; exit 0 when it holds, 1 when it does not.

use crate::audit::{audit, parse_policy};
use crate::error::{Error, Result};
use crate::report::Format;
use crate::report::audit::render;

pub(super) fn run(path: &str, format: Format) -> Result<(String, u8)> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::InvalidArgument {
        argument: path.into(),
        reason: format!("cannot read: {e}"),
    })?;
    let policy = parse_policy(path, &text).map_err(|e| Error::InvalidArgument {
        argument: format!("{}:{}:{}", e.file, e.line, e.column),
        reason: e.message,
    })?;
    let result = audit(&policy).map_err(|reason| Error::InvalidArgument {
        argument: path.into(),
        reason,
    })?;
    let status = if result.holds { 0 } else { 1 };
    Ok((render(&policy, &result, format), status))
}
