//! The exact cell decomposition of a family: decision quantities as polynomials per piece, their roots, and the verdict on each cell and at each root.

use std::cmp::Ordering;

use crate::claims::expr::{Arith, Expr, Kind, parse};
use crate::exact::resultant::interpolate;
use crate::exact::{Algebraic, Rational, real_roots};
use crate::models::decisions::Decisions;

use super::Evaluator;
use super::policy::none_of;

/// The numeric comparisons of an expression, as differences `a − b`.
fn comparisons(e: &Expr, out: &mut Vec<Expr>) {
    match &e.kind {
        Kind::Compare(items, _) => {
            for pair in items.windows(2) {
                out.push(Expr {
                    kind: Kind::Arith(
                        Arith::Sub,
                        Box::new(pair[0].clone()),
                        Box::new(pair[1].clone()),
                    ),
                    offset: e.offset,
                });
            }
        }
        Kind::Not(a) => comparisons(a, out),
        Kind::And(a, b) | Kind::Or(a, b) | Kind::Implies(a, b) => {
            comparisons(a, out);
            comparisons(b, out);
        }
        _ => {}
    }
}

/// `q` as a polynomial of degree ≤ 4 on `[lo, hi]`: fitted at five interior points, confirmed
/// at two more (`None` if the quantity is not such a polynomial there, or not rational).
fn fit(ev: &mut Evaluator, e: &Expr, lo: &Rational, hi: &Rational) -> Option<crate::exact::Poly> {
    let node = |k: u64| lo + (hi - lo) * Rational::from(k) / Rational::from(8u64);
    let xs: Vec<Rational> = [1, 2, 3, 5, 7].iter().map(|k| node(*k)).collect();
    let ys: Vec<Rational> = xs
        .iter()
        .map(|x| ev.quantity(e, x))
        .collect::<Option<_>>()?;
    let p = interpolate(&xs, &ys);
    for k in [4, 6] {
        if ev.quantity(e, &node(k))? != p.eval(&node(k)) {
            return None;
        }
    }
    Some(p)
}

fn roots_in(p: &crate::exact::Poly, lo: &Rational, hi: &Rational) -> Vec<Algebraic> {
    if p.is_constant() {
        return Vec::new();
    }
    real_roots(p)
        .into_iter()
        .map(|r| r.value)
        .filter(|x| x.cmp_rational(lo) == Ordering::Greater && x.cmp_rational(hi) == Ordering::Less)
        .collect()
}

/// The family cut where the assertion can change: the points, and on each piece the decision
/// quantities as polynomials (in the order of [`Decisions::quantities`], then the assertion's own
/// numeric comparisons).
pub(super) struct Decomposition {
    pub(super) points: Vec<Algebraic>,
    pub(super) pieces: Vec<(Rational, Rational, Vec<crate::exact::Poly>)>,
}

/// Every point of `(lo, hi)` where the assertion can change, exactly (`None`: no decomposition).
pub(super) fn decompose(ev: &mut Evaluator, lo: &Rational, hi: &Rational) -> Option<Decomposition> {
    let decisions = ev.policy.model.decisions()?;
    let mut exprs: Vec<Expr> = decisions
        .quantities
        .iter()
        .map(|q| parse(q).expect("a valid quantity"))
        .collect();
    // The assertion's own numeric comparisons (label comparisons change only with the regime).
    // "WORD at least X" compares the output's value in the regime chosen, one expression per
    // regime, so each expression's difference from X is tracked.
    if let Some(x) = at_least_threshold(decisions, &ev.policy.assertion.0) {
        for e in decisions.at_least.as_ref()?.expressions() {
            exprs.push(parse(&format!("{e} - ({x})")).ok()?);
        }
    } else {
        let mut own = Vec::new();
        comparisons(&ev.policy.assertion.1, &mut own);
        let mid = (lo + hi) / Rational::from(2);
        for e in own {
            if ev.quantity(&e, &mid).is_some() {
                exprs.push(e);
            }
        }
    }
    // Piece breaks first: where the unclipped optimum crosses 0 or 1 (linear, or constant).
    let mut breaks: Vec<Algebraic> = Vec::new();
    for e in &exprs[..decisions.breaks] {
        breaks.extend(roots_in(&fit(ev, e, lo, hi)?, lo, hi));
    }
    breaks.sort();
    breaks.dedup();
    let mut ends: Vec<Rational> = vec![lo.clone()];
    // Pieces need rational ends to place nodes: the breaks are roots of linear polynomials.
    for b in &breaks {
        ends.push(b.as_rational()?.clone());
    }
    ends.push(hi.clone());
    let mut points: Vec<Algebraic> = breaks;
    let mut pieces = Vec::new();
    for w in ends.windows(2) {
        let mut polys = Vec::with_capacity(exprs.len());
        for e in &exprs {
            let p = fit(ev, e, &w[0], &w[1])?;
            points.extend(roots_in(&p, &w[0], &w[1]));
            polys.push(p);
        }
        pieces.push((w[0].clone(), w[1].clone(), polys));
    }
    points.sort();
    points.dedup();
    Some(Decomposition { points, pieces })
}

