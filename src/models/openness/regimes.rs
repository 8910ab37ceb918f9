//! The openness model's regimes and its registry entry (this project's model, after Qiu, Laufer, Kleinberg, Heidari).

use std::fmt;

use crate::models::domain::Domain;
use crate::models::{Label, ModelInfo, OutputSpec, ParamSpec, Provenance, label_names};

/// What the generalist does under the regulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// No regulation (θ = 0 or p = 0); G releases at its own openness.
    Unregulated,
    /// Regulated, but G's own openness already meets the threshold.
    Slack,
    /// G raises its openness to the threshold.
    Comply,
    /// G keeps its openness and pays the penalty: a deadweight loss.
    Pay,
    /// The regulation drives G out (it would release without it).
    Exit,
    /// G exits even without regulation.
    ExitUnregulated,
}

impl Regime {
    /// Whether G releases a model.
    pub fn releases(self) -> bool {
        !matches!(self, Regime::Exit | Regime::ExitUnregulated)
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Regime::Unregulated => "unregulated",
            Regime::Slack => "slack",
            Regime::Comply => "comply",
            Regime::Pay => "pay",
            Regime::Exit => "exit",
            Regime::ExitUnregulated => "exit_unregulated",
        })
    }
}

impl Label for Regime {
    const ALL: &'static [Regime] = &[
        Regime::Unregulated,
        Regime::Slack,
        Regime::Comply,
        Regime::Pay,
        Regime::Exit,
        Regime::ExitUnregulated,
    ];
}

/// The registry entry `gpai models` prints.
pub const INFO: ModelInfo = ModelInfo {
    name: "openness",
    summary: "THIS PROJECT'S openness model: G releases a base model (alpha0) at openness omega in [0,1], \
              D fine-tunes it; a regulator's threshold theta with penalty p: G complies, pays or exits",
    source: "this project's model after Qiu, Laufer, Kleinberg, Heidari, \"Modeling the Economic Impacts of AI Openness Regulation\" (NeurIPS 2025, arXiv 2507.14193); not the paper's equations",
    provenance: Provenance::ProjectFormulation,
    params: &[
        ParamSpec {
            name: "r",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "revenue per unit of final performance",
        },
        ParamSpec {
            name: "c0",
            domain: Domain::non_negative(),
            default: Some("1/2"),
            meaning: "G's production cost c0*alpha0^2",
        },
        ParamSpec {
            name: "c1",
            domain: Domain::positive(),
            default: Some("1/2"),
            meaning: "D's fine-tuning cost c1*(alpha1-alpha0)^2",
        },
        ParamSpec {
            name: "delta",
            domain: Domain::rational().called("a share").above("0").below("1"),
            default: Some("3/4"),
            meaning: "G's revenue share before leakage",
        },
        ParamSpec {
            name: "phi",
            domain: Domain::rational().above("0").at_most("1"),
            default: Some("2/3"),
            meaning: "share leakage at full openness",
        },
        ParamSpec {
            name: "epsilon",
            domain: Domain::non_negative(),
            default: Some("3/8"),
            meaning: "reputation per unit of openness",
        },
        ParamSpec {
            name: "m",
            domain: Domain::non_negative(),
            default: Some("1/8"),
            meaning: "operation cost m*(1-omega) of gated access",
        },
        ParamSpec {
            name: "alpha0",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "G's baseline performance",
        },
        ParamSpec {
            name: "theta",
            domain: Domain::rational().at_least("0").at_most("1"),
            default: Some("0"),
            meaning: "open-source threshold (0: no regulation)",
        },
        ParamSpec {
            name: "p",
            domain: Domain::non_negative(),
            default: Some("0"),
            meaning: "penalty below the threshold (0: no regulation)",
        },
    ],
    commands: &["solve", "sweep", "verify", "audit"],
    per_domain: &[],
    labels: &[],
    lists: &[],
    outputs: &[
        OutputSpec {
            name: "spe.omega, spe.alpha1, spe.u_g, spe.u_d",
            reads: None,
            meaning: "equilibrium openness, final performance, utilities (0 when G exits)",
            shown_by: "solve",
        },
        OutputSpec {
            name: "regime, released",
            reads: None,
            meaning: "unregulated | slack | comply | pay | exit | exit_unregulated; whether G releases a model",
            shown_by: "solve",
        },
        OutputSpec {
            name: "omega_n, v_n, omega_tilde, alpha_hi",
            reads: None,
            meaning: "unregulated openness, its payoff, the unclipped optimum, the performance where it reaches 0",
            shown_by: "solve",
        },
        OutputSpec {
            name: "a, g, pi0",
            reads: None,
            meaning: "G's release payoff Pi(omega) = pi0 + g*omega - a*omega^2, derived from the utilities",
            shown_by: "solve",
        },
        OutputSpec {
            name: "pi_theta, p_star",
            reads: None,
            meaning: "G's release payoff at omega = theta, and the indifference penalty V_N - Pi(theta)",
            shown_by: "solve",
        },
        OutputSpec {
            name: "theta_p, theta_x, alpha0_dagger, alpha0_s",
            reads: None,
            meaning: "boundaries (exact, a + sqrt(b)): highest threshold met at penalty p, beyond which complying is unprofitable, the critical and the slack baseline performance",
            shown_by: "solve",
        },
    ],
    flag_outputs: &["released"],
    label_outputs: &[("regime", label_names::<Regime>)],
};
