//! An independent floating-point solver: D's reply and G's choice by direct numerical maximization.
//!
//! Shares nothing with the exact path but the parameter struct. D's reply maximizes its utility
//! over its feasible quadrant by nested golden-section searches (with a grid over `u`). G's choice: for each `β0` on a grid (refined by golden section around the
//! best), the best `α0` by a golden-section search in which points where D would stay out
//! count as −∞. D's reply is computed once per `β0`: `α0` enters D's utility only additively.
//! Approximate by construction.

use super::params::Params;
use crate::models::search;

const GOLDEN_TOLERANCE: f64 = 1e-13;
const GRID: usize = 400;
const U_GRID: usize = 32;

/// An approximate equilibrium.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloatEquilibrium {
    pub alpha0: f64,
    pub beta0: f64,
    pub alpha1: f64,
    pub beta1: f64,
    pub u_g: f64,
    pub u_d: f64,
    pub participates: bool,
}

#[derive(Clone, Copy, Debug)]
struct Game {
    c0: [f64; 3],
    c1: [f64; 3],
    r: [f64; 2],
    delta: f64,
    theta: [f64; 2],
}

fn quad(c: &[f64; 3], a: f64, b: f64) -> f64 {
    c[0] * a * a + 2.0 * c[1] * a * b + c[2] * b * b
}

fn golden(f: &impl Fn(f64) -> f64, lo: f64, hi: f64) -> f64 {
    search::golden(f, lo, hi, GOLDEN_TOLERANCE)
}

fn golden_from(f: &impl Fn(f64) -> f64, lo: f64) -> f64 {
    search::golden_from(f, lo, GOLDEN_TOLERANCE)
}

impl Game {
    fn from(params: &Params) -> Game {
        let (c0, c1, r, delta, theta) = params.to_f64();
        Game {
            c0,
            c1,
            r,
            delta,
            theta,
        }
    }

    /// D's increment `(u, v)` given G's safety `β0`, and its utility gain `φ`: for each `u` the
    /// best `v ≥ floor` by golden section (φ is concave in `v`), and over `u ≥ 0` a grid then
    /// golden section (the profile need not be concave when `C1` is indefinite).
    fn reply(&self, beta0: f64) -> (f64, f64, f64) {
        let floor = (self.theta[1] - beta0).max(0.0);
        let m = [
            (1.0 - self.delta) * self.r[0],
            (1.0 - self.delta) * self.r[1],
        ];
        let phi = |u: f64, v: f64| m[0] * u + m[1] * v - quad(&self.c1, u, v);
        let best_v = |u: f64| golden_from(&|v| phi(u, v), floor);
        let profile = |u: f64| phi(u, best_v(u));
        let mut reach = 1.0;
        while profile(2.0 * reach) > profile(reach) && reach < 1e12 {
            reach *= 2.0;
        }
        let step = 2.0 * reach / U_GRID as f64;
        let best_grid = (0..=U_GRID)
            .map(|i| step * i as f64)
            .max_by(|a, b| profile(*a).total_cmp(&profile(*b)))
            .unwrap_or(0.0);
        let u = golden(&profile, (best_grid - step).max(0.0), best_grid + step);
        let v = best_v(u);
        (u, v, phi(u, v))
    }

    /// Both utilities at G's choice; G gets 0 when D stays out.
    fn outcome(&self, alpha0: f64, beta0: f64) -> FloatEquilibrium {
        let (u, v, gain) = self.reply(beta0);
        let revenue = self.r[0] * (alpha0 + u) + self.r[1] * (beta0 + v);
        let u_d = (1.0 - self.delta) * (self.r[0] * alpha0 + self.r[1] * beta0) + gain;
        let u_g = self.delta * revenue - quad(&self.c0, alpha0, beta0);
        let participates = u_d >= 0.0;
        FloatEquilibrium {
            alpha0,
            beta0,
            alpha1: alpha0 + u,
            beta1: beta0 + v,
            u_g: if participates { u_g } else { 0.0 },
            u_d: if participates { u_d } else { 0.0 },
            participates,
        }
    }

