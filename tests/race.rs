//! The race model: check values computed, the essay's claims at exact random games, exact against float, and bad input.

use std::cmp::Ordering;
use std::process::Command;

use gpai::exact::rational::{int, ratio, to_f64};
use gpai::exact::{Algebraic, Poly, Rational, Value};
use gpai::models::race::exact::{Best, compare, solve, type_factor};
use gpai::models::race::{Extension, Family, Params, float};
use proptest::prelude::*;

#[allow(clippy::too_many_arguments)]
fn game(
    f: Family,
    n: i64,
    m: i64,
    k: i64,
    x: Rational,
    xp: i64,
    y: i64,
    z: i64,
    ext: Extension,
) -> Params {
    Params::new(
        f,
        int(n),
        int(m),
        int(k),
        x,
        int(xp),
        int(y),
        int(z),
        int(1_000_000),
        ext,
    )
    .unwrap()
}

fn sqrt_family() -> Family {
    Family::Power {
        a: int(1),
        p: ratio(1, 2),
    }
}

fn exact_f64(v: &Value) -> f64 {
    v.to_f64()
}

#[test]
fn base_power_game_matches_the_essay_formulas() {
    // f = sqrt: revenue n·m·(f(y) − f(x)) = 300·(3 − 1); y* from 300·f'(y) = 1.
    let s = solve(&game(
        sqrt_family(),
        10,
        30,
        30,
        int(1),
        4,
        9,
        16,
        Extension::Base,
    ))
    .unwrap();
    assert_eq!(s.revenue.as_exact().unwrap().as_rational(), Some(&int(600)));
    assert_eq!(s.gain.as_exact().unwrap().as_rational(), Some(&int(300)));
    let Best::Trains { ystar, profit, .. } = s.best else {
        panic!("trains")
    };
    assert_eq!(ystar.as_rational(), Some(&int(22_500)));
    // Profit at y*: 300·150 − 22500 − 300·1.
    assert_eq!(profit.as_exact().unwrap().as_rational(), Some(&int(22_200)));
}

#[test]
fn irrational_values_are_exact_algebraic_numbers() {
    // x = 2, y = 10: revenue 300·(sqrt(10) − sqrt(2)), a root of a quartic.
    let s = solve(&game(
        sqrt_family(),
        10,
        30,
        30,
        int(2),
        4,
        10,
        16,
        Extension::Base,
    ))
    .unwrap();
    let r = s.revenue.as_exact().unwrap();
    assert!(r.as_rational().is_none());
    let expected = 300.0 * (10f64.sqrt() - 2f64.sqrt());
    assert!((r.to_f64() - expected).abs() < 1e-9);
    // (r/300)² = 12 − 2·sqrt(20): r is a root of t⁴ − 24·300²·t² + 64·300⁴.
    let c = Rational::from(300);
    let p = Poly::new(vec![
        int(64) * &c * &c * &c * &c,
        int(0),
        int(-24) * &c * &c,
        int(0),
        int(1),
    ]);
    assert_eq!(r.sign_of_poly(&p), Ordering::Equal);
}

#[test]
fn customer_types_scale_revenue_by_the_best_single_price_factor() {
    // Types valuing 1 and 3 with equal shares: price for both (factor 1) or only the high type
    // (3 · 1/2 = 3/2): the factor is 3/2.
    assert_eq!(
        type_factor(&[int(1), int(3)], &[ratio(1, 2), ratio(1, 2)]),
        ratio(3, 2)
    );
    let ext = Extension::CustomerTypes {
        v: vec![int(1), int(3)],
        w: vec![ratio(1, 2), ratio(1, 2)],
    };
    let s = solve(&game(sqrt_family(), 10, 30, 30, int(1), 4, 9, 16, ext)).unwrap();
    assert_eq!(s.revenue.as_exact().unwrap().as_rational(), Some(&int(900)));
}

#[test]
fn discounting_weights_each_day() {
    // ρ = 1/2 over m = 3 days, k = 1: before = 1/2, after = 1/4 + 1/8. With x' = 4 > y = 3... use
    // y = 9 above x' = 4: revenue = n·(1/2·(3 − 1) + 3/8·(3 − 2)).
    let ext = Extension::Discount { rho: ratio(1, 2) };
    let s = solve(&game(sqrt_family(), 8, 3, 1, int(1), 4, 9, 16, ext)).unwrap();
    let expected = int(8) * (ratio(1, 2) * int(2) + ratio(3, 8));
    assert_eq!(s.revenue.as_exact().unwrap().as_rational(), Some(&expected));
}

