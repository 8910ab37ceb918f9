//! The race model solved exactly: revenues, the upgrade gain and the profit-maximizing closed size y*, as exact or certified values.
//!
//! Every revenue is the linear form of `form.rs` evaluated at the game's structural values and
//! f-values. y* maximizes `revenue(y) − y` over `(x, cap]`: the points where the form changes
//! (x', the rival's y2) cut that range into cells; in each cell the profit is `C·f(y) + K − y`,
//! so its maximum is at the cell's right end or a stationary point of `C·f(y) − y` (the
//! family's breakpoints for the piecewise linear f). The candidates are compared exactly;
//! with logarithmic f, by certified enclosures, and a comparison they cannot settle is reported
//! as undecided, never guessed.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::exact::interval::Interval;
use crate::exact::rational::{int, one, pow, zero};
use crate::exact::{Algebraic, Rational, Value};

use super::family::{self, Point};
use super::form::{self, Form, Pt, VARS};
use super::params::{Extension, Params};
use crate::models::tie::{Tie, value_text};

/// The structural values: `n`, `wb`, `wa`, `q`, `s`, `V` (in [`VARS`] order).
pub fn structural(params: &Params) -> [Rational; 6] {
    let (k, m) = (params.k(), params.m());
    let (wb, wa) = match params.ext() {
        Extension::Discount { rho } => {
            // Σ_{t=1..k} ρ^t and Σ_{t=k+1..m} ρ^t (k, m whole days), as geometric sums: the
            // day-by-day sum took minutes at m = 100,000 (every partial sum a long fraction).
            let power = |t: &Rational| pow(rho, integer_days(t));
            let sum_to = |t: &Rational| {
                if *rho == 1 {
                    t.clone()
                } else {
                    rho * (one() - power(t)) / (one() - rho)
                }
            };
            let before = sum_to(k);
            (before.clone(), sum_to(m) - before)
        }
        _ => (k.clone(), m - k),
    };
    let q = match params.ext() {
        Extension::UncertainRelease { q } => q.clone(),
        _ => one(),
    };
    let s = match params.ext() {
        Extension::Duopoly { s, .. } => s.clone(),
        _ => zero(),
    };
    let v = match params.ext() {
        Extension::CustomerTypes { v, w } => type_factor(v, w),
        _ => one(),
    };
    let values = [params.n().clone(), wb, wa, q, s, v];
    debug_assert_eq!(VARS.len(), values.len());
    values
}

/// A whole number of days as an exponent (checked whole and at most the discounted horizon by
/// the parameters).
fn integer_days(t: &Rational) -> u64 {
    crate::exact::rational::int_to_i64(&crate::exact::rational::numerator(t))
        .and_then(|t| u64::try_from(t).ok())
        .expect("days under ext=discount are whole and at most the horizon limit")
}

/// `max_j v_j · (share of customers valuing at least v_j)`: with one price P per day, type j
/// buys when `v_j·(f(y) − f(o)) ≥ P`, so the best price is some `v_j·(f(y) − f(o))` and the
/// revenue per customer is this factor times `f(y) − f(o)`.
pub fn type_factor(v: &[Rational], w: &[Rational]) -> Rational {
    v.iter()
        .map(|vj| {
            let share: Rational = v
                .iter()
                .zip(w)
                .filter(|(vi, _)| *vi >= vj)
                .map(|(_, wi)| wi.clone())
                .sum();
            vj * share
        })
        .max()
        .unwrap_or_else(zero)
}

/// Where each named point is.
pub fn location(params: &Params, p: Pt) -> Rational {
    match p {
        Pt::X => params.x().clone(),
        Pt::Xp => params.xp().clone(),
        Pt::Y => params.y().clone(),
        Pt::Z => params.z().clone(),
        Pt::Y2 => match params.ext() {
            Extension::Duopoly { y2, .. } => y2.clone(),
            // No rival: a point above every size, never the binding outside option.
            _ => params.cap() + one(),
        },
    }
}

