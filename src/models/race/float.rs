//! An independent `f64` solver for the race model: the essay's formulas written out per extension, y* by a dense scan and golden-section refinement.

use crate::exact::rational::to_f64;
use crate::models::search::golden;

use super::params::{Extension, Family, Params};

/// f(x) in floating point.
pub fn f(family: &Family, x: f64) -> f64 {
    match family {
        Family::Power { a, p } => to_f64(a) * x.powf(to_f64(p)),
        Family::Polynomial(poly) => poly
            .coeffs()
            .iter()
            .rev()
            .fold(0.0, |acc, c| acc * x + to_f64(c)),
        Family::Pwl { breaks, slopes } => {
            let mut total = 0.0;
            for (i, s) in slopes.iter().enumerate() {
                let start = to_f64(&breaks[i]);
                if x <= start {
                    break;
                }
                let end = breaks.get(i + 1).map_or(x, |e| to_f64(e).min(x));
                total += to_f64(s) * (end - start);
            }
            total
        }
        Family::Log { a, b } => to_f64(a) * (x / to_f64(b)).ln_1p(),
    }
}

/// The game's numbers as doubles.
struct Game<'p> {
    params: &'p Params,
    n: f64,
    before: f64,
    after: f64,
}

impl<'p> Game<'p> {
    fn new(params: &'p Params) -> Game<'p> {
        let (m, k) = (to_f64(params.m()), to_f64(params.k()));
        let (before, after) = match params.ext() {
            Extension::Discount { rho } => {
                let rho = to_f64(rho);
                let days = m.round() as i64;
                let cut = k.round() as i64;
                let mut weights = (0.0, 0.0);
                for t in 1..=days {
                    let w = rho.powi(t as i32);
                    if t <= cut {
                        weights.0 += w;
                    } else {
                        weights.1 += w;
                    }
                }
                weights
            }
            _ => (k, m - k),
        };
        Game {
            params,
            n: to_f64(params.n()),
            before,
            after,
        }
    }

    fn f(&self, x: f64) -> f64 {
        f(self.params.family(), x)
    }

    /// What one customer pays per day to a firm of size `size` against the open model `open`.
    fn price(&self, size: f64, open: f64) -> f64 {
        let lead = (self.f(size) - self.f(open)).max(0.0);
        match self.params.ext() {
            Extension::CustomerTypes { v, w } => {
                // Try each type's reservation price; keep the best revenue per customer.
                let v: Vec<f64> = v.iter().map(to_f64).collect();
                let w: Vec<f64> = w.iter().map(to_f64).collect();
                let mut best: f64 = 0.0;
                for price in v.iter().map(|vj| vj * lead) {
                    let buyers: f64 = v
                        .iter()
                        .zip(&w)
                        .filter(|(vi, _)| **vi * lead >= price * (1.0 - 1e-12))
                        .map(|(_, wi)| wi)
                        .sum();
                    best = best.max(price * buyers);
                }
                best
            }
            Extension::Duopoly { y2, s } => {
                let (y2, s) = (to_f64(y2), to_f64(s));
                let rival = self.f(y2).max(self.f(open));
                s / 2.0 * lead + (1.0 - s) * (self.f(size) - rival).max(0.0)
            }
            _ => lead,
        }
    }

    fn revenue(&self, size: f64) -> f64 {
        let (x, xp) = (to_f64(self.params.x()), to_f64(self.params.xp()));
        let after = match self.params.ext() {
            Extension::UncertainRelease { q } => {
                let q = to_f64(q);
                q * self.price(size, xp) + (1.0 - q) * self.price(size, x)
            }
            _ => self.price(size, xp),
        };
        self.n * (self.before * self.price(size, x) + self.after * after)
    }
}

/// Revenue at the closed size y.
pub fn revenue(params: &Params) -> f64 {
    Game::new(params).revenue(to_f64(params.y()))
}

/// The upgrade gain: revenue at z minus revenue at y.
pub fn gain(params: &Params) -> f64 {
    let g = Game::new(params);
    g.revenue(to_f64(params.z())) - g.revenue(to_f64(params.y()))
}

/// The best size and its profit, `None` when no size in `(x, cap]` is profitable.
pub fn best_size(params: &Params) -> Option<(f64, f64)> {
    let g = Game::new(params);
    let (x, cap) = (to_f64(params.x()), to_f64(params.cap()));
    let profit = |y: f64| g.revenue(y) - y;
    // A scan that is dense near x and spread geometrically toward cap.
    const POINTS: usize = 4000;
    let span = cap - x;
    let grid: Vec<f64> = (1..=POINTS)
        .map(|i| {
            let t = i as f64 / POINTS as f64;
            x + span * t * t * t
        })
        .collect();
    let values: Vec<f64> = grid.iter().map(|y| profit(*y)).collect();
    let mut best = (cap, profit(cap));
    for i in 0..POINTS {
        if values[i] > best.1 {
            best = (grid[i], values[i]);
        }
        // Refine around every local maximum of the scan.
        let left = if i == 0 { x } else { grid[i - 1] };
        let right = grid.get(i + 1).copied().unwrap_or(cap);
        let is_peak = (i == 0 || values[i] >= values[i - 1])
            && (i + 1 == POINTS || values[i] >= values[i + 1]);
        if is_peak {
            let y = golden(&profit, left, right, 1e-13);
            if profit(y) > best.1 {
                best = (y, profit(y));
            }
        }
    }
    (best.1 > 0.0).then_some(best)
}
