//! The n-specialist fine-tuning game: it contains the one-specialist game exactly, and every domain's regime follows the trichotomy.

use gpai::exact::Rational;
use gpai::exact::rational::{int, ratio};
use gpai::models::fine_tuning;
use gpai::models::fine_tuning::regimes::Specialist;
use gpai::models::fine_tuning_n::exact::{margin, participation_value};
use gpai::models::fine_tuning_n::{Domain, Params, Regime, solve};
use proptest::prelude::*;

fn domain(r: Rational, c: Rational, kappa: Rational, a: Rational, delta: Rational) -> Domain {
    Domain {
        r,
        c,
        kappa,
        a,
        delta,
    }
}

#[test]
fn all_three_regimes_at_once() {
    // Domain 1 fine-tunes; domain 2's marginal cost exceeds its marginal revenue, so it uses the
    // base model as it is; domain 3's adoption cost keeps it out.
    let q = Params::new(
        int(1),
        int(0),
        vec![
            domain(int(1), int(1), int(0), int(0), ratio(1, 2)),
            domain(int(1), int(1), int(0), int(1), ratio(1, 2)),
            domain(int(1), int(1), int(5), int(0), ratio(1, 2)),
        ],
    )
    .unwrap();
    let e = solve(&q);
    let regimes: Vec<Regime> = e.domains.iter().map(|d| d.regime).collect();
    assert_eq!(
        regimes,
        [Regime::Contributor, Regime::FreeRider, Regime::Abstainer]
    );
    // G serves the two participants: α0 = (δ1 r1 + δ2 r2)/(2 c0) = 1/2.
    assert_eq!(e.alpha0, ratio(1, 2));
    assert_eq!(e.domains[1].alpha, e.alpha0);
}

#[test]
fn g_invests_exactly_the_threshold_to_pull_a_domain_in() {
    // With c0 = 2, G alone would invest δ1 r1/(2 c0) = 1/8. Domain 2 (a free rider, m = 0) joins
    // only from α0 = κ2/((1−δ2) r2) = 3/4 on, beyond the joined optimum 5/8 — and pays G so much
    // there (U_G = 7/8 against 5/32 alone) that G invests exactly that threshold.
    let q = Params::new(
        int(2),
        int(0),
        vec![
            domain(int(1), int(1), int(0), int(0), ratio(1, 2)),
            domain(int(4), int(1), ratio(3, 2), int(2), ratio(1, 2)),
        ],
    )
    .unwrap();
    let e = solve(&q);
    assert_eq!(e.alpha0, ratio(3, 4));
    assert_eq!(e.u_g, ratio(7, 8));
    assert_eq!(e.domains[1].regime, Regime::FreeRider);
    assert_eq!(participation_value(&q.domains()[1], &e.alpha0), int(0));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6770_6169),
        ..ProptestConfig::default()
    })]

    /// With one domain and no fixed or marginal cost, the game is the paper's, value for value.
    #[test]
    fn one_domain_is_the_one_specialist_game(c0 in 1i64..=12, c1 in 1i64..=12, r in 1i64..=6, delta in 0i64..=10) {
        let (c0, c1, r, delta) = (ratio(c0, 4), ratio(c1, 4), ratio(r, 2), ratio(delta, 10));
        let n = solve(&Params::new(c0.clone(), int(0), vec![domain(r.clone(), c1.clone(), int(0), int(0), delta.clone())]).unwrap());
        let one = fine_tuning::solve(&fine_tuning::Params::quadratic(c0, c1, r).unwrap(), &delta);
        let q = |a: &gpai::exact::Algebraic| a.as_rational().cloned().unwrap();
        prop_assert_eq!(&n.alpha0, &q(&one.alpha0));
        prop_assert_eq!(&n.domains[0].alpha, &q(&one.alpha1));
        prop_assert_eq!(&n.u_g, &q(&one.u_g));
        prop_assert_eq!(&n.domains[0].utility, &q(&one.u_d));
        let expected = match one.specialist {
            Specialist::Contributor => Regime::Contributor,
            Specialist::FreeRider => Regime::FreeRider,
            Specialist::Abstainer => Regime::Abstainer,
        };
        prop_assert_eq!(n.domains[0].regime, expected);
    }

    /// Every domain's regime matches the trichotomy conditions at the equilibrium α0.
    #[test]
    fn regimes_follow_the_trichotomy(
        specs in prop::collection::vec((1i64..=8, 1i64..=8, 0i64..=8, 0i64..=8, 0i64..=10), 1..5),
        c0 in 1i64..=8, kappa0 in 0i64..=4,
    ) {
        let domains: Vec<Domain> = specs
            .iter()
            .map(|(r, c, k, a, d)| domain(ratio(*r, 2), ratio(*c, 4), ratio(*k, 8), ratio(*a, 4), ratio(*d, 10)))
            .collect();
        let q = Params::new(ratio(c0, 4), ratio(kappa0, 16), domains).unwrap();
        let e = solve(&q);
        for (d, o) in q.domains().iter().zip(&e.domains) {
            let expected = if !e.g_participates || participation_value(d, &e.alpha0) < 0 {
                Regime::Abstainer
            } else if margin(d) > 0 {
                Regime::Contributor
            } else {
                Regime::FreeRider
            };
            prop_assert_eq!(o.regime, expected);
        }
        // G never does worse than abstaining, and no other α0 on a fine grid beats its choice.
        prop_assert!(e.u_g >= 0);
        if e.g_participates {
            for k in 0..=64 {
                let (u, _) = gpai::models::fine_tuning_n::exact::g_utility(&q, &ratio(k, 16));
                prop_assert!(u <= e.u_g, "alpha0 = {}/16 beats the equilibrium", k);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 100,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6770_6169),
        ..ProptestConfig::default()
    })]

    /// The independent float solver reaches the same utility for G (within 1e-6; its search
    /// cannot beat the exact optimum by more than round-off).
    #[test]
    fn exact_and_float_agree(
        specs in prop::collection::vec((1i64..=8, 1i64..=8, 0i64..=8, 0i64..=8, 0i64..=10), 1..4),
        c0 in 1i64..=8,
    ) {
        let domains: Vec<Domain> = specs
            .iter()
            .map(|(r, c, k, a, d)| domain(ratio(*r, 2), ratio(*c, 4), ratio(*k, 8), ratio(*a, 4), ratio(*d, 10)))
            .collect();
        let q = Params::new(ratio(c0, 4), int(0), domains).unwrap();
        let e = solve(&q);
        let f = gpai::models::fine_tuning_n::float::solve(&q);
        let exact = gpai::exact::rational::to_f64(&e.u_g);
        prop_assert!((exact - f.u_g).abs() <= 1e-6 * (1.0 + exact.abs()), "exact {} float {}", exact, f.u_g);
    }
}
