//! Arithmetic on real algebraic numbers: defining polynomials by resultants, the right root by interval enclosure.
//!
//! For `α` a root of `p` and `β` a root of `q`, `α + β` is a root of `Res_y(p(y), q(x - y))`,
//! `α · β` of `Res_y(p(y), y^m q(x / y))` and `f(α)` of `Res_y(p(y), x - f(y))`. Of that
//! polynomial's roots, the one meant is the only one inside an enclosure computed from the
//! operands' intervals, narrowed until Descartes' rule proves it alone.

use std::cmp::Ordering;

use super::Rational;
use super::algebraic::{Algebraic, Repr};
use super::descartes::descartes_bound;
use super::interval::Interval;
use super::poly::Poly;
use super::rational::{one, zero};
use super::resultant::{mul_y, resultant_y};
use crate::error::Result;
use crate::limits::Limit;

/// The degree of the resultant `a ∘ b` builds (the product of the degrees; a rational operand
/// needs none), checked against [`Limit::AlgebraicDegree`] before it is computed.
fn check_product(a: &Algebraic, b: &Algebraic, what: &str) -> Result<()> {
    let degree = |x: &Algebraic| match &x.repr {
        Repr::Rational(_) => 0,
        Repr::Root(root) => root.poly.degree().unwrap_or(0),
    };
    let (da, db) = (degree(a), degree(b));
    if da == 0 || db == 0 {
        return Ok(());
    }
    Limit::AlgebraicDegree.check(
        da.saturating_mul(db),
        &format!("{what} (algebraic numbers of degrees {da} and {db} combined)"),
    )
}

impl Algebraic {
    /// `-self`.
    pub fn neg(&self) -> Algebraic {
        match &self.repr {
            Repr::Rational(r) => Algebraic::from_rational(-r),
            Repr::Root(root) => {
                Algebraic::irrational_root(&root.poly.reflect(), -&root.hi, -&root.lo)
            }
        }
    }

    /// `self + other`.
    pub fn add(&self, other: &Algebraic) -> Algebraic {
        match (&self.repr, &other.repr) {
            (Repr::Rational(a), Repr::Rational(b)) => Algebraic::from_rational(a + b),
            (Repr::Root(root), Repr::Rational(q)) | (Repr::Rational(q), Repr::Root(root)) => {
                Algebraic::irrational_root(&root.poly.shift(&-q), &root.lo + q, &root.hi + q)
            }
            (Repr::Root(a), Repr::Root(b)) => {
                // q(x - y) as a polynomial in y with coefficients in Q[x].
                let x_minus_y = [Poly::x(), Poly::constant(Rational::from(-1))];
                let mut shifted: Vec<Poly> = Vec::new();
                for c in b.poly.coeffs().iter().rev() {
                    shifted = add_y(&mul_y(&shifted, &x_minus_y), &[Poly::constant(c.clone())]);
                }
                let candidates = resultant_y(&constant_in_x(&a.poly), &shifted);
                select_root(&candidates, self, other, |x, y| x.add(y))
            }
        }
    }

    /// `self + other`, refused before the resultant when its degree (the product of the
    /// operands' degrees) is beyond [`Limit::AlgebraicDegree`]; `what` names the sum.
    pub fn checked_add(&self, other: &Algebraic, what: &str) -> Result<Algebraic> {
        check_product(self, other, what)?;
        Ok(self.add(other))
    }

    /// `self · other`, refused like [`Algebraic::checked_add`].
    pub fn checked_mul(&self, other: &Algebraic, what: &str) -> Result<Algebraic> {
        check_product(self, other, what)?;
        Ok(self.mul(other))
    }

    /// `self - other`.
    pub fn sub(&self, other: &Algebraic) -> Algebraic {
        self.add(&other.neg())
    }

