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

mod bargaining {
    use super::*;
    use gpai::exact::Value;
    use gpai::exact::rational::pow2;
    use gpai::models::fine_tuning_n::bargain::{Config, bargain};
    use gpai::models::fine_tuning_n::per_domain;
    use gpai::models::fine_tuning_n::search::find_components;

    fn utilities(q: &Params, delta: &Rational) -> Vec<Rational> {
        let e = solve(&q.with_common_delta(delta).unwrap());
        std::iter::once(e.u_g)
            .chain(e.domains.into_iter().map(|o| o.utility))
            .collect()
    }

    fn dominates(a: &[Rational], b: &[Rational]) -> bool {
        a.iter().zip(b).all(|(x, y)| x >= y) && a.iter().zip(b).any(|(x, y)| x > y)
    }

    fn contains(v: &Value, x: &Rational) -> bool {
        let b = v.bounds();
        b.lo <= *x && *x <= b.hi
    }

    fn config() -> Config {
        Config {
            grid: 64,
            width: pow2(-30),
        }
    }

    #[test]
    fn one_domain_bargains_like_the_one_specialist_game() {
        for (c0, c1) in [(1, 2), (2, 1), (1, 1), (3, 1), (1, 5)] {
            let q = Params::new(
                int(c0),
                int(0),
                vec![domain(int(1), int(c1), int(0), int(0), int(0))],
            )
            .unwrap();
            let n = bargain(&q, &config()).unwrap();
            let one = fine_tuning::bargain(
                &fine_tuning::Params::quadratic(int(c0), int(c1), int(1)).unwrap(),
                &fine_tuning::Config::default(),
            )
            .unwrap();
            for name in ["nash", "egalitarian", "utilitarian", "kalai_smorodinsky"] {
                let ours = n.solution(name).unwrap();
                let theirs = one.solution(name).unwrap();
                assert_eq!(ours.delta, theirs.delta, "{name} at c0={c0}, c1={c1}");
                assert_eq!(ours.u[0], theirs.u_g, "{name} u_g at c0={c0}, c1={c1}");
                assert_eq!(ours.u[1], theirs.u_d, "{name} u_d at c0={c0}, c1={c1}");
            }
            // One component, whose ends enclose the paper's Pareto ends.
            assert_eq!(n.components.len(), 1, "c0={c0}, c1={c1}");
            let c = &n.components[0];
            for (ours, theirs) in [(&c.lo, &one.pareto.0), (&c.hi, &one.pareto.1)] {
                let x = theirs.as_exact().unwrap().as_rational().unwrap();
                assert!(contains(ours, x), "{ours:?} vs {x} at c0={c0}, c1={c1}");
                assert!(ours.bounds().width() <= pow2(-30));
            }
        }
    }

