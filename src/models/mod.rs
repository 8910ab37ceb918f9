//! The models, each a folder of the same shape, and the registry that `gpai models` lists.
//!
//! Every model folder holds `params.rs` (the parameter type, validated once when built),
//! `exact.rs` (the exact equilibrium), `float.rs` (an independent `f64` solver for cross-checks
//! and speed baselines) and `regimes.rs` (its finite labels and the [`ModelInfo`] entry), plus
//! files for its own facets (the fine-tuning game's `bargain.rs`). ARCHITECTURE.md has the recipe.

pub mod arguments;
pub mod bargain;
pub mod boundary_request;
pub mod decisions;
pub mod domain;
pub mod model;
pub mod param_box;
pub mod search;
pub mod solve_report;
pub mod sweep_request;
pub mod tie;
pub mod val;

use crate::error::{Error, Result};
use crate::exact::Rational;

use domain::Domain;

pub use model::{Game, Model, Shared};

/// One parameter: its name as typed on the command line, its domain, its default.
#[derive(Debug)]
pub struct ParamSpec {
    pub name: &'static str,
    /// Checked for every value when it is built (see [`Domain`]); a default lies inside it.
    pub domain: Domain,
    pub default: Option<&'static str>,
    pub meaning: &'static str,
}

/// One named output of a model, or a group of them: what `gpai models` lists, and the names
/// claims, audits and sweeps read.
#[derive(Debug)]
pub struct OutputSpec {
    /// The group as `gpai models` lists it.
    pub name: &'static str,
    /// The full names a claim reads, when they are not `name`'s comma-separated items: braces
    /// list alternatives (`unregulated.{alpha0,beta0}`), `_i` ends a per-domain name.
    pub reads: Option<&'static [&'static str]>,
    pub meaning: &'static str,
    /// The command whose report shows it (`solve`, or `bargain` for bargaining outputs); every
    /// output can also be read by claims and audits.
    pub shown_by: &'static str,
}

/// A finite label type (a regime, a strategy): every value in order; its names are its `Display`.
pub trait Label: Copy + std::fmt::Display + 'static {
    const ALL: &'static [Self];
}

/// The names of every value of a label type.
pub fn label_names<L: Label>() -> Vec<String> {
    L::ALL.iter().map(ToString::to_string).collect()
}

/// The labels an output can take, for the outputs whose values are labels.
pub type LabelOutput = (&'static str, fn() -> Vec<String>);

/// Where a model comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// The published paper's own model.
    Published,
    /// This project's formulation after a source whose equations are not available.
    ProjectFormulation,
}

/// A model's entry in the registry.
#[derive(Debug)]
pub struct ModelInfo {
    pub name: &'static str,
    pub summary: &'static str,
    pub source: &'static str,
    pub provenance: Provenance,
    pub params: &'static [ParamSpec],
    /// The commands that run this model (`solve`, `bargain`, `sweep`, `boundary`, `frontier`,
    /// `verify`, `audit`); any other refuses it.
    pub commands: &'static [&'static str],
    /// The parameters given per domain: a comma-separated list (`r=1,2`), one value for every
    /// domain (`r=1`), or one domain's entry (`r_2=3`).
    pub per_domain: &'static [&'static str],
    /// The parameters whose value is one word from a fixed list (`f=power`): name and choices.
    /// The first choice is the default.
    pub labels: &'static [(&'static str, &'static [&'static str])],
    /// The parameters given as a comma-separated list of any length (`coef=0,2,-1/10`).
    pub lists: &'static [&'static str],
    pub outputs: &'static [OutputSpec],
    /// The outputs whose values are labels (`regime`, `spe.regime_i`), with the labels each can
    /// take: a claim comparing one with a label it cannot take is refused at load.
    pub label_outputs: &'static [LabelOutput],
    /// The outputs whose values are truth values (`backfire`, `trains`).
    pub flag_outputs: &'static [&'static str],
}

