//! Benchmark of the n-specialist game's Pareto set over a common share: the exact analysis against a float dense-grid filter, for n = 2, 4, 8 domains.
//!
//! `cargo bench --bench fine_tuning_n` prints, per n, the exact Pareto set's time (default
//! configuration: 129 first probes, ends and changes of form bisected to 2⁻⁴⁰), the full
//! bargaining analysis (plus the named solutions), and the float baseline a script would run —
//! the float solver at 2,001 shares and a pairwise dominance filter — with their ratio.

mod common;

use std::hint::black_box;

use criterion::Criterion;
use gpai::exact::Rational;
use gpai::exact::rational::{int, ratio};
use gpai::models::fine_tuning_n::bargain::{Config, bargain, pareto_set};
use gpai::models::fine_tuning_n::{Domain, Params, float};

/// A game with `n` domains whose parameters cycle through small menus (the 2-domain game is
/// the disconnected instance of the README).
fn game(n: usize) -> Params {
    let r = [ratio(1, 2), int(2), int(1), int(3)];
    let c = [
        int(3),
        ratio(1, 2),
        int(1),
        int(2),
        int(1),
        int(2),
        int(3),
        ratio(1, 2),
    ];
    let kappa = [
        int(0),
        ratio(1, 8),
        ratio(1, 4),
        int(0),
        ratio(1, 2),
        ratio(1, 8),
        int(0),
        ratio(1, 4),
    ];
    let a = [
        ratio(1, 2),
        ratio(1, 2),
        int(0),
        ratio(1, 4),
        ratio(1, 8),
        int(0),
        int(1),
        ratio(1, 8),
    ];
    let domains = (0..n)
        .map(|k| Domain {
            r: r[k % 4].clone(),
            c: c[k].clone(),
            kappa: kappa[k].clone(),
            a: a[k].clone(),
            delta: int(0),
        })
        .collect();
    Params::new(int(1), ratio(1, 4), domains).unwrap()
}

/// The float baseline: utilities at 2,001 shares, then every share tested against every other.
fn float_pareto(q: &Params) -> usize {
    let shares: Vec<Vec<f64>> = (0..=2000)
        .map(|k| {
            let g = q
                .with_common_delta(&(Rational::from(k) / Rational::from(2000)))
                .unwrap();
            let f = float::solve(&g);
            std::iter::once(f.u_g).chain(f.u_d).collect()
        })
        .collect();
    let dominates = |a: &[f64], b: &[f64]| {
        a.iter().zip(b).all(|(x, y)| x >= y) && a.iter().zip(b).any(|(x, y)| x > y)
    };
    shares
        .iter()
        .filter(|u| !shares.iter().any(|v| dominates(v, u)))
        .count()
}

fn main() {
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    let mut group = c.benchmark_group("fine_tuning_n_common");
    let config = Config::default();
    for n in [2, 4, 8] {
        let q = game(n);
        group.bench_function(format!("n{n}_pareto_exact"), |b| {
            b.iter(|| black_box(pareto_set(&q, &config).unwrap()))
        });
        group.bench_function(format!("n{n}_bargain_exact"), |b| {
            b.iter(|| black_box(bargain(&q, &config).unwrap()))
        });
        group.bench_function(format!("n{n}_pareto_float_grid"), |b| {
            b.iter(|| black_box(float_pareto(&q)))
        });
    }
    group.finish();
    c.final_summary();
    if common::measuring() {
        println!(
            "\n| domains | exact Pareto set | + named solutions | float grid (2,001 shares) | exact speed / float speed |"
        );
        println!("|---|---|---|---|---|");
        for n in [2, 4, 8] {
            let mean = |id: &str| common::mean_ns("fine_tuning_n_common", &format!("n{n}_{id}"));
            if let (Some(p), Some(b), Some(f)) = (
                mean("pareto_exact"),
                mean("bargain_exact"),
                mean("pareto_float_grid"),
            ) {
                println!(
                    "| {n} | {:.1} ms | {:.1} ms | {:.1} ms | {:.2}× |",
                    p / 1e6,
                    b / 1e6,
                    f / 1e6,
                    f / p
                );
            }
        }
    }
}
