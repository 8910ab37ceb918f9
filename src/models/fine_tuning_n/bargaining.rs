//! `gpai bargain fine_tuning_n`: each mode's options checked, then the common share's report (of a given game, or of one a search found) or the per-domain grid's outcomes.

use crate::error::{Error, Result};
use crate::exact::parse_rational;
use crate::limits::Limit;
use crate::models::arguments::Arguments;
use crate::models::bargain::{Bargained, Options};

use super::Params;
use super::bargain::{Config, bargain};

/// The most probes of the first grid of shares (each is an exact equilibrium; 4096 take
/// seconds, 100,000 minutes).
const MAX_PROBES: usize = 4096;

/// An error unless `value >= min`.
fn at_least(name: &str, value: usize, min: usize, domain: &str) -> Result<()> {
    if value >= min {
        return Ok(());
    }
    Err(Error::Domain {
        name: name.into(),
        value: value.to_string(),
        domain: domain.into(),
    })
}

/// The bargaining of `gpai bargain fine_tuning_n` under `options`.
pub fn run(arguments: &Arguments, options: &Options) -> Result<Bargained> {
    match options.mode.as_deref().unwrap_or("common") {
        "common" => common(arguments, options),
        "per_domain" => per_domain(arguments, options),
        other => Err(Error::InvalidArgument {
            argument: format!("--mode {other}"),
            reason: "the modes are common and per_domain".into(),
        }),
    }
}

fn common(arguments: &Arguments, options: &Options) -> Result<Bargained> {
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
    let width = options.width()?;
    let probes = options.probes.unwrap_or(128);
    let seed = options.seed.unwrap_or(1);
    let tries = options.tries.unwrap_or(1000);
    arguments.forbid(
        "delta",
        "bargain chooses the common share; use `gpai solve` for given shares",
    )?;
    if !(1..=MAX_PROBES).contains(&probes) {
        return Err(Error::Domain {
            name: "--probes".into(),
            value: probes.to_string(),
            domain: format!("an integer from 1 to {MAX_PROBES}"),
        });
    }
    let config = Config {
        grid: probes,
        width,
    };
    let Some(k) = options.find_components else {
        let params = Params::from_arguments(arguments)?;
        let found = bargain(&params, &config)?;
        return Ok(Bargained::Report(Box::new(super::report::bargain_report(
            &params, &found, None,
        ))));
    };
    arguments.forbid_all(
        "--find-components draws every parameter; give the number of domains with --domains N",
    )?;
    at_least(
        "--find-components",
        k,
        2,
        "an integer >= 2 (every game's Pareto set has at least one component)",
    )?;
    at_least("--tries", tries, 1, "an integer >= 1")?;
    let n = options.domains.unwrap_or(2);
    Limit::Domains.check(n, "--domains")?;
    at_least("--domains", n, 1, "an integer >= 1")?;
    let found = super::search::find_components(k, n, seed, tries, &config)?.ok_or_else(|| {
        Error::Undecided {
            what: format!("a game with {n} domains and {k} Pareto components"),
            reason: format!(
                "none among {tries} draws from seed {seed}; try more --tries or another --seed"
            ),
        }
    })?;
    let note = format!(
        "found by --find-components {k} --seed {seed} after {} draw{}",
        found.tries,
        if found.tries == 1 { "" } else { "s" }
    );
    Ok(Bargained::Report(Box::new(super::report::bargain_report(
        &found.params,
        &found.bargain,
        Some(note),
    ))))
}

fn per_domain(arguments: &Arguments, options: &Options) -> Result<Bargained> {
    options.refuse(
        &["find-components", "domains", "seed", "tries"],
        "the search is for a common share; drop --mode per_domain",
    )?;
    options.refuse(
        &["probes"],
        "--probes is the common share's grid; per_domain uses --step",
    )?;
    if let Some(w) = &options.width {
        return Err(Error::InvalidArgument {
            argument: format!("--width {w}"),
            reason:
                "per_domain utilities and frontiers are exact; there is no enclosure width to set"
                    .into(),
        });
    }
    let step_text = options.step.as_deref().unwrap_or("1/10");
    let step = parse_rational(step_text).map_err(|e| Error::InvalidArgument {
        argument: format!("--step {step_text}"),
        reason: e.to_string(),
    })?;
    arguments.forbid(
        "delta",
        "per_domain bargaining chooses every domain's share; use `gpai solve` for given shares",
    )?;
    let params = Params::from_arguments(arguments)?;
    let outcomes = super::per_domain::outcomes(&params, &step)?;
    let players = std::iter::once("u_g".to_string())
        .chain((1..=params.domains().len()).map(|i| format!("u_{i}")))
        .collect();
    Ok(Bargained::Outcomes {
        title: format!(
            "fine_tuning_n bargaining over share vectors (per_domain), {}, every delta_i on 0:1:{step} ({} vectors); utilities exact, frontier LPs certified",
            super::domains(params.domains().len()),
            outcomes.len()
        ),
        players,
        outcomes,
    })
}
