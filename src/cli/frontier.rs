//! `gpai frontier`: outcomes from a sweep file or a grid, their certified frontier per group, a picture of the attainable set.

use crate::error::{Error, Result};
use crate::frontier::input::{Outcome, from_rows, read};
use crate::frontier::plot::{Layer, attainable_set};
use crate::frontier::run::frontiers;
use crate::limits::Limit;
use crate::models::arguments::Arguments;
use crate::sweep::Engine;

use super::files::{Picture, distinct, write_picture};
use crate::models::{self};
use crate::report::Format;
use crate::report::frontier::render;
use crate::sweep::grid::{Grid, max_points};
use crate::sweep::{Plan, run};

/// Everything `gpai frontier` was asked.
#[derive(clap::Args, Debug)]
pub(super) struct Request {
    /// With --grid: the model, then fixed parameters as name=value.
    args: Vec<String>,
    /// Outcomes from a `gpai sweep` file (CSV, or JSON Lines for .json/.jsonl).
    #[arg(long)]
    input: Option<String>,
    /// Or compute the outcomes: an axis NAME=LO:HI:STEP (as for `gpai sweep`).
    #[arg(long = "grid")]
    grid: Vec<String>,
    /// The utility columns, one per player (default: u_g,u_d; with --grid, the model's players,
    /// u_g,u_1,…,u_n in a game of n specialist domains).
    #[arg(long, value_delimiter = ',')]
    players: Option<Vec<String>>,
    /// Group the outcomes by a column (`regulation_class`: none, g_only, d_only, both from the floors).
    #[arg(long)]
    group: Option<String>,
    /// Picture of the attainable set (two players): *.svg or *.png.
    #[arg(long)]
    plot: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = super::ReportFormat::Table)]
    format: super::ReportFormat,
}

/// The outcomes of a grid, via the sweep machinery: each row's exact cells, read as the sweep
/// file's lines would be.
fn grid_outcomes(request: &Request) -> Result<(Vec<Outcome>, Vec<String>)> {
    let Some((model, params)) = request.args.split_first() else {
        return Err(Error::InvalidArgument {
            argument: "--grid".into(),
            reason: "name the model first, e.g. gpai frontier safety_regulation --grid ...".into(),
        });
    };
    let info = models::find(model)?;
    info.supports("frontier")?;
    let base = Arguments::parse(info, params)?;
    let grid = Grid::parse(&request.grid)?;
    let names: Vec<String> = grid.axes.iter().map(|a| a.name.clone()).collect();
    base.refuse_grid_axes(&names)?;
    let sweeper = info.sweeper(base, &names, Engine::Exact)?;
    let points = grid.points(max_points())?;
    // Each grid point is an outcome: refused before the games are solved.
    Limit::Outcomes.check(points.len(), "the frontier's grid")?;
    let players = match (&request.players, points.first()) {
        (Some(players), _) => players.clone(),
        (None, Some(first)) => sweeper.players(first),
        (None, None) => Vec::new(),
    };
    // Known before any game is solved: a picture needs two players.
    check_picture(request, &players)?;
    let plan = Plan {
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        shard: None,
        every: 1,
    };
    let mut rows = Vec::with_capacity(points.len());
    run(
        &points,
        &plan,
        |p| sweeper.row(p),
        |index, row| {
            rows.push((index, row));
            Ok(())
        },
        |_, _| {},
    )?;
    Ok((
        from_rows(&rows, &players, request.group.as_deref())?,
        players,
    ))
}

/// An error when a picture is asked for but the players are not two.
fn check_picture(request: &Request, players: &[String]) -> Result<()> {
    match &request.plot {
        Some(path) if players.len() != 2 => Err(Error::InvalidArgument {
            argument: format!("--plot {path}"),
            reason: format!(
                "the picture shows two players' utilities, and these are {}: {}",
                players.len(),
                players.join(", ")
            ),
        }),
        _ => Ok(()),
    }
}

pub(super) fn frontier(request: Request) -> Result<String> {
    if let Some(plot) = &request.plot {
        Picture::for_path(plot)?;
        let mut files = vec![("--plot", plot.as_str())];
        files.extend(request.input.as_deref().map(|i| ("--input", i)));
        distinct(&files)?;
    }
    let (outcomes, players) = match (&request.input, request.grid.is_empty()) {
        (Some(path), true) => {
            if !request.args.is_empty() {
                return Err(Error::InvalidArgument {
                    argument: request.args.join(" "),
                    reason:
                        "with --input the outcomes come from the file; give no model or parameters"
                            .into(),
                });
            }
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "read", &e))?;
            let players = request
                .players
                .clone()
                .unwrap_or_else(|| vec!["u_g".into(), "u_d".into()]);
            check_picture(&request, &players)?;
            let outcomes = read(path, &text, &players, request.group.as_deref())?;
            (outcomes, players)
        }
        (None, false) => grid_outcomes(&request)?,
        _ => {
            return Err(Error::InvalidArgument {
                argument: "--input / --grid".into(),
                reason: "give exactly one source of outcomes: --input FILE or --grid axes".into(),
            });
        }
    };
    let groups = frontiers(&outcomes)?;
    if let Some(path) = &request.plot {
        let layers: Vec<Layer> = groups
            .iter()
            .map(|g| {
                let point = |id: &str| {
                    outcomes
                        .iter()
                        .find(|o| o.id == id)
                        .map(|o| (o.utilities[0].to_f64(), o.utilities[1].to_f64()))
                };
                let mut frontier: Vec<(f64, f64)> =
                    g.hull.iter().map(|(_, _, u, _)| (u[0], u[1])).collect();
                frontier.sort_by(|a, b| a.0.total_cmp(&b.0));
                let lottery = |s: &crate::frontier::run::Shown| {
                    let mut at = (0.0, 0.0);
                    for ((id, _), weight) in s.support.iter().zip(&s.support_approx) {
                        if let Some((x, y)) = point(id) {
                            at.0 += weight * x;
                            at.1 += weight * y;
                        }
                    }
                    at
                };
                Layer {
                    group: g.group.clone(),
                    points: outcomes
                        .iter()
                        .filter(|o| o.group == g.group)
                        .map(|o| (o.utilities[0].to_f64(), o.utilities[1].to_f64()))
                        .collect(),
                    frontier,
                    egalitarian: Some(lottery(&g.egalitarian)),
                    kalai_smorodinsky: g.kalai_smorodinsky.as_ref().map(lottery),
                }
            })
            .collect();
        let svg = attainable_set(
            &layers,
            &players[0],
            &players[1],
            "attainable utilities and their hull frontiers",
        );
        write_picture(path, svg)?;
    }
    let format: Format = request.format.into();
    Ok(render(&players, &groups, format))
}
