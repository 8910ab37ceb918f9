//! Evaluating a claim expression exactly at one game: names, arithmetic, comparisons, model outputs, and `exists` by witness search.
//!
//! Names resolve in this order: the `exists` variable (or a variable the prover binds), `let`
//! names (each evaluated once per game), the model's parameters, its outputs. `and`, `or` and
//! `implies` short-circuit, so `d != 0 implies 1/d > 0` is safe. Numbers stay exact; an output
//! the model only certifies as an enclosure takes part through interval arithmetic, and a
//! comparison the enclosure cannot settle is an error saying so, never a guess.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::exact::interval::Interval;
use crate::exact::rational::{denominator, int, int_bits, numerator, one, pow2};
use crate::exact::sign::{canonical_rational_between, simplest_rational_between};
use crate::exact::{Algebraic, Rational};
use crate::limits::Limit;
use crate::models::arguments::Arguments;

use super::expr::{Arith, Cmp, Expr, Func, Kind, Located};
use super::file::LET_DEPTH;
use super::outputs::{Cache, is_output, unknown};
use super::val::Val;

/// A problem while evaluating, located in one of the claim's expressions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError {
    /// Which expression: `claim`, `assume` or `let.NAME`.
    pub field: String,
    pub at: Located,
}

/// How many points toward each end of an `exists` range are tried (besides the middle).
pub const EXISTS_DEPTH: u32 = 24;

/// The evaluation state at one game.
pub struct Env<'a> {
    pub args: Arguments,
    pub lets: &'a [(String, Expr)],
    pub cache: &'a mut Cache,
    /// Bound variables, innermost last.
    pub vars: Vec<(String, Val)>,
    /// `let` values and outputs read, in order (shown with a counterexample).
    pub trace: Vec<(String, Val)>,
    /// Labels and flags read (with the truth value, the sample's signature for boundary refinement).
    pub labels: Vec<String>,
    /// The witnesses of the `exists` that held, each after those its body found (outermost
    /// last).
    pub witnesses: Vec<(String, Val)>,
    /// Each `let` read at this point: its value and the witnesses its `exists` found.
    let_values: HashMap<String, (Val, Vec<(String, Val)>)>,
    in_progress: Vec<String>,
    field: String,
    /// Candidates the `exists` searches tried at this point.
    tried: usize,
}

type Eval<T> = Result<T, EvalError>;

