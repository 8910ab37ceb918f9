//! A parameter's admissible values, declared once: the check every command runs when a value is built, and the text `gpai models` prints.
//!
//! ```
//! use gpai::models::domain::Domain;
//! use gpai::exact::parse_rational;
//!
//! const SHARE: Domain = Domain::unit();
//! assert_eq!(SHARE.to_string(), "a share in [0, 1]");
//! assert!(SHARE.check("delta", &parse_rational("1/2").unwrap()).is_ok());
//! let e = SHARE.check("delta", &parse_rational("2").unwrap()).unwrap_err();
//! assert_eq!(e.to_string(), "delta = 2 is outside its domain: a share in [0, 1]");
//! ```
//!
//! A domain is an interval (each end open, closed or absent), optionally of integers, plus a
//! *condition* in words for what depends on other parameters (`c < a`, `r_a, r_b not both 0`):
//! the interval is checked here for every value, the condition by the model's `Params::new`,
//! which sees all values together. Label and list parameters have a described domain only (their
//! words and lists are checked where they are read).

use std::cmp::Ordering;
use std::fmt;

use crate::error::{Error, Result};
use crate::exact::rational::is_integer;
use crate::exact::{Rational, parse_rational};

/// One end of an interval, the number written as exact text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Unbounded,
    Open(&'static str),
    Closed(&'static str),
}

impl Bound {
    fn value(self) -> Option<(Rational, bool)> {
        match self {
            Bound::Unbounded => None,
            Bound::Open(t) => Some((number(t), false)),
            Bound::Closed(t) => Some((number(t), true)),
        }
    }
}

/// A declared bound's number: `n` or `n/d` in machine integers at once (every game checks its
/// values against them), any other exact text through the parser.
fn number(text: &str) -> Rational {
    let (n, d) = text.split_once('/').unwrap_or((text, "1"));
    match (n.parse::<i64>(), d.parse::<i64>()) {
        (Ok(n), Ok(d)) if d > 0 => Rational::from(n) / Rational::from(d),
        _ => parse_rational(text).expect("a declared bound"),
    }
}

/// Whether the values are numbers checked here, or words and lists described only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Number,
    Described(&'static str),
}

/// A parameter's domain (see the module note).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Domain {
    noun: &'static str,
    lo: Bound,
    hi: Bound,
    integer: bool,
    condition: &'static str,
    kind: Kind,
}

impl Domain {
    /// Every rational.
    pub const fn rational() -> Domain {
        Domain {
            noun: "a rational",
            lo: Bound::Unbounded,
            hi: Bound::Unbounded,
            integer: false,
            condition: "",
            kind: Kind::Number,
        }
    }

    /// `x > 0`.
    pub const fn positive() -> Domain {
        Domain::rational().above("0")
    }

    /// `x >= 0`.
    pub const fn non_negative() -> Domain {
        Domain::rational().at_least("0")
    }

    /// A share `0 <= x <= 1`.
    pub const fn unit() -> Domain {
        Domain::rational()
            .called("a share")
            .at_least("0")
            .at_most("1")
    }

    /// Integers from `lo` to `hi`.
    pub const fn integers(lo: &'static str, hi: &'static str) -> Domain {
        let mut d = Domain::rational().at_least(lo).at_most(hi);
        d.integer = true;
        d.noun = "an integer";
        d
    }

    /// A label or list parameter: its values in words (checked where they are read).
    pub const fn described(text: &'static str) -> Domain {
        let mut d = Domain::rational();
        d.kind = Kind::Described(text);
        d
    }

    /// `x > lo`.
    pub const fn above(mut self, lo: &'static str) -> Domain {
        self.lo = Bound::Open(lo);
        self
    }

    /// `x >= lo`.
    pub const fn at_least(mut self, lo: &'static str) -> Domain {
        self.lo = Bound::Closed(lo);
        self
    }

    /// `x < hi`.
    pub const fn below(mut self, hi: &'static str) -> Domain {
        self.hi = Bound::Open(hi);
        self
    }

    /// `x <= hi`.
    pub const fn at_most(mut self, hi: &'static str) -> Domain {
        self.hi = Bound::Closed(hi);
        self
    }

    /// What a value is called in the text (`a share`, `a safety floor`).
    pub const fn called(mut self, noun: &'static str) -> Domain {
        self.noun = noun;
        self
    }

