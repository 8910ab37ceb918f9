//! The fine-tuning game through the one model interface: the equilibrium at a share and the bargaining analysis, each solved the first time an output needs it.

use crate::error::{Error, Result};
use crate::exact::Value;
use crate::models::ModelInfo;
use crate::models::arguments::Arguments;
use crate::models::bargain::{self, Bargained};
use crate::models::model::{Game, Model, Shared};
use crate::models::solve_report::SolveReport;
use crate::models::tie::Tie;
use crate::models::val::Val;

use super::{Bargain, Equilibrium, Params};

/// The model's registry line.
pub static MODEL: FineTuning = FineTuning;

/// The fine-tuning game.
pub struct FineTuning;

impl Model for FineTuning {
    fn info(&self) -> &'static ModelInfo {
        &super::regimes::INFO
    }

    fn validate(&self, args: &Arguments) -> Result<()> {
        Params::from_arguments(args).map(|_| ())
    }

    fn solve(&self, args: &Arguments) -> Result<SolveReport> {
        let params = Params::from_arguments(args)?;
        let delta = match params.delta() {
            Some(delta) => delta.clone(),
            None => args.require(self.info().param("delta").expect("declared"))?,
        };
        let spe = super::solve(&params, &delta);
        Ok(super::report::report(&params, &spe))
    }

    fn bargain(&self, args: &Arguments, options: &bargain::Options) -> Result<Bargained> {
        let width = options.width()?;
        options.refuse(
            &["mode", "probes", "step", "find-components", "domains", "seed", "tries"],
            "this option is for fine_tuning_n's bargaining; fine_tuning's has one share and no search",
        )?;
        args.forbid(
            "delta",
            "bargain chooses delta; use `gpai solve` for one share",
        )?;
        let params = Params::from_arguments(args)?;
        let bargain = super::bargain(&params, &super::Config { width })?;
        Ok(Bargained::Report(Box::new(super::report::bargain_report(
            &params, &bargain,
        ))))
    }

    fn game(&self, args: &Arguments) -> Result<Box<dyn Game>> {
        Ok(Box::new(FineTuningGame {
            params: Params::from_arguments(args)?,
            spe: None,
            bargain: None,
        }))
    }
}

struct FineTuningGame {
    params: Params,
    /// Solved once, when `spe.*` is first read (it needs the share).
    spe: Option<Box<Equilibrium>>,
    bargain: Option<Box<Bargain>>,
}

impl Game for FineTuningGame {
    fn output(&mut self, path: &str, _: &mut Shared) -> Result<Val> {
        let (group, field) = path.split_once('.').unwrap_or((path, ""));
        if group == "spe" {
            let e = match &mut self.spe {
                Some(e) => e,
                empty => {
                    let delta = self.params.delta().ok_or_else(|| Error::NoOutput {
                        path: path.into(),
                        reason: "spe.* needs the share delta: give delta as a parameter".into(),
                    })?;
                    empty.insert(Box::new(super::solve(&self.params, delta)))
                }
            };
            return Ok(match field {
                "alpha0" => Val::Num(e.alpha0.clone()),
                "alpha1" => Val::Num(e.alpha1.clone()),
                "u_g" => Val::Num(e.u_g.clone()),
                "u_d" => Val::Num(e.u_d.clone()),
                "generalist" => Val::Label(e.generalist.to_string()),
                _ => Val::Label(e.specialist.to_string()),
            });
        }
        let b = match &mut self.bargain {
            Some(b) => b,
            empty => empty.insert(Box::new(super::bargain(&self.params, &Default::default())?)),
        };
        let end =
            |pair: &(Value, Value)| Val::from_value(if field == "lo" { &pair.0 } else { &pair.1 });
        Ok(match group {
            "feasible" => end(&b.feasible),
            "pareto" => end(&b.pareto),
            "vertical_monopoly" => Val::Num(match field {
                "alpha0" => b.vertical_monopoly.alpha0.clone(),
                "alpha1" => b.vertical_monopoly.alpha1.clone(),
                _ => b.vertical_monopoly.joint.clone(),
            }),
            name => {
                let s = b.solution(name).expect("a listed solution");
                Val::from_value(match field {
                    "delta" => &s.delta,
                    "u_g" => &s.u_g,
                    "u_d" => &s.u_d,
                    "alpha0" => &s.alpha0,
                    "alpha1" => &s.alpha1,
                    _ => &s.shortfall,
                })
            }
        })
    }

    /// `spe.*` rest on the equilibrium's tie rules; a bargaining solution's outputs on the rule
    /// that chose among its objective's equal maxima, when it had several.
    fn ties(&self, path: &str) -> Vec<Tie> {
        let group = path.split_once('.').map_or(path, |(group, _)| group);
        let ties = match group {
            "spe" => self.spe.as_ref().map(|e| &e.ties),
            _ => self.bargain.as_ref().map(|b| &b.ties),
        };
        ties.into_iter()
            .flatten()
            .filter(|t| group == "spe" || t.player == group)
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every named bargain is read by its six fields: the registry lists what the solver names.
    #[test]
    fn every_bargaining_solution_is_an_output() {
        let names = MODEL.info().output_names();
        for solution in super::super::bargain::SOLUTIONS {
            for field in ["delta", "u_g", "u_d", "alpha0", "alpha1", "shortfall"] {
                let name = format!("{solution}.{field}");
                assert!(names.contains(&name), "{name}");
            }
        }
    }
}
