//! The openness thresholds, derived rather than typed in: ω_1, ω̄, ω̄_T as roots of the entry condition, ω_V and ω_W as exact points where a payoff difference changes sign along ω.
//!
//! Along ω every formula of the market is a rational function of ω (`market.rs` over
//! [`RatFn`]). L's choice depends only on the signs of finitely many of them — F's entry margin
//! at each candidate, the candidates' efforts, and the differences of the candidates' payoffs —
//! so their roots cut [0, 1] into *pieces* on which L picks the same candidate with the same
//! reply from F. On a piece every outcome is one rational function; a difference such as
//! `W(ω) − W(blockade)` changes sign only at its roots or at piece ends. Signs between those
//! events are read from the exact solver at a rational point.

use std::cmp::Ordering;

use crate::exact::ratfn::RatFn;
use crate::exact::rational::{one, zero};
use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Poly, Rational};

use super::exact::{Variant, equilibrium, market, solve};
use super::market::{CANDIDATES, Candidate, Market, Outcome};
use super::params::Params;

/// A stretch of openness on which L's choice is one candidate with one reply from F.
#[derive(Clone, Debug)]
pub struct Piece {
    pub lo: Algebraic,
    pub hi: Algebraic,
    pub candidate: Candidate,
    pub entered: bool,
}

fn line(p: &Params, variant: Variant) -> Market<RatFn> {
    market(p, variant, RatFn::x())
}

/// The rational functions whose signs decide L's choice.
fn conditions(m: &Market<RatFn>) -> Vec<RatFn> {
    let mut out = vec![m.slope()];
    let mut payoffs = Vec::new();
    let mut efforts = Vec::new();
    for c in CANDIDATES {
        let e = m.effort(c);
        out.push(m.entry_margin(&e));
        for entered in [false, true] {
            payoffs.push(m.outcome(&e, entered).pi_l);
        }
        efforts.push(e);
    }
    for list in [&payoffs, &efforts] {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                out.push(a.sub(b));
            }
        }
    }
    out.extend(efforts);
    out
}

fn ends() -> (Algebraic, Algebraic) {
    (
        Algebraic::from_rational(zero()),
        Algebraic::from_rational(one()),
    )
}

/// Sorted, distinct events in (0, 1), with 0 and 1 around them.
fn with_ends(mut events: Vec<Algebraic>) -> Vec<Algebraic> {
    events.sort();
    events.dedup();
    let (zero, one) = ends();
    std::iter::once(zero)
        .chain(events)
        .chain(std::iter::once(one))
        .collect()
}

/// The pieces of [0, 1] for `variant`.
pub fn pieces(p: &Params, variant: Variant) -> Vec<Piece> {
    let m = line(p, variant);
    let mut events = Vec::new();
    for f in conditions(&m) {
        events.extend(f.critical_points(&zero(), &one()));
    }
    let points = with_ends(events);
    points
        .windows(2)
        .map(|w| {
            let t = rational_between(&w[0], &w[1]);
            let eq = equilibrium(&market(p, variant, t));
            Piece {
                lo: w[0].clone(),
                hi: w[1].clone(),
                candidate: eq.candidate,
                entered: eq.entered,
            }
        })
        .collect()
}

/// The outcome on a piece as rational functions of ω.
pub fn outcome_on(p: &Params, variant: Variant, piece: &Piece) -> Outcome<RatFn> {
    let m = line(p, variant);
    m.outcome(&m.effort(piece.candidate), piece.entered)
}

/// The single root of `f`'s numerator in (0, 1), if it has exactly one.
fn only_root(f: &RatFn) -> Option<Algebraic> {
    let numerator = RatFn::new(f.num().clone(), Poly::constant(one()))?;
    let roots = numerator.critical_points(&zero(), &one());
    (roots.len() == 1).then(|| roots[0].clone())
}

/// ω_1: where the monopoly effort stops keeping F out.
pub fn omega_1(p: &Params) -> Option<Algebraic> {
    let m = line(p, Variant::Baseline);
    only_root(&m.entry_margin(&m.effort(Candidate::Monopoly)))
}

/// ω̄ (or ω̄_T with the trial): where zero effort stops keeping F out — the root of the
/// (linear) entry condition on the whole line, so a trial threshold below 0 is reported as it is.
pub fn omega_bar(p: &Params, variant: Variant) -> Option<Algebraic> {
    let m = line(p, variant);
    let margin = m.entry_margin(&m.effort(Candidate::Zero));
    let roots = crate::exact::real_roots(margin.num());
    (roots.len() == 1).then(|| roots[0].value.clone())
}

/// Open cells between consecutive events, each with the sign of `value` there.
fn signs(
    events: Vec<Algebraic>,
    value: &dyn Fn(&Rational) -> Rational,
) -> Vec<(Algebraic, Algebraic, Ordering)> {
    with_ends(events)
        .windows(2)
        .map(|w| {
            let t = rational_between(&w[0], &w[1]);
            (w[0].clone(), w[1].clone(), value(&t).cmp(&zero()))
        })
        .collect()
}

