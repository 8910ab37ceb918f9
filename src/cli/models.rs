//! `gpai models`, `gpai solve MODEL k=v …` and `gpai bargain MODEL k=v …`: arguments to model calls to reports.

use crate::error::{Error, Result};
use crate::exact::{Rational, parse_rational};
use crate::models::arguments::Arguments;
use crate::models::fine_tuning::{self, params::check_delta};
use crate::models::{self, MODELS, fine_tuning_n, openness, safety_regulation};
use crate::report::{self, Format};

pub(super) fn list(format: Format) -> Result<String> {
    Ok(report::models::render(MODELS, format))
}

pub(super) fn solve(model: &str, args: &[String], format: Format, digits: usize) -> Result<String> {
    let info = models::find(model)?;
    if info.name == "fine_tuning_n" {
        // Per-domain lists (r=1,2 …) are read by the model itself.
        let params = fine_tuning_n::Params::from_strings(args)?;
        let e = fine_tuning_n::solve(&params);
        return Ok(report::fine_tuning_n::render(&params, &e, format, digits));
    }
    let arguments = Arguments::parse(info, args)?;
    match info.name {
        "fine_tuning" => {
            let params = fine_tuning::Params::from_arguments(&arguments)?;
            let delta = arguments.require(info.param("delta").expect("declared"))?;
            check_delta(&delta)?;
            let spe = fine_tuning::solve(&params, &delta);
            Ok(report::fine_tuning::render_solve(
                &params, &spe, format, digits,
            ))
        }
        "safety_regulation" => {
            let params = safety_regulation::Params::from_arguments(&arguments)?;
            let outcome = safety_regulation::classify(&params);
            Ok(report::safety_regulation::render_solve(
                &params, &outcome, format, digits,
            ))
        }
        "openness" => {
            let params = openness::Params::from_arguments(&arguments)?;
            let e = openness::solve(&params);
            let b = openness::boundaries(&params);
            Ok(report::openness::render(&params, &e, &b, format, digits))
        }
        other => Err(unsupported(other, "solve")),
    }
}

pub(super) fn bargain(
    model: &str,
    args: &[String],
    format: Format,
    digits: usize,
    width: &str,
) -> Result<String> {
    let info = models::find(model)?;
    let arguments = Arguments::parse(info, args)?;
    let width = positive_width(width)?;
    match info.name {
        "fine_tuning" => {
            arguments.forbid(
                "delta",
                "bargain chooses delta; use `gpai solve` for one share",
            )?;
            let params = fine_tuning::Params::from_arguments(&arguments)?;
            let config = fine_tuning::Config { width };
            let bargain = fine_tuning::bargain(&params, &config)?;
            Ok(report::fine_tuning::render_bargain(
                &params, &bargain, format, digits,
            ))
        }
        other => Err(unsupported(other, "bargain")),
    }
}

fn positive_width(text: &str) -> Result<Rational> {
    let width = parse_rational(text).map_err(|e| Error::InvalidArgument {
        argument: format!("--width {text}"),
        reason: e.to_string(),
    })?;
    if width <= 0 {
        return Err(Error::Domain {
            name: "--width".into(),
            value: text.into(),
            domain: "a rational > 0 (the width of certified enclosures)".into(),
        });
    }
    Ok(width)
}

fn unsupported(model: &str, command: &str) -> Error {
    Error::InvalidArgument {
        argument: model.into(),
        reason: format!("the model has no `{command}` command"),
    }
}
