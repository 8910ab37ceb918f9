//! `name=value` arguments: split, checked against a model's parameters, parsed as exact numbers.
//!
//! A per-domain parameter (see [`ModelInfo::per_domain`]) takes a comma-separated list, one
//! value for every domain, or one domain's entry by index (`kappa_2=1`); an entry overrides the
//! list. Every other parameter is one rational.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::exact::{Rational, parse_rational};

use super::{Model, ModelInfo, ParamSpec};

/// Parameter values as given, by name (`delta` or `delta_2`), each exact with its original text.
#[derive(Debug, Clone)]
pub struct Arguments {
    model: &'static dyn Model,
    values: BTreeMap<String, (Vec<Rational>, String)>,
}

/// Every value of `name` (one number, or one per domain) checked against its declared domain.
fn check_values(model: &ModelInfo, name: &str, values: &[Rational]) -> Result<()> {
    if model.is_list(name) {
        return Ok(());
    }
    match values {
        [one] => model_check(model, name, one),
        many => many
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| model_check(model, &format!("{name}_{}", i + 1), v)),
    }
}

fn model_check(model: &ModelInfo, name: &str, value: &Rational) -> Result<()> {
    let (spec, _) = model.resolve(name)?;
    spec.domain.check(name, value)
}

impl Arguments {
    /// Parses `name=value` strings for `model`: unknown names, repeats, malformed numbers and
    /// lists for one-number parameters are errors.
    pub fn parse(model: &'static dyn Model, args: &[String]) -> Result<Arguments> {
        let mut values = BTreeMap::new();
        for argument in args {
            let Some((name, value)) = argument.split_once('=') else {
                return Err(Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: "expected name=value, e.g. c0=1/2".into(),
                });
            };
            let name = name.trim();
            let (spec, index) = model.resolve(name)?;
            if let Some(choices) = model.choices(spec.name) {
                let word = value.trim();
                let Some(i) = choices.iter().position(|c| *c == word) else {
                    return Err(Error::InvalidArgument {
                        argument: argument.clone(),
                        reason: format!("{name} must be one of {}", choices.join(", ")),
                    });
                };
                let entry = (vec![Rational::from(i as u64)], word.to_string());
                if values.insert(name.to_string(), entry).is_some() {
                    return Err(Error::InvalidArgument {
                        argument: argument.clone(),
                        reason: format!("{name} is given twice"),
                    });
                }
                continue;
            }
            let list = index.is_none() && (model.is_per_domain(spec.name) || model.is_list(name));
            let parts: Vec<&str> = value.split(',').collect();
            if model.is_per_domain(spec.name) {
                crate::limits::Limit::Domains.check(parts.len(), &format!("the list {name}"))?;
            }
            if parts.len() > 1 && !list {
                return Err(Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: format!("{name} is one number, not a list"),
                });
            }
            let numbers = parts
                .iter()
                .map(|v| parse_rational(v))
                .collect::<Result<Vec<_>>>()
                .map_err(|e| Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: format!("{e}; {name} must be {}", spec.domain),
                })?;
            check_values(model, name, &numbers)?;
            if values
                .insert(name.to_string(), (numbers, value.trim().to_string()))
                .is_some()
            {
                return Err(Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: format!("{name} is given twice"),
                });
            }
        }
        Ok(Arguments { model, values })
    }

    /// The value of `name`, if given as one number.
    pub fn get(&self, name: &str) -> Option<&Rational> {
        match self.values.get(name) {
            Some((v, _)) if v.len() == 1 => v.first(),
            _ => None,
        }
    }

    /// The chosen word of a label parameter (`f=power`), or its default (the first choice).
    pub fn label(&self, name: &str) -> Result<&'static str> {
        let choices = self
            .model
            .choices(name)
            .ok_or_else(|| self.model.unknown_label(name))?;
        Ok(match self.values.get(name) {
            Some((_, text)) => choices
                .iter()
                .find(|c| **c == text)
                .expect("labels are checked when parsed"),
            None => choices[0],
        })
    }

    /// A free list's numbers (`coef=0,2,-1/10`), if given.
    pub fn numbers(&self, name: &str) -> Option<&[Rational]> {
        self.values.get(name).map(|(v, _)| v.as_slice())
    }

    /// The value of `name`, or its default, or a missing-parameter error naming the domain.
    pub fn require(&self, spec: &ParamSpec) -> Result<Rational> {
        if let Some(v) = self.get(spec.name) {
            return Ok(v.clone());
        }
        if let Some((_, text)) = self.values.get(spec.name) {
            return Err(Error::InvalidArgument {
                argument: format!("{}={text}", spec.name),
                reason: format!(
                    "{0} is a list here; name one domain's entry, e.g. {0}_1",
                    spec.name
                ),
            });
        }
        self.default(spec)
    }

    fn default(&self, spec: &ParamSpec) -> Result<Rational> {
        match spec.default {
            Some(text) => Ok(parse_rational(text).expect("defaults are valid numbers")),
            None => Err(Error::MissingParameter {
                model: self.model.name.into(),
                name: spec.name.into(),
                domain: self.model.domain_text(spec),
            }),
        }
    }

    /// The value of a parameter as typed: `c0`, `delta` (when one value) or `delta_2`.
    pub fn value(&self, name: &str) -> Result<Rational> {
        match self.model.resolve(name)? {
            (spec, None) => self.require(spec),
            (spec, Some(i)) => {
                let n = self.domains();
                if i > n {
                    return Err(Error::NoOutput {
                        path: name.into(),
                        reason: format!("the game has {n} domain{}", if n == 1 { "" } else { "s" }),
                    });
                }
                Ok(self.list(spec.name, n)?[i - 1].clone())
            }
        }
    }

    /// The number of domains: the longest list's length or the largest index named, at least 1.
    pub fn domains(&self) -> usize {
        self.values
            .iter()
            .filter(|(name, _)| !self.model.is_text(name))
            .map(|(name, (v, _))| match self.model.resolve(name) {
                Ok((_, Some(i))) => i,
                _ => v.len(),
            })
            .max()
            .unwrap_or(1)
            .max(1)
    }

    /// A per-domain parameter's values for `n` domains: the list (of length `n`, or one value
    /// for all), the default, then each domain's own entry.
    pub fn list(&self, name: &str, n: usize) -> Result<Vec<Rational>> {
        let spec = self.model.require_param(name)?;
        let mut out = match self.values.get(name) {
            Some((v, _)) if v.len() == 1 => vec![v[0].clone(); n],
            Some((v, _)) if v.len() == n => v.clone(),
            Some((v, text)) => {
                return Err(Error::InvalidArgument {
                    argument: format!("{name}={text}"),
                    reason: format!(
                        "{} values for {n} domains (give one per domain, or one for all)",
                        v.len()
                    ),
                });
            }
            None => vec![self.default(spec)?; n],
        };
        for (i, slot) in out.iter_mut().enumerate() {
            if let Some((v, _)) = self.values.get(&format!("{name}_{}", i + 1)) {
                *slot = v[0].clone();
            }
        }
        Ok(out)
    }

    /// The same arguments with `name` set to `value` (a sweep's grid point). Setting a
    /// per-domain parameter by its plain name sets it for every domain.
    pub fn with(&self, name: &str, value: Rational) -> Result<Arguments> {
        let (spec, index) = self.model.resolve(name)?;
        let mut values = self.values.clone();
        if index.is_none() && self.model.is_per_domain(spec.name) {
            let prefix = format!("{}_", spec.name);
            values.retain(|k, _| {
                !(k.starts_with(&prefix) && self.model.resolve(k).is_ok_and(|(_, i)| i.is_some()))
            });
        }
        model_check(self.model, name, &value)?;
        let text = value.to_string();
        values.insert(name.to_string(), (vec![value], text));
        Ok(Arguments {
            model: self.model,
            values,
        })
    }

    /// An error when a parameter another input sets (`how`: a sweep's `--grid` axis, a
    /// boundary's `--along` line) is also given here, which that input would silently override
    /// — for per-domain parameters, the whole list or that domain's entry.
    pub fn refuse_also_set(&self, name: &str, how: &str) -> Result<()> {
        let (spec, index) = self.model.resolve(name)?;
        // `r=1,2` and the axis `r_3`: the list says how many domains there are.
        if let (Some(i), Some((list, text))) = (index, self.values.get(spec.name))
            && list.len() > 1
            && i > list.len()
        {
            return Err(Error::InvalidArgument {
                argument: format!("{}={text}", spec.name),
                reason: format!(
                    "{name} names domain {i}, but this list gives {} domains",
                    list.len()
                ),
            });
        }
        match self
            .values
            .keys()
            .find(|key| self.model.overlaps(key, name))
        {
            None => Ok(()),
            Some(key) => Err(Error::InvalidArgument {
                argument: format!("{key}={}", self.values[key].1),
                reason: format!("{name} is given twice: as a fixed parameter and as {how}"),
            }),
        }
    }

    /// An error unless the grid axes `names` are parameters set nowhere else: not among these
    /// arguments, and no two overlapping (a per-domain list and one of its entries).
    pub fn refuse_grid_axes(&self, names: &[String]) -> Result<()> {
        for (k, name) in names.iter().enumerate() {
            self.refuse_also_set(name, "a --grid axis")?;
            if let Some(other) = names[..k].iter().find(|o| self.model.overlaps(o, name)) {
                return Err(Error::InvalidArgument {
                    argument: format!("--grid {name}=…"),
                    reason: format!("{name} is given twice: it overlaps the axis {other}"),
                });
            }
        }
        Ok(())
    }

    /// The same arguments with every `(name, value)` of a grid point set, in order.
    pub fn with_point(&self, point: &[(String, Rational)]) -> Result<Arguments> {
        let mut args = self.clone();
        for (name, value) in point {
            args = args.with(name, value.clone())?;
        }
        Ok(args)
    }

    /// The model these arguments are for.
    pub fn model(&self) -> &'static dyn Model {
        self.model
    }

    /// The given values as `name=value` pairs in name order (exact text), e.g. a cache key.
    pub fn canonical(&self) -> String {
        self.values
            .iter()
            .map(|(name, (v, _))| {
                let list: Vec<String> = v.iter().map(ToString::to_string).collect();
                format!("{name}={}", list.join(","))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The given values as typed, `name=value` in name order (labels as their words).
    pub fn text(&self) -> String {
        self.values
            .iter()
            .map(|(name, (_, text))| format!("{name}={text}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// An error unless `name` is absent (for parameters another command chooses).
    pub fn forbid(&self, name: &str, why: &str) -> Result<()> {
        let prefix = format!("{name}_");
        for (key, (_, text)) in &self.values {
            let indexed = key.starts_with(&prefix)
                && self
                    .model
                    .resolve(key)
                    .is_ok_and(|(s, i)| s.name == name && i.is_some());
            if key == name || indexed {
                return Err(Error::InvalidArgument {
                    argument: format!("{key}={text}"),
                    reason: why.into(),
                });
            }
        }
        Ok(())
    }

    /// An error unless no parameter was given at all (for a command that draws every value).
    pub fn forbid_all(&self, why: &str) -> Result<()> {
        match self.values.iter().next() {
            Some((key, (_, text))) => Err(Error::InvalidArgument {
                argument: format!("{key}={text}"),
                reason: why.into(),
            }),
            None => Ok(()),
        }
    }
}
