//! The value families f: exact values (algebraic for powers), certified enclosures for logarithms, stationary points of c·f(y) − y, concavity.

use std::cmp::Ordering;

use crate::exact::interval::{Interval, nth_root_bracket};
use crate::exact::ln::ln_enclosure;
use crate::exact::rational::{denominator, int_to_i64, numerator, one, pow, pow2, zero};
use crate::exact::sign::sign_on_interval;
use crate::exact::{Algebraic, IntervalSign, Poly, Rational, Value, real_roots};

use super::params::Family;

/// Width of the enclosures of logarithmic values.
pub fn log_width() -> Rational {
    pow2(-128)
}

/// `p = u/v` in lowest terms as machine integers (validated: `0 < p ≤ 1`, `v ≤ 64`).
fn exponent(p: &Rational) -> (u32, u32) {
    let u = int_to_i64(&numerator(p)).and_then(|u| u32::try_from(u).ok());
    let v = int_to_i64(&denominator(p)).and_then(|v| u32::try_from(v).ok());
    (u.unwrap_or(1), v.unwrap_or(1))
}

/// The positive real `c^(1/e)` (`c ≥ 0`), exactly.
fn root(c: &Rational, e: u32) -> Algebraic {
    if e == 1 || *c == 0 {
        return Algebraic::from_rational(c.clone());
    }
    let (lo, hi) = nth_root_bracket(c, e, &pow2(-20));
    let p = &Poly::monomial(one(), e as usize) - &Poly::constant(c.clone());
    Algebraic::root_of(&p, &lo, &hi).expect("one positive root in the bracket")
}

/// `a·ln(t)` enclosed, `t > 0`.
fn scaled_ln(a: &Rational, t: &Rational) -> Value {
    let iv = ln_enclosure(t, &(log_width() / a));
    Value::Enclosure(Interval::new(a * &iv.lo, a * &iv.hi))
}

/// `f(x)` for `x ≥ 0`.
pub fn value(f: &Family, x: &Rational) -> Value {
    match f {
        Family::Power { a, p } => {
            let (u, v) = exponent(p);
            // a·x^(u/v) is the positive v-th root of a^v·x^u.
            Value::Exact(root(&(pow(a, v.into()) * pow(x, u.into())), v))
        }
        Family::Polynomial(poly) => Value::rational(poly.eval(x)),
        Family::Pwl { breaks, slopes } => Value::rational(pwl(breaks, slopes, x)),
        Family::Log { a, b } => scaled_ln(a, &(one() + x / b)),
    }
}

fn pwl(breaks: &[Rational], slopes: &[Rational], x: &Rational) -> Rational {
    let mut total = zero();
    for (i, slope) in slopes.iter().enumerate() {
        let start = &breaks[i];
        if x <= start {
            break;
        }
        let end = breaks.get(i + 1).filter(|e| *e < x).unwrap_or(x);
        total += slope * (end - start);
    }
    total
}

/// A candidate size with f's value there.
#[derive(Clone, Debug)]
pub struct Point {
    pub y: Algebraic,
    pub fy: Value,
}

