//! Sweeps: a grid of games solved in parallel, rows handed over in grid order as they complete.
//!
//! The module computes; the caller (the CLI) writes rows and shows progress through the
//! callbacks, so rows reach the file whole, in order, while the sweep is still running.

pub mod boundary;
pub mod grid;
pub mod lines;
pub mod manifest;
pub mod output;
pub mod plot;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::exact::Rational;

/// One grid point: the swept parameters' names and exact values.
pub type Point = Vec<(String, Rational)>;

/// One result row: named text cells, and the label a regime map colours by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<(String, String)>,
    pub label: String,
}

/// A row's first cells: the point's names and exact values, as text.
pub fn point_cells(point: &Point) -> Vec<(String, String)> {
    point
        .iter()
        .map(|(name, value)| (name.clone(), value.to_string()))
        .collect()
}

/// The value of a swept parameter at a point, for plotting.
pub fn axis_value(point: &Point, name: &str) -> Option<Rational> {
    point
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// Which solver a sweep runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Exact,
    Float,
}

/// A model's evaluation of grid points against a base game: what `gpai sweep` and
/// `gpai frontier` run, through [`crate::models::Model::sweeper`].
pub trait Sweep: Sync {
    /// An error unless the point makes a game (domain errors name the parameter and value);
    /// checked for every point before the sweep starts.
    fn check(&self, point: &Point) -> Result<()>;

    /// One row: the point, the outcome (exact text beside decimals), the label.
    fn row(&self, point: &Point) -> Result<Row>;

    /// The named labels at a point, which `gpai boundary` follows (by default the row's label,
    /// called after [`Sweep::labels_are`]).
    fn labels(&self, point: &Point) -> Result<Vec<(&'static str, String)>> {
        Ok(vec![(self.labels_are(), self.row(point)?.label)])
    }

    /// The players' utility columns `gpai frontier --grid` compares when `--players` is not
    /// given, for the games of a grid whose first point is `point` (a grid axis may add a
    /// domain, never remove one partway).
    fn players(&self, _point: &Point) -> Vec<String> {
        vec!["u_g".into(), "u_d".into()]
    }

    /// What the regime map's title calls the labels.
    fn labels_are(&self) -> &'static str {
        "regime"
    }

    /// Curves the regime map over `x` and `y` draws on top of the cells (none by default).
    fn curves(&self, _x: &str, _y: &str, _xr: (f64, f64), _yr: (f64, f64)) -> Vec<plot::Curve> {
        Vec::new()
    }

    /// The picture of a sweep along the one axis `axis` at `values`, when the model draws its
    /// own (a line chart) instead of a regime map.
    fn chart(&self, _axis: &str, _values: &[Rational]) -> Option<Result<String>> {
        None
    }
}

/// Which points run, and on how many threads.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    pub jobs: usize,
    /// `(i, n)`: run only the `i`-th of every `n` sampled points (`1 ≤ i ≤ n`).
    pub shard: Option<(usize, usize)>,
    /// Sample only every `every`-th point of the grid (1: all), before sharding, so the shards
    /// of a sampled sweep are exactly the sampled sweep's points.
    pub every: usize,
}

impl Plan {
    /// The indices of `count` points this plan runs, in order.
    pub fn indices(&self, count: usize) -> Vec<usize> {
        let (i, n) = self.shard.unwrap_or((1, 1));
        (0..count)
            .step_by(self.every.max(1))
            .enumerate()
            .filter(|(j, _)| j % n == i - 1)
            .map(|(_, k)| k)
            .collect()
    }
}

/// Parses `--shard I/N` with `1 ≤ I ≤ N`.
pub fn parse_shard(text: &str) -> Result<(usize, usize)> {
    let parsed = text.split_once('/').and_then(|(i, n)| {
        Some((
            i.trim().parse::<usize>().ok()?,
            n.trim().parse::<usize>().ok()?,
        ))
    });
    match parsed {
        Some((i, n)) if n >= 1 && (1..=n).contains(&i) => Ok((i, n)),
        _ => Err(Error::Domain {
            name: "--shard".into(),
            value: text.into(),
            domain: "I/N with integers 1 <= I <= N, e.g. 2/4".into(),
        }),
    }
}

/// A grid point with its index in the whole grid (rows are numbered by it).
pub type Indexed = (usize, Point);

