//! `gpai audit`: exact verdicts, boundaries that agree with the model's own closed forms, located errors.

use std::process::Command;

use gpai::audit::{audit, parse_policy};
use gpai::exact::Algebraic;
use gpai::exact::rational::{int, ratio};
use gpai::models::openness::{Params, boundaries};

fn policy(assert: &str, family: &str) -> String {
    format!(
        "title = \"t\"\nmodel = \"openness\"\nassert = \"{assert}\"\n\n[params]\ntheta = \"3/4\"\np = \"1/32\"\n\n[family]\nalpha0 = \"{family}\"\n"
    )
}

#[test]
fn a_false_policy_gets_its_exact_boundary_and_first_counterexample() {
    let p = parse_policy("p.toml", &policy("all comply", "[1/2, 1]")).unwrap();
    let a = audit(&p).unwrap();
    assert!(!a.holds);
    assert_eq!(a.method, "proved");
    // Below alpha0 = 3/4 the threshold does not bind (slack); at 3/4 exactly it still does not.
    assert_eq!(a.changes, vec![Algebraic::from_rational(ratio(3, 4))]);
    assert_eq!(a.holding.len(), 1);
    assert!(!a.holding[0].lo_closed && a.holding[0].hi_closed);
    assert_eq!(a.counterexample.as_ref().unwrap().0, ratio(1, 2));
}

#[test]
fn a_true_policy_reports_where_it_stops_holding_as_the_model_computes_it() {
    let p = parse_policy("p.toml", &policy("all comply", "[4/5, 1]")).unwrap();
    let a = audit(&p).unwrap();
    assert!(a.holds);
    // The upper boundary found by the cell decomposition is the model's alpha0_dagger
    // (derived separately, from the indifference penalty): 3/4 + sqrt(2)/4.
    let q = Params::base()
        .with("theta", ratio(3, 4))
        .with("p", ratio(1, 32));
    let dagger = boundaries(&q).alpha0_dagger.unwrap();
    assert_eq!(a.beyond[0].0, dagger);
    assert_eq!(a.beyond[0].1, dagger.sub(&Algebraic::from_rational(int(1))));
    assert_eq!(a.beyond[1].0, Algebraic::from_rational(ratio(3, 4)));
}

#[test]
fn openness_thresholds_and_other_shorthands() {
    // Openness at least 3/4 along the threshold: G complies up to theta_p, above it pays.
    let text = "title = \"t\"\nmodel = \"openness\"\nassert = \"openness at least 1/2\"\n\n[params]\np = \"1/256\"\n\n[family]\ntheta = \"[0, 1]\"\n";
    let a = audit(&parse_policy("p.toml", text).unwrap()).unwrap();
    assert!(a.holds, "omega_N = 1/2 at alpha0 = 1");
    let pay = "title = \"t\"\nmodel = \"openness\"\nassert = \"no deadweight loss\"\n\n[params]\np = \"1/256\"\n\n[family]\ntheta = \"[1/2, 1]\"\n";
    let a = audit(&parse_policy("p.toml", pay).unwrap()).unwrap();
    assert!(!a.holds);
    // Pay starts beyond theta_p = 5/8 (spec: theta_p = omega~ + sqrt(p/A) = 1/2 + 1/8).
    assert_eq!(a.changes, vec![Algebraic::from_rational(ratio(5, 8))]);
}

#[test]
fn malformed_policies_exit_2_with_a_location() {
    let dir = std::env::temp_dir().join(format!("gpai-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    // Each bad policy is refused with exit 2; the message is on standard error.
    let refused = |text: String| {
        std::fs::write(&path, text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(["audit", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = refused(policy("all comply", "[1/2, 1]").replace("alpha0 = ", "alpha9 = "));
    assert!(
        err.contains("bad.toml:10:") && err.contains("unknown parameter \"alpha9\""),
        "{err}"
    );
    // An exists is no assertion an audit can decide: its search can fail where a value exists.
    let err = refused(policy("exists theta in (0, 1): theta > 0", "[1/2, 1]"));
    assert!(
        err.contains("bad.toml:3:11: an assertion may not use exists"),
        "{err}"
    );
    // An assertion that cannot be evaluated at the family's end is that error, located, not
    // "the family's lower end is not a game".
    let err = refused(policy("(((alpha0 + 1)^64)^64)^64 > 0", "[1/2, 1]"));
    assert!(
        err.contains("bad.toml:3:") && err.contains("GPAI_MAX_COMPUTED_DIGITS"),
        "{err}"
    );
    let good = dir.join("good.toml");
    std::fs::write(&good, policy("none exits", "[1/2, 1]")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args(["audit", good.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6770_6169),
        ..ProptestConfig::default()
    })]

    /// The exact verdict agrees with direct exact evaluation at rational points of the family:
    /// a point is in a holding interval exactly when the assertion is true there.
    #[test]
    fn holding_intervals_match_pointwise_truth(
        theta in 1i64..=16, p in 1i64..=64, which in 0usize..4, lo in 1i64..=12, width in 1i64..=12,
    ) {
        let assert = ["all comply", "none exits", "no deadweight loss", "openness at least 3/5"][which];
        let text = format!(
            "title = \"t\"\nmodel = \"openness\"\nassert = \"{assert}\"\n\n[params]\ntheta = \"{theta}/16\"\np = \"{p}/256\"\n\n[family]\nalpha0 = \"[{lo}/8, {}/8]\"\n",
            lo + width
        );
        let policy = parse_policy("p.toml", &text).unwrap();
        let a = audit(&policy).unwrap();
        prop_assert_eq!(a.method, "proved");
        for k in 0..=20i64 {
            let t = ratio(lo * 20 + width * k, 160);
            let x = Algebraic::from_rational(t.clone());
            let inside = a.holding.iter().any(|i| {
                let above = if i.lo_closed { x >= i.lo } else { x > i.lo };
                let below = if i.hi_closed { x <= i.hi } else { x < i.hi };
                above && below
            });
            let q = Params::base()
                .with("theta", ratio(theta, 16))
                .with("p", ratio(p, 256))
                .with("alpha0", t.clone());
            let e = gpai::models::openness::solve(&q);
            let truth = match which {
                0 => e.regime.to_string() == "comply",
                1 => e.regime.releases(),
                2 => e.regime.to_string() != "pay",
                _ => e.omega >= ratio(3, 5),
            };
            prop_assert_eq!(inside, truth, "alpha0 = {} in {}", t, text);
        }
    }
}

#[test]
fn models_without_decision_quantities_are_audited_on_samples_with_exact_floor_boundaries() {
    // The safety game along theta_d (theta_g = 0): backfiring starts exactly at 3/8, located by
    // the line's event equations; the verdict itself rests on samples, and says so.
    let text = "title = \"t\"\nmodel = \"safety_regulation\"\nassert = \"none backfires\"\n\n[params]\ntheta_g = 0\n\n[family]\ntheta_d = \"[0, 1/4]\"\n";
    let a = audit(&parse_policy("p.toml", text).unwrap()).unwrap();
    assert!(a.holds);
    assert_eq!(a.method, "verified");
    assert_eq!(a.beyond[0].0, Algebraic::from_rational(ratio(3, 8)));
    assert_eq!(a.beyond[0].1, Algebraic::from_rational(ratio(1, 8)));
}