    /// A condition involving other parameters, in words; the model's `Params::new` checks it.
    pub const fn when(mut self, condition: &'static str) -> Domain {
        self.condition = condition;
        self
    }

    /// Whether values are numbers (not words or lists).
    pub fn is_number(&self) -> bool {
        self.kind == Kind::Number
    }

    /// The interval's lower end: the number and whether it is included.
    pub fn lower(&self) -> Option<(Rational, bool)> {
        self.lo.value()
    }

    /// The interval's upper end: the number and whether it is included.
    pub fn upper(&self) -> Option<(Rational, bool)> {
        self.hi.value()
    }

    /// Whether `value` lies in the interval (and is an integer where one is required).
    pub fn contains(&self, value: &Rational) -> bool {
        if !self.is_number() {
            return true;
        }
        let above = self
            .lower()
            .is_none_or(|(lo, closed)| match value.cmp(&lo) {
                Ordering::Greater => true,
                Ordering::Equal => closed,
                Ordering::Less => false,
            });
        let below = self
            .upper()
            .is_none_or(|(hi, closed)| match value.cmp(&hi) {
                Ordering::Less => true,
                Ordering::Equal => closed,
                Ordering::Greater => false,
            });
        above && below && (!self.integer || is_integer(value))
    }

    /// Whether every value of the range `lo..hi` (ends included where closed) lies in the
    /// interval. Integer domains hold a range only when it is one integer.
    pub fn contains_range(
        &self,
        lo: &Rational,
        lo_closed: bool,
        hi: &Rational,
        hi_closed: bool,
    ) -> bool {
        if !self.is_number() {
            return true;
        }
        if self.integer {
            return lo == hi && self.contains(lo);
        }
        let low_ok = self.lower().is_none_or(|(d, closed)| match lo.cmp(&d) {
            Ordering::Greater => true,
            Ordering::Equal => closed || !lo_closed,
            Ordering::Less => false,
        });
        let high_ok = self.upper().is_none_or(|(d, closed)| match hi.cmp(&d) {
            Ordering::Less => true,
            Ordering::Equal => closed || !hi_closed,
            Ordering::Greater => false,
        });
        low_ok && high_ok
    }

    /// The part of the range inside the interval: new ends and closedness, or `None` if empty.
    pub fn clip(
        &self,
        (lo, lo_closed): (Rational, bool),
        (hi, hi_closed): (Rational, bool),
    ) -> Option<((Rational, bool), (Rational, bool))> {
        let (mut lo, mut lo_closed, mut hi, mut hi_closed) = (lo, lo_closed, hi, hi_closed);
        if let Some((d, closed)) = self.lower() {
            match lo.cmp(&d) {
                Ordering::Less => (lo, lo_closed) = (d, closed),
                Ordering::Equal => lo_closed &= closed,
                Ordering::Greater => {}
            }
        }
        if let Some((d, closed)) = self.upper() {
            match hi.cmp(&d) {
                Ordering::Greater => (hi, hi_closed) = (d, closed),
                Ordering::Equal => hi_closed &= closed,
                Ordering::Less => {}
            }
        }
        let empty = lo > hi || (lo == hi && !(lo_closed && hi_closed));
        (!empty).then_some(((lo, lo_closed), (hi, hi_closed)))
    }

    /// A value of the range that lies in the domain (the middle of the part inside, or its
    /// smallest integer for an integer domain), or `None` when no value does.
    pub fn point_in(&self, lo: (Rational, bool), hi: (Rational, bool)) -> Option<Rational> {
        let ((lo, lo_closed), (hi, hi_closed)) = self.clip(lo, hi)?;
        if self.integer {
            let mut k = crate::exact::rational::from_integer(crate::exact::rational::ceil(&lo));
            if k == lo && !lo_closed {
                k += Rational::from(1);
            }
            let inside = k < hi || (k == hi && hi_closed);
            return inside.then_some(k);
        }
        Some(if lo == hi {
            lo
        } else {
            (lo + hi) / Rational::from(2)
        })
    }

