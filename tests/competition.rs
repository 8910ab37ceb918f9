//! The competition model (this project's): the spec's check table computed, thresholds derived against the spec's formulas, L's choice against brute force, exact against float.

use std::process::Command;

use gpai::exact::Rational;
use gpai::exact::rational::{int, ratio, to_f64};
use gpai::models::competition::exact::{Variant, equilibrium, market};
use gpai::models::competition::market::Market;
use gpai::models::competition::thresholds::{omega_1, omega_bar, omega_v, omega_w};
use gpai::models::competition::{Params, Regime, float, solve};
use proptest::prelude::*;

fn q(v: &Rational) -> Rational {
    v.clone()
}

/// (ω, regime, e, Q, CS, π_L, π_F, Π_D0).
type Row = (
    Rational,
    Regime,
    Rational,
    Rational,
    Rational,
    Rational,
    Rational,
    Rational,
);

#[test]
fn the_spec_check_table_is_reproduced() {
    // (ω, regime, e, Q, CS, π_L, π_F, Π_D0) from spec competition.md §2, set P1.
    let table: [Row; 5] = [
        (
            ratio(1, 2),
            Regime::Blockade,
            ratio(1, 4),
            ratio(1, 2),
            ratio(1, 8),
            ratio(3, 16),
            int(0),
            ratio(1, 8),
        ),
        (
            ratio(29, 40),
            Regime::Deterrence,
            ratio(1, 6),
            ratio(11, 24),
            ratio(121, 1152),
            ratio(35, 192),
            int(0),
            ratio(11, 96),
        ),
        (
            ratio(3, 4),
            Regime::Deterrence,
            int(0),
            ratio(3, 8),
            ratio(9, 128),
            ratio(9, 64),
            int(0),
            ratio(3, 32),
        ),
        (
            ratio(4, 5),
            Regime::Accommodation,
            ratio(5, 42),
            ratio(4, 7),
            ratio(8, 49),
            ratio(25, 336),
            ratio(6169, 176_400),
            ratio(1, 7),
        ),
        (
            int(1),
            Regime::Accommodation,
            ratio(3, 32),
            ratio(9, 16),
            ratio(81, 512),
            ratio(9, 128),
            ratio(81, 1024),
            ratio(9, 64),
        ),
    ];
    for (omega, regime, e, total, cs, pi_l, pi_f, pi_d0) in table {
        let s = solve(&Params::p1(omega.clone()));
        let o = &s.base.outcome;
        assert_eq!(s.base.regime, regime, "ω = {omega}");
        assert_eq!(
            (q(&o.e), q(&o.total), q(&o.cs)),
            (e, total, cs),
            "ω = {omega}"
        );
        assert_eq!(
            (q(&o.pi_l), q(&o.pi_f), q(&s.pi_d0)),
            (pi_l, pi_f, pi_d0),
            "ω = {omega}"
        );
    }
    // Vertical integration: ΔJ = 2/21 at ω = 4/5, −1/64 at 1, profitable exactly below 5/6.
    assert_eq!(solve(&Params::p1(ratio(4, 5))).delta_j, ratio(2, 21));
    assert_eq!(solve(&Params::p1(int(1))).delta_j, ratio(-1, 64));
    let p1 = Params::p1(int(0));
    assert_eq!(omega_v(&p1).unwrap().as_rational(), Some(&ratio(5, 6)));
    // Thresholds ω_1 = 5/7, ω̄ = 3/4, ω̄_T = 2/3; the trial exactly on (2/3, 3/4].
    assert_eq!(omega_1(&p1).unwrap().as_rational(), Some(&ratio(5, 7)));
    assert_eq!(
        omega_bar(&p1, Variant::Baseline).unwrap().as_rational(),
        Some(&ratio(3, 4))
    );
    assert_eq!(
        omega_bar(&p1, Variant::Trial).unwrap().as_rational(),
        Some(&ratio(2, 3))
    );
    for i in 0..=120 {
        let omega = ratio(i, 120);
        let offered = solve(&Params::p1(omega.clone())).trial;
        assert_eq!(
            offered,
            omega > ratio(2, 3) && omega <= ratio(3, 4),
            "ω = {omega}"
        );
    }
}

