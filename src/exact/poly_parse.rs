//! A parser for polynomial text such as `x^5 - x - 1`, `3/2*x^2 - 2x + 1/7` or `(x^2-2)(x^2-3)`.
//!
//! Grammar: sums and differences of products; `*`, implicit multiplication before a variable or
//! a parenthesis, `/` by a non-zero number, `^` (or `**`) with a non-negative integer exponent,
//! unary signs, parentheses, and exact number literals (decimals with bounded exponents).
//! One variable, of any identifier name.

use crate::error::{Error, Result};

use super::Rational;
use super::number::scan_unsigned_decimal;
use super::poly::Poly;
use super::rational::{denominator, int_bits, int_to_i64, is_integer, numerator};
use crate::limits::Limit;

/// Highest degree a parsed polynomial may reach (`x^100000` is refused, not expanded): the
/// default of [`Limit::Degree`], which `GPAI_MAX_DEGREE` can change.
pub const MAX_DEGREE: usize = 1_000;

fn max_degree() -> usize {
    Limit::Degree.value()
}

/// Bits of a polynomial's largest coefficient (numerator and denominator together).
fn size_bits(p: &Poly) -> u64 {
    p.coeffs()
        .iter()
        .map(|c| int_bits(&numerator(c)) + int_bits(&denominator(c)))
        .max()
        .unwrap_or(0)
}

/// Parses polynomial text in one variable.
pub fn parse_poly(input: &str) -> Result<Poly> {
    parse_poly_named(input).map(|(poly, _)| poly)
}

/// Parses polynomial text and returns the variable's name (`x` when the text has none).
pub fn parse_poly_named(input: &str) -> Result<(Poly, String)> {
    let tokens = tokenize(input)?;
    let mut parser = Parser {
        input,
        tokens,
        pos: 0,
        variable: None,
        depth: 0,
    };
    let poly = parser.sum()?;
    let token = parser.peek();
    if token.kind != Kind::End {
        return Err(parser.error_at(
            token.column,
            format!("unexpected {}", token.kind.describe()),
        ));
    }
    Ok((poly, parser.variable.unwrap_or_else(|| "x".into())))
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Number(Rational),
    Ident(String),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    /// A power written in superscript digits (`²`), with the characters as typed.
    Superscript(u64, String),
    Open,
    Close,
    End,
}

