//! Parameters of the openness model, over any exact field (rationals when read, algebraic numbers at exact boundaries).

use crate::error::Result;
use crate::exact::Rational;
use crate::exact::field::OrderedField;
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// The game: revenue, costs, share, leakage, reputation, operation cost, baseline, regulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Params<F> {
    pub r: F,
    pub c0: F,
    pub c1: F,
    pub delta: F,
    pub phi: F,
    pub epsilon: F,
    pub m: F,
    pub alpha0: F,
    pub theta: F,
    pub p: F,
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

    /// Reads and validates the parameters (defaults: the spec's base set B, α0 = 1, no regulation).
    pub fn from_arguments(args: &Arguments) -> Result<Params<Rational>> {
        let get = |name: &str| args.require(INFO.param(name).expect("a declared parameter"));
        let params = Params {
            r: get("r")?,
            c0: get("c0")?,
            c1: get("c1")?,
            delta: get("delta")?,
            phi: get("phi")?,
            epsilon: get("epsilon")?,
            m: get("m")?,
            alpha0: get("alpha0")?,
            theta: get("theta")?,
            p: get("p")?,
        };
        params.validate()?;
        Ok(params)
    }

    /// Checks every parameter against its domain.
    pub fn validate(&self) -> Result<()> {
        for name in NAMES {
            INFO.check(name, self.get(name))?;
        }
        Ok(())
    }
}

impl<F: OrderedField> Params<F> {
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

    /// The same game with `name` set to `value`.
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
