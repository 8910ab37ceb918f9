//! Proof for claims over one parameter range built from rational functions: the sign of finitely many polynomials, settled by root isolation.
//!
//! When the claim (with its `assume` and `let` names) reads no model output, and exactly one
//! parameter ranges, every comparison `a op b` in it is the sign of a rational function of that
//! parameter `x`: `a − b = P(x) / Q(x)` (with `min`, `max` and `abs`, piecewise: each side is
//! one of finitely many branches, switching only where two branches cross). All the numerators,
//! denominators and crossings have finitely many real roots; between consecutive roots every
//! comparison keeps its truth value. So checking
//! the claim exactly at every root inside the range and at one rational point in each open
//! cell between them decides it for *every* `x` in the range: `proved`, or `refuted` at an
//! exact (possibly irrational) point.

use std::collections::{HashMap, HashSet};

use crate::exact::rational::one;
use crate::exact::sign::canonical_rational_between;
use crate::exact::{Algebraic, Poly, real_roots};

use super::eval::{Env, EvalError};
use super::expr::{Arith, Expr, Func, Kind};
use super::file::Claim;
use super::sample::Range;
use super::val::Val;

/// What the prover established.
pub enum Proof {
    /// True at every point of the range — every rational one when the range is a model
    /// parameter's, whose values are rational: how many polynomials and cells it took, and at
    /// how many irrational points (no games) it is false.
    Proved {
        polys: usize,
        cells: usize,
        irrational_exceptions: usize,
    },
    /// False at this point.
    Refuted(Algebraic),
    /// The claim is outside the prover's fragment (why).
    NotApplicable(&'static str),
    Error(EvalError),
}

/// The largest degree of a polynomial the prover builds (beyond it the claim is sampled, where
/// the numbers' own limit applies).
const DEGREE: usize = 256;
const TOO_DEEP: &str = "builds polynomials of degree above 256";

/// A rational function as (numerator, denominator).
type RatFn = (Poly, Poly);

struct Builder<'c> {
    claim: &'c Claim,
    var: &'c str,
    env_fixed: &'c dyn Fn(&str) -> Option<crate::exact::Rational>,
    critical: Vec<Poly>,
    depth: usize,
    /// Each `let` built once (a let read twice, through lets read twice, … would otherwise
    /// be built exponentially often): its branches as a value, or whether it is a formula.
    values: HashMap<String, Vec<RatFn>>,
    formulas: HashSet<String>,
}

impl Builder<'_> {
    /// The expression as a piecewise rational function: at every `x` it equals one of the
    /// returned branches, and which one can change only where two branches cross (their
    /// differences are recorded as critical).
    fn ratfn(&mut self, e: &Expr) -> Result<Vec<RatFn>, &'static str> {
        let one_branch = |r: RatFn| vec![r];
        let branches = match &e.kind {
            Kind::Number(r) => one_branch((Poly::constant(r.clone()), Poly::constant(one()))),
            Kind::Path(p) if p == self.var => one_branch((Poly::x(), Poly::constant(one()))),
            Kind::Path(p) => {
                if let Some(branches) = self.values.get(p) {
                    branches.clone()
                } else if let Some((_, expr)) = self.claim.lets.iter().find(|(n, _)| n == p) {
                    if self.depth > super::file::LET_DEPTH {
                        return Err("let names nest too deeply");
                    }
                    self.depth += 1;
                    let r = self.ratfn(expr);
                    self.depth -= 1;
                    let r = r?;
                    self.values.insert(p.clone(), r.clone());
                    r
                } else if let Some(v) = (self.env_fixed)(p) {
                    one_branch((Poly::constant(v), Poly::constant(one())))
                } else {
                    return Err("reads a model output");
                }
            }
            Kind::Neg(a) => self.ratfn(a)?.into_iter().map(|(n, d)| (-&n, d)).collect(),
            Kind::Arith(op, a, b) => {
                let (xs, ys) = (self.ratfn(a)?, self.ratfn(b)?);
                let mut out = Vec::new();
                for (an, ad) in &xs {
                    for (bn, bd) in &ys {
                        out.push(match op {
                            Arith::Add => (&(an * bd) + &(bn * ad), ad * bd),
                            Arith::Sub => (&(an * bd) - &(bn * ad), ad * bd),
                            Arith::Mul => (an * bn, ad * bd),
                            Arith::Div => {
                                self.critical.push(bn.clone());
                                (an * bd, ad * bn)
                            }
                        });
                    }
                }
                out
            }
            Kind::Pow(a, k) => {
                let m = k.unsigned_abs() as u32;
                let mut out = Vec::new();
                let base = self.ratfn(a)?;
                // The power's degree, checked before it is built.
                let degree = |p: &Poly| p.degree().unwrap_or(0) * m as usize;
                if base.iter().any(|(n, d)| degree(n).max(degree(d)) > DEGREE) {
                    return Err(TOO_DEEP);
                }
                for (n, d) in base {
                    if *k >= 0 {
                        out.push((n.pow(m), d.pow(m)));
                    } else {
                        self.critical.push(n.clone());
                        out.push((d.pow(m), n.pow(m)));
                    }
                }
                out
            }
            Kind::Call(Func::Min | Func::Max | Func::Abs, items) => {
                let mut all = Vec::new();
                for item in items {
                    all.extend(self.ratfn(item)?);
                }
                if let Kind::Call(Func::Abs, _) = &e.kind {
                    let negated: Vec<RatFn> = all.iter().map(|(n, d)| (-n, d.clone())).collect();
                    all.extend(negated);
                }
                self.crossings(&all);
                all
            }
            _ => return Err("uses sqrt, labels or solve(...)"),
        };
        if branches.len() > 64 {
            return Err("too many min/max/abs branches");
        }
        if branches
            .iter()
            .any(|(n, d)| n.degree().unwrap_or(0).max(d.degree().unwrap_or(0)) > DEGREE)
        {
            return Err(TOO_DEEP);
        }
        Ok(branches)
    }

    /// Records where any two branches cross, and where each is undefined.
    fn crossings(&mut self, branches: &[RatFn]) {
        for (i, (an, ad)) in branches.iter().enumerate() {
            self.critical.push(an.clone());
            self.critical.push(ad.clone());
            for (bn, bd) in &branches[i + 1..] {
                self.critical.push(&(an * bd) - &(bn * ad));
            }
        }
    }

    fn formula(&mut self, e: &Expr) -> Result<(), &'static str> {
        match &e.kind {
            Kind::Bool(_) => Ok(()),
            Kind::Not(a) => self.formula(a),
            Kind::And(a, b) | Kind::Or(a, b) | Kind::Implies(a, b) => {
                self.formula(a)?;
                self.formula(b)
            }
            Kind::Compare(items, _) => {
                let sides = items
                    .iter()
                    .map(|i| self.ratfn(i))
                    .collect::<Result<Vec<_>, _>>()?;
                for pair in sides.windows(2) {
                    let both: Vec<RatFn> = pair[0].iter().chain(&pair[1]).cloned().collect();
                    self.crossings(&both);
                }
                Ok(())
            }
            Kind::Path(p) if self.formulas.contains(p) => Ok(()),
            Kind::Path(p) => match self.claim.lets.iter().find(|(n, _)| n == p) {
                Some((_, expr)) => {
                    if self.depth > super::file::LET_DEPTH {
                        return Err("let names nest too deeply");
                    }
                    self.depth += 1;
                    let r = self.formula(expr);
                    self.depth -= 1;
                    self.formulas.insert(p.clone());
                    r
                }
                None => Err("reads a model output"),
            },
            Kind::Exists { .. } => Err("is an existence claim"),
            _ => Err("is not a formula of comparisons"),
        }
    }
}

