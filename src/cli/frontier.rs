//! `gpai frontier`: outcomes from a sweep file or a grid, their certified frontier per group, a picture of the attainable set.

use crate::error::{Error, Result};
use crate::frontier::grid::outcomes_of_grid;
use crate::frontier::input::{Outcome, read};
use crate::frontier::plot::{Layer, attainable_set};
use crate::frontier::run::frontiers;

use super::files::{Picture, distinct, write_picture};
use crate::report::Format;
use crate::report::frontier::render;

/// Everything `gpai frontier` was asked.
#[derive(clap::Args, Debug)]
pub(super) struct Request {
    /// With --grid: the model, then fixed parameters as name=value.
    args: Vec<String>,
    /// Outcomes from a `gpai sweep` file: CSV, JSON Lines (*.jsonl) or a JSON array (*.json).
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

/// The outcomes of the grid the request names (the model first, then its parameters).
fn grid_outcomes(request: &Request) -> Result<(Vec<Outcome>, Vec<String>)> {
    let Some((model, params)) = request.args.split_first() else {
        return Err(Error::InvalidArgument {
            argument: "--grid".into(),
            reason: "name the model first, e.g. gpai frontier safety_regulation --grid ...".into(),
        });
    };
    outcomes_of_grid(
        model,
        params,
        &request.grid,
        request.players.clone(),
        request.group.as_deref(),
        // Known before any game is solved: a picture needs two players.
        &|players| check_picture(request, players),
    )
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
    let progress = super::progress::phases("frontier");
    progress.set_message("reading or solving the outcomes");
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
    progress.set_message(format!(
        "the frontiers of {} outcomes, every LP answer certified",
        outcomes.len()
    ));
    let groups = frontiers(&outcomes)?;
    progress.finish_and_clear();
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
