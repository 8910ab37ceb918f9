//! Parameters of the n-specialist fine-tuning game (this project's cost form), validated once when built.

use crate::error::{Error, Result};
use crate::exact::Rational;

/// One domain's specialist: revenue `r·α`, cost `κ + a·(α − α0) + c·(α − α0)²`, share `δ` to G.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Domain {
    pub r: Rational,
    pub c: Rational,
    pub kappa: Rational,
    pub a: Rational,
    pub delta: Rational,
}

/// G's costs and the domains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    c0: Rational,
    kappa0: Rational,
    domains: Vec<Domain>,
}

fn domain(name: String, value: &Rational, domain: &str) -> Error {
    Error::Domain {
        name,
        value: value.to_string(),
        domain: domain.into(),
    }
}

impl Params {
    /// Checks `c0 > 0`, `κ0 ≥ 0`, at least one domain, and per domain `r, c > 0`, `κ, a ≥ 0`,
    /// `δ ∈ [0, 1]`.
    pub fn new(c0: Rational, kappa0: Rational, domains: Vec<Domain>) -> Result<Params> {
        if c0 <= 0 {
            return Err(domain("c0".into(), &c0, "a rational > 0"));
        }
        if kappa0 < 0 {
            return Err(domain("kappa0".into(), &kappa0, "a rational >= 0"));
        }
        if domains.is_empty() {
            return Err(Error::InvalidArgument {
                argument: "domains".into(),
                reason: "at least one specialist domain is needed".into(),
            });
        }
        for (k, d) in domains.iter().enumerate() {
            let i = k + 1;
            for (name, v) in [("r", &d.r), ("c", &d.c)] {
                if *v <= 0 {
                    return Err(domain(format!("{name}{i}"), v, "a rational > 0"));
                }
            }
            for (name, v) in [("kappa", &d.kappa), ("a", &d.a)] {
                if *v < 0 {
                    return Err(domain(format!("{name}{i}"), v, "a rational >= 0"));
                }
            }
            if d.delta < 0 || d.delta > 1 {
                return Err(domain(format!("delta{i}"), &d.delta, "a share in [0, 1]"));
            }
        }
        Ok(Params {
            c0,
            kappa0,
            domains,
        })
    }

    pub fn c0(&self) -> &Rational {
        &self.c0
    }

    pub fn kappa0(&self) -> &Rational {
        &self.kappa0
    }

    pub fn domains(&self) -> &[Domain] {
        &self.domains
    }

    /// The same game with one common share `δ` for every domain.
    pub fn with_common_delta(&self, delta: &Rational) -> Result<Params> {
        let domains = self
            .domains
            .iter()
            .map(|d| Domain {
                delta: delta.clone(),
                ..d.clone()
            })
            .collect();
        Params::new(self.c0.clone(), self.kappa0.clone(), domains)
    }
}

impl Params {
    /// Reads `name=value` strings: scalars `c0`, `kappa0`; per-domain lists `r`, `c`, `kappa`,
    /// `a`, `delta` (comma-separated; a single value applies to every domain). The number of
    /// domains is the longest list's length; every other list has that length or one value.
    pub fn from_strings(args: &[String]) -> Result<Params> {
        use crate::exact::parse_rational;
        let info = &super::regimes::INFO;
        let mut given: std::collections::BTreeMap<&'static str, Vec<Rational>> =
            std::collections::BTreeMap::new();
        for argument in args {
            let Some((name, value)) = argument.split_once('=') else {
                return Err(Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: "expected name=value, e.g. r=1,2".into(),
                });
            };
            let spec = info.require_param(name.trim())?;
            let values = value
                .split(',')
                .map(|v| parse_rational(v.trim()))
                .collect::<Result<Vec<_>>>()
                .map_err(|e| Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: format!("{e}; {} must be {}", spec.name, spec.domain),
                })?;
            if matches!(spec.name, "c0" | "kappa0") && values.len() != 1 {
                return Err(Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: format!("{} is one number, not a list", spec.name),
                });
            }
            if given.insert(spec.name, values).is_some() {
                return Err(Error::InvalidArgument {
                    argument: argument.clone(),
                    reason: format!("{name} is given twice"),
                });
            }
        }
        let value = |name: &str| -> Vec<Rational> {
            given.get(name).cloned().unwrap_or_else(|| {
                let default = info.param(name).and_then(|p| p.default).expect("a default");
                vec![parse_rational(default).expect("defaults are valid")]
            })
        };
        let lists = ["r", "c", "kappa", "a", "delta"].map(|n| (n, value(n)));
        let n = lists.iter().map(|(_, v)| v.len()).max().unwrap_or(1);
        for (name, v) in &lists {
            if v.len() != 1 && v.len() != n {
                return Err(Error::InvalidArgument {
                    argument: format!(
                        "{name}={}",
                        v.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                    reason: format!(
                        "{} values for {n} domains (give one per domain, or one for all)",
                        v.len()
                    ),
                });
            }
        }
        let at = |k: usize, v: &Vec<Rational>| {
            if v.len() == 1 {
                v[0].clone()
            } else {
                v[k].clone()
            }
        };
        let domains = (0..n)
            .map(|k| Domain {
                r: at(k, &lists[0].1),
                c: at(k, &lists[1].1),
                kappa: at(k, &lists[2].1),
                a: at(k, &lists[3].1),
                delta: at(k, &lists[4].1),
            })
            .collect();
        Params::new(value("c0")[0].clone(), value("kappa0")[0].clone(), domains)
    }
}
