//! Univariate polynomials over Q: arithmetic, derivative, evaluation, division, gcd and square-free parts.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, Mul, Neg, Sub};

use super::rational::{abs, denominator, from_integer, int_gcd, numerator, one, sign, zero};
use super::{Integer, Rational};

/// A polynomial with rational coefficients, stored lowest degree first with no trailing zeros.
///
/// The zero polynomial has no coefficients and no degree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Poly {
    coeffs: Vec<Rational>,
}

impl Poly {
    /// The polynomial `Σ coeffs[i] x^i`.
    pub fn new(mut coeffs: Vec<Rational>) -> Poly {
        while coeffs.last().is_some_and(|c| *c == 0) {
            coeffs.pop();
        }
        Poly { coeffs }
    }

    /// The polynomial with these integer coefficients, lowest degree first.
    pub fn from_i64s(coeffs: &[i64]) -> Poly {
        Poly::new(coeffs.iter().map(|&c| Rational::from(c)).collect())
    }

    /// The zero polynomial.
    pub fn zero() -> Poly {
        Poly { coeffs: Vec::new() }
    }

    /// The constant polynomial `c`.
    pub fn constant(c: Rational) -> Poly {
        Poly::new(vec![c])
    }

    /// The polynomial `x`.
    pub fn x() -> Poly {
        Poly::new(vec![zero(), one()])
    }

    /// The monomial `c x^k`.
    pub fn monomial(c: Rational, k: usize) -> Poly {
        let mut coeffs = vec![zero(); k];
        coeffs.push(c);
        Poly::new(coeffs)
    }

    /// The monic polynomial `Π (x - r)` over the given roots (repeats give multiplicities).
    pub fn from_roots(roots: &[Rational]) -> Poly {
        roots.iter().fold(Poly::constant(one()), |p, r| {
            &p * &Poly::new(vec![-r.clone(), one()])
        })
    }

    /// The coefficients, lowest degree first (empty for zero).
    pub fn coeffs(&self) -> &[Rational] {
        &self.coeffs
    }

    /// The coefficient of `x^i` (zero beyond the degree).
    pub fn coeff(&self, i: usize) -> Rational {
        self.coeffs.get(i).cloned().unwrap_or_else(zero)
    }

    /// The degree, or `None` for the zero polynomial.
    pub fn degree(&self) -> Option<usize> {
        self.coeffs.len().checked_sub(1)
    }

    /// Whether this is the zero polynomial.
    pub fn is_zero(&self) -> bool {
        self.coeffs.is_empty()
    }

    /// Whether this is a constant (degree 0 or the zero polynomial).
    pub fn is_constant(&self) -> bool {
        self.coeffs.len() <= 1
    }

    /// The leading coefficient, or `None` for zero.
    pub fn leading(&self) -> Option<&Rational> {
        self.coeffs.last()
    }

    /// The value at `x`, by Horner's rule.
    pub fn eval(&self, x: &Rational) -> Rational {
        let mut acc = zero();
        for c in self.coeffs.iter().rev() {
            acc *= x;
            acc += c;
        }
        acc
    }

    /// The sign of the value at `x`.
    pub fn sign_at(&self, x: &Rational) -> Ordering {
        sign(&self.eval(x))
    }

