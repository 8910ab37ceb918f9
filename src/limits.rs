//! gpai's limits in one place: how large an input may be before the work it would start is refused, each with the value, the limit and how to raise it in the message.
//!
//! Every limit has a default and can be raised (or lowered) through an environment variable
//! `GPAI_MAX_…`; a limit is checked *before* the allocation or computation it bounds, so bad
//! input ends in a clear error (exit status 2), never in an abort, a stack overflow or a run
//! that does not end.
//!
//! ```
//! use gpai::limits::Limit;
//!
//! assert!(Limit::Nesting.check(10, "the expression").is_ok());
//! let e = Limit::Nesting.check(100_000, "the expression").unwrap_err();
//! assert!(e.to_string().contains("GPAI_MAX_NESTING"));
//! ```

use std::sync::OnceLock;

use crate::error::{Error, Result};

/// One of gpai's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Digits of one number as written (numerator and denominator together).
    Digits,
    /// Bits of a coefficient a polynomial's text makes (`(2^1000)^1000` would make a million).
    CoefficientBits,
    /// Degree of a polynomial read from text.
    Degree,
    /// Nesting depth of an expression (parentheses, unary signs, chains of `and`, `+`, …).
    Nesting,
    /// Specialist domains of the n-specialist game.
    Domains,
    /// Points of a sweep or frontier grid (`--force` lifts it for sweeps).
    GridPoints,
    /// Sample points of one claim (the grid over every range, times the ranges, plus random).
    SamplePoints,
    /// Degree of a polynomial the exact arithmetic builds (resultants of algebraic sums).
    AlgebraicDegree,
    /// Outcomes of one frontier analysis.
    Outcomes,
    /// Digits of one number a claim or an assertion computes (numerator and denominator, or an
    /// enclosure's end): far above what an input may have, since exact powers of sample points
    /// are long, yet bounded (`((c - 2)^64)^64` would have millions).
    ComputedDigits,
    /// Candidates the `exists` searches of one claim try at one sample point (nested searches
    /// multiply: about 50 per level).
    WitnessCandidates,
}

impl Limit {
    /// Every limit, in the order the limits table of docs/exact.md lists them.
    pub const ALL: [Limit; 11] = [
        Limit::Digits,
        Limit::CoefficientBits,
        Limit::Degree,
        Limit::Nesting,
        Limit::Domains,
        Limit::GridPoints,
        Limit::SamplePoints,
        Limit::AlgebraicDegree,
        Limit::Outcomes,
        Limit::ComputedDigits,
        Limit::WitnessCandidates,
    ];

    /// The environment variable that sets it.
    pub fn variable(self) -> &'static str {
        match self {
            Limit::Digits => "GPAI_MAX_DIGITS",
            Limit::CoefficientBits => "GPAI_MAX_COEFFICIENT_BITS",
            Limit::Degree => "GPAI_MAX_DEGREE",
            Limit::Nesting => "GPAI_MAX_NESTING",
            Limit::Domains => "GPAI_MAX_DOMAINS",
            Limit::GridPoints => "GPAI_MAX_GRID_POINTS",
            Limit::SamplePoints => "GPAI_MAX_SAMPLE_POINTS",
            Limit::AlgebraicDegree => "GPAI_MAX_ALGEBRAIC_DEGREE",
            Limit::Outcomes => "GPAI_MAX_OUTCOMES",
            Limit::ComputedDigits => "GPAI_MAX_COMPUTED_DIGITS",
            Limit::WitnessCandidates => "GPAI_MAX_WITNESS_CANDIDATES",
        }
    }

    /// The value when the variable is not set.
    pub fn default_value(self) -> usize {
        match self {
            Limit::Digits => 2_000,
            Limit::CoefficientBits => 20_000,
            Limit::Degree => 1_000,
            Limit::Nesting => 200,
            Limit::Domains => 64,
            Limit::GridPoints => 2_000_000,
            Limit::SamplePoints => 10_000,
            Limit::AlgebraicDegree => 128,
            Limit::Outcomes => 200_000,
            Limit::ComputedDigits => 200_000,
            Limit::WitnessCandidates => 100_000,
        }
    }

    /// What it bounds, in words.
    pub fn what(self) -> &'static str {
        match self {
            Limit::Digits => "digits of one number (numerator and denominator)",
            Limit::CoefficientBits => "bits of a coefficient built from polynomial text",
            Limit::Degree => "degree of a polynomial read from text",
            Limit::Nesting => "nesting depth of an expression",
            Limit::Domains => "specialist domains of fine_tuning_n",
            Limit::GridPoints => "points of a sweep or frontier grid (or pass --force to a sweep)",
            Limit::SamplePoints => "sample points of one claim",
            Limit::AlgebraicDegree => "degree of a polynomial built by exact algebraic arithmetic",
            Limit::Outcomes => "outcomes of one frontier analysis",
            Limit::ComputedDigits => "digits of one number a claim computes",
            Limit::WitnessCandidates => {
                "candidates the exists searches of a claim try at one point"
            }
        }
    }

    /// The unit an input is measured in against it.
    pub fn unit(self) -> &'static str {
        match self {
            Limit::Digits | Limit::ComputedDigits => "digits",
            Limit::CoefficientBits => "coefficient bits",
            Limit::Degree | Limit::AlgebraicDegree => "(degree)",
            Limit::Nesting => "levels of nesting",
            Limit::Domains => "domains",
            Limit::GridPoints => "points",
            Limit::SamplePoints => "sample points",
            Limit::Outcomes => "outcomes",
            Limit::WitnessCandidates => "candidates",
        }
    }

    /// The limit in force: the variable's value when it is set to a positive integer, else the
    /// default (read once per process).
    pub fn value(self) -> usize {
        static VALUES: OnceLock<Vec<usize>> = OnceLock::new();
        let values = VALUES.get_or_init(|| {
            Limit::ALL
                .iter()
                .map(|l| {
                    std::env::var(l.variable())
                        .ok()
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .filter(|v| *v > 0)
                        .unwrap_or_else(|| l.default_value())
                })
                .collect()
        });
        values[Limit::ALL.iter().position(|l| *l == self).expect("listed")]
    }

    /// An error unless `value` is within the limit; `what` names the input it measures.
    pub fn check(self, value: usize, what: &str) -> Result<()> {
        if value <= self.value() {
            return Ok(());
        }
        Err(self.exceeded(&value.to_string(), what))
    }

    /// The error for an input beyond the limit (`value` may say "more than …").
    pub fn exceeded(self, value: &str, what: &str) -> Error {
        Error::Limit {
            what: what.into(),
            value: value.into(),
            unit: self.unit(),
            limit: self.value(),
            variable: self.variable(),
            hint: String::new(),
        }
    }
}
