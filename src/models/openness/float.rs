//! An independent floating-point solver for the openness model: D's reply and G's openness by direct numerical maximization.
//!
//! Shares nothing with the exact path but the parameters: D's fine-tuning level solves its
//! first-order condition in floating point, G's release payoff is maximized over a dense grid
//! of openness with golden-section refinement (no closed form), and G's choice compares the
//! three options' floats.

use crate::exact::Rational;
use crate::exact::rational::to_f64;
use crate::models::search::golden;

use super::params::Params;

/// The float equilibrium: regime name, openness, final performance, utilities.
#[derive(Clone, Debug)]
pub struct FloatEquilibrium {
    pub regime: &'static str,
    pub omega: f64,
    pub alpha1: f64,
    pub u_g: f64,
    pub u_d: f64,
}

struct Game {
    r: f64,
    c0: f64,
    c1: f64,
    delta: f64,
    phi: f64,
    epsilon: f64,
    m: f64,
    alpha0: f64,
}

impl Game {
    fn d_utility(&self, omega: f64, alpha1: f64) -> f64 {
        let s = 1.0 - self.delta + self.delta * self.phi * omega;
        s * self.r * alpha1 - self.c1 * (alpha1 - self.alpha0).powi(2)
    }

    /// D's reply: the root of dU_D/dα1 = s·r − 2c1(α1 − α0), in floating point, checked
    /// against a golden-section search (a float cannot resolve a flat maximum better than
    /// ~1e-8, which the nested optimization over ω would amplify).
    fn reply(&self, omega: f64) -> f64 {
        let s = 1.0 - self.delta + self.delta * self.phi * omega;
        let root = self.alpha0 + s * self.r / (2.0 * self.c1);
        debug_assert!({
            let hi = self.alpha0 + self.r / self.c1 + 1.0;
            let searched = golden(&|a| self.d_utility(omega, a), self.alpha0, hi, 1e-12);
            (searched - root).abs() < 1e-5 * (1.0 + root.abs())
        });
        root
    }

    fn g_payoff(&self, omega: f64) -> f64 {
        let alpha1 = self.reply(omega);
        self.delta * (1.0 - self.phi * omega) * self.r * alpha1 + self.epsilon * omega
            - self.c0 * self.alpha0 * self.alpha0
            - self.m * (1.0 - omega)
    }

    /// The best openness in `[lo, hi]`: a grid, then golden refinement around the best point.
    fn best(&self, lo: f64, hi: f64) -> f64 {
        let n = 400;
        let mut best = lo;
        for k in 0..=n {
            let w = lo + (hi - lo) * k as f64 / n as f64;
            if self.g_payoff(w) > self.g_payoff(best) {
                best = w;
            }
        }
        let step = (hi - lo) / n as f64;
        golden(
            &|w| self.g_payoff(w),
            (best - step).max(lo),
            (best + step).min(hi),
            1e-12,
        )
    }
}

/// Solves the game in floating point.
pub fn solve(q: &Params<Rational>) -> FloatEquilibrium {
    let game = Game {
        r: to_f64(q.r()),
        c0: to_f64(q.c0()),
        c1: to_f64(q.c1()),
        delta: to_f64(q.delta()),
        phi: to_f64(q.phi()),
        epsilon: to_f64(q.epsilon()),
        m: to_f64(q.m()),
        alpha0: to_f64(q.alpha0()),
    };
    let (theta, p) = (to_f64(q.theta()), to_f64(q.p()));
    let free = game.best(0.0, 1.0);
    let v_n = game.g_payoff(free);
    let out = |regime, omega: f64, paid: f64| {
        let alpha1 = game.reply(omega);
        FloatEquilibrium {
            regime,
            omega,
            alpha1,
            u_g: game.g_payoff(omega) - paid,
            u_d: game.d_utility(omega, alpha1),
        }
    };
    let exit = |regime| FloatEquilibrium {
        regime,
        omega: 0.0,
        alpha1: 0.0,
        u_g: 0.0,
        u_d: 0.0,
    };
    if v_n < 0.0 {
        return exit("exit_unregulated");
    }
    if theta <= 0.0 || p <= 0.0 {
        return out("unregulated", free, 0.0);
    }
    if free >= theta {
        return out("slack", free, 0.0);
    }
    let comply_at = game.best(theta, 1.0);
    let comply = game.g_payoff(comply_at);
    let pay = v_n - p;
    if comply >= pay && comply >= 0.0 {
        out("comply", comply_at, 0.0)
    } else if pay >= 0.0 {
        out("pay", free, p)
    } else {
        exit("exit")
    }
}