    /// `self · other`.
    pub fn mul(&self, other: &Algebraic) -> Algebraic {
        match (&self.repr, &other.repr) {
            (Repr::Rational(a), Repr::Rational(b)) => Algebraic::from_rational(a * b),
            (Repr::Root(_), Repr::Rational(q)) | (Repr::Rational(q), Repr::Root(_)) if *q == 0 => {
                Algebraic::from_rational(Rational::from(0))
            }
            (Repr::Root(root), Repr::Rational(q)) | (Repr::Rational(q), Repr::Root(root)) => {
                let (lo, hi) = (&root.lo * q, &root.hi * q);
                let (lo, hi) = if *q > 0 { (lo, hi) } else { (hi, lo) };
                Algebraic::irrational_root(&root.poly.scale_var(&(one() / q)), lo, hi)
            }
            (Repr::Root(a), Repr::Root(b)) => {
                // y^m q(x / y) = Σ q_j x^j y^(m - j); q(0) ≠ 0 since b is irrational and q
                // square-free, after dividing out a factor x.
                let q = without_zero_root(&b.poly);
                let m = q.degree().expect("non-constant");
                let homogenized: Vec<Poly> = (0..=m)
                    .map(|k| Poly::monomial(q.coeff(m - k), m - k))
                    .collect();
                let candidates = resultant_y(&constant_in_x(&a.poly), &homogenized);
                select_root(&candidates, self, other, |x, y| x.mul(y))
            }
        }
    }

    /// `1 / self`, or `None` for zero.
    pub fn recip(&self) -> Option<Algebraic> {
        match &self.repr {
            Repr::Rational(r) if *r == 0 => None,
            Repr::Rational(r) => Some(Algebraic::from_rational(one() / r)),
            Repr::Root(root) => {
                let mut root = root.clone();
                // Narrow until zero is outside the closed interval (zero is not the root).
                while root.lo <= 0 && root.hi >= 0 {
                    root.bisect();
                }
                Some(Algebraic::irrational_root(
                    &root.poly.reverse(),
                    one() / &root.hi,
                    one() / &root.lo,
                ))
            }
        }
    }

    /// `self / other`, or `None` when `other` is zero.
    pub fn div(&self, other: &Algebraic) -> Option<Algebraic> {
        other.recip().map(|r| self.mul(&r))
    }

    /// `c·self`, exactly and cheaply: the defining polynomial is rescaled (`p(T/c)`) and the
    /// interval mapped, with no resultant and no new search for a rational root (`c·α` is
    /// rational exactly when `α` is).
    pub fn scale(&self, c: &Rational) -> Algebraic {
        let root = match &self.repr {
            Repr::Rational(r) => return Algebraic::from_rational(r * c),
            Repr::Root(root) => root,
        };
        if *c == 0 {
            return Algebraic::from_rational(zero());
        }
        let (a, b) = (&root.lo * c, &root.hi * c);
        let (lo, hi) = if *c > 0 { (a, b) } else { (b, a) };
        Algebraic::irrational_root(&root.poly.scale_var(&(one() / c)), lo, hi)
    }

    /// The non-negative square root, exactly (`None` for a negative number).
    pub fn sqrt(&self) -> Option<Algebraic> {
        match self.sign() {
            Ordering::Less => return None,
            Ordering::Equal => return Some(Algebraic::from_rational(zero())),
            Ordering::Greater => {}
        }
        // √a is the positive root y of p(y²), p being a's defining polynomial, with y² = a.
        let p = self.defining_poly();
        let mut coeffs = vec![zero(); 2 * p.coeffs().len() - 1];
        for (i, c) in p.coeffs().iter().enumerate() {
            coeffs[2 * i] = c.clone();
        }
        super::roots::real_roots(&Poly::new(coeffs))
            .into_iter()
            .map(|r| r.value)
            .find(|y| y.sign() == Ordering::Greater && y.pow(2) == *self)
    }

    /// `self^e`.
    pub fn pow(&self, e: u32) -> Algebraic {
        self.map_poly(&Poly::monomial(one(), e as usize))
    }

