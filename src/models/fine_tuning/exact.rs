//! The exact subgame-perfect equilibrium of the one-specialist fine-tuning game at a given share.
//!
//! Backward induction. D, given `α0`, picks the increment `t = α1 − α0 ≥ 0` maximizing
//! `(1−δ)·r·t − c1·t^k1` (its utility minus the constant `(1−δ)·r·α0`); G, knowing that reply
//! does not depend on `α0`, picks `α0 ≥ 0` maximizing `δ·r·α0 − c0·α0^k0` (plus the constant
//! `δ·r·t`). Both are maximizations of `m·e − c·e^k` over `e ≥ 0`, strictly concave for `k ≥ 2`:
//! the maximizer is 0 when `m ≤ 0`, else the positive root of `k·c·e^(k−1) = m`.

use std::cmp::Ordering;

use crate::exact::rational::{int, one};
use crate::exact::{Algebraic, Poly, Rational};

use crate::models::tie::Tie;

use super::params::Params;
use super::regimes::{Generalist, Specialist};

/// The equilibrium at one share `delta`, every value exact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Equilibrium {
    pub delta: Rational,
    pub alpha0: Algebraic,
    pub alpha1: Algebraic,
    pub u_g: Algebraic,
    pub u_d: Algebraic,
    pub generalist: Generalist,
    pub specialist: Specialist,
    /// The ties resolved: a player at utility exactly 0 participates (staying out would give
    /// both players 0).
    pub ties: Vec<Tie>,
}

/// `argmax_{e ≥ 0} m·e − c·e^k` for `c > 0`, `k ≥ 2`, exactly.
pub fn best_effort(m: &Rational, c: &Rational, k: u32) -> Algebraic {
    if *m <= 0 {
        return Algebraic::from_rational(int(0));
    }
    // k·c·e^(k−1) − m = 0 has one positive root, below max(1, m / (k c)).
    let target = m / (c * Rational::from(k));
    let poly = &Poly::monomial(one(), (k - 1) as usize) - &Poly::constant(target.clone());
    let upper = if target > 1 { target } else { one() };
    Algebraic::root_of(&poly, &int(0), &upper)
        .expect("x^(k-1) = q > 0 has one root in [0, max(1, q)]")
}

/// The value `m·e − c·e^k` of an effort, exactly.
pub fn net(m: &Rational, c: &Rational, k: u32, e: &Algebraic) -> Algebraic {
    let objective = &Poly::monomial(m.clone(), 1) - &Poly::monomial(c.clone(), k as usize);
    e.map_poly(&objective)
}

/// The subgame-perfect equilibrium at `delta` (which must lie in `[0, 1]`).
pub fn solve(params: &Params, delta: &Rational) -> Equilibrium {
    let r = params.r();
    let g_margin = delta * r;
    let d_margin = (one() - delta) * r;
    let increment = best_effort(&d_margin, params.c1(), params.k1());
    // D's utility is (1−δ)·r·α0 + its net gain on the increment; the gain is ≥ 0 (t = 0 is
    // available), so D participates whatever α0 ≥ 0 G chooses.
    let d_gain = net(&d_margin, params.c1(), params.k1(), &increment);
    let zero = Algebraic::from_rational(int(0));
    let alpha0 = best_effort(&g_margin, params.c0(), params.k0());
    let u_g = net(&g_margin, params.c0(), params.k0(), &alpha0)
        .add(&increment.mul(&Algebraic::from_rational(g_margin.clone())));
    if u_g.sign() == Ordering::Less || d_gain.sign() == Ordering::Less {
        return Equilibrium {
            delta: delta.clone(),
            alpha0: zero.clone(),
            alpha1: zero.clone(),
            u_g: zero.clone(),
            u_d: zero,
            generalist: Generalist::Abstains,
            specialist: Specialist::Abstainer,
            ties: Vec::new(),
        };
    }
    let u_d = alpha0
        .mul(&Algebraic::from_rational(d_margin.clone()))
        .add(&d_gain);
    let generalist = if alpha0.sign() == Ordering::Greater {
        Generalist::Invests
    } else {
        Generalist::ZeroEffort
    };
    let specialist = if increment.sign() == Ordering::Greater {
        Specialist::Contributor
    } else {
        Specialist::FreeRider
    };
    let mut ties = Vec::new();
    if u_g.sign() == Ordering::Equal {
        ties.push(Tie::participation("G", "both get 0"));
    }
    if u_d.sign() == Ordering::Equal {
        ties.push(Tie::participation("D", "both get 0"));
    }
    Equilibrium {
        delta: delta.clone(),
        alpha1: alpha0.add(&increment),
        alpha0,
        u_g,
        u_d,
        generalist,
        specialist,
        ties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    #[test]
    fn quadratic_equilibrium_is_rational() {
        let params = Params::quadratic(int(1), int(2), int(1)).unwrap();
        let spe = solve(&params, &ratio(1, 2));
        // α0 = δr/(2c0) = 1/4, α1 = α0 + (1−δ)r/(2c1) = 1/4 + 1/8.
        assert_eq!(spe.alpha0.as_rational(), Some(&ratio(1, 4)));
        assert_eq!(spe.alpha1.as_rational(), Some(&ratio(3, 8)));
        assert_eq!(spe.u_g.as_rational(), Some(&ratio(1, 8)));
        assert_eq!(spe.u_d.as_rational(), Some(&ratio(5, 32)));
        assert_eq!(
            (spe.generalist, spe.specialist),
            (Generalist::Invests, Specialist::Contributor)
        );
    }

    #[test]
    fn corner_shares() {
        let params = Params::quadratic(int(1), int(2), int(1)).unwrap();
        let all_to_d = solve(&params, &int(0));
        assert_eq!(all_to_d.generalist, Generalist::ZeroEffort);
        assert_eq!(all_to_d.u_g.as_rational(), Some(&int(0)));
        assert_eq!(all_to_d.ties.len(), 1);
        assert_eq!(all_to_d.ties[0].player, "G");
        let all_to_g = solve(&params, &int(1));
        assert_eq!(all_to_g.specialist, Specialist::FreeRider);
        assert_eq!(all_to_g.u_d.as_rational(), Some(&int(0)));
        assert_eq!(
            all_to_g.ties[0].to_string(),
            "D: participates (utility 0) over stays out (both get 0) (participate when indifferent)"
        );
        assert!(solve(&params, &ratio(1, 2)).ties.is_empty());
    }

    #[test]
    fn cubic_costs_give_square_roots() {
        // k0 = k1 = 3, c0 = c1 = 1, r = 1, δ = 1/2: α0 = sqrt(1/6), t = sqrt(1/6).
        let params = Params::new(int(1), int(1), int(1), 3, 3).unwrap();
        let spe = solve(&params, &ratio(1, 2));
        assert_eq!(spe.alpha0.closed_form().unwrap(), "sqrt(6)/6");
        assert_eq!(spe.alpha1.closed_form().unwrap(), "sqrt(6)/3");
    }
}
