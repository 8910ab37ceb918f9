//! `gpai boundary` as every front end asks for it: the line checked, its labels sampled and bisected exactly, each change located exactly where the model can solve for it.

use crate::error::{Error, Result};
use crate::exact::{Algebraic, Rational, parse_rational};
use crate::limits::Limit;
use crate::sweep::Engine;
use crate::sweep::boundary::changes;

use super::Model;
use super::arguments::Arguments;

/// One located change: the bracket and the labels that differ across it.
pub struct Located {
    /// The exact point, when the event equations single it out inside the bracket.
    pub exact: Option<Algebraic>,
    pub lo: Rational,
    pub hi: Rational,
    /// `(label, before, after)` for each label that changes.
    pub changes: Vec<(String, String, String)>,
}

/// Every change along a line of one parameter.
pub struct Boundary {
    pub model: &'static dyn Model,
    /// The parameter along the line, and its ends.
    pub name: String,
    pub lo: Rational,
    pub hi: Rational,
    pub located: Vec<Located>,
}

/// The changes of `model`'s labels at `params` along `along` (`NAME=LO:HI`), with `samples`
/// equal steps and brackets of width `width`; `tick` is called once per game solved.
pub fn locate(
    model: &str,
    params: &[String],
    along: &str,
    samples: usize,
    width: &str,
    tick: &dyn Fn(),
) -> Result<Boundary> {
    let info = super::find(model)?;
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
    let labels = |t: &Rational| {
        tick();
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
    Ok(Boundary {
        model: info,
        name,
        lo,
        hi,
        located,
    })
}
