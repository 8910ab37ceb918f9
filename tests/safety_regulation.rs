//! The safety-regulation game: the reference game, the backfiring line, and agreement with the float solver.

use std::cmp::Ordering;

use gpai::exact::bipoly::BiPoly;
use gpai::exact::rational::{int, pow2, ratio, to_f64};
use gpai::exact::resultant::resultant_y;
use gpai::exact::{Algebraic, Rational};
use gpai::models::safety_regulation::exact::payoffs_at;
use gpai::models::safety_regulation::line::{Line, exact_change};
use gpai::models::safety_regulation::regimes::{Regime, Strategy as Label};
use gpai::models::safety_regulation::{Costs, Params, classify, float, solve};
use gpai::sweep::boundary::{Change, changes};
use proptest::prelude::*;

fn q(x: &Algebraic) -> Rational {
    x.as_rational().cloned().expect("a rational value")
}

#[test]
fn reference_game_unregulated() {
    let spe = solve(&Params::reference());
    let values: Vec<Rational> = [
        &spe.alpha0,
        &spe.beta0,
        &spe.alpha1,
        &spe.beta1,
        &spe.u_g,
        &spe.u_d,
    ]
    .into_iter()
    .map(q)
    .collect();
    assert_eq!(
        values,
        [
            ratio(1, 4),
            ratio(1, 4),
            ratio(1, 2),
            ratio(1, 2),
            ratio(3, 8),
            ratio(3, 8)
        ]
    );
}

#[test]
fn weak_regulation_of_d_backfires_on_the_figure_3_line() {
    // θ_G = 0, θ_D = 2/5: G drops its own safety to 0 and lets D's floor carry it.
    let outcome = classify(
        &Params::reference()
            .with_floors(int(0), ratio(2, 5))
            .unwrap(),
    );
    let spe = &outcome.regulated;
    assert_eq!((q(&spe.beta0), q(&spe.beta1)), (int(0), ratio(2, 5)));
    assert_eq!(q(&spe.u_g), ratio(31, 80));
    assert_eq!(
        (spe.g_strategy, spe.d_strategy),
        (Label::SafetyFloor, Label::SafetyFloor)
    );
    assert_eq!(outcome.regime, Regime::Backfire);
    // A floor at the unregulated final safety never backfires (Lemma 10.2).
    let strong = classify(
        &Params::reference()
            .with_floors(int(0), ratio(1, 2))
            .unwrap(),
    );
    assert!(!strong.backfire);
    // Too strong a floor drives G out.
    let exit = classify(
        &Params::reference()
            .with_floors(int(0), ratio(5, 2))
            .unwrap(),
    );
    assert_eq!(exit.regime, Regime::MarketExit);
}

fn costs() -> impl Strategy<Value = Costs> {
    // Diagonal terms in (0, 4]; cross terms of both signs, including indefinite matrices.
    ((1i64..=8), (1i64..=8), (-15i64..=20)).prop_filter_map("copositive", |(a, b, c)| {
        Costs::new(ratio(a, 2), ratio(c, 8), ratio(b, 2), "c").ok()
    })
}

fn game() -> impl Strategy<Value = Params> {
    (
        costs(),
        costs(),
        0i64..=6,
        0i64..=6,
        0i64..=10,
        0i64..=30,
        0i64..=40,
    )
        .prop_filter_map("valid game", |(c0, c1, ra, rb, delta, tg, td)| {
            Params::new(
                c0,
                c1,
                (ratio(ra, 2), ratio(rb, 2)),
                ratio(delta, 10),
                (ratio(tg, 20), ratio(td, 20)),
            )
            .ok()
        })
}

/// A float as an exact rational (every finite double is one).
fn exact_of(x: f64) -> Rational {
    Rational::try_from(x).expect("a finite double")
}