/// The roots of `f` strictly inside `(lo, hi)`.
fn roots_inside(f: &RatFn, lo: &Algebraic, hi: &Algebraic) -> Vec<Algebraic> {
    f.critical_points(&zero(), &one())
        .into_iter()
        .filter(|r| r > lo && r < hi)
        .collect()
}

/// The welfare trap's end ω_W: where full openness beats blockade in welfare, the start of the
/// last stretch on which W exceeds W(blockade), with the polynomial it is a root of when W
/// crosses W(blockade) there continuously (`None` when W jumps over it at a regime change).
pub fn omega_w(p: &Params) -> Option<(Algebraic, Option<Poly>)> {
    let blockade = solve(&Params {
        omega: zero(),
        ..p.clone()
    });
    if blockade.base.regime != super::regimes::Regime::Blockade {
        return None;
    }
    let w_b = blockade.w.clone();
    let at_one = solve(&Params {
        omega: one(),
        ..p.clone()
    });
    if at_one.w <= w_b {
        return None;
    }
    let c = RatFn::constant(p.c.clone());
    let mut events = Vec::new();
    let mut polys = Vec::new();
    for piece in pieces(p, Variant::Baseline) {
        let o = outcome_on(p, Variant::Baseline, &piece);
        let w = o.cs.add(&o.pi_l).add(&o.pi_f).add(&c.mul(&o.total));
        let f = w.sub(&RatFn::constant(w_b.clone()));
        let inside = roots_inside(&f, &piece.lo, &piece.hi);
        if !inside.is_empty() {
            polys.push((inside.clone(), crate::exact::poly::primitive_part(f.num())));
        }
        events.extend(inside);
        events.push(piece.hi);
    }
    events.retain(|e| *e < ends().1);
    let cells = signs(events, &|t| {
        solve(&Params {
            omega: t.clone(),
            ..p.clone()
        })
        .w - &w_b
    });
    let start = cells
        .iter()
        .rposition(|(_, _, s)| *s != Ordering::Greater)
        .map(|i| cells[i].1.clone())?;
    let poly = polys
        .into_iter()
        .find(|(roots, _)| roots.contains(&start))
        .map(|(_, poly)| poly);
    Some((start, poly))
}

/// ω_V: where vertical integration stops paying — ΔJ > 0 on every cell below it and < 0 on
/// every cell above; `None` when ΔJ does not change sign exactly once that way.
pub fn omega_v(p: &Params) -> Option<Algebraic> {
    let base = pieces(p, Variant::Baseline);
    let merged = pieces(p, Variant::Integrated);
    let mut cuts: Vec<Algebraic> = base.iter().chain(&merged).map(|q| q.hi.clone()).collect();
    cuts.retain(|e| *e < ends().1);
    let cells = with_ends(cuts);
    let c = RatFn::constant(p.c.clone());
    let mut events = Vec::new();
    for w in cells.windows(2) {
        let t = rational_between(&w[0], &w[1]);
        let find = |list: &[Piece]| {
            list.iter()
                .find(|q| {
                    q.lo.cmp_rational(&t) == Ordering::Less
                        && q.hi.cmp_rational(&t) == Ordering::Greater
                })
                .cloned()
        };
        let (Some(b), Some(v)) = (find(&base), find(&merged)) else {
            continue;
        };
        let ob = outcome_on(p, Variant::Baseline, &b);
        let ov = outcome_on(p, Variant::Integrated, &v);
        let dj = ov.pi_l.sub(&ob.pi_l).sub(&c.mul(&ob.total));
        events.extend(roots_inside(&dj, &w[0], &w[1]));
        events.push(w[1].clone());
    }
    events.retain(|e| *e < ends().1);
    let cells = signs(events, &|t| {
        solve(&Params {
            omega: t.clone(),
            ..p.clone()
        })
        .delta_j
    });
    let first_negative = cells.iter().position(|(_, _, s)| *s == Ordering::Less)?;
    let pattern_ok = first_negative > 0
        && cells[..first_negative]
            .iter()
            .all(|(_, _, s)| *s == Ordering::Greater)
        && cells[first_negative..]
            .iter()
            .all(|(_, _, s)| *s == Ordering::Less);
    pattern_ok.then(|| cells[first_negative].0.clone())
}

/// The threshold a claim or report names (`omega_1`, `omega_bar`, `omega_bar_t`, `omega_v`,
/// `omega_w`); `None` when it does not exist for this game or the name is none of these.
pub fn by_name(p: &Params, name: &str) -> Option<Algebraic> {
    match name {
        "omega_1" => omega_1(p),
        "omega_bar" => omega_bar(p, Variant::Baseline),
        "omega_bar_t" => omega_bar(p, Variant::Trial),
        "omega_v" => omega_v(p),
        "omega_w" => omega_w(p).map(|(w, _)| w),
        _ => None,
    }
}
