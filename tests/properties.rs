//! Laws of the exact core on random inputs: isolation, Sturm counts, comparison, round trips.

use std::cmp::Ordering;

use gpai::exact::rational::{int, pow2, pow10, ratio};
use gpai::exact::{
    Algebraic, Poly, Rational, SturmSequence, parse_poly, parse_rational, real_roots,
};
use proptest::prelude::*;

fn small_rational() -> impl Strategy<Value = Rational> {
    (-60i64..=60, 1i64..=12).prop_map(|(n, d)| ratio(n, d))
}

/// A non-square positive integer `d` and a rational centre `c`: the pair `c ± sqrt(d)`.
fn quadratic_pair() -> impl Strategy<Value = (i64, Rational)> {
    (2i64..40, small_rational()).prop_filter("d must not be a square", |(d, _)| {
        let r = (*d as f64).sqrt().round() as i64;
        r * r != *d
    })
}

fn sqrt(d: i64) -> Algebraic {
    Algebraic::root_of(&Poly::from_i64s(&[-d, 0, 1]), &int(0), &int(d)).unwrap()
}

/// `c ± sqrt(d)` as algebraic numbers built by exact arithmetic, and the factor `(x - c)^2 - d`.
fn pair_values(d: i64, c: &Rational) -> ([Algebraic; 2], Poly) {
    let centre = Algebraic::from_rational(c.clone());
    let values = [centre.sub(&sqrt(d)), centre.add(&sqrt(d))];
    let factor = Poly::new(vec![c * c - int(d), -(int(2) * c), int(1)]);
    (values, factor)
}

/// Expected (value, multiplicity) pairs, merged and sorted exactly.
fn merge(mut items: Vec<(Algebraic, usize)>) -> Vec<(Algebraic, usize)> {
    items.sort_by(|a, b| a.0.cmp(&b.0));
    let mut merged: Vec<(Algebraic, usize)> = Vec::new();
    for (value, m) in items {
        match merged.last_mut() {
            Some(last) if last.0 == value => last.1 += m,
            _ => merged.push((value, m)),
        }
    }
    merged
}

