//! The safety-regulation game through the one model interface: its outputs read from the regulated equilibrium and its unregulated twin.

use crate::error::Result;
use crate::exact::rational::int;
use crate::exact::{Algebraic, Rational};
use crate::models::ModelInfo;
use crate::models::arguments::Arguments;
use crate::models::model::{Game, Model, Shared};
use crate::models::solve_report::SolveReport;
use crate::models::tie::Tie;
use crate::models::val::Val;
use crate::sweep::{Engine, Sweep};

use super::{Equilibrium, Outcome, Params};

/// The model's registry line.
pub static MODEL: Safety = Safety;

/// The safety-regulation game.
pub struct Safety;

impl Model for Safety {
    fn info(&self) -> &'static ModelInfo {
        &super::regimes::INFO
    }

    fn validate(&self, args: &Arguments) -> Result<()> {
        Params::from_arguments(args).map(|_| ())
    }

    fn game(&self, args: &Arguments) -> Result<Box<dyn Game>> {
        let params = Params::from_arguments(args)?;
        // Games differing only in their floors share the unregulated equilibrium.
        let twin = args
            .with("theta_g", int(0))
            .and_then(|a| a.with("theta_d", int(0)))?
            .canonical();
        Ok(Box::new(SafetyGame {
            params,
            twin,
            outcome: None,
        }))
    }

    fn solve(&self, args: &Arguments) -> Result<SolveReport> {
        let params = Params::from_arguments(args)?;
        let outcome = super::classify(&params);
        Ok(super::report::report(&params, &outcome))
    }

    /// Along a line of floors, the event equations of [`super::line`].
    fn exact_change(
        &self,
        base: &Arguments,
        axis: &str,
        family: (&Rational, &Rational),
        bracket: (&Rational, &Rational),
        holds: &dyn Fn(&Rational) -> Result<bool>,
    ) -> Result<Option<Algebraic>> {
        if !matches!(axis, "theta_g" | "theta_d") {
            return Ok(None);
        }
        let params = Params::from_arguments(base)?;
        let moving = (int(0), int(1));
        let (g, d) = if axis == "theta_d" {
            ((params.theta_g().clone(), int(0)), moving)
        } else {
            (moving, (params.theta_d().clone(), int(0)))
        };
        let range = (family.0.clone(), family.1.clone());
        let line = super::line::Line::new(params, g, d, range)?;
        super::line::exact_change(&line, bracket.0, bracket.1, holds)
    }

    fn sweeper(&self, base: Arguments, axes: &[String], engine: Engine) -> Result<Box<dyn Sweep>> {
        Ok(Box::new(super::sweep::Sweeper::new(base, axes, engine)?))
    }
}

struct SafetyGame {
    params: Params,
    twin: String,
    outcome: Option<Box<Outcome>>,
}

impl Game for SafetyGame {
    fn output(&mut self, path: &str, shared: &mut Shared) -> Result<Val> {
        let outcome = match &mut self.outcome {
            Some(outcome) => outcome,
            empty => {
                let params = &self.params;
                let unregulated = shared
                    .get_or_insert_with(MODEL.info().name, self.twin.clone(), || {
                        super::solve(&params.unregulated())
                    })
                    .clone();
                empty.insert(Box::new(super::exact::classify_against(
                    params,
                    unregulated,
                )))
            }
        };
        let (group, field) = path.split_once('.').unwrap_or((path, ""));
        Ok(match group {
            "regime" => Val::Label(outcome.regime.to_string()),
            "backfire" => Val::Bool(outcome.backfire),
            "mutualism" => Val::Bool(outcome.mutualism),
            "spe" => field_of(&outcome.regulated, field),
            _ => field_of(&outcome.unregulated, field),
        })
    }

    fn ties(&self, _path: &str) -> Vec<Tie> {
        self.outcome.as_ref().map(|o| o.ties()).unwrap_or_default()
    }
}

fn field_of(e: &Equilibrium, field: &str) -> Val {
    if let Some((_, a)) = e.quantities().into_iter().find(|(name, _)| *name == field) {
        return Val::Num(a.clone());
    }
    match field {
        "g_strategy" => Val::Label(e.g_strategy.to_string()),
        "d_strategy" => Val::Label(e.d_strategy.to_string()),
        _ => Val::Bool(e.paper_candidate),
    }
}
