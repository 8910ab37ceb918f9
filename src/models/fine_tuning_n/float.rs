//! An independent floating-point solver for the n-specialist game: replies from each specialist's first-order condition in floats, G's α0 by a dense search with golden refinement.
//!
//! G's payoff jumps up where a domain joins, so the search also tries each domain's float
//! participation threshold (nudged up by a relative 1e-12 so that the domain is in).

use crate::exact::rational::to_f64;
use crate::models::search::golden;

use super::params::Params;
use super::regimes::Regime;

/// G's α0 and utility, each specialist's utility, in floating point.
#[derive(Clone, Debug)]
pub struct FloatEquilibrium {
    pub alpha0: f64,
    pub u_g: f64,
    pub u_d: Vec<f64>,
    /// Each domain's regime, decided in floating point.
    pub regimes: Vec<super::regimes::Regime>,
}

struct Specialist {
    r: f64,
    c: f64,
    kappa: f64,
    a: f64,
    delta: f64,
}

impl Specialist {
    fn increment(&self) -> f64 {
        (((1.0 - self.delta) * self.r - self.a) / (2.0 * self.c)).max(0.0)
    }

    fn value(&self, alpha0: f64) -> f64 {
        let inc = self.increment();
        (1.0 - self.delta) * self.r * (alpha0 + inc)
            - self.kappa
            - self.a * inc
            - self.c * inc * inc
    }
}

/// Solves the game in floating point.
pub fn solve(q: &Params) -> FloatEquilibrium {
    let ds: Vec<Specialist> = q
        .domains()
        .iter()
        .map(|d| Specialist {
            r: to_f64(&d.r),
            c: to_f64(&d.c),
            kappa: to_f64(&d.kappa),
            a: to_f64(&d.a),
            delta: to_f64(&d.delta),
        })
        .collect();
    let (c0, kappa0) = (to_f64(q.c0()), to_f64(q.kappa0()));
    let payoff = |alpha0: f64| -> f64 {
        ds.iter()
            .filter(|d| d.value(alpha0) >= 0.0)
            .map(|d| d.delta * d.r * (alpha0 + d.increment()))
            .sum::<f64>()
            - c0 * alpha0 * alpha0
            - kappa0
    };
    let thresholds: Vec<f64> = ds
        .iter()
        .filter(|d| (1.0 - d.delta) * d.r > 0.0)
        .map(|d| (-d.value(0.0) / ((1.0 - d.delta) * d.r)).max(0.0))
        .collect();
    let top = ds.iter().map(|d| d.delta * d.r).sum::<f64>() / (2.0 * c0)
        + thresholds.iter().cloned().fold(0.0, f64::max)
        + 1.0;
    let mut candidates: Vec<f64> = vec![0.0];
    for t in &thresholds {
        candidates.push(t * (1.0 + 1e-12) + 1e-15);
    }
    let n = 2000;
    let mut best = 0.0;
    for k in 0..=n {
        let x = top * k as f64 / n as f64;
        if payoff(x) > payoff(best) {
            best = x;
        }
    }
    let step = top / n as f64;
    candidates.push(golden(&payoff, (best - step).max(0.0), best + step, 1e-13));
    let alpha0 = candidates
        .into_iter()
        .fold(0.0, |b, x| if payoff(x) > payoff(b) { x } else { b });
    let u_g = payoff(alpha0);
    if u_g < 0.0 {
        return FloatEquilibrium {
            alpha0: 0.0,
            u_g: 0.0,
            u_d: vec![0.0; ds.len()],
            regimes: vec![Regime::Abstainer; ds.len()],
        };
    }
    let u_d = ds.iter().map(|d| d.value(alpha0).max(0.0)).collect();
    let regimes = ds
        .iter()
        .map(|d| match (d.value(alpha0) >= 0.0, d.increment() > 0.0) {
            (false, _) => Regime::Abstainer,
            (true, true) => Regime::Contributor,
            (true, false) => Regime::FreeRider,
        })
        .collect();
    FloatEquilibrium {
        alpha0,
        u_g,
        u_d,
        regimes,
    }
}
