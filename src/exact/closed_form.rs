//! Closed forms: rationals as fractions, quadratic irrationals as `(a+b*sqrt(m))/c`, found and proved exactly.
//!
//! A real root `α` of a primitive integer polynomial `P` is quadratic exactly when some other
//! real root `β` of `P` makes `α + β` and `α β` rational; both then have denominators dividing
//! the leading coefficient `L` of `P`, so narrowing the enclosures below `1/L²` leaves one
//! candidate each, which is then checked by exact division. The search is complete, and a form
//! is only printed after the check.

use std::cmp::Ordering;
use std::fmt;

use super::algebraic::{Algebraic, Repr, Root};
use super::descartes::{Isolated, isolate_square_free};
use super::interval::Interval;
use super::modular::no_factor_of_degree_one_or_two;
use super::poly::Poly;
use super::rational::{
    abs, denominator, from_integer, int_abs, int_exact_sqrt, int_gcd, integer, numerator, one,
    simplest_between,
};
use super::{Integer, Rational};

/// The number `(a + b·sqrt(radicand)) / denominator` with `radicand > 1` free of small square
/// factors, `b ≠ 0`, `denominator > 0` and `gcd(a, b, denominator) = 1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuadraticSurd {
    pub a: Integer,
    pub b: Integer,
    pub radicand: Integer,
    pub denominator: Integer,
}

impl Algebraic {
    /// The exact closed form when the number is rational (`-3/8`) or quadratic (`(2+sqrt(13))/9`).
    pub fn closed_form(&self) -> Option<String> {
        match &self.repr {
            Repr::Rational(r) => Some(r.to_string()),
            Repr::Root(_) => self.quadratic().map(|q| q.to_string()),
        }
    }

    /// The closed form as LaTeX (`\frac{2+\sqrt{13}}{9}`), when there is one.
    pub fn closed_form_latex(&self) -> Option<String> {
        match &self.repr {
            Repr::Rational(r) => Some(rational_latex(r)),
            Repr::Root(_) => self.quadratic().map(|q| q.to_latex()),
        }
    }

    /// The number as a quadratic surd when its minimal polynomial has degree 2.
    pub fn quadratic(&self) -> Option<QuadraticSurd> {
        let Repr::Root(root) = &self.repr else {
            return None;
        };
        let (sum, product) = conjugate_sum_and_product(self, root)?;
        let half_sum = &sum / Rational::from(2);
        let discriminant = &sum * &sum - Rational::from(4) * &product;
        let plus = self.cmp_rational(&half_sum) == Ordering::Greater;
        Some(QuadraticSurd::new(&sum, &discriminant, plus))
    }
}

impl Algebraic {
    /// The same number with every rational and quadratic factor it is not a root of divided out
    /// of its defining polynomial (found from the other real roots, each division checked
    /// exactly). Resultants often carry such spurious factors; this shortens the description.
    pub fn without_small_factors(&self) -> Algebraic {
        let Repr::Root(root) = &self.repr else {
            return self.clone();
        };
        if no_factor_of_degree_one_or_two(&root.ints) {
            return self.clone();
        }
        let mut poly = root.poly.clone();
        for other in isolate_square_free(&root.poly) {
            let factor = match other {
                Isolated::Exact(r) => Poly::new(vec![-r, one()]),
                Isolated::Open(lo, hi) => {
                    if self.cmp_rational(&lo) == Ordering::Greater
                        && self.cmp_rational(&hi) == Ordering::Less
                    {
                        continue; // the number itself
                    }
                    let beta = Algebraic::from_isolated(&root.poly, lo, hi);
                    if let Some(r) = beta.as_rational() {
                        Poly::new(vec![-r.clone(), one()])
                    } else if let Some(q) = beta.quadratic() {
                        q.minimal_poly()
                    } else {
                        continue;
                    }
                }
            };
            if factor.sign_at(&root.lo) != factor.sign_at(&root.hi) {
                continue; // vanishes at the number itself
            }
            if let Some((quotient, rest)) = poly.div_rem(&factor)
                && rest.is_zero()
            {
                poly = quotient;
            }
        }
        Algebraic::root_of(&poly, &root.lo, &root.hi).unwrap_or_else(|| self.clone())
    }
}

