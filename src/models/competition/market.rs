//! The downstream market for one effort: Cournot quantities, F's strict entry rule and every payoff, as formulas over any field (rationals, or rational functions of ω).

use crate::exact::Rational;
use crate::exact::field::Field;
use crate::exact::rational::{int, one, zero};

/// One market: the leader's and the follower's margins at zero quality (`a − cost`), the
/// adoption-cost scale κ (F pays `κ²(1−ω)²`), the effort cost k and the openness ω.
#[derive(Clone, Debug)]
pub struct Market<F> {
    pub margin_l: F,
    pub margin_f: F,
    pub kappa: F,
    pub k: F,
    pub omega: F,
}

/// The leader's candidate efforts, in the order the solver tries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Candidate {
    /// The monopoly optimum `A_L/(2k − 1)`.
    Monopoly,
    /// The effort at which F is exactly indifferent (it stays out: entry must be strict).
    Deterrence,
    /// The optimum with F in the market.
    Accommodation,
    Zero,
}

pub const CANDIDATES: [Candidate; 4] = [
    Candidate::Monopoly,
    Candidate::Deterrence,
    Candidate::Accommodation,
    Candidate::Zero,
];

/// Quantities and payoffs for one effort.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<F> {
    pub e: F,
    pub q_l: F,
    pub q_f: F,
    pub total: F,
    pub cs: F,
    pub pi_l: F,
    pub pi_f: F,
}

impl<F: Field> Market<F> {
    fn q(r: Rational) -> F {
        F::from_rational(r)
    }

    /// `2ω − 1`: how F's quantity moves with L's effort (through imitation and competition).
    pub fn slope(&self) -> F {
        Self::q(int(2)).times(&self.omega).minus(&Self::q(one()))
    }

    /// `κ(1 − ω)`: the quantity at which F's profit just covers its adoption cost.
    pub fn entry_quantity(&self) -> F {
        self.kappa.times(&Self::q(one()).minus(&self.omega))
    }

    /// F's Cournot quantity when both are in, at effort `e`.
    pub fn q_f_entry(&self, e: &F) -> F {
        let base = Self::q(int(2)).times(&self.margin_f).minus(&self.margin_l);
        base.plus(&self.slope().times(e)).over(&Self::q(int(3)))
    }

    /// `3·q_F(e) − 3κ(1 − ω)`: positive exactly when F adopts (the strict entry rule).
    pub fn entry_margin(&self, e: &F) -> F {
        Self::q(int(3)).times(&self.q_f_entry(e).minus(&self.entry_quantity()))
    }

    pub fn effort(&self, c: Candidate) -> F {
        match c {
            Candidate::Monopoly => self
                .margin_l
                .over(&Self::q(int(2)).times(&self.k).minus(&Self::q(one()))),
            // (2ω − 1)·e = 3κ(1 − ω) − (2A_F − A_L).
            Candidate::Deterrence => {
                let base = Self::q(int(2)).times(&self.margin_f).minus(&self.margin_l);
                Self::q(int(3))
                    .times(&self.entry_quantity())
                    .minus(&base)
                    .over(&self.slope())
            }
            Candidate::Accommodation => {
                let two_minus = Self::q(int(2)).minus(&self.omega);
                let lead = Self::q(int(2)).times(&self.margin_l).minus(&self.margin_f);
                let num = Self::q(int(2)).times(&two_minus).times(&lead);
                let den = Self::q(int(9))
                    .times(&self.k)
                    .minus(&Self::q(int(2)).times(&two_minus).times(&two_minus));
                num.over(&den)
            }
            Candidate::Zero => Self::q(zero()),
        }
    }

    /// Everything at effort `e`, with F in or out.
    pub fn outcome(&self, e: &F, entered: bool) -> Outcome<F> {
        let cost = self.k.times(e).times(e).over(&Self::q(int(2)));
        let (q_l, q_f, pi_f) = if entered {
            let lead = Self::q(int(2)).times(&self.margin_l).minus(&self.margin_f);
            let two_minus = Self::q(int(2)).minus(&self.omega);
            let q_l = lead.plus(&two_minus.times(e)).over(&Self::q(int(3)));
            let q_f = self.q_f_entry(e);
            let k_adopt = self.entry_quantity().times(&self.entry_quantity());
            let pi_f = q_f.times(&q_f).minus(&k_adopt);
            (q_l, q_f, pi_f)
        } else {
            let q_l = self.margin_l.plus(e).over(&Self::q(int(2)));
            (q_l, Self::q(zero()), Self::q(zero()))
        };
        let total = q_l.plus(&q_f);
        Outcome {
            e: e.clone(),
            cs: total.times(&total).over(&Self::q(int(2))),
            pi_l: q_l.times(&q_l).minus(&cost),
            q_l,
            q_f,
            total,
            pi_f,
        }
    }
}
