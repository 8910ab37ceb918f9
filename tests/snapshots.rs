//! Tabular outputs as insta snapshots under the top-level `snapshots/` folder.

use gpai::exact::poly_parse::parse_poly_named;
use gpai::exact::real_roots;
use gpai::report::{Format, roots::render};

fn roots_table(text: &str, digits: usize, format: Format) -> String {
    let (poly, variable) = parse_poly_named(text).unwrap();
    render(&poly, &variable, &real_roots(&poly), digits, format)
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn roots_tables() {
    snapshot!(
        "roots_wilkinson_8",
        roots_table("(x-1)(x-2)(x-3)(x-4)(x-5)(x-6)(x-7)(x-8)", 6, Format::Table)
    );
    snapshot!(
        "roots_mixed_multiplicities",
        roots_table("(3x-1)^3 (x^2-2)^2", 12, Format::Table)
    );
    snapshot!(
        "roots_quintic_json",
        roots_table("x^5 - x - 1", 20, Format::Json)
    );
    snapshot!(
        "roots_nash_latex",
        roots_table("9x^2 - 4x - 1", 12, Format::Latex)
    );
}

fn gpai_output(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn fine_tuning_tables() {
    snapshot!(
        "bargain_c0_1_c1_2",
        gpai_output(&["bargain", "fine_tuning", "c0=1", "c1=2"])
    );
    snapshot!(
        "bargain_c0_3_c1_1_r_2",
        gpai_output(&["bargain", "fine_tuning", "c0=3", "c1=1", "r=2"])
    );
    snapshot!(
        "bargain_equal_costs",
        gpai_output(&["bargain", "fine_tuning", "c0=1/2", "c1=1/2"])
    );
    snapshot!(
        "bargain_cubic_costs",
        gpai_output(&["bargain", "fine_tuning", "c0=1", "c1=2", "k0=3", "k1=3"])
    );
    snapshot!(
        "solve_c0_1_c1_2_half",
        gpai_output(&["solve", "fine_tuning", "c0=1", "c1=2", "r=1", "delta=1/2"])
    );
}

/// The project's own boundaries under regression: a moved boundary or changed label fails here
/// (as `gpai boundary --check FILE` does for a researcher's stored report).
#[test]
fn boundary_records() {
    snapshot!(
        "boundary_figure_3",
        gpai_output(&[
            "boundary",
            "safety_regulation",
            "--along",
            "theta_d=0:5/2",
            "theta_g=0",
            "--format",
            "json",
        ])
    );
    snapshot!(
        "boundary_theta_g_line",
        gpai_output(&[
            "boundary",
            "safety_regulation",
            "--along",
            "theta_g=0:5/4",
            "theta_d=1",
        ])
    );
    // The fine-tuning Pareto set's ends for a few cost ratios c1/c0 (k0 = k1 = 2 and cubic).
    use gpai::exact::rational::{int, ratio};
    use gpai::models::fine_tuning::{Params, bargain};
    use gpai::report::value::exact_text;
    let mut rows = Vec::new();
    for (c1, k) in [
        (ratio(1, 4), 2),
        (ratio(1, 2), 2),
        (int(1), 2),
        (int(2), 2),
        (int(4), 2),
        (int(2), 3),
    ] {
        let params = Params::new(int(1), c1.clone(), int(1), k, k).unwrap();
        let b = bargain(&params, &Default::default()).unwrap();
        rows.push(vec![
            c1.to_string(),
            k.to_string(),
            exact_text(&b.pareto.0, "x", 12),
            exact_text(&b.pareto.1, "x", 12),
        ]);
    }
    snapshot!(
        "pareto_endpoints_by_cost_ratio",
        gpai::report::table::render(&["c1/c0", "k0=k1", "pareto.lo", "pareto.hi"], &rows)
    );
}

/// Every model's `solve` report in every format, at a game with ties, irrational values or
/// missing boundaries where the model has them: the reports' shapes held still.
#[test]
fn every_model_solves_in_every_format() {
    let games: [(&str, &[&str]); 7] = [
        ("fine_tuning", &["c0=1", "c1=2", "delta=1/2"]),
        ("fine_tuning_n", &["r=1,2", "c=1,3"]),
        ("safety_regulation", &[]),
        ("safety_regulation", &["theta_g=1/2", "theta_d=1/3"]),
        ("openness", &["theta=3/4", "p=1/32"]),
        ("race", &[]),
        ("competition", &[]),
    ];
    for (k, (model, params)) in games.iter().enumerate() {
        for format in ["table", "json", "latex"] {
            let mut args = vec!["solve", model];
            args.extend_from_slice(params);
            args.extend(["--format", format]);
            snapshot!(format!("solve_{model}_{k}_{format}"), gpai_output(&args));
        }
    }
}
