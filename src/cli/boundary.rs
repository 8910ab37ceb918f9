//! `gpai boundary MODEL --along NAME=LO:HI …`: every label change along a line, bracketed exactly.

use crate::error::Result;
use crate::models::boundary_request::locate;
use crate::report::Format;
use crate::report::boundary::render;

pub(super) fn boundary(
    model: &str,
    params: &[String],
    along: &str,
    samples: usize,
    width: &str,
    format: Format,
    digits: usize,
) -> Result<String> {
    // Far along a wide line every game has long numbers: the count shows the run moving.
    let ticker = super::progress::Ticker::new("boundary");
    let found = locate(model, params, along, samples, width, &|| ticker.tick())?;
    Ok(render(
        found.model.name,
        &found.name,
        (&found.lo, &found.hi),
        &found.located,
        format,
        digits,
    ))
}