#[test]
fn duopoly_with_a_log_family_has_a_rational_best_size_and_certified_values() {
    // f = ln(1 + x); contested customers are won above the rival: C = n·m·(s/2 + 1 − s) = 262.5
    // and y* = C·a − b = 261.5.
    let f = Family::Log {
        a: int(1),
        b: int(1),
    };
    let ext = Extension::Duopoly {
        y2: int(12),
        s: ratio(1, 4),
    };
    let s = solve(&game(f, 10, 30, 30, int(1), 4, 9, 16, ext)).unwrap();
    let Best::Trains { ystar, .. } = s.best else {
        panic!("trains")
    };
    assert_eq!(ystar.as_rational(), Some(&ratio(523, 2)));
    let Value::Enclosure(iv) = &s.revenue else {
        panic!("log values are enclosures")
    };
    // Captive only (y = 9 < y2 = 12): 300 · 1/8 · (ln 10 − ln 2) = 37.5 · ln 5.
    let expected = 37.5 * 5f64.ln();
    assert!(to_f64(&iv.lo) <= expected && expected <= to_f64(&iv.hi));
    assert!(iv.width() < ratio(1, 1_000_000_000));
}

#[test]
fn the_spec_expected_r3_to_fail_for_non_concave_f_but_the_best_size_never_rises() {
    // f = 3x − x² + x³/9 has two local maxima of n·m·f(y) − y; y* is the lower one at x = 0 and
    // nothing pays once x passes it.
    let f = Family::Polynomial(Poly::new(vec![int(0), int(3), int(-1), ratio(1, 9)]));
    let at = |x: Rational| {
        let p = Params::new(
            f.clone(),
            int(2),
            int(1),
            int(1),
            x,
            int(4),
            int(4),
            int(5),
            int(5),
            Extension::Base,
        )
        .unwrap();
        solve(&p).unwrap().best
    };
    let Best::Trains { ystar, .. } = at(int(0)) else {
        panic!("trains at x = 0")
    };
    // 2·f'(y) = 1: (y − 3)² = 3/2, the lower root 3 − sqrt(3/2).
    let expected = Algebraic::root_of(
        &Poly::new(vec![ratio(15, 2), int(-6), int(1)]),
        &int(1),
        &int(2),
    )
    .unwrap();
    assert_eq!(ystar, expected);
    for x in [ratio(9, 5), int(2), int(3)] {
        assert!(matches!(at(x), Best::StaysOut { .. }));
    }
}

fn family() -> impl Strategy<Value = Family> {
    prop_oneof![
        (1i64..=4).prop_map(|a| Family::Power {
            a: int(a),
            p: ratio(1, 2)
        }),
        (1i64..=4, 1i64..=2).prop_map(|(a, d)| Family::Power {
            a: ratio(a, 2),
            p: ratio(1, d + 1)
        }),
        (1i64..=4, 1i64..=8).prop_map(|(a, b)| Family::Log {
            a: int(a),
            b: int(b)
        }),
        (1i64..=4).prop_map(|c| Family::Pwl {
            breaks: vec![int(0), int(3), int(12)],
            slopes: vec![int(c + 2), int(c), ratio(c, 4)],
        }),
        // f = c·x − x²/2000 (concave, increasing up to x = 1000·c ≥ cap).
        (1i64..=3).prop_map(|c| Family::Polynomial(Poly::new(vec![
            int(0),
            int(c),
            ratio(-1, 2000)
        ]))),
    ]
}

fn extension() -> impl Strategy<Value = Extension> {
    prop_oneof![
        Just(Extension::Base),
        (1i64..=4).prop_map(|r| Extension::Discount {
            rho: ratio(r + 4, 8)
        }),
        (0i64..=4).prop_map(|q| Extension::UncertainRelease { q: ratio(q, 4) }),
        (1i64..=5).prop_map(|v| Extension::CustomerTypes {
            v: vec![int(1), int(v)],
            w: vec![ratio(2, 3), ratio(1, 3)]
        }),
        (7i64..=30, 0i64..=4).prop_map(|(y2, s)| Extension::Duopoly {
            y2: int(y2),
            s: ratio(s, 4)
        }),
    ]
}