    /// `num(self) / den(self)` exactly, or `None` when `den` vanishes here. Cheaper than two
    /// `map_poly` and a division: `den` is inverted modulo the defining polynomial first.
    pub fn map_ratio(&self, num: &Poly, den: &Poly) -> Option<Algebraic> {
        if self.sign_of_poly(den) == std::cmp::Ordering::Equal {
            return None;
        }
        if let Some(r) = self.as_rational() {
            return Some(Algebraic::from_rational(num.eval(r) / den.eval(r)));
        }
        let p = self.defining_poly();
        // The number is a root of p / gcd(p, den), and den is invertible modulo that.
        let m = p.div_exact(&p.gcd(den));
        let inverse = den.inverse_mod(&m)?;
        Some(self.map_poly(&(num * &inverse).rem(&m)))
    }

    /// `f(self)` for a rational polynomial `f`, exactly.
    pub fn map_poly(&self, f: &Poly) -> Algebraic {
        let root = match &self.repr {
            Repr::Rational(r) => return Algebraic::from_rational(f.eval(r)),
            Repr::Root(root) => root,
        };
        let reduced = f.rem(&root.poly);
        if reduced.is_constant() {
            return Algebraic::from_rational(reduced.coeff(0));
        }
        if reduced.degree() == Some(1) {
            // u + v·x is monotone: scale and shift, no resultant (the same polynomial it gives).
            let shifted = self.scale(&reduced.coeff(1));
            return shifted.add(&Algebraic::from_rational(reduced.coeff(0)));
        }
        // x - f(y) as a polynomial in y.
        let mut b: Vec<Poly> = reduced
            .coeffs()
            .iter()
            .map(|c| Poly::constant(-c))
            .collect();
        b[0] = &b[0] + &Poly::x();
        let candidates = resultant_y(&constant_in_x(&root.poly), &b);
        select_root(&candidates, self, self, |x, _| x.eval(&reduced))
    }
}

fn constant_in_x(p: &Poly) -> Vec<Poly> {
    p.coeffs().iter().cloned().map(Poly::constant).collect()
}

fn add_y(a: &[Poly], b: &[Poly]) -> Vec<Poly> {
    let n = a.len().max(b.len());
    (0..n)
        .map(|i| match (a.get(i), b.get(i)) {
            (Some(p), Some(q)) => p + q,
            (Some(p), None) | (None, Some(p)) => p.clone(),
            (None, None) => Poly::zero(),
        })
        .collect()
}

fn without_zero_root(p: &Poly) -> Poly {
    if p.coeff(0) == 0 {
        Poly::new(p.coeffs()[1..].to_vec())
    } else {
        p.clone()
    }
}

/// The root of `candidates` that `op` of the operands' intervals encloses, narrowing the
/// operands until the enclosure holds exactly one root and neither endpoint is a root.
fn select_root(
    candidates: &Poly,
    a: &Algebraic,
    b: &Algebraic,
    op: impl Fn(&Interval, &Interval) -> Interval,
) -> Algebraic {
    let square_free = candidates.square_free_part();
    let (mut a, mut b) = (a.clone(), b.clone());
    loop {
        let enclosure = op(&enclosure_of(&a), &enclosure_of(&b));
        let endpoint_is_root = |x: &Rational| square_free.sign_at(x) == Ordering::Equal;
        if enclosure.lo < enclosure.hi
            && !endpoint_is_root(&enclosure.lo)
            && !endpoint_is_root(&enclosure.hi)
            && descartes_bound(&square_free, &enclosure.lo, &enclosure.hi) == 1
        {
            return Algebraic::from_isolated(&square_free, enclosure.lo, enclosure.hi);
        }
        a.bisect();
        b.bisect();
    }
}

