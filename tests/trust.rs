//! No silent wrong answer: out-of-domain games, ranges and typos are refused the same way by every command, never verified.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gpai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args(args)
        .output()
        .expect("the gpai binary runs")
}

/// A scratch directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("trust-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// Everything a command printed, stdout and stderr.
fn printed(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The command exits 2 and says `message` (once, wherever it is printed).
fn refused(args: &[&str], message: &str) {
    let out = gpai(args);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
    assert!(
        text.contains(message),
        "{args:?} should say {message:?}: {text}"
    );
}

const CLAIM_HEAD: &str = "id = \"t.c\"\ntitle = \"t\"\nsource = \"s\"\n";

#[test]
fn every_command_refuses_an_out_of_domain_share_with_one_message() {
    let dir = scratch("share");
    let message = "delta = 2 is outside its domain: a share in [0, 1]";
    let claim = write(
        &dir,
        "claim.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning\"\nclaim = 'spe.u_g > 0 and spe.u_d < 0'\n[params]\nc0 = \"1\"\nc1 = \"2\"\ndelta = \"2\"\n"
        ),
    );
    let through_solve = write(
        &dir,
        "solve.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning\"\nclaim = 'solve(delta = 2).u_g > 0'\n[params]\nc0 = \"1\"\nc1 = \"2\"\ndelta = \"1/2\"\n"
        ),
    );
    let policy = write(
        &dir,
        "policy.toml",
        "title = \"t\"\nmodel = \"safety_regulation\"\nassert = \"spe.u_g > 0\"\n[params]\ndelta = \"2\"\n[family]\ntheta_d = \"[0, 1]\"\n",
    );
    let family = write(
        &dir,
        "family.toml",
        "title = \"t\"\nmodel = \"fine_tuning\"\nassert = \"spe.u_g > 0\"\n[params]\nc0 = \"1\"\nc1 = \"2\"\n[family]\ndelta = \"[0, 3]\"\n",
    );
    refused(
        &["solve", "fine_tuning", "c0=1", "c1=2", "delta=2"],
        message,
    );
    refused(&["solve", "safety_regulation", "delta=2"], message);
    refused(
        &[
            "sweep",
            "safety_regulation",
            "delta=2",
            "--grid",
            "theta_d=0:1:1/2",
        ],
        message,
    );
    refused(
        &["sweep", "safety_regulation", "--grid", "delta=0:2:1"],
        message,
    );
    refused(
        &[
            "boundary",
            "safety_regulation",
            "delta=2",
            "--along",
            "theta_d=0:1",
        ],
        message,
    );
    refused(
        &["boundary", "safety_regulation", "--along", "delta=0:2"],
        message,
    );
    refused(
        &["frontier", "safety_regulation", "--grid", "delta=0:2:1"],
        message,
    );
    refused(&["verify", &claim], message);
    refused(&["verify", &through_solve], message);
    refused(&["audit", &policy], message);
    refused(
        &["audit", &family],
        "delta = [0, 3] reaches outside its domain (a share in [0, 1])",
    );
}

