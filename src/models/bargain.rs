//! `gpai bargain`'s options, and what a model's bargaining returns: a report, or outcomes whose Pareto frontier the caller certifies.

use crate::error::{Error, Result};
use crate::exact::{Algebraic, Rational, parse_rational};

use super::solve_report::SolveReport;

/// The options of `gpai bargain`. Each is `None` unless given, so that an option the chosen
/// model or mode does not use is refused, never silently ignored.
#[derive(clap::Args, Debug, Default)]
pub struct Options {
    /// Width of certified enclosures, for values that are not exact (and, for
    /// fine_tuning_n, of the brackets of Pareto-set ends and changes of form); default 1e-15.
    #[arg(long)]
    pub width: Option<String>,
    /// fine_tuning_n: `common` (one share for every domain, the default) or `per_domain` (a grid
    /// of share vectors).
    #[arg(long)]
    pub mode: Option<String>,
    /// fine_tuning_n common mode: the first grid of shares has this many intervals (default 128).
    #[arg(long)]
    pub probes: Option<usize>,
    /// fine_tuning_n per_domain mode: the step of every domain's share grid (default 1/10).
    #[arg(long)]
    pub step: Option<String>,
    /// fine_tuning_n common mode: search for a game whose Pareto set has at least this many
    /// components (at least 2); every parameter is drawn, over --domains domains.
    #[arg(long)]
    pub find_components: Option<usize>,
    /// The search's number of domains (default 2).
    #[arg(long)]
    pub domains: Option<usize>,
    /// The search's seed (default 1).
    #[arg(long)]
    pub seed: Option<u64>,
    /// The search's number of draws (default 1000).
    #[arg(long)]
    pub tries: Option<usize>,
}

/// The enclosure width when none is given, and the narrowest and widest a user may ask for.
const DEFAULT_WIDTH: &str = "1e-15";
const MIN_WIDTH: &str = "1e-60";
const MAX_WIDTH: &str = "1/100";

impl Options {
    /// The options given, as they were typed (`--width` aside).
    fn given(&self) -> Vec<String> {
        let text = |v: Option<&dyn ToString>| v.map(|v| v.to_string());
        [
            ("mode", text(self.mode.as_ref().map(|v| v as _))),
            ("probes", text(self.probes.as_ref().map(|v| v as _))),
            ("step", text(self.step.as_ref().map(|v| v as _))),
            (
                "find-components",
                text(self.find_components.as_ref().map(|v| v as _)),
            ),
            ("domains", text(self.domains.as_ref().map(|v| v as _))),
            ("seed", text(self.seed.as_ref().map(|v| v as _))),
            ("tries", text(self.tries.as_ref().map(|v| v as _))),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| format!("--{name} {v}")))
        .collect()
    }

    /// An error naming the first of `options` that was given: `why` says why it cannot apply.
    pub fn refuse(&self, options: &[&str], why: &str) -> Result<()> {
        match self
            .given()
            .into_iter()
            .find(|g| options.iter().any(|o| g.starts_with(&format!("--{o} "))))
        {
            Some(option) => Err(Error::InvalidArgument {
                argument: option,
                reason: why.into(),
            }),
            None => Ok(()),
        }
    }

    /// The enclosure width: `--width`, or 1e-15; a rational > 0.
    pub fn width(&self) -> Result<Rational> {
        let text = self.width.as_deref().unwrap_or(DEFAULT_WIDTH);
        let width = parse_rational(text).map_err(|e| Error::InvalidArgument {
            argument: format!("--width {text}"),
            reason: e.to_string(),
        })?;
        // Wider enclosures say nothing (a share in [0, 3]); narrower ones cost a bisection
        // step per halving at every end, and past 1e-60 the runs no longer end in seconds.
        if width < parse_rational(MIN_WIDTH).expect("a number")
            || width > parse_rational(MAX_WIDTH).expect("a number")
        {
            return Err(Error::Domain {
                name: "--width".into(),
                value: text.into(),
                domain: format!(
                    "a rational in [{MIN_WIDTH}, {MAX_WIDTH}] (the width of certified enclosures)"
                ),
            });
        }
        Ok(width)
    }
}

/// One outcome of a bargaining grid: its name and every player's exact utility.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub utilities: Vec<Algebraic>,
}

/// What a model's bargaining found.
pub enum Bargained {
    /// A report, written in any format.
    Report(Box<SolveReport>),
    /// Outcomes whose Pareto frontier the caller certifies with LPs; `title` says what was
    /// enumerated (the table's first line). Frontiers have no LaTeX form.
    Outcomes {
        title: String,
        players: Vec<String>,
        outcomes: Vec<Outcome>,
    },
}
