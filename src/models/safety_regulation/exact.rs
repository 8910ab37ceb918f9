//! The exact subgame-perfect equilibrium of the safety-regulation game: every candidate of G's piecewise problem, compared exactly.
//!
//! D's reply depends on G's base model only through its safety `β0` (the floor `s = θ_D − β0`
//! below `θ_D`, none above), so G's problem splits into pieces of `β0` on which D's reply is one
//! KKT form, linear in `β0` (`reply.rs`). On a piece, for fixed `β0`, G's utility is a concave
//! quadratic in `α0`, so `α0 = max(α*(β0), 0, L(β0))` where `α*` is the unconstrained optimum
//! and `L` keeps D participating (`U_D ≥ 0`, linear in `α0`). Each sub-piece where one of the
//! three attains the max makes G's utility a polynomial of degree ≤ 4 in `β0`; its candidates
//! are the sub-piece's ends and the real roots of its derivative. Every candidate is a rational
//! or real algebraic `β0`, and the winner is chosen by exact comparison (interval enclosures
//! first, exact algebraic arithmetic when they overlap). Piece ends where D's form changes are
//! candidates too, so no candidate list from the paper is assumed complete.

use std::cmp::Ordering;

use crate::exact::interval::Interval;
use crate::exact::rational::{ceil, from_integer, int, one, pow2};
use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Poly, Rational, real_roots};

use super::params::Params;
use super::regimes::{Regime, Strategy};
use super::reply::{DProblem, Form, Reply};

/// The equilibrium of one game, every value exact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Equilibrium {
    pub alpha0: Algebraic,
    pub beta0: Algebraic,
    pub alpha1: Algebraic,
    pub beta1: Algebraic,
    pub u_g: Algebraic,
    pub u_d: Algebraic,
    pub g_strategy: Strategy,
    pub d_strategy: Strategy,
    /// D's KKT form in equilibrium (`None` when G abstains).
    pub d_form: Option<Form>,
    /// False when G's optimum sits where D's KKT form switches and nowhere else on the paper's
    /// candidate list (not at θ_G, not a critical point): Props 4.4–4.5 would miss it.
    pub paper_candidate: bool,
}

impl Equilibrium {
    fn abstain() -> Equilibrium {
        let zero = Algebraic::from_rational(int(0));
        Equilibrium {
            alpha0: zero.clone(),
            beta0: zero.clone(),
            alpha1: zero.clone(),
            beta1: zero.clone(),
            u_g: zero.clone(),
            u_d: zero,
            g_strategy: Strategy::Abstain,
            d_strategy: Strategy::Abstain,
            d_form: None,
            paper_candidate: true,
        }
    }

    /// Whether both players participate.
    pub fn participates(&self) -> bool {
        self.g_strategy != Strategy::Abstain
    }
}

/// A regulated game beside its unregulated twin, and the regime that compares them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub regulated: Equilibrium,
    pub unregulated: Equilibrium,
    pub backfire: bool,
    pub mutualism: bool,
    pub regime: Regime,
}

/// D's reply on a piece of `β0`, as polynomials in `β0`.
#[derive(Clone, Debug)]
struct Piece {
    lo: Algebraic,
    hi: Option<Algebraic>,
    form: Form,
    u: Poly,
    v: Poly,
    /// D's safety floor above `β0`: `θ_D − β0` below `θ_D`, else 0.
    floor: Poly,
}

/// One candidate `β0` with the polynomials that give everything else there.
#[derive(Clone, Debug)]
struct Candidate {
    beta0: Algebraic,
    alpha0: Poly,
    utility_g: Poly,
    utility_d: Poly,
    participation: bool,
    piece: usize,
}