#[test]
fn the_welfare_trap_end_is_an_algebraic_root_of_the_derived_polynomial() {
    let p1 = Params::p1(int(0));
    let (w, poly) = omega_w(&p1).expect("P1's full openness beats blockade");
    let poly = poly.expect("W crosses W(blockade) continuously on P1");
    assert!(w.as_rational().is_none());
    assert_eq!(w.sign_of_poly(&poly), std::cmp::Ordering::Equal);
    // Between ω̄ = 3/4 and 1, and W − W(blockade) changes sign there.
    let w_b = solve(&p1).w;
    let mut w = w;
    w.refine(&gpai::exact::rational::pow2(-30));
    let (lo, hi) = w.interval();
    assert!(lo > ratio(3, 4) && hi < int(1));
    let at = |x: Rational| solve(&Params::p1(x)).w - &w_b;
    assert!(at(lo) < 0 && at(hi) > 0);
}

/// L's payoff at effort `e` with F's strict reply.
fn payoff(m: &Market<Rational>, e: &Rational) -> Rational {
    let entered = m.entry_margin(e) > 0;
    m.outcome(e, entered).pi_l
}

fn game() -> impl Strategy<Value = Params> {
    (1i64..=8, 5i64..=48, 1i64..=24, 1i64..=20, 0i64..=40).prop_map(|(c, k, kappa, tau, w)| {
        Params::new(
            int(1),
            ratio(c, 10),
            ratio(k, 12) + ratio(8, 9),
            ratio(kappa, 12),
            ratio(tau, 21),
            ratio(w, 40),
        )
        .unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x636f_6d70),
        ..ProptestConfig::default()
    })]

    /// No effort on a fine exact grid beats the solver's choice (F's reply decided exactly).
    #[test]
    fn the_leaders_choice_beats_every_effort_on_a_grid(p in game()) {
        for v in [Variant::Baseline, Variant::Integrated, Variant::Trial] {
            let m = market(&p, v, p.omega().clone());
            let best = equilibrium(&m).outcome.pi_l;
            for i in 0..=400 {
                let e = ratio(i, 200);
                prop_assert!(payoff(&m, &e) <= best, "{v:?}: effort {e} beats the choice");
            }
        }
    }

    /// The float dense search agrees with the exact solver.
    #[test]
    fn exact_and_float_agree(p in game()) {
        let s = solve(&p);
        let f = float::solve(&p);
        let close = |x: &Rational, y: f64| (to_f64(x) - y).abs() <= 1e-7;
        prop_assert!(close(&s.base.outcome.pi_l, f.pi_l), "pi_l {} vs {}", to_f64(&s.base.outcome.pi_l), f.pi_l);
        // Efforts and regimes may differ only where L is (numerically) indifferent.
        if f.regime == s.base.regime.to_string() {
            prop_assert!(close(&s.base.outcome.e, f.e), "e {} vs {}", to_f64(&s.base.outcome.e), f.e);
            prop_assert!(close(&s.w, f.w), "w");
        }
    }

    /// Inside the spec's domain the regime follows the thresholds (K1, at random games).
    #[test]
    fn regimes_follow_the_thresholds(p in game()) {
        prop_assume!(p.in_spec_domain());
        let (w1, wb) = (omega_1(&p).unwrap(), omega_bar(&p, Variant::Baseline).unwrap());
        let s = solve(&p);
        let expected = if w1.cmp_rational(p.omega()).is_ge() {
            Regime::Blockade
        } else if wb.cmp_rational(p.omega()).is_ge() {
            Regime::Deterrence
        } else {
            Regime::Accommodation
        };
        prop_assert_eq!(s.base.regime, expected);
    }
}

#[test]
fn bad_input_names_the_parameter_and_its_domain() {
    for (args, fragment) in [
        (
            &["c=2"][..],
            "c = 2 is outside its domain: a rational in (0, a)",
        ),
        (
            &["k=1/2"][..],
            "k = 1/2 is outside its domain: a rational > 8/9",
        ),
        (
            &["omega=3/2"][..],
            "omega = 3/2 is outside its domain: an openness in [0, 1]",
        ),
        (&["tau=1"][..], "tau = 1 is outside its domain"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(["solve", "competition"])
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(fragment), "{args:?}: {stderr}");
    }
}

/// Games over the model's whole declared domain (a > 0, 0 < c < a, k > 8/9, κ > 0, 0 < τ < 1),
/// not only the spec's.
fn wide_game() -> impl Strategy<Value = Params> {
    (1i64..=12, 1i64..=9, 1i64..=48, 1i64..=36, 1i64..=20).prop_map(|(a, c, k, kappa, tau)| {
        let a = ratio(a, 3);
        Params::new(
            a.clone(),
            &a * ratio(c, 10),
            ratio(k, 12) + ratio(8, 9),
            ratio(kappa, 12),
            ratio(tau, 21),
            int(0),
        )
        .unwrap()
    })
}

