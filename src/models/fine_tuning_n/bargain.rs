//! Bargaining over one common share δ with n specialists: the Pareto set as a union of intervals, and the named solutions for n + 1 players.
//!
//! The shares in [0, 1] are probed on a rational grid and every probe is solved exactly. Runs of
//! probes with one equilibrium form ([`Key`]) are *pieces*, on which every utility is the exact
//! rational function of δ that `pieces.rs` builds (checked against the solved utilities at every
//! probe of the run); where the form changes between two probes the gap is bisected down to the
//! requested width. Whether a probe is Pareto-optimal is decided exactly against every piece: a
//! dominating share, if any, is found by isolating the roots of `u_p − u_p(probe)` for every
//! player and testing each cell between them. Membership changes are bisected to the width too,
//! so each component's ends are exact (0 or 1) or enclosed in an interval between a member and a
//! dominated probe. What is not examined: the gaps (at most the width) between two pieces, and a
//! change of form and back between two probes of the same form.
//!
//! The named solutions maximize over the pieces exactly: each candidate (piece ends, critical
//! points, crossings) is a real algebraic number and the objectives are compared exactly.

use std::cmp::Ordering;

use crate::error::{Error, Result};
use crate::exact::field::dominates;
use crate::exact::interval::Interval;
use crate::exact::poly::Poly;
use crate::exact::rational::{int, pow2};
use crate::exact::resultant::resultant_y;
use crate::exact::roots::real_roots;
use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Rational, Value};
use crate::models::tie::{Tie, value_text};

use super::exact::solve;
use super::params::Params;
use super::pieces::{Formula, Key, formula, key_of};

/// Options of the common-share analysis.
#[derive(Clone, Debug)]
pub struct Config {
    /// The first grid has `grid + 1` equally spaced shares.
    pub grid: usize,
    /// Form changes and Pareto-set ends are bisected until their brackets are this narrow.
    pub width: Rational,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            grid: 128,
            width: pow2(-40),
        }
    }
}

/// One probed share, solved exactly.
#[derive(Clone, Debug)]
pub struct Probe {
    pub delta: Rational,
    pub key: Key,
    /// G's utility, then each domain's.
    pub u: Vec<Rational>,
    /// `Some(true)`: Pareto-optimal; `Some(false)`: dominated (a witness was found).
    member: Option<bool>,
}

/// A closed interval of shares with one equilibrium form and its formulas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub lo: Rational,
    pub hi: Rational,
    pub key: Key,
    pub formula: Formula,
}

/// One connected component of the Pareto set.
#[derive(Clone, Debug)]
pub struct Component {
    pub lo: Value,
    pub hi: Value,
}

/// A named bargain: its share, G's base model and every player's utility (G first).
#[derive(Clone, Debug)]
pub struct Solution {
    pub name: String,
    /// Exact, or an enclosure of the requested width.
    pub delta: Value,
    pub alpha0: Value,
    pub u: Vec<Value>,
    /// The rule's choice among shares of equal objective, when there were several.
    pub tie: Option<Tie>,
    /// The share is a piece's end next to a change of form: the maximum over the examined
    /// shares, with the unexamined gap (at most the width) on its other side.
    pub at_change: bool,
}

/// The common-share analysis.
#[derive(Clone, Debug)]
pub struct Bargain {
    pub components: Vec<Component>,
    pub pieces: Vec<Piece>,
    pub probes: Vec<Probe>,
    /// Players whose utility is positive at some probe (the others get 0 at every share).
    pub gainers: Vec<bool>,
    pub solutions: Vec<Solution>,
    pub width: Rational,
}

impl Bargain {
    /// The solution called `name`.
    pub fn solution(&self, name: &str) -> Option<&Solution> {
        self.solutions.iter().find(|s| s.name == name)
    }
}

/// Player names in report order: `g`, `d1`, …, `dn`.
pub fn players(n: usize) -> Vec<String> {
    std::iter::once("g".to_string())
        .chain((1..=n).map(|i| format!("d{i}")))
        .collect()
}