#[test]
fn a_range_reaching_outside_the_domain_is_an_error_unless_skipped_and_counted() {
    let dir = scratch("ranges");
    let claim = |method: &str| {
        format!(
            "{CLAIM_HEAD}model = \"fine_tuning\"\nclaim = 'c0 > 0'\n[params]\nc0 = \"[-2, 1]\"\nc1 = \"2\"\n{method}"
        )
    };
    // Reading no model output, it used to be "refuted at c0 = -2" — a point that is no game.
    let plain = write(&dir, "plain.toml", &claim(""));
    refused(
        &["verify", &plain],
        "plain.toml:7:6: c0 = [-2, 1] reaches outside its domain (a rational > 0)",
    );
    let skip = write(
        &dir,
        "skip.toml",
        &claim("[method]\noutside = \"skip\"\nrandom = 0\n"),
    );
    let out = gpai(&["verify", &skip, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &doc["claims"][0];
    assert_eq!(v["status"], "verified");
    // Grid [-2, 1] in 5 points: -2, -5/4, -1/2 are not games; 1/4 and 1 hold.
    assert_eq!(
        (v["points"].as_u64(), v["outside_domain"].as_u64()),
        (Some(2), Some(3))
    );
    assert!(
        v["how"]
            .as_str()
            .unwrap()
            .contains("3 points outside the model's domain skipped")
    );
    // A joint condition failing at a sample point: the same rule, located at the parameter.
    let joint = write(
        &dir,
        "joint.toml",
        &format!(
            "{CLAIM_HEAD}model = \"safety_regulation\"\nclaim = 'spe.u_g >= 0'\n[params]\nc0_aa = \"1/2\"\nc0_bb = \"1/2\"\nc0_ab = \"[-1, 1]\"\n"
        ),
    );
    refused(
        &["verify", &joint],
        "joint.toml:9:9: a sample point is not a game of safety_regulation: c0_ab = -1 is outside its domain",
    );
    let skipped = write(
        &dir,
        "joint_skip.toml",
        &format!(
            "{CLAIM_HEAD}model = \"safety_regulation\"\nclaim = 'spe.u_g >= 0'\n[params]\nc0_aa = \"1/2\"\nc0_bb = \"1/2\"\nc0_ab = \"[-1, 1]\"\n[method]\noutside = \"skip\"\nrandom = 0\n"
        ),
    );
    let out = gpai(&["verify", &skipped]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    // -1 and -1/2 make some investment free (c0_ab <= -1/2 = -sqrt(1/4)).
    assert!(
        text.contains("2 points outside the model's domain skipped"),
        "{text}"
    );
}

#[test]
fn label_typos_and_duplicate_ids_are_refused_at_load() {
    let dir = scratch("labels");
    let claim = |id: &str, text: &str| {
        format!(
            "id = \"{id}\"\ntitle = \"t\"\nsource = \"s\"\nmodel = \"safety_regulation\"\nclaim = '{text}'\n[params]\ntheta_d = \"[0, 1]\"\n"
        )
    };
    // `regime != "backfires"` held everywhere (no regime is called that): verified, exit 0.
    let typo = write(&dir, "typo.toml", &claim("t.a", r#"regime != "backfires""#));
    refused(
        &["verify", &typo],
        r#"typo.toml:5:20: regime cannot be "backfires": its labels are market_exit, backfire, mutualism, neutral"#,
    );
    for (text, literal, message) in [
        (
            r#"solve(theta_g = 0).spe.g_strategy == "floor""#,
            "\"floor\"",
            "solve(...).spe.g_strategy cannot be \"floor\"",
        ),
        (
            r#""neutrl" != unregulated.d_strategy"#,
            "\"neutrl\"",
            "unregulated.d_strategy cannot be \"neutrl\"",
        ),
        (
            r#"backfire or regime == "mutualism" or regime == "exit""#,
            "\"exit\"",
            "regime cannot be \"exit\"",
        ),
    ] {
        let file = write(&dir, "more.toml", &claim("t.b", text));
        // `claim = '` takes nine columns before the expression.
        let column = 10 + text.find(literal).unwrap();
        refused(
            &["verify", &file],
            &format!("more.toml:5:{column}: {message}"),
        );
    }
    // Through a `let` name, and a label parameter's choices.
    let via_let = write(
        &dir,
        "let.toml",
        "id = \"t.l\"\ntitle = \"t\"\nsource = \"s\"\nmodel = \"race\"\nclaim = 'family == \"powr\" implies trains'\n[let]\nfamily = 'f'\n",
    );
    refused(
        &["verify", &via_let],
        "let.toml:5:20: family cannot be \"powr\": its labels are power, polynomial, pwl, log",
    );
    // Correct labels still verify; a second claim with the same id is an error.
    let good = write(
        &dir,
        "good.toml",
        &claim("t.same", r#"regime != "backfire" or theta_d > 0"#),
    );
    let twin = write(
        &dir,
        "twin.toml",
        &claim("t.same", r#"regime != "backfire" or theta_d > 0"#),
    );
    assert_eq!(gpai(&["verify", &good]).status.code(), Some(0));
    refused(
        &["verify", &good, &twin],
        "twin.toml:1:7: duplicate claim id `t.same`: also in",
    );
}

#[test]
fn audit_shorthands_name_a_regime_the_model_has() {
    let dir = scratch("shorthand");
    let policy = |assert: &str| {
        format!(
            "title = \"t\"\nmodel = \"openness\"\nassert = \"{assert}\"\n[params]\ntheta = \"3/4\"\np = \"1/32\"\n[family]\nalpha0 = \"[4/5, 1]\"\n"
        )
    };
    // The plural is understood, as the singular is.
    for assert in ["all comply", "all complies"] {
        let file = write(&dir, "p.toml", &policy(assert));
        let out = gpai(&["audit", &file]);
        assert_eq!(out.status.code(), Some(0), "{assert}: {}", printed(&out));
        assert!(printed(&out).contains("assertion: regime == \"comply\""));
    }
    // "all complie" became `regime == "complie"`: FALSE, "proved", with an empty list of changes.
    let file = write(&dir, "p.toml", &policy("all complie"));
    refused(
        &["audit", &file],
        "p.toml:3:11: \"complie\" is not a regime of openness",
    );
    let file = write(&dir, "p.toml", &policy("regime == 'complie'"));
    refused(
        &["audit", &file],
        "p.toml:3:21: regime cannot be \"complie\"",
    );
}

#[test]
fn a_fixed_parameter_that_is_also_swept_is_given_twice() {
    let grid = ["--grid", "theta_d=0:1:1/2"];
    refused(
        &[&["sweep", "safety_regulation", "theta_d=1/2"][..], &grid].concat(),
        "theta_d is given twice: as a fixed parameter and as a --grid axis",
    );
    refused(
        &[&["frontier", "safety_regulation", "theta_d=1/2"][..], &grid].concat(),
        "theta_d is given twice",
    );
    refused(
        &[
            "boundary",
            "safety_regulation",
            "--along",
            "theta_d=0:1",
            "theta_d=1/2",
        ],
        "theta_d is given twice: as a fixed parameter and as the --along line",
    );
    // Sweeping every domain's share would drop one domain's own entry.
    refused(
        &[
            "sweep",
            "fine_tuning_n",
            "delta_2=1/2",
            "r=1,1",
            "--grid",
            "delta=0:1:1/2",
        ],
        "delta is given twice",
    );
    // A list fixes every domain's entry: sweeping one of them sets it twice; so do two axes.
    refused(
        &["sweep", "fine_tuning_n", "r=1,1", "--grid", "r_2=1:2:1"],
        "r_2 is given twice",
    );
    refused(
        &[
            "sweep",
            "fine_tuning_n",
            "--grid",
            "r_1=1:2:1",
            "--grid",
            "r=1:2:1",
        ],
        "r is given twice: it overlaps the axis r_1",
    );
    let out = gpai(&["sweep", "fine_tuning_n", "r_1=1", "--grid", "r_2=1:2:1"]);
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    let dir = scratch("twice");
    let policy = write(
        &dir,
        "p.toml",
        "title = \"t\"\nmodel = \"openness\"\nassert = \"all comply\"\n[params]\nalpha0 = \"1\"\n[family]\nalpha0 = \"[1/2, 1]\"\n",
    );
    refused(
        &["audit", &policy],
        "p.toml:7:10: alpha0 is given twice: in [params] and in [family]",
    );
}

#[test]
fn merge_takes_exactly_the_complete_shards_of_one_grid() {
    let dir = scratch("merge");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let sweep = |extra: &[&str]| {
        let mut args = vec![
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_g=0:1/2:1/4",
            "--grid",
            "theta_d=theta_g:1:1/4",
        ];
        args.extend(extra);
        let out = gpai(&args);
        assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    };
    for format in ["csv", "jsonl"] {
        let part = |i: usize| path(&format!("p{i}.{format}"));
        sweep(&["--out", &path(&format!("all.{format}"))]);
        for i in 1..=3 {
            sweep(&["--shard", &format!("{i}/3"), "--out", &part(i)]);
        }
        let merged = path(&format!("merged.{format}"));
        let out = gpai(&["merge", &merged, &part(3), &part(1), &part(2)]);
        assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
        assert_eq!(
            std::fs::read(&merged).unwrap(),
            std::fs::read(path(&format!("all.{format}"))).unwrap(),
            "{format}: the merge is the unsharded sweep byte for byte"
        );
        // A missing shard used to merge with exit 0, a third of the rows gone.
        refused(
            &["merge", &merged, &part(1), &part(3)],
            "shard 2/3 of the safety_regulation sweep",
        );
        refused(
            &["merge", &merged, &part(1), &part(2), &part(2), &part(3)],
            "shard 2/3 is given twice",
        );
    }
    // A torn last row (a shard killed mid-write, a copy cut short) is not the part its shard wrote.
    let text = std::fs::read_to_string(path("p3.csv")).unwrap();
    std::fs::write(path("p3.csv"), &text[..text.len() - 7]).unwrap();
    refused(
        &[
            "merge",
            &path("m.csv"),
            &path("p1.csv"),
            &path("p2.csv"),
            &path("p3.csv"),
        ],
        "it was cut short, torn or edited; run shard 3/3 again",
    );
    // A shard that never finished has no manifest; an edited manifest is caught by the rows.
    std::fs::remove_file(path("p3.csv.manifest.json")).unwrap();
    refused(
        &[
            "merge",
            &path("m.csv"),
            &path("p1.csv"),
            &path("p2.csv"),
            &path("p3.csv"),
        ],
        "the shard did not finish",
    );
    // Parts of different sweeps, or formats, do not mix.
    refused(
        &["merge", &path("m.csv"), &path("p1.csv"), &path("p2.jsonl")],
        "is a part of another sweep",
    );
    // Run again, the shard writes the same rows and a fresh manifest.
    sweep(&["--shard", "3/3", "--out", &path("p3.csv")]);
    let out = gpai(&[
        "merge",
        &path("m.csv"),
        &path("p1.csv"),
        &path("p2.csv"),
        &path("p3.csv"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    assert_eq!(
        std::fs::read(path("m.csv")).unwrap(),
        std::fs::read(path("all.csv")).unwrap()
    );
    let other = gpai(&[
        "sweep",
        "safety_regulation",
        "delta=1/4",
        "--grid",
        "theta_g=0:1/2:1/4",
        "--grid",
        "theta_d=theta_g:1:1/4",
        "--shard",
        "3/3",
        "--out",
        &path("q3.csv"),
    ]);
    assert_eq!(other.status.code(), Some(0));
    refused(
        &[
            "merge",
            &path("m.csv"),
            &path("p1.csv"),
            &path("p2.csv"),
            &path("q3.csv"),
        ],
        "is a part of another sweep",
    );
    // A shard goes to a file that carries its manifest.
    refused(
        &[
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_d=0:1:1/2",
            "--shard",
            "1/2",
        ],
        "give --out PART.csv",
    );
}

#[test]
fn pictures_go_only_to_picture_files_and_never_over_another_output() {
    let dir = scratch("pictures");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let grid = ["sweep", "safety_regulation", "--grid", "theta_d=0:1:1/2"];
    // The rows went into x.svg and the picture then overwrote them.
    refused(
        &[
            &grid[..],
            &["--out", &path("x.svg"), "--plot", &path("x.svg")],
        ]
        .concat(),
        "--out holds the rows",
    );
    refused(
        &[&grid[..], &["--plot", &path("x.gif")]].concat(),
        "name the file *.svg or *.png",
    );
    // frontier wrote SVG into a .bmp.
    refused(
        &[
            "frontier",
            "safety_regulation",
            "--grid",
            "theta_d=0:1:1/2",
            "--plot",
            &path("p.bmp"),
        ],
        "name the file *.svg or *.png",
    );
    let rows = path("rows.svg");
    std::fs::write(&rows, "index,u_g,u_d\n0,1,2\n").unwrap();
    refused(
        &["frontier", "--input", &rows, "--plot", &rows],
        "it is the same file as --input",
    );
    assert!(!dir.join("x.svg").exists() && !dir.join("p.bmp").exists());
}

#[test]
fn typeset_polynomials_are_read_as_written_or_refused() {
    // `x²-2` read `x²` as a variable's name and answered 2.
    let out = gpai(&["roots", "x²-2"]);
    let text = printed(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("-sqrt(2)") && text.contains("sqrt(2)"),
        "{text}"
    );
    assert!(text.contains("x^2 - 2: 2 real roots"), "{text}");
    refused(
        &["roots", "x⁻¹ + 1"],
        "at column 2: unexpected character '⁻'",
    );
    let dir = scratch("unicode");
    let claim = write(
        &dir,
        "c.toml",
        &format!("{CLAIM_HEAD}model = \"fine_tuning\"\nclaim = 'c0 ≥ 0'\n[params]\nc0 = \"1\"\n"),
    );
    refused(&["verify", &claim], "c.toml:5:13: unexpected character '≥'");
}

/// The names `gpai models` lists for a model's outputs shown by `command`, as a report prints
/// them: `spe.` dropped, `_i` as domain 1, each dotted name as its group and its field.
fn listed(model: &gpai::models::ModelInfo, command: &str) -> Vec<String> {
    let mut out = Vec::new();
    for o in model.outputs.iter().filter(|o| o.shown_by == command) {
        for item in o.name.split([',', '|']) {
            let item = item.split_whitespace().next().unwrap_or("");
            if item.is_empty() || item.starts_with('.') {
                continue;
            }
            let item = item.strip_prefix("spe.").unwrap_or(item);
            let item = item
                .strip_suffix("_i")
                .map_or(item.to_string(), |b| format!("{b}_1"));
            out.extend(item.split('.').map(str::to_string));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_listed_output_is_printed_in_every_format() {
    let games: [(&str, &[&str]); 6] = [
        ("fine_tuning", &["c0=1", "c1=2", "delta=1/2"]),
        ("fine_tuning_n", &["r=1,2"]),
        ("safety_regulation", &[]),
        ("openness", &["theta=3/4", "p=1/32"]),
        ("race", &[]),
        ("competition", &[]),
    ];
    for (name, params) in games {
        let model = gpai::models::find(name).unwrap();
        for command in ["solve", "bargain"] {
            let names = listed(model, command);
            if names.is_empty() {
                continue;
            }
            for format in ["table", "json", "latex"] {
                let mut args = vec![command, name];
                args.extend(params);
                if command == "bargain" {
                    args.retain(|a| !a.starts_with("delta="));
                }
                args.extend(["--format", format]);
                let out = gpai(&args);
                let text = printed(&out).replace("\\_", "_").to_lowercase();
                assert_eq!(out.status.code(), Some(0), "{args:?}: {text}");
                for n in &names {
                    // Domain 1's entry, or the column of every domain's (`alpha_i`).
                    // In JSON, each domain's object under "domains" has the field itself.
                    let column = n.strip_suffix("_1").map(|b| format!("{b}_i"));
                    let field = n
                        .strip_suffix("_1")
                        .filter(|_| format == "json" && text.contains("\"domains\""))
                        .map(|b| format!("\"{b}\""));
                    let shown = text.contains(n.as_str())
                        || column.is_some_and(|c| text.contains(c.as_str()))
                        || field.is_some_and(|f| text.contains(f.as_str()));
                    assert!(shown, "{args:?} does not show {n}:\n{text}");
                }
            }
        }
    }
}

#[test]
fn an_option_a_command_cannot_honour_is_an_error() {
    // LaTeX is for values; lists, verdicts and frontiers have none, and said so by ignoring it.
    for args in [
        &["models"][..],
        &["verify", "proofs/race"],
        &["audit", "docs/policies/comply.toml"],
        &["boundary", "safety_regulation", "--along", "theta_d=0:1"],
        &["frontier", "safety_regulation", "--grid", "theta_d=0:1:1/2"],
    ] {
        let args = [args, &["--format", "latex"]].concat();
        refused(&args, "invalid value 'latex' for '--format <FORMAT>'");
    }
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "r=1,1",
            "--mode",
            "per_domain",
            "--format",
            "latex",
        ],
        "has no LaTeX form",
    );
    // Bargaining options that belong to another model or mode.
    refused(
        &[
            "bargain",
            "fine_tuning",
            "c0=1",
            "c1=2",
            "--mode",
            "per_domain",
        ],
        "for fine_tuning_n's bargaining",
    );
    refused(
        &[
            "bargain",
            "fine_tuning",
            "c0=1",
            "c1=2",
            "--find-components",
            "2",
        ],
        "for fine_tuning_n's bargaining",
    );
    refused(
        &["bargain", "fine_tuning_n", "r=1,1", "--step", "1/4"],
        "add --mode per_domain",
    );
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "r=1,1",
            "--mode",
            "per_domain",
            "--probes",
            "9",
        ],
        "per_domain uses --step",
    );
    refused(
        &["bargain", "fine_tuning_n", "r=1,1", "--tries", "9"],
        "--find-components' search",
    );
    // The search draws every parameter: values given beside it would be ignored.
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "r=1,1",
            "--find-components",
            "2",
        ],
        "--find-components draws every parameter; give the number of domains with --domains N",
    );
    for (k, message) in [
        (
            "0",
            "--find-components = 0 is outside its domain: an integer >= 2",
        ),
        (
            "1",
            "--find-components = 1 is outside its domain: an integer >= 2",
        ),
    ] {
        refused(
            &["bargain", "fine_tuning_n", "--find-components", k],
            message,
        );
    }
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "--find-components",
            "2",
            "--tries",
            "0",
        ],
        "--tries = 0 is outside its domain",
    );
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "--find-components",
            "2",
            "--domains",
            "0",
        ],
        "--domains = 0 is outside its domain",
    );
    // A model a command does not run is named, with the ones it does.
    refused(
        &["sweep", "race", "--grid", "x=0:1:1"],
        "the model has no `sweep` command",
    );
    refused(
        &["boundary", "openness", "--along", "theta=0:1"],
        "the model has no `boundary` command",
    );
}

#[test]
fn latex_powers_are_braced() {
    let out = gpai(&["roots", "x^10 - 3", "--format", "latex"]);
    let text = printed(&out);
    assert!(text.contains("x^{10} - 3"), "{text}");
}

#[test]
fn ties_are_reported_with_the_alternatives_set_aside() {
    // C0 = C1 = [[1, 5/4], [5/4, 1]], theta_G = 0, theta_D <= 1/4: G has two optima, equal for
    // both players, (1/4, 0) and (0, 1/4) — and which one it takes decides beta1.
    let game = ["c0_ab=5/4", "c1_ab=5/4", "theta_d=1/8"];
    let out = gpai(&[&["solve", "safety_regulation"][..], &game].concat());
    let text = printed(&out);
    assert!(
        text.contains("G: gamma0 = (1/4, 0) over gamma0 = (0, 1/4) (equal U_G and U_D; G takes the smaller beta0)"),
        "{text}"
    );
    let out = gpai(
        &[
            &["solve", "safety_regulation"][..],
            &game,
            &["--format", "json"],
        ]
        .concat(),
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tie = &doc["regulated"]["ties"][0];
    assert_eq!(
        (tie["player"].as_str(), tie["chose"].as_str()),
        (Some("G"), Some("gamma0 = (1/4, 0)"))
    );
    assert_eq!(tie["over"][0], "gamma0 = (0, 1/4)");
    // Sweep rows carry a ties column, empty where nothing was tied.
    let out = gpai(
        &[
            &["sweep", "safety_regulation", "c0_ab=5/4", "c1_ab=5/4"][..],
            &["--grid", "theta_d=0:1/4:1/8"],
        ]
        .concat(),
    );
    let csv = String::from_utf8_lossy(&out.stdout).into_owned();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(header.last(), Some(&"ties"));
    assert!(
        csv.lines()
            .nth(2)
            .unwrap()
            .contains("G: gamma0 = (1/4, 0) over gamma0 = (0, 1/4)")
    );
    let plain = gpai(&["sweep", "safety_regulation", "--grid", "theta_d=1/8:1/8:1"]);
    assert!(
        String::from_utf8_lossy(&plain.stdout)
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(',')
    );
    // A claim whose truth rests on the rule says so.
    let dir = scratch("ties");
    let claim = write(
        &dir,
        "c.toml",
        &format!(
            "{CLAIM_HEAD}model = \"safety_regulation\"\nclaim = 'spe.beta1 == 1/4'\n[params]\nc0_ab = \"5/4\"\nc1_ab = \"5/4\"\ntheta_d = \"1/8\"\n"
        ),
    );
    let out = gpai(&["verify", &claim, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["claims"][0]["status"], "proved");
    assert_eq!(doc["claims"][0]["tied"], 1);
    assert!(
        doc["claims"][0]["how"]
            .as_str()
            .unwrap()
            .contains("a tie was resolved by the model's rule")
    );
    // Every model reports the ties it resolves: a player at utility exactly 0, a deterred
    // follower, G indifferent between complying and paying.
    for (args, expected) in [
        (
            &["solve", "fine_tuning", "c0=1", "c1=2", "delta=1"][..],
            "D: participates (utility 0) over stays out",
        ),
        (
            &["solve", "fine_tuning_n", "r=1,2", "delta=1,1/2"],
            "D_1: participates (utility 0)",
        ),
        (
            &["solve", "competition", "omega=29/40"],
            "F: stays out (adopting would earn exactly 0) over adopts",
        ),
        // In the free-trial market too, whatever the main market's regime.
        (
            &["solve", "competition", "omega=2/3"],
            "F with the free trial: stays out (adopting would earn exactly 0) over adopts",
        ),
    ] {
        let text = printed(&gpai(args));
        assert!(text.contains(expected), "{args:?}: {text}");
    }
}

#[test]
fn audit_assertions_are_checked_at_load_and_open_family_ends_respected() {
    let dir = scratch("audit-load");
    let policy = |model: &str, assert: &str, params: &str, family: &str| {
        format!(
            "title = \"t\"\nmodel = \"{model}\"\nassert = \"{assert}\"\n[params]\n{params}[family]\n{family}\n"
        )
    };
    // A shorthand on a model without a regime output used to print an empty list of regimes.
    let file = write(
        &dir,
        "p.toml",
        &policy("race", "all comply", "", "n = \"[2, 5]\""),
    );
    refused(
        &["audit", &file],
        "p.toml:3:11: race has no regime output, so `all comply` cannot be read",
    );
    // An unknown name is located at load, not reported at run time without a place.
    let fine = "c0 = 1\n";
    let file = write(
        &dir,
        "p.toml",
        &policy(
            "fine_tuning",
            "spe.u_g > 0 and spe.nonexistent > 0",
            fine,
            "c1 = \"[2, 5]\"",
        ),
    );
    refused(
        &["audit", &file],
        "p.toml:3:27: unknown name `spe.nonexistent`",
    );
    let file = write(
        &dir,
        "p.toml",
        &policy(
            "fine_tuning",
            "openness at least 1/2",
            fine,
            "c1 = \"[2, 5]\"",
        ),
    );
    refused(&["audit", &file], "p.toml:3:11: unknown name `spe.omega`");
    // An open end is not in the family: an assertion failing only there holds on it.
    let game = "theta = \"3/4\"\np = \"1/32\"\n";
    let file = write(
        &dir,
        "p.toml",
        &policy("openness", "alpha0 < 1", game, "alpha0 = \"[4/5, 1)\""),
    );
    let out = gpai(&["audit", &file]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("TRUE for every alpha0 in [4/5, 1)"), "{text}");
    assert!(
        text.contains("stops holding at alpha0 = 1 (margin 0)"),
        "{text}"
    );
    let file = write(
        &dir,
        "p.toml",
        &policy("openness", "alpha0 < 1", game, "alpha0 = \"[4/5, 1]\""),
    );
    let out = gpai(&["audit", &file]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // No output is read by this assertion: the counterexample line ends with the point.
    assert!(
        text.contains("first counterexample: alpha0 = 1\n"),
        "{text}"
    );
}

#[test]
fn comparisons_of_labels_flags_and_numbers_are_checked_at_load() {
    let dir = scratch("types");
    let claim = |expr: &str| {
        write(
            &dir,
            "c.toml",
            &format!(
                "{CLAIM_HEAD}model = \"openness\"\nclaim = '{expr}'\n[params]\ntheta = \"3/4\"\np = \"1/32\"\nalpha0 = \"4/5\"\n"
            ),
        )
    };
    for (expr, message) in [
        (
            "regime == 1",
            "c.toml:5:20: 1 is a number and regime a label",
        ),
        (
            "spe.u_g == \"comply\"",
            "c.toml:5:21: spe.u_g is a number and \"comply\" a label",
        ),
        (
            "regime == spe.u_g",
            "c.toml:5:20: spe.u_g is a number and regime a label",
        ),
    ] {
        refused(&["verify", &claim(expr)], message);
    }
}

#[test]
fn per_domain_lists_in_claim_files_are_read_as_on_the_command_line() {
    let dir = scratch("lists");
    let claim = |r: &str| {
        write(
            &dir,
            "c.toml",
            &format!(
                "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = 'spe.u_g >= 0 and r_2 == 2'\n[params]\nc0 = 1\nr = \"{r}\"\nc = \"1,2\"\n"
            ),
        )
    };
    let out = gpai(&["verify", &claim("1,2")]);
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    assert!(printed(&out).contains("proved"));
    refused(
        &["verify", &claim("1,-1")],
        "c.toml:8:5: r_2 = -1 is outside its domain: a rational > 0",
    );
    // Lists of different lengths are refused at load, where they are written.
    refused(
        &["verify", &claim("1,2,3")],
        "c.toml:9:5: c: 2 values for 3 domains",
    );
}

#[test]
fn sampled_shards_merge_to_the_sampled_sweep_and_never_overwrite_their_inputs() {
    let dir = scratch("every-shards");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let sweep = |extra: &[&str]| {
        let mut args = vec![
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_g=0:1:1/8",
            "--grid",
            "theta_d=theta_g:1:1/8",
            "--every",
            "4",
        ];
        args.extend(extra);
        let out = gpai(&args);
        assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    };
    sweep(&["--out", &path("all.csv")]);
    for i in 1..=3 {
        sweep(&[
            "--shard",
            &format!("{i}/3"),
            "--out",
            &path(&format!("p{i}.csv")),
        ]);
    }
    let parts = [path("p1.csv"), path("p2.csv"), path("p3.csv")];
    let out = gpai(
        &[
            &["merge", &path("m.csv")][..],
            &parts.each_ref().map(String::as_str),
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    assert_eq!(
        std::fs::read(path("m.csv")).unwrap(),
        std::fs::read(path("all.csv")).unwrap(),
        "the shards of a sampled sweep are the sample, split"
    );
    // The output may not be one of the parts or their manifests, nor of another format.
    let before = std::fs::read(path("p1.csv")).unwrap();
    refused(
        &["merge", &parts[0], &parts[0], &parts[1], &parts[2]],
        "it is the same file as a part",
    );
    refused(
        &[
            "merge",
            &path("p1.csv.manifest.json"),
            &parts[0],
            &parts[1],
            &parts[2],
        ],
        "manifest",
    );
    refused(
        &["merge", &path("m.jsonl"), &parts[0], &parts[1], &parts[2]],
        "csv",
    );
    assert_eq!(std::fs::read(path("p1.csv")).unwrap(), before);
}

#[test]
fn claims_refuse_sample_grids_and_exact_arithmetic_beyond_their_limits() {
    let dir = scratch("claim-limits");
    // 64 points per range over three ranges would be 262,144 sample points.
    let grid = write(
        &dir,
        "grid.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning\"\nclaim = 'c0 > 0'\n[params]\nc0 = \"(0, 8]\"\nc1 = \"(0, 8]\"\nr = \"(0, 8]\"\n[method]\ngrid = 64\n"
        ),
    );
    refused(&["verify", &grid], "raise it with GPAI_MAX_SAMPLE_POINTS=N");
    // The grid of statuses gives the same reason.
    refused(
        &["verify", &grid, "--grid"],
        "random = 20: 262932 sample points, beyond the limit of 10000; raise it with GPAI_MAX_SAMPLE_POINTS=N",
    );
    // Eight square roots summed exactly would need a resultant of degree 256; the error
    // names the place in the file.
    let roots = write(
        &dir,
        "roots.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning\"\nclaim = 'sqrt(2) + sqrt(3) + sqrt(5) + sqrt(7) + sqrt(11) + sqrt(13) + sqrt(17) + sqrt(19) > 0'\n[params]\nc0 = 1\nc1 = 2\n"
        ),
    );
    refused(
        &["verify", &roots],
        "roots.toml:5:81: this arithmetic (algebraic numbers of degrees 128 and 2 combined): 256 (degree), beyond the limit of 128",
    );
}

#[test]
fn a_domain_the_game_lacks_is_an_error_not_a_default() {
    let dir = scratch("lacking-domain");
    let claim = |text: &str| {
        write(
            &dir,
            "c.toml",
            &format!(
                "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = '{text}'\n[params]\nc0 = 1\nr = \"1,2\"\n"
            ),
        )
    };
    let out = gpai(&["verify", &claim("r_2 == 2")]);
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    // A third domain's parameter in a two-domain game was read as its default (and "proved").
    let out = gpai(&["verify", &claim("r_3 == 1")]);
    assert_ne!(out.status.code(), Some(0), "{}", printed(&out));
    assert!(
        printed(&out).contains("r_3: the game has 2 domains"),
        "{}",
        printed(&out)
    );
}

#[test]
fn runaway_options_are_bounded_before_the_work() {
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "r=1,2",
            "--probes",
            "18446744073709551615",
        ],
        "--probes = 18446744073709551615 is outside its domain: an integer from 1 to 4096",
    );
    // Enclosures wider than the shares say nothing; narrower than 1e-60 do not end.
    refused(
        &["bargain", "fine_tuning", "c0=1", "c1=2", "--width", "1e400"],
        "--width = 1e400 is outside its domain: a rational in [1e-60, 1/100]",
    );
    refused(
        &["bargain", "fine_tuning_n", "r=1,2", "--width", "1e-400"],
        "--width = 1e-400 is outside its domain",
    );
    refused(
        &[
            "boundary",
            "safety_regulation",
            "--along",
            "theta_d=0:1",
            "--samples",
            "100000000",
        ],
        "--samples: 100000000",
    );
    // per_domain bargaining chooses every share: a given one would be ignored.
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "--mode",
            "per_domain",
            "r=1,2",
            "delta_1=1/2",
        ],
        "per_domain bargaining chooses every domain's share",
    );
}

#[test]
fn frontier_inputs_name_each_column_once() {
    let dir = scratch("duplicate-columns");
    let csv = write(&dir, "o.csv", "index,u_g,u_d,u_d\n0,1,2,3\n1,2,1,0\n");
    refused(
        &["frontier", "--input", &csv, "--players", "u_g,u_d"],
        "the column \"u_d\" appears twice",
    );
    let csv = write(&dir, "p.csv", "index,u_g,u_d\n0,1,2\n1,2,1\n");
    refused(
        &["frontier", "--input", &csv, "--players", "u_g,u_d,u_g"],
        "u_g is named twice",
    );
    // serde_json keeps the last of two equal keys; the record is refused instead, located.
    let jsonl = write(
        &dir,
        "o.jsonl",
        "{\"index\":0,\"u_g\":\"1\",\"u_d\":\"2\"}\n{\"index\":1,\"u_g\":\"2\",\"u_d\":\"1\",\"u_d\":\"9\"}\n",
    );
    refused(
        &["frontier", "--input", &jsonl, "--players", "u_g,u_d"],
        "o.jsonl:2:",
    );
    refused(
        &["frontier", "--input", &jsonl, "--players", "u_g,u_d"],
        "the key \"u_d\" is given twice",
    );
}

#[test]
fn missing_inputs_are_named_as_missing() {
    let dir = scratch("missing-inputs");
    let missing = dir.join("missing.toml").to_string_lossy().into_owned();
    refused(
        &["verify", &missing],
        "missing.toml: cannot read: No such file",
    );
    let part = dir.join("missing.csv").to_string_lossy().into_owned();
    let out = dir.join("merged.csv").to_string_lossy().into_owned();
    refused(
        &["merge", &out, &part],
        "missing.csv: cannot read: No such file",
    );
}

#[test]
fn options_and_cells_that_cannot_be_honoured_are_named_before_the_work() {
    refused(
        &[
            "bargain",
            "fine_tuning_n",
            "--mode",
            "per_domain",
            "r=1,2",
            "--digits",
            "3",
        ],
        "--digits 3",
    );
    refused(
        &[
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_d=0:1:1/2",
            "--plot",
            "/no/such/folder/x.svg",
        ],
        "/no/such/folder/x.svg: cannot write: the folder /no/such/folder does not exist",
    );
    let dir = scratch("no-real-number");
    let csv = write(&dir, "z.csv", "index,u_g,u_d\n0,1/0,1\n");
    refused(
        &["frontier", "--input", &csv, "--players", "u_g,u_d"],
        "z.csv:2:3: u_g: \"1/0\" is no real number",
    );
}

#[test]
fn a_grid_frontier_compares_the_models_own_players() {
    // The default u_g,u_d named a column the n-specialist game has not ("grid:1:1").
    let out = gpai(&[
        "frontier",
        "fine_tuning_n",
        "r=1,2",
        "--grid",
        "delta=0:1/2:1/4",
    ]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("frontier of (u_g, u_1, u_2)"), "{text}");
    refused(
        &[
            "frontier",
            "fine_tuning_n",
            "--grid",
            "delta=0:1/2:1/4",
            "--players",
            "u_g,u_d",
        ],
        "\"--players u_g,u_d\": the grid's rows have no column \"u_d\"",
    );
}

#[test]
fn a_domain_the_game_lacks_is_an_error_even_where_the_claim_never_reads_it() {
    // `or` stopped at its true left side, and the claim about a third domain of a two-domain
    // game was "proved".
    let dir = scratch("beyond-domains");
    for (name, claim) in [
        ("output", "spe.u_g >= 0 or spe.u_3 > 100"),
        ("param", "spe.u_g < 0 and r_3 > 1"),
    ] {
        let file = write(
            &dir,
            &format!("{name}.toml"),
            &format!(
                "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = '{claim}'\n[params]\nr = \"1,2\"\n"
            ),
        );
        refused(&["verify", &file], "the game has 2 domains");
    }
    let fine = write(
        &dir,
        "fine.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = 'spe.u_g >= 0 or spe.u_2 > 100'\n[params]\nr = \"1,2\"\n"
        ),
    );
    assert_eq!(gpai(&["verify", &fine]).status.code(), Some(0));
}

#[test]
fn a_grid_axis_adding_a_domain_adds_its_player() {
    let out = gpai(&["frontier", "fine_tuning_n", "--grid", "delta_2=0:1:1/4"]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("frontier of (u_g, u_1, u_2)"), "{text}");
    // Three players make no picture: refused before the grid is solved.
    refused(
        &[
            "frontier",
            "fine_tuning_n",
            "--grid",
            "delta_2=0:1:1/4",
            "--plot",
            "x.svg",
        ],
        "these are 3: u_g, u_1, u_2",
    );
}

#[test]
fn json_numbers_are_read_as_written() {
    // serde_json rounded bare numbers to doubles: 0.10000000000000001 became 1/10, 1e-400 zero.
    let dir = scratch("json-numbers");
    let rows = write(
        &dir,
        "n.jsonl",
        "{\"u_g\":0.10000000000000001,\"u_d\":0}\n{\"u_g\":0.1,\"u_d\":0}\n{\"u_g\":1e-400,\"u_d\":-1}\n",
    );
    let out = gpai(&["frontier", "--input", &rows, "--format", "json"]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("10000000000000001/100000000000000000"),
        "{text}"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(doc["groups"][0]["pareto"].as_u64(), Some(1), "{text}");
}

#[test]
fn a_solve_the_claim_never_evaluates_is_checked_all_the_same() {
    let dir = scratch("solve-args");
    let claim = |name: &str, model: &str, claim: &str, params: &str| {
        write(
            &dir,
            &format!("{name}.toml"),
            &format!("{CLAIM_HEAD}model = \"{model}\"\nclaim = '{claim}'\n{params}"),
        )
    };
    let two = "[params]\nr = \"1,2\"\n";
    for (name, model, text, params, message) in [
        (
            "fewer",
            "fine_tuning_n",
            "spe.u_g >= 0 or solve(r = 1).spe.u_2 > 0",
            two,
            "spe.u_2: the game has 1 domain",
        ),
        (
            "range",
            "fine_tuning_n",
            "spe.u_g >= 0 or solve(delta = 3/2).u_g > 0",
            two,
            "delta = 3/2 is outside its domain",
        ),
        (
            "negative",
            "fine_tuning_n",
            "spe.u_g >= 0 or solve(delta = -1/2).u_g > 0",
            two,
            "delta = -1/2 is outside its domain",
        ),
        (
            "twice",
            "safety_regulation",
            "u_g >= 0 or solve(theta_d = 1, theta_d = 2).u_g > 0",
            "",
            "theta_d is given twice in solve(...)",
        ),
        (
            "joint",
            "safety_regulation",
            "u_g >= 0 or solve(c0_ab = -2).u_g > 0",
            "",
            "solve(...) makes no game: c0_ab = -2",
        ),
    ] {
        refused(&["verify", &claim(name, model, text, params)], message);
    }
}

#[test]
fn outcome_files_are_read_as_written_or_refused_located() {
    let dir = scratch("outcome-files");
    // A byte-order mark is not part of the first column's name; an index named twice is
    // refused (every report names outcomes by it).
    let bom = write(&dir, "bom.csv", "\u{feff}index,u_g,u_d\n0,1,0\n0,0,1\n");
    refused(
        &["frontier", "--input", &bom],
        "bom.csv:3:1: the index 0 is given twice",
    );
    let array = write(&dir, "arr.jsonl", "[1]\n");
    refused(
        &["frontier", "--input", &array],
        "arr.jsonl:1:1: malformed JSON: invalid type: sequence, expected a JSON object per row",
    );
    // The extension's case does not decide the format.
    let upper = write(
        &dir,
        "up.JSONL",
        "{\"u_g\":1,\"u_d\":0}\n{\"u_g\":0,\"u_d\":1}\n",
    );
    assert_eq!(
        gpai(&["frontier", "--input", &upper]).status.code(),
        Some(0)
    );
}

#[test]
fn discount_weights_are_bounded_before_they_are_built() {
    // A 29-digit rho over 100,000 days made numbers of millions of digits, with no end in sight.
    refused(
        &[
            "solve",
            "race",
            "ext=discount",
            "rho=12345678901234567890123456789/12345678901234567890123456790",
            "m=100000",
        ],
        "rho^m would have 18800000 bits, beyond 4000000",
    );
}

#[test]
fn generic_domain_names_and_bargains_nobody_makes_are_refused() {
    let dir = scratch("generic-names");
    // `spe.u_i` read domain 0 (G's utility) silently; it names no output.
    let generic = write(
        &dir,
        "generic.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = 'spe.u_i >= 0'\n[params]\nr = \"1,2\"\n"
        ),
    );
    refused(&["verify", &generic], "unknown name `spe.u_i`");
    // When nobody invests at any share there is no bargain: an error, not a panic.
    let none = write(
        &dir,
        "none.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = 'nash.delta >= 0'\n[params]\nkappa = \"1\"\n"
        ),
    );
    refused(&["verify", &none], "no share makes a bargain");
}