    /// The derivative.
    pub fn derivative(&self) -> Poly {
        Poly::new(
            self.coeffs
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, c)| c * Rational::from(i as u64))
                .collect(),
        )
    }

    /// `c · p`.
    pub fn scale(&self, c: &Rational) -> Poly {
        Poly::new(self.coeffs.iter().map(|a| a * c).collect())
    }

    /// The monic multiple of `p` (zero stays zero).
    pub fn monic(&self) -> Poly {
        match self.leading() {
            Some(lc) => self.scale(&(one() / lc)),
            None => Poly::zero(),
        }
    }

    /// Quotient and remainder of Euclidean division, or `None` when dividing by zero.
    pub fn div_rem(&self, divisor: &Poly) -> Option<(Poly, Poly)> {
        let divisor_degree = divisor.degree()?;
        let lc = divisor.leading()?;
        let mut remainder = self.coeffs.clone();
        if remainder.len() <= divisor_degree {
            return Some((Poly::zero(), self.clone()));
        }
        let mut quotient = vec![zero(); remainder.len() - divisor_degree];
        for k in (0..quotient.len()).rev() {
            let factor = &remainder[k + divisor_degree] / lc;
            if factor != 0 {
                for (j, d) in divisor.coeffs.iter().enumerate() {
                    remainder[k + j] -= &factor * d;
                }
            }
            quotient[k] = factor;
        }
        remainder.truncate(divisor_degree);
        Some((Poly::new(quotient), Poly::new(remainder)))
    }

    /// The remainder of Euclidean division by a non-zero divisor.
    pub fn rem(&self, divisor: &Poly) -> Poly {
        self.div_rem(divisor)
            .expect("remainder by the zero polynomial")
            .1
    }

    /// The exact quotient by a non-zero divisor known to divide `self`.
    pub fn div_exact(&self, divisor: &Poly) -> Poly {
        let (q, r) = self
            .div_rem(divisor)
            .expect("division by the zero polynomial");
        debug_assert!(r.is_zero(), "div_exact with a remainder");
        q
    }

    /// The monic greatest common divisor (zero only when both are zero).
    pub fn gcd(&self, other: &Poly) -> Poly {
        if !self.is_constant()
            && !other.is_constant()
            && super::modular::coprime(
                &self.primitive_integer_coeffs(),
                &other.primitive_integer_coeffs(),
            )
        {
            return Poly::constant(one());
        }
        let (mut a, mut b) = (self.clone(), other.clone());
        while !b.is_zero() {
            let r = a.rem(&b);
            a = b;
            b = primitive_part(&r);
        }
        a.monic()
    }

    /// The inverse of `self` modulo `m`: `h` with `h·self ≡ 1 (mod m)`, when they are coprime.
    pub fn inverse_mod(&self, m: &Poly) -> Option<Poly> {
        // Extended Euclid on (m, self), tracking the coefficient of self.
        let (mut r0, mut r1) = (m.clone(), self.rem(m));
        let (mut t0, mut t1) = (Poly::zero(), Poly::constant(one()));
        while !r1.is_zero() {
            let (q, r) = r0.div_rem(&r1)?;
            let t = &t0 - &(&q * &t1);
            (r0, r1) = (r1, r);
            (t0, t1) = (t1, t);
        }
        if r0.degree() != Some(0) {
            return None;
        }
        let c = r0.coeff(0);
        Some(t0.scale(&(one() / c)).rem(m))
    }

    /// `p / gcd(p, p')`: the same roots, each once.
    pub fn square_free_part(&self) -> Poly {
        if self.is_constant() {
            return self.monic();
        }
        self.div_exact(&self.gcd(&self.derivative())).monic()
    }

    /// Yun's square-free factorization: monic, pairwise coprime, square-free factors with
    /// multiplicities, so that `p = lc · Π f_i^{m_i}`. Constants have no factors.
    pub fn square_free_factors(&self) -> Vec<(Poly, usize)> {
        let mut factors = Vec::new();
        if self.is_constant() {
            return factors;
        }
        let derivative = self.derivative();
        let a0 = self.gcd(&derivative);
        let mut b = self.div_exact(&a0);
        let mut c = derivative.div_exact(&a0);
        let mut d = &c - &b.derivative();
        let mut multiplicity = 1;
        while !b.is_constant() {
            let a = b.gcd(&d);
            b = b.div_exact(&a);
            c = d.div_exact(&a);
            d = &c - &b.derivative();
            if !a.is_constant() {
                factors.push((a.monic(), multiplicity));
            }
            multiplicity += 1;
        }
        factors
    }

    /// `p^e`, by repeated squaring.
    pub fn pow(&self, mut e: u32) -> Poly {
        let mut result = Poly::constant(one());
        let mut base = self.clone();
        while e > 0 {
            if e & 1 == 1 {
                result = &result * &base;
            }
            e >>= 1;
            if e > 0 {
                base = &base * &base;
            }
        }
        result
    }

    /// `p(q(x))`.
    pub fn compose(&self, q: &Poly) -> Poly {
        let mut acc = Poly::zero();
        for c in self.coeffs.iter().rev() {
            acc = &(&acc * q) + &Poly::constant(c.clone());
        }
        acc
    }

    /// `p(x + c)`.
    pub fn shift(&self, c: &Rational) -> Poly {
        self.compose(&Poly::new(vec![c.clone(), one()]))
    }

    /// `p(c · x)`.
    pub fn scale_var(&self, c: &Rational) -> Poly {
        let mut power = one();
        let mut coeffs = Vec::with_capacity(self.coeffs.len());
        for a in &self.coeffs {
            coeffs.push(a * &power);
            power *= c;
        }
        Poly::new(coeffs)
    }

    /// `p(-x)`.
    pub fn reflect(&self) -> Poly {
        self.scale_var(&Rational::from(-1))
    }

    /// `x^deg · p(1/x)`: the roots inverted (zero roots dropped).
    pub fn reverse(&self) -> Poly {
        let mut coeffs = self.coeffs.clone();
        coeffs.reverse();
        Poly::new(coeffs)
    }

    /// A positive rational multiple with coprime integer coefficients (signs, hence every sign
    /// evaluation, are unchanged). Zero gives an empty vector.
    pub fn primitive_integer_coeffs(&self) -> Vec<Integer> {
        primitive_integers(&self.coeffs)
    }

    /// The polynomial printed with another variable name.
    pub fn display_in<'a>(&'a self, variable: &'a str) -> impl fmt::Display + 'a {
        Displayed {
            poly: self,
            variable,
        }
    }
}

