//! Benchmark of the exact pipeline's speed: the Figure-2 sweep with and without the float filter and against the float solver, `gpai verify` on one thread and on every core, and `--every` building only the points it keeps.
//!
//! `cargo bench --bench speed` prints one table; every ratio comes from runs side by side in
//! this one process (single runs, wall time). Under `cargo test` it runs on a small grid.

/// As the `gpai` binary allocates (see ARCHITECTURE.md, Decisions).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod unchecked;

use std::time::{Duration, Instant};

use gpai::exact::float_interval::without_filter;
use gpai::models::arguments::Arguments;
use gpai::models::safety_regulation::sweep::{Engine, Sweeper};
use gpai::sweep::grid::{Grid, max_points};
use gpai::sweep::{Indexed, Plan, run};

fn figure_2(step: &str) -> Grid {
    Grid::parse(&[
        format!("theta_g=0:5/4:{step}"),
        format!("theta_d=theta_g:5/2:{step}"),
    ])
    .unwrap()
}

fn sweeper(engine: Engine) -> Sweeper {
    let info = gpai::models::find("safety_regulation").unwrap();
    let base = Arguments::parse(info, &[]).unwrap();
    Sweeper::new(base, &["theta_g".into(), "theta_d".into()], engine).unwrap()
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = work();
    (out, started.elapsed())
}

/// Games per second of `engine` over `points` on this thread.
fn one_thread(engine: Engine, points: &[Indexed]) -> f64 {
    let s = sweeper(engine);
    let (_, t) = timed(|| {
        for (_, p) in points {
            s.row(p).unwrap();
        }
    });
    points.len() as f64 / t.as_secs_f64()
}

/// Games per second of the unchecked `f64` enumeration over `points` on this thread (each
/// game's six numbers written as text, as a row would hold them), and how many games its
/// `U_G` differs from the exact row's by more than 1e-9 (relative).
fn unchecked_f64(points: &[Indexed]) -> (f64, usize) {
    let exact = sweeper(Engine::Exact);
    let games: Vec<_> = points
        .iter()
        .map(|(_, p)| {
            let params = exact.params_at(p).unwrap();
            let (c0, c1, r, delta, floors) = params.to_f64();
            (c0, c1, r, delta, floors)
        })
        .collect();
    let mut text = String::new();
    let (_, t) = timed(|| {
        for &(c0, c1, r, delta, floors) in &games {
            text.clear();
            for v in unchecked::solve(c0, c1, r, delta, floors) {
                text.push_str(&v.to_string());
                text.push(',');
            }
            std::hint::black_box(&text);
        }
    });
    let off = points
        .iter()
        .zip(&games)
        .filter(|&((_, p), &(c0, c1, r, delta, floors))| {
            let row = exact.row(p).unwrap();
            let cell = row.cells.iter().find(|(n, _)| n == "u_g_approx").unwrap();
            let u_g: f64 = cell.1.parse().unwrap();
            let f = unchecked::solve(c0, c1, r, delta, floors)[4];
            (u_g - f).abs() > 1e-9 * (1.0 + u_g.abs())
        })
        .count();
    (points.len() as f64 / t.as_secs_f64(), off)
}

fn main() {
    // `cargo bench` measures; `cargo test` only checks that the benchmark runs.
    let measuring = std::env::args().any(|a| a == "--bench");
    let step = if measuring { "1/100" } else { "1/10" };
    let (_, points) = figure_2(step).sampled(max_points(), 1).unwrap();
    let every_50: Vec<Indexed> = points.iter().step_by(50).cloned().collect();
    let filtered = one_thread(Engine::Exact, &points);
    let exact = without_filter(|| one_thread(Engine::Exact, &points));
    let float = one_thread(Engine::Float, &every_50);
    let (unchecked, off) = unchecked_f64(&points);

    let full = figure_2(if measuring { "1/200" } else { "1/20" });
    let (_, all) = full.sampled(max_points(), 1).unwrap();
    let s = sweeper(Engine::Exact);
    let plan = Plan {
        jobs: 2,
        shard: None,
        every: 1,
    };
    let (_, sweep) = timed(|| run(&all, &plan, |p| s.row(p), |_, _| Ok(()), |_, _| {}).unwrap());

    let (_, whole) = timed(|| full.sampled(max_points(), 1).unwrap());
    let (kept, sampled) = timed(|| full.sampled(max_points(), 1573).unwrap().1);

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let proofs = if measuring {
        root.join("proofs")
    } else {
        root.join("proofs/openness")
    };
    let files = gpai::cli::verify::claim_files(&[proofs]).unwrap();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let verify = |names: &[String], jobs| {
        timed(|| {
            gpai::claims::verify_files_showing(names, gpai::cli::verify::read, jobs, |_, _, _| {})
        })
        .1
    };
    let (one, two) = (verify(&names, 1), verify(&names, 2));
    // One claim alone: its sample points spread over the threads.
    let single = if measuring {
        "proofs/competition/k5_vertical_integration.toml"
    } else {
        "proofs/openness/o06_regime_partition.toml"
    };
    let single = [root.join(single).display().to_string()];
    let (single_one, single_two) = (verify(&single, 1), verify(&single, 2));

    println!("| what | measured | ratio |");
    println!("|---|---|---|");
    println!(
        "| Figure-2 grid at step {step} ({} games), one thread: exact with the float filter | {filtered:.0} games/s | {:.2}x the exact path without it |",
        points.len(),
        filtered / exact
    );
    println!("| same, exact without the filter | {exact:.0} games/s | 1x |");
    println!(
        "| same, the unchecked f64 enumeration (its U_G off the exact one by > 1e-9 at {off} games) | {unchecked:.0} games/s | the filtered exact path takes {:.1}x its time |",
        unchecked / filtered
    );
    println!(
        "| same, the float solver on every 50th game | {float:.1} games/s | the filtered exact path is {:.0}x faster |",
        filtered / float
    );
    println!(
        "| the Figure-2 sweep ({} games), 2 threads, rows made (not written) | {:.2} s | {:.0} games/s |",
        all.len(),
        sweep.as_secs_f64(),
        all.len() as f64 / sweep.as_secs_f64()
    );
    println!(
        "| --every 1573: the kept points built ({}) against the whole grid | {:.3} ms against {:.3} ms | {:.0}x less time |",
        kept.len(),
        sampled.as_secs_f64() * 1e3,
        whole.as_secs_f64() * 1e3,
        whole.as_secs_f64() / sampled.as_secs_f64()
    );
    println!(
        "| gpai verify ({} claim files) on 2 threads against 1 | {:.2} s against {:.2} s | {:.2}x faster |",
        names.len(),
        two.as_secs_f64(),
        one.as_secs_f64(),
        one.as_secs_f64() / two.as_secs_f64()
    );
    println!(
        "| gpai verify of one claim ({}) on 2 threads against 1 | {:.2} s against {:.2} s | {:.2}x faster |",
        single[0].rsplit('/').next().unwrap_or_default(),
        single_two.as_secs_f64(),
        single_one.as_secs_f64(),
        single_one.as_secs_f64() / single_two.as_secs_f64()
    );
}