#[test]
fn sweep_rows_come_in_the_format_asked_for_and_a_contradiction_is_refused() {
    let dir = scratch("formats");
    let grid = ["sweep", "openness", "--grid", "theta=0:1:1/4"];
    let lines =
        String::from_utf8(gpai(&[&grid[..], &["--format", "jsonl"]].concat()).stdout).unwrap();
    let array =
        String::from_utf8(gpai(&[&grid[..], &["--format", "json"]].concat()).stdout).unwrap();
    // One JSON array of exactly the JSON Lines' objects, in order.
    let parsed: serde_json::Value = serde_json::from_str(&array).expect("valid JSON");
    let objects: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(parsed, serde_json::Value::Array(objects));
    // The extension names the format when --format is not given; .json is an array.
    let named = dir.join("rows.json").to_string_lossy().into_owned();
    assert!(
        gpai(&[&grid[..], &["--out", &named]].concat())
            .status
            .success()
    );
    assert_eq!(std::fs::read_to_string(&named).unwrap(), array);
    refused(
        &[&grid[..], &["--out", &named, "--format", "csv"]].concat(),
        "the file's name says json but --format is csv",
    );
    refused(
        &[
            &grid[..],
            &["--format", "json", "--shard", "1/2", "--out", &named],
        ]
        .concat(),
        "one JSON array cannot be split",
    );
    // An empty sweep is still valid JSON; frontier reads the array back, errors located.
    let read = gpai(&["frontier", "--input", &named, "--players", "u_g,u_d"]);
    assert!(read.status.success(), "{}", printed(&read));
    let torn = write(
        &dir,
        "torn.json",
        "[\n{\"index\":0,\"u_g\":\"1\",\"u_d\":\"1\"},\n  {\"index\":1,\"u_g\":x}]",
    );
    refused(
        &["frontier", "--input", &torn, "--players", "u_g,u_d"],
        "torn.json:3:",
    );
}

