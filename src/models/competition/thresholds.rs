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
use crate::exact::sign::short_rational_between;
use crate::exact::{Algebraic, Poly, Rational};

use super::exact::{Variant, delta_j, equilibrium, market, solve};
use super::market::{CANDIDATES, Candidate, Market, Outcome};
use super::params::Params;
use super::regimes::Regime;

/// The roots in (0, 1) of polynomials already isolated, by their primitive coefficients: the
/// openness lines of games that differ in other parameters share many polynomials (those of
/// the parameters they have in common), so a claim isolates each once.
#[derive(Clone)]
pub struct RootMemo(crate::exact::root_memo::RootMemo);

/// The most polynomials a [`RootMemo`] keeps the roots of; past it, it starts again.
const KEPT_ROOTS: usize = 16_384;

impl Default for RootMemo {
    fn default() -> RootMemo {
        RootMemo(crate::exact::root_memo::RootMemo::new(KEPT_ROOTS))
    }
}

impl RootMemo {
    /// The roots of `q` strictly inside (0, 1), ascending.
    fn roots(&self, q: &Poly) -> Vec<Algebraic> {
        if q.is_constant() {
            return Vec::new();
        }
        let q = crate::exact::poly::primitive_part(q);
        let q = if q.leading().is_some_and(|c| *c < 0) {
            -&q
        } else {
            q
        };
        self.0.get_or(&q, |q| {
            let as_fn = RatFn::new(q.clone(), Poly::constant(one())).expect("a polynomial");
            as_fn.critical_points(&zero(), &one())
        })
    }

    /// The points in (0, 1) where `f` can change sign (roots of its numerator and
    /// denominator), ascending and distinct.
    fn critical_points(&self, f: &RatFn) -> Vec<Algebraic> {
        let mut out = self.roots(f.num());
        out.extend(self.roots(f.den()));
        out.sort();
        out.dedup();
        out
    }
}

/// A stretch of openness on which L's choice is one candidate with one reply from F.
#[derive(Clone, Debug)]
pub struct Piece {
    pub lo: Algebraic,
    pub hi: Algebraic,
    pub candidate: Candidate,
    pub entered: bool,
    /// The regime the exact solver finds there.
    pub regime: Regime,
}

/// One variant's market along ω: every candidate's effort and outcome (F in and out) as
/// rational functions of ω, computed once and read by the conditions and by every piece.
struct Line {
    market: Market<RatFn>,
    efforts: Vec<RatFn>,
    /// By candidate (in [`CANDIDATES`] order), then F out and F in.
    outcomes: Vec<[Outcome<RatFn>; 2]>,
}

impl Line {
    fn new(p: &Params, variant: Variant) -> Line {
        let market = market(p, variant, RatFn::x());
        let efforts: Vec<RatFn> = CANDIDATES.iter().map(|c| market.effort(*c)).collect();
        let outcomes = efforts
            .iter()
            .map(|e| [market.outcome(e, false), market.outcome(e, true)])
            .collect();
        Line {
            market,
            efforts,
            outcomes,
        }
    }

    fn outcome(&self, candidate: Candidate, entered: bool) -> &Outcome<RatFn> {
        let k = CANDIDATES
            .iter()
            .position(|c| *c == candidate)
            .expect("one of the candidates");
        &self.outcomes[k][usize::from(entered)]
    }

    /// The rational functions whose signs decide L's choice.
    fn conditions(&self) -> Vec<RatFn> {
        let m = &self.market;
        let mut out = vec![m.slope()];
        out.extend(self.efforts.iter().map(|e| m.entry_margin(e)));
        let payoffs: Vec<&RatFn> = self.outcomes.iter().flatten().map(|o| &o.pi_l).collect();
        let efforts: Vec<&RatFn> = self.efforts.iter().collect();
        for list in [&payoffs, &efforts] {
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    out.push(a.sub(b));
                }
            }
        }
        out.extend(self.efforts.iter().cloned());
        out
    }
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

/// The pieces of [0, 1] for `variant`, whose market along ω is `line`.
fn pieces(p: &Params, variant: Variant, line: &Line, memo: &RootMemo) -> Vec<Piece> {
    // The conditions share most of their numerators' and denominators' factors (the slope
    // 2ω − 1, the accommodation denominator): each distinct polynomial is isolated once.
    let mut polys: Vec<Poly> = Vec::new();
    for f in line.conditions() {
        for q in [f.num(), f.den()] {
            if q.is_constant() {
                continue;
            }
            let q = crate::exact::poly::primitive_part(q);
            let q = if q.leading().is_some_and(|c| *c < 0) {
                -&q
            } else {
                q
            };
            if !polys.contains(&q) {
                polys.push(q);
            }
        }
    }
    let mut events = Vec::new();
    for q in &polys {
        events.extend(memo.roots(q));
    }
    let points = with_ends(events);
    points
        .windows(2)
        .map(|w| {
            let t = short_rational_between(&w[0], &w[1]);
            let eq = equilibrium(&market(p, variant, t));
            Piece {
                lo: w[0].clone(),
                hi: w[1].clone(),
                candidate: eq.candidate,
                entered: eq.entered,
                regime: eq.regime,
            }
        })
        .collect()
}

