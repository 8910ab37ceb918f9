//! The n-specialist fine-tuning game through the one model interface: the equilibrium per domain, and the bargaining analysis over a common share the first time an output needs it.

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::models::arguments::Arguments;
use crate::models::bargain;
use crate::models::model::{Game, Model, Shared};
use crate::models::solve_report::SolveReport;
use crate::models::tie::Tie;
use crate::models::val::Val;
use crate::models::{ModelInfo, indexed};
use crate::sweep::{Engine, Sweep};

use super::bargain::Bargain;
use super::exact::{margin, participation_value, threshold};
use super::{Equilibrium, Params};

/// The model's registry line.
pub static MODEL: FineTuningN = FineTuningN;

/// The n-specialist fine-tuning game.
pub struct FineTuningN;

impl Model for FineTuningN {
    fn info(&self) -> &'static ModelInfo {
        &super::regimes::INFO
    }

    fn validate(&self, args: &Arguments) -> Result<()> {
        Params::from_arguments(args).map(|_| ())
    }

    fn solve(&self, args: &Arguments) -> Result<SolveReport> {
        let params = Params::from_arguments(args)?;
        let e = super::solve(&params);
        Ok(super::report::report(&params, &e))
    }

    fn bargain(&self, args: &Arguments, options: &bargain::Options) -> Result<bargain::Bargained> {
        super::bargaining::run(args, options)
    }

    fn game(&self, args: &Arguments) -> Result<Box<dyn Game>> {
        let params = Params::from_arguments(args)?;
        Ok(Box::new(FineTuningNGame {
            spe: super::solve(&params),
            params,
            bargain: None,
        }))
    }

    fn sweeper(&self, base: Arguments, _axes: &[String], engine: Engine) -> Result<Box<dyn Sweep>> {
        Ok(Box::new(super::sweep::Sweeper::new(
            base,
            engine == Engine::Exact,
        )?))
    }
}

struct FineTuningNGame {
    params: Params,
    spe: Equilibrium,
    /// Computed once per game with the default configuration.
    bargain: Option<Box<Bargain>>,
}

impl Game for FineTuningNGame {
    fn output(&mut self, path: &str, _: &mut Shared) -> Result<Val> {
        let (group, field) = path.split_once('.').unwrap_or((path, ""));
        let (params, e) = (&self.params, &self.spe);
        let n = params.domains().len();
        let (generic, index) = indexed(field).unwrap_or((field.to_string(), 0));
        let missing = |what: &str| Error::NoOutput {
            path: path.into(),
            reason: what.to_string(),
        };
        if index > n {
            let s = if n == 1 { "" } else { "s" };
            return Err(missing(&format!("the game has {n} domain{s}")));
        }
        let q = |r: &Rational| Val::rational(r.clone());
        if group == "spe" {
            if index == 0 {
                return Ok(match field {
                    "alpha0" => q(&e.alpha0),
                    "u_g" => q(&e.u_g),
                    _ => Val::Bool(e.g_participates),
                });
            }
            let (d, o) = (&params.domains()[index - 1], &e.domains[index - 1]);
            return match generic.as_str() {
                "regime_i" => Ok(Val::Label(o.regime.to_string())),
                "alpha_i" => Ok(q(&o.alpha)),
                "u_i" => Ok(q(&o.utility)),
                "margin_i" => Ok(q(&margin(d))),
                "value_i" => Ok(q(&participation_value(d, &e.alpha0))),
                _ => threshold(d)
                    .map(|t| q(&t))
                    .ok_or_else(|| missing("this domain joins at no base performance")),
            };
        }
        let b = match &mut self.bargain {
            Some(b) => b,
            empty => empty.insert(Box::new(super::bargain::bargain(
                params,
                &Default::default(),
            )?)),
        };
        if group == "pareto" {
            if field == "components" {
                return Ok(Val::rational(Rational::from(b.components.len() as u64)));
            }
            let c = index
                .checked_sub(1)
                .and_then(|k| b.components.get(k))
                .ok_or_else(|| {
                    missing(&format!(
                        "the Pareto set has {} components",
                        b.components.len()
                    ))
                })?;
            return Ok(Val::from_value(if generic == "lo_i" {
                &c.lo
            } else {
                &c.hi
            }));
        }
        // No solution when no share gives anyone a gain (nobody invests at any share).
        let s = b.solution(group).ok_or_else(|| {
            missing("no share makes a bargain here: no player gains from any (the Pareto set has no interior to bargain over)")
        })?;
        Ok(Val::from_value(match (field, index) {
            ("delta", _) => &s.delta,
            ("u_g", _) => &s.u[0],
            (_, i) => &s.u[i],
        }))
    }

    /// `spe.*` rest on the equilibrium's tie rules, a bargaining solution's outputs on the rule
    /// that chose among shares of equal objective (when there were several), `pareto.*` on none.
    fn ties(&self, path: &str) -> Vec<Tie> {
        let group = path.split_once('.').map_or(path, |(group, _)| group);
        if group == "spe" {
            return self.spe.ties.clone();
        }
        self.bargain
            .as_ref()
            .and_then(|b| b.solution(group))
            .and_then(|s| s.tie.clone())
            .into_iter()
            .collect()
    }
}