/// `α + β` and `α β` for the real conjugate `β` of an irrational quadratic root, if there is one.
fn conjugate_sum_and_product(value: &Algebraic, root: &Root) -> Option<(Rational, Rational)> {
    let degree = root.poly.degree()?;
    if degree < 2 || (degree > 2 && no_factor_of_degree_one_or_two(&root.ints)) {
        return None;
    }
    if let [c, b, a] = root.ints.as_slice() {
        // An irrational root of `a x² + b x + c` (a rational one is stored as a rational): its
        // conjugate is the other root, so Vieta gives both without isolating it.
        let (a, b, c) = (
            from_integer(a.clone()),
            from_integer(b.clone()),
            from_integer(c.clone()),
        );
        return Some((-(&b / &a), &c / &a));
    }
    let lc = int_abs(root.ints.last()?);
    let separation = one() / from_integer(&lc * &lc);
    for other in isolate_square_free(&root.poly) {
        let Isolated::Open(lo, hi) = other else {
            continue; // a rational root cannot be the conjugate of an irrational one
        };
        if value.cmp_rational(&lo) == Ordering::Greater && value.cmp_rational(&hi) == Ordering::Less
        {
            continue; // the number itself
        }
        // A rational root cannot be the conjugate; from_isolated decides rationality exactly.
        let Repr::Root(mut beta) = Algebraic::from_isolated(&root.poly, lo, hi).repr else {
            continue;
        };
        let mut alpha = root.clone();
        let (sum, product) = loop {
            let a = Interval::new(alpha.lo.clone(), alpha.hi.clone());
            let b = Interval::new(beta.lo.clone(), beta.hi.clone());
            let (sum, product) = (a.add(&b), a.mul(&b));
            if sum.width() < separation && product.width() < separation {
                break (sum, product);
            }
            // Widths below separation / (4 (1 + max |end|)) settle both; each pass at least
            // halves them, so the loop ends even if the estimate were short.
            let magnitude = [&alpha.lo, &alpha.hi, &beta.lo, &beta.hi]
                .into_iter()
                .map(abs)
                .max()
                .expect("four ends");
            let target = &separation / (Rational::from(4) * (one() + magnitude));
            for root in [&mut alpha, &mut beta] {
                let half = root.width() / Rational::from(2);
                root.refine_to(&(&target).min(&half).clone());
            }
        };
        let s = simplest_between(&sum.lo, &sum.hi);
        let p = simplest_between(&product.lo, &product.hi);
        if denominator(&s) > lc || denominator(&p) > lc {
            continue;
        }
        let quadratic = Poly::new(vec![p.clone(), -s.clone(), one()]);
        let divides = root.poly.rem(&quadratic).is_zero();
        if divides && quadratic.sign_at(&root.lo) != quadratic.sign_at(&root.hi) {
            return Some((s, p));
        }
    }
    None
}

impl QuadraticSurd {
    /// `(c·x − a)² − b²·m`, the minimal polynomial up to a constant.
    pub fn minimal_poly(&self) -> Poly {
        let c = from_integer(self.denominator.clone());
        let a = from_integer(self.a.clone());
        let b = from_integer(self.b.clone());
        let m = from_integer(self.radicand.clone());
        Poly::new(vec![
            &a * &a - &b * &b * m,
            Rational::from(-2) * &a * &c,
            &c * &c,
        ])
    }

    /// `sum/2 ± sqrt(discriminant)/2` for a positive, non-square rational discriminant.
    fn new(sum: &Rational, discriminant: &Rational, plus: bool) -> QuadraticSurd {
        // sqrt(N/M) = sqrt(N M) / M, and N M = k² m.
        let (n, m) = (numerator(discriminant), denominator(discriminant));
        let (k, radicand) = split_square(&(&n * &m));
        let (sn, sd) = (numerator(sum), denominator(sum));
        let a = &sn * &m;
        let b = if plus { &k * &sd } else { -(&k * &sd) };
        let c = integer(2) * &sd * &m;
        let g = int_gcd(&int_gcd(&a, &b), &c);
        QuadraticSurd {
            a: a / &g,
            b: b / &g,
            radicand,
            denominator: c / &g,
        }
    }

    /// LaTeX: `\frac{2+\sqrt{13}}{9}`.
    pub fn to_latex(&self) -> String {
        let numerator = self.numerator_text(|m| format!("\\sqrt{{{m}}}"), "");
        if self.denominator == 1 {
            numerator
        } else {
            format!("\\frac{{{numerator}}}{{{}}}", self.denominator)
        }
    }

    fn numerator_text(&self, sqrt: impl Fn(&Integer) -> String, times: &str) -> String {
        let root = sqrt(&self.radicand);
        let magnitude = int_abs(&self.b);
        let surd = if magnitude == 1 {
            root
        } else {
            format!("{magnitude}{times}{root}")
        };
        let negative = self.b < 0;
        match (self.a == 0, negative) {
            (true, false) => surd,
            (true, true) => format!("-{surd}"),
            (false, false) => format!("{}+{surd}", self.a),
            (false, true) => format!("{}-{surd}", self.a),
        }
    }
}

impl fmt::Display for QuadraticSurd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let numerator = self.numerator_text(|m| format!("sqrt({m})"), "*");
        if self.denominator == 1 {
            f.write_str(&numerator)
        } else if self.a == 0 {
            write!(f, "{numerator}/{}", self.denominator)
        } else {
            write!(f, "({numerator})/{}", self.denominator)
        }
    }
}