fn probe(q: &Params, delta: Rational) -> Result<Probe> {
    let game = q.with_common_delta(&delta)?;
    let e = solve(&game);
    let key = key_of(&game, &e);
    let mut u = vec![e.u_g.clone()];
    u.extend(e.domains.iter().map(|o| o.utility.clone()));
    Ok(Probe {
        delta,
        key,
        u,
        member: None,
    })
}

/// Inserts the midpoint of every neighbouring pair for which `split` holds and the gap is
/// wider than `width`; returns whether any was inserted.
fn bisect_where(
    q: &Params,
    probes: &mut Vec<Probe>,
    width: &Rational,
    split: impl Fn(&Probe, &Probe) -> bool,
) -> Result<bool> {
    let mut mids = Vec::new();
    for w in probes.windows(2) {
        if split(&w[0], &w[1]) && &w[1].delta - &w[0].delta > *width {
            mids.push((&w[0].delta + &w[1].delta) / int(2));
        }
    }
    for m in &mids {
        probes.push(probe(q, m.clone())?);
    }
    probes.sort_by(|a, b| a.delta.cmp(&b.delta));
    Ok(!mids.is_empty())
}

/// The maximal runs of probes with one form, each checked against its formula.
fn pieces_of(q: &Params, probes: &[Probe]) -> Result<Vec<Piece>> {
    let mut out: Vec<Piece> = Vec::new();
    let mut start = 0;
    for k in 1..=probes.len() {
        if k < probes.len() && probes[k].key == probes[start].key {
            continue;
        }
        let run = &probes[start..k];
        let formula = formula(q, &run[0].key);
        for p in run {
            if formula.eval(&p.delta) != p.u {
                return Err(Error::Undecided {
                    what: format!("the equilibrium form at delta = {}", p.delta),
                    reason: "its formula disagrees with the solved game (a bug)".into(),
                });
            }
        }
        out.push(Piece {
            lo: run[0].delta.clone(),
            hi: run[run.len() - 1].delta.clone(),
            key: run[0].key.clone(),
            formula,
        });
        start = k;
    }
    Ok(out)
}

/// An upper bound of `num/den` over the piece (`den > 0` there).
fn upper_bound(num: &Poly, den: &Poly, lo: &Rational, hi: &Rational) -> Option<Rational> {
    let range = Interval::new(lo.clone(), hi.clone());
    let (n, d) = (range.eval(num), range.eval(den));
    if d.lo <= 0 {
        return None;
    }
    Some(if n.hi >= 0 { n.hi / d.lo } else { n.hi / d.hi })
}

/// Whether some share of `piece` gives every player at least `target`, someone more.
fn piece_dominates(piece: &Piece, target: &[Rational]) -> bool {
    let f = &piece.formula;
    let (lo, hi) = (&piece.lo, &piece.hi);
    let hopeless = f
        .nums
        .iter()
        .zip(target)
        .any(|(num, t)| upper_bound(num, &f.den, lo, hi).is_some_and(|ub| ub < *t));
    if hopeless {
        return false;
    }
    // u_p ≥ t_p ⇔ num_p − t_p·den ≥ 0 on the piece.
    let gaps: Vec<Poly> = f
        .nums
        .iter()
        .zip(target)
        .map(|(num, t)| num - &f.den.scale(t))
        .collect();
    let mut points: Vec<Algebraic> = vec![lo.clone().into(), hi.clone().into()];
    for g in &gaps {
        points.extend(
            real_roots(g)
                .into_iter()
                .map(|r| r.value)
                .filter(|z| z.cmp_rational(lo).is_gt() && z.cmp_rational(hi).is_lt()),
        );
    }
    points.sort();
    points.dedup();
    let mut samples = points.clone();
    samples.extend(
        points
            .windows(2)
            .map(|w| rational_between(&w[0], &w[1]).into()),
    );
    samples.iter().any(|x| {
        let signs: Vec<Ordering> = gaps.iter().map(|g| x.sign_of_poly(g)).collect();
        signs.iter().all(|s| s.is_ge()) && signs.iter().any(|s| s.is_gt())
    })
}