impl OutputSpec {
    /// The full names this group's outputs are read by, in order.
    pub fn paths(&self) -> Vec<String> {
        match self.reads {
            None => self.name.split(", ").map(str::to_string).collect(),
            Some(patterns) => patterns.iter().flat_map(|p| expand(p)).collect(),
        }
    }
}

/// `a.{x,y}` as `a.x`, `a.y`: every brace group's alternatives, the first group outermost.
fn expand(pattern: &str) -> Vec<String> {
    let Some((head, rest)) = pattern.split_once('{') else {
        return vec![pattern.to_string()];
    };
    let (alternatives, tail) = rest
        .split_once('}')
        .expect("a declared pattern closes its brace");
    let tails = expand(tail);
    alternatives
        .split(',')
        .flat_map(|a| tails.iter().map(move |t| format!("{head}{a}{t}")))
        .collect()
}

impl ModelInfo {
    /// Every output name a claim may read, in listing order (`_i` names one per domain).
    pub fn output_names(&self) -> Vec<String> {
        self.outputs.iter().flat_map(OutputSpec::paths).collect()
    }

    /// An error unless `command` runs this model, listing the models that it does run.
    pub fn supports(&self, command: &str) -> Result<()> {
        if self.commands.contains(&command) {
            return Ok(());
        }
        let others: Vec<&str> = MODELS
            .iter()
            .filter(|m| m.commands.contains(&command))
            .map(|m| m.name)
            .collect();
        Err(Error::Unsupported {
            model: self.name.into(),
            command: command.into(),
            others: format!(
                "{} {}",
                others.join(", "),
                if others.len() == 1 {
                    "has it"
                } else {
                    "have it"
                }
            ),
        })
    }

    /// The parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.name == name)
    }

    /// The parameter called `name`, or an error listing the model's parameters.
    pub fn require_param(&self, name: &str) -> Result<&'static ParamSpec> {
        self.param(name).ok_or_else(|| self.unknown(name))
    }

    /// Whether `name` is given per domain (a list).
    pub fn is_per_domain(&self, name: &str) -> bool {
        self.per_domain.contains(&name)
    }

    /// The choices of a label parameter (`None` for a number).
    pub fn choices(&self, name: &str) -> Option<&'static [&'static str]> {
        self.labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| *c)
    }

    /// Whether `name` takes a list of any length.
    pub fn is_list(&self, name: &str) -> bool {
        self.lists.contains(&name)
    }

    /// Whether `name`'s value is kept as text (a label or a free list), not one number.
    pub fn is_text(&self, name: &str) -> bool {
        self.choices(name).is_some() || self.is_list(name)
    }

    /// Resolves a parameter name as typed: a declared parameter, or `NAME_i` (domain `i ≥ 1`)
    /// of a per-domain parameter.
    pub fn resolve(&self, name: &str) -> Result<(&'static ParamSpec, Option<usize>)> {
        if let Some(spec) = self.param(name) {
            return Ok((spec, None));
        }
        if let Some((base, index)) = name.rsplit_once('_')
            && self.is_per_domain(base)
            && !index.is_empty()
            && index.bytes().all(|b| b.is_ascii_digit())
            && !index.starts_with('0')
        {
            // Checked before any list of that many domains is built.
            let limit = crate::limits::Limit::Domains;
            let i = index.parse::<usize>().ok().filter(|i| *i <= limit.value());
            let Some(i) = i else {
                return Err(limit.exceeded(&crate::error::shorten(index), name));
            };
            return Ok((
                self.param(base).expect("per-domain names are declared"),
                Some(i),
            ));
        }
        Err(self.unknown(name))
    }

    /// The domain as `gpai models` prints it (per-domain parameters say how lists are given).
    pub fn domain_text(&self, spec: &ParamSpec) -> String {
        if self.is_per_domain(spec.name) {
            format!(
                "{}, one per domain: {name}=1,2 or {name}_2=2",
                spec.domain,
                name = spec.name
            )
        } else {
            spec.domain.to_string()
        }
    }

    /// An error unless `value` lies in the domain of the parameter typed as `name` (`delta`, or
    /// `delta_2` for one domain's entry); the one check every command's values pass.
    pub fn check(&self, name: &str, value: &Rational) -> Result<()> {
        let (spec, _) = self.resolve(name)?;
        spec.domain.check(name, value)
    }

    /// Whether setting `a` and setting `b` would set some value twice: the same parameter, and
    /// the same domain's entry or one of them the whole per-domain list (`r` and `r_2` overlap,
    /// `r_1` and `r_2` do not).
    pub fn overlaps(&self, a: &str, b: &str) -> bool {
        match (self.resolve(a), self.resolve(b)) {
            (Ok((sa, ia)), Ok((sb, ib))) => {
                sa.name == sb.name && (ia.is_none() || ib.is_none() || ia == ib)
            }
            _ => a == b,
        }
    }

    /// Whether `name` resolves to a parameter (see [`ModelInfo::resolve`]).
    pub fn is_param(&self, name: &str) -> bool {
        self.resolve(name).is_ok()
    }

    /// The error for a label asked of a parameter that is not one.
    pub(crate) fn unknown_label(&self, name: &str) -> Error {
        let labels: Vec<&str> = self.labels.iter().map(|(n, _)| *n).collect();
        Error::UnknownParameter {
            model: self.name.into(),
            name: name.into(),
            known: labels.join(", "),
        }
    }

    fn unknown(&self, name: &str) -> Error {
        let known: Vec<String> = self
            .params
            .iter()
            .map(|p| {
                if self.is_per_domain(p.name) {
                    format!("{0} (or {0}_1, {0}_2, …)", p.name)
                } else {
                    p.name.to_string()
                }
            })
            .collect();
        Error::UnknownParameter {
            model: self.name.into(),
            name: name.into(),
            known: known.join(", "),
        }
    }
}