/// Where the stretches with `inside` stop and the others start along [0, 1], when the pieces
/// with `inside` are exactly an initial stretch (`from_start`) or a final one: the one point
/// separating them. `None` when they are all or none of [0, 1], or not one such stretch.
fn split(pieces: &[Piece], inside: impl Fn(&Piece) -> bool, from_start: bool) -> Option<Algebraic> {
    let first_other = pieces.iter().position(|q| inside(q) != from_start)?;
    let rest_other = pieces[first_other..]
        .iter()
        .all(|q| inside(q) != from_start);
    (first_other > 0 && rest_other).then(|| pieces[first_other].lo.clone())
}

/// ω_1: the end of the blockade stretch. The regime is `blockade` (F out at L's monopoly effort)
/// exactly for ω ≤ ω_1 — read off the exact solver's regimes on the pieces of [0, 1], not a
/// formula (which holds only in the spec's domain). `None` when blockade is not an initial
/// stretch of openness that ends inside (0, 1).
pub fn omega_1(p: &Params) -> Option<Algebraic> {
    Lines::new(p).omega_1()
}

/// ω̄ (or ω̄_T with the trial): where F starts to adopt. F is in exactly for ω > ω̄ — read off
/// the exact solver's choices on the pieces of [0, 1] (the entry condition at zero effort,
/// `1 − A/(3κ)`, gives it only where L deters F by investing less, as in the spec's domain).
/// `None` when F's adoption is not one final stretch of openness that starts inside (0, 1).
pub fn omega_bar(p: &Params, variant: Variant) -> Option<Algebraic> {
    Lines::new(p).omega_bar(variant)
}

/// Open cells between consecutive events, each with the sign of `value` there.
fn signs(
    events: Vec<Algebraic>,
    value: &dyn Fn(&Rational) -> Rational,
) -> Vec<(Algebraic, Algebraic, Ordering)> {
    with_ends(events)
        .windows(2)
        .map(|w| {
            let t = short_rational_between(&w[0], &w[1]);
            (w[0].clone(), w[1].clone(), value(&t).cmp(&zero()))
        })
        .collect()
}

/// The roots of `f` strictly inside `(lo, hi)` (within (0, 1)).
fn roots_inside(memo: &RootMemo, f: &RatFn, lo: &Algebraic, hi: &Algebraic) -> Vec<Algebraic> {
    memo.critical_points(f)
        .into_iter()
        .filter(|r| r > lo && r < hi)
        .collect()
}

/// The welfare trap's end ω_W: where full openness beats blockade in welfare, the start of the
/// last stretch on which W exceeds W(blockade), with the polynomial it is a root of when W
/// crosses W(blockade) there continuously (`None` when W jumps over it at a regime change).
pub fn omega_w(p: &Params) -> Option<(Algebraic, Option<Poly>)> {
    Lines::new(p).omega_w()
}

/// ω_V: where vertical integration stops paying — ΔJ > 0 on every cell below it and < 0 on
/// every cell above; `None` when ΔJ does not change sign exactly once that way.
pub fn omega_v(p: &Params) -> Option<Algebraic> {
    Lines::new(p).omega_v()
}

/// The threshold a claim or report names (`omega_1`, `omega_bar`, `omega_bar_t`, `omega_v`,
/// `omega_w`); `None` when it does not exist for this game or the name is none of these.
pub fn by_name(p: &Params, name: &str) -> Option<Algebraic> {
    Lines::new(p).by_name(name)
}

/// One game's openness line: each variant's market along ω and its pieces computed once, when
/// a threshold first needs them, and every threshold read off them.
pub struct Lines {
    p: Params,
    lines: [std::cell::OnceCell<(Line, Vec<Piece>)>; 3],
    memo: RootMemo,
}

impl Lines {
    pub fn new(p: &Params) -> Lines {
        Lines::sharing(p, RootMemo::default())
    }

    /// The lines of `p`, isolating roots through `memo` (shared with other games' lines).
    pub fn sharing(p: &Params, memo: RootMemo) -> Lines {
        Lines {
            p: p.clone(),
            lines: Default::default(),
            memo,
        }
    }