/// The positive multiple of `p` with coprime integer coefficients, as a polynomial.
pub fn primitive_part(p: &Poly) -> Poly {
    Poly::new(
        primitive_integers(&p.coeffs)
            .into_iter()
            .map(from_integer)
            .collect(),
    )
}

fn primitive_integers(coeffs: &[Rational]) -> Vec<Integer> {
    let mut lcm = Integer::from(1);
    for c in coeffs {
        let d = denominator(c);
        let g = int_gcd(&lcm, &d);
        lcm = &lcm * &d / g;
    }
    let scaled: Vec<Integer> = coeffs
        .iter()
        .map(|c| numerator(c) * (&lcm / denominator(c)))
        .collect();
    let content = scaled.iter().fold(Integer::from(0), |g, c| int_gcd(&g, c));
    if content == 0 {
        return Vec::new();
    }
    scaled.into_iter().map(|c| c / &content).collect()
}

struct Displayed<'a> {
    poly: &'a Poly,
    variable: &'a str,
}

impl fmt::Display for Displayed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.poly.is_zero() {
            return f.write_str("0");
        }
        let mut first = true;
        for (k, c) in self.poly.coeffs.iter().enumerate().rev() {
            if *c == 0 {
                continue;
            }
            let negative = *c < 0;
            match (first, negative) {
                (true, true) => f.write_str("-")?,
                (true, false) => {}
                (false, true) => f.write_str(" - ")?,
                (false, false) => f.write_str(" + ")?,
            }
            first = false;
            let magnitude = abs(c);
            let var = self.variable;
            match (k, magnitude == 1) {
                (0, _) => write!(f, "{magnitude}")?,
                (1, true) => write!(f, "{var}")?,
                (1, false) => write!(f, "{magnitude}*{var}")?,
                (_, true) => write!(f, "{var}^{k}")?,
                (_, false) => write!(f, "{magnitude}*{var}^{k}")?,
            }
        }
        Ok(())
    }
}

impl Poly {
    /// The polynomial as LaTeX in `variable`: exponents braced (`x^{10}`), products by
    /// juxtaposition, rational coefficients as `\frac`.
    pub fn latex_in(&self, variable: &str) -> String {
        if self.is_zero() {
            return "0".into();
        }
        let mut out = String::new();
        for (k, c) in self.coeffs.iter().enumerate().rev() {
            if *c == 0 {
                continue;
            }
            let negative = *c < 0;
            out.push_str(match (out.is_empty(), negative) {
                (true, true) => "-",
                (true, false) => "",
                (false, true) => " - ",
                (false, false) => " + ",
            });
            let magnitude = abs(c);
            let coefficient = if super::rational::is_integer(&magnitude) {
                magnitude.to_string()
            } else {
                format!(
                    "\\frac{{{}}}{{{}}}",
                    super::rational::numerator(&magnitude),
                    super::rational::denominator(&magnitude)
                )
            };
            let power = match k {
                0 => String::new(),
                1 => variable.to_string(),
                _ => format!("{variable}^{{{k}}}"),
            };
            match (k, magnitude == 1) {
                (0, _) => out.push_str(&coefficient),
                (_, true) => out.push_str(&power),
                (_, false) => out.push_str(&format!("{coefficient} {power}")),
            }
        }
        out
    }
}

impl fmt::Display for Poly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display_in("x").fmt(f)
    }
}

impl Add for &Poly {
    type Output = Poly;
    fn add(self, other: &Poly) -> Poly {
        let n = self.coeffs.len().max(other.coeffs.len());
        Poly::new((0..n).map(|i| self.coeff(i) + other.coeff(i)).collect())
    }
}

