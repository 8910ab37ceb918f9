//! Resultants: of two univariate polynomials, and in `y` of two bivariate ones by evaluation and interpolation.
//!
//! A bivariate polynomial is a slice of polynomials in `x`, indexed by the power of `y`.

use super::Rational;
use super::poly::Poly;
use super::rational::{one, pow, zero};

/// The resultant of `a` and `b` (zero when either is zero or they share a root).
pub fn resultant(a: &Poly, b: &Poly) -> Rational {
    let (mut a, mut b) = (a.clone(), b.clone());
    let mut acc = one();
    loop {
        let (Some(m), Some(n)) = (a.degree(), b.degree()) else {
            return zero();
        };
        let lc_b = b.leading().expect("non-zero").clone();
        if n == 0 {
            return acc * pow(&lc_b, m as u64);
        }
        let r = a.rem(&b);
        let Some(deg_r) = r.degree() else {
            return zero();
        };
        if (m * n) % 2 == 1 {
            acc = -acc;
        }
        acc *= pow(&lc_b, (m - deg_r) as u64);
        a = b;
        b = r;
    }
}

/// `Res_y(a, b)` as a polynomial in `x`, for bivariate `a` and `b` whose leading coefficients in
/// `y` are non-zero polynomials.
pub fn resultant_y(a: &[Poly], b: &[Poly]) -> Poly {
    let deg_y = |p: &[Poly]| p.len().saturating_sub(1);
    let deg_x = |p: &[Poly]| p.iter().filter_map(Poly::degree).max().unwrap_or(0);
    let bound = deg_y(a) * deg_x(b) + deg_y(b) * deg_x(a);
    let lead_a = a.last().expect("a non-empty bivariate polynomial");
    let lead_b = b.last().expect("a non-empty bivariate polynomial");
    let specialize = |p: &[Poly], x: &Rational| Poly::new(p.iter().map(|c| c.eval(x)).collect());
    let mut points = Vec::with_capacity(bound + 1);
    let mut values = Vec::with_capacity(bound + 1);
    let mut x = zero();
    while points.len() <= bound {
        // Points where a leading coefficient vanishes would change the formal degrees.
        if lead_a.eval(&x) != 0 && lead_b.eval(&x) != 0 {
            values.push(resultant(&specialize(a, &x), &specialize(b, &x)));
            points.push(x.clone());
        }
        x += one();
    }
    interpolate(&points, &values)
}

/// The polynomial of degree below `points.len()` through `(points[i], values[i])` (Newton form).
pub fn interpolate(points: &[Rational], values: &[Rational]) -> Poly {
    let n = points.len();
    let mut divided = values.to_vec();
    for level in 1..n {
        for i in (level..n).rev() {
            divided[i] = (&divided[i] - &divided[i - 1]) / (&points[i] - &points[i - level]);
        }
    }
    let mut result = Poly::zero();
    for i in (0..n).rev() {
        let factor = Poly::new(vec![-points[i].clone(), one()]);
        result = &(&result * &factor) + &Poly::constant(divided[i].clone());
    }
    result
}

/// The product of two bivariate polynomials.
pub fn mul_y(a: &[Poly], b: &[Poly]) -> Vec<Poly> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Poly::zero(); a.len() + b.len() - 1];
    for (i, p) in a.iter().enumerate() {
        for (j, q) in b.iter().enumerate() {
            out[i + j] = &out[i + j] + &(p * q);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::int;

    #[test]
    fn resultant_of_linear_factors_is_the_product_of_differences() {
        // Res(x - 2, x - 5) = 2 - 5... in the convention lc(a)^n Π b(α) = b(2) = -3.
        assert_eq!(
            resultant(&Poly::from_i64s(&[-2, 1]), &Poly::from_i64s(&[-5, 1])),
            int(-3)
        );
        // Res(x^2 - 2, x^2 - 3) = Π over roots of a of b(α) = (2 - 3)^2 = 1.
        assert_eq!(
            resultant(&Poly::from_i64s(&[-2, 0, 1]), &Poly::from_i64s(&[-3, 0, 1])),
            int(1)
        );
        assert_eq!(
            resultant(&Poly::from_i64s(&[-1, 0, 1]), &Poly::from_i64s(&[1, 1])),
            int(0)
        );
    }

    #[test]
    fn interpolation_recovers_a_polynomial() {
        let p = Poly::from_i64s(&[3, -1, 0, 2]);
        let points: Vec<Rational> = (0..4).map(int).collect();
        let values: Vec<Rational> = points.iter().map(|x| p.eval(x)).collect();
        assert_eq!(interpolate(&points, &values), p);
    }
}
