//! The values a model's outputs take and claims compute with: exact numbers, certified enclosures, truth values and labels.

use std::cmp::Ordering;
use std::fmt;

use crate::exact::interval::Interval;
use crate::exact::rational::pow2;
use crate::exact::{Algebraic, Rational, Value};

/// One value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    /// A real algebraic number, exact.
    Num(Algebraic),
    /// A number known to lie in a rational interval (an output the model certifies but cannot
    /// give exactly); a comparison it cannot settle is reported as undecided, never guessed.
    Enc(Interval),
    Bool(bool),
    /// A regime or strategy label.
    Label(String),
}

impl Val {
    pub fn rational(r: Rational) -> Val {
        Val::Num(Algebraic::from_rational(r))
    }

    /// A model's exact-or-certified value.
    pub fn from_value(v: &Value) -> Val {
        match v {
            Value::Exact(a) => Val::Num(a.clone()),
            Value::Enclosure(i) => Val::Enc(i.clone()),
        }
    }

    /// A kind name for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Val::Num(_) | Val::Enc(_) => "a number",
            Val::Bool(_) => "a truth value",
            Val::Label(_) => "a label",
        }
    }

    /// A rational enclosure of a number (exact numbers are narrowed to `2^-64` first).
    pub fn interval(&self) -> Option<Interval> {
        match self {
            Val::Num(a) => {
                if let Some(r) = a.as_rational() {
                    return Some(Interval::point(r.clone()));
                }
                let mut a = a.clone();
                a.refine(&pow2(-64));
                let (lo, hi) = a.interval();
                Some(Interval::new(lo, hi))
            }
            Val::Enc(i) => Some(i.clone()),
            _ => None,
        }
    }

    /// Numeric comparison: exact for exact numbers; for enclosures only when they are disjoint
    /// (`None` when an enclosure leaves it open).
    pub fn compare(&self, other: &Val) -> Option<Ordering> {
        if let (Val::Num(a), Val::Num(b)) = (self, other) {
            return Some(a.cmp(b));
        }
        let (a, b) = (self.interval()?, other.interval()?);
        if a.hi < b.lo {
            Some(Ordering::Less)
        } else if b.hi < a.lo {
            Some(Ordering::Greater)
        } else if a.lo == a.hi && b.lo == b.hi && a.lo == b.lo {
            Some(Ordering::Equal)
        } else {
            None
        }
    }
}

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::Num(a) => {
                let text = crate::exact::text::algebraic_text(a, "x");
                match a.as_rational() {
                    Some(_) => f.write_str(&text),
                    None => write!(
                        f,
                        "{text} {}",
                        crate::exact::text::decimal_text(&Value::Exact(a.clone()), 8)
                    ),
                }
            }
            Val::Enc(i) => write!(
                f,
                "{}",
                crate::exact::text::exact_text(&Value::Enclosure(i.clone()), "x", 10)
            ),
            Val::Bool(b) => write!(f, "{b}"),
            Val::Label(l) => write!(f, "\"{l}\""),
        }
    }
}
