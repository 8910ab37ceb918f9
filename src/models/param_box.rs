//! A box of parameter values a model's theorem is proved over: each parameter a range (ends open or closed) or the one value of a game inside the box.

use crate::exact::Rational;
use crate::exact::rational::int;

use super::arguments::Arguments;

/// A claim's box as a prover reads it: ranges for the parameters that range, and a game for
/// every other value.
#[derive(Clone, Debug)]
pub struct ParamBox {
    base: Arguments,
    ranges: Vec<(String, Span)>,
}

impl ParamBox {
    /// The box of `ranges` around the game `base` (whose values the other parameters keep).
    pub fn new(base: Arguments, ranges: Vec<(String, Span)>) -> ParamBox {
        ParamBox { base, ranges }
    }

    /// The range of `name`, or its one value in the base game.
    pub fn span(&self, name: &str) -> Result<Span, String> {
        match self.ranges.iter().find(|(n, _)| n == name) {
            Some((_, span)) => Ok(span.clone()),
            None => self
                .base
                .value(name)
                .map(Span::point)
                .map_err(|e| e.to_string()),
        }
    }

    /// A game inside the box: every range at its midpoint.
    pub fn inside(&self) -> Result<Arguments, String> {
        let mut inside = self.base.clone();
        for (name, span) in &self.ranges {
            inside = inside
                .with(name, (&span.lo + &span.hi) / int(2))
                .map_err(|e| e.to_string())?;
        }
        Ok(inside)
    }
}

/// What a model's prover established over a box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The claim holds on the whole box.
    Proved(String),
    /// An obligation failed (the claim may still hold at some points; the sampler decides).
    NotProved(String),
}

/// A range of a parameter, each end open or closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub lo: Rational,
    pub hi: Rational,
    pub lo_closed: bool,
    pub hi_closed: bool,
}

impl Span {
    /// The one value `v`.
    pub fn point(v: Rational) -> Span {
        Span {
            lo: v.clone(),
            hi: v,
            lo_closed: true,
            hi_closed: true,
        }
    }

    pub fn contains(&self, v: &Rational) -> bool {
        let above = if self.lo_closed {
            *v >= self.lo
        } else {
            *v > self.lo
        };
        let below = if self.hi_closed {
            *v <= self.hi
        } else {
            *v < self.hi
        };
        above && below
    }

    /// The ends a multilinear polynomial's extremes over the closure are found at.
    pub fn vertices(&self) -> Vec<Rational> {
        if self.lo == self.hi {
            vec![self.lo.clone()]
        } else {
            vec![self.lo.clone(), self.hi.clone()]
        }
    }

    /// Points where a zero of a polynomial that is multilinear in this parameter would show
    /// inside the range: its closed ends, or its midpoint when both are open.
    pub fn representatives(&self) -> Vec<Rational> {
        let mut out = Vec::new();
        if self.lo_closed {
            out.push(self.lo.clone());
        }
        if self.hi_closed && self.hi != self.lo {
            out.push(self.hi.clone());
        }
        if out.is_empty() {
            out.push((&self.lo + &self.hi) / int(2));
        }
        out
    }
}
