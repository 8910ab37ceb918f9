//! `name=value` arguments: split, checked against a model's parameters, parsed as exact numbers.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::exact::{Rational, parse_rational};

use super::{ModelInfo, ParamSpec};

/// Parameter values as given, by name, each an exact rational with its original text.
#[derive(Debug, Clone)]
pub struct Arguments {
    model: &'static ModelInfo,
    values: BTreeMap<&'static str, (Rational, String)>,
}

impl Arguments {
    /// Parses `name=value` strings for `model`: unknown names, repeats and malformed numbers are errors.
    pub fn parse(model: &'static ModelInfo, args: &[String]) -> Result<Arguments> {
        let mut values = BTreeMap::new();
        for argument in args {
            let Some((name, value)) = argument.split_once('=') else {
                return Err(Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: "expected name=value, e.g. c0=1/2".into(),
                });
            };
            let name = name.trim();
            let spec = model.require_param(name)?;
            let number = parse_rational(value).map_err(|e| Error::InvalidArgument {
                argument: argument.clone(),
                reason: format!("{e}; {name} must be {}", spec.domain),
            })?;
            if values
                .insert(spec.name, (number, value.trim().to_string()))
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

    /// The value of `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Rational> {
        self.values.get(name).map(|(v, _)| v)
    }

    /// The value of `name`, or its default, or a missing-parameter error naming the domain.
    pub fn require(&self, spec: &ParamSpec) -> Result<Rational> {
        if let Some(v) = self.get(spec.name) {
            return Ok(v.clone());
        }
        match spec.default {
            Some(text) => Ok(parse_rational(text).expect("defaults are valid numbers")),
            None => Err(Error::MissingParameter {
                model: self.model.name.into(),
                name: spec.name.into(),
                domain: spec.domain.into(),
            }),
        }
    }

    /// The same arguments with `name` set to `value` (a sweep's grid point).
    pub fn with(&self, name: &str, value: Rational) -> Result<Arguments> {
        let spec = self.model.require_param(name)?;
        let mut values = self.values.clone();
        let text = value.to_string();
        values.insert(spec.name, (value, text));
        Ok(Arguments {
            model: self.model,
            values,
        })
    }

    /// The model these arguments are for.
    pub fn model(&self) -> &'static ModelInfo {
        self.model
    }

    /// The given values as `name=value` pairs in name order (exact text), e.g. a cache key.
    pub fn canonical(&self) -> String {
        self.values
            .iter()
            .map(|(name, (value, _))| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// An error unless `name` is absent (for parameters another command chooses).
    pub fn forbid(&self, name: &str, why: &str) -> Result<()> {
        match self.values.get(name) {
            None => Ok(()),
            Some((_, text)) => Err(Error::InvalidArgument {
                argument: format!("{name}={text}"),
                reason: why.into(),
            }),
        }
    }
}