proptest! {
    // The float solver is a heuristic baseline: agreement is checked on a fixed, seeded set of
    // random games so that CI is reproducible (`PROPTEST_CASES=500` explores more locally).
    #![proptest_config(ProptestConfig {
        cases: 40,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6770_6169),
        ..ProptestConfig::default()
    })]

    /// Stated tolerance: G's equilibrium utility within 1e-5 (relative).
    #[test]
    fn exact_and_float_solvers_agree(params in game()) {
        let exact = solve(&params);
        let approx = float::solve(&params);
        let u_g = exact.u_g.to_f64();
        prop_assert!((u_g - approx.u_g).abs() <= 1e-5 * (1.0 + u_g.abs()), "U_G exact {} float {} at {:?}", u_g, approx.u_g, params);
    }
}

proptest! {
    // Floats only ever settle a comparison of values that are apart: with the filter off every
    // comparison is exact, and every output (values, strategies, regime, ties) must be the same.
    #![proptest_config(ProptestConfig {
        cases: 1000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6669_6c74),
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_float_filter_changes_no_output(params in game()) {
        use gpai::exact::float_interval::without_filter;
        let filtered = classify(&params);
        let exact = without_filter(|| classify(&params));
        prop_assert_eq!(filtered, exact, "at {:?}", params);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn the_float_solver_never_finds_a_better_strategy(params in game()) {
        let exact = solve(&params);
        let approx = float::solve(&params);
        if approx.participates {
            // G's float choice, evaluated exactly with D's exact reply, is no better. (Rounding
            // to a double can put it a hair outside G's floors; it is taken back onto them.)
            let alpha0 = exact_of(approx.alpha0).max(int(0));
            let beta0 = exact_of(approx.beta0).max(params.theta_g().clone());
            let (u_g, _) = payoffs_at(&params, &alpha0, &beta0);
            prop_assert!(exact.u_g.cmp_rational(&u_g) != Ordering::Less, "G: float {} beats exact {} at {:?}", to_f64(&u_g), exact.u_g.to_f64(), params);
        }
        if exact.participates() {
            // D's float reply to the exact base model, if feasible, is no better than D's exact one.
            let (u, v) = float::reply(&params, exact.beta0.to_f64());
            let (u, v) = (exact_of(u.max(0.0)), exact_of(v));
            let floor = Algebraic::from_rational(params.theta_d().clone()).sub(&exact.beta0);
            let feasible = floor.cmp_rational(&v) != Ordering::Greater && exact.beta0.add(&Algebraic::from_rational(v.clone())).cmp_rational(&int(0)) != Ordering::Less;
            if feasible && v >= 0 {
                let keep = int(1) - params.delta();
                let gamma0 = params.r_a() * &keep;
                let x = Algebraic::from_rational(gamma0.clone() * &u + params.r_b() * &keep * &v - params.c1().quad(&u, &v));
                let base = exact.alpha0.mul(&Algebraic::from_rational(gamma0)).add(&exact.beta0.mul(&Algebraic::from_rational(params.r_b() * &keep)));
                prop_assert!(base.add(&x) <= exact.u_d, "D: a float reply beats the exact one at {:?}", params);
            }
        }
    }

    #[test]
    fn regimes_partition_and_abstention_is_never_backfire(params in game()) {
        let outcome = classify(&params);
        if !outcome.regulated.participates() {
            prop_assert_eq!(outcome.regime, Regime::MarketExit);
            prop_assert!(!outcome.backfire);
        }
        // Lemma 10.2: a floor on D at or above the unregulated final safety never backfires.
        if outcome.unregulated.participates() && outcome.unregulated.beta1.cmp_rational(params.theta_d()) != Ordering::Greater {
            prop_assert!(!outcome.backfire, "backfire with theta_d >= beta1^A at {:?}", params);
        }
    }
}

