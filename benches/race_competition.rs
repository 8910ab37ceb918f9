//! Benchmark of the race and competition models: the exact solvers against their float counterparts, side by side.
//!
//! `cargo bench --bench race_competition` prints games per second for each and their ratio.

mod common;

use std::hint::black_box;

use criterion::Criterion;
use gpai::exact::rational::{int, ratio};
use gpai::models::competition::{self, exact::Variant, thresholds};
use gpai::models::race::{self, Extension, Family};

const GROUP: &str = "race_competition";

fn race_game(f: Family, ext: Extension) -> race::Params {
    race::Params::new(
        f,
        int(10),
        int(30),
        int(20),
        int(2),
        int(5),
        int(10),
        int(20),
        int(1_000_000),
        ext,
    )
    .unwrap()
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group(GROUP);
    let sqrt = Family::Power {
        a: int(1),
        p: ratio(1, 2),
    };
    let cases = [
        (
            "race, f = sqrt, base",
            race_game(sqrt.clone(), Extension::Base),
        ),
        (
            "race, f = sqrt, duopoly",
            race_game(
                sqrt,
                Extension::Duopoly {
                    y2: int(7),
                    s: ratio(1, 2),
                },
            ),
        ),
        (
            "race, f = ln(1 + x), base",
            race_game(
                Family::Log {
                    a: int(1),
                    b: int(1),
                },
                Extension::Base,
            ),
        ),
    ];
    let id = |name: &str| name.replace([',', ' ', '=', '(', ')', '+'], "_");
    for (name, p) in &cases {
        group.bench_function(format!("{}_exact", id(name)), |b| {
            b.iter(|| black_box(race::exact::solve(p).unwrap()))
        });
        group.bench_function(format!("{}_float", id(name)), |b| {
            b.iter(|| {
                black_box((
                    race::float::revenue(p),
                    race::float::gain(p),
                    race::float::best_size(p),
                ))
            })
        });
    }
    let p = competition::Params::p1(ratio(4, 5));
    group.bench_function("competition_p1_exact", |b| {
        b.iter(|| black_box(competition::solve(&p)))
    });
    group.bench_function("competition_p1_float", |b| {
        b.iter(|| black_box(competition::float::solve(&p)))
    });
    group.bench_function("competition_thresholds_exact", |b| {
        b.iter(|| {
            black_box((
                thresholds::omega_1(&p),
                thresholds::omega_bar(&p, Variant::Baseline),
                thresholds::omega_bar(&p, Variant::Trial),
                thresholds::omega_v(&p),
                thresholds::omega_w(&p),
            ))
        })
    });
    group.finish();
    c.final_summary();
    if common::measuring() {
        println!("\n| game | exact games/s | float games/s | exact speed / float speed |");
        println!("|---|---|---|---|");
        let names: Vec<String> = cases
            .iter()
            .map(|(n, _)| n.to_string())
            .chain(["competition_p1".to_string()])
            .collect();
        for name in names {
            let key = if name == "competition_p1" {
                name.clone()
            } else {
                id(&name)
            };
            let exact = common::mean_ns(GROUP, &format!("{key}_exact"));
            let float = common::mean_ns(GROUP, &format!("{key}_float"));
            if let (Some(e), Some(f)) = (exact, float) {
                println!(
                    "| {name} | {:.0} | {:.0} | {:.2}× |",
                    1e9 / e,
                    1e9 / f,
                    f / e
                );
            }
        }
        if let Some(t) = common::mean_ns(GROUP, "competition_thresholds_exact") {
            println!(
                "| competition thresholds ω_1, ω̄, ω̄_T, ω_V, ω_W (P1) | {:.0} | — | — |",
                1e9 / t
            );
        }
    }
}
