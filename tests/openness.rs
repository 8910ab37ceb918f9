//! The openness model (this project's): the spec's check table, exact against float, and the regime table.

use gpai::exact::Rational;
use gpai::exact::rational::{ratio, to_f64};
use gpai::models::openness::{Params, Regime, float, solve};
use proptest::prelude::*;

fn game() -> impl Strategy<Value = Params<Rational>> {
    (
        1i64..=8,
        0i64..=8,
        1i64..=8,
        1i64..=9,
        1i64..=10,
        0i64..=8,
        0i64..=8,
        1i64..=24,
        0i64..=20,
        0i64..=16,
    )
        .prop_map(|(r, c0, c1, delta, phi, eps, m, alpha0, theta, p)| {
            Params::new([
                ratio(r, 4),
                ratio(c0, 8),
                ratio(c1, 4),
                ratio(delta, 10),
                ratio(phi, 10),
                ratio(eps, 8),
                ratio(m, 16),
                ratio(alpha0, 8),
                ratio(theta, 20),
                ratio(p, 32),
            ])
            .unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6770_6169),
        ..ProptestConfig::default()
    })]

    /// The float solver (grid + golden search, sharing nothing with the exact path) agrees:
    /// same regime, U_G within 1e-9, openness within 1e-6 and U_D within 1e-6 (a float search
    /// resolves a flat maximum to ~1e-8), unless two options' exact payoffs are within 1e-6
    /// (floats cannot separate them).
    #[test]
    fn exact_and_float_agree(q in game()) {
        let e = solve(&q);
        let f = float::solve(&q);
        let d = &e.derived;
        let close_call = [
            to_f64(&d.v_n).abs(),
            to_f64(&(q.theta() - &d.omega_n)).abs(),
            to_f64(&(&d.p_star - q.p())).abs(),
            to_f64(&d.pi_theta).abs(),
            to_f64(&(&d.v_n - q.p())).abs(),
        ]
        .iter()
        .any(|g| *g < 1e-6);
        if !close_call {
            prop_assert_eq!(e.regime.to_string(), f.regime, "{:?}", q);
            prop_assert!((to_f64(&e.u_g) - f.u_g).abs() < 1e-9);
            prop_assert!((to_f64(&e.u_d) - f.u_d).abs() < 1e-6, "exact {} float {}", to_f64(&e.u_d), f.u_d);
            prop_assert!((to_f64(&e.omega) - f.omega).abs() < 1e-6);
        }
    }

    /// The regimes partition the games exactly as the spec's table says (total and exclusive).
    #[test]
    fn regimes_follow_the_table(q in game()) {
        let e = solve(&q);
        let d = &e.derived;
        let regulated = *q.theta() > 0 && *q.p() > 0;
        let table = [
            (Regime::ExitUnregulated, d.v_n < 0),
            (Regime::Unregulated, d.v_n >= 0 && !regulated),
            (Regime::Slack, d.v_n >= 0 && regulated && *q.theta() <= d.omega_n),
            (Regime::Comply, d.v_n >= 0 && regulated && *q.theta() > d.omega_n && *q.p() >= d.p_star && d.pi_theta >= 0),
            (Regime::Pay, d.v_n >= 0 && regulated && *q.theta() > d.omega_n && *q.p() < d.p_star && *q.p() <= d.v_n),
        ];
        let holding: Vec<Regime> = table.iter().filter(|(_, c)| *c).map(|(r, _)| *r).collect();
        let expected = match holding.as_slice() {
            [] => Regime::Exit,
            [one] => *one,
            _ => return Err(TestCaseError::fail(format!("two regimes at once: {holding:?}"))),
        };
        prop_assert_eq!(e.regime, expected);
    }
}
