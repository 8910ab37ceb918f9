//! Parameters of the race model: the value family f, customers, days, the open and closed sizes, and the extension switched on.

use crate::error::{Error, Result};
use crate::exact::rational::{denominator, int_bits, int_to_i64, is_integer, numerator, one, zero};
use crate::exact::sign::sign_on_interval;
use crate::exact::{IntervalSign, Poly, Rational};
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// f(x), the value per customer per day of a model trained with expense `x`.
#[derive(Clone, Debug, PartialEq)]
pub enum Family {
    /// `a·x^p`, `a > 0`, `0 < p ≤ 1`.
    Power { a: Rational, p: Rational },
    /// A polynomial with `f(0) = 0`, checked strictly increasing on `[0, cap]`.
    Polynomial(Poly),
    /// `f(0) = 0`, slope `slopes[i]` on `[breaks[i], breaks[i+1])` (the last to `cap`):
    /// positive, non-increasing slopes (concave).
    Pwl {
        breaks: Vec<Rational>,
        slopes: Vec<Rational>,
    },
    /// `a·ln(1 + x/b)`, `a, b > 0` (values are certified enclosures).
    Log { a: Rational, b: Rational },
}

/// The extension switched on (`ext=`); one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum Extension {
    Base,
    /// Revenue on day `t` weighted by `rho^t`.
    Discount {
        rho: Rational,
    },
    /// The improvement arrives at day `k` with probability `q`, otherwise never.
    UncertainRelease {
        q: Rational,
    },
    /// Customer types with valuations `v_j·f` and population shares `w_j`; one price.
    CustomerTypes {
        v: Vec<Rational>,
        w: Vec<Rational>,
    },
    /// A rival closed firm of size `y2`; a share `s` of customers is captive (half to each firm).
    Duopoly {
        y2: Rational,
        s: Rational,
    },
}

impl Extension {
    /// The name typed after `ext=`.
    pub fn name(&self) -> &'static str {
        match self {
            Extension::Base => "base",
            Extension::Discount { .. } => "discount",
            Extension::UncertainRelease { .. } => "uncertain_release",
            Extension::CustomerTypes { .. } => "customer_types",
            Extension::Duopoly { .. } => "duopoly",
        }
    }
}

/// One game of the race model.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    family: Family,
    n: Rational,
    m: Rational,
    k: Rational,
    x: Rational,
    xp: Rational,
    y: Rational,
    z: Rational,
    cap: Rational,
    ext: Extension,
}

/// The largest denominator of the power family's exponent.
const MAX_DENOMINATOR: u32 = 64;
/// The longest horizon under `ext=discount`.
const MAX_DISCOUNTED_DAYS: u32 = 100_000;
/// The largest exact day weight `rho^m` under `ext=discount`, in bits (numerator and
/// denominator): `rho = 999/1000` over 100,000 days makes two million.
const MAX_WEIGHT_BITS: u64 = 4_000_000;

fn domain(name: &str, value: impl ToString, domain: &str) -> Error {
    Error::Domain {
        name: name.into(),
        value: value.to_string(),
        domain: domain.into(),
    }
}

