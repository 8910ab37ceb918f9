//! `gpai sweep MODEL … --grid NAME=LO:HI:STEP …` and `gpai merge`: run a grid, stream rows to a file, draw the regime map.

use std::fs::File;
use std::io::Write;
use std::time::Instant;

use crate::error::{Error, Result};
use crate::exact::rational::to_f64;
use crate::models::sweep_request::{Prepared, prepare};
use crate::sweep::Engine;
use crate::sweep::axis_value;
use crate::sweep::output::{RowFormat, csv_header, line, split_csv};
use crate::sweep::plot::{Cell, regime_map_with};

use super::cluster::{Scheduler, Split};
use super::files::{Picture, distinct, write_picture};
use crate::sweep::{Plan, manifest, parse_shard, run};

/// Everything `gpai sweep` was asked.
#[derive(clap::Args, Debug)]
pub(super) struct Request {
    /// The model (see `gpai models`).
    model: String,
    /// Fixed parameters as name=value.
    params: Vec<String>,
    /// An axis NAME=LO:HI:STEP; LO and HI may name an earlier axis.
    #[arg(long = "grid", required = true)]
    grid: Vec<String>,
    /// Output file (default: standard output).
    #[arg(long)]
    out: Option<String>,
    /// Row format: csv, jsonl (one object per line) or json (one array); default: the one
    /// --out's extension names (.csv, .jsonl, .json), else csv.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Regime-map picture: *.svg, or *.png (rasterized with the system fonts).
    #[arg(long)]
    plot: Option<String>,
    /// Worker threads (default: every core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Run only part I of N of the grid (for a batch scheduler; join with `gpai merge`).
    #[arg(long)]
    shard: Option<String>,
    /// Run only every K-th point (sampling).
    #[arg(long, default_value_t = 1)]
    every: usize,
    /// Solver: exact (default) or float (the approximate baseline).
    #[arg(long, value_enum, default_value_t = EngineArg::Exact)]
    engine: EngineArg,
    /// Allow grids up to ten times the point limit (GPAI_MAX_GRID_POINTS sets the limit).
    #[arg(long)]
    force: bool,
    /// Print the number of games, the time and games per second to standard error.
    #[arg(long)]
    timing: bool,
    /// Write Slurm scripts that run the sweep as an array of N shards and merge them into
    /// --out (nothing is solved here; see docs/cluster.md).
    #[arg(long, value_name = "N", conflicts_with_all = ["shard", "plot", "kubernetes"])]
    slurm: Option<usize>,
    /// Write a Kubernetes Indexed Job of N shards and the Job that merges them into --out.
    #[arg(long, value_name = "N", conflicts_with_all = ["shard", "plot"])]
    kubernetes: Option<usize>,
}

/// `--format`: how a sweep writes its rows.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(super) enum FormatArg {
    Csv,
    Jsonl,
    Json,
}

impl FormatArg {
    fn rows(self) -> RowFormat {
        match self {
            FormatArg::Csv => RowFormat::Csv,
            FormatArg::Jsonl => RowFormat::JsonLines,
            FormatArg::Json => RowFormat::Json,
        }
    }
}

/// The solver a sweep runs.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(super) enum EngineArg {
    Exact,
    Float,
}

