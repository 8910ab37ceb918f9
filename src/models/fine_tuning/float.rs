//! An independent floating-point solver: the same utilities maximized numerically (cross-check and speed baseline).
//!
//! Shares nothing with the exact path but the parameter struct: best replies come from a
//! bracketing search plus golden-section maximization of each player's utility, bargains from a
//! grid plus golden-section refinement. Its answers are approximate by construction.

use super::params::Params;
use crate::models::search;

/// Relative tolerance of the golden-section searches.
const TOLERANCE: f64 = 1e-12;
/// Grid points used to bracket a maximum over a share interval.
const GRID: usize = 200;

/// The model's parameters as doubles.
#[derive(Clone, Copy, Debug)]
struct Game {
    c0: f64,
    c1: f64,
    r: f64,
    k0: i32,
    k1: i32,
}

/// An approximate equilibrium.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloatEquilibrium {
    pub alpha0: f64,
    pub alpha1: f64,
    pub u_g: f64,
    pub u_d: f64,
}

/// An approximate bargain: the share, and what it induces.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloatSolution {
    pub name: &'static str,
    pub delta: f64,
    pub outcome: FloatEquilibrium,
}

/// The approximate bargaining analysis.
#[derive(Clone, Debug)]
pub struct FloatBargain {
    pub pareto: (f64, f64),
    pub solutions: Vec<FloatSolution>,
    pub monopoly_joint: f64,
}

impl FloatBargain {
    /// The solution called `name`.
    pub fn solution(&self, name: &str) -> Option<&FloatSolution> {
        self.solutions.iter().find(|s| s.name == name)
    }
}

fn golden_max(f: impl Fn(f64) -> f64, lo: f64, hi: f64) -> f64 {
    search::golden(&f, lo, hi, TOLERANCE)
}

fn max_on_half_line(f: impl Fn(f64) -> f64) -> f64 {
    search::golden_from(&f, 0.0, TOLERANCE)
}

/// Maximizes `f` on `[lo, hi]` by a grid, then golden section around the best grid point.
fn grid_max(f: impl Fn(f64) -> f64, lo: f64, hi: f64) -> f64 {
    if hi <= lo {
        return lo;
    }
    let step = (hi - lo) / GRID as f64;
    let best = (0..=GRID)
        .max_by(|i, j| f(lo + *i as f64 * step).total_cmp(&f(lo + *j as f64 * step)))
        .unwrap_or(0);
    let a = (lo + (best as f64 - 1.0) * step).max(lo);
    let b = (lo + (best as f64 + 1.0) * step).min(hi);
    golden_max(f, a, b)
}

impl Game {
    fn from(params: &Params) -> Game {
        let (c0, c1, r, k0, k1) = params.to_f64();
        Game { c0, c1, r, k0, k1 }
    }

    fn solve(&self, delta: f64) -> FloatEquilibrium {
        let d_utility =
            |alpha0: f64, t: f64| (1.0 - delta) * self.r * (alpha0 + t) - self.c1 * t.powi(self.k1);
        // D's best increment, found numerically for the base model G would choose.
        let reply = |alpha0: f64| max_on_half_line(|t| d_utility(alpha0, t));
        let g_utility = |alpha0: f64| {
            let t = reply(alpha0);
            delta * self.r * (alpha0 + t) - self.c0 * alpha0.powi(self.k0)
        };
        // D's reply does not move with α0 here (α0 enters its utility additively), so the
        // outer search evaluates it once and checks it at the optimum.
        let t0 = reply(0.0);
        let alpha0 = max_on_half_line(|a| delta * self.r * (a + t0) - self.c0 * a.powi(self.k0));
        let t = reply(alpha0);
        let (u_g, u_d) = (g_utility(alpha0), d_utility(alpha0, t));
        if u_g < 0.0 || u_d < 0.0 {
            return FloatEquilibrium {
                alpha0: 0.0,
                alpha1: 0.0,
                u_g: 0.0,
                u_d: 0.0,
            };
        }
        FloatEquilibrium {
            alpha0,
            alpha1: alpha0 + t,
            u_g,
            u_d,
        }
    }
}

/// The approximate equilibrium at share `delta`.
pub fn solve(params: &Params, delta: f64) -> FloatEquilibrium {
    Game::from(params).solve(delta)
}

/// The approximate bargaining analysis: ideals, Pareto set, every named solution.
pub fn bargain(params: &Params) -> FloatBargain {
    let game = Game::from(params);
    let at = |delta: f64| game.solve(delta);
    let g_ideal = grid_max(|d| at(d).u_g, 0.0, 1.0);
    let d_ideal = grid_max(|d| at(d).u_d, 0.0, 1.0);
    let (lo, hi) = (g_ideal.min(d_ideal), g_ideal.max(d_ideal));
    let nash = grid_max(
        |d| {
            let e = at(d);
            e.u_g * e.u_d
        },
        lo,
        hi,
    );
    let egalitarian = grid_max(
        |d| {
            let e = at(d);
            e.u_g.min(e.u_d)
        },
        lo,
        hi,
    );
    let utilitarian = grid_max(
        |d| {
            let e = at(d);
            e.u_g + e.u_d
        },
        lo,
        hi,
    );
    let max_alpha1 = grid_max(|d| at(d).alpha1, lo, hi);
    let (g_max, d_max) = (at(g_ideal).u_g, at(d_ideal).u_d);
    let ks_gap = |d: f64| {
        let e = at(d);
        e.u_g / g_max - e.u_d / d_max
    };
    let (mut a, mut b) = (lo, hi);
    for _ in 0..100 {
        let mid = (a + b) / 2.0;
        if (ks_gap(mid) < 0.0) == (ks_gap(lo) < 0.0) {
            a = mid
        } else {
            b = mid
        }
    }
    let kalai_smorodinsky = (a + b) / 2.0;
    let monopoly = |c: f64, k: i32| {
        let e = max_on_half_line(|e| game.r * e - c * e.powi(k));
        game.r * e - c * e.powi(k)
    };
    let solutions = [
        ("nash", nash),
        ("egalitarian", egalitarian),
        ("utilitarian", utilitarian),
        ("kalai_smorodinsky", kalai_smorodinsky),
        ("max_alpha1", max_alpha1),
        ("g_ideal", g_ideal),
        ("d_ideal", d_ideal),
    ]
    .into_iter()
    .map(|(name, delta)| FloatSolution {
        name,
        delta,
        outcome: at(delta),
    })
    .collect();
    FloatBargain {
        pareto: (lo, hi),
        solutions,
        monopoly_joint: monopoly(game.c0, game.k0) + monopoly(game.c1, game.k1),
    }
}
