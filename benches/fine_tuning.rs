//! Benchmark of the fine-tuning bargaining analysis: exact (and certified) against the float solver.
//!
//! `cargo bench --bench fine_tuning` prints bargains per second for each and their ratio.

mod common;

use std::hint::black_box;

use criterion::Criterion;
use gpai::exact::rational::int;
use gpai::models::fine_tuning::{Config, Params, bargain, float};

const CASES: [(&str, u32, u32); 3] = [
    ("quadratic", 2, 2),
    ("k0=3, k1=2", 3, 2),
    ("k0=3, k1=3", 3, 3),
];

fn id(name: &str) -> String {
    name.replace([',', ' ', '='], "_")
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("fine_tuning_bargain");
    for (name, k0, k1) in CASES {
        let params = Params::new(int(1), int(2), int(1), k0, k1).unwrap();
        let config = Config::default();
        group.bench_function(format!("{}_exact", id(name)), |b| {
            b.iter(|| black_box(bargain(&params, &config).unwrap()))
        });
        group.bench_function(format!("{}_float", id(name)), |b| {
            b.iter(|| black_box(float::bargain(&params)))
        });
    }
    group.finish();
    c.final_summary();
    if common::measuring() {
        println!(
            "\n| c0 = 1, c1 = 2, r = 1 | exact bargains/s | float bargains/s | exact speed / float speed |"
        );
        println!("|---|---|---|---|");
        for (name, _, _) in CASES {
            let exact = common::mean_ns("fine_tuning_bargain", &format!("{}_exact", id(name)));
            let float = common::mean_ns("fine_tuning_bargain", &format!("{}_float", id(name)));
            if let (Some(e), Some(f)) = (exact, float) {
                println!(
                    "| {name} | {:.0} | {:.0} | {:.2}× |",
                    1e9 / e,
                    1e9 / f,
                    f / e
                );
            }
        }
    }
}