prop_compose! {
    /// A polynomial with known roots: rationals with multiplicities, quadratic-irrational pairs
    /// (possibly clustered), scaled by a non-zero rational, with the expected roots.
    fn known_roots()(
        rationals in prop::collection::vec((small_rational(), 1usize..=3), 0..5),
        pairs in prop::collection::vec(quadratic_pair(), 0..3),
        scale in small_rational().prop_filter("non-zero", |s| *s != 0),
    ) -> (Poly, Vec<(Algebraic, usize)>) {
        let mut poly = Poly::constant(scale);
        let mut expected = Vec::new();
        for (r, m) in &rationals {
            poly = &poly * &Poly::from_roots(&vec![r.clone(); *m]);
            expected.push((Algebraic::from_rational(r.clone()), *m));
        }
        for (d, c) in &pairs {
            let (values, factor) = pair_values(*d, c);
            poly = &poly * &factor;
            expected.extend(values.into_iter().map(|v| (v, 1)));
        }
        (poly, merge(expected))
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn isolation_returns_exactly_the_known_roots((poly, expected) in known_roots()) {
        let found: Vec<(Algebraic, usize)> =
            real_roots(&poly).into_iter().map(|r| (r.value, r.multiplicity)).collect();
        prop_assert_eq!(found, expected, "roots of {}", poly);
    }

    #[test]
    fn sturm_counts_agree_with_isolated_roots(
        (poly, _) in known_roots(),
        a in small_rational(),
        b in small_rational(),
    ) {
        prop_assume!(!poly.is_constant());
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let roots = real_roots(&poly);
        let inside = roots
            .iter()
            .filter(|r| r.value.cmp_rational(&lo) != Ordering::Less
                && r.value.cmp_rational(&hi) != Ordering::Greater)
            .count();
        let sturm = SturmSequence::new(&poly);
        prop_assert_eq!(sturm.count_closed(&lo, &hi), inside);
        prop_assert_eq!(sturm.count_real(), roots.len());
    }

    #[test]
    fn comparison_is_antisymmetric_transitive_and_agrees_with_refinement(
        (d1, c1) in quadratic_pair(),
        (d2, c2) in quadratic_pair(),
        (d3, c3) in quadratic_pair(),
        pick in prop::collection::vec(0usize..2, 3),
    ) {
        let numbers = [
            pair_values(d1, &c1).0[pick[0]].clone(),
            pair_values(d2, &c2).0[pick[1]].clone(),
            pair_values(d3, &c3).0[pick[2]].clone(),
        ];
        for a in &numbers {
            for b in &numbers {
                let ab = a.cmp(b);
                prop_assert_eq!(ab, b.cmp(a).reverse());
                // Refined far enough, unequal numbers have disjoint intervals in the same order.
                let (mut ra, mut rb) = (a.clone(), b.clone());
                let width = pow2(-200);
                ra.refine(&width);
                rb.refine(&width);
                let ((alo, ahi), (blo, bhi)) = (ra.interval(), rb.interval());
                match ab {
                    Ordering::Less => prop_assert!(ahi <= blo),
                    Ordering::Greater => prop_assert!(bhi <= alo),
                    Ordering::Equal => prop_assert!(alo <= bhi && blo <= ahi),
                }
                for c in &numbers {
                    if a <= b && b <= c {
                        prop_assert!(a <= c);
                    }
                }
            }
        }
    }

    #[test]
    fn products_of_square_roots_equal_the_square_root_of_the_product(
        (d1, _) in quadratic_pair(),
        (d2, _) in quadratic_pair(),
    ) {
        prop_assert_eq!(sqrt(d1).mul(&sqrt(d2)), sqrt_of_rational(int(d1 * d2)));
    }

    #[test]
    fn closed_forms_describe_the_number((d, c) in quadratic_pair(), which in 0usize..2) {
        let value = pair_values(d, &c).0[which].clone();
        let surd = value.quadratic().expect("c ± sqrt(d) is quadratic");
        // (a + b sqrt(m)) / den, rebuilt by exact arithmetic, is the same number.
        let rebuilt = sqrt_of_rational(Rational::from(surd.radicand.clone()))
            .mul(&Algebraic::from_rational(Rational::from(surd.b.clone())))
            .add(&Algebraic::from_rational(Rational::from(surd.a.clone())))
            .mul(&Algebraic::from_rational(Rational::from(1) / Rational::from(surd.denominator.clone())));
        prop_assert_eq!(rebuilt, value);
    }

    #[test]
    fn rationals_round_trip_through_text(r in small_rational(), e in -30i64..30) {
        let x = r * gpai::exact::rational::pow10(e);
        prop_assert_eq!(parse_rational(&x.to_string()).unwrap(), x.clone());
        let decimal = Algebraic::from_rational(x.clone()).decimal(80);
        if decimal.exact {
            prop_assert_eq!(parse_rational(&decimal.digits).unwrap(), x);
        }
    }

    #[test]
    fn polynomials_round_trip_through_text(coeffs in prop::collection::vec(small_rational(), 0..8)) {
        let poly = Poly::new(coeffs);
        prop_assert_eq!(parse_poly(&poly.to_string()).unwrap(), poly.clone());
        prop_assert_eq!(parse_poly(&poly.display_in("theta").to_string()).unwrap(), poly);
    }
}

fn sqrt_of_rational(n: Rational) -> Algebraic {
    let poly = Poly::new(vec![-n.clone(), int(0), int(1)]);
    Algebraic::root_of(&poly, &int(0), &(n + int(1))).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Mignotte-like polynomials `x^d − 2(a x − 1)^2` have two roots about `a^-(d+2)/2` apart,
    /// times a second cluster `(x − c)^2 − 10^-e`: isolation (which zooms into clusters on a
    /// float's advice) finds every root Sturm counts, each interval holding exactly one, and
    /// the refined decimals stay inside them.
    #[test]
    fn clustered_roots_are_all_found_and_each_isolated(
        d in 3u32..40,
        a in 2i64..1_000_000_000_000,
        c in small_rational(),
        e in 10i64..60,
    ) {
        let mignotte = parse_poly(&format!("x^{d} - 2*({a}*x - 1)^2")).unwrap();
        let pair = Poly::new(vec![&c * &c - pow10(-e), int(-2) * &c, int(1)]);
        let poly = &mignotte * &pair;
        let roots = real_roots(&poly);
        let sturm = SturmSequence::new(&poly);
        prop_assert_eq!(sturm.count_real(), roots.len());
        for root in &roots {
            let (lo, hi) = root.value.interval();
            if lo != hi {
                prop_assert_eq!(sturm.count_closed(&lo, &hi), 1);
                let mut narrow = root.value.clone();
                narrow.refine(&pow10(-100));
                let (nlo, nhi) = narrow.interval();
                prop_assert!(lo <= nlo && nhi <= hi && &nhi - &nlo <= pow10(-100));
                prop_assert_eq!(sturm.count_closed(&nlo, &nhi), 1);
            }
        }
    }
}
