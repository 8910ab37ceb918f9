//! `gpai boundary MODEL --along NAME=LO:HI …`: every label change along a line, bracketed exactly.

use crate::error::{Error, Result};
use crate::exact::rational::int;
use crate::exact::{Rational, parse_rational};
use crate::models::arguments::Arguments;
use crate::models::safety_regulation::line::{Line, exact_change};
use crate::models::safety_regulation::sweep::{Engine, Sweeper};
use crate::models::{self};
use crate::report::Format;
use crate::report::boundary::{Located, render};
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
    let name = name.trim().to_string();
    let base = Arguments::parse(info, params)?;
    base.refuse_also_set(&name, "the --along line")?;
    let sweeper = Sweeper::new(base, std::slice::from_ref(&name), Engine::Exact)?;
    // Both ends must be valid games (a bad range fails here, naming the parameter).
    for t in [&lo, &hi] {
        sweeper.params_at(&vec![(name.clone(), t.clone())])?;
    }
    let found = changes(&lo, &hi, samples, &width, |t| {
        sweeper.labels(&vec![(name.clone(), t.clone())])
    })?;
    // Along a line of floors, each change is also located exactly when its event equations allow.
    let line = match name.as_str() {
        "theta_g" | "theta_d" => {
            let params = sweeper.params_at(&Vec::new())?;
            let fixed = |value: &Rational| (value.clone(), int(0));
            let moving = (int(0), int(1));
            let (g, d) = if name == "theta_d" {
                (fixed(params.theta_g()), moving)
            } else {
                (moving, fixed(params.theta_d()))
            };
            Some(Line::new(params, g, d, (lo.clone(), hi.clone()))?)
        }
        _ => None,
    };
    let mut exact = Vec::with_capacity(found.len());
    for c in &found {
        exact.push(match &line {
            Some(line) => exact_change(line, &c.lo, &c.hi, |t| {
                sweeper.labels(&vec![(name.clone(), t.clone())])
            })?,
            None => None,
        });
    }
    let located: Vec<Located> = found
        .into_iter()
        .zip(exact)
        .map(|(c, exact)| Located {
            exact,
            changes: c
                .before
                .named()
                .iter()
                .zip(c.after.named())
                .filter(|(a, b)| a.1 != b.1)
                .map(|(a, b)| (a.0.to_string(), a.1.to_string(), b.1.to_string()))
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