    /// An error unless `value` lies in the interval: names the parameter, the value, the domain.
    pub fn check(&self, name: &str, value: &Rational) -> Result<()> {
        if self.contains(value) {
            return Ok(());
        }
        Err(Error::Domain {
            name: name.into(),
            value: value.to_string(),
            domain: self.to_string(),
        })
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Kind::Described(text) = self.kind {
            return f.write_str(text);
        }
        f.write_str(self.noun)?;
        let text = |b: Bound| match b {
            Bound::Unbounded => "",
            Bound::Open(t) | Bound::Closed(t) => t,
        };
        match (self.lo, self.hi) {
            (Bound::Unbounded, Bound::Unbounded) => {}
            (Bound::Closed(lo), Bound::Closed(hi)) if self.integer => {
                write!(f, " from {lo} to {hi}")?
            }
            (lo, Bound::Unbounded) => {
                let op = if matches!(lo, Bound::Open(_)) {
                    ">"
                } else {
                    ">="
                };
                write!(f, " {op} {}", text(lo))?
            }
            (Bound::Unbounded, hi) => {
                let op = if matches!(hi, Bound::Open(_)) {
                    "<"
                } else {
                    "<="
                };
                write!(f, " {op} {}", text(hi))?
            }
            (lo, hi) => {
                let open = if matches!(lo, Bound::Open(_)) {
                    '('
                } else {
                    '['
                };
                let close = if matches!(hi, Bound::Open(_)) {
                    ')'
                } else {
                    ']'
                };
                write!(f, " in {open}{}, {}{close}", text(lo), text(hi))?
            }
        }
        match (self.condition, self.lo, self.hi) {
            ("", _, _) => Ok(()),
            (c, Bound::Unbounded, Bound::Unbounded) => write!(f, " {c}"),
            (c, _, _) => write!(f, " ({c})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_bounds_read_as_the_parser_reads_them() {
        for text in ["0", "1", "-3", "8/9", "1/100", "0.5", "1e-3", "-7/2"] {
            assert_eq!(number(text), parse_rational(text).unwrap(), "{text}");
        }
    }
    use crate::exact::rational::{int, ratio};

    #[test]
    fn the_text_is_the_check() {
        let cases: [(Domain, &str, &[Rational], &[Rational]); 6] = [
            (
                Domain::positive(),
                "a rational > 0",
                &[ratio(1, 9)],
                &[int(0), int(-1)],
            ),
            (
                Domain::non_negative(),
                "a rational >= 0",
                &[int(0)],
                &[ratio(-1, 3)],
            ),
            (
                Domain::unit(),
                "a share in [0, 1]",
                &[int(0), int(1)],
                &[int(2)],
            ),
            (
                Domain::integers("2", "6"),
                "an integer from 2 to 6",
                &[int(2), int(6)],
                &[int(1), ratio(5, 2), int(7)],
            ),
            (
                Domain::rational().above("0").below("1"),
                "a rational in (0, 1)",
                &[ratio(1, 2)],
                &[int(0), int(1)],
            ),
            (
                Domain::rational().when("> -sqrt(aa*bb)"),
                "a rational > -sqrt(aa*bb)",
                &[int(-100)],
                &[],
            ),
        ];
        for (domain, text, inside, outside) in cases {
            assert_eq!(domain.to_string(), text);
            assert!(inside.iter().all(|v| domain.contains(v)), "{text}");
            assert!(outside.iter().all(|v| !domain.contains(v)), "{text}");
        }
        assert_eq!(
            Domain::non_negative()
                .when("r_a, r_b not both 0")
                .to_string(),
            "a rational >= 0 (r_a, r_b not both 0)"
        );
    }

    #[test]
    fn ranges_are_inside_or_clipped() {
        let d = Domain::positive();
        assert!(d.contains_range(&int(0), false, &int(1), true));
        assert!(!d.contains_range(&int(0), true, &int(1), true));
        assert!(!d.contains_range(&int(-2), true, &int(1), true));
        assert_eq!(
            d.clip((int(-2), true), (int(1), true)),
            Some(((int(0), false), (int(1), true)))
        );
        assert_eq!(d.clip((int(-2), true), (int(0), true)), None);
        let unit = Domain::unit();
        assert!(unit.contains_range(&int(0), true, &int(1), true));
        assert!(!unit.contains_range(&int(0), true, &int(3), true));
        assert!(!Domain::integers("2", "6").contains_range(&int(2), true, &int(3), true));
    }
}
