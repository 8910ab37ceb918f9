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