/// Declares each model's folder as a module and lists its `model::MODEL` in [`MODELS`], in
/// the order given.
macro_rules! registry {
    ($($model:ident),* $(,)?) => {
        $(pub mod $model;)*

        /// Every model, in the order `gpai models` lists them.
        pub static MODELS: &[&dyn Model] = &[$(&$model::model::MODEL),*];
    };
}

// The registry: adding a model is its folder and one line here.
registry! {
    fine_tuning,
    fine_tuning_n,
    safety_regulation,
    openness,
    race,
    competition,
}

/// The model called `name`.
pub fn find(name: &str) -> Result<&'static dyn Model> {
    MODELS
        .iter()
        .copied()
        .find(|m| m.name == name)
        .ok_or_else(|| Error::UnknownModel {
            name: name.to_string(),
            known: MODELS.iter().map(|m| m.name).collect::<Vec<_>>().join(", "),
        })
}

/// `path` with a trailing domain index replaced by `_i` (`spe.u_2` → `spe.u_i`), and the index.
pub fn indexed(path: &str) -> Option<(String, usize)> {
    let (base, index) = path.rsplit_once('_')?;
    let i: usize = index.parse().ok().filter(|i| *i >= 1)?;
    (!index.starts_with('0')).then(|| (format!("{base}_i"), i))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A default is a value the parameter may take: the declaration checks itself.
    #[test]
    fn every_default_lies_in_its_domain() {
        for model in MODELS {
            for p in model.params {
                let Some(text) = p.default else { continue };
                if model.is_text(p.name) {
                    continue;
                }
                let value = crate::exact::parse_rational(text).expect("a number");
                assert!(
                    p.domain.contains(&value),
                    "{}.{} = {text} is outside {}",
                    model.name,
                    p.name,
                    p.domain
                );
            }
        }
    }

    #[test]
    fn the_cost_exponents_domain_is_the_solvers_limit() {
        let k0 = fine_tuning::regimes::INFO.param("k0").unwrap();
        let limit = Rational::from(fine_tuning::params::MAX_EXPONENT);
        assert!(k0.domain.contains(&limit));
        assert!(!k0.domain.contains(&(limit + Rational::from(1))));
    }
}
