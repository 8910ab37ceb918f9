//! Bivariate polynomials over Q in (x, y): arithmetic, partial derivatives, substitution and interval evaluation.

use std::ops::{Add, Mul, Sub};

use super::Rational;
use super::interval::Interval;
use super::poly::Poly;

/// `Σ rows[j](x) · y^j`: a polynomial in `y` whose coefficients are polynomials in `x`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BiPoly {
    rows: Vec<Poly>,
}

impl BiPoly {
    /// The polynomial with these rows (coefficients of `y^0, y^1, …`).
    pub fn new(mut rows: Vec<Poly>) -> BiPoly {
        while rows.last().is_some_and(Poly::is_zero) {
            rows.pop();
        }
        BiPoly { rows }
    }

    /// The monomial `c · x^i · y^j`.
    pub fn monomial(c: Rational, i: usize, j: usize) -> BiPoly {
        let mut rows = vec![Poly::zero(); j];
        rows.push(Poly::monomial(c, i));
        BiPoly::new(rows)
    }

    /// The constant `c`.
    pub fn constant(c: Rational) -> BiPoly {
        BiPoly::monomial(c, 0, 0)
    }

    /// `x`.
    pub fn x() -> BiPoly {
        BiPoly::monomial(Rational::from(1), 1, 0)
    }

    /// `y`.
    pub fn y() -> BiPoly {
        BiPoly::monomial(Rational::from(1), 0, 1)
    }

    /// The rows, lowest power of `y` first.
    pub fn rows(&self) -> &[Poly] {
        &self.rows
    }

    /// Whether this is the zero polynomial.
    pub fn is_zero(&self) -> bool {
        self.rows.is_empty()
    }

    /// `c · p`.
    pub fn scale(&self, c: &Rational) -> BiPoly {
        BiPoly::new(self.rows.iter().map(|p| p.scale(c)).collect())
    }

    /// `p^e`.
    pub fn pow(&self, e: u32) -> BiPoly {
        (0..e).fold(BiPoly::constant(Rational::from(1)), |acc, _| &acc * self)
    }

    /// `∂p/∂x`.
    pub fn partial_x(&self) -> BiPoly {
        BiPoly::new(self.rows.iter().map(Poly::derivative).collect())
    }

    /// `∂p/∂y`.
    pub fn partial_y(&self) -> BiPoly {
        BiPoly::new(
            self.rows
                .iter()
                .enumerate()
                .skip(1)
                .map(|(j, p)| p.scale(&Rational::from(j as u64)))
                .collect(),
        )
    }

    /// `p(x, q(x))`.
    pub fn substitute_y(&self, q: &Poly) -> Poly {
        let mut acc = Poly::zero();
        for row in self.rows.iter().rev() {
            acc = &(&acc * q) + row;
        }
        acc
    }

    /// An enclosure of `{p(x, y)}` over the box `x ∈ xs`, `y ∈ ys`.
    pub fn eval_interval(&self, xs: &Interval, ys: &Interval) -> Interval {
        let mut acc = Interval::point(Rational::from(0));
        for row in self.rows.iter().rev() {
            acc = acc.mul(ys).add(&xs.eval(row));
        }
        acc
    }

    /// Whether every coefficient is `≥ 0` (then `p ≥ 0` wherever `x, y ≥ 0`).
    pub fn coefficients_nonnegative(&self) -> bool {
        self.rows
            .iter()
            .all(|row| row.coeffs().iter().all(|c| *c >= 0))
    }
}

impl Add for &BiPoly {
    type Output = BiPoly;
    fn add(self, other: &BiPoly) -> BiPoly {
        let n = self.rows.len().max(other.rows.len());
        let zero = Poly::zero();
        BiPoly::new(
            (0..n)
                .map(|j| self.rows.get(j).unwrap_or(&zero) + other.rows.get(j).unwrap_or(&zero))
                .collect(),
        )
    }
}

impl Sub for &BiPoly {
    type Output = BiPoly;
    fn sub(self, other: &BiPoly) -> BiPoly {
        self + &other.scale(&Rational::from(-1))
    }
}

impl Mul for &BiPoly {
    type Output = BiPoly;
    fn mul(self, other: &BiPoly) -> BiPoly {
        BiPoly::new(super::resultant::mul_y(&self.rows, &other.rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::int;

    #[test]
    fn derivatives_and_substitution() {
        // p = x^2 y + 3 y^2
        let p = &(&BiPoly::x().pow(2) * &BiPoly::y()) + &BiPoly::monomial(int(3), 0, 2);
        assert_eq!(p.partial_x(), (&BiPoly::x() * &BiPoly::y()).scale(&int(2)));
        assert_eq!(
            p.partial_y(),
            &BiPoly::x().pow(2) + &BiPoly::monomial(int(6), 0, 1)
        );
        // y = x + 1: x^3 + x^2 + 3x^2 + 6x + 3
        assert_eq!(
            p.substitute_y(&Poly::from_i64s(&[1, 1])),
            Poly::from_i64s(&[3, 6, 4, 1])
        );
        let enclosure = p.eval_interval(
            &Interval::new(int(1), int(2)),
            &Interval::new(int(0), int(1)),
        );
        assert_eq!(enclosure, Interval::new(int(0), int(7)));
        assert!(p.coefficients_nonnegative());
    }
}
