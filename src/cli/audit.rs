//! `gpai audit POLICY.toml`: read the policy, audit it, print the verdict; exit 0 when it holds, 1 when it does not.

use crate::audit::{audit_showing, parse_policy};
use crate::error::{Error, Result};
use crate::report::Format;
use crate::report::audit::render;

pub(super) fn run(path: &str, format: Format) -> Result<(String, u8)> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "read", &e))?;
    let policy = parse_policy(path, &text)?;
    // A family over a wide range solves games with long numbers: the count shows the run moving.
    let ticker = super::progress::Ticker::new("audit");
    let result =
        audit_showing(&policy, &|| ticker.tick()).map_err(|failure| policy.locate(&failure))?;
    let status = if result.holds { 0 } else { 1 };
    Ok((render(&policy, &result, format), status))
}