/// The subgame-perfect equilibrium.
pub fn solve(params: &Params) -> Equilibrium {
    let d = DProblem::new(params);
    let pieces = pieces(params, &d);
    let mut best: Option<Candidate> = None;
    for (index, piece) in pieces.iter().enumerate() {
        for candidate in candidates(params, &d, piece, index) {
            if best
                .as_ref()
                .is_none_or(|b| better(&candidate, b) == Ordering::Greater)
            {
                best = Some(candidate);
            }
        }
    }
    let Some(best) = best else {
        return Equilibrium::abstain();
    };
    let u_g = best.beta0.map_poly(&best.utility_g);
    if u_g.sign() == Ordering::Less {
        return Equilibrium::abstain();
    }
    let piece = &pieces[best.piece];
    let beta0 = best.beta0.clone();
    let alpha0 = beta0.map_poly(&best.alpha0);
    let u = beta0.map_poly(&piece.u);
    let v_minus_floor = beta0.map_poly(&(&piece.v - &piece.floor));
    let g_strategy = if best.participation {
        Strategy::ParticipationBoundary
    } else {
        Strategy::from_floors(
            alpha0.sign() == Ordering::Equal,
            beta0.cmp_rational(params.theta_g()) == Ordering::Equal,
        )
    };
    let d_strategy = Strategy::from_floors(
        u.sign() == Ordering::Equal,
        v_minus_floor.sign() == Ordering::Equal,
    );
    let at_switch = pieces
        .windows(2)
        .any(|w| w[0].form != w[1].form && w[1].lo == beta0);
    let paper_candidate = !at_switch
        || beta0.cmp_rational(params.theta_g()) == Ordering::Equal
        || beta0.sign_of_poly(&best.utility_g.derivative()) == Ordering::Equal;
    Equilibrium {
        alpha1: beta0.map_poly(&(&best.alpha0 + &piece.u)),
        beta1: beta0.map_poly(&(&Poly::x() + &piece.v)),
        u_d: beta0.map_poly(&best.utility_d),
        alpha0,
        beta0,
        u_g,
        g_strategy,
        d_strategy,
        d_form: Some(piece.form),
        paper_candidate,
    }
}

/// G's exact utility at a rational base model `(α0, β0)` with D's exact best reply (0 when D
/// stays out), and D's utility: what any other strategy of G is worth, for audits.
pub fn payoffs_at(params: &Params, alpha0: &Rational, beta0: &Rational) -> (Rational, Rational) {
    let d = DProblem::new(params);
    let floor = (params.theta_d() - beta0).max(int(0));
    let reply = d.best_at(&floor);
    let (u, v) = (reply.u.eval(&floor), reply.v.eval(&floor));
    let (m_a, m_b) = d.margins();
    let u_d = m_a * alpha0 + m_b * beta0 + d.value(&reply).eval(&floor);
    if u_d < 0 {
        return (int(0), int(0));
    }
    let revenue = params.r_a() * (alpha0 + &u) + params.r_b() * (beta0 + &v);
    (
        params.delta() * revenue - params.c0().quad(alpha0, beta0),
        u_d,
    )
}

/// The regulated and unregulated equilibria and the regime comparing them.
pub fn classify(params: &Params) -> Outcome {
    classify_against(params, solve(&params.unregulated()))
}

/// As [`classify`], with the unregulated equilibrium already solved (sweeps over the floors).
pub fn classify_against(params: &Params, unregulated: Equilibrium) -> Outcome {
    let regulated = solve(params);
    let both = regulated.participates() && unregulated.participates();
    let backfire = both && regulated.beta1 < unregulated.beta1;
    let mutualism = regulated.u_g > unregulated.u_g && regulated.u_d > unregulated.u_d;
    let regime = if !regulated.participates() {
        Regime::MarketExit
    } else if backfire {
        Regime::Backfire
    } else if mutualism {
        Regime::Mutualism
    } else {
        Regime::Neutral
    };
    Outcome {
        regulated,
        unregulated,
        backfire,
        mutualism,
        regime,
    }
}

