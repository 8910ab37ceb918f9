//! Parameters of the competition model: demand intercept, access fee, effort and adoption costs, the free-trial factor and the openness.

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::exact::rational::{int, ratio};
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// One game, valid by construction: every field inside its declared domain and `c < a`.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    a: Rational,
    c: Rational,
    k: Rational,
    kappa: Rational,
    tau: Rational,
    omega: Rational,
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

    /// Validated parameters (the domains `gpai models` prints, and `c < a`).
    pub fn new(
        a: Rational,
        c: Rational,
        k: Rational,
        kappa: Rational,
        tau: Rational,
        omega: Rational,
    ) -> Result<Params> {
        let p = Params {
            a,
            c,
            k,
            kappa,
            tau,
            omega,
        };
        p.validate()?;
        Ok(p)
    }

    /// The same game at openness `omega` (checked against its domain).
    pub fn at_omega(&self, omega: Rational) -> Result<Params> {
        INFO.check("omega", &omega)?;
        Ok(Params {
            omega,
            ..self.clone()
        })
    }

    pub fn a(&self) -> &Rational {
        &self.a
    }
    pub fn c(&self) -> &Rational {
        &self.c
    }
    pub fn k(&self) -> &Rational {
        &self.k
    }
    pub fn kappa(&self) -> &Rational {
        &self.kappa
    }
    pub fn tau(&self) -> &Rational {
        &self.tau
    }
    pub fn omega(&self) -> &Rational {
        &self.omega
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
        Params::new(
            get("a")?,
            get("c")?,
            get("k")?,
            get("kappa")?,
            get("tau")?,
            get("omega")?,
        )
    }

    /// Checks every parameter against its domain.
    fn validate(&self) -> Result<()> {
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
