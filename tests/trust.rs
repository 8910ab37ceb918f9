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