/// Decides membership of every probe whose status is unknown.
fn decide_members(probes: &mut [Probe], pieces: &[Piece]) {
    let utilities: Vec<Vec<Rational>> = probes.iter().map(|p| p.u.clone()).collect();
    for p in probes.iter_mut().filter(|p| p.member.is_none()) {
        let by_probe = utilities.iter().any(|u| dominates(u, &p.u));
        let dominated = by_probe || pieces.iter().any(|piece| piece_dominates(piece, &p.u));
        p.member = Some(!dominated);
    }
}

/// The Pareto set over a common share, with the probes and pieces it rests on.
#[derive(Clone, Debug)]
pub struct ParetoSet {
    pub components: Vec<Component>,
    pub pieces: Vec<Piece>,
    pub probes: Vec<Probe>,
}

/// The Pareto set over a common share (without the named solutions).
pub fn pareto_set(q: &Params, config: &Config) -> Result<ParetoSet> {
    if config.grid == 0 || config.width <= 0 {
        return Err(Error::InvalidArgument {
            argument: "grid/width".into(),
            reason: "the grid needs at least one interval and the width must be > 0".into(),
        });
    }
    let n = config.grid as i64;
    let mut probes = (0..=n)
        .map(|k| probe(q, Rational::from(k) / Rational::from(n)))
        .collect::<Result<Vec<_>>>()?;
    let mut pieces: Vec<Piece> = Vec::new();
    loop {
        while bisect_where(q, &mut probes, &config.width, |a, b| a.key != b.key)? {}
        let now = pieces_of(q, &probes)?;
        if now != pieces {
            // New forms can dominate probes that looked optimal; dominated stays dominated.
            for p in probes.iter_mut().filter(|p| p.member == Some(true)) {
                p.member = None;
            }
            pieces = now;
        }
        decide_members(&mut probes, &pieces);
        let changed = bisect_where(q, &mut probes, &config.width, |a, b| a.member != b.member)?;
        if !changed {
            break;
        }
    }
    Ok(ParetoSet {
        components: components(&probes),
        pieces,
        probes,
    })
}

/// The Pareto set over a common share, and the named solutions.
pub fn bargain(q: &Params, config: &Config) -> Result<Bargain> {
    let ParetoSet {
        components,
        pieces,
        probes,
    } = pareto_set(q, config)?;
    let gainers: Vec<bool> = (0..probes[0].u.len())
        .map(|p| probes.iter().any(|pr| pr.u[p] > 0))
        .collect();
    let solutions = solutions(&pieces, &gainers, &config.width);
    Ok(Bargain {
        components,
        pieces,
        probes,
        gainers,
        solutions,
        width: config.width.clone(),
    })
}

fn components(probes: &[Probe]) -> Vec<Component> {
    let member = |k: usize| probes[k].member == Some(true);
    let mut out = Vec::new();
    let mut k = 0;
    while k < probes.len() {
        if !member(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k + 1 < probes.len() && member(k + 1) {
            k += 1;
        }
        let end = |inside: usize, outside: Option<usize>| match outside {
            None => Value::rational(probes[inside].delta.clone()),
            Some(o) => {
                let (a, b) = (&probes[inside].delta, &probes[o].delta);
                Value::Enclosure(Interval::new(a.min(b).clone(), a.max(b).clone()))
            }
        };
        out.push(Component {
            lo: end(start, start.checked_sub(1)),
            hi: end(k, (k + 1 < probes.len()).then_some(k + 1)),
        });
        k += 1;
    }
    out
}

/// One objective on a piece: maximize `min_k nums[k]/den / scales[k]`.
struct Objective {
    nums: Vec<Poly>,
    den: Poly,
}

/// A candidate maximizer: a share on a piece, with the piece's objective.
struct Candidate<'a> {
    x: Algebraic,
    piece: usize,
    objective: &'a Objective,
}