    /// G's best `α0` at `β0` and its utility (−∞ when D stays out for every `α0`).
    fn best_alpha(&self, beta0: f64) -> (f64, f64) {
        let (u, v, gain) = self.reply(beta0);
        let value = |alpha0: f64| {
            let u_d = (1.0 - self.delta) * (self.r[0] * alpha0 + self.r[1] * beta0) + gain;
            if u_d < 0.0 {
                return f64::NEG_INFINITY;
            }
            let revenue = self.r[0] * (alpha0 + u) + self.r[1] * (beta0 + v);
            self.delta * revenue - quad(&self.c0, alpha0, beta0)
        };
        // D's utility rises with α0: find the least α0 that keeps D in, then search above it.
        let keeps_d = |alpha0: f64| value(alpha0).is_finite();
        let mut feasible = 0.0;
        if !keeps_d(0.0) {
            let mut high = 1.0;
            while !keeps_d(high) {
                high *= 2.0;
                if high > 1e12 {
                    return (0.0, f64::NEG_INFINITY);
                }
            }
            let mut low = 0.0;
            for _ in 0..200 {
                let mid = (low + high) / 2.0;
                if keeps_d(mid) { high = mid } else { low = mid }
            }
            feasible = high;
        }
        let alpha0 = golden_from(&value, feasible);
        (alpha0, value(alpha0))
    }

    fn solve(&self) -> FloatEquilibrium {
        // Beyond this G's costs outgrow any revenue: `γᵀCγ ≥ μ|γ|²` on the quadrant, with μ the
        // least value of the form on the unit quarter circle (sampled).
        let least = |c: &[f64; 3]| {
            (0..=1000)
                .map(|k| {
                    let t = std::f64::consts::FRAC_PI_2 * k as f64 / 1000.0;
                    quad(c, t.cos(), t.sin())
                })
                .fold(f64::INFINITY, f64::min)
                * 0.5
        };
        let revenue = 1.0 + self.r[0] + self.r[1];
        let scale = revenue / least(&self.c0) + revenue / least(&self.c1);
        let (lo, hi) = (
            self.theta[0],
            self.theta[1].max(self.theta[0]) + 2.0 * scale,
        );
        let step = (hi - lo) / GRID as f64;
        let grid: Vec<(f64, f64)> = (0..=GRID)
            .map(|j| lo + step * j as f64)
            .map(|b| (b, self.best_alpha(b).1))
            .collect();
        // Refine around every local maximum of the grid, inside the stretch where D can be
        // kept in (the optimum often sits exactly on that stretch's edge); keep the best.
        let value = |b: f64| self.best_alpha(b).1;
        let edge = |inside: f64, outside: f64| {
            let (mut inside, mut outside) = (inside, outside);
            for _ in 0..200 {
                let mid = (inside + outside) / 2.0;
                if value(mid).is_finite() {
                    inside = mid
                } else {
                    outside = mid
                }
            }
            inside
        };
        let peaks = (0..grid.len()).filter(|&j| {
            let v = grid[j].1;
            v.is_finite()
                && (j == 0 || grid[j - 1].1 <= v)
                && (j + 1 == grid.len() || grid[j + 1].1 <= v)
        });
        let mut beta0 = lo;
        let mut best = f64::NEG_INFINITY;
        for j in peaks {
            let centre = grid[j].0;
            let (mut a, mut b) = ((centre - step).max(lo), centre + step);
            if !value(a).is_finite() {
                a = edge(centre, a);
            }
            if !value(b).is_finite() {
                b = edge(centre, b);
            }
            let candidate = golden(&value, a, b);
            let v = value(candidate);
            if v > best {
                best = v;
                beta0 = candidate;
            }
        }
        let (alpha0, value) = self.best_alpha(beta0);
        let outcome = self.outcome(alpha0, beta0);
        if !value.is_finite() || value < 0.0 || !outcome.participates {
            return FloatEquilibrium {
                alpha0: 0.0,
                beta0: 0.0,
                alpha1: 0.0,
                beta1: 0.0,
                u_g: 0.0,
                u_d: 0.0,
                participates: false,
            };
        }
        outcome
    }
}

/// The approximate equilibrium.
pub fn solve(params: &Params) -> FloatEquilibrium {
    Game::from(params).solve()
}

/// D's approximate best increment `(u, v)` to a base model with safety `beta0`.
pub fn reply(params: &Params, beta0: f64) -> (f64, f64) {
    let (u, v, _) = Game::from(params).reply(beta0);
    (u, v)
}
