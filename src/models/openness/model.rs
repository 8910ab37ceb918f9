//! The openness game through the one model interface: the equilibrium, its derived quantities and its boundaries by output name.

use std::cmp::Ordering;

use crate::error::{Error, Result};
use crate::exact::{Algebraic, Rational};
use crate::models::ModelInfo;
use crate::models::arguments::Arguments;
use crate::models::decisions::{AtLeast, Decisions};
use crate::models::model::{Game, Model, Shared};
use crate::models::solve_report::{SolveReport, read};
use crate::models::tie::Tie;
use crate::models::val::Val;
use crate::sweep::{Engine, Sweep};

use super::exact::Boundaries;
use super::{Equilibrium, Params};

/// The model's registry line.
pub static MODEL: Openness = Openness;

/// The openness game.
pub struct Openness;

impl Model for Openness {
    fn info(&self) -> &'static ModelInfo {
        &super::regimes::INFO
    }

    fn validate(&self, args: &Arguments) -> Result<()> {
        Params::from_arguments(args).map(|_| ())
    }

    fn game(&self, args: &Arguments) -> Result<Box<dyn Game>> {
        let params = Params::from_arguments(args)?;
        Ok(Box::new(OpennessGame {
            equilibrium: super::solve(&params),
            boundaries: super::boundaries(&params),
        }))
    }

    fn solve(&self, args: &Arguments) -> Result<SolveReport> {
        let params = Params::from_arguments(args)?;
        let mut game = OpennessGame {
            equilibrium: super::solve(&params),
            boundaries: super::boundaries(&params),
        };
        let rows = read(&mut game, &mut Shared::default(), super::report::ROWS, |path| {
            path.trim_start_matches("spe.").to_string()
        })?;
        Ok(super::report::report(&params, &game.equilibrium, &rows))
    }

    fn decisions(&self) -> Option<&'static Decisions> {
        Some(&DECISIONS)
    }

    fn sweeper(&self, base: Arguments, _axes: &[String], engine: Engine) -> Result<Box<dyn Sweep>> {
        Ok(Box::new(super::sweep::Sweeper::new(
            base,
            engine == Engine::Exact,
        )?))
    }
}

/// G's decision rule (`exact::solve`) on the signs of the quantities it compares.
static DECISIONS: Decisions = Decisions {
    quantities: &[
        "omega_tilde",
        "omega_tilde - 1",
        "v_n",
        "theta - omega_n",
        "p - p_star",
        "pi_theta",
        "v_n - p",
        "theta",
        "p",
        "omega_n",
    ],
    // Where the unclipped optimum ω̃ crosses 0 or 1.
    breaks: 2,
    regime: regime_from_signs,
    exits: &["exit", "exit_unregulated"],
    // G's openness: θ when complying, ω_N when releasing otherwise, 0 after an exit.
    at_least: Some(AtLeast {
        word: "openness",
        output: "spe.omega",
        value_in: &[
            ("comply", "theta"),
            ("unregulated", "omega_n"),
            ("slack", "omega_n"),
            ("pay", "omega_n"),
        ],
    }),
};

/// Indices as in [`DECISIONS`]: 2 V_N, 3 θ − ω_N, 4 p − p*, 5 Π(θ), 6 V_N − p, 7 θ, 8 p.
fn regime_from_signs(sign: &dyn Fn(usize) -> Ordering) -> &'static str {
    if sign(2).is_lt() {
        "exit_unregulated"
    } else if !(sign(7).is_gt() && sign(8).is_gt()) {
        "unregulated"
    } else if sign(3).is_le() {
        "slack"
    } else if sign(4).is_ge() && sign(5).is_ge() {
        "comply"
    } else if sign(6).is_ge() {
        "pay"
    } else {
        "exit"
    }
}

struct OpennessGame {
    equilibrium: Equilibrium<Rational>,
    boundaries: Boundaries,
}

impl Game for OpennessGame {
    fn output(&mut self, path: &str, _: &mut Shared) -> Result<Val> {
        let (e, b) = (&self.equilibrium, &self.boundaries);
        let q = |r: &Rational| Val::rational(r.clone());
        let d = &e.derived;
        let boundary = |a: &Option<Algebraic>| {
            a.clone().map(Val::Num).ok_or_else(|| Error::NoOutput {
                path: path.into(),
                reason: "does not exist for this game".into(),
            })
        };
        Ok(match path {
            "spe.omega" => q(&e.omega),
            "spe.alpha1" => q(&e.alpha1),
            "spe.u_g" => q(&e.u_g),
            "spe.u_d" => q(&e.u_d),
            "regime" => Val::Label(e.regime.to_string()),
            "released" => Val::Bool(e.regime.releases()),
            "omega_n" => q(&d.omega_n),
            "v_n" => q(&d.v_n),
            "omega_tilde" => q(&d.omega_tilde),
            "alpha_hi" => q(&d.alpha_hi),
            "a" => q(&d.a),
            "g" => q(&d.g),
            "pi0" => q(&d.pi0),
            "pi_theta" => q(&d.pi_theta),
            "p_star" => q(&d.p_star),
            "theta_p" => boundary(&b.theta_p)?,
            "theta_x" => boundary(&b.theta_x)?,
            "alpha0_dagger" => boundary(&b.alpha0_dagger)?,
            _ => Val::Num(b.alpha0_s.clone()),
        })
    }

    fn ties(&self, _path: &str) -> Vec<Tie> {
        self.equilibrium.ties.clone()
    }
}
