//! Parameters of the n-specialist fine-tuning game (this project's cost form), validated once when built.

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::models::arguments::Arguments;

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

impl Params {
    /// Checks `c0 > 0`, `κ0 ≥ 0`, at least one domain, and per domain `r, c > 0`, `κ, a ≥ 0`,
    /// `δ ∈ [0, 1]`.
    pub fn new(c0: Rational, kappa0: Rational, domains: Vec<Domain>) -> Result<Params> {
        let info = &super::regimes::INFO;
        info.check("c0", &c0)?;
        info.check("kappa0", &kappa0)?;
        if domains.is_empty() {
            return Err(Error::InvalidArgument {
                argument: "domains".into(),
                reason: "at least one specialist domain is needed".into(),
            });
        }
        for (k, d) in domains.iter().enumerate() {
            let i = k + 1;
            for (name, v) in [
                ("r", &d.r),
                ("c", &d.c),
                ("kappa", &d.kappa),
                ("a", &d.a),
                ("delta", &d.delta),
            ] {
                info.check(&format!("{name}_{i}"), v)?;
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
    /// Reads the parameters from arguments: scalars `c0`, `kappa0`; per-domain `r`, `c`,
    /// `kappa`, `a`, `delta` (lists, one value for all, or `NAME_i` entries). The number of
    /// domains is the longest list's length or the largest index named.
    pub fn from_arguments(args: &Arguments) -> Result<Params> {
        let info = &super::regimes::INFO;
        let n = args.domains();
        let [r, c, kappa, a, delta] =
            ["r", "c", "kappa", "a", "delta"].map(|name| args.list(name, n));
        let (r, c, kappa, a, delta) = (r?, c?, kappa?, a?, delta?);
        let domains = (0..n)
            .map(|k| Domain {
                r: r[k].clone(),
                c: c[k].clone(),
                kappa: kappa[k].clone(),
                a: a[k].clone(),
                delta: delta[k].clone(),
            })
            .collect();
        let scalar = |name: &str| args.require(info.param(name).expect("a declared parameter"));
        Params::new(scalar("c0")?, scalar("kappa0")?, domains)
    }
}
