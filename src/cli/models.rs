//! `gpai models`, `gpai solve MODEL k=v …` and `gpai bargain MODEL k=v …`: arguments to model calls to reports.

use crate::error::{Error, Result};
use crate::exact::{Rational, parse_rational};
use crate::models::arguments::Arguments;
use crate::models::fine_tuning;
use crate::models::{self, MODELS, fine_tuning_n};
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

/// The options of `gpai bargain fine_tuning_n`. Each is `None` unless given, so that an
/// option the chosen model or mode does not use is refused, never silently ignored.
#[derive(clap::Args, Debug)]
pub(super) struct BargainN {
    /// fine_tuning_n: `common` (one share for every domain, the default) or `per_domain` (a grid
    /// of share vectors).
    #[arg(long)]
    mode: Option<String>,
    /// fine_tuning_n common mode: the first grid of shares has this many intervals (default 128).
    #[arg(long)]
    probes: Option<usize>,
    /// fine_tuning_n per_domain mode: the step of every domain's share grid (default 1/10).
    #[arg(long)]
    step: Option<String>,
    /// fine_tuning_n common mode: search for a game whose Pareto set has at least this many
    /// components (at least 2); every parameter is drawn, over --domains domains.
    #[arg(long)]
    find_components: Option<usize>,
    /// The search's number of domains (default 2).
    #[arg(long)]
    domains: Option<usize>,
    /// The search's seed (default 1).
    #[arg(long)]
    seed: Option<u64>,
    /// The search's number of draws (default 1000).
    #[arg(long)]
    tries: Option<usize>,
}

impl BargainN {
    /// The options given, as they were typed.
    fn given(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |name: &str, value: Option<String>| {
            if let Some(v) = value {
                out.push(format!("--{name} {v}"));
            }
        };
        push("mode", self.mode.clone());
        push("probes", self.probes.map(|v| v.to_string()));
        push("step", self.step.clone());
        push(
            "find-components",
            self.find_components.map(|v| v.to_string()),
        );
        push("domains", self.domains.map(|v| v.to_string()));
        push("seed", self.seed.map(|v| v.to_string()));
        push("tries", self.tries.map(|v| v.to_string()));
        out
    }