/// D's reply pieces over `β0 ≥ θ_G`, in increasing `β0`.
fn pieces(params: &Params, d: &DProblem) -> Vec<Piece> {
    let (theta_g, theta_d) = (params.theta_g(), params.theta_d());
    let in_beta = |p: &Poly| p.compose(&Poly::new(vec![theta_d.clone(), int(-1)]));
    let mut pieces = Vec::new();
    if theta_d > theta_g {
        let s_max = theta_d - theta_g;
        let mut nodes = vec![Algebraic::from_rational(int(0))];
        nodes.extend(d.breakpoints(&s_max));
        nodes.push(Algebraic::from_rational(s_max));
        // Walk s downward so that β0 = θ_D − s increases.
        for pair in nodes.windows(2).rev() {
            let reply = d.best_at(&rational_between(&pair[0], &pair[1]));
            let beta = |s: &Algebraic| Algebraic::from_rational(theta_d.clone()).sub(s);
            pieces.push(Piece {
                lo: beta(&pair[1]),
                hi: Some(beta(&pair[0])),
                form: reply.form,
                u: in_beta(&reply.u),
                v: in_beta(&reply.v),
                floor: Poly::new(vec![theta_d.clone(), int(-1)]),
            });
        }
    }
    let start = if theta_d > theta_g { theta_d } else { theta_g };
    let at_zero: Reply = d.best_at(&int(0));
    pieces.push(Piece {
        lo: Algebraic::from_rational(start.clone()),
        hi: None,
        form: at_zero.form,
        u: Poly::constant(at_zero.u.eval(&int(0))),
        v: Poly::constant(at_zero.v.eval(&int(0))),
        floor: Poly::zero(),
    });
    pieces
}

/// G's candidates on one piece.
fn candidates(params: &Params, d: &DProblem, piece: &Piece, index: usize) -> Vec<Candidate> {
    let (c0, c1) = (params.c0(), params.c1());
    let (r_a, r_b, delta) = (params.r_a(), params.r_b(), params.delta());
    let (m_a, m_b) = d.margins();
    let beta = Poly::x();
    // D's utility and G's revenue share depend on α0 only linearly.
    let increment_value =
        &(&piece.u.scale(m_a) + &piece.v.scale(m_b)) - &quad(c1, &piece.u, &piece.v);
    let d_without_alpha = &beta.scale(m_b) + &increment_value;
    let alpha_star = Poly::new(vec![
        delta * r_a / (Rational::from(2) * &c0.aa),
        -(&c0.ab / &c0.aa),
    ]);
    let participation_bound = (*m_a > 0).then(|| d_without_alpha.scale(&(-one() / m_a)));
    let mut options = vec![(alpha_star, false), (Poly::zero(), false)];
    if let Some(bound) = &participation_bound {
        options.push((bound.clone(), true));
    }
    // Sub-pieces: where the maximal option can change, and (without an α0 lever) where D's
    // participation can change sign.
    let mut cuts: Vec<Poly> = Vec::new();
    for i in 0..options.len() {
        for j in i + 1..options.len() {
            cuts.push(&options[i].0 - &options[j].0);
        }
    }
    if participation_bound.is_none() {
        cuts.push(d_without_alpha.clone());
    }
    let mut nodes = vec![piece.lo.clone()];
    let mut inner: Vec<Algebraic> = cuts
        .iter()
        .filter(|p| !p.is_constant())
        .flat_map(real_roots)
        .map(|root| root.value)
        .filter(|x| *x > piece.lo && piece.hi.as_ref().is_none_or(|hi| x < hi))
        .collect();
    inner.sort();
    inner.dedup();
    nodes.extend(inner);
    let mut out = Vec::new();
    let count = nodes.len();
    for k in 0..count {
        let lo = &nodes[k];
        let hi = if k + 1 < count {
            Some(&nodes[k + 1])
        } else {
            piece.hi.as_ref()
        };
        if hi.is_some_and(|hi| hi <= lo) {
            continue;
        }
        let sample = match hi {
            Some(hi) => rational_between(lo, hi),
            None => from_integer(ceil(&lo.interval().1)) + one(),
        };
        let (alpha0, on_bound) = options
            .iter()
            .max_by(|a, b| a.0.eval(&sample).cmp(&b.0.eval(&sample)))
            .cloned()
            .expect("at least two options");
        let utility_d = &alpha0.scale(m_a) + &d_without_alpha;
        if participation_bound.is_none() && utility_d.eval(&sample) < 0 {
            continue; // D would stay out anywhere inside this sub-piece
        }
        let revenue = &(&alpha0 + &piece.u).scale(r_a) + &(&beta + &piece.v).scale(r_b);
        let utility_g = &revenue.scale(delta) - &quad(c0, &alpha0, &beta);
        let make = |beta0: Algebraic, participation: bool| Candidate {
            beta0,
            alpha0: alpha0.clone(),
            utility_g: utility_g.clone(),
            utility_d: utility_d.clone(),
            participation,
            piece: index,
        };
        let on_root = |x: &Algebraic| {
            participation_bound.is_none() && x.sign_of_poly(&utility_d) == Ordering::Equal
        };
        out.push(make(lo.clone(), on_bound || on_root(lo)));
        if let Some(hi) = hi {
            out.push(make(hi.clone(), on_bound || on_root(hi)));
        }
        let slope = utility_g.derivative();
        if !slope.is_zero() {
            for root in real_roots(&slope) {
                let x = root.value;
                if x > *lo && hi.is_none_or(|hi| x < *hi) {
                    out.push(make(x, on_bound));
                }
            }
        }
    }
    out
}

