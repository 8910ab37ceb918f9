//! The binary: real output for good input, exit status 2 and one clear line for bad input.

use std::process::{Command, Output};

fn gpai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args(args)
        .output()
        .expect("the gpai binary runs")
}

fn check_refused(args: &[&str], fragment: &str) {
    let out = gpai(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.contains(fragment), "{args:?}: {stderr}");
}

#[test]
fn bad_input_exits_2_with_one_line() {
    check_refused(&["roots", "x^2 +"], "column 6");
    check_refused(&["roots", "1/0"], "division by zero");
    check_refused(&["roots", "NaN"], "not a finite number");
    check_refused(&["roots", "1e999999999"], "exponent 999999999 is outside");
    check_refused(&["roots", "0"], "identically zero");
    check_refused(&["roots", "0*x^3"], "identically zero");
    check_refused(
        &["roots", "x^2-2", "--digits", "0"],
        "--digits = 0 is outside its domain",
    );
    check_refused(
        &["roots", "x^2-2", "--format", "xml"],
        "invalid value 'xml'",
    );
}

#[test]
fn bad_model_parameters_exit_2_naming_parameter_value_and_domain() {
    check_refused(
        &["solve", "fine_tuning", "c0=0", "c1=2", "delta=1/2"],
        "c0 = 0 is outside its domain: a rational > 0",
    );
    check_refused(
        &["solve", "fine_tuning", "c0=-1", "c1=2", "delta=1/2"],
        "c0 = -1 is outside its domain",
    );
    check_refused(
        &["solve", "fine_tuning", "c0=1", "c1=2", "delta=3/2"],
        "delta = 3/2 is outside its domain: a share in [0, 1]",
    );
    check_refused(
        &["bargain", "fine_tuning", "c0=1", "c1=2", "k0=1"],
        "k0 = 1 is outside its domain: an integer from 2 to 6",
    );
    check_refused(
        &["bargain", "fine_tuning", "c0=1", "c1=2", "k1=2.5"],
        "k1 = 5/2 is outside its domain",
    );
    check_refused(
        &["bargain", "fine_tuning", "c0=1", "c1=2", "theta=1"],
        "unknown parameter \"theta\" for fine_tuning; its parameters are: c0, c1, r, k0, k1, delta",
    );
    check_refused(
        &["solve", "fine_tuning", "c0=1", "c1=2"],
        "missing parameter delta",
    );
    check_refused(
        &["bargain", "fine_tuning", "c0=1", "c1=2", "delta=1/2"],
        "bargain chooses delta",
    );
    check_refused(
        &["solve", "fine_tuning", "c0=NaN", "c1=2", "delta=0"],
        "not a finite number",
    );
    check_refused(
        &["solve", "no_such_model", "c0=1"],
        "unknown model \"no_such_model\"",
    );
    check_refused(
        &["bargain", "fine_tuning", "c0=1", "c1=2", "--width", "0"],
        "--width = 0 is outside its domain",
    );
}

#[test]
fn bad_safety_games_and_grids_exit_2() {
    check_refused(
        &["solve", "safety_regulation", "c1_ab=-1"],
        "c1_ab = -1 is outside its domain",
    );
    check_refused(
        &["solve", "safety_regulation", "c0_aa=0"],
        "c0_aa = 0 is outside its domain",
    );
    check_refused(
        &["solve", "safety_regulation", "theta_g=-1/10"],
        "theta_g = -1/10 is outside its domain",
    );
    check_refused(
        &["solve", "safety_regulation", "delta=2"],
        "delta = 2 is outside its domain",
    );
    check_refused(
        &["sweep", "safety_regulation", "--grid", "theta_d=0:1:0"],
        "the step of theta_d = 0 is outside its domain",
    );
    check_refused(
        &["sweep", "safety_regulation", "--grid", "theta_d=-1:1:1/2"],
        "theta_d = -1 is outside its domain",
    );
    check_refused(
        &["sweep", "safety_regulation", "--grid", "gamma=0:1:1/2"],
        "unknown parameter \"gamma\"",
    );
    check_refused(
        &[
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_g=0:10:1/300",
            "--grid",
            "theta_d=0:10:1/300",
        ],
        "the grid: 9006001 points, beyond the limit of 2000000; raise it with GPAI_MAX_GRID_POINTS=N (or pass --force",
    );
    // Past ten times the limit --force cannot help, and counting stops there.
    check_refused(
        &[
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_g=0:10:1/1000",
            "--grid",
            "theta_d=0:10:1/1000",
            "--force",
        ],
        "the grid: 100020001 points, beyond the limit of 20000000",
    );
    check_refused(
        &[
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_d=0:1:1/2",
            "--shard",
            "3/2",
        ],
        "--shard = 3/2",
    );
}