fn enclosure_of(x: &Algebraic) -> Interval {
    let (lo, hi) = x.interval();
    Interval::new(lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn square_roots_are_exact() {
        let two = Algebraic::from_rational(int(2));
        let r = two.sqrt().unwrap();
        assert_eq!(r.mul(&r), two);
        assert_eq!(
            Algebraic::from_rational(ratio(9, 4)).sqrt().unwrap(),
            Algebraic::from_rational(ratio(3, 2))
        );
        // √(√2) squared is √2.
        let rr = r.sqrt().unwrap();
        assert_eq!(rr.mul(&rr), r);
        assert!(Algebraic::from_rational(int(-1)).sqrt().is_none());
    }

    #[test]
    fn scaling_equals_multiplying_by_a_rational() {
        let sqrt2 = Algebraic::root_of(&Poly::from_i64s(&[-2, 0, 1]), &int(1), &int(2)).unwrap();
        for c in [int(3), ratio(-7, 5), ratio(1, 1_000_000_007)] {
            let expected = sqrt2.mul(&Algebraic::from_rational(c.clone()));
            assert_eq!(sqrt2.scale(&c), expected);
        }
        // 3·sqrt(2) is the positive root of x^2 − 18.
        assert_eq!(
            sqrt2.scale(&int(3)).defining_poly(),
            Poly::from_i64s(&[-18, 0, 1])
        );
        assert_eq!(sqrt2.scale(&int(0)).as_rational(), Some(&int(0)));
    }

    #[test]
    fn map_ratio_equals_two_maps_and_a_division() {
        // x = the real root of x^3 - 2; f(x) = (x^2 + 1)/(x - 3).
        let x = Algebraic::root_of(&Poly::from_i64s(&[-2, 0, 0, 1]), &int(1), &int(2)).unwrap();
        let (num, den) = (Poly::from_i64s(&[1, 0, 1]), Poly::from_i64s(&[-3, 1]));
        let expected = x.map_poly(&num).div(&x.map_poly(&den)).unwrap();
        assert_eq!(x.map_ratio(&num, &den).unwrap(), expected);
        // A denominator vanishing at the number: no value.
        assert!(
            x.map_ratio(&num, &Poly::from_i64s(&[-2, 0, 0, 1]))
                .is_none()
        );
        // Rationals take the direct path.
        let half = Algebraic::from_rational(ratio(1, 2));
        assert_eq!(
            half.map_ratio(&num, &den).unwrap(),
            Algebraic::from_rational(ratio(-1, 2))
        );
    }

    fn sqrt_of(n: i64) -> Algebraic {
        Algebraic::root_of(&Poly::from_i64s(&[-n, 0, 1]), &int(0), &int(n.max(1))).unwrap()
    }

    #[test]
    fn products_and_sums_of_square_roots() {
        assert_eq!(sqrt_of(2).mul(&sqrt_of(3)), sqrt_of(6));
        assert_eq!(sqrt_of(2).mul(&sqrt_of(2)).as_rational(), Some(&int(2)));
        assert_eq!(sqrt_of(2).sub(&sqrt_of(2)).as_rational(), Some(&int(0)));
        assert_eq!(
            sqrt_of(8).div(&sqrt_of(2)).unwrap().as_rational(),
            Some(&int(2))
        );
        // (sqrt 2 + sqrt 3)^2 = 5 + 2 sqrt 6.
        let sum = sqrt_of(2).add(&sqrt_of(3));
        let expected = sqrt_of(6)
            .mul(&Algebraic::from_rational(int(2)))
            .add(&Algebraic::from_rational(int(5)));
        assert_eq!(sum.pow(2), expected);
        assert!(sqrt_of(2).add(&sqrt_of(3)) > Algebraic::from_rational(ratio(314, 100)));
        assert!(
            sqrt_of(2).recip().unwrap() == sqrt_of(2).mul(&Algebraic::from_rational(ratio(1, 2)))
        );
        assert!(Algebraic::from_rational(int(0)).recip().is_none());
    }

    #[test]
    fn polynomial_maps_land_on_the_right_root() {
        // f(x) = x^2 - x at the golden ratio φ (φ^2 = φ + 1) is exactly 1.
        let phi = Algebraic::root_of(&Poly::from_i64s(&[-1, -1, 1]), &int(1), &int(2)).unwrap();
        assert_eq!(
            phi.map_poly(&Poly::from_i64s(&[0, -1, 1])).as_rational(),
            Some(&int(1))
        );
        // -φ is the negative root of x^2 + x - 1... and φ - 1 = 1/φ.
        assert_eq!(
            phi.sub(&Algebraic::from_rational(int(1))),
            phi.recip().unwrap()
        );
        assert_eq!(phi.neg().sign(), Ordering::Less);
    }
}
