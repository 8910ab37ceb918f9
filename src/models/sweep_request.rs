//! A sweep as every front end asks for it (the command line, the Python package): the model, its base game and grid checked, and every point's game checked before any is solved.

use crate::error::{Error, Result};
use crate::sweep::grid::{Grid, max_points};
use crate::sweep::{Engine, Indexed, Sweep};

use super::arguments::Arguments;

/// A checked sweep, ready to run.
pub struct Prepared {
    pub model: &'static dyn super::Model,
    pub base: Arguments,
    /// The swept parameters, in grid order.
    pub names: Vec<String>,
    /// How many points the whole grid has.
    pub count: usize,
    /// The sampled points (every `every`-th), with their grid indices: the only ones built
    /// and checked.
    pub points: Vec<Indexed>,
    pub sweeper: Box<dyn Sweep>,
}

/// Checks a sweep of `model` at `params` over `grid` (`NAME=LO:HI:STEP` axes), sampling every
/// `every`-th point; `force` allows ten times the point limit.
pub fn prepare(
    model: &str,
    params: &[String],
    grid: &[String],
    every: usize,
    force: bool,
    engine: Engine,
) -> Result<Prepared> {
    let model = super::find(model)?;
    model.supports("sweep")?;
    let base = Arguments::parse(model, params)?;
    let grid = Grid::parse(grid)?;
    let names: Vec<String> = grid.axes.iter().map(|a| a.name.clone()).collect();
    base.refuse_grid_axes(&names)?;
    if every == 0 {
        return Err(Error::Domain {
            name: "--every".into(),
            value: "0".into(),
            domain: "an integer >= 1".into(),
        });
    }
    // `force` allows ten times the limit (the points are held in memory); beyond that the
    // limit itself must be raised (GPAI_MAX_GRID_POINTS).
    let limit = if force {
        max_points().saturating_mul(10)
    } else {
        max_points()
    };
    let (count, points) = match grid.sampled(limit, every) {
        Err(Error::Limit {
            what,
            value,
            unit,
            limit,
            variable,
            ..
        }) if !force && value.parse::<usize>().is_ok() => {
            return Err(Error::Limit {
                what,
                value,
                unit,
                limit,
                variable,
                hint: " (or pass --force to run up to ten times the limit)".into(),
            });
        }
        other => other?,
    };
    let sweeper = model.sweeper(base.clone(), &names, engine)?;
    // Every sampled point's game is checked before any is solved: a bad grid fails fast.
    for (_, point) in &points {
        sweeper.check(point)?;
    }
    Ok(Prepared {
        model,
        base,
        names,
        count,
        points,
        sweeper,
    })
}