/// Divides intervals (`d > 0`).
fn divide(n: &Interval, d: &Interval) -> Interval {
    let q = [&n.lo / &d.lo, &n.lo / &d.hi, &n.hi / &d.lo, &n.hi / &d.hi];
    Interval::new(
        q.iter().min().unwrap().clone(),
        q.iter().max().unwrap().clone(),
    )
}

/// A closed interval around `x` no wider than `width`.
fn around(x: &Algebraic, width: &Rational) -> Interval {
    let mut x = x.clone();
    x.refine(width);
    match x.as_rational() {
        Some(r) => Interval::point(r.clone()),
        None => {
            let (lo, hi) = x.interval();
            Interval::new(lo, hi)
        }
    }
}

impl Candidate<'_> {
    /// An enclosure of the objective, from `x` and the scales located to `width`; `None` if
    /// the denominator is not yet bounded away from 0.
    fn enclose(&self, scales: &[Algebraic], width: &Rational) -> Option<Interval> {
        let xs = around(&self.x, width);
        let den = xs.eval(&self.objective.den);
        if den.lo <= 0 {
            return None;
        }
        let values = self.objective.nums.iter().zip(scales).map(|(g, s)| {
            let scale = around(s, width);
            divide(&divide(&xs.eval(g), &den), &scale)
        });
        let (mut lo, mut hi): (Option<Rational>, Option<Rational>) = (None, None);
        for v in values {
            lo = Some(lo.map_or(v.lo.clone(), |l| l.min(v.lo.clone())));
            hi = Some(hi.map_or(v.hi.clone(), |h| h.min(v.hi.clone())));
        }
        Some(Interval::new(lo?, hi?))
    }

    /// The objective, exactly.
    fn exact(&self, scales: &[Algebraic]) -> Algebraic {
        self.objective
            .nums
            .iter()
            .zip(scales)
            .map(|(g, s)| {
                let v = self
                    .x
                    .map_ratio(g, &self.objective.den)
                    .expect("den > 0 on a piece");
                if s.as_rational().is_some_and(|r| *r == 1) {
                    v
                } else {
                    v.div(s).expect("scales are positive")
                }
            })
            .min()
            .expect("at least one function")
    }

    /// Compares objectives: enclosures first, exact values when they cannot separate.
    fn cmp(&self, other: &Candidate, scales: &[Algebraic]) -> Ordering {
        let mut width = pow2(-16);
        for _ in 0..12 {
            if let (Some(a), Some(b)) =
                (self.enclose(scales, &width), other.enclose(scales, &width))
            {
                if a.lo > b.hi {
                    return Ordering::Greater;
                }
                if a.hi < b.lo {
                    return Ordering::Less;
                }
                if a.lo == a.hi && b.lo == b.hi {
                    return a.lo.cmp(&b.lo);
                }
            }
            width = &width * &width;
            if width < pow2(-1024) {
                break;
            }
        }
        self.exact(scales).cmp(&other.exact(scales))
    }
}

/// The best share over all pieces for the objective with positive `scales`, with the shares of
/// equal value the rule (smaller δ) set aside.
struct Best {
    x: Algebraic,
    piece: usize,
    /// Other shares with the same objective, ascending.
    tied: Vec<Algebraic>,
    /// Intervals where the objective stays at its maximum: two neighbouring candidates of one
    /// piece, between which nothing changes the objective's monotonicity, with equal values.
    flat: Vec<(Algebraic, Algebraic)>,
    /// Every examined share has the same objective.
    everywhere: bool,
}

