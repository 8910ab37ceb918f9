//! Benchmarks of the exact core: big-rational multiply-add (malachite vs num-rational) and real-root isolation.
//!
//! `cargo bench --bench core` runs them and prints the side-by-side ratios the README quotes.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion};
use gpai::exact::{Poly, Rational, parse_poly, real_roots};
use num_rational::{BigRational, Ratio};
use num_traits::{CheckedAdd, CheckedMul};

/// Deterministic digit strings (a linear congruential generator), so every run measures the same inputs.
fn digit_strings(count: usize, digits: usize, seed: u64) -> Vec<String> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            (0..digits)
                .map(|i| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let d = (state >> 59) % 10;
                    char::from(b'0' + if i == 0 { 1 + d % 9 } else { d } as u8)
                })
                .collect()
        })
        .collect()
}

/// `count` fractions with `digits`-digit numerators and denominators, as text.
fn fractions(count: usize, digits: usize, seed: u64) -> Vec<String> {
    let nums = digit_strings(count, digits, seed);
    let dens = digit_strings(count, digits, seed ^ 0x9e37_79b9);
    nums.iter()
        .zip(&dens)
        .map(|(n, d)| format!("{n}/{d}"))
        .collect()
}

fn mul_add(c: &mut Criterion, name: &str, digits: usize) {
    let columns: Vec<Vec<String>> = (0..3).map(|k| fractions(64, digits, 17 + k)).collect();
    let texts: Vec<[String; 3]> = (0..64)
        .map(|i| [0, 1, 2].map(|k| columns[k][i].clone()))
        .collect();
    let mut group = c.benchmark_group(name);
    let malachite: Vec<[Rational; 3]> = texts
        .iter()
        .map(|t| {
            t.each_ref()
                .map(|s| gpai::exact::parse_rational(s).unwrap())
        })
        .collect();
    group.bench_function("malachite", |b| {
        b.iter(|| {
            for [x, y, z] in &malachite {
                black_box(x * y + z);
            }
        })
    });
    let big: Vec<[BigRational; 3]> = texts
        .iter()
        .map(|t| t.each_ref().map(|s| s.parse::<BigRational>().unwrap()))
        .collect();
    group.bench_function("num-rational BigRational", |b| {
        b.iter(|| {
            for [x, y, z] in &big {
                black_box(x * y + z);
            }
        })
    });
    if digits <= 4 {
        // The machine-integer fast path: checked i64 ratios, falling back on overflow.
        let small: Vec<[Ratio<i64>; 3]> = texts
            .iter()
            .map(|t| t.each_ref().map(|s| s.parse::<Ratio<i64>>().unwrap()))
            .collect();
        group.bench_function("num-rational Ratio<i64> checked", |b| {
            b.iter(|| {
                for [x, y, z] in &small {
                    black_box(x.checked_mul(y).and_then(|p| p.checked_add(z)));
                }
            })
        });
    }
    group.finish();
}

fn isolation(c: &mut Criterion) {
    let wilkinson = Poly::from_roots(&(1..=20).map(Rational::from).collect::<Vec<_>>());
    // Chebyshev T_10: ten real roots in (-1, 1), crowded toward the ends.
    let chebyshev = parse_poly("512x^10 - 1280x^8 + 1120x^6 - 400x^4 + 50x^2 - 1").unwrap();
    let quintic = parse_poly("x^5 - x - 1").unwrap();
    let mut group = c.benchmark_group("real_roots");
    for (degree, poly) in [(5, &quintic), (10, &chebyshev), (20, &wilkinson)] {
        group.bench_with_input(BenchmarkId::new("degree", degree), poly, |b, p| {
            b.iter(|| black_box(real_roots(p)))
        });
    }
    group.finish();
}

/// Prints each group's mean times side by side with their ratio, from criterion's estimates.
fn print_ratios() {
    println!("\n| benchmark | mean | relative to malachite |");
    println!("|---|---|---|");
    for (group, ids) in [
        (
            "rational_mul_add_50_digits",
            &["malachite", "num-rational BigRational"][..],
        ),
        (
            "rational_mul_add_3_digits",
            &[
                "malachite",
                "num-rational BigRational",
                "num-rational Ratio_i64_ checked",
            ][..],
        ),
    ] {
        let Some(base) = common::mean_ns(group, "malachite") else {
            continue;
        };
        for id in ids {
            if let Some(t) = common::mean_ns(group, id) {
                let label = id.replace("Ratio_i64_", "Ratio<i64>");
                println!(
                    "| {group} / {label} (64 ops) | {:.1} µs | {:.2}× |",
                    t / 1e3,
                    t / base
                );
            }
        }
    }
    for degree in [5, 10, 20] {
        if let Some(t) = common::mean_ns("real_roots", &format!("degree/{degree}")) {
            println!("| real_roots degree {degree} | {:.1} µs | |", t / 1e3);
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    mul_add(&mut c, "rational_mul_add_50_digits", 50);
    mul_add(&mut c, "rational_mul_add_3_digits", 3);
    isolation(&mut c);
    c.final_summary();
    if common::measuring() {
        print_ratios();
    }
}