#[test]
fn an_optimum_off_the_papers_list_is_flagged() {
    // δ = 1: D earns nothing, so below θ_D its forced safety makes it leave; G must meet the
    // floor exactly, at the β0 where D's KKT form switches: no critical point, not θ_G.
    let params = Params::new(
        Costs::new(int(1), ratio(3, 4), ratio(3, 2), "c0").unwrap(),
        Costs::new(ratio(3, 2), ratio(-1, 2), ratio(5, 2), "c1").unwrap(),
        (int(2), int(1)),
        int(1),
        (ratio(3, 10), ratio(3, 5)),
    )
    .unwrap();
    let spe = solve(&params);
    assert_eq!(q(&spe.beta0), ratio(3, 5));
    assert!(!spe.paper_candidate);
    assert!(solve(&Params::reference()).paper_candidate);
}

/// The paper's Figure 2, run in full: the triangle θ_G ∈ [0, 5/4], θ_D ∈ [θ_G, 5/2] at step 1/200.
#[test]
fn figure_2_rows_are_the_same_without_the_float_filter() {
    use gpai::exact::float_interval::without_filter;
    use gpai::models::safety_regulation::sweep::{Engine, Sweeper};
    use gpai::sweep::grid::Grid;
    let specs = [
        "theta_g=0:5/4:1/20".to_string(),
        "theta_d=theta_g:5/2:1/20".to_string(),
    ];
    let points = Grid::parse(&specs).unwrap().points(10_000).unwrap();
    let info = gpai::models::find("safety_regulation").unwrap();
    let base = gpai::models::arguments::Arguments::parse(info, &[]).unwrap();
    let sweeper = Sweeper::new(base, &["theta_g".into(), "theta_d".into()], Engine::Exact).unwrap();
    for point in &points {
        let filtered = sweeper.row(point).unwrap();
        assert_eq!(filtered, without_filter(|| sweeper.row(point).unwrap()));
    }
    assert!(points.len() > 900, "{}", points.len());
}

#[test]
fn figure_2_sweep_every_optimum_is_on_the_papers_list() {
    use gpai::models::safety_regulation::sweep::{Engine, Sweeper};
    use gpai::sweep::grid::{Grid, max_points};
    use gpai::sweep::{Plan, run};
    let specs = [
        "theta_g=0:5/4:1/200".to_string(),
        "theta_d=theta_g:5/2:1/200".to_string(),
    ];
    let grid = Grid::parse(&specs).unwrap();
    let (count, points) = grid.sampled(max_points(), 1).unwrap();
    assert_eq!((count, points.len()), (94_376, 94_376));
    let info = gpai::models::find("safety_regulation").unwrap();
    let base = gpai::models::arguments::Arguments::parse(info, &[]).unwrap();
    let sweeper = Sweeper::new(base, &["theta_g".into(), "theta_d".into()], Engine::Exact).unwrap();
    let mut off_list = Vec::new();
    let mut regimes = std::collections::BTreeMap::new();
    let plan = Plan {
        jobs: 2,
        shard: None,
        every: 1,
    };
    run(
        &points,
        &plan,
        |p| sweeper.row(p),
        |&(index, _), row| {
            let cell = |name: &str| {
                row.cells
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .unwrap()
            };
            if cell("paper_candidate") == "false" {
                off_list.push(index);
            }
            *regimes.entry(cell("regime")).or_insert(0) += 1;
            Ok(())
        },
        |_, _| {},
    )
    .unwrap();
    assert!(
        off_list.is_empty(),
        "optima off the paper's list at {off_list:?}"
    );
    assert_eq!(regimes.values().sum::<usize>(), 94_376);
    assert!(regimes["backfire"] > 0 && regimes["mutualism"] > 0 && regimes["market_exit"] > 0);
}

/// The labels a boundary follows: regime, G's strategy, D's strategy.
type Labels = (Regime, Label, Label);

/// The labels computed exactly at a rational point of a line.
fn line_labels(line: &Line, t: &Rational) -> gpai::error::Result<Labels> {
    let outcome = classify(&line.at(t)?);
    Ok((
        outcome.regime,
        outcome.regulated.g_strategy,
        outcome.regulated.d_strategy,
    ))
}