/// The sizes `y` in the open `(lo, hi)` where `c·f(y) − y` can have a local maximum: its
/// stationary points (`c·f'(y) = 1`), and f's breakpoints for the piecewise linear family.
pub fn stationary(f: &Family, c: &Rational, lo: &Rational, hi: &Rational) -> Vec<Point> {
    if *c <= 0 {
        return Vec::new();
    }
    let inside = |y: &Algebraic| {
        y.cmp_rational(lo) == Ordering::Greater && y.cmp_rational(hi) == Ordering::Less
    };
    match f {
        Family::Power { a, p } => {
            let (u, v) = exponent(p);
            if u == v {
                return Vec::new();
            }
            // c·a·p·y^(p−1) = 1: y = (c·a·p)^(v/(v−u)) and f(y) = a·(c·a·p)^(u/(v−u)).
            let cap = c * a * p;
            let y = root(&pow(&cap, v.into()), v - u);
            if !inside(&y) {
                return Vec::new();
            }
            let fy = root(&(pow(a, (v - u).into()) * pow(&cap, u.into())), v - u);
            vec![Point {
                y,
                fy: Value::Exact(fy),
            }]
        }
        Family::Log { a, b } => {
            // c·a/(b + y) = 1: y = c·a − b.
            let y = c * a - b;
            let ya = Algebraic::from_rational(y.clone());
            if !inside(&ya) {
                return Vec::new();
            }
            vec![Point {
                y: ya,
                fy: scaled_ln(a, &(c * a / b)),
            }]
        }
        Family::Polynomial(poly) => {
            let equation = &poly.derivative().scale(c) - &Poly::constant(one());
            if equation.is_zero() {
                return Vec::new();
            }
            real_roots(&equation)
                .into_iter()
                .map(|r| r.value)
                .filter(inside)
                .map(|y| {
                    let fy = Value::Exact(y.map_poly(poly));
                    Point { y, fy }
                })
                .collect()
        }
        Family::Pwl { breaks, slopes } => breaks
            .iter()
            .filter(|b| *b > lo && *b < hi)
            .map(|b| Point {
                y: Algebraic::from_rational(b.clone()),
                fy: Value::rational(pwl(breaks, slopes, b)),
            })
            .collect(),
    }
}

/// Whether f is concave on `[0, cap]`, decided exactly (powers with `p ≤ 1`, logarithms and the
/// validated piecewise linear family always are; a polynomial when `f'' ≤ 0` there).
pub fn concave(f: &Family, cap: &Rational) -> bool {
    match f {
        Family::Polynomial(poly) => matches!(
            sign_on_interval(&poly.derivative().derivative(), &zero(), cap),
            IntervalSign::Zero | IntervalSign::Negative | IntervalSign::NonPositive { .. }
        ),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn power_values_are_exact_roots() {
        let f = Family::Power {
            a: int(2),
            p: ratio(1, 2),
        };
        // 2·sqrt(9) = 6 is rational; 2·sqrt(2) is not.
        assert_eq!(
            value(&f, &int(9)).as_exact().unwrap().as_rational(),
            Some(&int(6))
        );
        let v = value(&f, &int(2));
        let a = v.as_exact().unwrap();
        assert!(a.as_rational().is_none());
        assert_eq!(a.defining_poly(), Poly::from_i64s(&[-8, 0, 1]));
    }

    #[test]
    fn stationary_points_solve_the_first_order_condition() {
        // c·a·p·y^(p−1) = 1 with c = 10, a = 1, p = 1/2: sqrt(y) = 5, y = 25, f(y) = 5.
        let f = Family::Power {
            a: int(1),
            p: ratio(1, 2),
        };
        let pts = stationary(&f, &int(10), &zero(), &int(100));
        assert_eq!(pts.len(), 1);
        assert_eq!(pts[0].y.as_rational(), Some(&int(25)));
        assert_eq!(pts[0].fy.as_exact().unwrap().as_rational(), Some(&int(5)));
        // Outside the interval: none.
        assert!(stationary(&f, &int(10), &int(30), &int(100)).is_empty());
        // Log: c·a/(b+y) = 1 → y = c·a − b.
        let g = Family::Log {
            a: int(2),
            b: int(3),
        };
        let pts = stationary(&g, &int(5), &zero(), &int(100));
        assert_eq!(pts[0].y.as_rational(), Some(&int(7)));
    }

    #[test]
    fn pwl_values_follow_the_slopes() {
        let f = Family::Pwl {
            breaks: vec![int(0), int(1), int(5)],
            slopes: vec![int(3), int(1), ratio(1, 4)],
        };
        assert_eq!(
            value(&f, &int(7)).as_exact().unwrap().as_rational(),
            Some(&(int(3) + int(4) + ratio(1, 2)))
        );
    }

    #[test]
    fn concavity_of_polynomials_is_decided() {
        let concave_poly = Family::Polynomial(Poly::new(vec![int(0), int(2), ratio(-1, 10)]));
        assert!(concave(&concave_poly, &int(10)));
        let convex_bit = Family::Polynomial(Poly::new(vec![int(0), int(3), int(-1), ratio(1, 9)]));
        assert!(!concave(&convex_bit, &int(10)));
    }
}
