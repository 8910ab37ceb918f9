//! Parameters of the one-specialist fine-tuning game, validated once when built.

use crate::error::Result;
use crate::exact::Rational;
use crate::exact::rational::{int_to_i64, numerator, to_f64};
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// Largest cost exponent accepted (degrees of the exact elimination grow with it); the
/// registry's domain of `k0` and `k1` says the same.
pub const MAX_EXPONENT: u32 = 6;

/// `φ0 = c0·α0^k0`, `φ1 = c1·(α1 − α0)^k1`, revenue `r·α1`; `k0 = k1 = 2` is the paper's quadratic case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    c0: Rational,
    c1: Rational,
    r: Rational,
    k0: u32,
    k1: u32,
}

impl Params {
    /// Validated parameters: `c0, c1, r > 0`, integers `2 ≤ k0, k1 ≤ MAX_EXPONENT`.
    pub fn new(c0: Rational, c1: Rational, r: Rational, k0: u32, k1: u32) -> Result<Params> {
        for (name, value) in [("c0", &c0), ("c1", &c1), ("r", &r)] {
            INFO.check(name, value)?;
        }
        for (name, k) in [("k0", k0), ("k1", k1)] {
            INFO.check(name, &Rational::from(k))?;
        }
        Ok(Params { c0, c1, r, k0, k1 })
    }

    /// The paper's quadratic game.
    pub fn quadratic(c0: Rational, c1: Rational, r: Rational) -> Result<Params> {
        Params::new(c0, c1, r, 2, 2)
    }

    /// Parameters from `name=value` arguments (`delta` is read separately).
    pub fn from_arguments(args: &Arguments) -> Result<Params> {
        let get = |name: &str| args.require(INFO.param(name).expect("a declared parameter"));
        // The registry's domain makes k0, k1 integers from 2 to MAX_EXPONENT.
        let exponent = |name: &str| -> Result<u32> {
            let value = get(name)?;
            INFO.check(name, &value)?;
            Ok(int_to_i64(&numerator(&value))
                .and_then(|k| u32::try_from(k).ok())
                .expect("a small integer"))
        };
        Params::new(
            get("c0")?,
            get("c1")?,
            get("r")?,
            exponent("k0")?,
            exponent("k1")?,
        )
    }

    pub fn c0(&self) -> &Rational {
        &self.c0
    }
    pub fn c1(&self) -> &Rational {
        &self.c1
    }
    pub fn r(&self) -> &Rational {
        &self.r
    }
    pub fn k0(&self) -> u32 {
        self.k0
    }
    pub fn k1(&self) -> u32 {
        self.k1
    }

    /// The parameters as doubles, for the float solver: `(c0, c1, r, k0, k1)`.
    pub fn to_f64(&self) -> (f64, f64, f64, i32, i32) {
        (
            to_f64(&self.c0),
            to_f64(&self.c1),
            to_f64(&self.r),
            self.k0 as i32,
            self.k1 as i32,
        )
    }
}

/// Checks a revenue share: `0 ≤ delta ≤ 1` (the registry's domain of `delta`).
pub fn check_delta(delta: &Rational) -> Result<()> {
    INFO.check("delta", delta)
}