/// Relative agreement of an exact value and a float.
fn close(exact: f64, float: f64) -> bool {
    (exact - float).abs() <= 1e-7 * (1.0 + exact.abs())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x7261_6365),
        ..ProptestConfig::default()
    })]

    /// Revenue, the upgrade gain and y* from the exact solver agree with the float solver's.
    #[test]
    fn exact_and_float_agree(
        f in family(),
        ext in extension(),
        n in 1i64..=20,
        k in 0i64..=12,
        x in 0i64..=3,
        xp in 4i64..=20,
        y in 4i64..=20,
        dz in 1i64..=10,
    ) {
        let z = xp.max(y) + dz;
        let p = Params::new(f, int(n), int(12), int(k), int(x), int(xp), int(y), int(z), int(1000), ext).unwrap();
        let s = solve(&p).unwrap();
        prop_assert!(close(exact_f64(&s.revenue), float::revenue(&p)), "revenue");
        prop_assert!(close(exact_f64(&s.gain), float::gain(&p)), "gain");
        match (&s.best, float::best_size(&p)) {
            (Best::Trains { ystar, profit, .. }, Some((fy, fp))) => {
                // The float scan may land on another maximizer only if the profits tie.
                prop_assert!(close(profit.to_f64(), fp), "best profit {} vs {fp}", profit.to_f64());
                let same = (ystar.to_f64() - fy).abs() <= 1e-5 * (1.0 + fy);
                prop_assert!(same || close(profit.to_f64(), fp), "y* {} vs {fy}", ystar.to_f64());
            }
            (Best::StaysOut { best, .. }, None) => prop_assert!(best.to_f64() <= 1e-9),
            (Best::StaysOut { best, .. }, Some((_, fp))) => prop_assert!(fp < 1e-6 && best.to_f64() > -1e-6),
            (Best::Trains { profit, .. }, None) => prop_assert!(profit.to_f64() < 1e-6),
            (Best::Undecided { why }, _) => prop_assert!(false, "undecided: {why}"),
        }
    }

    /// R1–R4 at exact random games (any family, any extension with captive customers).
    #[test]
    fn the_essays_claims_hold_exactly_with_captive_niches(
        f in family(),
        ext in extension(),
        n in 1i64..=20,
        x1 in 0i64..=3,
        dx in 1i64..=3,
        u in 4i64..=24,
        du in 1i64..=6,
    ) {
        prop_assume!(!matches!(&ext, Extension::Duopoly { s, .. } if *s == 0));
        prop_assume!(!matches!(&ext, Extension::UncertainRelease { q } if *q == 0));
        let at = |x: i64, xp: i64, k: i64| {
            let p = Params::new(f.clone(), int(n), int(12), int(k), int(x), int(xp), int(10), int(40), int(1000), ext.clone()).unwrap();
            solve(&p).unwrap()
        };
        let x2 = x1 + dx;
        let (a, b) = (at(x1, 30, 12), at(x2, 30, 12));
        // R1 and R2 (no improvement inside the horizon).
        prop_assert_eq!(compare(&a.revenue, &b.revenue), Some(Ordering::Greater));
        if a.gain.as_exact().is_some() {
            prop_assert_eq!(compare(&a.gain, &b.gain), Some(Ordering::Equal));
        }
        // R3.
        if let Best::Trains { ystar: y2, .. } = &b.best {
            let Best::Trains { ystar: y1, .. } = &a.best else { panic!("trains at the lower x") };
            prop_assert_eq!(y1, y2);
        }
        // R4 with the improvement after 4 of 12 days: constant below y = 10, falling above.
        let (g1, g2) = (at(x1, u, 4), at(x1, u + du, 4));
        let expected = if u + du <= 10 { Ordering::Equal } else { Ordering::Greater };
        if expected == Ordering::Greater || g1.gain.as_exact().is_some() {
            prop_assert_eq!(compare(&g1.gain, &g2.gain), Some(expected));
        }
    }
}

#[test]
fn bad_input_names_the_parameter_and_its_domain() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(["solve", "race"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let cases: [(&[&str], &str); 8] = [
        (&["f=cubic"], "f must be one of power, polynomial, pwl, log"),
        (
            &["f=polynomial", "coef=0,1,-1", "cap=10"],
            "increasing on [0, cap]",
        ),
        (
            &["f=pwl", "breaks=0,2", "slopes=1,2"],
            "non-increasing (concave)",
        ),
        (
            &["ext=customer_types", "v=1,2", "w=1/2,1/3"],
            "summing to 1",
        ),
        (
            &["ext=discount", "rho=1/2", "k=5/2"],
            "whole number of days",
        ),
        (
            &["x=12", "y=9"],
            "y = 9 is outside its domain: a rational > x = 12",
        ),
        (
            &["p=1/1099511627776"],
            "p = 1/1099511627776 is outside its domain: a rational in (0, 1] with denominator at most 64",
        ),
        (
            &["ext=discount", "rho=1/2", "m=1000000000", "k=1"],
            "at most 100000 days under ext=discount",
        ),
    ];
    for (args, fragment) in cases {
        let (code, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(fragment), "{args:?}: {stderr}");
    }
}