impl Plan {
    /// Of the sampled points (every `every`-th of the grid, in order), the ones this plan's
    /// shard runs.
    pub fn runs<'a>(&self, sampled: &'a [Indexed]) -> Vec<&'a Indexed> {
        let (i, n) = self.shard.unwrap_or((1, 1));
        sampled
            .iter()
            .enumerate()
            .filter(|(j, _)| j % n == i - 1)
            .map(|(_, p)| p)
            .collect()
    }
}

/// Evaluates the points of `sampled` that `plan` runs (see [`Plan::runs`]) on `plan.jobs`
/// threads (a rayon pool), calling `on_row` with each point's grid index in order and
/// `on_progress(done, total)` after each row. The points go in chunks of [`CHUNK_PER_THREAD`]
/// per thread, each collected in order and handed over whole as soon as it is done. Stops at
/// the first error (of an evaluation or of `on_row`); rows handed over before it stay handed
/// over.
pub fn run<F>(
    sampled: &[Indexed],
    plan: &Plan,
    evaluate: F,
    mut on_row: impl FnMut(&Indexed, Row) -> Result<()>,
    mut on_progress: impl FnMut(usize, usize),
) -> Result<usize>
where
    F: Fn(&Point) -> Result<Row> + Sync,
{
    let points = plan.runs(sampled);
    let total = points.len();
    let jobs = plan.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::InvalidArgument {
            argument: format!("--jobs {jobs}"),
            reason: format!("the worker threads could not start: {e}"),
        })?;
    let mut written = 0;
    for chunk in points.chunks(CHUNK_PER_THREAD * jobs) {
        let rows: Vec<Result<Row>> =
            pool.install(|| chunk.par_iter().map(|p| evaluate(&p.1)).collect());
        for (&point, row) in chunk.iter().zip(rows) {
            on_row(point, row?)?;
            written += 1;
            on_progress(written, total);
        }
    }
    Ok(written)
}

/// The most worker threads a sweep starts (each is an operating-system thread with its stack).
pub const MAX_JOBS: usize = 1024;

/// The worker threads for `--jobs`: every core when not given; 0 and more than [`MAX_JOBS`]
/// are refused before any thread starts.
pub fn worker_threads(requested: Option<usize>) -> Result<usize> {
    match requested {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        Some(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        Some(n) => Err(Error::Domain {
            name: "--jobs".into(),
            value: n.to_string(),
            domain: format!("a number of worker threads from 1 to {MAX_JOBS}"),
        }),
    }
}

/// Points per worker thread in one chunk of [`run`]: 32 keeps the Figure-2 sweep as fast as a
/// row-by-row pool (smaller chunks wait more often for their slowest game; see
/// ARCHITECTURE.md, Decisions), and an interrupted sweep loses at most one chunk's games.
pub const CHUNK_PER_THREAD: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::int;

    #[test]
    fn rows_arrive_in_grid_order_from_every_shard() {
        let points: Vec<Indexed> = (0..50)
            .map(|k| (k as usize, vec![("k".to_string(), int(k))]))
            .collect();
        let evaluate = |p: &Point| -> Result<Row> {
            Ok(Row {
                cells: vec![("k".into(), p[0].1.to_string())],
                label: String::new(),
            })
        };
        let mut seen = Vec::new();
        for shard in 1..=3 {
            let plan = Plan {
                jobs: 2,
                shard: Some((shard, 3)),
                every: 1,
            };
            let mut rows = Vec::new();
            run(
                &points,
                &plan,
                evaluate,
                |(k, _), _| {
                    rows.push(*k);
                    Ok(())
                },
                |_, _| {},
            )
            .unwrap();
            assert!(rows.windows(2).all(|w| w[0] < w[1]));
            seen.extend(rows);
        }
        seen.sort();
        assert_eq!(seen, (0..50).collect::<Vec<_>>());
        assert_eq!(
            Plan {
                jobs: 1,
                shard: None,
                every: 10
            }
            .indices(50),
            vec![0, 10, 20, 30, 40]
        );
        // Sampling then sharding: the shards of an --every sweep are its points.
        let sampled = Plan {
            jobs: 1,
            shard: None,
            every: 3,
        }
        .indices(25);
        let mut sharded: Vec<usize> = (1..=4)
            .flat_map(|i| {
                Plan {
                    jobs: 1,
                    shard: Some((i, 4)),
                    every: 3,
                }
                .indices(25)
            })
            .collect();
        sharded.sort();
        assert_eq!(sharded, sampled);
        assert!(
            parse_shard("0/2").is_err()
                && parse_shard("3/2").is_err()
                && parse_shard("2/2").is_ok()
        );
    }
}
