//! `gpai audit POLICY.toml`: is a claimed policy outcome true over a family of games — exactly, with the boundary where it stops holding, the margin and the first counterexample.
//!
//! A policy file names a model, fixed parameters (the regulation among them), one parameter
//! ranging over a family (e.g. generalists with `alpha0` in `[1/2, 1]`) and an assertion: a
//! shorthand (`all comply`, `none exits`, `openness at least 3/4`, `no deadweight loss`) or any
//! claim expression. The family is cut into cells on which the assertion cannot change:
//! for models that declare their decision quantities (openness), every quantity is a polynomial
//! in the family parameter on each piece, recovered by interpolation and checked at extra
//! points, and its roots are the only places the verdict can change — so every cell is decided
//! by one exact evaluation and every root exactly: the verdict is a proof. Otherwise the cells
//! come from bisection between exact samples and the verdict is a sampled one (said so).

use std::cmp::Ordering;
use std::collections::HashSet;

use toml_edit::ImDocument;

use crate::claims::eval::Env;
use crate::claims::expr::{Arith, Expr, Kind, parse};
use crate::claims::file::{
    ClaimError, Domain, check_labels, check_range, first_unknown_name, param_table, position,
    string_start,
};
use crate::claims::outputs::Cache;
use crate::claims::val::Val;
use crate::exact::resultant::interpolate;
use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Rational, real_roots};
use crate::models::arguments::Arguments;
use crate::models::decisions::Decisions;
use crate::models::{self, Model};

/// A parsed policy.
pub struct Policy {
    pub file: String,
    pub title: String,
    pub model: &'static dyn Model,
    /// Fixed parameters as written (numbers exactly; labels and lists as text).
    pub fixed: Vec<(String, String)>,
    pub family: (String, Rational, Rational),
    /// Whether the family's ends belong to it (`[lo, hi]`, `(lo, hi]`, …).
    pub family_closed: (bool, bool),
    /// The assertion as written and as an expression.
    pub assertion: (String, Expr),
}

/// An interval of the family parameter with exact ends, each open or closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Algebraic,
    pub lo_closed: bool,
    pub hi: Algebraic,
    pub hi_closed: bool,
}

/// The audit's answer.
pub struct Audit {
    pub holds: bool,
    /// `proved` (exact cell decomposition) or `verified` (samples and bisection).
    pub method: &'static str,
    /// Maximal sub-intervals of the family where the assertion holds, ends exact.
    pub holding: Vec<Interval>,
    /// Where the assertion changes inside the family (exact points).
    pub changes: Vec<Algebraic>,
    /// The first point of the family where it fails (a rational witness), with the values read there.
    pub counterexample: Option<(Rational, Vec<(String, Val)>)>,
    /// For a true assertion: the nearest points beyond the family where it stops holding, and
    /// the margin to each (`None` when it holds up to the parameter's domain limit searched).
    pub beyond: Vec<(Algebraic, Algebraic)>,
}

/// A shorthand assertion as a claim expression: `all comply`, `none exits`, `openness at least
/// X`, `no deadweight loss`. The label after `all`/`none` is matched, singular or plural, against
/// the labels the model's `regime` can take; one it cannot take is an error listing them.
fn shorthand(text: &str, model: &dyn Model) -> Option<Result<String, String>> {
    let t = text.trim().to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    let regime = |word: &str| -> Result<String, String> {
        let labels = crate::claims::outputs::labels_of(model, "regime").ok_or_else(|| {
            format!(
                "{} has no regime output, so `{}` cannot be read; write the assertion as a claim expression over its outputs",
                model.name,
                text.trim()
            )
        })?;
        let singular = [
            word.to_string(),
            word.strip_suffix("ies")
                .map(|w| format!("{w}y"))
                .unwrap_or_default(),
            word.strip_suffix("es").unwrap_or_default().to_string(),
            word.strip_suffix('s').unwrap_or_default().to_string(),
        ];
        singular
            .into_iter()
            .find(|w| labels.contains(w))
            .ok_or_else(|| {
                format!(
                    "{word:?} is not a regime of {}: its regimes are {}",
                    model.name,
                    labels.join(", ")
                )
            })
    };
    let exits = model.decisions().map_or(&[][..], |d| d.exits);
    Some(match words.as_slice() {
        ["all", label] => regime(label).map(|l| format!("regime == \"{l}\"")),
        ["none", "exits" | "exit"] if !exits.is_empty() => Ok(none_of(exits)),
        ["none", label] => regime(label).map(|l| format!("regime != \"{l}\"")),
        ["no", "deadweight", "loss"] => regime("pay").map(|l| format!("regime != \"{l}\"")),
        [word, "at", "least", value] => {
            // The output is the one of the model declaring the word; another model's game
            // then refuses it by name.
            let at_least = models::MODELS
                .iter()
                .filter_map(|m| m.decisions()?.at_least.as_ref())
                .find(|a| a.word == *word)?;
            Ok(format!("{} >= {value}", at_least.output))
        }
        _ => return None,
    })
}

