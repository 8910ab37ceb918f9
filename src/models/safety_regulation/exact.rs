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

use crate::exact::float_interval::{FloatInterval, filter_on};
use crate::exact::interval::Interval;
use crate::exact::rational::{ceil, from_integer, int, one, pow2};
use crate::exact::root_memo::RootMemo;
use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Poly, Rational, real_roots};

use super::formulas::{AlphaRule, Formulas, Key, PieceFormulas, piece};
use super::params::Params;
use super::regimes::{Regime, Strategy};
use super::reply::{DProblem, Form, Reply};
use crate::models::tie::{Tie, value_text};

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
    /// Which formulas give the equilibrium (`None` when G abstains): boundaries along a line of
    /// floors follow them exactly.
    pub key: Option<Key>,
    /// False when G's optimum sits where D's KKT form switches and nowhere else on the paper's
    /// candidate list (not at θ_G, not a critical point): Props 4.4–4.5 would miss it.
    pub paper_candidate: bool,
    /// The ties resolved: G's other optima (equal U_G) set aside by its tie rules, D's other
    /// best replies set aside in G's favour, a player at utility exactly 0 participating.
    pub ties: Vec<Tie>,
}

impl Equilibrium {
    /// The six numbers, named as outputs (`alpha0` … `u_d`).
    pub fn quantities(&self) -> [(&'static str, &Algebraic); 6] {
        [
            ("alpha0", &self.alpha0),
            ("beta0", &self.beta0),
            ("alpha1", &self.alpha1),
            ("beta1", &self.beta1),
            ("u_g", &self.u_g),
            ("u_d", &self.u_d),
        ]
    }

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
            key: None,
            paper_candidate: true,
            ties: Vec::new(),
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

/// A piece of `β0` on which D's reply is one KKT form.
#[derive(Clone, Debug)]
struct Piece {
    lo: Algebraic,
    hi: Option<Algebraic>,
    floored: bool,
    form: Form,
    formulas: PieceFormulas,
}

/// One candidate `β0` with the polynomials that give everything else there.
#[derive(Clone, Debug)]
struct Candidate {
    beta0: Algebraic,
    key: Key,
    formulas: Formulas,
    participation: bool,
}

/// The subgame-perfect equilibrium.
pub fn solve(params: &Params) -> Equilibrium {
    solve_with(params, &Common::of(params))
}

/// What games differing only in their floors share: D's breakpoints in the floor
/// ([`DProblem::breakpoints`]), which depend on neither floor, and the real roots of G's
/// candidate polynomials already isolated (games with one `θ_D` share their pieces above
/// `θ_G`). A sweep over the floors makes one and hands it to every game.
#[derive(Debug)]
pub struct Common {
    breaks: Vec<Algebraic>,
    roots: RootMemo,
}

/// The most polynomials [`Common`] keeps the roots of; past it, it starts again.
const KEPT_ROOTS: usize = 4096;

impl Common {
    pub fn of(params: &Params) -> Common {
        Common {
            breaks: DProblem::new(params).breakpoints(),
            roots: RootMemo::new(KEPT_ROOTS),
        }
    }

    /// The distinct real roots of `p`, ascending; those of degree 3 and more are isolated once.
    fn real_roots(&self, p: &Poly) -> Vec<Algebraic> {
        let isolate = |p: &Poly| real_roots(p).into_iter().map(|r| r.value).collect();
        if p.degree().is_none_or(|d| d < 3) {
            return isolate(p);
        }
        self.roots.get_or(p, isolate)
    }
}

/// [`solve`], sharing `common` (which must be that of `params`'s floors-free part).
pub fn solve_with(params: &Params, common: &Common) -> Equilibrium {
    let d = DProblem::new(params);
    let pieces = pieces(params, &d, common);
    let all: Vec<Candidate> = pieces
        .iter()
        .flat_map(|piece| candidates(params, piece, common))
        .collect();
    // G's best candidate, and every candidate worth as much to G (the tie its rules resolve).
    let mut best: Option<&Candidate> = None;
    let mut level: Vec<&Candidate> = Vec::new();
    for candidate in &all {
        let Some(b) = best else {
            best = Some(candidate);
            level = vec![candidate];
            continue;
        };
        match compare_values(
            &candidate.formulas.utility_g,
            &candidate.beta0,
            &b.formulas.utility_g,
            &b.beta0,
        ) {
            Ordering::Greater => {
                best = Some(candidate);
                level = vec![candidate];
            }
            Ordering::Equal => {
                level.push(candidate);
                if tie_break(candidate, b) == Ordering::Greater {
                    best = Some(candidate);
                }
            }
            Ordering::Less => {}
        }
    }
    let Some(best) = best.cloned() else {
        return Equilibrium::abstain();
    };
    let u_g = best.beta0.map_poly(&best.formulas.utility_g);
    if u_g.sign() == Ordering::Less {
        return Equilibrium::abstain();
    }
    let f = &best.formulas;
    let beta0 = best.beta0.clone();
    let alpha0 = beta0.map_poly(&f.alpha0);
    let u = beta0.map_poly(&f.u);
    let v_minus_floor = beta0.map_poly(&(&f.v - &f.floor));
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
        || beta0.sign_of_poly(&f.utility_g.derivative()) == Ordering::Equal;
    let u_d = beta0.map_poly(&f.utility_d);
    let ties = ties(params, &d, &level, &best, (&alpha0, &u_g, &u_d));
    Equilibrium {
        alpha1: beta0.map_poly(&(&f.alpha0 + &f.u)),
        beta1: beta0.map_poly(&(&Poly::x() + &f.v)),
        u_d,
        alpha0,
        beta0,
        u_g,
        g_strategy,
        d_strategy,
        d_form: Some(best.key.form),
        key: Some(best.key),
        paper_candidate,
        ties,
    }
}

/// Every tie the equilibrium `best` resolved (see [`Equilibrium::ties`]).
fn ties(
    params: &Params,
    d: &DProblem,
    level: &[&Candidate],
    best: &Candidate,
    (alpha0, u_g, u_d): (&Algebraic, &Algebraic, &Algebraic),
) -> Vec<Tie> {
    let point =
        |a: &Algebraic, b: &Algebraic| format!("gamma0 = ({}, {})", value_text(a), value_text(b));
    let mut out = Vec::new();
    // G's other optima: candidates worth exactly U_G elsewhere (a piece end shared by two
    // pieces is one point, not a tie).
    let mut others: Vec<(Algebraic, Algebraic, bool)> = Vec::new();
    let bf = &best.formulas;
    for c in level {
        let f = &c.formulas;
        // The same point again (a piece end shared by two pieces, or the same α0 under
        // another rule) is no tie: a difference of polynomials at one number says so.
        if c.beta0 == best.beta0
            && c.beta0.sign_of_poly(&(&f.alpha0 - &bf.alpha0)) == Ordering::Equal
        {
            continue;
        }
        let a = c.beta0.map_poly(&f.alpha0);
        let same_d = compare_values(
            &f.utility_d,
            &c.beta0,
            &best.formulas.utility_d,
            &best.beta0,
        ) == Ordering::Equal;
        if !others.iter().any(|(x, y, _)| *x == a && *y == c.beta0) {
            others.push((a, c.beta0.clone(), same_d));
        }
    }
    if !others.is_empty() {
        let same_beta0 = |o: &(Algebraic, Algebraic, bool)| o.1 == best.beta0;
        let rule = if others.iter().all(|o| !o.2) {
            "equal U_G; G takes the one with larger U_D"
        } else if others.iter().all(|o| o.2 && !same_beta0(o)) {
            "equal U_G and U_D; G takes the smaller beta0"
        } else if others.iter().all(|o| o.2 && same_beta0(o)) {
            "equal U_G and U_D at one beta0; G takes the smaller alpha0"
        } else {
            "equal U_G; G takes larger U_D, then smaller beta0, then smaller alpha0"
        };
        let mut tie = Tie::new("G", point(alpha0, &best.beta0), rule);
        for (a, b, _) in &others {
            tie = tie.over(point(a, b));
        }
        out.push(tie);
    }
    if u_g.sign() == Ordering::Equal {
        out.push(Tie::participation("G", "both get 0"));
    }
    // D's other best replies at the equilibrium floor, set aside in G's favour.
    let floor = Algebraic::from_rational(params.theta_d().clone()).sub(&best.beta0);
    let floor = if floor.sign() == Ordering::Greater {
        floor
    } else {
        Algebraic::from_rational(int(0))
    };
    let reply = |r: &Reply| {
        format!(
            "increment ({}, {})",
            value_text(&floor.map_poly(&r.u)),
            value_text(&floor.map_poly(&r.v))
        )
    };
    let set_aside = d.ties_at(best.key.form, &floor);
    if !set_aside.is_empty() {
        let chosen = d
            .forms()
            .into_iter()
            .find(|r| r.form == best.key.form)
            .expect("the chosen form");
        let for_g = |r: &Reply| {
            let revenue = &r.u.scale(params.r_a()) + &r.v.scale(params.r_b());
            floor.map_poly(&revenue)
        };
        let rule = if set_aside.iter().all(|r| for_g(r) == for_g(&chosen)) {
            "equal U_D and equal for G; D takes the first KKT form (interior, alpha face, safety face, corner)"
        } else {
            "equal U_D; D takes the reply best for G (strong Stackelberg), then the first KKT form"
        };
        let mut tie = Tie::new("D", reply(&chosen), rule);
        for r in &set_aside {
            tie = tie.over(reply(r));
        }
        out.push(tie);
    }
    if u_d.sign() == Ordering::Equal {
        out.push(Tie::participation("D", "both get 0"));
    }
    out
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
    classify_with(params, unregulated, &Common::of(params))
}

/// As [`classify_against`], sharing `common` with other games of these floors-free parameters.
pub fn classify_with(params: &Params, unregulated: Equilibrium, common: &Common) -> Outcome {
    let regulated = solve_with(params, common);
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

impl Outcome {
    /// The ties resolved in the regulated game, then in the unregulated one (which the regime
    /// compares against, so its ties decide labels too).
    pub fn ties(&self) -> Vec<Tie> {
        let mut all = self.regulated.ties.clone();
        for t in &self.unregulated.ties {
            let mut t = t.clone();
            t.player = format!("{} in the unregulated game", t.player);
            all.push(t);
        }
        all
    }
}

/// D's reply pieces over `β0 ≥ θ_G`, in increasing `β0`.
fn pieces(params: &Params, d: &DProblem, common: &Common) -> Vec<Piece> {
    let (theta_g, theta_d) = (params.theta_g(), params.theta_d());
    let make = |lo, hi, floored, form| Piece {
        lo,
        hi,
        floored,
        form,
        formulas: piece(params, floored, form).expect("D's chosen form exists"),
    };
    let mut pieces = Vec::new();
    if theta_d > theta_g {
        let s_max = theta_d - theta_g;
        let mut nodes = vec![Algebraic::from_rational(int(0))];
        nodes.extend(
            common
                .breaks
                .iter()
                .filter(|x| x.cmp_rational(&s_max).is_lt())
                .cloned(),
        );
        nodes.push(Algebraic::from_rational(s_max));
        // Walk s downward so that β0 = θ_D − s increases.
        for pair in nodes.windows(2).rev() {
            let reply = d.best_at(&rational_between(&pair[0], &pair[1]));
            let beta = |s: &Algebraic| Algebraic::from_rational(theta_d.clone()).sub(s);
            pieces.push(make(beta(&pair[1]), Some(beta(&pair[0])), true, reply.form));
        }
    }
    let start = if theta_d > theta_g { theta_d } else { theta_g };
    let at_zero: Reply = d.best_at(&int(0));
    pieces.push(make(
        Algebraic::from_rational(start.clone()),
        None,
        false,
        at_zero.form,
    ));
    pieces
}

/// G's candidates on one piece.
fn candidates(params: &Params, piece: &Piece, common: &Common) -> Vec<Candidate> {
    let pf = &piece.formulas;
    let has_lever = pf.options.iter().any(|o| o.0 == AlphaRule::Participation);
    // Sub-pieces: where the maximal option can change, and (without an α0 lever) where D's
    // participation can change sign.
    let mut cuts: Vec<Poly> = Vec::new();
    for i in 0..pf.options.len() {
        for j in i + 1..pf.options.len() {
            cuts.push(&pf.options[i].1 - &pf.options[j].1);
        }
    }
    if !has_lever {
        cuts.push(pf.d_without_alpha.clone());
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
        let rule = pf
            .options
            .iter()
            .max_by(|a, b| a.1.eval(&sample).cmp(&b.1.eval(&sample)))
            .expect("at least two options")
            .0;
        let formulas = pf
            .with_rule(params, rule)
            .expect("the rule is one of the options");
        if !has_lever && formulas.utility_d.eval(&sample) < 0 {
            continue; // D would stay out anywhere inside this sub-piece
        }
        let on_bound = rule == AlphaRule::Participation;
        let key = Key {
            floored: piece.floored,
            form: piece.form,
            rule,
        };
        let make = |beta0: Algebraic, participation: bool| Candidate {
            beta0,
            key,
            formulas: formulas.clone(),
            participation,
        };
        let on_root =
            |x: &Algebraic| !has_lever && x.sign_of_poly(&formulas.utility_d) == Ordering::Equal;
        out.push(make(lo.clone(), on_bound || on_root(lo)));
        if let Some(hi) = hi {
            out.push(make(hi.clone(), on_bound || on_root(hi)));
        }
        let slope = formulas.utility_g.derivative();
        if !slope.is_zero() {
            for x in common.real_roots(&slope) {
                if x > *lo && hi.is_none_or(|hi| x < *hi) {
                    out.push(make(x, on_bound));
                }
            }
        }
    }
    out
}

/// G's tie rules between candidates of equal `U_G`: larger `U_D`, then smaller `β0`, then smaller `α0`.
fn tie_break(a: &Candidate, b: &Candidate) -> Ordering {
    let (fa, fb) = (&a.formulas, &b.formulas);
    compare_values(&fa.utility_d, &a.beta0, &fb.utility_d, &b.beta0)
        .then_with(|| b.beta0.cmp(&a.beta0))
        .then_with(|| compare_values(&fb.alpha0, &b.beta0, &fa.alpha0, &a.beta0))
}

/// `p(x)` against `q(y)` exactly: float enclosures first (when the filter is on), then
/// rational ones, then algebraic arithmetic when they overlap.
fn compare_values(p: &Poly, x: &Algebraic, q: &Poly, y: &Algebraic) -> Ordering {
    let float = |x: &Algebraic, p: &Poly| {
        let (lo, hi) = x.interval();
        FloatInterval::eval(p, FloatInterval::of(&lo, &hi))
    };
    if filter_on()
        && let Some(order) = float(x, p).compare(float(y, q))
    {
        return order;
    }
    if let (Some(x), Some(y)) = (x.as_rational(), y.as_rational()) {
        return p.eval(x).cmp(&q.eval(y));
    }
    let (mut x, mut y) = (x.clone(), y.clone());
    if filter_on() {
        for bits in [20, 50] {
            let width = pow2(-bits);
            x.refine(&width);
            y.refine(&width);
            if let Some(order) = float(&x, p).compare(float(&y, q)) {
                return order;
            }
        }
    }
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