impl Sub for &Poly {
    type Output = Poly;
    fn sub(self, other: &Poly) -> Poly {
        let n = self.coeffs.len().max(other.coeffs.len());
        Poly::new((0..n).map(|i| self.coeff(i) - other.coeff(i)).collect())
    }
}

impl Mul for &Poly {
    type Output = Poly;
    fn mul(self, other: &Poly) -> Poly {
        if self.is_zero() || other.is_zero() {
            return Poly::zero();
        }
        let mut coeffs = vec![zero(); self.coeffs.len() + other.coeffs.len() - 1];
        for (i, a) in self.coeffs.iter().enumerate() {
            if *a == 0 {
                continue;
            }
            for (j, b) in other.coeffs.iter().enumerate() {
                coeffs[i + j] += a * b;
            }
        }
        Poly::new(coeffs)
    }
}

impl Neg for &Poly {
    type Output = Poly;
    fn neg(self) -> Poly {
        Poly::new(self.coeffs.iter().map(|c| -c).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_braces_exponents() {
        let p = &Poly::new(vec![
            Rational::from(-3),
            Rational::from(0),
            Rational::from_signeds(1, 2),
        ]) + &Poly::monomial(Rational::from(1), 10);
        assert_eq!(p.latex_in("x"), "x^{10} + \\frac{1}{2} x^{2} - 3");
    }

    #[test]
    fn inverse_modulo_a_coprime_polynomial() {
        let m = Poly::from_i64s(&[-2, 0, 0, 1]);
        let p = Poly::from_i64s(&[1, 1, 1]);
        let h = p.inverse_mod(&m).unwrap();
        assert_eq!((&h * &p).rem(&m), Poly::constant(Rational::from(1)));
        // A common factor: no inverse.
        let shared = &Poly::from_i64s(&[-1, 1]) * &Poly::from_i64s(&[3, 1]);
        assert!(shared.inverse_mod(&Poly::from_i64s(&[-1, 0, 1])).is_none());
    }
    use crate::exact::rational::{int, ratio};

    #[test]
    fn division_reconstructs_the_dividend() {
        let a = Poly::from_i64s(&[-1, 0, 3, 0, 2]);
        let b = Poly::from_i64s(&[1, -2, 5]);
        let (q, r) = a.div_rem(&b).unwrap();
        assert_eq!(&(&q * &b) + &r, a);
        assert!(r.degree().unwrap() < b.degree().unwrap());
        assert!(a.div_rem(&Poly::zero()).is_none());
    }

    #[test]
    fn gcd_and_square_free_factors() {
        let one_third = ratio(1, 3);
        let p = Poly::from_roots(&[int(1), int(1), int(1), int(2), int(2), one_third.clone()]);
        assert_eq!(
            p.square_free_part(),
            Poly::from_roots(&[one_third.clone(), int(1), int(2)])
        );
        assert_eq!(
            p.square_free_factors(),
            vec![
                (Poly::from_roots(&[one_third]), 1),
                (Poly::from_roots(&[int(2)]), 2),
                (Poly::from_roots(&[int(1)]), 3),
            ]
        );
        let q = Poly::from_roots(&[int(2), int(5)]);
        assert_eq!(p.gcd(&q), Poly::from_roots(&[int(2)]));
    }

    #[test]
    fn display_is_conventional() {
        let p = Poly::new(vec![ratio(1, 7), int(-2), ratio(3, 2)]);
        assert_eq!(p.to_string(), "3/2*x^2 - 2*x + 1/7");
        assert_eq!(
            Poly::from_i64s(&[-1, -1, 0, 0, 0, 1]).to_string(),
            "x^5 - x - 1"
        );
        assert_eq!(Poly::from_i64s(&[0, 0, -1]).to_string(), "-x^2");
        assert_eq!(Poly::zero().to_string(), "0");
    }

    #[test]
    fn substitutions() {
        let p = Poly::from_i64s(&[1, 2, 3]);
        assert_eq!(p.shift(&int(1)), Poly::from_i64s(&[6, 8, 3]));
        assert_eq!(p.reflect(), Poly::from_i64s(&[1, -2, 3]));
        assert_eq!(p.reverse(), Poly::from_i64s(&[3, 2, 1]));
        assert_eq!(p.derivative(), Poly::from_i64s(&[2, 6]));
        assert_eq!(p.eval(&ratio(1, 2)), ratio(11, 4));
        assert_eq!(
            Poly::new(vec![ratio(1, 2), ratio(-3, 4)]).primitive_integer_coeffs(),
            vec![Integer::from(2), Integer::from(-3)]
        );
    }
}
