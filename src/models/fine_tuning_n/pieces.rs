//! Equilibrium forms along a common share δ: which rule fixes G's α0, who participates and who contributes, and every utility as an exact rational function of δ for that form.
//!
//! With one share δ for every domain, each equilibrium has a [`Key`]: G's rule (abstain, α0 = 0,
//! α0 = a domain's participation threshold τ_j(δ), or its interior optimum δ·R/(2c0) for the
//! participants' revenue R), the participants and the contributors. While the key is fixed,
//! α0 = A(δ)/B(δ) with B = 1 or B = r_j·(1 − δ), so every utility is a polynomial over B².
//! [`Formula`] holds those polynomials; `bargain.rs` maximizes and compares them exactly.

use crate::exact::Rational;
use crate::exact::poly::Poly;
use crate::exact::rational::{int, zero};

use super::exact::{Equilibrium, threshold};
use super::params::Params;
use super::regimes::Regime;

/// How G's α0 is fixed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// G abstains; everybody gets 0.
    Abstain,
    /// α0 = 0.
    Zero,
    /// α0 = τ_j(δ): G invests exactly enough to pull domain `j` (0-based) in.
    Threshold(usize),
    /// α0 = δ·R/(2c0), the optimum of G's piece for the participants' revenue R.
    Interior,
}

/// An equilibrium's form: G's rule, and per domain whether it participates and contributes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub rule: Rule,
    pub participants: Vec<bool>,
    pub contributors: Vec<bool>,
}

/// The key of `e`, the equilibrium of `q`.
pub fn key_of(q: &Params, e: &Equilibrium) -> Key {
    let participants: Vec<bool> = e
        .domains
        .iter()
        .map(|o| o.regime != Regime::Abstainer)
        .collect();
    let contributors = e
        .domains
        .iter()
        .map(|o| o.regime == Regime::Contributor)
        .collect();
    let rule = if !e.g_participates {
        Rule::Abstain
    } else if e.alpha0 == 0 {
        Rule::Zero
    } else if let Some(j) = q
        .domains()
        .iter()
        .position(|d| threshold(d).as_ref() == Some(&e.alpha0))
    {
        Rule::Threshold(j)
    } else {
        Rule::Interior
    };
    Key {
        rule,
        participants,
        contributors,
    }
}

/// Utilities of one key as functions of the common share δ: `u_p(δ) = nums[p](δ) / den(δ)`,
/// player 0 being G; `den > 0` wherever the key can occur (δ < 1 for a threshold rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formula {
    pub den: Poly,
    pub nums: Vec<Poly>,
    /// α0 = `alpha0.0 / alpha0.1`.
    pub alpha0: (Poly, Poly),
}

impl Formula {
    /// Every player's utility at a rational share.
    pub fn eval(&self, delta: &Rational) -> Vec<Rational> {
        let den = self.den.eval(delta);
        self.nums.iter().map(|n| n.eval(delta) / &den).collect()
    }
}

fn c(x: Rational) -> Poly {
    Poly::constant(x)
}

/// The formula of `key` for the game `q` (whose shares are replaced by the variable δ).
pub fn formula(q: &Params, key: &Key) -> Formula {
    let n = q.domains().len();
    if key.rule == Rule::Abstain {
        return Formula {
            den: c(int(1)),
            nums: vec![Poly::zero(); n + 1],
            alpha0: (Poly::zero(), c(int(1))),
        };
    }
    let x = Poly::x();
    let one_minus_x = &c(int(1)) - &x;
    // m_i = (r_i − a_i) − r_i·δ; a contributor's increment is m_i/(2c_i).
    let increments: Vec<Poly> = q
        .domains()
        .iter()
        .zip(&key.contributors)
        .map(|(d, &contributes)| {
            if contributes {
                let m = &c(&d.r - &d.a) - &x.scale(&d.r);
                m.scale(&(int(1) / (int(2) * &d.c)))
            } else {
                Poly::zero()
            }
        })
        .collect();
    let (a, b) = match key.rule {
        Rule::Zero => (Poly::zero(), c(int(1))),
        Rule::Interior => {
            let revenue = q
                .domains()
                .iter()
                .zip(&key.participants)
                .filter(|(_, p)| **p)
                .fold(zero(), |acc, (d, _)| acc + &d.r);
            (x.scale(&(revenue / (int(2) * q.c0()))), c(int(1)))
        }
        Rule::Threshold(j) => {
            let d = &q.domains()[j];
            let inc = &increments[j];
            // τ_j solves (1−δ)r·α0 + m²/(4c) − κ = 0, and m²/(4c) = c·inc².
            let a = &c(d.kappa.clone()) - &(inc * inc).scale(&d.c);
            (a, one_minus_x.scale(&d.r))
        }
        Rule::Abstain => unreachable!("handled above"),
    };
    let den = &b * &b;
    let mut u_g = &(&a * &a).scale(&-q.c0().clone()) - &den.scale(q.kappa0());
    let mut nums = vec![Poly::zero()];
    for ((d, inc), &participates) in q.domains().iter().zip(&increments).zip(&key.participants) {
        if !participates {
            nums.push(Poly::zero());
            continue;
        }
        // (A + inc·B)/B is the domain's final performance.
        let performance = &a + &(inc * &b);
        let revenue = &performance * &b;
        u_g = &u_g + &(&x * &revenue).scale(&d.r);
        let cost = &(&c(d.kappa.clone()) + &inc.scale(&d.a)) + &(inc * inc).scale(&d.c);
        nums.push(&(&one_minus_x * &revenue).scale(&d.r) - &(&cost * &den));
    }
    nums[0] = u_g;
    Formula {
        den,
        nums,
        alpha0: (a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::super::exact::solve;
    use super::super::params::Domain;
    use super::*;
    use crate::exact::rational::ratio;

    fn game() -> Params {
        let d = |r: i64, kappa: Rational, a: Rational| Domain {
            r: int(r),
            c: int(1),
            kappa,
            a,
            delta: ratio(1, 2),
        };
        Params::new(
            int(1),
            ratio(1, 100),
            vec![
                d(1, zero(), zero()),
                d(2, ratio(1, 4), ratio(1, 2)),
                d(1, ratio(1, 2), zero()),
            ],
        )
        .unwrap()
    }

    #[test]
    fn every_keys_formula_reproduces_the_equilibrium_it_came_from() {
        let q = game();
        let mut rules = std::collections::HashSet::new();
        for k in 0..=64 {
            let delta = ratio(k, 64);
            let g = q.with_common_delta(&delta).unwrap();
            let e = solve(&g);
            let key = key_of(&g, &e);
            let f = formula(&q, &key);
            let mut expected = vec![e.u_g.clone()];
            expected.extend(e.domains.iter().map(|o| o.utility.clone()));
            assert_eq!(f.eval(&delta), expected, "δ = {delta}, key {key:?}");
            let alpha0 = f.alpha0.0.eval(&delta) / f.alpha0.1.eval(&delta);
            assert_eq!(alpha0, e.alpha0);
            rules.insert(std::mem::discriminant(&key.rule));
        }
        // The game passes through several of G's rules as δ moves.
        assert!(rules.len() >= 2, "{rules:?}");
    }
}
