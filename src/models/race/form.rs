//! Revenue as a linear form in values of f: the one description of the race model that both the exact evaluation and the prover read.
//!
//! Every revenue of the model is `Σ c_P · f(P)` over the named points `P` (x, x', y, z, the
//! rival's y2), where each coefficient `c_P` is a polynomial in the structural quantities: the
//! customers `n`, the weight of the days before the improvement `wb` and after it `wa`, the
//! release probability `q`, the captive share `s` and the customer-type factor `V`. Which terms
//! appear depends only on how the points are *ordered*: `f` is strictly increasing, so
//! `max(0, f(a) − f(b))` is `f(a) − f(b)` exactly when `a > b`. The evaluation orders the points
//! by their values; the prover goes through every order.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::exact::Rational;
use crate::exact::rational::{one, ratio, zero};

use super::params::Extension;

/// The structural quantities a coefficient is a polynomial in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Var {
    /// Customers.
    N,
    /// Total weight of the days before the improvement (days 1..k).
    Wb,
    /// Total weight of the days after it (days k+1..m).
    Wa,
    /// Probability that the improvement arrives.
    Q,
    /// Captive share (duopoly).
    S,
    /// Revenue factor of the customer types: `max_j v_j · (share of types valuing at least v_j)`.
    V,
}

pub const VARS: [Var; 6] = [Var::N, Var::Wb, Var::Wa, Var::Q, Var::S, Var::V];

impl Var {
    pub fn name(self) -> &'static str {
        match self {
            Var::N => "n",
            Var::Wb => "wb",
            Var::Wa => "wa",
            Var::Q => "q",
            Var::S => "s",
            Var::V => "V",
        }
    }
}

/// A polynomial with rational coefficients in the [`Var`]s: exponents → coefficient.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MPoly(BTreeMap<[u8; 6], Rational>);

impl MPoly {
    pub fn constant(c: Rational) -> MPoly {
        let mut m = MPoly::default();
        m.add_term([0; 6], c);
        m
    }

    pub fn var(v: Var) -> MPoly {
        let mut e = [0; 6];
        e[v as usize] = 1;
        let mut m = MPoly::default();
        m.add_term(e, one());
        m
    }

    fn add_term(&mut self, e: [u8; 6], c: Rational) {
        let slot = self.0.entry(e).or_insert_with(zero);
        *slot += c;
        if *slot == 0 {
            self.0.remove(&e);
        }
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    pub fn add(&self, other: &MPoly) -> MPoly {
        let mut out = self.clone();
        for (e, c) in &other.0 {
            out.add_term(*e, c.clone());
        }
        out
    }

    pub fn neg(&self) -> MPoly {
        MPoly(self.0.iter().map(|(e, c)| (*e, -c)).collect())
    }

    pub fn mul(&self, other: &MPoly) -> MPoly {
        let mut out = MPoly::default();
        for (ea, ca) in &self.0 {
            for (eb, cb) in &other.0 {
                let mut e = *ea;
                for (slot, d) in e.iter_mut().zip(eb) {
                    *slot += d;
                }
                out.add_term(e, ca * cb);
            }
        }
        out
    }

    /// The value at `values[v]` for every variable.
    pub fn eval(&self, values: &[Rational; 6]) -> Rational {
        let mut sum = zero();
        for (e, c) in &self.0 {
            let mut term = c.clone();
            for (v, d) in values.iter().zip(e) {
                for _ in 0..*d {
                    term *= v;
                }
            }
            sum += term;
        }
        sum
    }

    /// The same polynomial with `v` replaced by the constant `c`.
    pub fn substitute(&self, v: Var, c: &Rational) -> MPoly {
        let mut out = MPoly::default();
        for (e, coeff) in &self.0 {
            let mut e = *e;
            let mut term = coeff.clone();
            for _ in 0..e[v as usize] {
                term *= c;
            }
            e[v as usize] = 0;
            out.add_term(e, term);
        }
        out
    }

    /// The terms as (exponents, coefficient).
    pub fn terms(&self) -> impl Iterator<Item = (&[u8; 6], &Rational)> {
        self.0.iter()
    }

    /// The highest power of `v` that occurs.
    pub fn degree_in(&self, v: Var) -> u8 {
        self.0.keys().map(|e| e[v as usize]).max().unwrap_or(0)
    }
}

impl std::fmt::Display for MPoly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            return f.write_str("0");
        }
        let mut first = true;
        for (e, c) in &self.0 {
            let vars: Vec<String> = VARS
                .iter()
                .zip(e)
                .filter(|(_, d)| **d > 0)
                .map(|(v, d)| {
                    if *d == 1 {
                        v.name().to_string()
                    } else {
                        format!("{}^{d}", v.name())
                    }
                })
                .collect();
            let negative = *c < 0;
            let magnitude = if negative { -c } else { c.clone() };
            match (first, negative) {
                (true, true) => f.write_str("-")?,
                (false, true) => f.write_str(" - ")?,
                (false, false) => f.write_str(" + ")?,
                (true, false) => {}
            }
            first = false;
            if vars.is_empty() {
                write!(f, "{magnitude}")?;
            } else if magnitude == 1 {
                write!(f, "{}", vars.join("·"))?;
            } else {
                write!(f, "{magnitude}·{}", vars.join("·"))?;
            }
        }
        Ok(())
    }
}

