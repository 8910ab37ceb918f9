//! Parameters of the one-specialist fine-tuning game, validated once when built.

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::exact::rational::{int_to_i64, is_integer, numerator, to_f64};
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// Largest cost exponent accepted (degrees of the exact elimination grow with it).
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
        positive("c0", &c0)?;
        positive("c1", &c1)?;
        positive("r", &r)?;
        for (name, k) in [("k0", k0), ("k1", k1)] {
            if !(2..=MAX_EXPONENT).contains(&k) {
                return Err(exponent_domain(name, &k.to_string()));
            }
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
        let exponent = |name: &str| -> Result<u32> {
            let value = get(name)?;
            if !is_integer(&value) {
                return Err(exponent_domain(name, &value.to_string()));
            }
            int_to_i64(&numerator(&value))
                .and_then(|k| u32::try_from(k).ok())
                .ok_or_else(|| exponent_domain(name, &value.to_string()))
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

/// Checks a revenue share: `0 ≤ delta ≤ 1`.
pub fn check_delta(delta: &Rational) -> Result<()> {
    if *delta < 0 || *delta > 1 {
        return Err(Error::Domain {
            name: "delta".into(),
            value: delta.to_string(),
            domain: "a share in [0, 1] (G receives delta of revenue, D receives 1 - delta)".into(),
        });
    }
    Ok(())
}

fn positive(name: &str, value: &Rational) -> Result<()> {
    if *value <= 0 {
        return Err(Error::Domain {
            name: name.into(),
            value: value.to_string(),
            domain: "a rational > 0".into(),
        });
    }
    Ok(())
}

fn exponent_domain(name: &str, value: &str) -> Error {
    Error::Domain {
        name: name.into(),
        value: value.into(),
        domain: format!("an integer from 2 to {MAX_EXPONENT}"),
    }
}