fn list_text(v: &[Rational]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

impl Family {
    /// Checks the family's own parameters (the polynomial and the breakpoints on `[0, cap]`).
    fn validate(&self, cap: &Rational) -> Result<()> {
        match self {
            Family::Power { a, p } => {
                INFO.check("a", a)?;
                INFO.check("p", p)?;
                // f(x) = a·x^(u/v) is a root of a degree-v polynomial: v stays small.
                if denominator(p) > MAX_DENOMINATOR {
                    return Err(domain(
                        "p",
                        p,
                        &format!("a rational in (0, 1] with denominator at most {MAX_DENOMINATOR}"),
                    ));
                }
            }
            Family::Log { a, b } => {
                INFO.check("a", a)?;
                INFO.check("b", b)?;
            }
            Family::Polynomial(f) => {
                let text = list_text(f.coeffs());
                if f.coeff(0) != 0 {
                    return Err(domain(
                        "coef",
                        &text,
                        "coefficients c0,c1,… with c0 = 0 (f(0) = 0)",
                    ));
                }
                let slope = f.derivative();
                let increasing = !slope.is_zero()
                    && matches!(
                        sign_on_interval(&slope, &zero(), cap),
                        IntervalSign::Positive | IntervalSign::NonNegative { .. }
                    );
                if !increasing {
                    return Err(domain(
                        "coef",
                        &text,
                        &format!(
                            "a polynomial increasing on [0, cap] (f' >= 0 there, cap = {cap})"
                        ),
                    ));
                }
            }
            Family::Pwl { breaks, slopes } => {
                let ok = breaks.len() == slopes.len()
                    && breaks.first() == Some(&zero())
                    && breaks.windows(2).all(|w| w[0] < w[1])
                    && slopes.iter().all(|s| *s > 0)
                    && slopes.windows(2).all(|w| w[0] >= w[1]);
                if !ok {
                    return Err(domain(
                        "breaks/slopes",
                        format!("breaks={} slopes={}", list_text(breaks), list_text(slopes)),
                        "breaks 0 = b1 < b2 < … and as many slopes, positive and non-increasing (concave)",
                    ));
                }
            }
        }
        Ok(())
    }
}

impl Params {
    /// Builds and validates a game.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        family: Family,
        n: Rational,
        m: Rational,
        k: Rational,
        x: Rational,
        xp: Rational,
        y: Rational,
        z: Rational,
        cap: Rational,
        ext: Extension,
    ) -> Result<Params> {
        for (name, value) in [("cap", &cap), ("n", &n), ("m", &m), ("k", &k), ("x", &x)] {
            INFO.check(name, value)?;
        }
        family.validate(&cap)?;
        if k > m {
            return Err(domain("k", &k, &format!("a rational in [0, m] = [0, {m}]")));
        }
        if y <= x {
            return Err(domain("y", &y, &format!("a rational > x = {x}")));
        }
        if xp <= x {
            return Err(domain("xp", &xp, &format!("a rational > x = {x}")));
        }
        let top = if xp > y { &xp } else { &y };
        if z <= *top {
            return Err(domain("z", &z, &format!("a rational > max(y, xp) = {top}")));
        }
        if cap < z {
            return Err(domain("cap", &cap, &format!("a rational >= z = {z}")));
        }
        match &ext {
            Extension::Base => {}
            Extension::Discount { rho } => {
                INFO.check("rho", rho)?;
                for (name, v) in [("m", &m), ("k", &k)] {
                    if !is_integer(v) {
                        return Err(domain(name, v, "a whole number of days under ext=discount"));
                    }
                }
                if m > MAX_DISCOUNTED_DAYS {
                    return Err(domain(
                        "m",
                        &m,
                        &format!(
                            "at most {MAX_DISCOUNTED_DAYS} days under ext=discount (the weights are exact powers rho^t)"
                        ),
                    ));
                }
                // rho^m is exact: its size is rho's size times the days, bounded before it is built.
                let bits = int_bits(&numerator(rho)) + int_bits(&denominator(rho));
                let days = int_to_i64(&numerator(&m)).map_or(u64::MAX, i64::unsigned_abs);
                if bits.saturating_mul(days) > MAX_WEIGHT_BITS {
                    return Err(domain(
                        "m",
                        &m,
                        &format!(
                            "at most {} days with rho = {} under ext=discount: rho^m would have {} bits, beyond {MAX_WEIGHT_BITS}",
                            MAX_WEIGHT_BITS / bits.max(1),
                            crate::error::shorten(&rho.to_string()),
                            bits.saturating_mul(days)
                        ),
                    ));
                }
            }
            Extension::UncertainRelease { q } => {
                INFO.check("q", q)?;
            }
            Extension::CustomerTypes { v, w } => {
                let total: Rational = w.iter().cloned().sum();
                if v.is_empty()
                    || v.len() != w.len()
                    || v.iter().chain(w).any(|t| *t <= 0)
                    || total != one()
                {
                    return Err(domain(
                        "v/w",
                        format!("v={} w={}", list_text(v), list_text(w)),
                        "as many valuations v as shares w, all > 0, the shares summing to 1",
                    ));
                }
            }
            Extension::Duopoly { y2, s } => {
                if *y2 <= x || *y2 > cap {
                    return Err(domain(
                        "y2",
                        y2,
                        &format!("a rational in (x, cap] = ({x}, {cap}]"),
                    ));
                }
                INFO.check("s", s)?;
            }
        }
        Ok(Params {
            family,
            n,
            m,
            k,
            x,
            xp,
            y,
            z,
            cap,
            ext,
        })
    }

    /// Reads and validates the parameters (`f=` picks the family, `ext=` the extension).
    pub fn from_arguments(args: &Arguments) -> Result<Params> {
        let get = |name: &str| args.require(INFO.param(name).expect("a declared parameter"));
        let list = |name: &str, default: &[i64]| -> Vec<Rational> {
            args.numbers(name)
                .map(<[Rational]>::to_vec)
                .unwrap_or_else(|| default.iter().map(|d| Rational::from(*d)).collect())
        };
        let family = match args.label("f")? {
            "power" => Family::Power {
                a: get("a")?,
                p: get("p")?,
            },
            "polynomial" => Family::Polynomial(Poly::new(list("coef", &[0, 1]))),
            "pwl" => Family::Pwl {
                breaks: list("breaks", &[0]),
                slopes: list("slopes", &[1]),
            },
            _ => Family::Log {
                a: get("a")?,
                b: get("b")?,
            },
        };
        let ext = match args.label("ext")? {
            "base" => Extension::Base,
            "discount" => Extension::Discount { rho: get("rho")? },
            "uncertain_release" => Extension::UncertainRelease { q: get("q")? },
            "customer_types" => Extension::CustomerTypes {
                v: list("v", &[1]),
                w: list("w", &[1]),
            },
            _ => Extension::Duopoly {
                y2: get("y2")?,
                s: get("s")?,
            },
        };
        Params::new(
            family,
            get("n")?,
            get("m")?,
            get("k")?,
            get("x")?,
            get("xp")?,
            get("y")?,
            get("z")?,
            get("cap")?,
            ext,
        )
    }

    pub fn family(&self) -> &Family {
        &self.family
    }
    pub fn n(&self) -> &Rational {
        &self.n
    }
    pub fn m(&self) -> &Rational {
        &self.m
    }
    pub fn k(&self) -> &Rational {
        &self.k
    }
    pub fn x(&self) -> &Rational {
        &self.x
    }
    pub fn xp(&self) -> &Rational {
        &self.xp
    }
    pub fn y(&self) -> &Rational {
        &self.y
    }
    pub fn z(&self) -> &Rational {
        &self.z
    }
    pub fn cap(&self) -> &Rational {
        &self.cap
    }
    pub fn ext(&self) -> &Extension {
        &self.ext
    }
}