/// `x = k² m` with `m` free of square factors below 10⁵ (and not itself a square).
fn split_square(x: &Integer) -> (Integer, Integer) {
    let mut k = integer(1);
    let mut m = x.clone();
    let mut d = integer(2);
    let limit = integer(100_000);
    while d <= limit && &d * &d <= m {
        let square = &d * &d;
        while (&m % &square) == 0 {
            m /= &square;
            k *= &d;
        }
        d += integer(1);
    }
    if let Some(r) = int_exact_sqrt(&m) {
        k *= &r;
        m = integer(1);
    }
    (k, m)
}

fn rational_latex(r: &Rational) -> String {
    let (n, d) = (numerator(r), denominator(r));
    match (d == 1, n < 0) {
        (true, _) => n.to_string(),
        (false, false) => format!("\\frac{{{n}}}{{{d}}}"),
        (false, true) => format!("-\\frac{{{}}}{{{d}}}", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::int;

    fn root(coeffs: &[i64], lo: i64, hi: i64) -> Algebraic {
        Algebraic::root_of(&Poly::from_i64s(coeffs), &int(lo), &int(hi)).unwrap()
    }

    #[test]
    fn small_factors_of_the_defining_polynomial_are_divided_out() {
        // (x^2 - 2)(x - 3)(x^3 - x - 1): the plastic number keeps only x^3 - x - 1.
        let p = &(&Poly::from_i64s(&[-2, 0, 1]) * &Poly::from_i64s(&[-3, 1]))
            * &Poly::from_i64s(&[-1, -1, 0, 1]);
        let x = Algebraic::root_of(&p, &Rational::from(1), &crate::exact::rational::ratio(7, 5))
            .unwrap();
        let reduced = x.without_small_factors();
        assert_eq!(reduced, x);
        assert_eq!(reduced.defining_poly(), Poly::from_i64s(&[-1, -1, 0, 1]));
        // A quadratic root is never divided by its own factor.
        let s = root(&[-2, 0, 1], 1, 2).without_small_factors();
        assert_eq!(s.defining_poly(), Poly::from_i64s(&[-2, 0, 1]));
    }

    #[test]
    fn quadratic_roots_print_with_radicals() {
        // 9x^2 - 4x - 1: the Nash bargain (2+sqrt(13))/9 of the fine-tuning game with c0=1, c1=2.
        assert_eq!(
            root(&[-1, -4, 9], 0, 1).closed_form().unwrap(),
            "(2+sqrt(13))/9"
        );
        assert_eq!(
            root(&[-1, -4, 9], -1, 0).closed_form().unwrap(),
            "(2-sqrt(13))/9"
        );
        // 3x^2 - 1: 1/sqrt(3).
        assert_eq!(root(&[-1, 0, 3], 0, 1).closed_form().unwrap(), "sqrt(3)/3");
        assert_eq!(
            root(&[-12, 0, 1], -4, 0).closed_form().unwrap(),
            "-2*sqrt(3)"
        );
        assert_eq!(
            root(&[-1, -1, 1], 1, 2).closed_form().unwrap(),
            "(1+sqrt(5))/2"
        );
        assert_eq!(
            root(&[-1, -4, 9], 0, 1).closed_form_latex().unwrap(),
            "\\frac{2+\\sqrt{13}}{9}"
        );
        // Inside a product with a cubic factor: (x^2 - 2)(x^3 - 2).
        let p = &Poly::from_i64s(&[-2, 0, 1]) * &Poly::from_i64s(&[-2, 0, 0, 1]);
        assert_eq!(
            Algebraic::root_of(&p, &ratio_i(13, 10), &ratio_i(3, 2))
                .unwrap()
                .closed_form()
                .unwrap(),
            "sqrt(2)"
        );
        // A reducible cubic with a rational root beside the quadratic pair: (4x - 5)(4x^2 - 7x + 1).
        assert_eq!(
            root(&[-5, 39, -48, 16], 0, 1).closed_form().unwrap(),
            "(7-sqrt(33))/8"
        );
        // Built by arithmetic, with an isolating interval wider than the gap to its conjugate.
        let shifted = Algebraic::from_rational(ratio_i(-10, 3)).add(&root(&[-12, 0, 1], 0, 12));
        assert_eq!(shifted.closed_form().unwrap(), "(-10+6*sqrt(3))/3");
        // The real cube root of 2 is not quadratic.
        assert_eq!(root(&[-2, 0, 0, 1], 1, 2).closed_form(), None);
    }

    fn ratio_i(n: i64, d: i64) -> Rational {
        crate::exact::rational::ratio(n, d)
    }
}