    fn line(&self, variant: Variant) -> &(Line, Vec<Piece>) {
        let slot = match variant {
            Variant::Baseline => 0,
            Variant::Integrated => 1,
            Variant::Trial => 2,
        };
        self.lines[slot].get_or_init(|| {
            let line = Line::new(&self.p, variant);
            let pieces = pieces(&self.p, variant, &line, &self.memo);
            (line, pieces)
        })
    }

    /// The pieces of [0, 1] for `variant`.
    pub fn pieces(&self, variant: Variant) -> &[Piece] {
        &self.line(variant).1
    }

    /// The outcome on a piece of `variant` as rational functions of ω.
    fn outcome_on(&self, variant: Variant, piece: &Piece) -> &Outcome<RatFn> {
        self.line(variant).0.outcome(piece.candidate, piece.entered)
    }

    /// See [`omega_1`].
    pub fn omega_1(&self) -> Option<Algebraic> {
        split(
            self.pieces(Variant::Baseline),
            |q| q.regime == Regime::Blockade,
            true,
        )
    }

    /// See [`omega_bar`].
    pub fn omega_bar(&self, variant: Variant) -> Option<Algebraic> {
        split(self.pieces(variant), |q| q.entered, false)
    }

    /// See [`by_name`].
    pub fn by_name(&self, name: &str) -> Option<Algebraic> {
        match name {
            "omega_1" => self.omega_1(),
            "omega_bar" => self.omega_bar(Variant::Baseline),
            "omega_bar_t" => self.omega_bar(Variant::Trial),
            "omega_v" => self.omega_v(),
            "omega_w" => self.omega_w().map(|(w, _)| w),
            _ => None,
        }
    }

    /// See [`omega_w`].
    pub fn omega_w(&self) -> Option<(Algebraic, Option<Poly>)> {
        let p = &self.p;
        let blockade = solve(&p.at_omega(zero()).expect("an openness in [0, 1]"));
        if blockade.base.regime != super::regimes::Regime::Blockade {
            return None;
        }
        let w_b = blockade.w.clone();
        let at_one = solve(&p.at_omega(one()).expect("an openness in [0, 1]"));
        if at_one.w <= w_b {
            return None;
        }
        let c = RatFn::constant(p.c().clone());
        let mut events = Vec::new();
        let mut polys = Vec::new();
        for piece in self.pieces(Variant::Baseline) {
            let o = self.outcome_on(Variant::Baseline, piece);
            let w = o.cs.add(&o.pi_l).add(&o.pi_f).add(&c.mul(&o.total));
            let f = w.sub(&RatFn::constant(w_b.clone()));
            let inside = roots_inside(&self.memo, &f, &piece.lo, &piece.hi);
            if !inside.is_empty() {
                polys.push((inside.clone(), crate::exact::poly::primitive_part(f.num())));
            }
            events.extend(inside);
            events.push(piece.hi.clone());
        }
        events.retain(|e| *e < ends().1);
        let cells = signs(events, &|t| {
            solve(&p.at_omega(t.clone()).expect("an openness in [0, 1]")).w - &w_b
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

    /// See [`omega_v`].
    pub fn omega_v(&self) -> Option<Algebraic> {
        let p = &self.p;
        let base = self.pieces(Variant::Baseline);
        let merged = self.pieces(Variant::Integrated);
        let mut cuts: Vec<Algebraic> = base.iter().chain(merged).map(|q| q.hi.clone()).collect();
        cuts.retain(|e| *e < ends().1);
        let cells = with_ends(cuts);
        let c = RatFn::constant(p.c().clone());
        let mut events = Vec::new();
        for w in cells.windows(2) {
            let t = short_rational_between(&w[0], &w[1]);
            let find = |list: &[Piece]| {
                list.iter()
                    .find(|q| {
                        q.lo.cmp_rational(&t) == Ordering::Less
                            && q.hi.cmp_rational(&t) == Ordering::Greater
                    })
                    .cloned()
            };
            let (Some(b), Some(v)) = (find(base), find(merged)) else {
                continue;
            };
            let ob = self.outcome_on(Variant::Baseline, &b);
            let ov = self.outcome_on(Variant::Integrated, &v);
            let dj = ov.pi_l.sub(&ob.pi_l).sub(&c.mul(&ob.total));
            events.extend(roots_inside(&self.memo, &dj, &w[0], &w[1]));
            events.push(w[1].clone());
        }
        events.retain(|e| *e < ends().1);
        let cells = signs(events, &|t| {
            delta_j(&p.at_omega(t.clone()).expect("an openness in [0, 1]"))
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
}