#[test]
fn approximate_cells_hold_only_correct_digits() {
    let out = gpai(&["sweep", "openness", "--grid", "theta=1/3:1/3:1", "m=1/7"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
    let mut checked = 0;
    for (k, name) in header.iter().enumerate() {
        let Some(exact) = name.strip_suffix("_approx") else {
            continue;
        };
        let value =
            gpai::exact::parse_rational(row[header.iter().position(|h| *h == exact).unwrap()])
                .unwrap();
        let shown = gpai::exact::parse_rational(row[k]).unwrap();
        // Truncated toward zero at 15 significant digits: |value - shown| < 10^(e - 14).
        let gap = if value >= shown {
            &value - &shown
        } else {
            &shown - &value
        };
        let magnitude = if value < 0 {
            -value.clone()
        } else {
            value.clone()
        };
        assert!(
            gap * gpai::Rational::from(100_000_000_000_000u64) <= magnitude,
            "{name}: {} for {}",
            row[k],
            value
        );
        assert!(row[k].len() <= 18, "{name}: {}", row[k]);
        checked += 1;
    }
    assert!(checked >= 5, "{text}");
}

#[test]
fn list_parameters_read_the_same_from_a_claim_file_as_from_the_command_line() {
    let dir = scratch("lists");
    let claim = |params: &str| {
        write(
            &dir,
            "c.toml",
            &format!(
                "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = 'spe.u_g == 1/2 and spe.u_2 > 0'\n[params]\n{params}\n"
            ),
        )
    };
    for params in [
        "r = \"1,1\"",
        "r = [1, 1]",
        "r = [\"1\", \"1\"]",
        "r = 1\nc = [1, \"1\"]",
    ] {
        let out = gpai(&["verify", &claim(params)]);
        assert_eq!(out.status.code(), Some(0), "{params}: {}", printed(&out));
    }
    refused(
        &["verify", &claim("r = [1, 1.5]")],
        "c.toml:7:9: r: floats are not exact",
    );
    refused(&["verify", &claim("r = []")], "r: the list is empty");
    refused(
        &["verify", &claim("r = \"[1, 2]\"")],
        "a range covers one domain, so name it (r_1 = \"[1, 2]\")",
    );
}

#[test]
fn verify_and_audit_report_errors_on_stderr_located() {
    let dir = scratch("errors-located");
    let claim = write(
        &dir,
        "c.toml",
        &format!(
            "{CLAIM_HEAD}model = \"openness\"\nclaim = 'spe.u_g / (theta - 3/4) > 0'\n[params]\ntheta = \"3/4\"\n"
        ),
    );
    let out = gpai(&["verify", &claim]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("error: {claim}:5:18: division by zero")),
        "{stderr}"
    );
    // An audit stopped inside its assertion points into it, in the same form.
    let policy = write(
        &dir,
        "p.toml",
        "title = \"t\"\nmodel = \"openness\"\nassert = \"solve(theta = theta + 1/2).regime != \\\"exit\\\"\"\n[params]\np = \"1/32\"\n[family]\ntheta = \"[0, 1]\"\n",
    );
    let out = gpai(&["audit", &policy]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // (Which sample point first leaves the domain depends on where the cells are cut; the
    // location and the message do not.)
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&format!("error: {policy}:3:17: theta = ")))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        line.ends_with("is outside its domain: a rational in [0, 1]"),
        "{stderr}"
    );
    let value = line
        .split("theta = ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    let (n, d) = value.split_once('/').unwrap();
    let (n, d): (i64, i64) = (n.parse().unwrap(), d.parse().unwrap());
    assert!(
        n > d && 2 * (n - d) <= d,
        "theta + 1/2 = {value}, theta in [0, 1]"
    );
    // Labels in an audit's JSON are plain strings; a sampled audit does not claim every point.
    let comply = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/policies/comply.toml");
    let json: serde_json::Value =
        serde_json::from_slice(&gpai(&["audit", comply, "--format", "json"]).stdout).unwrap();
    assert_eq!(json["counterexample"]["values"]["regime"], "slack");
}