/// The assertion that the regime is none of `labels`.
fn none_of(labels: &[&str]) -> String {
    labels
        .iter()
        .map(|l| format!("regime != \"{l}\""))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// Reads a policy file.
pub fn parse_policy(file: &str, text: &str) -> Result<Policy, ClaimError> {
    let at = |offset: usize, message: String| position(file, text, offset, message);
    let doc = ImDocument::parse(text.to_string()).map_err(|e| {
        let message = e
            .message()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("; ");
        at(
            e.span().map_or(0, |s| s.start),
            format!("malformed TOML: {message}"),
        )
    })?;
    let span = |item: &toml_edit::Item| item.span().map_or(0, |s| s.start);
    for (key, item) in doc.iter() {
        if !["title", "model", "params", "family", "assert"].contains(&key) {
            return Err(at(
                span(item),
                format!("unknown key `{key}`; a policy has title, model, params, family, assert"),
            ));
        }
    }
    let string = |key: &str| -> Result<(String, usize), ClaimError> {
        let item = doc
            .get(key)
            .ok_or_else(|| at(0, format!("missing key `{key}`")))?;
        let s = item
            .as_str()
            .ok_or_else(|| at(span(item), format!("`{key}` must be a string")))?;
        Ok((s.to_string(), string_start(text, item)))
    };
    let title = doc
        .get("title")
        .and_then(|t| t.as_str())
        .unwrap_or("")
        .to_string();
    let (model_name, model_at) = string("model")?;
    let model = models::find(&model_name).map_err(|e| at(model_at, e.to_string()))?;
    let mut fixed = Vec::new();
    for (name, domain, offset) in param_table(&doc, "params", model, &at)? {
        match domain {
            Domain::Fixed(v) => fixed.push((name.to_string(), v.to_string())),
            Domain::Text(t) => fixed.push((name.to_string(), t)),
            Domain::Range { .. } => {
                return Err(at(
                    offset,
                    format!(
                        "{name}: [params] are fixed values; put the one ranging parameter under [family]"
                    ),
                ));
            }
        }
    }
    let mut family = None;
    for (name, domain, offset) in param_table(&doc, "family", model, &at)? {
        match domain {
            Domain::Range { .. } if fixed.iter().any(|(n, _)| model.overlaps(n, &name)) => {
                return Err(at(
                    offset,
                    format!("{name} is given twice: in [params] and in [family]"),
                ));
            }
            Domain::Range { .. } if family.is_none() => {
                check_range(model, &name, &domain).map_err(|message| {
                    at(
                        offset,
                        format!("{message}; narrow the family to games of the model"),
                    )
                })?;
                let Domain::Range {
                    lo,
                    hi,
                    lo_closed,
                    hi_closed,
                } = domain
                else {
                    unreachable!("matched a range")
                };
                if lo >= hi {
                    return Err(at(offset, format!("{name}: the family needs lo < hi")));
                }
                family = Some(((name.to_string(), lo, hi), (lo_closed, hi_closed)));
            }
            _ => {
                return Err(at(
                    offset,
                    format!("{name}: [family] holds exactly one range \"[lo, hi]\""),
                ));
            }
        }
    }
    let (family, family_closed) = family.ok_or_else(|| {
        at(
            0,
            "missing [family]: one parameter with a range, e.g. alpha0 = \"[1/2, 1]\"".into(),
        )
    })?;
    let (assert_text, assert_at) = string("assert")?;
    let expression = match shorthand(&assert_text, model) {
        Some(expanded) => expanded.map_err(|message| at(assert_at, message))?,
        None => assert_text.clone(),
    };
    // A shorthand's expansion is not in the file: its problems point at the assertion itself.
    let offset_of = |e: usize| {
        if expression == assert_text {
            assert_at + e
        } else {
            assert_at
        }
    };
    let expr = parse(&expression).map_err(|e| {
        at(offset_of(e.offset), format!("{}; an assertion is a shorthand (all comply, none exits, openness at least X, no deadweight loss) or a claim expression", e.message))
    })?;
    if let Some(e) = first_unknown_name(model, &HashSet::new(), &expr) {
        return Err(at(offset_of(e.offset), e.message));
    }
    check_labels(model, &[], &expr).map_err(|e| at(offset_of(e.offset), e.message))?;
    Ok(Policy {
        file: file.into(),
        title,
        model,
        fixed,
        family,
        family_closed,
        assertion: (expression, expr),
    })
}

struct Evaluator<'p> {
    policy: &'p Policy,
    base: Arguments,
    cache: Cache,
}

