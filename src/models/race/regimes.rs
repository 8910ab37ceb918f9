//! The race model's labels and its registry entry (the essay's one-firm model made precise, with four extensions).

use std::fmt;

use crate::models::domain::Domain;
use crate::models::{Label, ModelInfo, OutputSpec, ParamSpec, Provenance};

/// Whether the closed firm trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Some size in `(x, cap]` makes a positive profit.
    Trains,
    /// No size does.
    StaysOut,
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Decision::Trains => "trains",
            Decision::StaysOut => "stays_out",
        })
    }
}

impl Label for Decision {
    const ALL: &'static [Decision] = &[Decision::Trains, Decision::StaysOut];
}

/// The registry entry `gpai models` prints.
pub const INFO: ModelInfo = ModelInfo {
    name: "race",
    summary: "one closed firm sells above the best open model: revenue n*m*(f(y) - f(x)), profit-maximizing size y*, \
              the gain from upgrading when an open improvement is announced; extensions discount, uncertain_release, \
              customer_types, duopoly",
    source: "this project's formulation of the essay \"How do open AI models affect incentive to race?\" (2024), \
             which argues informally: the one-firm model stated precisely (docs/models/race.md) and four extensions for the essay's open questions",
    provenance: Provenance::ProjectFormulation,
    params: &[
        ParamSpec {
            name: "f",
            domain: Domain::described("power | polynomial | pwl | log"),
            default: Some("power"),
            meaning: "the value family f(x): a*x^p, coef polynomial, piecewise linear concave, a*ln(1 + x/b)",
        },
        ParamSpec {
            name: "a",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "scale of f (power, log)",
        },
        ParamSpec {
            name: "p",
            domain: Domain::rational()
                .above("0")
                .at_most("1")
                .when("denominator at most 64"),
            default: Some("1/2"),
            meaning: "exponent of the power family",
        },
        ParamSpec {
            name: "b",
            domain: Domain::positive(),
            default: Some("1"),
            meaning: "the log family's scale: f = a*ln(1 + x/b)",
        },
        ParamSpec {
            name: "coef",
            domain: Domain::described("a list c0,c1,... with c0 = 0, f increasing on [0, cap]"),
            default: Some("0,1"),
            meaning: "the polynomial family's coefficients, lowest first",
        },
        ParamSpec {
            name: "breaks",
            domain: Domain::described("a list 0 = b1 < b2 < ..."),
            default: Some("0"),
            meaning: "the piecewise linear family's breakpoints",
        },
        ParamSpec {
            name: "slopes",
            domain: Domain::described("a list as long as breaks, positive, non-increasing"),
            default: Some("1"),
            meaning: "the piecewise linear family's slopes from each breakpoint",
        },
        ParamSpec {
            name: "n",
            domain: Domain::positive(),
            default: Some("10"),
            meaning: "customers",
        },
        ParamSpec {
            name: "m",
            domain: Domain::positive().when("whole, at most 100000, under ext=discount"),
            default: Some("30"),
            meaning: "days in the horizon",
        },
        ParamSpec {
            name: "k",
            domain: Domain::non_negative().when("at most m"),
            default: Some("30"),
            meaning: "days before the open improvement arrives (k = m: it never does)",
        },
        ParamSpec {
            name: "x",
            domain: Domain::non_negative(),
            default: Some("1"),
            meaning: "expense of the best open model",
        },
        ParamSpec {
            name: "xp",
            domain: Domain::rational().when("> x"),
            default: Some("4"),
            meaning: "expense of the improved open model x'",
        },
        ParamSpec {
            name: "y",
            domain: Domain::rational().when("> x"),
            default: Some("9"),
            meaning: "the closed firm's size",
        },
        ParamSpec {
            name: "z",
            domain: Domain::rational().when("> max(y, xp)"),
            default: Some("16"),
            meaning: "the upgraded size",
        },
        ParamSpec {
            name: "cap",
            domain: Domain::positive().when(">= z"),
            default: Some("1000000"),
            meaning: "the largest expense considered (y* is sought in (x, cap])",
        },
        ParamSpec {
            name: "ext",
            domain: Domain::described(
                "base | discount | uncertain_release | customer_types | duopoly",
            ),
            default: Some("base"),
            meaning: "the extension switched on",
        },
        ParamSpec {
            name: "rho",
            domain: Domain::rational().above("0").at_most("1"),
            default: Some("1"),
            meaning: "discount: day t weighs rho^t",
        },
        ParamSpec {
            name: "q",
            domain: Domain::unit().called("a probability"),
            default: Some("1/2"),
            meaning: "uncertain_release: probability that the improvement arrives",
        },
        ParamSpec {
            name: "v",
            domain: Domain::described("a list of rationals > 0"),
            default: Some("1"),
            meaning: "customer_types: valuations (type j values the model at v_j*f)",
        },
        ParamSpec {
            name: "w",
            domain: Domain::described("a list of shares > 0 summing to 1"),
            default: Some("1"),
            meaning: "customer_types: population shares of the types",
        },
        ParamSpec {
            name: "y2",
            domain: Domain::rational().when("in (x, cap]"),
            default: Some("4"),
            meaning: "duopoly: the rival's size",
        },
        ParamSpec {
            name: "s",
            domain: Domain::unit(),
            default: Some("1/2"),
            meaning: "duopoly: share of customers captive (half to each firm)",
        },
    ],
    commands: &["solve", "verify", "audit"],
    per_domain: &[],
    labels: &[
        ("f", &["power", "polynomial", "pwl", "log"]),
        (
            "ext",
            &[
                "base",
                "discount",
                "uncertain_release",
                "customer_types",
                "duopoly",
            ],
        ),
    ],
    lists: &["coef", "breaks", "slopes", "v", "w"],
    outputs: &[
        OutputSpec {
            name: "revenue, revenue_z, gain, profit",
            reads: None,
            meaning: "revenue at size y and at z over the horizon, the upgrade gain revenue_z - revenue, revenue - y",
            shown_by: "solve",
        },
        OutputSpec {
            name: "ystar, max_profit, trains",
            reads: None,
            meaning: "the smallest profit-maximizing size in (x, cap] and its profit (when it trains), whether training pays",
            shown_by: "solve",
        },
        OutputSpec {
            name: "f_x, f_xp, f_y, f_z, f_y2",
            reads: None,
            meaning: "f at the open, improved, closed, upgraded and rival sizes (exact, or certified enclosures for log)",
            shown_by: "solve",
        },
    ],
    flag_outputs: &["trains"],
    label_outputs: &[],
};
