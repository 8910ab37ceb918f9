//! A tie a solver resolved: a player indifferent between options (or an objective with several equal optima), the option a tie rule chose, and the ones set aside — a finding every report shows, never hidden.
//!
//! ```
//! use gpai::models::tie::Tie;
//!
//! let tie = Tie::new("G", "gamma0 = (1/4, 0)", "equal U_G and U_D; smaller beta0")
//!     .over("gamma0 = (0, 1/4)");
//! assert_eq!(
//!     tie.to_string(),
//!     "G: gamma0 = (1/4, 0) over gamma0 = (0, 1/4) (equal U_G and U_D; smaller beta0)"
//! );
//! ```

use std::fmt;

use crate::exact::Algebraic;

/// A value as a tie's text shows it: its closed form, or its decimals marked approximate (the
/// exact values are the solution's own outputs).
pub fn value_text(a: &Algebraic) -> String {
    a.closed_form().unwrap_or_else(|| a.decimal(12).marked())
}

/// One resolved tie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tie {
    /// Who was indifferent (`G`, `D`, `D_2`, `L`, `F`, `D0`, `firm`), and in which game when a
    /// solution holds several (`G in the unregulated game`); for a bargaining solution whose
    /// objective had several equal maxima, the solution's name (`max_alpha1`).
    pub player: String,
    /// What the tie rule chose.
    pub chose: String,
    /// The options with the same value to the player that the rule set aside.
    pub over: Vec<String>,
    /// Why the choice fell as it did: what was equal and which rule decided.
    pub rule: &'static str,
}

impl Tie {
    pub fn new(player: impl Into<String>, chose: impl Into<String>, rule: &'static str) -> Tie {
        Tie {
            player: player.into(),
            chose: chose.into(),
            over: Vec::new(),
            rule,
        }
    }

    /// With one more alternative set aside (repeats are kept once).
    pub fn over(mut self, alternative: impl Into<String>) -> Tie {
        let alternative = alternative.into();
        if !self.over.contains(&alternative) && alternative != self.chose {
            self.over.push(alternative);
        }
        self
    }

    /// A participation decision at utility exactly 0: in, by the rule "participate when
    /// indifferent" (`what_else`: what staying out would have meant).
    pub fn participation(player: impl Into<String>, what_else: &str) -> Tie {
        Tie::new(
            player,
            "participates (utility 0)",
            "participate when indifferent",
        )
        .over(format!("stays out ({what_else})"))
    }
}

impl fmt::Display for Tie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.player, self.chose)?;
        if !self.over.is_empty() {
            write!(f, " over {}", self.over.join(", "))?;
        }
        write!(f, " ({})", self.rule)
    }
}

/// The ties as one line of text (a sweep cell, a claim's note): empty when there are none.
pub fn summary(ties: &[Tie]) -> String {
    ties.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
