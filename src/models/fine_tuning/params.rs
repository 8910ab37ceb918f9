//! Parameters of the one-specialist fine-tuning game, validated once when built.

use crate::error::Result;
use crate::exact::Rational;
use crate::exact::rational::{int_to_i64, numerator, to_f64};
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// Largest cost exponent accepted (degrees of the exact elimination grow with it); the
/// registry's domain of `k0` and `k1` says the same.
pub const MAX_EXPONENT: u32 = 6;

/// `φ0 = c0·α0^k0`, `φ1 = c1·(α1 − α0)^k1`, revenue `r·α1`; `k0 = k1 = 2` is the paper's
/// quadratic case. The revenue share `delta` is part of a game when it is given (`gpai solve`)
/// and absent when it is chosen (`gpai bargain`, the curve along δ).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    c0: Rational,
    c1: Rational,
    r: Rational,
    k0: u32,
    k1: u32,
    delta: Option<Rational>,
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
        Ok(Params {
            c0,
            c1,
            r,
            k0,
            k1,
            delta: None,
        })
    }

    /// The same game with the revenue share `delta` (checked: `0 ≤ delta ≤ 1`).
    pub fn with_delta(&self, delta: Rational) -> Result<Params> {
        INFO.check("delta", &delta)?;
        Ok(Params {
            delta: Some(delta),
            ..self.clone()
        })
    }

    /// The paper's quadratic game.
    pub fn quadratic(c0: Rational, c1: Rational, r: Rational) -> Result<Params> {
        Params::new(c0, c1, r, 2, 2)
    }

    /// Parameters from `name=value` arguments (`delta` when it is given).
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
        let params = Params::new(
            get("c0")?,
            get("c1")?,
            get("r")?,
            exponent("k0")?,
            exponent("k1")?,
        )?;
        match args.get("delta") {
            Some(delta) => params.with_delta(delta.clone()),
            None => Ok(params),
        }
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
    /// The revenue share, when the game has one.
    pub fn delta(&self) -> Option<&Rational> {
        self.delta.as_ref()
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
