//! The competition model solved exactly at one openness: the leader's best effort among its candidates under the strict-entry rule, then vertical integration and the free trial.
//!
//! L's payoff is concave in its effort with F out and with F in, and F enters exactly on one
//! side of the deterrence effort, so L's best effort is among: the monopoly optimum, the
//! deterrence effort (F indifferent, so out), the accommodation optimum, and zero. Each is
//! evaluated with F's actual reply; the best payoff wins, ties going to keeping F out and then
//! to the smaller effort. Near the deterrence effort from the entry side L's quantity is below
//! its monopoly quantity (by half of F's), so no unattained supremum can beat the candidates.

use crate::exact::Rational;
use crate::exact::rational::zero;

use crate::models::tie::Tie;

use super::market::{CANDIDATES, Candidate, Market, Outcome};
use super::params::Params;
use super::regimes::Regime;
use crate::exact::field::Field;

/// Which market the developer's choices make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// D0 sells access to both deployers at fee c.
    Baseline,
    /// D0 merged with L (zero internal cost); F buys from an outside option at c.
    Integrated,
    /// D0 cuts F's adoption cost to τ²·K(ω).
    Trial,
}

/// The market of `variant` at openness `omega` (a number, or the variable ω itself).
pub fn market<F: Field>(p: &Params, variant: Variant, omega: F) -> Market<F> {
    let margin = p.margin();
    let (margin_l, kappa) = match variant {
        Variant::Baseline => (margin.clone(), p.kappa().clone()),
        Variant::Integrated => (p.a().clone(), p.kappa().clone()),
        Variant::Trial => (margin.clone(), p.tau() * p.kappa()),
    };
    Market {
        margin_l: F::from_rational(margin_l),
        margin_f: F::from_rational(margin),
        kappa: F::from_rational(kappa),
        k: F::from_rational(p.k().clone()),
        omega,
    }
}

/// L's choice and its consequences.
#[derive(Clone, Debug, PartialEq)]
pub struct Equilibrium {
    pub regime: Regime,
    pub candidate: Candidate,
    pub entered: bool,
    pub outcome: Outcome<Rational>,
    /// The ties resolved: L's other efforts worth as much, F indifferent to adopting.
    pub ties: Vec<Tie>,
}

/// L's best effort in market `m` (see the module note).
pub fn equilibrium(m: &Market<Rational>) -> Equilibrium {
    let mut best: Option<(Candidate, bool, Outcome<Rational>)> = None;
    let mut tried: Vec<(bool, Outcome<Rational>, Rational)> = Vec::new();
    for c in CANDIDATES {
        if c == Candidate::Deterrence && m.slope() == 0 {
            continue;
        }
        let e = m.effort(c);
        if e < 0 {
            continue;
        }
        let margin = m.entry_margin(&e);
        let entered = margin > 0;
        let out = m.outcome(&e, entered);
        tried.push((entered, out.clone(), margin));
        let better = match &best {
            None => true,
            Some((_, b_in, b)) => {
                out.pi_l > b.pi_l
                    || (out.pi_l == b.pi_l
                        && (*b_in && !entered || (*b_in == entered && out.e < b.e)))
            }
        };
        if better {
            best = Some((c, entered, out));
        }
    }
    let (candidate, entered, outcome) = best.expect("zero effort is always a candidate");
    let reply = |entered: bool| if entered { "F adopts" } else { "F stays out" };
    let effort = |e: &Rational, entered: bool| format!("effort {e} ({})", reply(entered));
    let mut ties = Vec::new();
    let others: Vec<&(bool, Outcome<Rational>, Rational)> = tried
        .iter()
        .filter(|(n, o, _)| o.pi_l == outcome.pi_l && (o.e != outcome.e || *n != entered))
        .collect();
    if !others.is_empty() {
        let mut tie = Tie::new(
            "L",
            effort(&outcome.e, entered),
            "equal pi_L; L keeps F out, then takes the smaller effort",
        );
        for (n, o, _) in others {
            tie = tie.over(effort(&o.e, *n));
        }
        ties.push(tie);
    }
    if tried
        .iter()
        .any(|(_, o, margin)| o.e == outcome.e && *margin == 0)
    {
        ties.push(
            Tie::new(
                "F",
                "stays out (adopting would earn exactly 0)",
                "adopt only when strictly profitable",
            )
            .over("adopts"),
        );
    }
    let regime = if entered {
        Regime::Accommodation
    } else if outcome.e == m.effort(Candidate::Monopoly) {
        Regime::Blockade
    } else {
        Regime::Deterrence
    };
    Equilibrium {
        regime,
        candidate,
        entered,
        outcome,
        ties,
    }
}