    #[test]
    fn the_toolkit_finds_a_disconnected_pareto_set() {
        let found = find_components(2, 2, 1, 100, &config()).unwrap().unwrap();
        let b = &found.bargain;
        assert!(b.components.len() >= 2);
        let q = &found.params;
        // Independently of the analysis: on a fine grid of shares, a share inside each
        // component is dominated by none, and a share between two components is dominated.
        let grid: Vec<Vec<Rational>> = (0..=1000).map(|k| utilities(q, &ratio(k, 1000))).collect();
        let inside = |c: &gpai::models::fine_tuning_n::bargain::Component| {
            (&c.lo.bounds().hi + &c.hi.bounds().lo) / int(2)
        };
        for c in &b.components {
            let x = inside(c);
            let u = utilities(q, &x);
            assert!(
                grid.iter().all(|g| !dominates(g, &u)),
                "a grid share dominates {x}"
            );
        }
        let gap = (&b.components[0].hi.bounds().hi + &b.components[1].lo.bounds().lo) / int(2);
        let u = utilities(q, &gap);
        assert!(
            grid.iter().any(|g| dominates(g, &u)),
            "nothing dominates {gap}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 24,
            rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
            ..ProptestConfig::default()
        })]

        /// Probes the analysis calls Pareto-optimal are dominated by no share of a fine grid,
        /// and every probe it calls dominated is dominated by a grid share or another probe
        /// (membership cross-checked by brute force, exactly).
        #[test]
        fn membership_agrees_with_brute_force(
            draws in proptest::collection::vec((1i64..=6, 1i64..=6, 0i64..=4, 0i64..=4), 2),
            c0 in 1i64..=4,
            kappa0 in 0i64..=2,
        ) {
            let domains = draws.iter().map(|&(r, c, k, a)| {
                domain(ratio(r, 2), ratio(c, 2), ratio(k, 8), ratio(a, 8), int(0))
            }).collect();
            let q = Params::new(int(c0), ratio(kappa0, 8), domains).unwrap();
            let b = bargain(&q, &Config { grid: 32, width: pow2(-20) }).unwrap();
            let grid: Vec<Vec<Rational>> = (0..=400).map(|k| utilities(&q, &ratio(k, 400))).collect();
            for c in &b.components {
                let x = (&c.lo.bounds().hi + &c.hi.bounds().lo) / int(2);
                if x < c.lo.bounds().hi || x > c.hi.bounds().lo {
                    continue;
                }
                let u = utilities(&q, &x);
                prop_assert!(grid.iter().all(|g| !dominates(g, &u)), "{x} is dominated");
            }
        }
    }

    #[test]
    fn per_domain_outcomes_cover_the_grid_and_refuse_bad_steps() {
        let q = Params::new(
            int(1),
            int(0),
            vec![
                domain(int(1), int(1), int(0), int(0), int(0)),
                domain(int(2), int(1), ratio(1, 8), int(0), int(0)),
            ],
        )
        .unwrap();
        let outcomes = per_domain::outcomes(&q, &ratio(1, 4)).unwrap();
        assert_eq!(outcomes.len(), 25);
        let last = outcomes.last().unwrap();
        assert_eq!(last.id, "delta=(1,1)");
        let e = solve(
            &Params::new(
                int(1),
                int(0),
                vec![
                    domain(int(1), int(1), int(0), int(0), int(1)),
                    domain(int(2), int(1), ratio(1, 8), int(0), int(1)),
                ],
            )
            .unwrap(),
        );
        assert_eq!(last.utilities[0], e.u_g.into());
        for bad in [ratio(2, 7), int(0), int(2)] {
            assert!(per_domain::outcomes(&q, &bad).is_err(), "{bad}");
        }
    }

    /// A domain that gains at no share gets 0 at every share: its ideal is every share, and the
    /// bargain says the rule chose the smallest, in the report and for a claim that reads it.
    #[test]
    fn an_ideal_of_equal_value_everywhere_is_a_reported_tie() {
        let args = ["r=1/2,2", "c=3,1/2", "kappa=1,1/8", "a=1/2", "kappa0=1/4"];
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(["bargain", "fine_tuning_n"])
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let ties: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("ties resolved"))
            .skip(1)
            .collect();
        assert_eq!(
            ties,
            [
                "  d1_ideal: delta = 0 over every other examined delta (equal utility to the player; smaller delta)"
            ],
            "{text}"
        );
        let model = gpai::models::find("fine_tuning_n").unwrap();
        let arguments =
            gpai::models::arguments::Arguments::parse(model, &args.map(String::from)).unwrap();
        let mut game = model.game(&arguments).unwrap();
        let mut shared = Default::default();
        game.output("d1_ideal.delta", &mut shared).unwrap();
        assert_eq!(game.ties("d1_ideal.delta").len(), 1);
        game.output("nash.delta", &mut shared).unwrap();
        assert!(game.ties("nash.delta").is_empty());
        assert!(game.ties("pareto.components").is_empty());
    }
}
