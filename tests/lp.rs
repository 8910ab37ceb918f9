//! HiGHS is linked and answers a small LP with the optimum we know exactly.

#[test]
fn highs_solves_a_two_variable_lp() {
    let optimum = gpai::lp::probe().expect("HiGHS solves the probe LP");
    // The exact optimum is 14/5 at (8/5, 6/5); the solver's float must be within round-off.
    assert!((optimum - 2.8).abs() < 1e-9, "HiGHS returned {optimum}");
}
