//! Model outputs by name (`spe.alpha0`, `nash.delta`, `regime`, …): the list claims may read, and their values at a game.
//!
//! Each game is solved once per distinct set of parameters and kept in a [`Cache`], so a claim
//! reading ten outputs of one game, or `solve(...)` of the same modified game twice, solves it
//! once. Everything here reaches the models through [`Model`]; nothing names one.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::models::arguments::Arguments;
use crate::models::{Game, Model, ModelInfo, Shared, indexed};

use super::expr::{Expr, Kind, Located};
use super::val::Val;

/// The first parameter or output `expr` names for a domain the game `args` lacks (`spe.u_3`
/// or `r_3` in a game of two domains; `solve(r = 1).spe.u_2`, whose game has one), or the
/// first `solve(...)` of numbers that makes no game. Checked before evaluation: `or`, `and` and
/// `implies` may never read it, and a typo would pass unseen.
pub fn beyond_domains(args: &Arguments, expr: &Expr) -> Option<Located> {
    let model = args.model().info();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let beyond = |args: &Arguments, path: &str, offset: usize| {
        let n = args.domains();
        let index = match model.resolve(path) {
            Ok((_, index)) => index,
            Err(_) => canonical(model, path)
                .filter(|full| !model.output_names().contains(full))
                .and_then(|full| indexed(&full))
                .map(|(_, i)| i),
        }?;
        (index > n).then(|| Located {
            offset,
            message: format!("{path}: the game has {n} domain{}", plural(n)),
        })
    };
    let mut paths = Vec::new();
    expr.paths(&mut paths);
    let mut found = paths
        .into_iter()
        .find_map(|(path, offset)| beyond(args, &path, offset));
    expr.visit(&mut |e: &Expr| {
        let Kind::Solve(assignments, path) = &e.kind else {
            return;
        };
        if found.is_some() {
            return;
        }
        let mut solved = args.clone();
        for (name, at, value) in assignments {
            let Some(r) = value.constant() else {
                return;
            };
            match solved.with(name, r) {
                Ok(a) => solved = a,
                Err(err) => {
                    found = Some(Located {
                        offset: *at,
                        message: err.to_string(),
                    });
                    return;
                }
            }
        }
        found = beyond(&solved, path, e.offset).or_else(|| {
            validate(&solved).err().map(|err| Located {
                offset: e.offset,
                message: format!("solve(...) makes no game: {err}"),
            })
        });
    });
    found
}

/// Whether `path` is an output of `model`.
pub fn is_output(model: &ModelInfo, path: &str) -> bool {
    canonical(model, path).is_some()
}

/// The output's full name: `path` itself, or `spe.path` for the equilibrium's own outputs
/// (`solve(theta_d = 1/2).beta1` reads `spe.beta1`); `_i` names match a domain's index.
pub fn canonical(model: &ModelInfo, path: &str) -> Option<String> {
    let all = model.output_names();
    let per_domain = !model.per_domain.is_empty();
    // A per-domain output is read with its domain's index (`spe.u_2`); the generic `_i` name
    // is the declaration's, not an output (it read domain 0, which is G's or nobody's).
    let known = |candidate: &String| {
        (all.contains(candidate) && !(per_domain && candidate.ends_with("_i")))
            || (per_domain && indexed(candidate).is_some_and(|(generic, _)| all.contains(&generic)))
    };
    [path.to_string(), format!("spe.{path}")]
        .into_iter()
        .find(known)
}

/// The labels the output `path` can take, when its values are labels (`None` otherwise).
pub fn labels_of(model: &ModelInfo, path: &str) -> Option<Vec<String>> {
    let full = canonical(model, path)?;
    let generic = indexed(&full).map_or(full.clone(), |(g, _)| g);
    model
        .label_outputs
        .iter()
        .find(|(name, _)| *name == full || *name == generic)
        .map(|(_, labels)| labels())
}

/// Whether the output `path` is a truth value.
pub fn is_flag(model: &ModelInfo, path: &str) -> bool {
    canonical(model, path).is_some_and(|full| model.flag_outputs.contains(&full.as_str()))
}