pub(super) fn sweep(request: Request) -> Result<String> {
    let engine = match request.engine {
        EngineArg::Exact => Engine::Exact,
        EngineArg::Float => Engine::Float,
    };
    let Prepared {
        model: info,
        base,
        names,
        count,
        points,
        sweeper,
    } = prepare(
        &request.model,
        &request.params,
        &request.grid,
        request.every,
        request.force,
        engine,
    )?;
    let base_text = base.canonical();
    if let Some(plot) = &request.plot {
        Picture::for_path(plot)?;
    }
    if let Some(out) = &request.out
        && out.to_ascii_lowercase().ends_with(".manifest.json")
    {
        return Err(Error::InvalidArgument {
            argument: format!("--out {out}"),
            reason:
                "names ending in .manifest.json are shard manifests; name the rows file otherwise"
                    .into(),
        });
    }
    if let Some(out) = &request.out
        && Picture::for_path(out).is_ok()
    {
        return Err(Error::InvalidArgument {
            argument: format!("--out {out}"),
            reason:
                "--out holds the rows (CSV, JSON Lines for *.jsonl, JSON for *.json); the picture goes to --plot"
                    .into(),
        });
    }
    let mut outputs: Vec<(&str, &str)> = Vec::new();
    outputs.extend(request.out.as_deref().map(|p| ("--out", p)));
    outputs.extend(request.plot.as_deref().map(|p| ("--plot", p)));
    let manifest_path = request.out.as_deref().map(manifest::path_of);
    if request.shard.is_some() {
        outputs.extend(
            manifest_path
                .as_deref()
                .map(|p| ("the shard's manifest", p)),
        );
    }
    distinct(&outputs)?;
    let plan = Plan {
        jobs: crate::sweep::worker_threads(request.jobs)?,
        shard: request.shard.as_deref().map(parse_shard).transpose()?,
        every: request.every,
    };
    let format = RowFormat::choose(request.format.map(FormatArg::rows), request.out.as_deref())
        .map_err(|reason| Error::InvalidArgument {
            argument: format!("--out {}", request.out.clone().unwrap_or_default()),
            reason,
        })?;
    let scheduler = match (request.slurm, request.kubernetes) {
        (Some(n), _) => Some((Scheduler::Slurm, n)),
        (None, Some(n)) => Some((Scheduler::Kubernetes, n)),
        (None, None) => None,
    };
    if let Some((scheduler, shards)) = scheduler {
        return split(&request, scheduler, shards, format, count);
    }
    if format == RowFormat::Json && plan.shard.is_some() {
        return Err(Error::InvalidArgument {
            argument: "--format json".into(),
            reason: "a shard is a part gpai merge joins line by line: write shards as csv or jsonl (one JSON array cannot be split)".into(),
        });
    }
    // A shard is a part `gpai merge` checks through its manifest, written beside the file.
    let manifest = match (plan.shard, &request.out) {
        (Some(_), None) => {
            return Err(Error::InvalidArgument {
                argument: format!("--shard {}", request.shard.clone().unwrap_or_default()),
                reason: "a shard is written to a file that gpai merge checks: give --out PART.csv (or .jsonl)".into(),
            });
        }
        (Some(shard), Some(path)) => {
            // A stale manifest must never vouch for the part this run is about to write.
            let stale = manifest::path_of(path);
            match std::fs::remove_file(&stale) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(&stale, "remove", &e)),
            }
            Some((
                shard,
                manifest::Sweep {
                    model: info.name.to_string(),
                    params: base_text.clone(),
                    grid: request.grid.iter().map(|g| g.trim().to_string()).collect(),
                    engine: format!("{:?}", request.engine).to_lowercase(),
                    every: request.every,
                    format: format.name().to_string(),
                    points: count,
                },
            ))
        }
        (None, _) => None,
    };
    let mut hasher = manifest::Hasher::default();
    let mut bytes_written = 0u64;
    let mut file = match &request.out {
        Some(path) => Some(File::create(path).map_err(|e| Error::io(path, "create", &e))?),
        None => None,
    };
    let mut stdout = std::io::stdout();
    let started = Instant::now();
    let mut cells: Vec<Cell> = Vec::new();
    let mut header_written = false;
    let out_name = request
        .out
        .clone()
        .unwrap_or_else(|| "standard output".into());
    // Rows on a terminal would be drawn over by the bar: then it is not shown.
    let progress = if request.out.is_some() {
        super::progress::bar(plan.runs(&points).len(), "games")
    } else {
        indicatif::ProgressBar::hidden()
    };
    let written = run(
        &points,
        &plan,
        |point| sweeper.row(point),
        |(index, point), row| {
            let mut text = String::new();
            match format {
                RowFormat::Csv if !header_written => text.push_str(&csv_header(&row)),
                RowFormat::Json => text.push_str(if header_written { ",\n" } else { "[\n" }),
                _ => {}
            }
            header_written = true;
            text.push_str(&line(format, *index, &row));
            // One write per row, flushed: an interrupted sweep keeps every row written whole.
            let result = match file.as_mut() {
                Some(f) => f.write_all(text.as_bytes()).and_then(|()| f.flush()),
                None => stdout
                    .write_all(text.as_bytes())
                    .and_then(|()| stdout.flush()),
            };
            result.map_err(|e| {
                if file.is_none() && e.kind() == std::io::ErrorKind::BrokenPipe {
                    Error::OutputClosed
                } else {
                    Error::io(&out_name, "write", &e)
                }
            })?;
            hasher.update(text.as_bytes());
            bytes_written += text.len() as u64;
            if request.plot.is_some() {
                let value = |k: usize| {
                    names
                        .get(k)
                        .and_then(|n| axis_value(point, n))
                        .map_or(0.0, |v| to_f64(&v))
                };
                cells.push(Cell {
                    x: value(0),
                    y: value(1),
                    label: row.label,
                });
            }
            Ok(())
        },
        |done, _| progress.set_position(done as u64),
    )?;
    progress.finish_and_clear();
    if format == RowFormat::Json {
        let end = if written == 0 { "[]\n" } else { "\n]\n" };
        match file.as_mut() {
            Some(f) => f.write_all(end.as_bytes()),
            None => stdout.write_all(end.as_bytes()),
        }
        .map_err(|e| Error::io(&out_name, "write", &e))?;
    }
    if let (Some((shard, sweep)), Some(path)) = (manifest, &request.out) {
        let m = manifest::Manifest {
            sweep,
            shard,
            rows: written,
            bytes: bytes_written,
            hash: hasher.0,
        };
        let target = manifest::path_of(path);
        std::fs::write(&target, m.to_text()).map_err(|e| Error::io(&target, "write", &e))?;
    }
    let axis_values = || -> Vec<crate::exact::Rational> {
        plan.runs(&points)
            .iter()
            .filter_map(|(_, p)| axis_value(p, &names[0]))
            .collect()
    };
    let chart = match (&request.plot, names.len()) {
        (Some(_), 1) => sweeper.chart(&names[0], &axis_values()),
        _ => None,
    };
    if let (Some(path), Some(svg)) = (&request.plot, chart) {
        write_picture(path, svg?)?;
    } else if let Some(path) = &request.plot {
        let y_name = names.get(1).cloned().unwrap_or_default();
        let labels = sweeper.labels_are();
        let title = match names.get(1) {
            Some(y) => format!("{}: {labels} by {} and {y}", info.name, names[0]),
            None => format!("{}: {labels} along {}", info.name, names[0]),
        };
        let range = |v: &mut dyn Iterator<Item = f64>| {
            v.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)))
        };
        let xr = range(&mut cells.iter().map(|c| c.x));
        let yr = range(&mut cells.iter().map(|c| c.y));
        let curves = sweeper.curves(&names[0], &y_name, xr, yr);
        let svg = regime_map_with(&cells, &curves, &names[0], &y_name, &title);
        write_picture(path, svg)?;
    }
    let seconds = started.elapsed().as_secs_f64();
    if request.timing {
        let _ = writeln!(
            std::io::stderr(),
            "{written} games in {seconds:.2} s: {:.0} games/s ({} threads)",
            written as f64 / seconds,
            plan.jobs
        );
    }
    Ok(String::new())
}

