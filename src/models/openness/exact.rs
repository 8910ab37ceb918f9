//! The exact equilibrium of the openness model: D's reply, G's release payoff from the utilities, G's choice among complying, paying and exiting.
//!
//! Everything is computed from the model's definitions over an exact field `F` (rationals, or
//! real algebraic numbers to evaluate at an exact boundary): D's best reply to openness `ω`,
//! then G's release payoff `Π(ω)` — a quadratic whose coefficients are read off `Π` at three
//! points, not copied from the spec's closed forms (the claims in `proofs/` compare the two).
//! G's choice compares payoffs exactly with the spec's ties: comply ≻ pay ≻ exit, and G
//! releases at payoff 0.

use crate::exact::field::OrderedField;
use crate::exact::{Algebraic, Rational, real_roots};

use crate::models::tie::Tie;

use super::params::Params;
use super::regimes::Regime;

/// The equilibrium (openness, performance and utilities are 0 when G exits).
#[derive(Clone, Debug, PartialEq)]
pub struct Equilibrium<F> {
    pub regime: Regime,
    pub omega: F,
    pub alpha1: F,
    pub u_g: F,
    pub u_d: F,
    pub derived: Derived<F>,
    /// The ties G's rules resolved: comply over paying at equal payoff, releasing at payoff 0.
    pub ties: Vec<Tie>,
}

/// G's release payoff and the unregulated benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived<F> {
    /// `Π(ω) = pi0 + g·ω − a·ω²`.
    pub a: F,
    pub g: F,
    pub pi0: F,
    pub omega_tilde: F,
    pub omega_n: F,
    pub v_n: F,
    /// The baseline performance at which the unclipped optimum reaches 0.
    pub alpha_hi: F,
    /// How much the unclipped optimum moves per unit of baseline performance (it is linear in α0).
    pub omega_tilde_slope: F,
    /// `Π(θ)` and the indifference penalty `p*(θ) = V_N − Π(θ)`.
    pub pi_theta: F,
    pub p_star: F,
}

fn half<F: OrderedField>() -> F {
    F::one().over(&F::one().plus(&F::one()))
}

fn two<F: OrderedField>() -> F {
    F::one().plus(&F::one())
}

/// D's best reply to openness `ω`: `(α1, U_D)`. `U_D` is a concave quadratic in `α1` with
/// the unique maximizer `α0 + r·s/(2c1) ≥ α0`, `s = 1 − δ + δφω > 0`.
pub fn reply<F: OrderedField>(q: &Params<F>, omega: &F) -> (F, F) {
    let s = F::one()
        .minus(q.delta())
        .plus(&q.delta().times(q.phi()).times(omega));
    let alpha1 = q
        .alpha0()
        .plus(&q.r().times(&s).over(&two::<F>().times(q.c1())));
    let step = alpha1.minus(q.alpha0());
    let u_d = s
        .times(q.r())
        .times(&alpha1)
        .minus(&q.c1().times(&step).times(&step));
    (alpha1, u_d)
}

/// G's payoff from releasing at openness `ω` (before any penalty), D replying optimally.
pub fn release_payoff<F: OrderedField>(q: &Params<F>, omega: &F) -> F {
    let (alpha1, _) = reply(q, omega);
    let share = q.delta().times(&F::one().minus(&q.phi().times(omega)));
    share
        .times(q.r())
        .times(&alpha1)
        .plus(&q.epsilon().times(omega))
        .minus(&q.c0().times(q.alpha0()).times(q.alpha0()))
        .minus(&q.m().times(&F::one().minus(omega)))
}

