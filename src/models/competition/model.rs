//! The competition game through the one model interface: the market at the chosen effort, vertical integration, the free trial, and the openness thresholds shared by every game that differs only in its openness.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::exact::rational::int;
use crate::exact::{Algebraic, Rational};
use crate::models::ModelInfo;
use crate::models::arguments::Arguments;
use crate::models::model::{Game, Model, Shared};
use crate::models::solve_report::{SolveReport, read};
use crate::models::tie::Tie;
use crate::models::val::Val;
use crate::sweep::{Engine, Sweep};

use super::thresholds::{Lines, RootMemo};
use super::{Params, Solution};

/// Where [`Shared`] keeps the roots every game's openness line shares (beside the thresholds,
/// kept under the model's name and each game's twin).
const ROOTS: &str = "competition: roots of openness lines";

/// The model's registry line.
pub static MODEL: Competition = Competition;

/// The competition game.
pub struct Competition;

impl Model for Competition {
    fn info(&self) -> &'static ModelInfo {
        &super::regimes::INFO
    }

    fn validate(&self, args: &Arguments) -> Result<()> {
        Params::from_arguments(args).map(|_| ())
    }

    fn solve(&self, args: &Arguments) -> Result<SolveReport> {
        let mut game = CompetitionGame::new(args)?;
        let mut shared = Shared::default();
        let rows = read(&mut game, &mut shared, super::report::ROWS, str::to_string)?;
        let t = shared.get_or_insert_with(MODEL.info().name, game.twin.clone(), Thresholds::default);
        let omega_w = t.lines.get_or_insert_with(|| Lines::new(&game.params)).omega_w();
        let polynomial = omega_w.and_then(|(_, poly)| poly);
        Ok(super::report::report(
            &game.params,
            &game.solution,
            &rows,
            polynomial.as_ref(),
        ))
    }

    fn game(&self, args: &Arguments) -> Result<Box<dyn Game>> {
        Ok(Box::new(CompetitionGame::new(args)?))
    }

    fn sweeper(&self, base: Arguments, _axes: &[String], engine: Engine) -> Result<Box<dyn Sweep>> {
        Ok(Box::new(super::sweep::Sweeper::new(
            base,
            engine == Engine::Exact,
        )?))
    }
}

struct CompetitionGame {
    params: Params,
    solution: Solution,
    /// The game without its openness: the key of its thresholds.
    twin: String,
}

impl CompetitionGame {
    fn new(args: &Arguments) -> Result<CompetitionGame> {
        let params = Params::from_arguments(args)?;
        Ok(CompetitionGame {
            solution: super::solve(&params),
            params,
            twin: args.with("omega", int(0))?.canonical(),
        })
    }
}

/// The thresholds of one game without its openness, each computed the first time it is read.
#[derive(Default)]
struct Thresholds {
    lines: Option<Lines>,
    computed: HashMap<&'static str, Option<Algebraic>>,
}

impl Thresholds {
    fn get(&mut self, p: &Params, name: &'static str, memo: &RootMemo) -> Option<Algebraic> {
        let lines = self
            .lines
            .get_or_insert_with(|| Lines::sharing(p, memo.clone()));
        self.computed
            .entry(name)
            .or_insert_with(|| lines.by_name(name))
            .clone()
    }
}

impl Game for CompetitionGame {
    fn output(&mut self, path: &str, shared: &mut Shared) -> Result<Val> {
        let (p, s) = (&self.params, &self.solution);
        // Every game of a claim or sweep isolates a polynomial of its openness line once.
        let memo = shared
            .get_or_insert_with(ROOTS, String::new(), RootMemo::default)
            .clone();
        let t =
            shared.get_or_insert_with(MODEL.info().name, self.twin.clone(), Thresholds::default);
        let q = |r: &Rational| Val::rational(r.clone());
        let mut threshold = |name: &'static str, why: &str| {
            t.get(p, name, &memo).map(Val::Num).ok_or_else(|| Error::NoOutput {
                path: path.into(),
                reason: format!("does not exist for this game: {why}"),
            })
        };
        let o = &s.base.outcome;
        let c = &s.chosen.outcome;
        Ok(match path {
            "regime" => Val::Label(s.base.regime.to_string()),
            "entered" => Val::Bool(s.base.entered),
            "e" => q(&o.e),
            "q_l" => q(&o.q_l),
            "q_f" => q(&o.q_f),
            "cs" => q(&o.cs),
            "pi_l" => q(&o.pi_l),
            "pi_f" => q(&o.pi_f),
            "pi_d0" => q(&s.pi_d0),
            "w" => q(&s.w),
            "omega_1" => threshold(
                "omega_1",
                "the monopoly effort deters F at no openness in (0, 1), or at all",
            )?,
            "omega_bar" => threshold(
                "omega_bar",
                "zero effort deters F at every openness, or at none",
            )?,
            "omega_bar_t" => threshold(
                "omega_bar_t",
                "with the trial, zero effort deters F at every openness, or at none",
            )?,
            "omega_v" => threshold(
                "omega_v",
                "the integration gain does not go from positive to negative exactly once",
            )?,
            "omega_w" => threshold("omega_w", "full openness does not beat blockade in welfare")?,
            "vi_regime" => Val::Label(s.integrated.regime.to_string()),
            "pi_v" => q(&s.integrated.outcome.pi_l),
            "delta_j" => q(&s.delta_j),
            "trial" => Val::Bool(s.trial),
            "trial_cs" => q(&c.cs),
            "trial_pi_l" => q(&c.pi_l),
            "trial_pi_f" => q(&c.pi_f),
            "trial_pi_d0" => q(&s.chosen_pi_d0),
            _ => Val::Bool(p.in_spec_domain()),
        })
    }

    fn ties(&self, _path: &str) -> Vec<Tie> {
        self.solution.ties.clone()
    }
}
