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

mod cells;
mod policy;
mod sampled;

pub use policy::parse_policy;

use crate::claims::eval::Env;
use crate::claims::expr::Expr;
use crate::claims::file::ClaimError;
use crate::claims::outputs::Cache;
use crate::claims::val::Val;
use crate::exact::sign::{canonical_rational_between, rational_between};
use crate::exact::{Algebraic, Rational};
use crate::models::Model;
use crate::models::arguments::Arguments;

use cells::{decompose, truth_at};
use sampled::{bounds_next, bounds_prev, clamp, sampled_changes};

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
    /// Where the family and the assertion are in the file, for errors found while auditing.
    pub(crate) places: Places,
}

/// The file positions an audit's errors point at.
#[derive(Clone, Debug)]
pub(crate) struct Places {
    pub(crate) text: String,
    pub(crate) family: usize,
    pub(crate) assertion: usize,
    /// The assertion is a shorthand: its expansion is not in the file, so problems inside it
    /// point at the assertion's start.
    pub(crate) shorthand: bool,
}

/// Why an audit stopped: a message, at an offset into the assertion when the assertion cannot
/// be evaluated there, else (a game of the family is not one of the model) at the family.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub in_assertion: Option<usize>,
    pub message: String,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure {
            in_assertion: None,
            message,
        }
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::from(message.to_string())
    }
}

impl Policy {
    /// The failure as a located error: file, line and column, as a malformed policy's.
    pub fn locate(&self, failure: &Failure) -> ClaimError {
        let p = &self.places;
        let offset = match failure.in_assertion {
            Some(e) if !p.shorthand => p.assertion + e,
            Some(_) => p.assertion,
            None => p.family,
        };
        crate::claims::file::position(&self.file, &p.text, offset, failure.message.clone())
    }
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

pub(super) struct Evaluator<'p> {
    pub(super) policy: &'p Policy,
    pub(super) base: Arguments,
    pub(super) cache: Cache,
    /// Called once per game solved (a progress count).
    tick: &'p dyn Fn(),
}

impl Evaluator<'_> {
    pub(super) fn args(&self, t: &Rational) -> Result<Arguments, String> {
        self.base
            .with(&self.policy.family.0, t.clone())
            .map_err(|e| e.to_string())
    }

    /// The assertion's truth at a rational point, with the values read.
    pub(super) fn truth(&mut self, t: &Rational) -> Result<(bool, Vec<(String, Val)>), Failure> {
        let args = self.args(t)?;
        crate::claims::outputs::validate(&args).map_err(|e| e.to_string())?;
        let in_assertion = |at: crate::claims::expr::Located| Failure {
            in_assertion: Some(at.offset),
            message: at.message,
        };
        if let Some(at) = crate::claims::outputs::beyond_domains(&args, &self.policy.assertion.1) {
            return Err(in_assertion(at));
        }
        (self.tick)();
        let mut env = Env::new(args, &[], &mut self.cache);
        let r = env
            .truth("claim", &self.policy.assertion.1)
            .map_err(|e| in_assertion(e.at))?;
        Ok((r, std::mem::take(&mut env.trace)))
    }

    /// A numeric quantity at a rational point (`None` when not a rational number).
    pub(super) fn quantity(&mut self, e: &Expr, t: &Rational) -> Option<Rational> {
        let args = self.args(t).ok()?;
        let mut env = Env::new(args, &[], &mut self.cache);
        match env.value(e).ok()? {
            Val::Num(a) => a.as_rational().cloned(),
            _ => None,
        }
    }
}

/// Runs the audit.
pub fn audit(policy: &Policy) -> Result<Audit, Failure> {
    audit_showing(policy, &|| {})
}

/// Runs the audit, calling `tick` once per game solved.
pub fn audit_showing(policy: &Policy, tick: &dyn Fn()) -> Result<Audit, Failure> {
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
        tick,
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
            let t = truth_at(&mut ev, decomposition.as_ref(), &w[0])?
                .ok_or("the family's lower end is not a game")?;
            pieces.push((w[0].clone(), w[0].clone(), t));
        }
        let mid = rational_between(&w[0], &w[1]);
        let (t, _) = ev.truth(&mid)?;
        pieces.push((w[0].clone(), w[1].clone(), t));
        if k == last && !hi_closed {
            continue;
        }
        match truth_at(&mut ev, decomposition.as_ref(), &w[1])? {
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
                _ if a == b => canonical_rational_between(
                    a,
                    &bounds
                        .iter()
                        .find(|x| *x > a)
                        .cloned()
                        .unwrap_or_else(|| Algebraic::from_rational(hi.clone())),
                ),
                _ => canonical_rational_between(a, b),
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
                // Beyond the family a point may be no game: that is no failure there.
                let fails_at = truth_at(&mut ev, outer.as_ref(), &c).ok().flatten() == Some(false)
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
