//! `gpai boundary MODEL --along NAME=LO:HI …`: every label change along a line, bracketed exactly.

use crate::error::{Error, Result};
use crate::exact::{Rational, parse_rational};
use crate::limits::Limit;
use crate::models::arguments::Arguments;
use crate::models::{self};
use crate::report::Format;
use crate::report::boundary::{Located, render};
use crate::sweep::Engine;
use crate::sweep::boundary::changes;

pub(super) fn boundary(
    model: &str,
    params: &[String],
    along: &str,
    samples: usize,
    width: &str,
    format: Format,
    digits: usize,
) -> Result<String> {
    let info = models::find(model)?;
    info.supports("boundary")?;
    let bad = |reason: &str| Error::InvalidArgument {
        argument: format!("--along {along}"),
        reason: reason.into(),
    };
    let (name, range) = along
        .split_once('=')
        .ok_or_else(|| bad("expected NAME=LO:HI, e.g. theta_d=0:5/2"))?;
    let (lo, hi) = range
        .split_once(':')
        .ok_or_else(|| bad("expected NAME=LO:HI, e.g. theta_d=0:5/2"))?;
    let number = |text: &str| parse_rational(text).map_err(|e| bad(&e.to_string()));
    let (lo, hi): (Rational, Rational) = (number(lo)?, number(hi)?);
    if lo >= hi {
        return Err(bad("LO must be below HI"));
    }
    let width = parse_rational(width).map_err(|e| bad(&e.to_string()))?;
    if width <= 0 {
        return Err(Error::Domain {
            name: "--width".into(),
            value: width.to_string(),
            domain: "a rational > 0".into(),
        });
    }
    if samples == 0 {
        return Err(Error::Domain {
            name: "--samples".into(),
            value: "0".into(),
            domain: "an integer >= 1".into(),
        });
    }
    // Each sample is an exact equilibrium: bounded before any is solved.
    Limit::SamplePoints.check(samples, "--samples")?;
    let name = name.trim().to_string();
    let base = Arguments::parse(info, params)?;
    base.refuse_also_set(&name, "the --along line")?;
    let sweeper = info.sweeper(base.clone(), std::slice::from_ref(&name), Engine::Exact)?;
    let at = |t: &Rational| vec![(name.clone(), t.clone())];
    // Both ends must be valid games (a bad range fails here, naming the parameter).
    for t in [&lo, &hi] {
        sweeper.check(&at(t))?;
    }
    // Far along a wide line every game has long numbers: the count shows the run moving.
    let ticker = super::progress::Ticker::new("boundary");
    let labels = |t: &Rational| {
        ticker.tick();
        sweeper.labels(&at(t))
    };
    let found = changes(&lo, &hi, samples, &width, labels)?;
    // Each change is also located exactly where the model can solve for it (the safety game's
    // lines of floors).
    let mut exact = Vec::with_capacity(found.len());
    for c in &found {
        let holds = |t: &Rational| Ok(labels(t)? == c.before);
        exact.push(info.exact_change(&base, &name, (&lo, &hi), (&c.lo, &c.hi), &holds)?);
    }
    let located: Vec<Located> = found
        .into_iter()
        .zip(exact)
        .map(|(c, exact)| Located {
            exact,
            changes: c
                .before
                .iter()
                .zip(&c.after)
                .filter(|(a, b)| a.1 != b.1)
                .map(|(a, b)| (a.0.to_string(), a.1.clone(), b.1.clone()))
                .collect(),
            lo: c.lo,
            hi: c.hi,
        })
        .collect();
    Ok(render(
        info.name,
        &name,
        (&lo, &hi),
        &located,
        format,
        digits,
    ))
}
