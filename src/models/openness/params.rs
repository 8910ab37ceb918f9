//! Parameters of the openness model, over any exact field (rationals when read, algebraic numbers at exact boundaries).

use crate::error::Result;
use crate::exact::Rational;
use crate::exact::field::OrderedField;
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// The game: revenue, costs, share, leakage, reputation, operation cost, baseline, regulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Params<F> {
    r: F,
    c0: F,
    c1: F,
    delta: F,
    phi: F,
    epsilon: F,
    m: F,
    alpha0: F,
    theta: F,
    p: F,
}

/// The parameter names in declaration order.
pub const NAMES: [&str; 10] = [
    "r", "c0", "c1", "delta", "phi", "epsilon", "m", "alpha0", "theta", "p",
];

impl Params<Rational> {
    /// The spec's base set B with `α0 = 1` and no regulation.
    pub fn base() -> Params<Rational> {
        use crate::exact::rational::{int, ratio};
        Params {
            r: int(1),
            c0: ratio(1, 2),
            c1: ratio(1, 2),
            delta: ratio(3, 4),
            phi: ratio(2, 3),
            epsilon: ratio(3, 8),
            m: ratio(1, 8),
            alpha0: int(1),
            theta: int(0),
            p: int(0),
        }
    }

    /// Validated parameters, in the order of [`NAMES`]: each checked against its declared domain.
    pub fn new(values: [Rational; 10]) -> Result<Params<Rational>> {
        let [r, c0, c1, delta, phi, epsilon, m, alpha0, theta, p] = values;
        let params = Params {
            r,
            c0,
            c1,
            delta,
            phi,
            epsilon,
            m,
            alpha0,
            theta,
            p,
        };
        for name in NAMES {
            INFO.check(name, params.get(name))?;
        }
        Ok(params)
    }

    /// The same game with `name` set to `value`, checked against its domain.
    pub fn with_checked(&self, name: &str, value: Rational) -> Result<Params<Rational>> {
        INFO.check(name, &value)?;
        Ok(self.with(name, value))
    }

    /// Reads and validates the parameters (defaults: the spec's base set B, α0 = 1, no regulation).
    pub fn from_arguments(args: &Arguments) -> Result<Params<Rational>> {
        let get = |name: &str| args.require(INFO.param(name).expect("a declared parameter"));
        let mut values = Vec::with_capacity(NAMES.len());
        for name in NAMES {
            values.push(get(name)?);
        }
        Params::new(values.try_into().expect("one value per name"))
    }
}

impl<F: OrderedField> Params<F> {
    pub fn r(&self) -> &F {
        &self.r
    }
    pub fn c0(&self) -> &F {
        &self.c0
    }
    pub fn c1(&self) -> &F {
        &self.c1
    }
    pub fn delta(&self) -> &F {
        &self.delta
    }
    pub fn phi(&self) -> &F {
        &self.phi
    }
    pub fn epsilon(&self) -> &F {
        &self.epsilon
    }
    pub fn m(&self) -> &F {
        &self.m
    }
    pub fn alpha0(&self) -> &F {
        &self.alpha0
    }
    pub fn theta(&self) -> &F {
        &self.theta
    }
    pub fn p(&self) -> &F {
        &self.p
    }

    /// The parameter called `name`.
    pub fn get(&self, name: &str) -> &F {
        match name {
            "r" => &self.r,
            "c0" => &self.c0,
            "c1" => &self.c1,
            "delta" => &self.delta,
            "phi" => &self.phi,
            "epsilon" => &self.epsilon,
            "m" => &self.m,
            "alpha0" => &self.alpha0,
            "theta" => &self.theta,
            _ => &self.p,
        }
    }

    /// The same game with `name` set to `value`, unchecked: for points inside a family whose
    /// ends were checked (the domains are intervals) and for algebraic values.
    pub fn with(&self, name: &str, value: F) -> Params<F> {
        let mut out = self.clone();
        let slot = match name {
            "r" => &mut out.r,
            "c0" => &mut out.c0,
            "c1" => &mut out.c1,
            "delta" => &mut out.delta,
            "phi" => &mut out.phi,
            "epsilon" => &mut out.epsilon,
            "m" => &mut out.m,
            "alpha0" => &mut out.alpha0,
            "theta" => &mut out.theta,
            _ => &mut out.p,
        };
        *slot = value;
        out
    }

    /// Into another field (rationals into algebraic numbers).
    pub fn map<G: OrderedField>(&self, f: impl Fn(&F) -> G) -> Params<G> {
        Params {
            r: f(&self.r),
            c0: f(&self.c0),
            c1: f(&self.c1),
            delta: f(&self.delta),
            phi: f(&self.phi),
            epsilon: f(&self.epsilon),
            m: f(&self.m),
            alpha0: f(&self.alpha0),
            theta: f(&self.theta),
            p: f(&self.p),
        }
    }
}