/// The named points f is evaluated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pt {
    /// The open model before the improvement.
    X,
    /// The improved open model x'.
    Xp,
    /// The firm's closed size.
    Y,
    /// The upgraded size.
    Z,
    /// The rival's size (duopoly).
    Y2,
}

impl Pt {
    pub fn name(self) -> &'static str {
        match self {
            Pt::X => "x",
            Pt::Xp => "xp",
            Pt::Y => "y",
            Pt::Z => "z",
            Pt::Y2 => "y2",
        }
    }
}

/// `Σ coefficient · f(point)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form(BTreeMap<Pt, MPoly>);

impl Form {
    fn atom(p: Pt) -> Form {
        Form(BTreeMap::from([(p, MPoly::constant(one()))]))
    }

    pub fn add(&self, other: &Form) -> Form {
        let mut out = self.clone();
        for (p, c) in &other.0 {
            let sum = out.0.get(p).map_or_else(|| c.clone(), |d| d.add(c));
            if sum.is_zero() {
                out.0.remove(p);
            } else {
                out.0.insert(*p, sum);
            }
        }
        out
    }

    pub fn sub(&self, other: &Form) -> Form {
        self.add(&other.scale(&MPoly::constant(-one())))
    }

    pub fn scale(&self, c: &MPoly) -> Form {
        Form(
            self.0
                .iter()
                .map(|(p, d)| (*p, d.mul(c)))
                .filter(|(_, d)| !d.is_zero())
                .collect(),
        )
    }

    /// The coefficient of `f(p)` (zero when absent).
    pub fn coeff(&self, p: Pt) -> MPoly {
        self.0.get(&p).cloned().unwrap_or_default()
    }

    /// The terms, by point.
    pub fn terms(&self) -> impl Iterator<Item = (&Pt, &MPoly)> {
        self.0.iter()
    }
}

/// How two points compare (their f-values compare the same way).
pub type Order<'a> = &'a dyn Fn(Pt, Pt) -> Ordering;

/// `max(0, f(a) − f(b))`.
fn gap(a: Pt, b: Pt, ord: Order) -> Form {
    if ord(a, b) == Ordering::Greater {
        Form::atom(a).sub(&Form::atom(b))
    } else {
        Form::default()
    }
}