#[test]
fn boundaries_of_the_figure_3_line_are_bracketed_and_exact() {
    let out = gpai(&[
        "boundary",
        "safety_regulation",
        "--along",
        "theta_d=0:5/2",
        "theta_g=0",
        "--format",
        "json",
        "--width",
        "1e-20",
    ]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = doc["boundaries"].as_array().unwrap();
    assert_eq!(found.len(), 4);
    let bracket = |k: usize| -> (gpai::exact::Rational, gpai::exact::Rational) {
        let b = &found[k]["bracket"];
        (
            gpai::exact::parse_rational(b[0].as_str().unwrap()).unwrap(),
            gpai::exact::parse_rational(b[1].as_str().unwrap()).unwrap(),
        )
    };
    // Backfiring starts where G drops its safety to the floor and ends at the unregulated β1 = 1/2.
    let (lo, hi) = bracket(0);
    assert!(lo <= gpai::exact::rational::ratio(3, 8) && gpai::exact::rational::ratio(3, 8) <= hi);
    assert_eq!(found[0]["changes"][0]["to"], "backfire");
    let (lo, hi) = bracket(1);
    assert!(lo < gpai::exact::rational::ratio(1, 2) && gpai::exact::rational::ratio(1, 2) <= hi);
    assert_eq!(found[3]["changes"][0]["to"], "market_exit");
    // Each is also located exactly; the exit point as a root of its quartic.
    assert_eq!(found[0]["exact"]["exact"], "3/8");
    assert_eq!(found[1]["exact"]["exact"], "1/2");
    assert_eq!(found[2]["exact"]["exact"], "3/4");
    assert_eq!(
        found[3]["exact"]["exact"]["poly_text"],
        "1024*theta_d^4 - 2304*theta_d^3 - 288*theta_d^2 + 8*theta_d + 3"
    );
    check_refused(
        &["boundary", "safety_regulation", "--along", "theta_d=1:0"],
        "LO must be below HI",
    );
    check_refused(
        &["boundary", "safety_regulation", "--along", "theta_d=-1:1"],
        "theta_d = -1 is outside its domain",
    );
}

#[test]
fn sharded_sweeps_merge_into_the_whole_sweep() {
    let dir = std::env::temp_dir().join(format!("gpai-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let grid = [
        "--grid",
        "theta_g=0:1/2:1/4",
        "--grid",
        "theta_d=theta_g:1:1/4",
    ];
    let run = |extra: &[&str]| {
        let mut args = vec!["sweep", "safety_regulation"];
        args.extend(grid);
        args.extend(extra);
        assert!(gpai(&args).status.success());
    };
    run(&["--out", &path("all.csv"), "--plot", &path("map.svg")]);
    run(&["--out", &path("a.csv"), "--shard", "1/2"]);
    run(&["--out", &path("b.csv"), "--shard", "2/2"]);
    assert!(
        gpai(&["merge", &path("merged.csv"), &path("b.csv"), &path("a.csv")])
            .status
            .success()
    );
    let whole = std::fs::read_to_string(path("all.csv")).unwrap();
    assert_eq!(std::fs::read_to_string(path("merged.csv")).unwrap(), whole);
    // The triangle theta_g <= theta_d <= 1 at step 1/4, theta_g in [0, 1/2]: 5 + 4 + 3 games.
    assert_eq!(whole.lines().count(), 1 + 12);
    assert!(whole.lines().nth(1).unwrap().starts_with("0,0,0,1/4,"));
    assert!(
        std::fs::read_to_string(path("map.svg"))
            .unwrap()
            .contains("neutral (")
    );
    run(&["--out", &path("again.csv"), "--plot", &path("map.png")]);
    assert_eq!(&std::fs::read(path("map.png")).unwrap()[1..4], b"PNG");
    check_refused(
        &[
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_d=0:1:1/2",
            "--plot",
            &path("map.gif"),
        ],
        "*.svg or *.png",
    );
    let json = gpai(&[
        "sweep",
        "safety_regulation",
        "--grid",
        "theta_d=2/5:2/5:1",
        "--out",
        &path("one.jsonl"),
    ]);
    assert!(json.status.success());
    let row: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(path("one.jsonl")).unwrap().trim()).unwrap();
    assert_eq!(row["regime"], "backfire");
    assert_eq!(row["u_g"], "31/80");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn solve_and_bargain_print_exact_values() {
    let out = gpai(&[
        "solve",
        "fine_tuning",
        "c0=1",
        "c1=2",
        "r=1",
        "delta=1/2",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["alpha1"]["exact"], "3/8");
    assert_eq!(doc["specialist"], "contributor");
    let out = gpai(&["bargain", "fine_tuning", "c0=1", "c1=2", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["solutions"]["nash"]["delta"]["exact"], "(2+sqrt(13))/9");
    assert_eq!(doc["pareto"]["lo"]["exact"], "1/3");
    let models = gpai(&["models"]);
    let text = String::from_utf8_lossy(&models.stdout);
    assert!(
        text.contains("fine_tuning")
            && text.contains("an integer from 2 to 6")
            && text.contains("kalai_smorodinsky")
    );
}

#[test]
fn thirty_digits_of_the_real_root_of_x5_minus_x_minus_1() {
    let out = gpai(&["roots", "x^5 - x - 1", "--digits", "30"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("≈1.16730397826141868425604589985…"),
        "{stdout}"
    );
    assert!(stdout.contains("root of x^5 - x - 1 in ("), "{stdout}");
}

#[test]
fn json_carries_exact_and_approximate_values() {
    let out = gpai(&["roots", "-x^2 + 2", "--format", "json"]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let roots = doc["roots"].as_array().unwrap();
    assert_eq!(roots.len(), 2);
    assert_eq!(roots[1]["exact"], "sqrt(2)");
    assert_eq!(roots[1]["decimal"], "1.41421356237");
    assert_eq!(roots[1]["decimal_is_exact"], false);
    assert!((roots[1]["approx"].as_f64().unwrap() - std::f64::consts::SQRT_2).abs() < 1e-15);
    let cubic = gpai(&["roots", "x^3 - 2", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&cubic.stdout).unwrap();
    assert_eq!(
        doc["roots"][0]["exact"]["poly"],
        serde_json::json!(["-2", "0", "0", "1"])
    );
}

#[test]
fn help_and_version() {
    let help = gpai(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("roots"));
    let version = gpai(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("gpai {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn frontier_reads_sweep_files_and_locates_bad_cells() {
    let dir = std::env::temp_dir().join(format!("gpai-frontier-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("outcomes.csv");
    std::fs::write(
        &good,
        "index,u_g,u_d,kind\n0,0,4,a\n1,4,0,a\n2,1,1,a\n3,2,2,b\n4,\"(2+sqrt(13))/9\",1/2,b\n",
    )
    .unwrap();
    let out = gpai(&[
        "frontier",
        "--input",
        good.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let group = &doc["groups"][0];
    // (1, 1) is dominated by the lottery of (0, 4) and (4, 0); (2, 2) is on that face.
    assert_eq!(group["egalitarian"]["value"], "2");
    let hull: Vec<&str> = group["hull"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(hull, ["0", "1", "3"]);
    let by_kind = gpai(&[
        "frontier",
        "--input",
        good.to_str().unwrap(),
        "--group",
        "kind",
    ]);
    assert!(by_kind.status.success());
    assert!(String::from_utf8_lossy(&by_kind.stdout).contains("beyond others"));
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "index,u_g,u_d\n0,1/2,1/3\n1,NaN,1\n").unwrap();
    check_refused(
        &["frontier", "--input", bad.to_str().unwrap()],
        "bad.csv:3:3",
    );
    check_refused(
        &[
            "frontier",
            "--input",
            bad.to_str().unwrap(),
            "--players",
            "u_g,u_x",
        ],
        "no column \"u_x\"",
    );
    check_refused(&["frontier"], "give exactly one source of outcomes");
}

#[test]
fn n_specialist_games_solve_from_per_domain_lists() {
    let out = gpai(&[
        "solve",
        "fine_tuning_n",
        "r=1,1,1",
        "a=0,1,0",
        "kappa=0,0,5",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let regimes: Vec<&str> = doc["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["regime"].as_str().unwrap())
        .collect();
    assert_eq!(regimes, ["contributor", "free_rider", "abstainer"]);
    assert_eq!(doc["alpha0"]["exact"], "1/2");
    check_refused(
        &["solve", "fine_tuning_n", "r=1,2", "c=1,1,1"],
        "2 values for 3 domains",
    );
    check_refused(
        &["solve", "fine_tuning_n", "c=1,-1"],
        "c_2 = -1 is outside its domain",
    );
    check_refused(&["solve", "fine_tuning_n", "c0=1,2"], "c0 is one number");
    // One domain's entry overrides the list: domain 3's adoption cost is now 0.
    let out = gpai(&[
        "solve",
        "fine_tuning_n",
        "r=1,1,1",
        "kappa=0,0,5",
        "kappa_3=0",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["domains"][2]["regime"], "contributor");
    check_refused(
        &["solve", "fine_tuning_n", "kappa_0=1"],
        "unknown parameter",
    );
    check_refused(
        &["bargain", "fine_tuning_n", "delta=1/2"],
        "bargain chooses the common share",
    );
    check_refused(
        &[
            "bargain",
            "fine_tuning_n",
            "--mode",
            "per_domain",
            "--step",
            "2/7",
        ],
        "1/m for an integer m >= 1",
    );
    check_refused(
        &["bargain", "fine_tuning_n", "--mode", "joint"],
        "the modes are",
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_sweep_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // `gpai sweep … | head -1`: the pipe closes after one line.
    let mut child = Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args([
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_g=0:5/4:1/100",
            "--grid",
            "theta_d=theta_g:5/2:1/100",
            "--jobs",
            "2",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(first.starts_with(b"index,theta_g,theta_d"));
}

/// Runs gpai with one limit set through its environment variable.
fn gpai_with(variable: &str, value: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gpai"))
        .env(variable, value)
        .args(args)
        .output()
        .expect("the gpai binary runs")
}

#[test]
fn every_limit_refuses_before_the_work_it_bounds_and_names_its_variable() {
    let digits = format!("c0={}", "7".repeat(2_001));
    let nested = format!("{}x{}", "(".repeat(5_000), ")".repeat(5_000));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["solve", "fine_tuning", &digits, "c1=2", "delta=1/2"],
            "2001 digits, beyond the limit of 2000; raise it with GPAI_MAX_DIGITS=N",
        ),
        (
            vec!["roots", "(2^1000)^1000*x-1"],
            "beyond the limit of 20000; raise it with GPAI_MAX_COEFFICIENT_BITS=N",
        ),
        (
            vec!["roots", "x^1001-1"],
            "the exponent: 1001 (degree), beyond the limit of 1000; raise it with GPAI_MAX_DEGREE=N",
        ),
        (
            vec!["roots", &nested],
            "beyond the limit of 200; raise it with GPAI_MAX_NESTING=N",
        ),
        (
            vec!["solve", "fine_tuning_n", "r_18446744073709551615=1"],
            "18446744073709551615 domains, beyond the limit of 64; raise it with GPAI_MAX_DOMAINS=N",
        ),
        (
            vec![
                "sweep",
                "safety_regulation",
                "--grid",
                "theta_d=0:1:1/1000000000",
            ],
            "beyond the limit of 2000000; raise it with GPAI_MAX_GRID_POINTS=N",
        ),
        // Fourth roots of four primes: the profit's exact form would need a resultant of
        // degree 48·3, refused in a moment instead of computed for half a minute.
        (
            vec![
                "solve", "race", "f=power", "p=1/4", "k=10", "x=2", "xp=5", "y=7", "z=11", "a=3/2",
            ],
            "(degree), beyond the limit of 128; raise it with GPAI_MAX_ALGEBRAIC_DEGREE=N",
        ),
    ];
    for (args, fragment) in &cases {
        check_refused(args, fragment);
    }
}

#[test]
fn limits_are_raised_and_lowered_through_their_variables() {
    // The square-root game solves by default; with the algebraic budget lowered to 1 its
    // revenue (a sum of square roots) is refused, naming the sum.
    let args = [
        "solve", "race", "f=power", "p=1/2", "x=2", "xp=3", "y=5", "z=7",
    ];
    assert_eq!(gpai(&args).status.code(), Some(0));
    let out = gpai_with("GPAI_MAX_ALGEBRAIC_DEGREE", "1", &args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("revenue (algebraic numbers of degrees 2 and 2 combined)"),
        "{stderr}"
    );
    // Sixty-five domains are past the default and within a raised limit.
    let out = gpai(&["solve", "fine_tuning_n", "r_65=1"]);
    assert_eq!(out.status.code(), Some(2));
    let out = gpai_with(
        "GPAI_MAX_DOMAINS",
        "65",
        &["solve", "fine_tuning_n", "r_65=1"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn verify_shows_which_file_it_checks_on_a_terminal_and_nothing_in_a_pipe_or_file() {
    let bin = env!("CARGO_BIN_EXE_gpai");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/proofs/race");
    // In a pipe: the report only.
    let piped = gpai(&["verify", dir]);
    assert!(!String::from_utf8_lossy(&piped.stderr).contains("verifying"));
    // On a pseudo-terminal (util-linux `script`, part of every Debian): the file count.
    let Ok(out) = Command::new("script")
        .args(["-qc", &format!("{bin} verify {dir}"), "/dev/null"])
        .output()
    else {
        println!("skipped: `script` (util-linux) is not installed, so no pseudo-terminal");
        return;
    };
    let files = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "toml")
        })
        .count();
    // The bar is redrawn at most 20 times a second, so which counts appear depends on speed;
    // one of the form `verifying K/N: FILE` does.
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        (1..=files).any(|k| shown.contains(&format!("verifying {k}/{files}: "))),
        "{shown}"
    );
}

#[test]
fn frontier_outcomes_beyond_the_limit_are_refused_before_the_analysis() {
    let dir = std::env::temp_dir().join(format!("gpai-frontier-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("five.csv");
    std::fs::write(&file, "index,u_g,u_d\n0,0,4\n1,4,0\n2,1,1\n3,2,2\n4,3,1\n").unwrap();
    let limited = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(args)
            .env("GPAI_MAX_OUTCOMES", "3")
            .output()
            .expect("the gpai binary runs")
    };
    let path = file.to_str().unwrap();
    for (out, message) in [
        (
            limited(&["frontier", "--input", path]),
            format!("{path}: more than 3 outcomes, beyond the limit of 3; raise it with GPAI_MAX_OUTCOMES=N"),
        ),
        (
            limited(&["frontier", "safety_regulation", "--grid", "theta_g=0:1:1/4"]),
            "the frontier's grid: 5 outcomes, beyond the limit of 3; raise it with GPAI_MAX_OUTCOMES=N".to_string(),
        ),
    ] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(out.stdout.is_empty());
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&message), "{stderr}");
    }
    // Within the limit the same file is analyzed.
    let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args(["frontier", "--input", path])
        .env("GPAI_MAX_OUTCOMES", "5")
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::remove_dir_all(&dir).ok();
}