impl Evaluator<'_> {
    fn args(&self, t: &Rational) -> Result<Arguments, String> {
        self.base
            .with(&self.policy.family.0, t.clone())
            .map_err(|e| e.to_string())
    }

    /// The assertion's truth at a rational point, with the values read.
    fn truth(&mut self, t: &Rational) -> Result<(bool, Vec<(String, Val)>), String> {
        let args = self.args(t)?;
        crate::claims::outputs::validate(&args).map_err(|e| e.to_string())?;
        let mut env = Env::new(args, &[], &mut self.cache);
        let r = env
            .truth("claim", &self.policy.assertion.1)
            .map_err(|e| e.at.message)?;
        Ok((r, std::mem::take(&mut env.trace)))
    }

    /// A numeric quantity at a rational point (`None` when not a rational number).
    fn quantity(&mut self, e: &Expr, t: &Rational) -> Option<Rational> {
        let args = self.args(t).ok()?;
        let mut env = Env::new(args, &[], &mut self.cache);
        match env.value(e).ok()? {
            Val::Num(a) => a.as_rational().cloned(),
            _ => None,
        }
    }
}

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
struct Decomposition {
    points: Vec<Algebraic>,
    pieces: Vec<(Rational, Rational, Vec<crate::exact::Poly>)>,
}

