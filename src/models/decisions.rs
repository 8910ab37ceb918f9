//! The quantities whose signs decide a model's regime: what `gpai audit` cuts a family of games into exact cells with.
//!
//! A model declaring [`Decisions`] lets an audit decide every cell and every root of a family
//! exactly: the quantities are recovered as polynomials per piece, their roots are the only
//! points where the regime can change, and at an irrational root the regime follows from the
//! quantities' signs there by [`Decisions::regime`], the model's own decision rule.

use std::cmp::Ordering;

/// A model's regime as a function of the signs of named quantities.
#[derive(Debug)]
pub struct Decisions {
    /// Claim expressions over the model's parameters and outputs.
    pub quantities: &'static [&'static str],
    /// How many of the first `quantities` mark where the model's formulas change piece; their
    /// roots along a family must be rational (they are roots of linear polynomials).
    pub breaks: usize,
    /// The regime at a point, from `sign(k)`, the sign there of `quantities[k]`.
    pub regime: fn(sign: &dyn Fn(usize) -> Ordering) -> &'static str,
    /// The regimes the audit shorthand `none exits` excludes (none: the shorthand is refused).
    pub exits: &'static [&'static str],
    /// The shorthand `WORD at least X`, when the model has one.
    pub at_least: Option<AtLeast>,
}

/// `WORD at least X`: an output compared with a number, whose value in each regime is one
/// expression.
#[derive(Debug)]
pub struct AtLeast {
    pub word: &'static str,
    /// The output the shorthand compares (`spe.omega`).
    pub output: &'static str,
    /// The expression equal to the output in each regime; in a regime not listed it is 0.
    pub value_in: &'static [(&'static str, &'static str)],
}

impl AtLeast {
    /// The distinct expressions of [`AtLeast::value_in`], in order.
    pub fn expressions(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for (_, e) in self.value_in {
            if !out.contains(e) {
                out.push(e);
            }
        }
        out
    }

    /// The expression equal to the output in `regime` (`None`: the output is 0 there).
    pub fn value_in(&self, regime: &str) -> Option<&'static str> {
        self.value_in
            .iter()
            .find(|(r, _)| *r == regime)
            .map(|(_, e)| *e)
    }
}
