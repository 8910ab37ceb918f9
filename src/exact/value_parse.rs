//! Text → exact number: a rational, a constant expression such as `(2+sqrt(13))/9`, or `root of P in (lo, hi)` — every form gpai prints a value in, read back exactly.
//!
//! A constant expression has numbers, `+ − × ÷`, whole powers `^k`, parentheses and `sqrt(…)`,
//! evaluated with exact algebraic arithmetic; nesting is bounded by [`Limit::Nesting`] before
//! it is followed.

use crate::limits::Limit;

use super::{Algebraic, parse_poly, parse_rational};

/// The exact number `text` writes.
pub fn parse_exact(text: &str) -> Result<Algebraic, String> {
    let text = text.trim();
    if let Ok(r) = parse_rational(text) {
        return Ok(Algebraic::from_rational(r));
    }
    if let Some(rest) = text.strip_prefix("root of ") {
        let (poly, interval) = rest
            .rsplit_once(" in ")
            .ok_or("expected `root of P in (lo, hi)`")?;
        let p = parse_poly(poly).map_err(|e| e.to_string())?;
        let inner = interval
            .trim()
            .strip_prefix('(')
            .and_then(|s| s.strip_suffix(')'))
            .ok_or("expected the interval as (lo, hi)")?;
        let (lo, hi) = inner.split_once(',').ok_or("expected (lo, hi)")?;
        let lo = parse_rational(lo).map_err(|e| e.to_string())?;
        let hi = parse_rational(hi).map_err(|e| e.to_string())?;
        return Algebraic::root_of(&p, &lo, &hi)
            .ok_or_else(|| format!("{poly} has no single root in ({lo}, {hi})"));
    }
    let shown = crate::error::shorten(text);
    let mut parser = Parser {
        text: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = parser.sum()?.ok_or_else(|| {
        format!("{shown:?} is no real number (a division by zero, or the square root of a negative number)")
    })?;
    parser.skip_spaces();
    if parser.at != parser.text.len() {
        return Err(format!("{shown:?} is not an exact number"));
    }
    Ok(value)
}

/// Recursive descent over the bytes; `None` values are well-formed text that is no real
/// number (a division by 0, the square root of a negative number).
struct Parser<'t> {
    text: &'t [u8],
    at: usize,
    depth: usize,
}

type Parsed = Result<Option<Algebraic>, String>;

impl Parser<'_> {
    fn skip_spaces(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    /// The next non-space byte, taken when it is `c`.
    fn eat(&mut self, c: u8) -> bool {
        self.skip_spaces();
        let found = self.text.get(self.at) == Some(&c);
        if found {
            self.at += 1;
        }
        found
    }

    fn deeper(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > Limit::Nesting.value() {
            let depth = format!("more than {}", Limit::Nesting.value());
            return Err(Limit::Nesting.exceeded(&depth, "the value").to_string());
        }
        Ok(())
    }

    fn sum(&mut self) -> Parsed {
        let mut value = self.product()?;
        loop {
            let add = if self.eat(b'+') {
                true
            } else if self.eat(b'-') {
                false
            } else {
                return Ok(value);
            };
            let term = self.product()?;
            value = match (value, term) {
                (Some(a), Some(b)) if add => Some(a.add(&b)),
                (Some(a), Some(b)) => Some(a.sub(&b)),
                _ => None,
            };
        }
    }

    fn product(&mut self) -> Parsed {
        let mut value = self.unary()?;
        loop {
            let multiply = if self.eat(b'*') {
                true
            } else if self.eat(b'/') {
                false
            } else {
                return Ok(value);
            };
            let factor = self.unary()?;
            value = match (value, factor) {
                (Some(a), Some(b)) if multiply => Some(a.mul(&b)),
                (Some(a), Some(b)) => a.div(&b),
                _ => None,
            };
        }
    }

    fn unary(&mut self) -> Parsed {
        if self.eat(b'-') {
            self.deeper()?;
            let value = self.unary()?.map(|a| a.neg());
            self.depth -= 1;
            return Ok(value);
        }
        self.power()
    }

    fn power(&mut self) -> Parsed {
        let base = self.atom()?;
        if !self.eat(b'^') {
            return Ok(base);
        }
        self.skip_spaces();
        let start = self.at;
        while self.text.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        let digits = std::str::from_utf8(&self.text[start..self.at]).expect("ASCII digits");
        let exponent: u32 = digits
            .parse()
            .ok()
            .filter(|k| *k as usize <= Limit::Degree.value())
            .ok_or_else(|| format!("expected a whole power up to {}", Limit::Degree.value()))?;
        Ok(base.map(|a| a.pow(exponent)))
    }

    fn atom(&mut self) -> Parsed {
        if self.eat(b'(') {
            self.deeper()?;
            let inner = self.sum()?;
            self.depth -= 1;
            return if self.eat(b')') {
                Ok(inner)
            } else {
                Err("expected ')'".into())
            };
        }
        self.skip_spaces();
        if self.text[self.at..].starts_with(b"sqrt") {
            self.at += "sqrt".len();
            if !self.eat(b'(') {
                return Err("expected '(' after sqrt".into());
            }
            self.deeper()?;
            let inner = self.sum()?;
            self.depth -= 1;
            if !self.eat(b')') {
                return Err("expected ')'".into());
            }
            return Ok(inner.and_then(|a| a.sqrt()));
        }
        let start = self.at;
        while self
            .text
            .get(self.at)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
        {
            self.at += 1;
        }
        // An exponent (`1e-3`) belongs to the number.
        if self.at > start && matches!(self.text.get(self.at), Some(b'e' | b'E')) {
            let mut end = self.at + 1;
            if matches!(self.text.get(end), Some(b'+' | b'-')) {
                end += 1;
            }
            if self.text.get(end).is_some_and(u8::is_ascii_digit) {
                self.at = end;
                while self.text.get(self.at).is_some_and(u8::is_ascii_digit) {
                    self.at += 1;
                }
            }
        }
        let number = std::str::from_utf8(&self.text[start..self.at]).expect("ASCII");
        if number.is_empty() {
            return Err("expected a number, '(' or sqrt(…)".into());
        }
        let r = parse_rational(number).map_err(|e| e.to_string())?;
        Ok(Some(Algebraic::from_rational(r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    #[test]
    fn every_printed_form_reads_back() {
        assert_eq!(
            parse_exact("3/8").unwrap(),
            Algebraic::from_rational(ratio(3, 8))
        );
        let nash = parse_exact("(2+sqrt(13))/9").unwrap();
        let expected = Algebraic::from_rational(ratio(13, 1))
            .sqrt()
            .unwrap()
            .add(&Algebraic::from_rational(ratio(2, 1)))
            .div(&Algebraic::from_rational(ratio(9, 1)))
            .unwrap();
        assert_eq!(nash, expected);
        assert_eq!(
            parse_exact("-sqrt(4)*2^3 - -1").unwrap(),
            Algebraic::from_rational(ratio(-15, 1))
        );
        assert_eq!(
            parse_exact("1.5e1").unwrap(),
            Algebraic::from_rational(ratio(15, 1))
        );
        let r = parse_exact("root of x^3 - x - 1 in (1, 2)").unwrap();
        assert!(r.as_rational().is_none());
    }

    #[test]
    fn what_is_no_exact_number_is_refused() {
        for text in ["NaN", "1/0", "sqrt(-1)", "x", "1 +", "(1", "2^x", "1 2", ""] {
            assert!(parse_exact(text).is_err(), "{text}");
        }
        let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(parse_exact(&deep).unwrap_err().contains("nesting"));
    }
}