fn maximize_min(
    pieces: &[Piece],
    objective: impl Fn(&Formula) -> Objective,
    scales: &[Algebraic],
) -> Best {
    let objectives: Vec<Objective> = pieces.iter().map(|p| objective(&p.formula)).collect();
    let mut best: Option<Candidate> = None;
    let (mut tied, mut flat) = (Vec::new(), Vec::new());
    let mut everywhere = true;
    for (index, (piece, o)) in pieces.iter().zip(&objectives).enumerate() {
        let mut polys: Vec<Poly> = o
            .nums
            .iter()
            .map(|g| &(&g.derivative() * &o.den) - &(g * &o.den.derivative()))
            .collect();
        for k in 0..o.nums.len() {
            for l in k + 1..o.nums.len() {
                polys.push(crossing(&o.nums[k], &o.nums[l], &scales[k], &scales[l]));
            }
        }
        let mut xs: Vec<Algebraic> = vec![piece.lo.clone().into(), piece.hi.clone().into()];
        for p in polys.iter().filter(|p| !p.is_zero()) {
            xs.extend(real_roots(p).into_iter().map(|r| r.value).filter(|z| {
                z.cmp_rational(&piece.lo).is_gt() && z.cmp_rational(&piece.hi).is_lt()
            }));
        }
        xs.sort();
        xs.dedup();
        // The previous candidate of this piece, when its value is the best so far.
        let mut previous_at_best: Option<Algebraic> = None;
        for x in xs {
            let candidate = Candidate {
                x,
                piece: index,
                objective: o,
            };
            let order = match &best {
                None => Ordering::Greater,
                Some(b) => candidate.cmp(b, scales),
            };
            let at = candidate.x.clone();
            everywhere &= order == Ordering::Equal || best.is_none();
            match order {
                Ordering::Greater => {
                    best = Some(candidate);
                    tied.clear();
                    flat.clear();
                }
                Ordering::Equal => {
                    tied.push(at.clone());
                    if let Some(before) = &previous_at_best {
                        flat.push((before.clone(), at.clone()));
                    }
                }
                Ordering::Less => {}
            }
            previous_at_best = (order != Ordering::Less).then_some(at);
        }
    }
    let best = best.expect("at least one piece");
    Best {
        x: best.x,
        piece: best.piece,
        tied,
        flat,
        everywhere,
    }
}

/// A polynomial vanishing wherever `g/s = h/t` (and possibly elsewhere: the candidates it
/// proposes are only ever evaluated, so extra roots cost time, not correctness).
fn crossing(g: &Poly, h: &Poly, s: &Algebraic, t: &Algebraic) -> Poly {
    let ratio = s.div(t).expect("scales are positive");
    match ratio.as_rational() {
        Some(mu) => g - &h.scale(mu),
        None if h.is_zero() => g.clone(),
        None => {
            // Res_y(g(x) − y·h(x), m(y)) for the minimal polynomial m of s/t.
            let m: Vec<Poly> = ratio
                .defining_poly()
                .coeffs()
                .iter()
                .map(|c| Poly::constant(c.clone()))
                .collect();
            resultant_y(&[g.clone(), -h], &m)
        }
    }
}

/// The largest degree of a share reported exactly; beyond it (Kalai–Smorodinsky with
/// irrational ideals) share and values are certified enclosures of the requested width.
const EXACT_DEGREE: usize = 8;

/// An enclosure of `num/den` at `x`, at most `width` wide.
fn enclose_ratio(x: &Algebraic, num: &Poly, den: &Poly, width: &Rational) -> Interval {
    let mut w = width.clone();
    loop {
        let xs = around(x, &w);
        let d = xs.eval(den);
        if d.lo > 0 {
            let v = divide(&xs.eval(num), &d);
            if v.width() <= *width {
                return v;
            }
        }
        w = &w / int(1024);
    }
}

