//! The fine-tuning game's labels (each player's regime) and its registry entry.

use std::fmt;

use crate::models::domain::Domain;
use crate::models::{Label, ModelInfo, OutputSpec, ParamSpec, Provenance, label_names};

/// What the generalist does in equilibrium.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generalist {
    /// Participates and builds a base model of positive performance.
    Invests,
    /// Participates with `α0 = 0` (it earns nothing at the margin, e.g. `delta = 0`).
    ZeroEffort,
    /// Stays out: its best utility is negative; everyone gets 0.
    Abstains,
}

/// What the specialist does in equilibrium (the trichotomy of the n-specialist game).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Specialist {
    /// Participates and fine-tunes: `α1 > α0`.
    Contributor,
    /// Participates and uses the base model as it is: `α1 = α0`.
    FreeRider,
    /// Stays out: its best utility is negative.
    Abstainer,
}

impl fmt::Display for Generalist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Generalist::Invests => "invests",
            Generalist::ZeroEffort => "zero_effort",
            Generalist::Abstains => "abstains",
        })
    }
}

impl fmt::Display for Specialist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Specialist::Contributor => "contributor",
            Specialist::FreeRider => "free_rider",
            Specialist::Abstainer => "abstainer",
        })
    }
}

impl Label for Generalist {
    const ALL: &'static [Generalist] = &[
        Generalist::Invests,
        Generalist::ZeroEffort,
        Generalist::Abstains,
    ];
}

impl Label for Specialist {
    const ALL: &'static [Specialist] = &[
        Specialist::Contributor,
        Specialist::FreeRider,
        Specialist::Abstainer,
    ];
}

/// The registry entry `gpai models` prints.
pub const INFO: ModelInfo = ModelInfo {
    name: "fine_tuning",
    summary: "a generalist G builds a base model (alpha0), a specialist D fine-tunes it (alpha1 >= alpha0); \
              they split revenue r*alpha1 by a share delta (G gets delta)",
    source: "Laufer, Kleinberg, Heidari, \"Fine-Tuning Games: Bargaining and Adaptation for General-Purpose Models\" (WWW 2024, arXiv 2308.04399)",
    provenance: Provenance::Published,
    params: &[
        ParamSpec {
            name: "c0",
            domain: Domain::positive(),
            default: None,
            meaning: "G's cost coefficient: phi0 = c0*alpha0^k0",
        },
        ParamSpec {
            name: "c1",
            domain: Domain::positive(),
            default: None,
            meaning: "D's cost coefficient: phi1 = c1*(alpha1 - alpha0)^k1",
        },
        ParamSpec {
            name: "r",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "revenue per unit of final performance",
        },
        ParamSpec {
            name: "k0",
            domain: Domain::integers("2", "6"),
            default: Some("2"),
            meaning: "G's cost exponent (2: the paper's quadratic case)",
        },
        ParamSpec {
            name: "k1",
            domain: Domain::integers("2", "6"),
            default: Some("2"),
            meaning: "D's cost exponent",
        },
        ParamSpec {
            name: "delta",
            domain: Domain::unit(),
            default: None,
            meaning: "G's share of revenue (solve only: bargain chooses it)",
        },
    ],
    commands: &["solve", "bargain", "verify", "audit"],
    per_domain: &[],
    labels: &[],
    lists: &[],
    outputs: &[
        OutputSpec {
            name: "spe.alpha0, spe.alpha1",
            reads: None,
            meaning: "equilibrium performances at the given delta",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.u_g, spe.u_d",
            reads: None,
            meaning: "equilibrium utilities",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.generalist",
            reads: None,
            meaning: "invests | zero_effort | abstains",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.specialist",
            reads: None,
            meaning: "contributor | free_rider | abstainer",
            shown_by: "solve",
        },
        OutputSpec {
            name: "feasible.lo, feasible.hi, pareto.lo, pareto.hi",
            reads: None,
            meaning: "the ends of the feasible and Pareto-optimal intervals of shares",
            shown_by: "bargain",
        },
        OutputSpec {
            name: "nash, egalitarian, utilitarian, kalai_smorodinsky",
            reads: Some(&[
                "{nash,egalitarian,utilitarian,kalai_smorodinsky}.{delta,u_g,u_d,alpha0,alpha1,shortfall}",
            ]),
            meaning: "bargaining solutions: .delta .u_g .u_d .alpha0 .alpha1 .shortfall",
            shown_by: "bargain",
        },
        OutputSpec {
            name: "max_alpha1",
            reads: Some(&["max_alpha1.{delta,u_g,u_d,alpha0,alpha1,shortfall}"]),
            meaning: "the Pareto share maximizing final performance (ties: larger u_g + u_d); same fields",
            shown_by: "bargain",
        },
        OutputSpec {
            name: "g_ideal, d_ideal",
            reads: Some(&["{g_ideal,d_ideal}.{delta,u_g,u_d,alpha0,alpha1,shortfall}"]),
            meaning: "each player's favourite share; same fields",
            shown_by: "bargain",
        },
        OutputSpec {
            name: "vertical_monopoly",
            reads: Some(&["vertical_monopoly.{alpha0,alpha1,joint}"]),
            meaning: "one integrated firm: .alpha0 .alpha1 .joint (each bargain's shortfall is joint - u_g - u_d)",
            shown_by: "bargain",
        },
    ],
    flag_outputs: &[],
    label_outputs: &[
        ("spe.generalist", label_names::<Generalist>),
        ("spe.specialist", label_names::<Specialist>),
    ],
};