/// `--slurm N` / `--kubernetes N`: the scheduler files for the sweep in N shards, every input
/// already checked (the grid built) as for a run here.
fn split(
    request: &Request,
    scheduler: Scheduler,
    shards: usize,
    format: RowFormat,
    points: usize,
) -> Result<String> {
    let option = format!("{} {shards}", scheduler.option());
    let refuse = |reason: String| {
        Err(Error::InvalidArgument {
            argument: option.clone(),
            reason,
        })
    };
    let most = points.min(super::cluster::MAX_SHARDS);
    if shards == 0 || shards > most {
        return refuse(format!(
            "the grid has {points} points: give between 1 and {most} shards (at most {} in all)",
            super::cluster::MAX_SHARDS
        ));
    }
    let Some(out) = request.out.clone() else {
        return refuse("the shards are merged into --out: give --out ROWS.csv (or .jsonl)".into());
    };
    if format == RowFormat::Json {
        return refuse(
            "shards are joined line by line: write csv or jsonl (one JSON array cannot be split)"
                .into(),
        );
    }
    if RowFormat::of_path(&out) != Some(format) {
        return refuse(format!(
            "gpai merge writes the parts' format, named by its extension: name --out *.{}",
            format.name()
        ));
    }
    let mut words = vec![request.model.clone()];
    words.extend(request.params.iter().cloned());
    for g in &request.grid {
        words.extend(["--grid".to_string(), g.clone()]);
    }
    if request.every != 1 {
        words.extend(["--every".to_string(), request.every.to_string()]);
    }
    if matches!(request.engine, EngineArg::Float) {
        words.extend(["--engine".to_string(), "float".to_string()]);
    }
    if request.force {
        words.push("--force".into());
    }
    if request.timing {
        words.push("--timing".into());
    }
    let split = Split {
        words,
        out,
        shards,
        jobs: crate::sweep::worker_threads(Some(request.jobs.unwrap_or(1)))?,
        extension: format.name(),
        env: crate::limits::Limit::ALL
            .iter()
            .filter_map(|l| Some((l.variable().to_string(), std::env::var(l.variable()).ok()?)))
            .collect(),
    };
    super::cluster::write(&split, scheduler)
}