/// The quadratic `Π` and the unregulated optimum.
pub fn derived<F: OrderedField>(q: &Params<F>) -> Derived<F> {
    let pi0 = release_payoff(q, &F::zero());
    let d1 = release_payoff(q, &F::one()).minus(&pi0);
    let d2 = release_payoff(q, &half()).minus(&pi0);
    // Π(1) − Π(0) = g − a and Π(1/2) − Π(0) = g/2 − a/4.
    let a = two::<F>().times(&two::<F>().times(&d2).minus(&d1));
    let g = d1.plus(&a);
    let omega_tilde = g.over(&two::<F>().times(&a));
    let omega_n = if omega_tilde.sign().is_lt() {
        F::zero()
    } else if omega_tilde > F::one() {
        F::one()
    } else {
        omega_tilde.clone()
    };
    let v_n = release_payoff(q, &omega_n);
    // ω̃ is linear in α0: its slope, read off one unit step, locates where it reaches 0.
    let step = q.with("alpha0", q.alpha0().plus(&F::one()));
    let p1 = release_payoff(&step, &F::zero());
    let (d1s, d2s) = (
        release_payoff(&step, &F::one()).minus(&p1),
        release_payoff(&step, &half()).minus(&p1),
    );
    let a_s = two::<F>().times(&two::<F>().times(&d2s).minus(&d1s));
    let tilde_step = d1s.plus(&a_s).over(&two::<F>().times(&a_s));
    let slope = tilde_step.minus(&omega_tilde);
    let alpha_hi = q.alpha0().minus(&omega_tilde.over(&slope));
    let pi_theta = release_payoff(q, q.theta());
    let p_star = v_n.minus(&pi_theta);
    Derived {
        a,
        g,
        pi0,
        omega_tilde,
        omega_n,
        v_n,
        alpha_hi,
        omega_tilde_slope: slope,
        pi_theta,
        p_star,
    }
}

/// The equilibrium: G compares releasing (complying, or paying), and exiting, exactly.
pub fn solve<F: OrderedField>(q: &Params<F>) -> Equilibrium<F> {
    let d = derived(q);
    let regulated = q.theta().sign().is_gt() && q.p().sign().is_gt();
    let release = |regime: Regime, omega: F, paid: F| {
        let (alpha1, u_d) = reply(q, &omega);
        let u_g = release_payoff(q, &omega).minus(&paid);
        (regime, omega, alpha1, u_g, u_d)
    };
    let exit = |regime: Regime| (regime, F::zero(), F::zero(), F::zero(), F::zero());
    let mut ties = Vec::new();
    let (regime, omega, alpha1, u_g, u_d) = if d.v_n.sign().is_lt() {
        exit(Regime::ExitUnregulated)
    } else if !regulated {
        release(Regime::Unregulated, d.omega_n.clone(), F::zero())
    } else if q.theta() <= &d.omega_n {
        release(Regime::Slack, d.omega_n.clone(), F::zero())
    } else {
        // Complying releases at ω = θ (Π is concave and falls beyond ω_N); paying keeps ω_N.
        let comply = d.pi_theta.clone();
        let pay = d.v_n.minus(q.p());
        if comply == pay && comply.sign().is_ge() {
            ties.push(
                Tie::new(
                    "G",
                    "comply (release at theta)",
                    "equal payoff; comply before paying",
                )
                .over("pay the penalty (release at omega_N)"),
            );
        }
        if comply >= pay && comply.sign().is_ge() {
            release(Regime::Comply, q.theta().clone(), F::zero())
        } else if pay.sign().is_ge() {
            release(Regime::Pay, d.omega_n.clone(), q.p().clone())
        } else {
            exit(Regime::Exit)
        }
    };
    if regime.releases() && u_g.sign().is_eq() {
        ties.push(Tie::new("G", "releases (payoff 0)", "release when indifferent").over("exit"));
    }
    Equilibrium {
        regime,
        omega,
        alpha1,
        u_g,
        u_d,
        derived: d,
        ties,
    }
}

/// The boundary locations of a rational game, as exact algebraic numbers (`None` where the
/// boundary does not exist).
#[derive(Clone, Debug, PartialEq)]
pub struct Boundaries {
    /// The highest threshold G still meets at penalty `p`: the larger root of `Π(x) = V_N − p`.
    pub theta_p: Option<Algebraic>,
    /// Beyond it complying is unprofitable: the larger root of `Π(x) = 0`.
    pub theta_x: Option<Algebraic>,
    /// The baseline performance at which G is indifferent between complying and paying.
    pub alpha0_dagger: Option<Algebraic>,
    /// Below it the threshold does not bind (`ω̃ = θ`).
    pub alpha0_s: Algebraic,
}

fn larger_root(p: &crate::exact::Poly) -> Option<Algebraic> {
    real_roots(p).into_iter().map(|r| r.value).max()
}