/// `Σ c·v` exactly when every value is exact, else as an enclosure; `what` names the sum in
/// the error when its exact form would pass [`crate::limits::Limit::AlgebraicDegree`].
pub fn combine(terms: &[(Rational, Value)], what: &str) -> Result<Value> {
    let exact: Option<Vec<(Rational, &Algebraic)>> = terms
        .iter()
        .map(|(c, v)| v.as_exact().map(|a| (c.clone(), a)))
        .collect();
    if let Some(exact) = exact {
        // Σ c_i·α_i = c0·Σ (c_i/c0)·α_i: the resultants see the small ratios (often ±1), not
        // the large coefficients the structural values make.
        let scale = |a: &Algebraic, c: Rational| a.scale(&c);
        let mut rational = zero();
        let mut irrational: Vec<(Rational, &Algebraic)> = Vec::new();
        for (c, a) in exact {
            match a.as_rational() {
                Some(r) => rational += &c * r,
                None if c != 0 => irrational.push((c, a)),
                None => {}
            }
        }
        let Some(c0) = irrational.first().map(|(c, _)| c.clone()) else {
            return Ok(Value::rational(rational));
        };
        let mut sum = Algebraic::from_rational(zero());
        for (c, a) in &irrational {
            let ratio = c / &c0;
            let term = if ratio == 1 {
                (*a).clone()
            } else {
                scale(a, ratio)
            };
            sum = sum.checked_add(&term, what)?;
        }
        return Ok(Value::Exact(
            scale(&sum, c0).add(&Algebraic::from_rational(rational)),
        ));
    }
    let width = family::log_width();
    let mut lo = zero();
    let mut hi = zero();
    for (c, v) in terms {
        let iv = v.enclose(&width);
        let (a, b) = (c * &iv.lo, c * &iv.hi);
        if a <= b {
            lo += a;
            hi += b;
        } else {
            lo += b;
            hi += a;
        }
    }
    Ok(Value::Enclosure(Interval::new(lo, hi)))
}

/// How `a` compares with `b`: exactly when both are exact, else from certified enclosures
/// (`None` when they overlap).
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (a.as_exact(), b.as_exact()) {
        return Some(x.cmp(y));
    }
    let width = family::log_width();
    let (x, y) = (a.enclose(&width), b.enclose(&width));
    if x.hi < y.lo {
        Some(Ordering::Less)
    } else if y.hi < x.lo {
        Some(Ordering::Greater)
    } else {
        None
    }
}

/// f at every named point of the game.
pub fn f_values(params: &Params) -> BTreeMap<Pt, Value> {
    let mut out = BTreeMap::new();
    for p in [Pt::X, Pt::Xp, Pt::Y, Pt::Z] {
        out.insert(p, family::value(params.family(), &location(params, p)));
    }
    if let Extension::Duopoly { y2, .. } = params.ext() {
        out.insert(Pt::Y2, family::value(params.family(), y2));
    }
    out
}

/// A form's value at the game.
pub fn evaluate(
    form: &Form,
    structural: &[Rational; 6],
    f: &BTreeMap<Pt, Value>,
    what: &str,
) -> Result<Value> {
    let terms: Vec<(Rational, Value)> = form
        .terms()
        .map(|(p, c)| (c.eval(structural), f[p].clone()))
        .collect();
    combine(&terms, what)
}

/// The order of the points of this game.
fn order_of(params: &Params) -> impl Fn(Pt, Pt) -> Ordering + '_ {
    move |a, b| location(params, a).cmp(&location(params, b))
}

/// The best closed size.
#[derive(Clone, Debug)]
pub enum Best {
    /// Training pays: the smallest profit-maximizing size and its profit (> 0), and the other
    /// maximizing sizes set aside.
    Trains {
        ystar: Algebraic,
        profit: Value,
        ties: Vec<Tie>,
    },
    /// No size in `(x, cap]` makes a positive profit; the best profit found (≤ 0), and the
    /// tie when it is exactly 0.
    StaysOut { best: Value, ties: Vec<Tie> },
    /// Two candidates could not be compared (certified enclosures overlap).
    Undecided { why: String },
}

impl Best {
    /// The ties resolved in choosing the size.
    pub fn ties(&self) -> &[Tie] {
        match self {
            Best::Trains { ties, .. } | Best::StaysOut { ties, .. } => ties,
            Best::Undecided { .. } => &[],
        }
    }
}

/// Everything the model computes for one game.
#[derive(Clone, Debug)]
pub struct Solution {
    /// Revenue of the firm at size y (over the horizon, with the improvement schedule).
    pub revenue: Value,
    /// Revenue at the upgraded size z.
    pub revenue_z: Value,
    /// The upgrade gain: `revenue_z − revenue`.
    pub gain: Value,
    /// `revenue − y`.
    pub profit: Value,
    pub best: Best,
    /// f at x, x', y, z (and y2).
    pub f: BTreeMap<Pt, Value>,
    pub structural: [Rational; 6],
}

/// Solves one game.
pub fn solve(params: &Params) -> Result<Solution> {
    let structural = structural(params);
    let f = f_values(params);
    let ord = order_of(params);
    let ext = params.ext();
    let revenue = evaluate(&form::revenue(ext, Pt::Y, &ord), &structural, &f, "revenue")?;
    let revenue_z = evaluate(
        &form::revenue(ext, Pt::Z, &ord),
        &structural,
        &f,
        "revenue_z",
    )?;
    let gain = evaluate(&form::gain(ext, &ord), &structural, &f, "gain")?;
    let profit = combine(
        &[
            (one(), revenue.clone()),
            (-one(), Value::rational(params.y().clone())),
        ],
        "profit",
    )?;
    let best = best_size(params, &structural, &f)?;
    Ok(Solution {
        revenue,
        revenue_z,
        gain,
        profit,
        best,
        f,
        structural,
    })
}