/// Every point of `(lo, hi)` where the assertion can change, exactly (`None`: no decomposition).
fn decompose(ev: &mut Evaluator, lo: &Rational, hi: &Rational) -> Option<Decomposition> {
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

/// The assertion's truth at a point that may be irrational: exact evaluation at rationals; at an
/// irrational root, from the signs of the decision quantities there (shorthand assertions).
fn truth_at(ev: &mut Evaluator, d: Option<&Decomposition>, x: &Algebraic) -> Option<bool> {
    if let Some(r) = x.as_rational() {
        return ev.truth(r).ok().map(|t| t.0);
    }
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

/// Runs the audit.
pub fn audit(policy: &Policy) -> Result<Audit, String> {
    let fixed: Vec<String> = policy
        .fixed
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    let base = Arguments::parse(policy.model, &fixed).map_err(|e| e.to_string())?;
    let mut ev = Evaluator {
        policy,
        base,
        cache: Cache::default(),
    };
    let (lo, hi) = (policy.family.1.clone(), policy.family.2.clone());
    let (lo_closed, hi_closed) = policy.family_closed;
    let decomposition = decompose(&mut ev, &lo, &hi);
    let (method, cells) = match &decomposition {
        Some(d) => ("proved", d.points.clone()),
        None => (
            "verified",
            sampled_changes(&mut ev, &lo, &hi, policy.family_closed)?,
        ),
    };
    // Truth on each open cell (one rational inside) and at each point.
    let mut bounds: Vec<Algebraic> = vec![Algebraic::from_rational(lo.clone())];
    bounds.extend(cells.iter().cloned());
    bounds.push(Algebraic::from_rational(hi.clone()));
    let mut pieces: Vec<(Algebraic, Algebraic, bool)> = Vec::new();
    let mut method = method;
    let last = bounds.len() - 2;
    for (k, w) in bounds.windows(2).enumerate() {
        // An open end of the family is not one of its games: never evaluated there.
        if k == 0 && lo_closed {
            let t = truth_at(&mut ev, decomposition.as_ref(), &w[0])
                .ok_or("the family's lower end is not a game")?;
            pieces.push((w[0].clone(), w[0].clone(), t));
        }
        let mid = rational_between(&w[0], &w[1]);
        let (t, _) = ev.truth(&mid)?;
        pieces.push((w[0].clone(), w[1].clone(), t));
        if k == last && !hi_closed {
            continue;
        }
        match truth_at(&mut ev, decomposition.as_ref(), &w[1]) {
            Some(t) => pieces.push((w[1].clone(), w[1].clone(), t)),
            None => method = "verified",
        }
    }
    // Merge into maximal holding intervals (with open or closed ends).
    let mut holding: Vec<Interval> = Vec::new();
    let mut open = false;
    for (a, b, t) in &pieces {
        let point = a == b;
        if !t {
            open = false;
            continue;
        }
        match holding.last_mut() {
            Some(last) if open && last.hi == *a && (point || last.hi_closed) => {
                last.hi = b.clone();
                last.hi_closed = point;
            }
            _ => {
                holding.push(Interval {
                    lo: a.clone(),
                    lo_closed: point,
                    hi: b.clone(),
                    hi_closed: point,
                });
                open = true;
            }
        }
    }
    let holds = pieces.iter().all(|p| p.2);
    let mut changes = Vec::new();
    for w in pieces.windows(2) {
        if w[0].2 != w[1].2 {
            let point = if w[0].0 == w[0].1 {
                w[0].0.clone()
            } else {
                w[1].0.clone()
            };
            if changes.last() != Some(&point) {
                changes.push(point);
            }
        }
    }
    let counterexample = match pieces.iter().find(|p| !p.2) {
        None => None,
        Some((a, b, _)) => {
            let witness = match a.as_rational() {
                Some(r) if a == b => r.clone(),
                _ if a == b => rational_between(
                    a,
                    &bounds
                        .iter()
                        .find(|x| *x > a)
                        .cloned()
                        .unwrap_or_else(|| Algebraic::from_rational(hi.clone())),
                ),
                _ => rational_between(a, b),
            };
            let (_, values) = ev.truth(&witness)?;
            Some((witness, values))
        }
    };
    // For a true assertion: search beyond each end (a family as wide again on each side, within
    // the parameter's domain) for where it stops holding.
    let mut beyond = Vec::new();
    if holds {
        let width = &hi - &lo;
        for (from, to) in [
            (hi.clone(), &hi + &width * Rational::from(4)),
            (&lo - &width * Rational::from(4), lo.clone()),
        ] {
            // An open end that is a game where the assertion fails: it stops holding right there.
            let (end, closed) = if from == hi {
                (&hi, hi_closed)
            } else {
                (&lo, lo_closed)
            };
            if !closed && ev.truth(end).is_ok_and(|t| !t.0) {
                beyond.push((
                    Algebraic::from_rational(end.clone()),
                    Algebraic::from_rational(Rational::from(0)),
                ));
                continue;
            }
            let (from, to) = clamp(&mut ev, from, to);
            if from >= to {
                continue;
            }
            let outer = decompose(&mut ev, &from, &to);
            let points = match &outer {
                Some(d) => d.points.clone(),
                None => sampled_changes(&mut ev, &from, &to, (true, true)).unwrap_or_default(),
            };
            let outward_up = from == hi;
            let mut candidates: Vec<Algebraic> = points;
            if !outward_up {
                candidates.reverse();
            }
            for c in candidates {
                let near = if outward_up {
                    rational_between(&c, &bounds_next(&c, &to))
                } else {
                    rational_between(&bounds_prev(&c, &from), &c)
                };
                let fails_at = truth_at(&mut ev, outer.as_ref(), &c) == Some(false)
                    || ev.truth(&near).map(|t| !t.0).unwrap_or(false);
                if fails_at {
                    let margin = if outward_up {
                        c.sub(&Algebraic::from_rational(hi.clone()))
                    } else {
                        Algebraic::from_rational(lo.clone()).sub(&c)
                    };
                    beyond.push((c, margin));
                    break;
                }
            }
        }
    }
    Ok(Audit {
        holds,
        method,
        holding,
        changes,
        counterexample,
        beyond,
    })
}

fn bounds_next(c: &Algebraic, to: &Rational) -> Algebraic {
    let step = Algebraic::from_rational(crate::exact::rational::pow2(-30));
    let up = c.add(&step);
    if up.cmp_rational(to) == Ordering::Less {
        up
    } else {
        Algebraic::from_rational(to.clone())
    }
}

fn bounds_prev(c: &Algebraic, from: &Rational) -> Algebraic {
    let step = Algebraic::from_rational(crate::exact::rational::pow2(-30));
    let down = c.sub(&step);
    if down.cmp_rational(from) == Ordering::Greater {
        down
    } else {
        Algebraic::from_rational(from.clone())
    }
}

/// Narrows `[from, to]` to games of the model (the parameter's domain), by exact bisection.
fn clamp(ev: &mut Evaluator, from: Rational, to: Rational) -> (Rational, Rational) {
    let valid = |ev: &mut Evaluator, t: &Rational| {
        ev.args(t)
            .ok()
            .is_some_and(|a| crate::claims::outputs::validate(&a).is_ok())
    };
    let (mut a, mut b) = (from, to);
    if !valid(ev, &a) {
        // Move `a` up toward the (valid) other end.
        let (mut bad, mut good) = (a.clone(), b.clone());
        for _ in 0..60 {
            let mid = (&bad + &good) / Rational::from(2);
            if valid(ev, &mid) {
                good = mid
            } else {
                bad = mid
            }
        }
        a = good;
    }
    if !valid(ev, &b) {
        let (mut good, mut bad) = (a.clone(), b.clone());
        for _ in 0..60 {
            let mid = (&good + &bad) / Rational::from(2);
            if valid(ev, &mid) {
                good = mid
            } else {
                bad = mid
            }
        }
        b = good;
    }
    (a, b)
}

/// Without decision quantities: truth changes bracketed by bisection between 400 exact samples
/// (each reported at the bracket's upper end; changes between two samples may be missed).
fn sampled_changes(
    ev: &mut Evaluator,
    lo: &Rational,
    hi: &Rational,
    (lo_closed, hi_closed): (bool, bool),
) -> Result<Vec<Algebraic>, String> {
    let n = 400u64;
    // An open end is sampled a quarter step inside instead.
    let at = |k: u64| {
        let inward = |k: u64| match (k, lo_closed, hi_closed) {
            (0, false, _) => Rational::from(1) / Rational::from(4u64),
            (k, _, false) if k == n => Rational::from(k) - Rational::from(1) / Rational::from(4u64),
            (k, _, _) => Rational::from(k),
        };
        lo + (hi - lo) * inward(k) / Rational::from(n)
    };
    let mut out = Vec::new();
    let mut prev = ev.truth(&at(0))?.0;
    for k in 1..=n {
        let t = ev.truth(&at(k))?.0;
        if t != prev {
            let (mut a, mut b) = (at(k - 1), at(k));
            for _ in 0..60 {
                let mid = (&a + &b) / Rational::from(2);
                if ev.truth(&mid)?.0 == prev {
                    a = mid
                } else {
                    b = mid
                }
            }
            let exact = exact_line_change(ev, &a, &b);
            out.push(exact.unwrap_or_else(|| {
                Algebraic::from_rational(rational_between(
                    &Algebraic::from_rational(a),
                    &Algebraic::from_rational(b),
                ))
            }));
        }
        prev = t;
    }
    Ok(out)
}

/// The exact point of a change bracketed in `[a, b]`, when the model can solve for it along
/// the family (the safety game's floors).
fn exact_line_change(ev: &mut Evaluator, a: &Rational, b: &Rational) -> Option<Algebraic> {
    let model = ev.policy.model;
    let (name, lo, hi) = ev.policy.family.clone();
    let base = ev.base.clone();
    let cell = std::cell::RefCell::new(ev);
    let holds = |t: &Rational| {
        cell.borrow_mut().truth(t).map(|r| r.0).map_err(|reason| {
            crate::error::Error::InvalidArgument {
                argument: "audit".into(),
                reason,
            }
        })
    };
    // A change the model cannot locate keeps its bracket: the audit then reports the bracket.
    model
        .exact_change(&base, &name, (&lo, &hi), (a, b), &holds)
        .ok()
        .flatten()
}