    /// An error naming the first of `options` that was given: `why` says why it cannot apply.
    fn refuse(&self, options: &[&str], why: &str) -> Result<()> {
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
}

pub(super) fn bargain(
    model: &str,
    args: &[String],
    format: Format,
    digits: usize,
    width: Option<&str>,
    n: &BargainN,
) -> Result<String> {
    let info = models::find(model)?;
    info.supports("bargain")?;
    let arguments = Arguments::parse(info, args)?;
    if info.name == "fine_tuning_n" {
        return bargain_n(&arguments, format, digits, width, n);
    }
    let width = positive_width(width.unwrap_or(DEFAULT_WIDTH))?;
    match info.name {
        "fine_tuning" => {
            n.refuse(
                &["mode", "probes", "step", "find-components", "domains", "seed", "tries"],
                "this option is for fine_tuning_n's bargaining; fine_tuning's has one share and no search",
            )?;
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

fn bargain_n(
    arguments: &Arguments,
    format: Format,
    digits: usize,
    width: Option<&str>,
    options: &BargainN,
) -> Result<String> {
    match options.mode.as_deref().unwrap_or("common") {
        "common" => {
            options.refuse(
                &["step"],
                "--step is the per_domain grid's; add --mode per_domain",
            )?;
            if options.find_components.is_none() {
                options.refuse(
                    &["domains", "seed", "tries"],
                    "the domain count, the seed and the number of draws are --find-components' search's",
                )?;
            }
            let width = positive_width(width.unwrap_or(DEFAULT_WIDTH))?;
            let probes = options.probes.unwrap_or(128);
            let seed = options.seed.unwrap_or(1);
            let tries = options.tries.unwrap_or(1000);
            arguments.forbid(
                "delta",
                "bargain chooses the common share; use `gpai solve` for given shares",
            )?;
            if probes == 0 {
                return Err(Error::Domain {
                    name: "--probes".into(),
                    value: "0".into(),
                    domain: "an integer >= 1".into(),
                });
            }
            let config = fine_tuning_n::bargain::Config {
                grid: probes,
                width,
            };
            let (params, bargain, found) = match options.find_components {
                None => {
                    let params = fine_tuning_n::Params::from_arguments(arguments)?;
                    let bargain = fine_tuning_n::bargain::bargain(&params, &config)?;
                    (params, bargain, None)
                }
                Some(k) => {
                    arguments.forbid_all(
                        "--find-components draws every parameter; give the number of domains with --domains N",
                    )?;
                    if k < 2 {
                        return Err(Error::Domain {
                            name: "--find-components".into(),
                            value: k.to_string(),
                            domain: "an integer >= 2 (every game's Pareto set has at least one component)".into(),
                        });
                    }
                    if tries == 0 {
                        return Err(Error::Domain {
                            name: "--tries".into(),
                            value: "0".into(),
                            domain: "an integer >= 1".into(),
                        });
                    }
                    let n = options.domains.unwrap_or(2);
                    crate::limits::Limit::Domains.check(n, "--domains")?;
                    if n == 0 {
                        return Err(Error::Domain {
                            name: "--domains".into(),
                            value: "0".into(),
                            domain: "an integer >= 1".into(),
                        });
                    }
                    let found = fine_tuning_n::search::find_components(
                        k,
                        n,
                        seed,
                        tries,
                        &config,
                    )?
                    .ok_or_else(|| Error::Undecided {
                        what: format!("a game with {n} domains and {k} Pareto components"),
                        reason: format!(
                            "none among {} draws from seed {}; try more --tries or another --seed",
                            tries, seed
                        ),
                    })?;
                    let note = format!(
                        "found by --find-components {k} --seed {} after {} draw{}",
                        seed,
                        found.tries,
                        if found.tries == 1 { "" } else { "s" }
                    );
                    (found.params, found.bargain, Some(note))
                }
            };
            Ok(report::fine_tuning_n::render_common(
                &params, &bargain, found, format, digits,
            ))
        }
        "per_domain" => {
            if format == Format::Latex {
                return Err(Error::InvalidArgument {
                    argument: "--format latex".into(),
                    reason: "per-domain bargaining reports a frontier, which has no LaTeX form; use table or json".into(),
                });
            }
            options.refuse(
                &["find-components", "domains", "seed", "tries"],
                "the search is for a common share; drop --mode per_domain",
            )?;
            options.refuse(
                &["probes"],
                "--probes is the common share's grid; per_domain uses --step",
            )?;
            if let Some(w) = width {
                return Err(Error::InvalidArgument {
                    argument: format!("--width {w}"),
                    reason: "per_domain utilities and frontiers are exact; there is no enclosure width to set".into(),
                });
            }
            let step_text = options.step.clone().unwrap_or_else(|| "1/10".into());
            let step = parse_rational(&step_text).map_err(|e| Error::InvalidArgument {
                argument: format!("--step {step_text}"),
                reason: e.to_string(),
            })?;
            let params = fine_tuning_n::Params::from_arguments(arguments)?;
            let outcomes: Vec<crate::frontier::input::Outcome> =
                fine_tuning_n::per_domain::outcomes(&params, &step)?
                    .into_iter()
                    .map(|o| crate::frontier::input::Outcome {
                        id: o.id,
                        group: "all".into(),
                        utilities: o.utilities,
                    })
                    .collect();
            let groups = crate::frontier::run::frontiers(&outcomes)?;
            let players: Vec<String> = std::iter::once("u_g".to_string())
                .chain((1..=params.domains().len()).map(|i| format!("u_{i}")))
                .collect();
            let mut out = String::new();
            if format == Format::Table {
                out.push_str(&format!(
                    "fine_tuning_n bargaining over share vectors (per_domain), {} domains, every delta_i on 0:1:{step} ({} vectors); utilities exact, frontier LPs certified
",
                    params.domains().len(),
                    outcomes.len()
                ));
            }
            out.push_str(&report::frontier::render(&players, &groups, format));
            Ok(out)
        }
        other => Err(Error::InvalidArgument {
            argument: format!("--mode {other}"),
            reason: "the modes are common and per_domain".into(),
        }),
    }
}

/// The enclosure width when none is given.
const DEFAULT_WIDTH: &str = "1e-15";

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