/// What one customer pays per day to a firm of size `size` while the best open model is `open`.
fn price(ext: &Extension, size: Pt, open: Pt, ord: Order) -> Form {
    match ext {
        Extension::CustomerTypes { .. } => gap(size, open, ord).scale(&MPoly::var(Var::V)),
        Extension::Duopoly { .. } => {
            // Captive customers (s/2 of them) compare with the open model only; contested ones
            // (1 − s) with the better of the open model and the rival, who undercuts to zero.
            let outside = if ord(open, Pt::Y2) == Ordering::Greater {
                open
            } else {
                Pt::Y2
            };
            let half_s = MPoly::var(Var::S).mul(&MPoly::constant(ratio(1, 2)));
            let contested = MPoly::constant(one()).add(&MPoly::var(Var::S).neg());
            gap(size, open, ord)
                .scale(&half_s)
                .add(&gap(size, outside, ord).scale(&contested))
        }
        _ => gap(size, open, ord),
    }
}

/// Revenue of a closed firm of size `size` over the horizon: `n · (wb · price before the
/// improvement + wa · price after it)`, the latter a `q`-mixture under `uncertain_release`.
pub fn revenue(ext: &Extension, size: Pt, ord: Order) -> Form {
    let before = price(ext, size, Pt::X, ord);
    let after = match ext {
        Extension::UncertainRelease { .. } => {
            let q = MPoly::var(Var::Q);
            let not_q = MPoly::constant(one()).add(&q.neg());
            price(ext, size, Pt::Xp, ord)
                .scale(&q)
                .add(&before.scale(&not_q))
        }
        _ => price(ext, size, Pt::Xp, ord),
    };
    before
        .scale(&MPoly::var(Var::Wb))
        .add(&after.scale(&MPoly::var(Var::Wa)))
        .scale(&MPoly::var(Var::N))
}

/// The upgrade gain: revenue at `z` minus revenue at `y`.
pub fn gain(ext: &Extension, ord: Order) -> Form {
    revenue(ext, Pt::Z, ord).sub(&revenue(ext, Pt::Y, ord))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_rank(ranks: &[(Pt, u8)]) -> impl Fn(Pt, Pt) -> Ordering + '_ {
        move |a, b| {
            let r = |p| ranks.iter().find(|(q, _)| *q == p).map(|(_, r)| *r);
            r(a).cmp(&r(b))
        }
    }

    #[test]
    fn base_revenue_is_the_essays_formula() {
        // x < y < xp < z: n·wb·(f(y) − f(x)) + n·wa·max(0, f(y) − f(xp)) = n·wb·(f(y) − f(x)).
        let ranks = [(Pt::X, 0), (Pt::Y, 1), (Pt::Xp, 2), (Pt::Z, 3)];
        let ord = by_rank(&ranks);
        let r = revenue(&Extension::Base, Pt::Y, &ord);
        let nwb = MPoly::var(Var::N).mul(&MPoly::var(Var::Wb));
        assert_eq!(r.coeff(Pt::Y), nwb);
        assert_eq!(r.coeff(Pt::X), nwb.neg());
        assert!(r.coeff(Pt::Xp).is_zero());
        // The gain: n·wb·(f(z) − f(y)) + n·wa·(f(z) − f(xp)).
        let g = gain(&Extension::Base, &ord);
        assert_eq!(
            g.coeff(Pt::Xp),
            MPoly::var(Var::N).mul(&MPoly::var(Var::Wa)).neg()
        );
        assert!(g.coeff(Pt::X).is_zero());
    }

    #[test]
    fn duopoly_contested_customers_ignore_the_open_model() {
        let ranks = [(Pt::X, 0), (Pt::Y2, 1), (Pt::Y, 2), (Pt::Xp, 3), (Pt::Z, 4)];
        let ord = by_rank(&ranks);
        let ext = Extension::Duopoly {
            y2: one(),
            s: zero(),
        };
        let r = revenue(&ext, Pt::Y, &ord);
        // f(x)'s coefficient comes from the captive half only: −n·wb·s/2.
        let expected = MPoly::var(Var::N)
            .mul(&MPoly::var(Var::Wb))
            .mul(&MPoly::var(Var::S))
            .mul(&MPoly::constant(ratio(-1, 2)));
        assert_eq!(r.coeff(Pt::X), expected);
        assert_eq!(format!("{}", r.coeff(Pt::X)), "-1/2·n·wb·s");
    }
}