/// The `X` of an assertion `OUTPUT >= X` expanded from the model's `WORD at least X`.
fn at_least_threshold<'a>(decisions: &Decisions, assertion: &'a str) -> Option<&'a str> {
    let output = decisions.at_least.as_ref()?.output;
    assertion.strip_prefix(&format!("{output} >= "))
}

/// The model's regime at `x` from the signs there of its decision quantities, and the sign of
/// the tracked `WORD at least X` difference in that regime (`Less` where none is tracked).
fn regime_at(
    d: &Decomposition,
    decisions: &Decisions,
    x: &Algebraic,
) -> Option<(&'static str, Ordering)> {
    let (_, _, polys) = d
        .pieces
        .iter()
        .find(|(a, b, _)| x.cmp_rational(a).is_ge() && x.cmp_rational(b).is_le())?;
    let sign = |k: usize| x.sign_of_poly(&polys[k]);
    let regime = (decisions.regime)(&sign);
    let n = decisions.quantities.len();
    let own = decisions
        .at_least
        .as_ref()
        .and_then(|a| {
            let expressions = a.expressions();
            let k = expressions
                .iter()
                .position(|e| Some(*e) == a.value_in(regime))?;
            (polys.len() >= n + expressions.len()).then(|| sign(n + k))
        })
        .unwrap_or(Ordering::Less);
    Some((regime, own))
}

/// The assertion's truth at a point that may be irrational: exact evaluation at rationals (an
/// evaluation that fails is the error); at an irrational root, from the signs of the decision
/// quantities there (shorthand assertions), `None` when they cannot say.
pub(super) fn truth_at(
    ev: &mut Evaluator,
    d: Option<&Decomposition>,
    x: &Algebraic,
) -> Result<Option<bool>, super::Failure> {
    if let Some(r) = x.as_rational() {
        return ev.truth(r).map(|t| Some(t.0));
    }
    Ok(truth_from_decisions(ev, d, x))
}

fn truth_from_decisions(
    ev: &mut Evaluator,
    d: Option<&Decomposition>,
    x: &Algebraic,
) -> Option<bool> {
    let decisions = ev.policy.model.decisions()?;
    let (regime, own) = regime_at(d?, decisions, x)?;
    let text = &ev.policy.assertion.0;
    // One label compared, not a compound assertion that happens to start and end like one.
    let one_label = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|s| s.strip_suffix('"'))
            .filter(|label| !label.contains('"'))
    };
    if let Some(label) = one_label("regime == \"") {
        return Some(regime == label);
    }
    if !decisions.exits.is_empty() && *text == none_of(decisions.exits) {
        return Some(!decisions.exits.contains(&regime));
    }
    if let Some(label) = one_label("regime != \"") {
        return Some(regime != label);
    }
    // `OUTPUT >= X`: the output's expression in this regime, or 0 where none is listed.
    let threshold = crate::exact::parse_rational(at_least_threshold(decisions, text)?).ok()?;
    match decisions.at_least.as_ref()?.value_in(regime) {
        None => Some(threshold <= 0),
        Some(_) => Some(own.is_ge()),
    }
}