#[test]
fn scheduler_scripts_are_refused_where_they_could_not_be_honoured() {
    let dir = scratch("scheduler");
    let out = dir.join("rows.csv").to_string_lossy().into_owned();
    let sweep = ["sweep", "openness", "--grid", "theta=0:1:1/4"];
    refused(
        &[&sweep[..], &["--slurm", "2"]].concat(),
        "give --out ROWS.csv",
    );
    refused(
        &[&sweep[..], &["--out", &out, "--slurm", "0"]].concat(),
        "give between 1 and 5 shards",
    );
    refused(
        &[&sweep[..], &["--out", &out, "--slurm", "6"]].concat(),
        "give between 1 and 5 shards",
    );
    refused(
        &[
            &sweep[..],
            &["--out", &out, "--slurm", "2", "--format", "jsonl"],
        ]
        .concat(),
        "the file's name says csv but --format is jsonl",
    );
    let spaced = dir.join("my rows.csv").to_string_lossy().into_owned();
    refused(
        &[&sweep[..], &["--out", &spaced, "--kubernetes", "2"]].concat(),
        "goes into the scheduler's files as it is",
    );
    let written = gpai(&[&sweep[..], &["--out", &out, "--slurm", "2"]].concat());
    assert!(written.status.success(), "{}", printed(&written));
    let array = std::fs::read_to_string(dir.join("rows.sbatch")).unwrap();
    assert!(array.contains("#SBATCH --array=1-2"), "{array}");
    assert!(
        !dir.join("rows.csv").exists(),
        "nothing is solved by --slurm"
    );
}