fn solutions(pieces: &[Piece], gainers: &[bool], width: &Rational) -> Vec<Solution> {
    let players = players(gainers.len() - 1);
    let describe = |name: String, best: Best, rule: &'static str| {
        let (x, index) = (best.x, best.piece);
        let piece = &pieces[index];
        let f = &piece.formula;
        // At a piece's end next to another piece the maximum over the examined shares is
        // attained at that probe; the gap to the next piece (≤ the width) was not examined.
        let at_change = (x == Algebraic::from(piece.lo.clone()) && index > 0)
            || (x == Algebraic::from(piece.hi.clone()) && index + 1 < pieces.len());
        let exact = x.defining_poly().degree().unwrap_or(1) <= EXACT_DEGREE;
        let value = |num: &Poly, den: &Poly| {
            if exact {
                Value::Exact(x.map_ratio(num, den).expect("den > 0 on a piece"))
            } else {
                Value::Enclosure(enclose_ratio(&x, num, den, width))
            }
        };
        let share = |x: &Algebraic| format!("delta = {}", value_text(x));
        let tie = (!best.tied.is_empty()).then(|| {
            let mut tie = Tie::new(name.clone(), share(&x), rule);
            if best.everywhere {
                return tie.over("every other examined delta");
            }
            for (a, b) in &best.flat {
                tie = tie.over(format!("every delta in [{}, {}]", value_text(a), value_text(b)));
            }
            let in_flat = |t: &Algebraic| best.flat.iter().any(|(a, b)| t == a || t == b);
            for t in best.tied.iter().filter(|t| !in_flat(t)) {
                tie = tie.over(share(t));
            }
            tie
        });
        Solution {
            name,
            tie,
            alpha0: value(&f.alpha0.0, &f.alpha0.1),
            u: f.nums.iter().map(|g| value(g, &f.den)).collect(),
            delta: if exact {
                Value::Exact(x.clone())
            } else {
                Value::Enclosure(around(&x, width))
            },
            at_change,
        }
    };
    let one = || Algebraic::from(int(1));
    let chosen: Vec<usize> = (0..gainers.len()).filter(|&p| gainers[p]).collect();
    let mut out = Vec::new();
    let mut ideals = Vec::new();
    for (p, name) in players.iter().enumerate() {
        let best = maximize_min(
            pieces,
            |f| Objective {
                nums: vec![f.nums[p].clone()],
                den: f.den.clone(),
            },
            &[one()],
        );
        let solution = describe(
            format!("{name}_ideal"),
            best,
            "equal utility to the player; smaller delta",
        );
        ideals.push(
            solution.u[p]
                .as_exact()
                .expect("a single utility's maximizer has a small degree")
                .clone(),
        );
        out.push(solution);
    }
    if chosen.is_empty() {
        return out;
    }
    let mut named = vec![
        describe(
            "nash".into(),
            maximize_min(
                pieces,
                |f| Objective {
                    nums: vec![
                        chosen
                            .iter()
                            .fold(Poly::constant(int(1)), |acc, &p| &acc * &f.nums[p]),
                    ],
                    den: f.den.pow(chosen.len() as u32),
                },
                &[one()],
            ),
            "equal product of the gainers' utilities; smaller delta",
        ),
        describe(
            "egalitarian".into(),
            maximize_min(
                pieces,
                |f| Objective {
                    nums: chosen.iter().map(|&p| f.nums[p].clone()).collect(),
                    den: f.den.clone(),
                },
                &vec![one(); chosen.len()],
            ),
            "equal smallest utility among the gainers; smaller delta",
        ),
        describe(
            "utilitarian".into(),
            maximize_min(
                pieces,
                |f| Objective {
                    nums: vec![f.nums.iter().fold(Poly::zero(), |acc, g| &acc + g)],
                    den: f.den.clone(),
                },
                &[one()],
            ),
            "equal sum of utilities; smaller delta",
        ),
    ];
    let scales: Vec<Algebraic> = chosen.iter().map(|&p| ideals[p].clone()).collect();
    named.push(describe(
        "kalai_smorodinsky".into(),
        maximize_min(
            pieces,
            |f| Objective {
                nums: chosen.iter().map(|&p| f.nums[p].clone()).collect(),
                den: f.den.clone(),
            },
            &scales,
        ),
        "equal smallest utility relative to its ideal; smaller delta",
    ));
    named.extend(out);
    named
}
