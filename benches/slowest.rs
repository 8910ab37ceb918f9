//! The slowest game: seeded random games from every model's declared domain, each solved exactly and timed, the slowest reported with its arguments.
//!
//! `cargo bench --bench slowest` draws `GPAI_BENCH_GAMES` games per model (default 200) with
//! the fixed seed `GPAI_BENCH_SEED` (default 1): every number parameter a random rational with
//! a small denominator inside its domain (unbounded ends clipped to a box of width 20), every
//! word parameter a random choice. Draws that are not games (a cross-parameter condition
//! fails) are redrawn and counted; games refused by a limit are counted and named, never
//! dropped silently.

use std::time::{Duration, Instant};

use gpai::exact::Rational;
use gpai::models::MODELS;
use gpai::models::domain::Domain;
use gpai::rng::SplitMix64;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn below(rng: &mut SplitMix64, n: u64) -> u64 {
    rng.next_u64() % n
}

/// A random value of the domain with a denominator of at most 12, or `None` after 50 misses;
/// an unbounded end is clipped to a box of width 20·2^widen.
fn draw(rng: &mut SplitMix64, domain: &Domain, widen: u32) -> Option<Rational> {
    let lo = domain.lower().map(|(v, _)| v);
    let hi = domain.upper().map(|(v, _)| v);
    let width = Rational::from(20u64 << widen.min(20));
    let (lo, hi) = match (lo, hi) {
        (Some(lo), Some(hi)) => (lo, hi),
        (Some(lo), None) => (lo.clone(), lo + width),
        (None, Some(hi)) => (&hi - width, hi),
        (None, None) => (-&width / Rational::from(2), width / Rational::from(2)),
    };
    for _ in 0..50 {
        let d = 1 + below(rng, 12);
        let k = below(rng, d + 1);
        let v = &lo + (&hi - &lo) * Rational::from(k) / Rational::from(d);
        let v = if domain.contains(&v) {
            v
        } else {
            // Integer domains: the nearest integer above.
            let rounded = gpai::exact::rational::from_integer(gpai::exact::rational::ceil(&v));
            if !domain.contains(&rounded) {
                continue;
            }
            rounded
        };
        return Some(v);
    }
    None
}

/// A random value for one parameter, as typed on the command line.
fn draw_param(
    rng: &mut SplitMix64,
    info: &gpai::models::ModelInfo,
    spec: &gpai::models::ParamSpec,
    widen: u32,
) -> Option<String> {
    if let Some(choices) = info.choices(spec.name) {
        return Some(choices[below(rng, choices.len() as u64) as usize].to_string());
    }
    if spec.domain.is_number() && !info.is_list(spec.name) {
        return draw(rng, &spec.domain, widen).map(|v| v.to_string());
    }
    None
}

struct Tally {
    games: usize,
    redrawn: usize,
    limited: Vec<(Vec<String>, String)>,
    total: Duration,
    slowest: (Duration, Vec<String>),
}

fn main() {
    let games = env_number("GPAI_BENCH_GAMES", 200) as usize;
    let seed = env_number("GPAI_BENCH_SEED", 1);
    println!("slowest of {games} seeded random games per model (seed {seed}), solved exactly:");
    println!(
        "  {:<18} {:>6} {:>8} {:>8} {:>10} {:>10}  slowest game",
        "model", "games", "redrawn", "limited", "mean", "slowest"
    );
    for (index, info) in MODELS.iter().enumerate() {
        if !info.commands.contains(&"solve") {
            continue;
        }
        let mut rng = SplitMix64(seed ^ (index as u64).wrapping_mul(0x9E37_79B9));
        let mut tally = Tally {
            games: 0,
            redrawn: 0,
            limited: Vec::new(),
            total: Duration::ZERO,
            slowest: (Duration::ZERO, Vec::new()),
        };
        while tally.games < games && tally.redrawn < 100 * games {
            // One value per parameter; a value refused given the others (x' > x, z > y, …)
            // is redrawn alone, the rest kept.
            let mut values: Vec<(&str, String)> = Vec::new();
            for spec in info.params {
                if let Some(value) = draw_param(&mut rng, info, spec, 0) {
                    values.push((spec.name, value));
                }
            }
            let mut outcome = None;
            for attempt in 0..50 {
                let args: Vec<String> = values.iter().map(|(n, v)| format!("{n}={v}")).collect();
                let start = Instant::now();
                let result = gpai::cli::solve_text(info.name, &args);
                let took = start.elapsed();
                match result {
                    Err(gpai::Error::Domain { name, .. })
                        if values.iter().any(|(n, _)| *n == name) =>
                    {
                        tally.redrawn += 1;
                        let spec = info.param(&name).expect("a parameter");
                        if let Some(value) = draw_param(&mut rng, info, spec, attempt / 5) {
                            values
                                .iter_mut()
                                .find(|(n, _)| *n == name)
                                .expect("drawn")
                                .1 = value;
                        }
                    }
                    other => {
                        outcome = Some((other, took, args));
                        break;
                    }
                }
            }
            let Some((result, took, args)) = outcome else {
                continue;
            };
            match result {
                Ok(text) => {
                    std::hint::black_box(text);
                    tally.games += 1;
                    tally.total += took;
                    if took > tally.slowest.0 {
                        tally.slowest = (took, args);
                    }
                }
                Err(e @ gpai::Error::Limit { .. }) => {
                    tally.games += 1;
                    tally.limited.push((args, e.to_string()));
                }
                Err(_) => tally.redrawn += 1,
            }
        }
        let solved = tally.games - tally.limited.len();
        let mean = tally.total / (solved.max(1) as u32);
        println!(
            "  {:<18} {:>6} {:>8} {:>8} {:>10.2?} {:>10.2?}  {} {}",
            info.name,
            tally.games,
            tally.redrawn,
            tally.limited.len(),
            mean,
            tally.slowest.0,
            info.name,
            tally.slowest.1.join(" ")
        );
        for (args, message) in tally.limited.iter().take(3) {
            println!(
                "      refused by a limit: {} {} — {message}",
                info.name,
                args.join(" ")
            );
        }
    }
}
