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

use crate::models::domain::Domain;
use crate::models::{Label, ModelInfo, OutputSpec, ParamSpec, Provenance, label_names};

impl Label for Regime {
    const ALL: &'static [Regime] = &[Regime::Contributor, Regime::FreeRider, Regime::Abstainer];
}

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
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "G's cost c0*alpha0^2",
        },
        ParamSpec {
            name: "kappa0",
            domain: Domain::non_negative(),
            default: Some("0"),
            meaning: "G's fixed cost",
        },
        ParamSpec {
            name: "r",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "revenue per unit of performance in each domain",
        },
        ParamSpec {
            name: "c",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "fine-tuning cost c_i*(alpha_i-alpha0)^2",
        },
        ParamSpec {
            name: "kappa",
            domain: Domain::non_negative(),
            default: Some("0"),
            meaning: "fixed adoption cost",
        },
        ParamSpec {
            name: "a",
            domain: Domain::non_negative(),
            default: Some("0"),
            meaning: "marginal cost at zero effort",
        },
        ParamSpec {
            name: "delta",
            domain: Domain::unit(),
            default: Some("1/2"),
            meaning: "G's share of each domain's revenue",
        },
    ],
    commands: &["solve", "bargain", "sweep", "frontier", "verify", "audit"],
    per_domain: &["r", "c", "kappa", "a", "delta"],
    labels: &[],
    lists: &[],
    outputs: &[
        OutputSpec {
            name: "spe.alpha0, spe.u_g, spe.g_participates",
            reads: None,
            meaning: "G's base model, utility, and whether G invests",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.regime_i, spe.alpha_i, spe.u_i",
            reads: None,
            meaning: "domain i: contributor | free_rider | abstainer, final performance, utility",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.margin_i, spe.value_i, spe.threshold_i",
            reads: None,
            meaning: "domain i: m_i = (1-delta_i) r_i - a_i, its best utility from participating at alpha0, its threshold tau_i",
            shown_by: "solve",
        },
        OutputSpec {
            name: "pareto.components, pareto.lo_i, pareto.hi_i",
            reads: None,
            meaning: "Pareto set over one common share: its number of components and component i's ends (exact or enclosed)",
            shown_by: "bargain",
        },
        OutputSpec {
            name: "nash | egalitarian | utilitarian | kalai_smorodinsky .delta, .u_g, .u_i",
            reads: Some(&["{nash,egalitarian,utilitarian,kalai_smorodinsky}.{delta,u_g,u_i}"]),
            meaning: "bargaining solutions over a common share, n+1 players",
            shown_by: "bargain",
        },
    ],
    flag_outputs: &["spe.g_participates"],
    label_outputs: &[("spe.regime_i", label_names::<Regime>)],
};