/// Whether the arguments make a game of their model (the parameters' joint domain).
pub fn validate(args: &Arguments) -> Result<()> {
    args.model().validate(args)
}

/// The error for a name that is neither a parameter, a `let` name nor an output (listing
/// `params`), or, with no `params`, for a name read where only an output can stand (what a
/// `solve(...)` is read for).
pub fn unknown(model: &ModelInfo, path: &str, params: &[&str]) -> String {
    let outputs = model.output_names().join(", ");
    if params.is_empty() {
        return format!(
            "unknown output `{path}` of {}; the outputs are {outputs}",
            model.name
        );
    }
    format!(
        "unknown name `{path}`: not a parameter, `let` name or output of {}; the outputs are {outputs}; the parameters are {}",
        model.name,
        params.join(", ")
    )
}

/// Solved games by their parameters.
#[derive(Default)]
pub struct Cache {
    games: HashMap<String, Box<dyn Game>>,
    /// What games of one model at different parameter values share.
    shared: Shared,
    /// The ties the outputs read since [`Cache::take_ties`] last ran rest on.
    ties: Vec<String>,
}

impl Cache {
    /// The ties resolved in reaching the outputs read since the last call (each once): the
    /// tie rules a verdict there rests on. They depend on the outputs read alone, not on what
    /// else of their games was solved before, so a point's ties are the same in any cache.
    pub fn take_ties(&mut self) -> Vec<String> {
        std::mem::take(&mut self.ties)
    }

    /// The output `path` of the game `args` (whose model is `args.model()`).
    pub fn output(&mut self, args: &Arguments, path: &str) -> Result<Val> {
        let model: &dyn Model = args.model();
        let Some(full) = canonical(model, path) else {
            return Err(Error::NoOutput {
                path: path.into(),
                reason: unknown(model, path, &[]),
            });
        };
        let key = args.canonical();
        let game = match self.games.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(model.game(args)?),
        };
        let value = game.output(&full, &mut self.shared)?;
        for tie in game.ties(&full) {
            let text = format!("{tie} at {}", args.text());
            if !self.ties.contains(&text) {
                self.ties.push(text);
            }
        }
        // The labels claims are checked against at load are the labels the solvers produce.
        if let Val::Label(label) = &value {
            let declared = labels_of(model, path).unwrap_or_default();
            assert!(
                declared.contains(label),
                "{path} = {label:?} is not among its declared labels {declared:?}"
            );
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A point's ties are those of the outputs it reads, not of what an earlier point solved
    /// of the same game: so a point gives the same verdict in any thread's cache.
    #[test]
    fn the_ties_a_read_reports_are_those_its_output_rests_on() {
        let model = crate::models::find("fine_tuning").unwrap();
        let args =
            Arguments::parse(model, &["c0=1", "c1=2", "r=1", "delta=0"].map(String::from)).unwrap();
        let mut cache = Cache::default();
        cache.output(&args, "spe.u_g").unwrap();
        let ties = cache.take_ties();
        assert!(
            ties.iter().any(|t| t.contains("participates (utility 0)")),
            "{ties:?}"
        );
        cache.output(&args, "pareto.lo").unwrap();
        assert_eq!(cache.take_ties(), Vec::<String>::new());
        cache.output(&args, "spe.alpha1").unwrap();
        assert_eq!(cache.take_ties(), ties);

        // Equal costs: max_alpha1 rests on its tie rule, the other bargains on none.
        let args = Arguments::parse(model, &["c0=1", "c1=1"].map(String::from)).unwrap();
        cache.output(&args, "nash.delta").unwrap();
        assert_eq!(cache.take_ties(), Vec::<String>::new());
        cache.output(&args, "max_alpha1.u_g").unwrap();
        let ties = cache.take_ties();
        assert!(
            ties.len() == 1 && ties[0].starts_with("max_alpha1: delta = 1/2 over every other"),
            "{ties:?}"
        );
    }

    /// Every output name is read by its model's game: none falls through to another's value.
    #[test]
    fn every_output_name_is_distinct() {
        for model in crate::models::MODELS {
            let names = model.output_names();
            let mut sorted = names.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{}", model.name);
        }
    }
}