/// y*: candidates per cell of `(x, cap]`, compared exactly (see the module note).
fn best_size(params: &Params, structural: &[Rational; 6], f: &BTreeMap<Pt, Value>) -> Result<Best> {
    let (x, cap) = (params.x(), params.cap());
    let mut cuts: Vec<Rational> = [Pt::Xp, Pt::Y2]
        .iter()
        .map(|p| location(params, *p))
        .filter(|t| t > x && t < cap)
        .collect();
    cuts.push(cap.clone());
    cuts.sort();
    cuts.dedup();
    let mut candidates: Vec<(Algebraic, Value)> = Vec::new();
    let mut lo = x.clone();
    for hi in cuts {
        // The form for y inside this cell, ordered by a representative point.
        let mid = (&lo + &hi) / int(2);
        let ord = |a: Pt, b: Pt| {
            let at = |p: Pt| {
                if p == Pt::Y {
                    mid.clone()
                } else {
                    location(params, p)
                }
            };
            at(a).cmp(&at(b))
        };
        let rev = form::revenue(params.ext(), Pt::Y, &ord);
        let c = rev.coeff(Pt::Y).eval(structural);
        let rest: Vec<(Rational, Value)> = rev
            .terms()
            .filter(|(p, _)| **p != Pt::Y)
            .map(|(p, coeff)| (coeff.eval(structural), f[p].clone()))
            .collect();
        let mut points = family::stationary(params.family(), &c, &lo, &hi);
        points.push(Point {
            y: Algebraic::from_rational(hi.clone()),
            fy: family::value(params.family(), &hi),
        });
        for point in points {
            let mut terms = rest.clone();
            terms.push((c.clone(), point.fy));
            terms.push((-one(), Value::Exact(point.y.clone())));
            let value = combine(&terms, "the profit at a candidate size y*")?;
            candidates.push((point.y, value));
        }
        lo = hi;
    }
    let mut best: Option<(Algebraic, Value)> = None;
    // The sizes worth as much as the best (distinct sizes: the firm's tie).
    let mut level: Vec<Algebraic> = Vec::new();
    for (y, value) in candidates {
        let better = match &best {
            None => {
                level = vec![y.clone()];
                true
            }
            Some((by, bv)) => match compare(&value, bv) {
                Some(Ordering::Greater) => {
                    level = vec![y.clone()];
                    true
                }
                Some(Ordering::Less) => false,
                Some(Ordering::Equal) => {
                    if !level.contains(&y) {
                        level.push(y.clone());
                    }
                    y < *by
                }
                None => {
                    return Ok(Best::Undecided {
                        why: format!(
                            "the profits at y ≈ {:.6} and y ≈ {:.6} have overlapping certified enclosures",
                            y.to_f64(),
                            by.to_f64()
                        ),
                    });
                }
            },
        };
        if better {
            best = Some((y, value));
        }
    }
    let (ystar, value) = best.ok_or_else(|| Error::Domain {
        name: "cap".into(),
        value: cap.to_string(),
        domain: "a size range (x, cap] that is not empty".into(),
    })?;
    let size = |y: &Algebraic| format!("y = {}", value_text(y));
    Ok(match compare(&value, &Value::rational(zero())) {
        Some(Ordering::Greater) => {
            let mut ties = Vec::new();
            if level.len() > 1 {
                let mut tie = Tie::new("firm", size(&ystar), "equal profit; the smallest size");
                for y in &level {
                    tie = tie.over(size(y));
                }
                ties.push(tie);
            }
            Best::Trains {
                ystar,
                profit: value,
                ties,
            }
        }
        Some(Ordering::Equal) => {
            let mut tie = Tie::new(
                "firm",
                "stays out",
                "the best profit is 0; train only when it pays",
            );
            for y in &level {
                tie = tie.over(format!("train to {}", size(y)));
            }
            Best::StaysOut {
                best: value,
                ties: vec![tie],
            }
        }
        Some(_) => Best::StaysOut {
            best: value,
            ties: Vec::new(),
        },
        None => Best::Undecided {
            why: "the best profit's certified enclosure contains 0".into(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;
    use crate::models::arguments::Arguments;

    #[test]
    fn discounted_days_sum_as_geometric_series() {
        for (rho, k, m) in [(ratio(9, 10), 3, 7), (ratio(1, 3), 0, 5), (int(1), 2, 4)] {
            let args: Vec<String> = [
                "ext=discount".to_string(),
                format!("rho={rho}"),
                format!("k={k}"),
                format!("m={m}"),
            ]
            .into();
            let params =
                Params::from_arguments(&Arguments::parse(&super::super::model::MODEL, &args).unwrap())
                    .unwrap();
            let day = |t: u64| pow(&rho, t);
            let before: Rational = (1..=k).map(day).sum();
            let after: Rational = (k + 1..=m).map(day).sum();
            let [_, wb, wa, ..] = structural(&params);
            assert_eq!((wb, wa), (before, after), "rho = {rho}, k = {k}, m = {m}");
        }
    }
}
