//! The race game through the one model interface: revenues, the firm's decision and the value family at the named points, by output name.

use crate::error::{Error, Result};
use crate::models::ModelInfo;
use crate::models::arguments::Arguments;
use crate::models::model::{Game, Model, Shared};
use crate::models::param_box::{Finding, ParamBox};
use crate::models::solve_report::{SolveReport, read};
use crate::models::tie::Tie;
use crate::models::val::Val;

use super::Params;
use super::exact::{Best, Solution};
use super::form::Pt;
use super::prove::{Region, Theorem};

/// The model's registry line.
pub static MODEL: Race = Race;

/// The race game.
pub struct Race;

impl Model for Race {
    fn info(&self) -> &'static ModelInfo {
        &super::regimes::INFO
    }

    fn validate(&self, args: &Arguments) -> Result<()> {
        Params::from_arguments(args).map(|_| ())
    }

    fn solve(&self, args: &Arguments) -> Result<SolveReport> {
        let params = Params::from_arguments(args)?;
        let mut game = RaceGame(super::exact::solve(&params)?);
        let rows = read(&mut game, &mut Shared::default(), super::report::ROWS, str::to_string)?;
        Ok(super::report::report(&params, &game.0, &rows))
    }

    fn game(&self, args: &Arguments) -> Result<Box<dyn Game>> {
        let params = Params::from_arguments(args)?;
        Ok(Box::new(RaceGame(super::exact::solve(&params)?)))
    }

    fn theorems(&self) -> &'static [&'static str] {
        &["R1", "R2", "R3", "R4"]
    }

    fn prove(&self, name: &str, params: &ParamBox) -> Finding {
        prove_over(name, params).unwrap_or_else(Finding::NotProved)
    }
}

/// R1–R4 over the box, for one horizon `m`.
fn prove_over(name: &str, params: &ParamBox) -> std::result::Result<Finding, String> {
    let theorem = Theorem::parse(name).ok_or_else(|| format!("no theorem {name}"))?;
    let m = params.span("m")?;
    if m.lo != m.hi {
        return Err("the prover needs one horizon m (it ranges here)".into());
    }
    // The extension as the model reads it, at a game inside the box: only its kind shapes the
    // forms; the box supplies the values.
    let game = Params::from_arguments(&params.inside()?).map_err(|e| e.to_string())?;
    Ok(super::prove::prove(
        theorem,
        &Region {
            ext: game.ext().clone(),
            m: m.lo,
            k: params.span("k")?,
            q: params.span("q")?,
            s: params.span("s")?,
        },
    ))
}

struct RaceGame(Solution);

impl Game for RaceGame {
    /// `ystar` and `max_profit` exist only when the firm trains.
    fn output(&mut self, path: &str, _: &mut Shared) -> Result<Val> {
        let s = &self.0;
        let refused = |reason: String| Error::NoOutput {
            path: path.into(),
            reason,
        };
        let f = |p: Pt| {
            s.f.get(&p)
                .map(Val::from_value)
                .ok_or_else(|| refused("f_y2 exists only with ext=duopoly".into()))
        };
        Ok(match path {
            "revenue" => Val::from_value(&s.revenue),
            "revenue_z" => Val::from_value(&s.revenue_z),
            "gain" => Val::from_value(&s.gain),
            "profit" => Val::from_value(&s.profit),
            "f_x" => f(Pt::X)?,
            "f_xp" => f(Pt::Xp)?,
            "f_y" => f(Pt::Y)?,
            "f_z" => f(Pt::Z)?,
            "f_y2" => f(Pt::Y2)?,
            _ => match (&s.best, path) {
                (Best::Undecided { why }, _) => return Err(refused(format!("undecided: {why}"))),
                (best, "trains") => Val::Bool(matches!(best, Best::Trains { .. })),
                (Best::Trains { ystar, .. }, "ystar") => Val::Num(ystar.clone()),
                (Best::Trains { profit, .. }, _) => Val::from_value(profit),
                (Best::StaysOut { .. }, _) => {
                    return Err(refused(
                        "the firm stays out (no size is profitable): guard with `trains implies …`"
                            .into(),
                    ));
                }
            },
        })
    }

    fn ties(&self, _path: &str) -> Vec<Tie> {
        self.0.best.ties().to_vec()
    }
}