impl<'a> Env<'a> {
    pub fn new(args: Arguments, lets: &'a [(String, Expr)], cache: &'a mut Cache) -> Env<'a> {
        Env {
            args,
            lets,
            cache,
            vars: Vec::new(),
            trace: Vec::new(),
            labels: Vec::new(),
            witnesses: Vec::new(),
            let_values: HashMap::new(),
            in_progress: Vec::new(),
            tried: 0,
            field: "claim".into(),
        }
    }

    fn fail<T>(&self, offset: usize, message: impl Into<String>) -> Eval<T> {
        Err(EvalError {
            field: self.field.clone(),
            at: Located {
                offset,
                message: message.into(),
            },
        })
    }

    /// The truth value of `expr` (from the field `field`: `claim` or `assume`).
    pub fn truth(&mut self, field: &str, expr: &Expr) -> Eval<bool> {
        self.field = field.into();
        self.boolean(expr)
    }

    fn boolean(&mut self, expr: &Expr) -> Eval<bool> {
        match self.value(expr)? {
            Val::Bool(b) => Ok(b),
            other => self.fail(
                expr.offset,
                format!("expected a truth value, found {} ({other})", other.kind()),
            ),
        }
    }

    fn number(&mut self, expr: &Expr) -> Eval<Val> {
        match self.value(expr)? {
            v @ (Val::Num(_) | Val::Enc(_)) => Ok(v),
            other => self.fail(
                expr.offset,
                format!("expected a number, found {} ({other})", other.kind()),
            ),
        }
    }

    /// The value of `expr`.
    pub fn value(&mut self, expr: &Expr) -> Eval<Val> {
        let at = expr.offset;
        match &expr.kind {
            Kind::Number(r) => Ok(Val::rational(r.clone())),
            Kind::Label(l) => Ok(Val::Label(l.clone())),
            Kind::Bool(b) => Ok(Val::Bool(*b)),
            Kind::Path(path) => self.path(path, at),
            Kind::Solve(assignments, path) => self.solve(assignments, path, at),
            Kind::Neg(a) => {
                let v = self.number(a)?;
                Ok(match v {
                    Val::Num(x) => Val::Num(x.neg()),
                    Val::Enc(i) => Val::Enc(i.neg()),
                    _ => unreachable!("number() returns numbers"),
                })
            }
            Kind::Arith(op, a, b) => {
                let (x, y) = (self.number(a)?, self.number(b)?);
                self.arith(*op, x, y, at)
            }
            Kind::Pow(a, e) => {
                let x = self.number(a)?;
                self.pow(x, *e, at)
            }
            Kind::Call(func, items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.number(item)?);
                }
                self.call(*func, values, at)
            }
            Kind::Compare(items, ops) => {
                let mut left = self.value(&items[0])?;
                for (item, op) in items[1..].iter().zip(ops) {
                    let right = self.value(item)?;
                    if !self.compare(&left, *op, &right, item.offset)? {
                        return Ok(Val::Bool(false));
                    }
                    left = right;
                }
                Ok(Val::Bool(true))
            }
            Kind::Not(a) => Ok(Val::Bool(!self.boolean(a)?)),
            Kind::And(a, b) => Ok(Val::Bool(self.boolean(a)? && self.boolean(b)?)),
            Kind::Or(a, b) => Ok(Val::Bool(self.boolean(a)? || self.boolean(b)?)),
            Kind::Implies(a, b) => Ok(Val::Bool(!self.boolean(a)? || self.boolean(b)?)),
            Kind::Exists {
                name,
                lo,
                hi,
                lo_closed,
                hi_closed,
                body,
            } => {
                let lo_v = self.exact_number(lo)?;
                let hi_v = self.exact_number(hi)?;
                // The first witness found is reported, with the witnesses its body found for
                // it (an inner exists's witnesses for a candidate that failed are dropped).
                let mut best: Option<Rational> = None;
                let before = self.witnesses.len();
                for candidate in candidates(&lo_v, &hi_v, *lo_closed, *hi_closed) {
                    self.tried += 1;
                    if let Err(e) = Limit::WitnessCandidates
                        .check(self.tried, "the exists searches at this point (nest fewer)")
                    {
                        return self.fail(expr.offset, e.to_string());
                    }
                    self.vars
                        .push((name.clone(), Val::rational(candidate.clone())));
                    let holds = self.boolean(body);
                    self.vars.pop();
                    if holds? {
                        best = Some(candidate);
                        break;
                    }
                    self.witnesses.truncate(before);
                }
                match best {
                    Some(w) => {
                        self.witnesses.push((name.clone(), Val::rational(w)));
                        Ok(Val::Bool(true))
                    }
                    None => Ok(Val::Bool(false)),
                }
            }
        }
    }

    /// Binds a variable for the next evaluation, forgetting every `let` value, read, label and
    /// witness of the last: a `let` may read the variable, so a value cached at one point is
    /// no value at another.
    pub fn rebind(&mut self, name: &str, value: Val) {
        match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            Some(bound) => bound.1 = value,
            None => self.vars.push((name.to_string(), value)),
        }
        self.let_values.clear();
        self.tried = 0;
        self.trace.clear();
        self.labels.clear();
        self.witnesses.clear();
    }

    fn exact_number(&mut self, expr: &Expr) -> Eval<Algebraic> {
        match self.number(expr)? {
            Val::Num(a) => Ok(a),
            _ => self.fail(expr.offset, "a range bound must be exact, not an enclosure"),
        }
    }

    fn path(&mut self, path: &str, at: usize) -> Eval<Val> {
        if let Some((_, v)) = self.vars.iter().rev().find(|(n, _)| n == path) {
            return Ok(v.clone());
        }
        if let Some((v, witnesses)) = self.let_values.get(path) {
            // The witnesses its exists found count again wherever it is read (once each).
            let v = v.clone();
            for w in witnesses.clone() {
                if !self.witnesses.contains(&w) {
                    self.witnesses.push(w);
                }
            }
            return Ok(v);
        }
        if let Some((_, expr)) = self.lets.iter().find(|(n, _)| n == path) {
            if self.in_progress.iter().any(|n| n == path) {
                return self.fail(at, format!("`let` name {path} refers to itself"));
            }
            if self.in_progress.len() > LET_DEPTH {
                return self.fail(
                    at,
                    format!("let names are read through more than {LET_DEPTH} others here; write the expression with fewer"),
                );
            }
            self.in_progress.push(path.to_string());
            let field = std::mem::replace(&mut self.field, format!("let.{path}"));
            let before = self.witnesses.len();
            let value = self.value(expr);
            self.field = field;
            self.in_progress.pop();
            let value = value?;
            let witnesses = self.witnesses[before..].to_vec();
            self.let_values
                .insert(path.to_string(), (value.clone(), witnesses));
            self.trace.push((path.to_string(), value.clone()));
            return Ok(value);
        }
        let model = self.args.model();
        if model.is_param(path) {
            return match self.args.value(path) {
                Ok(v) => Ok(Val::rational(v)),
                Err(e) => self.fail(at, e.to_string()),
            };
        }
        if is_output(model, path) {
            let args = self.args.clone();
            return self.read_output(&args, path, path.to_string(), at);
        }
        let params: Vec<&str> = model.params.iter().map(|p| p.name).collect();
        self.fail(at, unknown(model, path, &params))
    }

    fn read_output(&mut self, args: &Arguments, path: &str, shown: String, at: usize) -> Eval<Val> {
        match self.cache.output(args, path) {
            Ok(v) => {
                match &v {
                    Val::Label(l) => self.labels.push(format!("{shown}={l}")),
                    Val::Bool(b) => self.labels.push(format!("{shown}={b}")),
                    _ => {}
                }
                if !self.trace.iter().any(|(n, _)| *n == shown) {
                    self.trace.push((shown, v.clone()));
                }
                Ok(v)
            }
            Err(e) => self.fail(at, e.to_string()),
        }
    }

    fn solve(&mut self, assignments: &[(String, usize, Expr)], path: &str, at: usize) -> Eval<Val> {
        let model = self.args.model();
        let mut args = self.args.clone();
        let mut shown = Vec::new();
        for (name, name_at, expr) in assignments {
            if !model.is_param(name) {
                let params: Vec<&str> = model.params.iter().map(|p| p.name).collect();
                return self.fail(
                    *name_at,
                    format!(
                        "unknown parameter `{name}` in solve(...); the parameters of {} are {}",
                        model.name,
                        params.join(", ")
                    ),
                );
            }
            let value = match self.number(expr)? {
                Val::Num(a) => match a.as_rational() {
                    Some(r) => r.clone(),
                    None => {
                        return self.fail(
                            expr.offset,
                            format!(
                                "{name} must be rational to solve the game; it is {}",
                                Val::Num(a.clone())
                            ),
                        );
                    }
                },
                _ => {
                    return self.fail(
                        expr.offset,
                        format!("{name} must be exact to solve the game"),
                    );
                }
            };
            shown.push(format!("{name}={value}"));
            args = match args.with(name, value) {
                Ok(a) => a,
                Err(e) => return self.fail(*name_at, e.to_string()),
            };
        }
        if !is_output(model, path) {
            return self.fail(at, super::outputs::unknown(model, path, &[]));
        }
        let shown = format!("solve({}).{path}", shown.join(", "));
        self.read_output(&args, path, shown, at)
    }

    fn arith(&self, op: Arith, x: Val, y: Val, at: usize) -> Eval<Val> {
        if let (Val::Num(a), Val::Num(b)) = (&x, &y) {
            // Exact arithmetic on two irrational values builds a resultant; its degree is
            // checked against the limit first.
            const WHAT: &str = "this arithmetic";
            let exact = match op {
                Arith::Add => a.checked_add(b, WHAT),
                Arith::Sub => a.checked_add(&b.neg(), WHAT),
                Arith::Mul => a.checked_mul(b, WHAT),
                Arith::Div => match b.recip() {
                    Some(r) => a.checked_mul(&r, WHAT),
                    None => return self.fail(at, "division by zero"),
                },
            };
            return match exact {
                Ok(v) => self.sized(Val::Num(v), at),
                Err(e) => self.fail(at, e.to_string()),
            };
        }
        let (a, b) = (
            x.interval().expect("a number"),
            y.interval().expect("a number"),
        );
        let enclosure = match op {
            Arith::Add => a.add(&b),
            Arith::Sub => a.sub(&b),
            Arith::Mul => a.mul(&b),
            Arith::Div => match reciprocal(&b) {
                Some(r) => a.mul(&r),
                None => return self.fail(at, "division by an enclosure containing zero"),
            },
        };
        self.sized(Val::Enc(enclosure), at)
    }

    /// Refuses a value whose rationals have more digits than [`Limit::ComputedDigits`] allows (an
    /// expression such as `((c - 2)^64)^64` grows numbers without bound).
    fn sized(&self, v: Val, at: usize) -> Eval<Val> {
        let bits = val_bits(&v);
        match Limit::ComputedDigits.check(digits_of_bits(bits), "a number this expression computes")
        {
            Ok(()) => Ok(v),
            Err(e) => self.fail(at, e.to_string()),
        }
    }

    fn pow(&self, x: Val, e: i64, at: usize) -> Eval<Val> {
        let magnitude = e.unsigned_abs() as u32;
        // The power's size, checked before it is computed.
        let bits = val_bits(&x);
        if let Err(e) = Limit::ComputedDigits.check(
            digits_of_bits(bits.saturating_mul(u64::from(magnitude))),
            "a number this expression computes",
        ) {
            return self.fail(at, e.to_string());
        }
        let raised = match &x {
            Val::Num(a) => Val::Num(a.pow(magnitude)),
            _ => {
                let i = x.interval().expect("a number");
                let mut acc = Interval::point(one());
                for _ in 0..magnitude {
                    acc = acc.mul(&i);
                }
                Val::Enc(acc)
            }
        };
        if e >= 0 {
            return Ok(raised);
        }
        self.arith(Arith::Div, Val::rational(one()), raised, at)
    }

    fn call(&self, func: Func, values: Vec<Val>, at: usize) -> Eval<Val> {
        match func {
            Func::Sqrt => match &values[0] {
                Val::Num(a) => match a.sqrt() {
                    Some(r) => Ok(Val::Num(r)),
                    None => self.fail(at, format!("sqrt of a negative number ({})", values[0])),
                },
                v => {
                    let i = v.interval().expect("a number");
                    if i.lo < 0 {
                        return self.fail(at, "sqrt of an enclosure reaching below zero");
                    }
                    Ok(Val::Enc(i.nth_root(2, &pow2(-64))))
                }
            },
            Func::Abs => {
                let v = &values[0];
                match v.compare(&Val::rational(int(0))) {
                    Some(Ordering::Less) => {
                        self.arith(Arith::Sub, Val::rational(int(0)), v.clone(), at)
                    }
                    Some(_) => Ok(v.clone()),
                    None => {
                        let i = v.interval().expect("a number");
                        let hi = (-&i.lo).max(i.hi.clone());
                        Ok(Val::Enc(Interval::new(int(0), hi)))
                    }
                }
            }
            Func::Between => match (&values[0], &values[1]) {
                (Val::Num(a), Val::Num(b)) if a < b => {
                    Ok(Val::rational(simplest_rational_between(a, b)))
                }
                _ => self.fail(
                    at,
                    format!(
                        "between(a, b) needs exact a < b, got {} and {}",
                        values[0], values[1]
                    ),
                ),
            },
            Func::Min | Func::Max => {
                let want = if func == Func::Min {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
                let mut best = values[0].clone();
                for v in &values[1..] {
                    match v.compare(&best) {
                        Some(o) if o == want => best = v.clone(),
                        Some(_) => {}
                        None => {
                            let (a, b) = (best.interval().unwrap(), v.interval().unwrap());
                            best = Val::Enc(if func == Func::Min {
                                Interval::new(a.lo.clone().min(b.lo.clone()), a.hi.min(b.hi))
                            } else {
                                Interval::new(a.lo.clone().max(b.lo.clone()), a.hi.max(b.hi))
                            });
                        }
                    }
                }
                Ok(best)
            }
        }
    }

    fn compare(&self, left: &Val, op: Cmp, right: &Val, at: usize) -> Eval<bool> {
        match (left, right) {
            (Val::Label(a), Val::Label(b)) => match op {
                Cmp::Eq => Ok(a == b),
                Cmp::Ne => Ok(a != b),
                _ => self.fail(at, format!("labels compare only with == and !=, not {op}")),
            },
            (Val::Bool(a), Val::Bool(b)) => match op {
                Cmp::Eq => Ok(a == b),
                Cmp::Ne => Ok(a != b),
                _ => self.fail(at, format!("truth values compare only with == and !=, not {op}")),
            },
            (Val::Num(_) | Val::Enc(_), Val::Num(_) | Val::Enc(_)) => match left.compare(right) {
                Some(o) => Ok(op.holds(o)),
                None => self.fail(
                    at,
                    format!(
                        "cannot decide {left} {op} {right}: a certified enclosure overlaps the other side"
                    ),
                ),
            },
            _ => self.fail(
                at,
                format!("cannot compare {} with {} ({left} {op} {right})", left.kind(), right.kind()),
            ),
        }
    }
}