impl Kind {
    fn describe(&self) -> String {
        match self {
            Kind::Number(n) => format!("number {n}"),
            Kind::Ident(name) => format!("name {name:?}"),
            Kind::Plus => "'+'".into(),
            Kind::Minus => "'-'".into(),
            Kind::Star => "'*'".into(),
            Kind::Slash => "'/'".into(),
            Kind::Caret => "'^'".into(),
            Kind::Superscript(_, written) => format!("superscript {written}"),
            Kind::Open => "'('".into(),
            Kind::Close => "')'".into(),
            Kind::End => "end of input".into(),
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    column: usize,
}

fn tokenize(input: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = input.chars().collect();
    let fail = |column: usize, reason: String| Error::InvalidPolynomial {
        input: crate::error::shorten(input),
        column,
        reason,
    };
    let mut tokens = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        let column = pos + 1;
        let single = match c {
            ' ' | '\t' | '\n' | '\r' => {
                pos += 1;
                continue;
            }
            '+' => Some(Kind::Plus),
            // The minus sign, multiplication dot and cross of typeset text mean what they look like.
            '-' | '\u{2212}' => Some(Kind::Minus),
            '\u{b7}' | '\u{d7}' | '\u{22c5}' => Some(Kind::Star),
            '*' if chars.get(pos + 1) == Some(&'*') => {
                pos += 1;
                Some(Kind::Caret)
            }
            '*' => Some(Kind::Star),
            '/' => Some(Kind::Slash),
            '^' => Some(Kind::Caret),
            '(' => Some(Kind::Open),
            ')' => Some(Kind::Close),
            _ => None,
        };
        if let Some(kind) = single {
            tokens.push(Token { kind, column });
            pos += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let (value, next) =
                scan_unsigned_decimal(&chars, pos).map_err(|e| fail(e.offset + 1, e.reason))?;
            tokens.push(Token {
                kind: Kind::Number(value),
                column,
            });
            pos = next;
        } else if superscript(c).is_some() {
            // Superscript digits are a power: x² is x^2, x¹⁰ is x^10.
            let start = pos;
            let mut digits = String::new();
            while let Some(d) = chars.get(pos).copied().and_then(superscript) {
                digits.push(d);
                pos += 1;
            }
            let value = digits.parse::<u64>().map_err(|_| {
                fail(
                    start + 1,
                    format!("superscript exponent {digits} is too large"),
                )
            })?;
            let written: String = chars[start..pos].iter().collect();
            tokens.push(Token {
                kind: Kind::Superscript(value, written),
                column,
            });
        } else if c.is_alphabetic() || c == '_' {
            let start = pos;
            while chars
                .get(pos)
                .is_some_and(|c| (c.is_alphanumeric() && superscript(*c).is_none()) || *c == '_')
            {
                pos += 1;
            }
            let name: String = chars[start..pos].iter().collect();
            if ["nan", "inf", "infinity"].contains(&name.to_ascii_lowercase().as_str()) {
                return Err(fail(
                    column,
                    format!("{name} is not a finite number; coefficients are exact rationals"),
                ));
            }
            tokens.push(Token {
                kind: Kind::Ident(name),
                column,
            });
        } else {
            return Err(fail(column, format!("unexpected character {c:?}")));
        }
    }
    tokens.push(Token {
        kind: Kind::End,
        column: chars.len() + 1,
    });
    Ok(tokens)
}

/// The digit a superscript digit stands for (`²` → `2`).
fn superscript(c: char) -> Option<char> {
    const DIGITS: [char; 10] = [
        '\u{2070}', '\u{b9}', '\u{b2}', '\u{b3}', '\u{2074}', '\u{2075}', '\u{2076}', '\u{2077}',
        '\u{2078}', '\u{2079}',
    ];
    DIGITS
        .iter()
        .position(|d| *d == c)
        .map(|k| char::from(b'0' + k as u8))
}

struct Parser<'a> {
    input: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    variable: Option<String>,
    /// Parentheses open at this point.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Token {
        self.tokens[self.pos].clone()
    }

    fn advance(&mut self) -> Token {
        let token = self.peek();
        if token.kind != Kind::End {
            self.pos += 1;
        }
        token
    }

    fn error_at(&self, column: usize, reason: String) -> Error {
        Error::InvalidPolynomial {
            input: crate::error::shorten(self.input),
            column,
            reason,
        }
    }

    /// An error when the coefficients a step would build pass [`Limit::CoefficientBits`]
    /// (checked before the step: `(2^1000)^1000` is refused, not computed).
    fn check_bits(&self, bits: u64, column: usize) -> Result<()> {
        let limit = Limit::CoefficientBits;
        if bits <= limit.value() as u64 {
            return Ok(());
        }
        Err(self.error_at(
            column,
            limit
                .exceeded(&format!("about {bits}"), "the coefficients")
                .to_string(),
        ))
    }

    /// The product, refused before it is computed when its degree would pass [`MAX_DEGREE`].
    fn multiply(&self, a: &Poly, b: &Poly, column: usize) -> Result<Poly> {
        let degree = a.degree().unwrap_or(0) + b.degree().unwrap_or(0);
        if degree > max_degree() {
            return Err(self.error_at(
                column,
                Limit::Degree
                    .exceeded(&degree.to_string(), "the power")
                    .to_string(),
            ));
        }
        let terms = a.coeffs().len().min(b.coeffs().len()).max(1) as u64;
        self.check_bits(
            size_bits(a) + size_bits(b) + 64 - terms.leading_zeros() as u64,
            column,
        )?;
        Ok(a * b)
    }

    fn sum(&mut self) -> Result<Poly> {
        let mut acc = self.product()?;
        loop {
            let token = self.peek();
            match token.kind {
                Kind::Plus => {
                    self.advance();
                    acc = &acc + &self.product()?;
                }
                Kind::Minus => {
                    self.advance();
                    acc = &acc - &self.product()?;
                }
                _ => return Ok(acc),
            }
        }
    }

    fn product(&mut self) -> Result<Poly> {
        let mut acc = self.unary()?;
        loop {
            let token = self.peek();
            match token.kind {
                Kind::Star => {
                    self.advance();
                    let factor = self.unary()?;
                    acc = self.multiply(&acc, &factor, token.column)?;
                }
                Kind::Ident(_) | Kind::Open => {
                    let factor = self.unary()?;
                    acc = self.multiply(&acc, &factor, token.column)?;
                }
                Kind::Slash => {
                    self.advance();
                    let divisor_column = self.peek().column;
                    let divisor = self.unary()?;
                    match divisor.degree() {
                        None => {
                            return Err(self.error_at(divisor_column, "division by zero".into()));
                        }
                        Some(0) => acc = acc.scale(&(Rational::from(1) / &divisor.coeffs()[0])),
                        Some(_) => {
                            return Err(self.error_at(
                                divisor_column,
                                "division by a polynomial; only division by a non-zero number is allowed".into(),
                            ));
                        }
                    }
                }
                _ => return Ok(acc),
            }
        }
    }

    /// Signs are read in a loop, not by recursion: `------x` cannot overflow the stack.
    fn unary(&mut self) -> Result<Poly> {
        let mut negative = false;
        loop {
            match self.peek().kind {
                Kind::Minus => negative = !negative,
                Kind::Plus => {}
                _ => break,
            }
            self.advance();
        }
        let value = self.power()?;
        Ok(if negative { -&value } else { value })
    }

    fn power(&mut self) -> Result<Poly> {
        let base = self.atom()?;
        let caret = self.peek();
        let token = match caret.kind {
            // x² is its own power: the superscript is the exponent.
            Kind::Superscript(..) => self.advance(),
            Kind::Caret => {
                self.advance();
                self.advance()
            }
            _ => return Ok(base),
        };
        let exponent = match &token.kind {
            Kind::Number(n) if is_integer(n) && *n >= 0 && caret.kind == Kind::Caret => {
                int_to_i64(&numerator(n))
                    .and_then(|e| u32::try_from(e).ok())
                    .filter(|&e| e as usize <= max_degree())
            }
            Kind::Superscript(e, _) if caret.kind != Kind::Caret => u32::try_from(*e)
                .ok()
                .filter(|&e| e as usize <= max_degree()),
            _ => {
                return Err(self.error_at(
                    token.column,
                    format!(
                        "expected a non-negative integer exponent, found {}",
                        token.kind.describe()
                    ),
                ));
            }
        };
        let Some(exponent) = exponent else {
            return Err(self.error_at(
                token.column,
                Limit::Degree
                    .exceeded(
                        token.kind.describe().trim_start_matches("number "),
                        "the exponent",
                    )
                    .to_string(),
            ));
        };
        let degree = base.degree().unwrap_or(0) * exponent as usize;
        if degree > max_degree() {
            return Err(self.error_at(
                caret.column,
                Limit::Degree
                    .exceeded(&degree.to_string(), "the power")
                    .to_string(),
            ));
        }
        // Coefficients of p^e grow by about e·bits(p) plus the multinomial's e·log2(terms).
        let terms = base.coeffs().len().max(1) as u64;
        let per_factor = size_bits(&base) + 64 - terms.leading_zeros() as u64;
        self.check_bits(per_factor.saturating_mul(u64::from(exponent)), caret.column)?;
        Ok(base.pow(exponent))
    }

    fn atom(&mut self) -> Result<Poly> {
        let token = self.advance();
        match token.kind {
            Kind::Number(value) => Ok(Poly::constant(value)),
            Kind::Ident(name) => match &self.variable {
                Some(known) if *known != name => Err(self.error_at(
                    token.column,
                    format!("a second variable {name:?}; the polynomial is in {known:?}"),
                )),
                _ => {
                    self.variable = Some(name);
                    Ok(Poly::x())
                }
            },
            Kind::Open => {
                self.depth += 1;
                if self.depth > Limit::Nesting.value() {
                    return Err(self.error_at(
                        token.column,
                        Limit::Nesting
                            .exceeded(
                                &format!("more than {}", Limit::Nesting.value()),
                                "parentheses",
                            )
                            .to_string(),
                    ));
                }
                let inner = self.sum()?;
                self.depth -= 1;
                let close = self.advance();
                if close.kind != Kind::Close {
                    return Err(self.error_at(
                        close.column,
                        format!("expected ')', found {}", close.kind.describe()),
                    ));
                }
                Ok(inner)
            }
            other => Err(self.error_at(
                token.column,
                format!(
                    "expected a number, a variable or '(', found {}",
                    other.describe()
                ),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    fn check(input: &str, expected: Poly) {
        assert_eq!(parse_poly(input).unwrap(), expected, "{input}");
    }

    fn check_err(input: &str, column: usize, fragment: &str) {
        match parse_poly(input) {
            Err(Error::InvalidPolynomial {
                column: c, reason, ..
            }) => {
                assert_eq!(c, column, "{input}: {reason}");
                assert!(reason.contains(fragment), "{input}: {reason}");
            }
            other => panic!("{input}: expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn accepted_texts() {
        check("x^5 - x - 1", Poly::from_i64s(&[-1, -1, 0, 0, 0, 1]));
        check(
            "3/2*x^2 - 2x + 1/7",
            Poly::new(vec![ratio(1, 7), int(-2), ratio(3, 2)]),
        );
        check("(x-1)(x+1)", Poly::from_i64s(&[-1, 0, 1]));
        check("-x^2", Poly::from_i64s(&[0, 0, -1]));
        check(
            "t**3 + 2.5e-1 t",
            Poly::new(vec![int(0), ratio(1, 4), int(0), int(1)]),
        );
        check(
            "(x^2 - 2) / 4",
            Poly::new(vec![ratio(-1, 2), int(0), ratio(1, 4)]),
        );
        check("7", Poly::from_i64s(&[7]));
        check("2(x+1)^2", Poly::from_i64s(&[2, 4, 2]));
        // Typeset text: superscript powers, the minus sign, the multiplication dot.
        check("x²-2", Poly::from_i64s(&[-2, 0, 1]));
        check("x¹⁰ − 3·x³", {
            let mut c = vec![0; 11];
            c[10] = 1;
            c[3] = -3;
            Poly::from_i64s(&c)
        });
        check("α² + 1", Poly::from_i64s(&[1, 0, 1]));
    }

    #[test]
    fn refused_texts_point_at_the_column() {
        check_err("x^2 +", 6, "expected a number, a variable or '('");
        check_err("1/0", 3, "division by zero");
        check_err("NaN", 1, "not a finite number");
        check_err("1e999999999", 3, "exponent 999999999 is outside");
        check_err("x^-1", 3, "non-negative integer exponent");
        check_err("x^1/2 + y", 9, "second variable");
        check_err("x / (x+1)", 5, "division by a polynomial");
        check_err("x^1001", 3, "beyond the limit of 1000");
        check_err("(x+1)^500 * (x-1)^501", 11, "beyond the limit");
        check_err("(x+1", 5, "expected ')'");
        check_err("x # 2", 3, "unexpected character '#'");
        check_err("2 3", 3, "unexpected number 3");
        check_err("x⁻¹", 2, "unexpected character '⁻'");
        check_err("x²²²²²²²²²²²²²²²²²²²²²", 2, "too large");
        check_err("x^² - 4", 3, "found superscript ²");
        check_err("x^1⁰ - 1", 4, "unexpected superscript ⁰");
        check_err("x^2 ≥ 0", 5, "unexpected character '≥'");
        // Limits, each refused before the work.
        let deep = format!("{}x{}", "(".repeat(5000), ")".repeat(5000));
        check_err(&deep, 201, "GPAI_MAX_NESTING");
        check_err("(2^1000)^1000*x - 1", 9, "GPAI_MAX_COEFFICIENT_BITS");
        check(
            &format!("{}x", "-".repeat(100_001)),
            Poly::from_i64s(&[0, -1]),
        );
    }
}
