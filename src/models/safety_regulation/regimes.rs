//! The safety-regulation game's labels (strategies, regimes against the unregulated game) and its registry entry.

use std::fmt;

use crate::models::domain::Domain;
use crate::models::{Label, ModelInfo, OutputSpec, ParamSpec, Provenance, label_names};

/// Which constraints bind in a player's equilibrium choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// No floor binds.
    Unconstrained,
    /// Performance at its floor (G: `α0 = 0`; D: `α1 = α0`).
    AlphaFloor,
    /// Safety at its floor (G: `β0 = θ_G`; D: `β1 = max(β0, θ_D)`).
    SafetyFloor,
    /// Both floors bind.
    BothFloors,
    /// G's choice keeps D exactly indifferent to participating (`U_D = 0`).
    ParticipationBoundary,
    /// Stays out; everyone gets 0.
    Abstain,
}

impl Strategy {
    /// The label for which floors bind.
    pub fn from_floors(alpha: bool, safety: bool) -> Strategy {
        match (alpha, safety) {
            (false, false) => Strategy::Unconstrained,
            (true, false) => Strategy::AlphaFloor,
            (false, true) => Strategy::SafetyFloor,
            (true, true) => Strategy::BothFloors,
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Strategy::Unconstrained => "unconstrained",
            Strategy::AlphaFloor => "alpha_floor",
            Strategy::SafetyFloor => "safety_floor",
            Strategy::BothFloors => "both_floors",
            Strategy::ParticipationBoundary => "participation_boundary",
            Strategy::Abstain => "abstain",
        })
    }
}

/// The regulated game against the unregulated one (same costs, revenue and share).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// Someone abstains under regulation (never counted as backfiring).
    MarketExit,
    /// Both participate and the final safety β1 is strictly below the unregulated one.
    Backfire,
    /// Both utilities strictly above their unregulated values (and no backfire).
    Mutualism,
    /// None of the above.
    Neutral,
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Regime::MarketExit => "market_exit",
            Regime::Backfire => "backfire",
            Regime::Mutualism => "mutualism",
            Regime::Neutral => "neutral",
        })
    }
}

const COST: Domain = Domain::positive();
const CROSS: Domain = Domain::rational().when("> -sqrt(aa*bb) of the same matrix");

impl Label for Strategy {
    const ALL: &'static [Strategy] = &[
        Strategy::Unconstrained,
        Strategy::AlphaFloor,
        Strategy::SafetyFloor,
        Strategy::BothFloors,
        Strategy::ParticipationBoundary,
        Strategy::Abstain,
    ];
}

impl Label for Regime {
    const ALL: &'static [Regime] = &[
        Regime::MarketExit,
        Regime::Backfire,
        Regime::Mutualism,
        Regime::Neutral,
    ];
}

/// The registry entry `gpai models` prints.
pub const INFO: ModelInfo = ModelInfo {
    name: "safety_regulation",
    summary: "G builds a base model with performance and safety (alpha0, beta0), D fine-tunes it to (alpha1, beta1); \
              a regulator sets safety floors theta_g (on G) and theta_d (on D)",
    source: "Laufer, Kleinberg, Heidari, \"The Backfiring Effect of Weak AI Safety Regulation\" (arXiv 2503.20848)",
    provenance: Provenance::Published,
    params: &[
        ParamSpec {
            name: "c0_aa",
            domain: COST,
            default: Some("1"),
            meaning: "G's cost matrix C0, performance term",
        },
        ParamSpec {
            name: "c0_ab",
            domain: CROSS,
            default: Some("0"),
            meaning: "C0 cross term",
        },
        ParamSpec {
            name: "c0_bb",
            domain: COST,
            default: Some("1"),
            meaning: "C0 safety term",
        },
        ParamSpec {
            name: "c1_aa",
            domain: COST,
            default: Some("1"),
            meaning: "D's cost matrix C1, performance term",
        },
        ParamSpec {
            name: "c1_ab",
            domain: CROSS,
            default: Some("0"),
            meaning: "C1 cross term",
        },
        ParamSpec {
            name: "c1_bb",
            domain: COST,
            default: Some("1"),
            meaning: "C1 safety term",
        },
        ParamSpec {
            name: "r_a",
            domain: Domain::non_negative().when("r_a, r_b not both 0"),
            default: Some("1"),
            meaning: "revenue per unit of performance",
        },
        ParamSpec {
            name: "r_b",
            domain: Domain::non_negative().when("r_a, r_b not both 0"),
            default: Some("1"),
            meaning: "revenue per unit of safety",
        },
        ParamSpec {
            name: "delta",
            domain: Domain::unit(),
            default: Some("1/2"),
            meaning: "G's share of revenue",
        },
        ParamSpec {
            name: "theta_g",
            domain: Domain::non_negative(),
            default: Some("0"),
            meaning: "safety floor on G: beta0 >= theta_g",
        },
        ParamSpec {
            name: "theta_d",
            domain: Domain::non_negative(),
            default: Some("0"),
            meaning: "safety floor on D: beta1 >= theta_d",
        },
    ],
    commands: &["solve", "sweep", "boundary", "frontier", "verify", "audit"],
    per_domain: &[],
    labels: &[],
    lists: &[],
    outputs: &[
        OutputSpec {
            name: "spe.alpha0, spe.beta0, spe.alpha1, spe.beta1",
            reads: None,
            meaning: "equilibrium investments",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.u_g, spe.u_d",
            reads: None,
            meaning: "equilibrium utilities",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.g_strategy, spe.d_strategy",
            reads: None,
            meaning: "unconstrained | alpha_floor | safety_floor | both_floors | participation_boundary | abstain",
            shown_by: "solve",
        },
        OutputSpec {
            name: "spe.paper_candidate",
            reads: None,
            meaning: "true when G's optimum is on the paper's candidate list (Props 4.4-4.5)",
            shown_by: "solve",
        },
        OutputSpec {
            name: "unregulated.alpha0 … unregulated.paper_candidate",
            reads: Some(&[
                "unregulated.{alpha0,beta0,alpha1,beta1,u_g,u_d,g_strategy,d_strategy,paper_candidate}",
            ]),
            meaning: "the same nine outputs (without spe.) with theta_g = theta_d = 0",
            shown_by: "solve",
        },
        OutputSpec {
            name: "regime",
            reads: None,
            meaning: "market_exit | backfire | mutualism | neutral",
            shown_by: "solve",
        },
        OutputSpec {
            name: "backfire, mutualism",
            reads: None,
            meaning: "the two flags behind the regime (true or false)",
            shown_by: "solve",
        },
    ],
    flag_outputs: &[
        "spe.paper_candidate",
        "unregulated.paper_candidate",
        "backfire",
        "mutualism",
    ],
    label_outputs: &[
        ("spe.g_strategy", label_names::<Strategy>),
        ("spe.d_strategy", label_names::<Strategy>),
        ("unregulated.g_strategy", label_names::<Strategy>),
        ("unregulated.d_strategy", label_names::<Strategy>),
        ("regime", label_names::<Regime>),
    ],
};
