//! All real roots of a polynomial, with multiplicities, as exact algebraic numbers in ascending order.

use super::Integer;
use super::algebraic::Algebraic;
use super::descartes::isolate_square_free;
use super::poly::Poly;
use super::rational::{from_integers, int_exact_sqrt, int_floor_sqrt, int_sign};
use std::cmp::Ordering;

/// One distinct real root and how many times it divides the polynomial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealRoot {
    pub value: Algebraic,
    pub multiplicity: usize,
}

/// Every distinct real root of `p` in ascending order (none for constants, including zero).
///
/// The square-free factors of `p` are isolated one by one, so each root carries its multiplicity
/// and its defining polynomial is the square-free factor it belongs to.
pub fn real_roots(p: &Poly) -> Vec<RealRoot> {
    by_formula(p).unwrap_or_else(|| by_isolation(p))
}

/// [`real_roots`] by Descartes isolation of each square-free factor, whatever the degree.
fn by_isolation(p: &Poly) -> Vec<RealRoot> {
    let mut roots: Vec<RealRoot> = p
        .square_free_factors()
        .into_iter()
        .flat_map(|(factor, multiplicity)| {
            Algebraic::roots_of_square_free(&factor, isolate_square_free(&factor))
                .into_iter()
                .map(move |value| RealRoot {
                    value,
                    multiplicity,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    roots.sort_by(|a, b| a.value.cmp(&b.value));
    roots
}

/// The roots of a polynomial of degree 1 or 2, by formula: the values isolation would find,
/// each irrational pair enclosed between the integer square roots around the discriminant's.
fn by_formula(p: &Poly) -> Option<Vec<RealRoot>> {
    let once = |value: Algebraic| RealRoot {
        value,
        multiplicity: 1,
    };
    let rational = |n: Integer, d: &Integer| Algebraic::from_rational(from_integers(n, d.clone()));
    if let [c, b] = p.coeffs() {
        return Some(vec![once(Algebraic::from_rational(-(c / b)))]);
    }
    let ints = p.primitive_integer_coeffs();
    let [c, b, a] = ints.as_slice() else {
        return None;
    };
    let discriminant = b * b - Integer::from(4) * a * c;
    let two_a = Integer::from(2) * a;
    let mut roots = match int_sign(&discriminant) {
        Ordering::Less => Vec::new(),
        Ordering::Equal => vec![RealRoot {
            value: rational(-b.clone(), &two_a),
            multiplicity: 2,
        }],
        Ordering::Greater => match int_exact_sqrt(&discriminant) {
            Some(s) => [&s, &-s.clone()]
                .into_iter()
                .map(|s| once(rational(-b.clone() + s, &two_a)))
                .collect(),
            None => {
                // s < √D < s + 1, so each root lies strictly between two rationals.
                let s = int_floor_sqrt(&discriminant);
                [
                    (-&s - Integer::from(1), -s.clone()),
                    (s.clone(), &s + Integer::from(1)),
                ]
                .into_iter()
                .map(|(x, y)| {
                    let (x, y) = (
                        from_integers(-b.clone() + x, two_a.clone()),
                        from_integers(-b.clone() + y, two_a.clone()),
                    );
                    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
                    once(Algebraic::irrational_root(p, lo, hi))
                })
                .collect()
            }
        },
    };
    roots.sort_by(|a, b| a.value.cmp(&b.value));
    Some(roots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn multiplicities_and_order() {
        let p = Poly::from_roots(&[int(3), ratio(-1, 2), int(3), ratio(1, 7)]);
        let roots = real_roots(&p);
        let found: Vec<_> = roots
            .iter()
            .map(|r| (r.value.as_rational().cloned(), r.multiplicity))
            .collect();
        assert_eq!(
            found,
            vec![
                (Some(ratio(-1, 2)), 1),
                (Some(ratio(1, 7)), 1),
                (Some(int(3)), 2)
            ]
        );
        assert!(real_roots(&Poly::from_i64s(&[1, 0, 1])).is_empty());
    }

    #[test]
    fn formulas_find_what_isolation_finds() {
        let range = -7i64..=7;
        for a in range.clone() {
            for b in range.clone() {
                for c in range.clone() {
                    let p = Poly::from_i64s(&[c, b, a]).scale(&ratio(3, 7));
                    if p.degree().is_none_or(|d| d == 0) {
                        continue;
                    }
                    let (fast, slow) = (real_roots(&p), by_isolation(&p));
                    assert_eq!(fast, slow, "{a}x^2 + {b}x + {c}");
                    for r in &fast {
                        if r.value.as_rational().is_none() {
                            assert_eq!(r.value.sign_of_poly(&p), Ordering::Equal);
                        }
                    }
                }
            }
        }
    }
}
