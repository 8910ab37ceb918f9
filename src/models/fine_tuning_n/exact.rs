//! The exact equilibrium with n specialists: each domain's reply and participation threshold, and G's piecewise-quadratic problem over α0.
//!
//! Every quantity is rational: a specialist's best increment is `max(0, m)/(2c)` with
//! `m = (1−δ)r − a`, its participation is monotone in α0 with threshold `τ` (a rational), and
//! on each piece between consecutive thresholds G's utility is a concave quadratic in α0 whose
//! optimum is rational. G's candidates are 0, every threshold, and each piece's optimum inside
//! it; the winner is chosen exactly with the spec's ties (larger total specialist utility, then
//! smaller α0). G abstains when its best utility is negative.

use std::cmp::Ordering;

use crate::exact::Rational;
use crate::exact::rational::{int, zero};

use crate::models::tie::Tie;

use super::params::{Domain, Params};
use super::regimes::Regime;

/// One domain in equilibrium.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainOutcome {
    pub regime: Regime,
    /// Final performance (α0 for a free rider, 0 for an abstainer).
    pub alpha: Rational,
    pub utility: Rational,
}

/// The equilibrium.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Equilibrium {
    /// False when G abstains (everyone gets 0).
    pub g_participates: bool,
    pub alpha0: Rational,
    pub u_g: Rational,
    pub domains: Vec<DomainOutcome>,
    /// The ties resolved: G's other optima (equal U_G), and players at utility exactly 0
    /// participating.
    pub ties: Vec<Tie>,
}

/// A specialist's best increment over α0, `max(0, m)/(2c)`.
pub fn increment(d: &Domain) -> Rational {
    let m = margin(d);
    if m > 0 { m / (int(2) * &d.c) } else { zero() }
}

/// `m = (1−δ)·r − a`: the marginal gain of the first unit of fine-tuning.
pub fn margin(d: &Domain) -> Rational {
    (int(1) - &d.delta) * &d.r - &d.a
}

/// The specialist's utility from participating at base `α0`.
pub fn participation_value(d: &Domain, alpha0: &Rational) -> Rational {
    let m = margin(d).max(zero());
    (int(1) - &d.delta) * &d.r * alpha0 + &m * &m / (int(4) * &d.c) - &d.kappa
}

/// The reply to `α0`: regime, final performance, utility.
pub fn reply(d: &Domain, alpha0: &Rational) -> DomainOutcome {
    let value = participation_value(d, alpha0);
    if value < 0 {
        return DomainOutcome {
            regime: Regime::Abstainer,
            alpha: zero(),
            utility: zero(),
        };
    }
    let inc = increment(d);
    DomainOutcome {
        regime: if inc > 0 {
            Regime::Contributor
        } else {
            Regime::FreeRider
        },
        alpha: alpha0 + &inc,
        utility: value,
    }
}

/// The smallest α0 ≥ 0 from which the specialist participates (`None`: never).
pub fn threshold(d: &Domain) -> Option<Rational> {
    let slope = (int(1) - &d.delta) * &d.r;
    let at_zero = participation_value(d, &zero());
    if at_zero >= 0 {
        return Some(zero());
    }
    (slope > 0).then(|| -at_zero / slope)
}

/// G's utility at `α0` with every specialist replying.
pub fn g_utility(q: &Params, alpha0: &Rational) -> (Rational, Vec<DomainOutcome>) {
    let replies: Vec<DomainOutcome> = q.domains().iter().map(|d| reply(d, alpha0)).collect();
    let revenue = q
        .domains()
        .iter()
        .zip(&replies)
        .filter(|(_, o)| o.regime != Regime::Abstainer)
        .fold(zero(), |acc, (d, o)| acc + &d.delta * &d.r * &o.alpha);
    (revenue - q.c0() * alpha0 * alpha0 - q.kappa0(), replies)
}

/// The subgame-perfect equilibrium.
pub fn solve(q: &Params) -> Equilibrium {
    let mut cuts: Vec<Rational> = q.domains().iter().filter_map(threshold).collect();
    cuts.push(zero());
    cuts.sort();
    cuts.dedup();
    let mut candidates = cuts.clone();
    // On [cut_k, cut_{k+1}) the participants are fixed: U_G = S·α0 + const − c0·α0².
    for (k, lo) in cuts.iter().enumerate() {
        let participants: Vec<&Domain> = q
            .domains()
            .iter()
            .filter(|d| participation_value(d, lo) >= 0)
            .collect();
        let slope: Rational = participants
            .iter()
            .fold(zero(), |acc, d| acc + &d.delta * &d.r);
        let optimum = slope / (int(2) * q.c0());
        let inside = optimum > *lo && cuts.get(k + 1).is_none_or(|hi| optimum < *hi);
        if inside {
            candidates.push(optimum);
        }
    }
    let mut best: Option<(Rational, Rational, Vec<DomainOutcome>)> = None;
    let mut values: Vec<(Rational, Rational, Rational)> = Vec::new();
    for alpha0 in candidates {
        let (u, replies) = g_utility(q, &alpha0);
        values.push((
            alpha0.clone(),
            u.clone(),
            replies.iter().fold(zero(), |acc, o| acc + &o.utility),
        ));
        let total: Rational = replies.iter().fold(zero(), |acc, o| acc + &o.utility);
        let better = match &best {
            None => true,
            Some((bu, ba, br)) => {
                let bt: Rational = br.iter().fold(zero(), |acc, o| acc + &o.utility);
                match u.cmp(bu) {
                    Ordering::Greater => true,
                    Ordering::Less => false,
                    Ordering::Equal => total > bt || (total == bt && alpha0 < *ba),
                }
            }
        };
        if better {
            best = Some((u, alpha0, replies));
        }
    }
    let (u_g, alpha0, domains) = best.expect("0 is always a candidate");
    if u_g < 0 {
        let n = q.domains().len();
        return Equilibrium {
            g_participates: false,
            alpha0: zero(),
            u_g: zero(),
            domains: vec![
                DomainOutcome {
                    regime: Regime::Abstainer,
                    alpha: zero(),
                    utility: zero(),
                };
                n
            ],
            ties: Vec::new(),
        };
    }
    let mut ties = Vec::new();
    let equal: Vec<&(Rational, Rational, Rational)> = values
        .iter()
        .filter(|(a, u, _)| *u == u_g && *a != alpha0)
        .collect();
    if !equal.is_empty() {
        let total: Rational = domains.iter().fold(zero(), |acc, o| acc + &o.utility);
        let rule = if equal.iter().all(|(_, _, t)| *t != total) {
            "equal U_G; G takes the larger total specialist utility"
        } else {
            "equal U_G; G takes the larger total specialist utility, then the smaller alpha0"
        };
        let mut tie = Tie::new("G", format!("alpha0 = {alpha0}"), rule);
        for (a, _, _) in equal {
            tie = tie.over(format!("alpha0 = {a}"));
        }
        ties.push(tie);
    }
    if u_g == 0 {
        ties.push(Tie::participation("G", "everyone gets 0"));
    }
    for (i, o) in domains.iter().enumerate() {
        if o.regime != Regime::Abstainer && o.utility == 0 {
            ties.push(Tie::participation(
                format!("D_{}", i + 1),
                "its domain brings G nothing",
            ));
        }
    }
    Equilibrium {
        g_participates: true,
        alpha0,
        u_g,
        domains,
        ties,
    }
}