/// Bits of a rational's numerator and denominator together.
fn rational_bits(r: &Rational) -> u64 {
    int_bits(&numerator(r)) + int_bits(&denominator(r))
}

/// Bits of a value's rationals: a rational number's, or an enclosure's longer end (irrational
/// numbers are bounded by their degree, elsewhere).
fn val_bits(v: &Val) -> u64 {
    match v {
        Val::Num(a) => a.as_rational().map_or(0, rational_bits),
        Val::Enc(i) => rational_bits(&i.lo).max(rational_bits(&i.hi)),
        _ => 0,
    }
}

/// Decimal digits that many bits need, rounded up (log10 2 < 0.30103).
fn digits_of_bits(bits: u64) -> usize {
    (bits.saturating_mul(30103) / 100_000 + 1) as usize
}

/// `1/i` when `i` does not contain zero.
fn reciprocal(i: &Interval) -> Option<Interval> {
    if i.lo <= 0 && i.hi >= 0 {
        return None;
    }
    Some(Interval::new(one() / &i.hi, one() / &i.lo))
}

/// The rational points an `exists` tries, in order: `m`, the simplest rational between the ends
/// (their midpoint when both are rational), then points approaching the lower end
/// geometrically (`lo + (m − lo)/2^k`), then the upper end likewise, then closed rational ends.
/// Each point toward an end is an affine image of that end alone, so no sum of two algebraic
/// numbers (a resultant) is ever formed; an irrational point gives way to the simplest
/// rational between it and the next one toward the end.
pub fn candidates(
    lo: &Algebraic,
    hi: &Algebraic,
    lo_closed: bool,
    hi_closed: bool,
) -> Vec<Rational> {
    match lo.cmp(hi) {
        Ordering::Greater => return Vec::new(),
        Ordering::Equal => {
            return match (lo_closed && hi_closed, lo.as_rational()) {
                (true, Some(r)) => vec![r.clone()],
                _ => Vec::new(),
            };
        }
        Ordering::Less => {}
    }
    let mid = canonical_rational_between(lo, hi);
    // end + (mid − end)/2^k = (1 − 2^-k)·end + mid/2^k.
    let toward = |end: &Algebraic, k: u32| {
        let t = pow2(-i64::from(k));
        end.scale(&(one() - &t))
            .add(&Algebraic::from_rational(&mid * &t))
    };
    let mut ordered = vec![mid.clone()];
    for (end, lower) in [(lo, true), (hi, false)] {
        let mut near = toward(end, 1);
        for k in 1..=EXISTS_DEPTH {
            let next = toward(end, k + 1);
            ordered.push(match near.as_rational() {
                Some(r) => r.clone(),
                None if lower => canonical_rational_between(&next, &near),
                None => canonical_rational_between(&near, &next),
            });
            near = next;
        }
    }
    // Closed ends last, the upper first.
    for (end, closed) in [(hi, hi_closed), (lo, lo_closed)] {
        if closed {
            ordered.extend(end.as_rational().cloned());
        }
    }
    let mut seen = std::collections::HashSet::new();
    ordered.retain(|x| seen.insert(x.clone()));
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    /// The points an `exists` tries depend on its ends alone, not on how far their
    /// isolating intervals happen to be refined (a verdict once moved with them).
    #[test]
    fn exists_candidates_do_not_depend_on_the_enclosures() {
        let sqrt = |n: i64| {
            crate::exact::real_roots(&crate::exact::Poly::from_i64s(&[-n, 0, 1]))[1]
                .value
                .clone()
        };
        let (lo, hi) = (sqrt(2), sqrt(7));
        let coarse = candidates(&lo, &hi, true, false);
        let (mut lo_fine, mut hi_fine) = (lo.clone(), hi.clone());
        lo_fine.refine(&ratio(1, 1 << 40));
        hi_fine.refine(&ratio(1, 1 << 30));
        assert_eq!(candidates(&lo_fine, &hi_fine, true, false), coarse);
        let rational = Algebraic::from_rational(ratio(1, 3));
        assert_eq!(
            candidates(&rational, &hi_fine, true, true)[0],
            candidates(&rational, &hi, true, true)[0]
        );
        assert!(
            coarse
                .iter()
                .all(|x| lo.cmp_rational(x).is_lt() && hi.cmp_rational(x).is_gt())
        );
    }

    #[test]
    fn exists_candidates_stay_inside_the_range() {
        let (lo, hi) = (
            Algebraic::from_rational(int(0)),
            Algebraic::from_rational(int(2)).sqrt().unwrap(),
        );
        let found = candidates(&lo, &hi, false, false);
        assert!(found.len() > 2 * EXISTS_DEPTH as usize - 2);
        // The middle (1, the simplest rational below sqrt(2)), then halving toward each end.
        assert_eq!(found[0], int(1));
        assert_eq!(found[1], ratio(1, 2));
        let toward_hi = &found[1 + EXISTS_DEPTH as usize..];
        assert!(toward_hi.windows(2).all(|w| w[0] < w[1]));
        let gap = hi.sub(&Algebraic::from_rational(toward_hi.last().unwrap().clone()));
        assert!(
            gap.cmp_rational(&pow2(-i64::from(EXISTS_DEPTH) + 1))
                .is_lt()
        );
        assert!(found.iter().all(
            |c| lo.cmp_rational(c) == Ordering::Less && hi.cmp_rational(c) == Ordering::Greater
        ));
        let closed = candidates(&lo, &Algebraic::from_rational(int(1)), true, true);
        assert_eq!(closed[0], ratio(1, 2));
        assert_eq!(closed[1], ratio(1, 4));
        assert!(closed.contains(&int(1)) && closed.contains(&int(0)));
    }
}