/// Joins the parts of a sharded sweep into one file, rows in grid order, byte for byte what the
/// unsharded sweep writes. The parts must be exactly the shards of one grid (their manifests
/// say so), each complete: a missing, repeated, torn, edited or foreign part is refused, naming
/// it. CSV and JSON Lines parts both merge, into their own format.
pub(super) fn merge(out: &str, inputs: &[String]) -> Result<String> {
    let bad = |path: &str, reason: String| Error::InvalidArgument {
        argument: path.into(),
        reason,
    };
    let mut parts = Vec::new();
    let mut texts = std::collections::HashMap::new();
    for path in inputs {
        // A part that is missing, or is not a file, is named as such before its manifest.
        let text = std::fs::read(path).map_err(|e| Error::io(path, "read", &e))?;
        let target = manifest::path_of(path);
        let m = match std::fs::read_to_string(&target) {
            Ok(text) => manifest::Manifest::parse(&text).map_err(|e| bad(&target, e))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(bad(
                    path,
                    format!(
                        "it has no manifest {target}: the shard did not finish (or the file was not written by gpai sweep --shard); run the shard again"
                    ),
                ));
            }
            Err(e) => return Err(Error::io(&target, "read", &e)),
        };
        let mut hash = manifest::Hasher::default();
        hash.update(&text);
        if text.len() as u64 != m.bytes || hash.0 != m.hash {
            let what = if text.len() as u64 != m.bytes {
                format!("{} bytes, its manifest says {}", text.len(), m.bytes)
            } else {
                "its contents differ from the manifest's hash".into()
            };
            return Err(bad(
                path,
                format!(
                    "it is not the part its shard wrote ({what}): it was cut short, torn or edited; run shard {}/{} again",
                    m.shard.0, m.shard.1
                ),
            ));
        }
        let text = String::from_utf8(text).map_err(|_| bad(path, "not UTF-8 text".into()))?;
        texts.insert(path.clone(), text);
        parts.push((path.clone(), m));
    }
    let ordered = manifest::check_shards(&parts).map_err(|e| bad(&inputs.join(" "), e))?;
    let format = if ordered[0].1.sweep.format == "jsonl" {
        RowFormat::JsonLines
    } else {
        RowFormat::Csv
    };
    if RowFormat::of_path(out) != Some(format) {
        return Err(bad(
            out,
            format!(
                "the parts are {} rows; name the merged file *.{}",
                format.name(),
                format.name()
            ),
        ));
    }
    // The merged file must not overwrite a part or a manifest.
    for path in inputs {
        let target = manifest::path_of(path);
        distinct(&[("the merged file", out), ("a part", path)])?;
        distinct(&[("the merged file", out), ("a part's manifest", &target)])?;
    }
    let mut header: Option<String> = None;
    let mut rows: Vec<(usize, &str)> = Vec::new();
    for (path, m) in ordered {
        let mut lines = texts[path].lines();
        if format == RowFormat::Csv && m.rows > 0 {
            let first = lines.next().unwrap_or_default().to_string();
            match &header {
                None => header = Some(first),
                Some(h) if *h == first => {}
                Some(_) => {
                    return Err(bad(path, "its header differs from the other parts'".into()));
                }
            }
        }
        let mut indices = Vec::with_capacity(m.rows);
        for (number, row) in lines.enumerate() {
            let index = match format {
                RowFormat::Csv => split_csv(row).first().and_then(|c| c.parse::<usize>().ok()),
                RowFormat::JsonLines | RowFormat::Json => {
                    serde_json::from_str::<serde_json::Value>(row)
                        .ok()
                        .and_then(|v| v["index"].as_u64())
                        .map(|i| i as usize)
                }
            }
            .ok_or_else(|| {
                bad(
                    &format!("{path}:{}", number + 1),
                    "a row without its grid index".into(),
                )
            })?;
            indices.push(index);
            rows.push((index, row));
        }
        if indices != m.indices() {
            return Err(bad(
                path,
                format!(
                    "its rows are not the points of shard {}/{} ({} rows, {} expected)",
                    m.shard.0,
                    m.shard.1,
                    indices.len(),
                    m.indices().len()
                ),
            ));
        }
    }
    rows.sort_by_key(|(index, _)| *index);
    let mut text = header.map(|h| h + "\n").unwrap_or_default();
    for (_, row) in &rows {
        text.push_str(row);
        text.push('\n');
    }
    std::fs::write(out, text).map_err(|e| Error::io(out, "write", &e))?;
    Ok(format!(
        "merged {} rows from {} shards into {out}\n",
        rows.len(),
        inputs.len()
    ))
}
