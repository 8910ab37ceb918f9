//! Parameters of the competition model: demand intercept, access fee, effort and adoption costs, the free-trial factor and the openness.

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::exact::rational::{int, ratio};
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// One game.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub a: Rational,
    pub c: Rational,
    pub k: Rational,
    pub kappa: Rational,
    pub tau: Rational,
    pub omega: Rational,
}

fn domain(name: &str, value: &Rational, domain: &str) -> Error {
    Error::Domain {
        name: name.into(),
        value: value.to_string(),
        domain: domain.into(),
    }
}

impl Params {
    /// The spec's check set P1 at openness `omega`.
    pub fn p1(omega: Rational) -> Params {
        Params {
            a: int(1),
            c: ratio(1, 4),
            k: int(2),
            kappa: int(1),
            tau: ratio(3, 4),
            omega,
        }
    }

    /// `A = a − c`, the margin at zero quality.
    pub fn margin(&self) -> Rational {
        &self.a - &self.c
    }

    /// Whether the game is in the spec's domain (`k > 4/3`, `2A < 3κ`); the solver also runs on
    /// the wider domain `k > 8/9`, where the claims may fail.
    pub fn in_spec_domain(&self) -> bool {
        self.k > ratio(4, 3) && int(2) * self.margin() < int(3) * &self.kappa
    }

    /// Reads and validates the parameters (defaults: the check set P1 at ω = 1/2).
    pub fn from_arguments(args: &Arguments) -> Result<Params> {
        let get = |name: &str| args.require(INFO.param(name).expect("a declared parameter"));
        let p = Params {
            a: get("a")?,
            c: get("c")?,
            k: get("k")?,
            kappa: get("kappa")?,
            tau: get("tau")?,
            omega: get("omega")?,
        };
        p.validate()?;
        Ok(p)
    }

    /// Checks every parameter against its domain.
    pub fn validate(&self) -> Result<()> {
        for (name, value) in [
            ("a", &self.a),
            ("c", &self.c),
            ("k", &self.k),
            ("kappa", &self.kappa),
            ("tau", &self.tau),
            ("omega", &self.omega),
        ] {
            INFO.check(name, value)?;
        }
        if self.c >= self.a {
            return Err(domain(
                "c",
                &self.c,
                &format!("a rational in (0, a) = (0, {})", self.a),
            ));
        }
        Ok(())
    }
}
