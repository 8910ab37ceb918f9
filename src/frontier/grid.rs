//! The outcomes of a grid of games, computed by the sweep machinery and read like the lines of the sweep file they would make: what `gpai frontier --grid` and the Python package analyse.

use crate::error::Result;
use crate::limits::Limit;
use crate::models::arguments::Arguments;
use crate::sweep::grid::{Grid, max_points};
use crate::sweep::{Engine, Plan, run};

use super::input::{Outcome, from_rows};

/// The outcomes of `model` at `params` over `grid`, with the utilities `players` (default: the
/// model's players at the grid's first point) grouped by `group`; `before_run` sees the players
/// before any game is solved (a caller's own check). Returns the outcomes and the players.
pub fn outcomes_of_grid(
    model: &str,
    params: &[String],
    grid: &[String],
    players: Option<Vec<String>>,
    group: Option<&str>,
    before_run: &dyn Fn(&[String]) -> Result<()>,
) -> Result<(Vec<Outcome>, Vec<String>)> {
    let info = crate::models::find(model)?;
    info.supports("frontier")?;
    let base = Arguments::parse(info, params)?;
    let grid = Grid::parse(grid)?;
    let names: Vec<String> = grid.axes.iter().map(|a| a.name.clone()).collect();
    base.refuse_grid_axes(&names)?;
    let sweeper = info.sweeper(base, &names, Engine::Exact)?;
    let (_, points) = grid.sampled(max_points(), 1)?;
    // Each grid point is an outcome: refused before the games are solved.
    Limit::Outcomes.check(points.len(), "the frontier's grid")?;
    let players = match (players, points.first()) {
        (Some(players), _) => players,
        (None, Some((_, first))) => sweeper.players(first),
        (None, None) => Vec::new(),
    };
    before_run(&players)?;
    let plan = Plan {
        jobs: crate::sweep::worker_threads(None)?,
        shard: None,
        every: 1,
    };
    let mut rows = Vec::with_capacity(points.len());
    run(
        &points,
        &plan,
        |p| sweeper.row(p),
        |(index, _), row| {
            rows.push((*index, row));
            Ok(())
        },
        |_, _| {},
    )?;
    Ok((from_rows(&rows, &players, group)?, players))
}