#[test]
fn worker_threads_are_bounded_before_any_starts() {
    for jobs in ["0", "1025", "100000"] {
        refused(
            &[
                "sweep",
                "openness",
                "--grid",
                "theta=0:1:1/2",
                "--jobs",
                jobs,
            ],
            &format!(
                "--jobs = {jobs} is outside its domain: a number of worker threads from 1 to 1024"
            ),
        );
    }
    let out = gpai(&[
        "sweep",
        "openness",
        "--grid",
        "theta=0:1:1/2",
        "--jobs",
        "1024",
    ]);
    assert!(out.status.success(), "{}", printed(&out));
    let proofs = concat!(env!("CARGO_MANIFEST_DIR"), "/proofs/openness");
    for jobs in ["0", "1025"] {
        refused(
            &["verify", proofs, "--jobs", jobs],
            &format!(
                "--jobs = {jobs} is outside its domain: a number of worker threads from 1 to 1024"
            ),
        );
    }
}

#[test]
fn json_arrays_from_other_tools_and_scheduler_names_are_taken_as_written() {
    let dir = scratch("arrays-and-names");
    // pandas' to_json(orient="records"): one line, no index; rows are named by their place.
    let rows = write(
        &dir,
        "noidx.json",
        r#"[{"u_g":"1/2","u_d":"1/3"},{"u_g":"1/3","u_d":"1/2"}]"#,
    );
    let out = gpai(&["frontier", "--input", &rows]);
    assert!(out.status.success(), "{}", printed(&out));
    let bad = write(
        &dir,
        "one.json",
        r#"[{"index":0,"u_g":"1","u_d":"1"}, {"index":1,"u_g":"1","u_d":"x"}]"#,
    );
    refused(&["frontier", "--input", &bad], "one.json:1:35: u_d:");
    // A list entry's bad number is located at the entry.
    let claim = write(
        &dir,
        "l.toml",
        &format!(
            "{CLAIM_HEAD}model = \"fine_tuning_n\"\nclaim = 'spe.u_g >= 0'\n[params]\nr = [\n 1,\n \"x\",\n]\n"
        ),
    );
    refused(&["verify", &claim], "l.toml:9:2: r: invalid number \"x\"");
    // Scheduler files: a name read as an option is refused; limits set here hold there.
    let sweep = ["sweep", "openness", "--grid", "theta=0:1:1/4"];
    refused(
        &[&sweep[..], &["--out=-x.csv", "--slurm", "2"]].concat(),
        "not starting with -",
    );
    let out = dir.join("rows.csv").to_string_lossy().into_owned();
    let written = Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args([&sweep[..], &["--out", &out, "--slurm", "2"]].concat())
        .env("GPAI_MAX_GRID_POINTS", "3000")
        .output()
        .unwrap();
    assert!(written.status.success(), "{}", printed(&written));
    let array = std::fs::read_to_string(dir.join("rows.sbatch")).unwrap();
    assert!(
        array.contains("export GPAI_MAX_GRID_POINTS=3000\n"),
        "{array}"
    );
    refused(
        &[&sweep[..], &["--out", &out, "--kubernetes", "20000"]].concat(),
        "at most 10000 in all",
    );
}