/// The boundaries of a rational game, from its derived quadratic.
pub fn boundaries(q: &Params<Rational>) -> Boundaries {
    use crate::exact::Poly;
    let d = derived(q);
    let pi = Poly::new(vec![d.pi0.clone(), d.g.clone(), -d.a.clone()]);
    let theta_p = larger_root(&(&pi - &Poly::constant(&d.v_n - q.p())));
    let theta_x = larger_root(&pi);
    let slope = d.omega_tilde_slope.clone();
    let alpha0_s = Algebraic::from_rational(q.alpha0() + (q.theta() - &d.omega_tilde) / &slope);
    let a_theta2 = &d.a * q.theta() * q.theta();
    let alpha0_dagger = if q.theta() <= &0 {
        None
    } else if q.p() <= &a_theta2 {
        // Interior piece: V_N − Π(θ) = a·(θ − ω̃)², so θ − ω̃(α0†) = √(p/a).
        (|| {
            let root = Algebraic::from_rational(q.p() / &d.a).sqrt()?;
            let target = Algebraic::from_rational(q.theta().clone()).sub(&root);
            let shift = target
                .sub(&Algebraic::from_rational(d.omega_tilde.clone()))
                .div(&Algebraic::from_rational(slope.clone()))?;
            Some(Algebraic::from_rational(q.alpha0().clone()).add(&shift))
        })()
    } else {
        // ω_N = 0: p* = a·θ² − g(α0)·θ with g moving as 2a times ω̃'s slope.
        let g_slope = Rational::from(2) * &d.a * &slope;
        let g_target = (&a_theta2 - q.p()) / q.theta();
        Some(Algebraic::from_rational(
            q.alpha0() + (g_target - &d.g) / g_slope,
        ))
    };
    Boundaries {
        theta_p,
        theta_x,
        alpha0_dagger,
        alpha0_s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    fn base(alpha0: Rational, theta: Rational, p: Rational) -> Params<Rational> {
        Params::base()
            .with_checked("alpha0", alpha0)
            .and_then(|q| q.with_checked("theta", theta))
            .and_then(|q| q.with_checked("p", p))
            .unwrap()
    }

    #[test]
    fn the_spec_check_table() {
        // (α0, θ, p, regime, ω, α1, U_G, U_D) — computed, compared with the spec's table.
        let rows = [
            (
                ratio(1, 4),
                int(0),
                int(0),
                Regime::Unregulated,
                int(1),
                int(1),
                ratio(19, 32),
                ratio(15, 32),
            ),
            (
                int(1),
                int(0),
                int(0),
                Regime::Unregulated,
                ratio(1, 2),
                ratio(3, 2),
                ratio(3, 8),
                ratio(5, 8),
            ),
            (
                int(1),
                ratio(2, 5),
                ratio(1, 10),
                Regime::Slack,
                ratio(1, 2),
                ratio(3, 2),
                ratio(3, 8),
                ratio(5, 8),
            ),
            (
                int(1),
                ratio(3, 4),
                ratio(1, 32),
                Regime::Comply,
                ratio(3, 4),
                ratio(13, 8),
                ratio(23, 64),
                ratio(105, 128),
            ),
            (
                int(1),
                ratio(3, 4),
                ratio(1, 256),
                Regime::Pay,
                ratio(1, 2),
                ratio(3, 2),
                ratio(95, 256),
                ratio(5, 8),
            ),
            (
                int(1),
                ratio(9, 16),
                ratio(1, 256),
                Regime::Comply,
                ratio(9, 16),
                ratio(49, 32),
                ratio(383, 1024),
                ratio(1377, 2048),
            ),
        ];
        for (alpha0, theta, p, regime, omega, alpha1, u_g, u_d) in rows {
            let e = solve(&base(alpha0.clone(), theta.clone(), p.clone()));
            assert_eq!(
                (e.regime, e.omega, e.alpha1, e.u_g, e.u_d),
                (regime, omega, alpha1, u_g, u_d),
                "alpha0 = {alpha0}, theta = {theta}, p = {p}"
            );
        }
        let d = derived(&base(int(1), int(0), int(0)));
        assert_eq!((d.a, d.alpha_hi), (ratio(1, 4), ratio(3, 2)));
    }
}