/// `xᵀ C x` for polynomial entries.
fn quad(c: &super::params::Costs, a: &Poly, b: &Poly) -> Poly {
    &(&(a * a).scale(&c.aa) + &(a * b).scale(&(Rational::from(2) * &c.ab))) + &(b * b).scale(&c.bb)
}

/// G's preference between candidates: larger `U_G`, then larger `U_D`, then smaller `β0`, then smaller `α0`.
fn better(a: &Candidate, b: &Candidate) -> Ordering {
    compare_values(&a.utility_g, &a.beta0, &b.utility_g, &b.beta0)
        .then_with(|| compare_values(&a.utility_d, &a.beta0, &b.utility_d, &b.beta0))
        .then_with(|| b.beta0.cmp(&a.beta0))
        .then_with(|| compare_values(&b.alpha0, &b.beta0, &a.alpha0, &a.beta0))
}

/// `p(x)` against `q(y)` exactly: interval enclosures first, algebraic arithmetic when they overlap.
fn compare_values(p: &Poly, x: &Algebraic, q: &Poly, y: &Algebraic) -> Ordering {
    if let (Some(x), Some(y)) = (x.as_rational(), y.as_rational()) {
        return p.eval(x).cmp(&q.eval(y));
    }
    let (mut x, mut y) = (x.clone(), y.clone());
    for bits in [20, 60] {
        let width = pow2(-bits);
        x.refine(&width);
        y.refine(&width);
        let (xl, xh) = x.interval();
        let (yl, yh) = y.interval();
        let a = Interval::new(xl, xh).eval(p);
        let b = Interval::new(yl, yh).eval(q);
        if a.hi < b.lo {
            return Ordering::Less;
        }
        if b.hi < a.lo {
            return Ordering::Greater;
        }
    }
    x.map_poly(p).cmp(&y.map_poly(q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    #[test]
    fn reference_game_unregulated() {
        let spe = solve(&Params::reference());
        let q = |x: &Algebraic| x.as_rational().cloned();
        assert_eq!(q(&spe.alpha0), Some(ratio(1, 4)));
        assert_eq!(q(&spe.beta0), Some(ratio(1, 4)));
        assert_eq!(q(&spe.alpha1), Some(ratio(1, 2)));
        assert_eq!(q(&spe.beta1), Some(ratio(1, 2)));
        assert_eq!(q(&spe.u_g), Some(ratio(3, 8)));
        assert_eq!(q(&spe.u_d), Some(ratio(3, 8)));
        assert_eq!(spe.g_strategy, Strategy::Unconstrained);
        assert_eq!(spe.d_strategy, Strategy::Unconstrained);
    }
}