/// Every change along a line with its exact point, when there is one.
fn exact_boundaries(
    line: &Line,
    (from, to): (&Rational, &Rational),
) -> Vec<(Change<Labels>, Option<Algebraic>)> {
    let found = changes(from, to, 50, &pow2(-40), |t| line_labels(line, t)).unwrap();
    found
        .into_iter()
        .map(|c| {
            let exact = exact_change(line, &c.lo, &c.hi, |t| line_labels(line, t)).unwrap();
            (c, exact)
        })
        .collect()
}

#[test]
fn figure_3_line_boundaries_are_exact() {
    let (from, to) = (int(0), ratio(5, 2));
    let line = Line::new(
        Params::reference(),
        (int(0), int(0)),
        (int(0), int(1)),
        (from.clone(), to.clone()),
    )
    .unwrap();
    let found = exact_boundaries(&line, (&from, &to));
    let exact: Vec<Algebraic> = found.iter().map(|(_, e)| e.clone().unwrap()).collect();
    assert_eq!(exact.len(), 4);
    // G's jump, the end of backfiring at β1^A = 1/2 (Lemma 10.2), D's participation binding.
    assert_eq!(exact[0], Algebraic::from_rational(ratio(3, 8)));
    assert_eq!(exact[1], Algebraic::from_rational(ratio(1, 2)));
    assert_eq!(exact[2], Algebraic::from_rational(ratio(3, 4)));
    assert_eq!(found[0].0.after.0, Regime::Backfire);
    assert_eq!(found[3].0.after.0, Regime::MarketExit);
    // G's exit, derived by hand: D on its safety face (u = 1/4, v = t − β0), G keeping D at
    // U_D = 0 with α0 = 2(t − β0)² − t − 1/8, so U_G = (α0 + 1/4 + t)/2 − α0² − β0²; G leaves
    // where the best β0 (∂U_G/∂β0 = 0) gives U_G = 0: a root of Res_β0(U_G, ∂U_G/∂β0).
    let (t, b) = (BiPoly::x(), BiPoly::y());
    let c = |r: Rational| BiPoly::constant(r);
    let diff = &t - &b;
    let alpha0 = &(&(&diff * &diff).scale(&int(2)) - &t) - &c(ratio(1, 8));
    let revenue = &(&alpha0 + &c(ratio(1, 4))) + &t;
    let u_g = &(&revenue.scale(&ratio(1, 2)) - &(&alpha0 * &alpha0)) - &(&b * &b);
    let eliminant = resultant_y(u_g.rows(), u_g.partial_y().rows());
    assert_eq!(exact[3].sign_of_poly(&eliminant), Ordering::Equal);
    assert_eq!(exact[3].defining_poly().degree(), Some(4));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6770_6169),
        ..ProptestConfig::default()
    })]

    /// An exact boundary separates the labels: just left of it the old labels hold, just right
    /// of it the new ones (2^-60 away, far inside the 2^-40 bracket).
    #[test]
    fn exact_boundaries_separate_the_labels(params in game(), along_d in any::<bool>()) {
        let (from, to) = (int(0), int(3));
        let (g, d) = if along_d {
            ((params.theta_g().clone(), int(0)), (int(0), int(1)))
        } else {
            ((int(0), int(1)), (params.theta_d().clone(), int(0)))
        };
        let line = Line::new(params.clone(), g, d, (from.clone(), to.clone())).unwrap();
        let eps = pow2(-60);
        for (change, exact) in exact_boundaries(&line, (&from, &to)) {
            let Some(mut x) = exact else { continue };
            x.refine(&eps);
            let (lo, hi) = x.interval();
            let left = (&lo - &eps).max(from.clone());
            let right = (&hi + &eps).min(to.clone());
            if x.cmp_rational(&left) == Ordering::Greater {
                prop_assert_eq!(line_labels(&line, &left).unwrap(), change.before, "left of {:?} on {:?}", x, params);
            }
            if x.cmp_rational(&right) == Ordering::Less {
                prop_assert_eq!(line_labels(&line, &right).unwrap(), change.after, "right of {:?} on {:?}", x, params);
            }
        }
    }
}
