//! The one interface every model provides: its registry entry, the joint check of its parameters, and its games solved lazily and read by output name.
//!
//! A model is its folder plus one line in [`super::MODELS`]. Everything outside `src/models`
//! (claims, audits, sweeps, reports) reaches a model through this trait and its
//! [`ModelInfo`], never by its name.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;

use crate::error::{Error, Result};
use crate::exact::{Algebraic, Rational};
use crate::sweep::{Engine, Sweep};

use super::ModelInfo;
use super::arguments::Arguments;
use super::bargain;
use super::decisions::Decisions;
use super::param_box::{Finding, ParamBox};
use super::solve_report::SolveReport;
use super::tie::Tie;
use super::val::Val;

/// A model: what `gpai models` lists, and how a game of it is checked and solved.
pub trait Model: Sync + Send + 'static {
    /// The registry entry: parameters, outputs, commands, provenance.
    fn info(&self) -> &'static ModelInfo;

    /// An error unless `args` make a game of this model (the joint domain of its parameters,
    /// beyond each parameter's own domain, which [`Arguments`] checks).
    fn validate(&self, args: &Arguments) -> Result<()>;

    /// The game at `args`, solved as far as its outputs are read: a game whose bargaining
    /// analysis no output needs never runs it (and reports no tie from it).
    fn game(&self, args: &Arguments) -> Result<Box<dyn Game>>;

    /// The game at `args` solved for `gpai solve`, as a report in no format yet.
    fn solve(&self, args: &Arguments) -> Result<SolveReport> {
        let _ = args;
        Err(refused(self.info(), "solve"))
    }

    /// The evaluation of grid points against `base` for `gpai sweep` and `gpai frontier`
    /// (`axes` are the swept names); models without one refuse, naming the models with one.
    fn sweeper(&self, base: Arguments, axes: &[String], engine: Engine) -> Result<Box<dyn Sweep>> {
        let _ = (base, axes, engine);
        Err(refused(self.info(), "sweep"))
    }

    /// The quantities whose signs decide the regime, when the audit may decompose on them
    /// (`None`: audits sample and bisect, and say so).
    fn decisions(&self) -> Option<&'static Decisions> {
        None
    }

    /// Along the family of games `base` with `axis` moving over `family`, the exact point in
    /// `[a, b]` where `holds` changes, when the model can solve for it (`Ok(None)`: the caller
    /// keeps the bracket).
    fn exact_change(
        &self,
        base: &Arguments,
        axis: &str,
        family: (&Rational, &Rational),
        bracket: (&Rational, &Rational),
        holds: &dyn Fn(&Rational) -> Result<bool>,
    ) -> Result<Option<Algebraic>> {
        let _ = (base, axis, family, bracket, holds);
        Ok(None)
    }

    /// The named theorems this model can prove over a whole box of parameters.
    fn theorems(&self) -> &'static [&'static str] {
        &[]
    }

    /// `gpai bargain`: the bargaining analysis of the game `args`, under `options` (an option
    /// the model cannot honour is refused).
    fn bargain(&self, args: &Arguments, options: &bargain::Options) -> Result<bargain::Bargained> {
        let _ = (args, options);
        Err(refused(self.info(), "bargain"))
    }

    /// Tries the theorem `name` (one of [`Model::theorems`]) over `params`.
    fn prove(&self, name: &str, params: &ParamBox) -> Finding {
        let _ = (name, params);
        Finding::NotProved(format!("{} has no prover", self.info().name))
    }
}

/// The error for a command a model does not provide: the models that run it, or (for a model
/// listing it without providing it) that the registry and the model disagree.
fn refused(info: &ModelInfo, command: &str) -> Error {
    info.supports(command)
        .err()
        .unwrap_or_else(|| Error::Unsupported {
            model: info.name.into(),
            command: command.into(),
            others: "the registry lists it, but the model does not provide it".into(),
        })
}

/// One game of a model, solved lazily.
pub trait Game: Send {
    /// The output `path` (a full name from [`ModelInfo::output_names`], `_i` replaced by a
    /// domain index where the model has domains). What games at other parameter values share
    /// (the safety game's unregulated twin) is kept in `shared`.
    fn output(&mut self, path: &str, shared: &mut Shared) -> Result<Val>;

    /// The ties the solvers resolved in solving what the output `path` (already read) needs:
    /// for a model that solves its game as a whole, every tie of the game. Never what else of
    /// the game happens to have been solved before, so a read reports the same ties in any
    /// cache.
    fn ties(&self, path: &str) -> Vec<Tie>;
}

/// Work that games at different parameter values share, computed once: each entry belongs to
/// one model and is found by a key the model builds (usually the canonical text of the
/// parameters the shared work depends on).
#[derive(Default)]
pub struct Shared {
    entries: HashMap<(&'static str, String), Box<dyn Any + Send>>,
}

impl Shared {
    /// The entry of `model` under `key`, made by `make` the first time it is asked for.
    pub fn get_or_insert_with<T: Any + Send>(
        &mut self,
        model: &'static str,
        key: String,
        make: impl FnOnce() -> T,
    ) -> &mut T {
        self.entries
            .entry((model, key))
            .or_insert_with(|| Box::new(make()))
            .downcast_mut()
            .expect("one model stores one type under its keys")
    }
}

impl std::ops::Deref for dyn Model {
    type Target = ModelInfo;

    fn deref(&self) -> &ModelInfo {
        self.info()
    }
}

impl fmt::Debug for dyn Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Model({})", self.info().name)
    }
}
