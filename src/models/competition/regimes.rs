//! The competition model's regimes and its registry entry (this project's model, after Xu, Wang, Chen, Xie 2024).

use std::fmt;

use crate::models::domain::Domain;
use crate::models::{Label, ModelInfo, OutputSpec, ParamSpec, Provenance, label_names};

/// What the leader does about the follower.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// L's monopoly effort already keeps F out.
    Blockade,
    /// L holds its effort down to the level that just keeps F out.
    Deterrence,
    /// F adopts; both deployers sell.
    Accommodation,
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Regime::Blockade => "blockade",
            Regime::Deterrence => "deterrence",
            Regime::Accommodation => "accommodation",
        })
    }
}

impl Label for Regime {
    const ALL: &'static [Regime] = &[Regime::Blockade, Regime::Deterrence, Regime::Accommodation];
}

/// The registry entry `gpai models` prints.
pub const INFO: ModelInfo = ModelInfo {
    name: "competition",
    summary: "THIS PROJECT'S competition model: a developer sells access at fee c; a leading deployer L chooses \
              fine-tuning effort, a follower F imitates a share omega of it and enters only if strictly profitable; \
              Cournot downstream; vertical integration and free-trial variants",
    source: "this project's model after Xu, Wang, Chen, Xie, \"The Economics of AI Foundation Models: Openness, \
             Competition, and Governance\" (2024; only the abstract is available); reproduces its openness trap, \
             vertical-integration and free-trial findings; not the paper's equations",
    provenance: Provenance::ProjectFormulation,
    params: &[
        ParamSpec {
            name: "a",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "demand intercept: p_i = a + s_i - (q_L + q_F)",
        },
        ParamSpec {
            name: "c",
            domain: Domain::positive().when("< a"),
            default: Some("1/4"),
            meaning: "the developer's per-unit access fee",
        },
        ParamSpec {
            name: "k",
            domain: Domain::rational()
                .above("8/9")
                .when("the spec's domain is k > 4/3"),
            default: Some("2"),
            meaning: "L's effort cost k*e^2/2",
        },
        ParamSpec {
            name: "kappa",
            domain: Domain::positive().when("the spec's domain is 2(a-c) < 3*kappa"),
            default: Some("1"),
            meaning: "F's adoption cost kappa^2*(1-omega)^2",
        },
        ParamSpec {
            name: "tau",
            domain: Domain::rational().above("0").below("1"),
            default: Some("3/4"),
            meaning: "free trial: F's adoption cost becomes tau^2*K(omega)",
        },
        ParamSpec {
            name: "omega",
            domain: Domain::unit().called("an openness"),
            default: Some("1/2"),
            meaning: "share of L's fine-tuning F imitates",
        },
    ],
    commands: &["solve", "sweep", "verify", "audit"],
    per_domain: &[],
    labels: &[],
    lists: &[],
    outputs: &[
        OutputSpec {
            name: "regime, entered, e, q_l, q_f, cs, pi_l, pi_f, pi_d0, w",
            reads: None,
            meaning: "blockade | deterrence | accommodation, whether F adopts, L's effort, quantities, consumer surplus, payoffs, welfare",
            shown_by: "solve",
        },
        OutputSpec {
            name: "omega_1, omega_bar, omega_bar_t, omega_v, omega_w",
            reads: None,
            meaning: "thresholds derived by the toolkit: blockade end, accommodation start (without, with the trial), \
                      where vertical integration stops paying, the welfare trap's end (a real algebraic number)",
            shown_by: "solve",
        },
        OutputSpec {
            name: "vi_regime, pi_v, delta_j",
            reads: None,
            meaning: "vertical integration (D0 merged with L, F buying outside at c): regime, merged payoff, gain over pi_l + pi_d0",
            shown_by: "solve",
        },
        OutputSpec {
            name: "trial, trial_cs, trial_pi_l, trial_pi_f, trial_pi_d0",
            reads: None,
            meaning: "whether D0 offers the free trial, and the outcome under its choice",
            shown_by: "solve",
        },
        OutputSpec {
            name: "in_spec_domain",
            reads: None,
            meaning: "k > 4/3 and 2(a - c) < 3*kappa",
            shown_by: "solve",
        },
    ],
    flag_outputs: &["entered", "trial", "in_spec_domain"],
    label_outputs: &[
        ("regime", label_names::<Regime>),
        ("vi_regime", label_names::<Regime>),
    ],
};
