//! The certified sign of a polynomial on a closed interval: the building block for proving univariate inequalities.

use std::cmp::Ordering;

use super::Rational;
use super::algebraic::Algebraic;
use super::poly::Poly;
use super::rational::simplest_between;
use super::roots::real_roots;

/// The sign of `p` on `[lo, hi]`, proved by exact root isolation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntervalSign {
    /// `p` is the zero polynomial.
    Zero,
    /// `p > 0` at every point.
    Positive,
    /// `p < 0` at every point.
    Negative,
    /// `p ≥ 0`, vanishing exactly at `zeros` (also reported when the interval is one root).
    NonNegative { zeros: Vec<Algebraic> },
    /// `p ≤ 0`, vanishing exactly at `zeros`.
    NonPositive { zeros: Vec<Algebraic> },
    /// `p` takes both signs; rational witnesses of each.
    Mixed {
        positive_at: Rational,
        negative_at: Rational,
    },
}

/// The sign of `p` on the closed interval `[lo, hi]` (`lo ≤ hi`).
pub fn sign_on_interval(p: &Poly, lo: &Rational, hi: &Rational) -> IntervalSign {
    assert!(lo <= hi, "sign_on_interval needs lo ≤ hi");
    if p.is_zero() {
        return IntervalSign::Zero;
    }
    let zeros: Vec<Algebraic> = real_roots(p)
        .into_iter()
        .map(|r| r.value)
        .filter(|z| z.cmp_rational(lo) != Ordering::Less && z.cmp_rational(hi) != Ordering::Greater)
        .collect();
    // One sample in each open piece between consecutive zeros and the endpoints; p keeps its
    // sign on each piece, so these samples see every sign p takes.
    let mut samples = vec![lo.clone(), hi.clone()];
    samples.extend(zeros.windows(2).map(|w| rational_between(&w[0], &w[1])));
    let (mut positive_at, mut negative_at) = (None, None);
    for x in samples {
        match p.sign_at(&x) {
            Ordering::Greater => positive_at = positive_at.or(Some(x)),
            Ordering::Less => negative_at = negative_at.or(Some(x)),
            Ordering::Equal => {}
        }
    }
    match (positive_at, negative_at, zeros.is_empty()) {
        (Some(positive_at), Some(negative_at), _) => IntervalSign::Mixed {
            positive_at,
            negative_at,
        },
        (Some(_), None, true) => IntervalSign::Positive,
        (None, Some(_), true) => IntervalSign::Negative,
        (None, Some(_), false) => IntervalSign::NonPositive { zeros },
        _ => IntervalSign::NonNegative { zeros },
    }
}

/// A rational strictly between `a < b`.
pub fn rational_between(a: &Algebraic, b: &Algebraic) -> Rational {
    let (mut a, mut b) = (a.clone(), b.clone());
    loop {
        let (_, a_hi) = a.interval();
        let (b_lo, _) = b.interval();
        if a_hi < b_lo || (a.as_rational().is_some() && b.as_rational().is_some()) {
            return (a_hi + b_lo) / Rational::from(2);
        }
        a.bisect();
        b.bisect();
    }
}

/// A rational strictly between `a < b` with a small denominator: the simplest one between
/// enclosures of the two once they are apart (cheap to compute with, unlike a midpoint of
/// long ends; but, unlike [`simplest_rational_between`], it moves with the enclosures).
pub fn short_rational_between(a: &Algebraic, b: &Algebraic) -> Rational {
    let (mut a, mut b) = (a.clone(), b.clone());
    loop {
        let (_, a_hi) = a.interval();
        let (b_lo, _) = b.interval();
        if a_hi < b_lo {
            return crate::exact::rational::simplest_between(&a_hi, &b_lo);
        }
        a.bisect();
        b.bisect();
    }
}

/// A rational strictly between `a < b` that depends on the two numbers alone, never on how they
/// are isolated: the midpoint when both are rational, else [`simplest_rational_between`]. Where
/// a point is reported (a counterexample, a witness tried) it is this one, so that tuning the
/// root isolation moves no published point.
pub fn canonical_rational_between(a: &Algebraic, b: &Algebraic) -> Rational {
    match (a.as_rational(), b.as_rational()) {
        (Some(a), Some(b)) => (a + b) / Rational::from(2),
        _ => simplest_rational_between(a, b),
    }
}

