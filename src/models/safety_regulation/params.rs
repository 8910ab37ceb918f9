//! Parameters of the two-attribute safety-regulation game, validated once when built.

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::exact::rational::{int, to_f64};
use crate::models::arguments::Arguments;

use super::regimes::INFO;

/// A symmetric 2×2 cost matrix `[[aa, ab], [ab, bb]]` on (performance, safety) investments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Costs {
    pub aa: Rational,
    pub ab: Rational,
    pub bb: Rational,
}

impl Costs {
    /// Checks `aa, bb > 0` and `ab > −√(aa·bb)`: no non-negative investment is free.
    pub fn new(aa: Rational, ab: Rational, bb: Rational, prefix: &str) -> Result<Costs> {
        // Both matrices' entries have the domains the registry declares for C0's.
        for (name, value) in [("aa", &aa), ("ab", &ab), ("bb", &bb)] {
            let spec = INFO
                .param(&format!("c0_{name}"))
                .expect("a declared parameter");
            spec.domain.check(&format!("{prefix}_{name}"), value)?;
        }
        // ab > −√(aa·bb)  ⇔  ab ≥ 0 or ab² < aa·bb.
        if ab < 0 && &ab * &ab >= &aa * &bb {
            return Err(Error::Domain {
                name: format!("{prefix}_ab"),
                value: ab.to_string(),
                domain: format!(
                    "a rational > -sqrt({prefix}_aa*{prefix}_bb) = -sqrt({}); otherwise some non-negative investment costs nothing",
                    &aa * &bb
                ),
            });
        }
        Ok(Costs { aa, ab, bb })
    }

    /// The identity matrix.
    pub fn identity() -> Costs {
        Costs {
            aa: int(1),
            ab: int(0),
            bb: int(1),
        }
    }

    /// `aa·bb − ab²`.
    pub fn det(&self) -> Rational {
        &self.aa * &self.bb - &self.ab * &self.ab
    }

    /// `xᵀ C x` for `x = (a, b)`.
    pub fn quad(&self, a: &Rational, b: &Rational) -> Rational {
        &self.aa * a * a + Rational::from(2) * &self.ab * a * b + &self.bb * b * b
    }
}

/// The game: costs `C0` (G) and `C1` (D), revenue weights `r`, G's share `delta`, floors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    c0: Costs,
    c1: Costs,
    r_a: Rational,
    r_b: Rational,
    delta: Rational,
    theta_g: Rational,
    theta_d: Rational,
}

impl Params {
    /// Validated parameters: `r ≥ 0` not both 0, `0 ≤ delta ≤ 1`, floors `≥ 0`.
    pub fn new(
        c0: Costs,
        c1: Costs,
        (r_a, r_b): (Rational, Rational),
        delta: Rational,
        (theta_g, theta_d): (Rational, Rational),
    ) -> Result<Params> {
        for (name, value) in [
            ("r_a", &r_a),
            ("r_b", &r_b),
            ("delta", &delta),
            ("theta_g", &theta_g),
            ("theta_d", &theta_d),
        ] {
            INFO.check(name, value)?;
        }
        if r_a == 0 && r_b == 0 {
            return Err(domain(
                "r_b",
                &r_b,
                "a rational > 0 when r_a = 0 (revenue cannot be zero for both attributes)",
            ));
        }
        Ok(Params {
            c0,
            c1,
            r_a,
            r_b,
            delta,
            theta_g,
            theta_d,
        })
    }

    /// The paper's running example: `C0 = C1 = I`, `r = (1, 1)`, `delta = 1/2`, no regulation.
    pub fn reference() -> Params {
        Params::new(
            Costs::identity(),
            Costs::identity(),
            (int(1), int(1)),
            Rational::from_signeds(1, 2),
            (int(0), int(0)),
        )
        .expect("the reference game is valid")
    }

    /// Parameters from `name=value` arguments (defaults: the reference game).
    pub fn from_arguments(args: &Arguments) -> Result<Params> {
        let get = |name: &str| args.require(INFO.param(name).expect("a declared parameter"));
        Params::new(
            Costs::new(get("c0_aa")?, get("c0_ab")?, get("c0_bb")?, "c0")?,
            Costs::new(get("c1_aa")?, get("c1_ab")?, get("c1_bb")?, "c1")?,
            (get("r_a")?, get("r_b")?),
            get("delta")?,
            (get("theta_g")?, get("theta_d")?),
        )
    }

    /// The same game with other floors (validated: floors must be `≥ 0`).
    pub fn with_floors(&self, theta_g: Rational, theta_d: Rational) -> Result<Params> {
        Params::new(
            self.c0.clone(),
            self.c1.clone(),
            (self.r_a.clone(), self.r_b.clone()),
            self.delta.clone(),
            (theta_g, theta_d),
        )
    }

    /// The same game without regulation.
    pub fn unregulated(&self) -> Params {
        self.with_floors(int(0), int(0))
            .expect("zero floors are valid")
    }

    pub fn c0(&self) -> &Costs {
        &self.c0
    }
    pub fn c1(&self) -> &Costs {
        &self.c1
    }
    pub fn r_a(&self) -> &Rational {
        &self.r_a
    }
    pub fn r_b(&self) -> &Rational {
        &self.r_b
    }
    pub fn delta(&self) -> &Rational {
        &self.delta
    }
    pub fn theta_g(&self) -> &Rational {
        &self.theta_g
    }
    pub fn theta_d(&self) -> &Rational {
        &self.theta_d
    }

    /// Everything as doubles, for the float solver:
    /// `([c0_aa, c0_ab, c0_bb], [c1_aa, c1_ab, c1_bb], [r_a, r_b], delta, [theta_g, theta_d])`.
    pub fn to_f64(&self) -> ([f64; 3], [f64; 3], [f64; 2], f64, [f64; 2]) {
        let m = |c: &Costs| [to_f64(&c.aa), to_f64(&c.ab), to_f64(&c.bb)];
        (
            m(&self.c0),
            m(&self.c1),
            [to_f64(&self.r_a), to_f64(&self.r_b)],
            to_f64(&self.delta),
            [to_f64(&self.theta_g), to_f64(&self.theta_d)],
        )
    }
}

fn domain(name: &str, value: &Rational, domain: &str) -> Error {
    Error::Domain {
        name: name.into(),
        value: value.to_string(),
        domain: domain.into(),
    }
}
