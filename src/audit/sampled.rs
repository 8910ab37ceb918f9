//! Audits without decision quantities: exact samples, bisection between them, and exact points of change where the model can solve for them.

use std::cmp::Ordering;

use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Rational};

use super::Evaluator;

pub(super) fn bounds_next(c: &Algebraic, to: &Rational) -> Algebraic {
    let step = Algebraic::from_rational(crate::exact::rational::pow2(-30));
    let up = c.add(&step);
    if up.cmp_rational(to) == Ordering::Less {
        up
    } else {
        Algebraic::from_rational(to.clone())
    }
}

pub(super) fn bounds_prev(c: &Algebraic, from: &Rational) -> Algebraic {
    let step = Algebraic::from_rational(crate::exact::rational::pow2(-30));
    let down = c.sub(&step);
    if down.cmp_rational(from) == Ordering::Greater {
        down
    } else {
        Algebraic::from_rational(from.clone())
    }
}

/// Narrows `[from, to]` to games of the model (the parameter's domain), by exact bisection.
pub(super) fn clamp(ev: &mut Evaluator, from: Rational, to: Rational) -> (Rational, Rational) {
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
pub(super) fn sampled_changes(
    ev: &mut Evaluator,
    lo: &Rational,
    hi: &Rational,
    (lo_closed, hi_closed): (bool, bool),
) -> Result<Vec<Algebraic>, super::Failure> {
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
        cell.borrow_mut().truth(t).map(|r| r.0).map_err(|failure| {
            crate::error::Error::InvalidArgument {
                argument: "audit".into(),
                reason: failure.message,
            }
        })
    };
    // A change the model cannot locate keeps its bracket: the audit then reports the bracket.
    model
        .exact_change(&base, &name, (&lo, &hi), (a, b), &holds)
        .ok()
        .flatten()
}
