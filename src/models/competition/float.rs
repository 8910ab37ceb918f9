//! An independent `f64` solver for the competition model: L's effort by a dense search with F's entry reply at every effort, refined by golden section and bisection onto the entry boundary.

use crate::exact::rational::to_f64;
use crate::models::search::golden;

use super::params::Params;

/// The float equilibrium of the baseline market.
#[derive(Clone, Debug)]
pub struct Float {
    pub e: f64,
    pub entered: bool,
    pub cs: f64,
    pub pi_l: f64,
    pub pi_f: f64,
    pub pi_d0: f64,
    pub w: f64,
    pub regime: &'static str,
}

struct Game {
    a: f64,
    c: f64,
    k: f64,
    kappa: f64,
    omega: f64,
}

impl Game {
    /// F's quantity if it adopts, from the two Cournot first-order conditions.
    fn q_f(&self, e: f64) -> f64 {
        let (s_l, s_f) = (e, self.omega * e);
        (self.a - self.c + 2.0 * s_f - s_l) / 3.0
    }

    /// Strict entry: F adopts only if its Cournot profit beats the adoption cost.
    fn enters(&self, e: f64) -> bool {
        let q = self.q_f(e);
        q > 0.0 && q * q > (self.kappa * (1.0 - self.omega)).powi(2)
    }

    fn leader(&self, e: f64, entered: bool) -> f64 {
        let q_l = if entered {
            (self.a - self.c + 2.0 * e - self.omega * e) / 3.0
        } else {
            (self.a - self.c + e) / 2.0
        };
        q_l * q_l - self.k * e * e / 2.0
    }

    fn payoff(&self, e: f64) -> f64 {
        self.leader(e, self.enters(e))
    }
}

/// Solves the baseline market at `p.omega` in floating point.
pub fn solve(p: &Params) -> Float {
    let g = Game {
        a: to_f64(p.a()),
        c: to_f64(p.c()),
        k: to_f64(p.k()),
        kappa: to_f64(p.kappa()),
        omega: to_f64(p.omega()),
    };
    let hi = 4.0 * g.a / (9.0 * g.k - 8.0).max(1e-9) + 2.0 * g.a / (2.0 * g.k - 1.0);
    const N: usize = 20_000;
    let grid: Vec<f64> = (0..=N).map(|i| hi * i as f64 / N as f64).collect();
    let mut best = (0.0, g.payoff(0.0));
    let mut consider = |e: f64| {
        let v = g.payoff(e);
        if v > best.1 {
            best = (e, v);
        }
    };
    let values: Vec<f64> = grid.iter().map(|e| g.payoff(*e)).collect();
    let top = (0..=N)
        .max_by(|i, j| values[*i].total_cmp(&values[*j]))
        .unwrap_or(0);
    for i in 0..=N {
        consider(grid[i]);
        // Onto the entry boundary from the side where F stays out.
        if i < N && g.enters(grid[i]) != g.enters(grid[i + 1]) {
            let (mut lo, mut hi) = (grid[i], grid[i + 1]);
            for _ in 0..200 {
                let mid = (lo + hi) / 2.0;
                if g.enters(mid) == g.enters(grid[i]) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            consider(if g.enters(grid[i]) { hi } else { lo });
        }
    }
    // Refine around the best grid point within one reply of F.
    let (l, r) = (grid[top.saturating_sub(1)], grid[(top + 1).min(N)]);
    let entered = g.enters(grid[top]);
    let e = golden(&|e| g.leader(e, entered), l, r, 1e-14);
    if g.enters(e) == entered {
        consider(e);
    }
    let (e, pi_l) = best;
    let entered = g.enters(e);
    let q_f = if entered { g.q_f(e) } else { 0.0 };
    let q_l = if entered {
        (g.a - g.c + (2.0 - g.omega) * e) / 3.0
    } else {
        (g.a - g.c + e) / 2.0
    };
    let total = q_l + q_f;
    let pi_f = if entered {
        q_f * q_f - (g.kappa * (1.0 - g.omega)).powi(2)
    } else {
        0.0
    };
    let monopoly = (g.a - g.c) / (2.0 * g.k - 1.0);
    let regime = if entered {
        "accommodation"
    } else if (e - monopoly).abs() <= 1e-9 * (1.0 + monopoly) {
        "blockade"
    } else {
        "deterrence"
    };
    let cs = total * total / 2.0;
    let pi_d0 = g.c * total;
    Float {
        e,
        entered,
        cs,
        pi_l,
        pi_f,
        pi_d0,
        w: cs + pi_l + pi_f + pi_d0,
        regime,
    }
}
