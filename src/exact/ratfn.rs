//! Rational functions of one variable over Q: the form a model's formulas take along a line, so thresholds come out as roots of explicit polynomials.

use std::cmp::Ordering;

use super::Rational;
use super::algebraic::Algebraic;
use super::descartes::descartes_bound;
use super::poly::Poly;
use super::rational::one;
use super::roots::real_roots;

/// `num / den`, with `den` not the zero polynomial; kept with a monic denominator and no common
/// factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatFn {
    num: Poly,
    den: Poly,
}

impl RatFn {
    /// The constant `c`.
    pub fn constant(c: Rational) -> RatFn {
        RatFn {
            num: Poly::constant(c),
            den: Poly::constant(one()),
        }
    }

    /// The variable itself.
    pub fn x() -> RatFn {
        RatFn {
            num: Poly::x(),
            den: Poly::constant(one()),
        }
    }

    /// `num / den` in lowest terms; `None` when `den` is zero.
    pub fn new(num: Poly, den: Poly) -> Option<RatFn> {
        if den.is_zero() {
            return None;
        }
        if num.is_zero() {
            return Some(RatFn::constant(Rational::from(0)));
        }
        // A constant on either side shares no factor with the other: no gcd to take.
        let (num, den) = if num.is_constant() || den.is_constant() {
            (num, den)
        } else {
            let g = num.gcd(&den);
            if g.is_constant() {
                (num, den)
            } else {
                (num.div_exact(&g), den.div_exact(&g))
            }
        };
        let lead = den.leading().cloned().unwrap_or_else(one);
        let inv = one() / lead;
        Some(RatFn {
            num: num.scale(&inv),
            den: den.scale(&inv),
        })
    }

    pub fn num(&self) -> &Poly {
        &self.num
    }

    pub fn den(&self) -> &Poly {
        &self.den
    }

    /// The constant, when this is one.
    fn as_constant(&self) -> Option<&Rational> {
        (self.num.is_constant() && self.den.is_constant()).then(|| self.num.coeffs().first())?
    }

    pub fn add(&self, o: &RatFn) -> RatFn {
        if let Some(c) = o.as_constant() {
            // n/d + c = (n + c·d)/d, and gcd(n + c·d, d) = gcd(n, d) = 1: already in lowest terms.
            let num = &self.num + &self.den.scale(c);
            if num.is_zero() {
                return RatFn::constant(Rational::from(0));
            }
            return RatFn {
                num,
                den: self.den.clone(),
            };
        }
        if self.as_constant().is_some() {
            return o.add(self);
        }
        if self.den == o.den {
            // Over one denominator the sum's lowest terms need no product of the two.
            return RatFn::new(&self.num + &o.num, self.den.clone())
                .expect("a non-zero denominator");
        }
        RatFn::new(
            &(&self.num * &o.den) + &(&o.num * &self.den),
            &self.den * &o.den,
        )
        .expect("a product of non-zero denominators")
    }

    pub fn sub(&self, o: &RatFn) -> RatFn {
        self.add(&o.neg())
    }

    pub fn neg(&self) -> RatFn {
        RatFn {
            num: -&self.num,
            den: self.den.clone(),
        }
    }

    pub fn mul(&self, o: &RatFn) -> RatFn {
        // By a constant: the numerator scaled, still in lowest terms (or zero).
        for (f, c) in [(self, o.as_constant()), (o, self.as_constant())] {
            match c {
                Some(c) if *c == 0 => return RatFn::constant(Rational::from(0)),
                Some(c) => {
                    return RatFn {
                        num: f.num.scale(c),
                        den: f.den.clone(),
                    };
                }
                None => {}
            }
        }
        RatFn::new(&self.num * &o.num, &self.den * &o.den)
            .expect("a product of non-zero denominators")
    }

    /// `self / o`; `None` when `o` is the zero function.
    pub fn div(&self, o: &RatFn) -> Option<RatFn> {
        RatFn::new(&self.num * &o.den, &self.den * &o.num)
    }

    /// The value at `x`; `None` at a pole.
    pub fn eval(&self, x: &Rational) -> Option<Rational> {
        let d = self.den.eval(x);
        (d != 0).then(|| self.num.eval(x) / d)
    }

    /// The sign at an algebraic point that is not a pole.
    pub fn sign_at(&self, x: &Algebraic) -> Ordering {
        let (n, d) = (x.sign_of_poly(&self.num), x.sign_of_poly(&self.den));
        if d == Ordering::Less { n.reverse() } else { n }
    }

    /// The real roots of the numerator and the denominator (where the sign can change), in
    /// `(lo, hi)`, ascending and distinct.
    pub fn critical_points(&self, lo: &Rational, hi: &Rational) -> Vec<Algebraic> {
        let mut out: Vec<Algebraic> = Vec::new();
        for p in [&self.num, &self.den] {
            // Descartes' bound is exact at 0: no root in (lo, hi), nothing to isolate.
            if p.is_constant() || descartes_bound(p, lo, hi) == 0 {
                continue;
            }
            for r in real_roots(p) {
                if r.value.cmp_rational(lo) == Ordering::Greater
                    && r.value.cmp_rational(hi) == Ordering::Less
                {
                    out.push(r.value);
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn arithmetic_cancels_common_factors() {
        // (x² − 1)/(x − 1) = x + 1.
        let f = RatFn::new(Poly::from_i64s(&[-1, 0, 1]), Poly::from_i64s(&[-1, 1])).unwrap();
        assert_eq!(
            f,
            RatFn::new(Poly::from_i64s(&[1, 1]), Poly::constant(one())).unwrap()
        );
        let g = f.div(&RatFn::x()).unwrap().sub(&RatFn::constant(one()));
        // (x + 1)/x − 1 = 1/x.
        assert_eq!(g.eval(&int(4)), Some(ratio(1, 4)));
        assert_eq!(g.eval(&int(0)), None);
        assert_eq!(g.mul(&RatFn::x()), RatFn::constant(one()));
    }

    #[test]
    fn critical_points_are_the_roots_inside() {
        // (x² − 2)/(x − 3) on (0, 4): sqrt(2) and 3.
        let f = RatFn::new(Poly::from_i64s(&[-2, 0, 1]), Poly::from_i64s(&[-3, 1])).unwrap();
        let pts = f.critical_points(&int(0), &int(4));
        assert_eq!(pts.len(), 2);
        assert_eq!(pts[1].as_rational(), Some(&int(3)));
        assert_eq!(f.sign_at(&Algebraic::from_rational(int(2))), Ordering::Less);
    }
}