/// Openness values to check a threshold against: an even grid, and rationals within 2^-30 of
/// the threshold on either side (and the threshold itself when it is rational).
fn around(t: Option<&gpai::exact::Algebraic>) -> Vec<Rational> {
    let mut out: Vec<Rational> = (0..=32).map(|i| ratio(i, 32)).collect();
    if let Some(t) = t {
        let mut narrow = t.clone();
        narrow.refine(&gpai::exact::rational::pow2(-40));
        let (lo, hi) = narrow.interval();
        let step = gpai::exact::rational::pow2(-30);
        out.extend([&lo - &step, lo, hi.clone(), hi + step]);
        out.extend(t.as_rational().cloned());
    }
    out.retain(|w| *w >= int(0) && *w <= int(1));
    out.sort();
    out.dedup();
    out
}

/// The games the threshold formulas got wrong, with what the model's own solves say.
#[test]
fn thresholds_outside_the_formulas_reach_are_the_solvers() {
    let game = |a, c, k, kappa, tau| Params::new(a, c, k, kappa, tau, int(0)).unwrap();
    // 2A > 3τκ: with the trial, L deters F by investing more below 1/2; the formula said 1/3.
    let p = game(int(1), ratio(1, 4), int(3), ratio(3, 4), ratio(1, 2));
    let t = omega_bar(&p, Variant::Trial).unwrap();
    assert_eq!(
        t.defining_poly().display_in("w").to_string(),
        "106*w^4 - 492*w^3 - 917*w^2 + 798*w - 143"
    );
    assert_eq!(t.decimal(6).digits, "0.404666");
    // The trial is offered exactly on (7/19, 2/3] (the solves at either side of each end).
    let offered = |w: Rational| solve(&p.at_omega(w).unwrap()).trial;
    let step = gpai::exact::rational::pow2(-20);
    for (w, expected) in [
        (ratio(7, 19), false),
        (ratio(7, 19) + &step, true),
        (ratio(2, 3), true),
        (ratio(2, 3) + &step, false),
    ] {
        assert_eq!(offered(w.clone()), expected, "trial at {w}");
    }
    // The formula printed -37/135 and -11/45: thresholds below 0.
    let p = game(ratio(17, 6), ratio(7, 5), ratio(3, 2), int(1), ratio(3, 8));
    assert!(omega_bar(&p, Variant::Trial).unwrap().sign().is_gt());
    let p = game(
        ratio(8, 3),
        ratio(1, 3),
        ratio(5, 3),
        ratio(5, 8),
        ratio(3, 4),
    );
    let t = omega_bar(&p, Variant::Baseline).unwrap();
    assert_eq!(t.decimal(6).digits, "0.282714");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 120,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x7468_7265),
        ..ProptestConfig::default()
    })]

    /// Each derived threshold says what the per-game solves find on either side of it, over the
    /// whole declared domain: blockade exactly for ω ≤ ω_1, F in exactly for ω > ω̄ (and with
    /// the trial for ω > ω̄_T). (ω̄ was once printed from 1 − A/(3κ), which holds only when
    /// L deters F by investing less.)
    #[test]
    fn thresholds_agree_with_the_per_game_solves_around_them(p in wide_game()) {
        let at = |variant: Variant, w: &Rational| equilibrium(&market(&p, variant, w.clone()));
        let w1 = omega_1(&p);
        for w in around(w1.as_ref()) {
            let blockade = at(Variant::Baseline, &w).regime == Regime::Blockade;
            if let Some(t) = &w1 {
                prop_assert_eq!(blockade, t.cmp_rational(&w).is_ge(), "omega_1 = {:?} at omega = {}", t, w);
            }
        }
        for variant in [Variant::Baseline, Variant::Trial] {
            let t = omega_bar(&p, variant);
            let samples = around(t.as_ref());
            let entered: Vec<bool> = samples.iter().map(|w| at(variant, w).entered).collect();
            match &t {
                Some(t) => {
                    for (w, e) in samples.iter().zip(&entered) {
                        prop_assert_eq!(*e, t.cmp_rational(w).is_lt(), "{:?} threshold {:?} at omega = {}", variant, t, w);
                    }
                }
                // No threshold: F's entry is not one final stretch, so the samples must not be
                // out everywhere below some point and in everywhere above it, with both seen.
                None => {
                    let first_in = entered.iter().position(|e| *e);
                    let clean = first_in.is_some_and(|k| k > 0 && entered[k..].iter().all(|e| *e));
                    prop_assert!(!clean, "{:?}: no threshold, but the samples show one ({:?})", variant, entered);
                }
            }
        }
    }
}