/// The simplest rational (smallest denominator, then smallest numerator) strictly between
/// `a < b`: the same number however the two are isolated. The simplest rational of a wider
/// interval around both that lies strictly between them is theirs too; narrowing the
/// enclosures ends it, since rationals near an irrational end have ever larger denominators.
pub fn simplest_rational_between(a: &Algebraic, b: &Algebraic) -> Rational {
    let (mut a, mut b) = (a.clone(), b.clone());
    loop {
        let candidate = simplest_between(&a.interval().0, &b.interval().1);
        if a.cmp_rational(&candidate).is_lt() && b.cmp_rational(&candidate).is_gt() {
            return candidate;
        }
        a.bisect();
        b.bisect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn the_simplest_rational_between_does_not_depend_on_the_enclosures() {
        use crate::exact::real_roots;
        // (9 - sqrt(21))/6 ≈ 0.736 and 1/2: the simplest rational between is 2/3.
        let root = |p: &[i64], k: usize| real_roots(&Poly::from_i64s(p))[k].value.clone();
        let v = root(&[5, -9, 3], 0);
        let half = Algebraic::from_rational(ratio(1, 2));
        assert_eq!(simplest_rational_between(&half, &v), ratio(2, 3));
        let mut narrow = v.clone();
        narrow.refine(&ratio(1, 1_000_000));
        assert_eq!(simplest_rational_between(&half, &narrow), ratio(2, 3));
        // Between sqrt(2) and sqrt(3): 3/2; between two rationals: malachite's answer.
        let (r2, r3) = (root(&[-2, 0, 1], 1), root(&[-3, 0, 1], 1));
        assert_eq!(simplest_rational_between(&r2, &r3), ratio(3, 2));
        let (a, b) = (ratio(1, 3), ratio(1, 2));
        assert_eq!(
            simplest_rational_between(
                &Algebraic::from_rational(a.clone()),
                &Algebraic::from_rational(b.clone())
            ),
            simplest_between(&a, &b)
        );
    }

    #[test]
    fn the_canonical_rational_between_is_the_midpoint_of_rationals_else_the_simplest() {
        let root = |p: &[i64], k: usize| real_roots(&Poly::from_i64s(p))[k].value.clone();
        let (third, half) = (ratio(1, 3), ratio(1, 2));
        let q = |r: &Rational| Algebraic::from_rational(r.clone());
        assert_eq!(
            canonical_rational_between(&q(&third), &q(&half)),
            ratio(5, 12)
        );
        let v = root(&[5, -9, 3], 0); // (9 - sqrt(21))/6 ≈ 0.736
        let mut narrow = v.clone();
        narrow.refine(&ratio(1, 1_000_000));
        assert_eq!(canonical_rational_between(&q(&half), &v), ratio(2, 3));
        assert_eq!(canonical_rational_between(&q(&half), &narrow), ratio(2, 3));
    }

    #[test]
    fn signs_on_intervals() {
        let square = Poly::from_i64s(&[-2, 0, 1]); // x^2 - 2
        assert_eq!(
            sign_on_interval(&square, &int(2), &int(3)),
            IntervalSign::Positive
        );
        assert_eq!(
            sign_on_interval(&square, &int(-1), &int(1)),
            IntervalSign::Negative
        );
        assert!(matches!(
            sign_on_interval(&square, &int(0), &int(2)),
            IntervalSign::Mixed { .. }
        ));
        let touching = Poly::from_roots(&[ratio(1, 3), ratio(1, 3)]);
        match sign_on_interval(&touching, &int(0), &int(1)) {
            IntervalSign::NonNegative { zeros } => {
                assert_eq!(zeros, vec![Algebraic::from_rational(ratio(1, 3))]);
            }
            other => panic!("expected NonNegative, got {other:?}"),
        }
        let negated = -&touching;
        assert!(matches!(
            sign_on_interval(&negated, &int(0), &int(1)),
            IntervalSign::NonPositive { .. }
        ));
        assert_eq!(
            sign_on_interval(&Poly::zero(), &int(0), &int(1)),
            IntervalSign::Zero
        );
    }
}
