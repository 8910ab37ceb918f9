//! G's candidate formulas on a piece of `β0`: D's reply, G's three `α0` rules and both utilities, as polynomials in `β0`.
//!
//! A piece is named by D's KKT form and by whether D's safety floor `θ_D` binds above G's safety
//! (`β0 < θ_D`, the floor being `s = θ_D − β0`) or not (`β0 ≥ θ_D`, floor 0). For fixed `β0`, G's
//! utility is a concave quadratic in `α0`, so G uses one of three rules: the unconstrained
//! optimum `α*(β0)`, zero, or the least `α0` keeping D in the market (`U_D = 0`, linear in `α0`).
//! A [`Key`] names the piece and the rule; [`formulas`] rebuilds the same polynomials for any
//! floors, which is what lets boundaries along a line of floors be located exactly (`line.rs`).

use crate::exact::rational::{int, one};
use crate::exact::{Poly, Rational};

use super::params::{Costs, Params};
use super::reply::{DProblem, Form};

/// How G sets `α0` for a given `β0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AlphaRule {
    /// `α*(β0)`, the maximizer of G's utility in `α0`.
    Unconstrained,
    /// `α0 = 0`.
    Zero,
    /// The least `α0` with `U_D ≥ 0` (only when D's performance margin is positive).
    Participation,
}

/// The formulas behind a candidate: D's form, whether D's floor binds above `β0`, G's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub floored: bool,
    pub form: Form,
    pub rule: AlphaRule,
}

/// D's reply on a piece and G's `α0` options there, as polynomials in `β0`.
#[derive(Clone, Debug)]
pub struct PieceFormulas {
    pub u: Poly,
    pub v: Poly,
    /// D's safety floor above `β0`: `θ_D − β0` when floored, else 0.
    pub floor: Poly,
    /// D's utility without G's `α0` term: `m_β·β0 + φ(u, v)`.
    pub d_without_alpha: Poly,
    /// G's `α0` under each rule that applies.
    pub options: Vec<(AlphaRule, Poly)>,
}

/// Everything at one candidate, as polynomials in `β0`.
#[derive(Clone, Debug)]
pub struct Formulas {
    pub u: Poly,
    pub v: Poly,
    pub floor: Poly,
    pub alpha0: Poly,
    pub utility_g: Poly,
    pub utility_d: Poly,
}

/// The piece with D's `form`, floored or not; `None` when the form does not exist (`interior`
/// needs a positive definite `C1`).
pub fn piece(params: &Params, floored: bool, form: Form) -> Option<PieceFormulas> {
    let d = DProblem::new(params);
    let reply = d.forms().into_iter().find(|r| r.form == form)?;
    let floor = if floored {
        Poly::new(vec![params.theta_d().clone(), int(-1)])
    } else {
        Poly::zero()
    };
    let in_beta = |p: &Poly| {
        if floored {
            p.compose(&floor)
        } else {
            Poly::constant(p.eval(&int(0)))
        }
    };
    let (u, v) = (in_beta(&reply.u), in_beta(&reply.v));
    let (m_a, m_b) = d.margins();
    let increment_value = &(&u.scale(m_a) + &v.scale(m_b)) - &quad(params.c1(), &u, &v);
    let d_without_alpha = &Poly::x().scale(m_b) + &increment_value;
    let c0 = params.c0();
    let alpha_star = Poly::new(vec![
        params.delta() * params.r_a() / (Rational::from(2) * &c0.aa),
        -(&c0.ab / &c0.aa),
    ]);
    let mut options = vec![
        (AlphaRule::Unconstrained, alpha_star),
        (AlphaRule::Zero, Poly::zero()),
    ];
    if *m_a > 0 {
        options.push((
            AlphaRule::Participation,
            d_without_alpha.scale(&(-one() / m_a)),
        ));
    }
    Some(PieceFormulas {
        u,
        v,
        floor,
        d_without_alpha,
        options,
    })
}

impl PieceFormulas {
    /// The candidate formulas when G uses `rule` (`None` when the rule does not apply).
    pub fn with_rule(&self, params: &Params, rule: AlphaRule) -> Option<Formulas> {
        let alpha0 = self.options.iter().find(|o| o.0 == rule)?.1.clone();
        let m_a = (one() - params.delta()) * params.r_a();
        let utility_d = &alpha0.scale(&m_a) + &self.d_without_alpha;
        let beta = Poly::x();
        let revenue =
            &(&alpha0 + &self.u).scale(params.r_a()) + &(&beta + &self.v).scale(params.r_b());
        let utility_g = &revenue.scale(params.delta()) - &quad(params.c0(), &alpha0, &beta);
        Some(Formulas {
            u: self.u.clone(),
            v: self.v.clone(),
            floor: self.floor.clone(),
            alpha0,
            utility_g,
            utility_d,
        })
    }
}

/// The formulas of `key` for these parameters (`None` when the key's form or rule does not exist).
pub fn formulas(params: &Params, key: Key) -> Option<Formulas> {
    piece(params, key.floored, key.form)?.with_rule(params, key.rule)
}

/// `xᵀ C x` for polynomial entries.
pub fn quad(c: &Costs, a: &Poly, b: &Poly) -> Poly {
    &(&(a * a).scale(&c.aa) + &(a * b).scale(&(Rational::from(2) * &c.ab))) + &(b * b).scale(&c.bb)
}