/// The developer's revenue: the fee on every unit sold through it.
pub fn developer_revenue(p: &Params, variant: Variant, eq: &Equilibrium) -> Rational {
    match variant {
        Variant::Integrated => zero(),
        _ => p.c() * &eq.outcome.total,
    }
}

/// Everything the model reports at one game.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    pub base: Equilibrium,
    pub pi_d0: Rational,
    /// `CS + π_L + π_F + Π_D0`.
    pub w: Rational,
    /// Vertical integration: the merged firm's equilibrium and its gain `Π_V − (π_L + Π_D0)`.
    pub integrated: Equilibrium,
    pub delta_j: Rational,
    /// Whether D0 offers the free trial (it strictly raises Π_D0), and the outcome under D0's
    /// choice with its revenue.
    pub trial: bool,
    pub chosen: Equilibrium,
    pub chosen_pi_d0: Rational,
    /// Every tie resolved: in the market, in the integrated one, with the trial, and D0's own.
    pub ties: Vec<Tie>,
}

/// The gain of vertical integration `Π_V − (π_L + Π_D0)`, from the integrated and the
/// baseline equilibria.
fn integration_gain(integrated: &Equilibrium, base: &Equilibrium, pi_d0: &Rational) -> Rational {
    &integrated.outcome.pi_l - (&base.outcome.pi_l + pi_d0)
}

/// [`Solution::delta_j`] alone: the two markets it compares, without the free trial's.
pub fn delta_j(p: &Params) -> Rational {
    let at = |v: Variant| equilibrium(&market(p, v, p.omega().clone()));
    let base = at(Variant::Baseline);
    let pi_d0 = developer_revenue(p, Variant::Baseline, &base);
    integration_gain(&at(Variant::Integrated), &base, &pi_d0)
}

/// Solves one game.
pub fn solve(p: &Params) -> Solution {
    let at = |v: Variant| equilibrium(&market(p, v, p.omega().clone()));
    let base = at(Variant::Baseline);
    let pi_d0 = developer_revenue(p, Variant::Baseline, &base);
    let o = &base.outcome;
    let w = &o.cs + &o.pi_l + &o.pi_f + &pi_d0;
    let integrated = at(Variant::Integrated);
    let delta_j = integration_gain(&integrated, &base, &pi_d0);
    let with_trial = at(Variant::Trial);
    let trial_pi_d0 = developer_revenue(p, Variant::Trial, &with_trial);
    let trial = trial_pi_d0 > pi_d0;
    let mut ties = base.ties.clone();
    for t in &integrated.ties {
        let mut t = t.clone();
        t.player = format!("{} under vertical integration", t.player);
        ties.push(t);
    }
    // The trial market's ties decide D0's choice whether or not it offers the trial.
    for t in &with_trial.ties {
        let mut t = t.clone();
        t.player = format!("{} with the free trial", t.player);
        ties.push(t);
    }
    if trial_pi_d0 == pi_d0 && with_trial.outcome != base.outcome {
        ties.push(
            Tie::new(
                "D0",
                "no free trial",
                "equal revenue; D0 offers the trial only when it strictly gains",
            )
            .over("the free trial"),
        );
    }
    let (chosen, chosen_pi_d0) = if trial {
        (with_trial, trial_pi_d0)
    } else {
        (base.clone(), pi_d0.clone())
    };

    Solution {
        base,
        pi_d0,
        w,
        integrated,
        delta_j,
        trial,
        chosen,
        chosen_pi_d0,
        ties,
    }
}