/// Decides the claim over `range` of the parameter `var`, the other parameters fixed in `env`.
pub fn decide(claim: &Claim, var: &str, range: &Range, env: &mut Env) -> Proof {
    let args = env.args.clone();
    let fixed = move |name: &str| -> Option<crate::exact::Rational> { args.value(name).ok() };
    let mut builder = Builder {
        claim,
        var,
        env_fixed: &fixed,
        critical: Vec::new(),
        depth: 0,
        values: HashMap::new(),
        formulas: HashSet::new(),
    };
    if let Some(a) = &claim.assume
        && let Err(why) = builder.formula(a)
    {
        return Proof::NotApplicable(why);
    }
    if let Err(why) = builder.formula(&claim.claim) {
        return Proof::NotApplicable(why);
    }
    let lo = Algebraic::from_rational(range.lo.clone());
    let hi = Algebraic::from_rational(range.hi.clone());
    let mut roots: Vec<Algebraic> = builder
        .critical
        .iter()
        .filter(|p| !p.is_constant())
        .flat_map(|p| real_roots(&p.square_free_part()))
        .map(|r| r.value)
        .filter(|x| *x > lo && *x < hi)
        .collect();
    roots.sort();
    roots.dedup();
    let polys = builder.critical.iter().filter(|p| !p.is_constant()).count();
    // Test points in increasing order: the ends where closed, every root, a point per open cell.
    let mut points = Vec::new();
    if range.lo_closed {
        points.push(lo.clone());
    }
    let mut previous = lo.clone();
    for r in roots.iter().chain(std::iter::once(&hi)) {
        if previous < *r {
            points.push(Algebraic::from_rational(canonical_rational_between(
                &previous, r,
            )));
        }
        if *r != hi {
            points.push(r.clone());
        }
        previous = r.clone();
    }
    if range.hi_closed && lo != hi {
        points.push(hi.clone());
    }
    let cells = roots.len() + 1;
    // A model's parameters are rationals: a claim false only at an irrational root holds for
    // every game (c² ≠ 1/2 for every rational c). Free variables range over the reals.
    let rational_only = claim.model.is_param(var);
    let mut irrational_exceptions = 0;
    for point in points {
        env.rebind(var, Val::Num(point.clone()));
        let holds = holds_at(claim, env);
        match holds {
            Ok(true) => {}
            Ok(false) if rational_only && point.as_rational().is_none() => {
                irrational_exceptions += 1;
            }
            Ok(false) => return Proof::Refuted(point),
            Err(e) => return Proof::Error(e),
        }
    }
    Proof::Proved {
        polys,
        cells,
        irrational_exceptions,
    }
}

/// `assume implies claim` at the environment's point.
pub fn holds_at(claim: &Claim, env: &mut Env) -> Result<bool, EvalError> {
    if let Some(a) = &claim.assume
        && !env.truth("assume", a)?
    {
        return Ok(true);
    }
    env.truth("claim", &claim.claim)
}
