//! The n-specialist game's labels: each domain's regime.

use std::fmt;

/// What a domain's specialist does in equilibrium.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// Participates and invests a positive increment.
    Contributor,
    /// Participates and uses G's model as it is.
    FreeRider,
    /// Stays out.
    Abstainer,
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Regime::Contributor => "contributor",
            Regime::FreeRider => "free_rider",
            Regime::Abstainer => "abstainer",
        })
    }
}

use crate::models::{ModelInfo, OutputSpec, ParamSpec, Provenance};

/// The registry entry `gpai models` prints.
pub const INFO: ModelInfo = ModelInfo {
    name: "fine_tuning_n",
    summary: "n specialists fine-tune G's base model (alpha0), each in its own domain with a fixed adoption cost, \
              a marginal cost at zero effort and a share delta_i to G; each contributes, free-rides or abstains",
    source: "this project's cost form extending Laufer, Kleinberg, Heidari, \"Fine-Tuning Games\" (WWW 2024, arXiv 2308.04399)",
    provenance: Provenance::ProjectFormulation,
    params: &[
        ParamSpec {
            name: "c0",
            domain: "a rational > 0",
            default: Some("1"),
            meaning: "G's cost c0*alpha0^2",
        },
        ParamSpec {
            name: "kappa0",
            domain: "a rational >= 0",
            default: Some("0"),
            meaning: "G's fixed cost",
        },
        ParamSpec {
            name: "r",
            domain: "rationals > 0, comma-separated, one per domain",
            default: Some("1"),
            meaning: "revenue per unit of performance in each domain",
        },
        ParamSpec {
            name: "c",
            domain: "rationals > 0, one per domain",
            default: Some("1"),
            meaning: "fine-tuning cost c_i*(alpha_i-alpha0)^2",
        },
        ParamSpec {
            name: "kappa",
            domain: "rationals >= 0, one per domain",
            default: Some("0"),
            meaning: "fixed adoption cost",
        },
        ParamSpec {
            name: "a",
            domain: "rationals >= 0, one per domain",
            default: Some("0"),
            meaning: "marginal cost at zero effort",
        },
        ParamSpec {
            name: "delta",
            domain: "shares in [0, 1], one per domain (one value: common)",
            default: Some("1/2"),
            meaning: "G's share of each domain's revenue",
        },
    ],
    per_domain: &["r", "c", "kappa", "a", "delta"],
    outputs: &[
        OutputSpec {
            name: "alpha0, u_g",
            meaning: "G's base model and utility (solve only; claims to come)",
        },
        OutputSpec {
            name: "regime_i, alpha_i, u_i",
            meaning: "each domain: contributor | free_rider | abstainer, final performance, utility",
        },
    ],
};
