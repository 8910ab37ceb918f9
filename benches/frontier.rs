//! Frontier and certificates for 10^3, 10^4 and 10^5 random outcomes (2 and 3 players): time, and the share spent certifying.
//!
//! `cargo bench --bench frontier` prints a Markdown table. Outcomes are seeded random rationals
//! (denominator 1000): for two players inside the quarter disk x² + y² ≤ 1 (a long Pareto
//! frontier), for three in the unit cube. Each run does the full analysis of one group: exact
//! Pareto filtering, a membership and a supporting-weights answer per Pareto-optimal outcome
//! (LPs over its hull neighbours, grown until the answer certifies against the whole program),
//! the egalitarian and KS lotteries, every LP answer certified exactly.

use std::time::Instant;

use gpai::exact::Rational;
use gpai::frontier::analysis::analyze;
use gpai::lp::certify::time_split;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, modulus: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % modulus
    }
}

fn outcomes(n: usize, players: usize, seed: u64) -> Vec<Vec<Rational>> {
    let mut rng = Lcg(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let p: Vec<u64> = (0..players).map(|_| rng.next(1001)).collect();
        if players == 2 && p[0] * p[0] + p[1] * p[1] > 1_000_000 {
            continue;
        }
        out.push(
            p.iter()
                .map(|v| Rational::from(*v) / Rational::from(1000u64))
                .collect(),
        );
    }
    out
}

fn main() {
    println!(
        "| outcomes | players | Pareto-optimal | hull-Pareto | LPs | total | HiGHS | certifying | certifying share |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for players in [2, 3] {
        for n in [1_000, 10_000, 100_000] {
            let points = outcomes(n, players, 0x6770_6169 + n as u64);
            let (h0, c0) = time_split();
            let started = Instant::now();
            let g = analyze("bench", &points).expect("an outcome set always has a frontier");
            let total = started.elapsed();
            let (h1, c1) = time_split();
            let (highs, certify) = (h1 - h0, c1 - c0);
            let lps = g.pareto.len() * 2 + 2;
            println!(
                "| {n} | {players} | {} | {} | {lps} | {:.1} ms | {:.1} ms | {:.1} ms | {:.0}% |",
                g.pareto.len(),
                g.hull.len(),
                total.as_secs_f64() * 1e3,
                highs.as_secs_f64() * 1e3,
                certify.as_secs_f64() * 1e3,
                100.0 * certify.as_secs_f64() / total.as_secs_f64()
            );
        }
    }
}
