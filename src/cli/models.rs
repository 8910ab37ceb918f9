//! `gpai models`, `gpai solve MODEL k=v …` and `gpai bargain MODEL k=v …`: arguments to model calls to reports.

use crate::error::{Error, Result};
use crate::frontier;
use crate::models::arguments::Arguments;
use crate::models::bargain::{self, Bargained};
use crate::models::{self, MODELS};
use crate::report::{self, Format};

pub(super) fn list(format: Format) -> Result<String> {
    Ok(report::models::render(MODELS, format))
}

pub(super) fn solve(model: &str, args: &[String], format: Format, digits: usize) -> Result<String> {
    let info = models::find(model)?;
    let arguments = Arguments::parse(info, args)?;
    Ok(report::solve::render(
        &info.solve(&arguments)?,
        format,
        digits,
    ))
}

/// `gpai bargain MODEL k=v …`: the model's bargaining report, or the certified Pareto frontier
/// of the outcomes it enumerated.
pub(super) fn bargain(
    model: &str,
    args: &[String],
    format: Format,
    digits: usize,
    options: &bargain::Options,
) -> Result<String> {
    let info = models::find(model)?;
    info.supports("bargain")?;
    let arguments = Arguments::parse(info, args)?;
    match info.bargain(&arguments, options)? {
        Bargained::Report(r) => Ok(report::solve::render(&r, format, digits)),
        Bargained::Outcomes {
            title,
            players,
            outcomes,
        } => {
            if format == Format::Latex {
                return Err(Error::InvalidArgument {
                    argument: "--format latex".into(),
                    reason: "per-domain bargaining reports a frontier, which has no LaTeX form; use table or json".into(),
                });
            }
            if digits != super::DEFAULT_DIGITS {
                return Err(Error::InvalidArgument {
                    argument: format!("--digits {digits}"),
                    reason: "per-domain bargaining reports exact utilities and certified frontiers, with no decimal columns to set".into(),
                });
            }
            let outcomes: Vec<frontier::input::Outcome> = outcomes
                .into_iter()
                .map(|o| frontier::input::Outcome {
                    id: o.id,
                    group: "all".into(),
                    utilities: o.utilities,
                })
                .collect();
            let groups = frontier::run::frontiers(&outcomes)?;
            let mut out = String::new();
            if format == Format::Table {
                out.push_str(&title);
                out.push('\n');
            }
            out.push_str(&report::frontier::render(&players, &groups, format));
            Ok(out)
        }
    }
}
