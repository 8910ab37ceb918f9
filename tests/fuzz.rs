//! Fuzzing the binary: mutated claim and policy files, random polynomials and argument vectors, each run under CPU, memory and wall-clock limits; a panic, a signal, a limit hit or an exit status other than 0, 1 or 2 fails, and the saved reproducers are replayed every time.
//!
//! The cases come from SplitMix64 under a fixed seed, so a run is the same on every machine;
//! case `i` of a stream depends only on the seed, the stream's name and `i`. Locally,
//! `GPAI_FUZZ_CASES=N` runs N cases per stream without the time budget (`GPAI_FUZZ_BUDGET=S`
//! sets one in seconds), `GPAI_FUZZ_SEED=K` draws other cases, `GPAI_FUZZ_CPU=S` sets each run's CPU limit and `GPAI_FUZZ_VERBOSE=1` prints
//! every case with its exit status and first line of standard error.
//!
//! A failing case is saved under `target/tmp/fuzz-failures/NAME/` as a block for
//! `tests/fuzz/known_failures.txt` (cases the fuzzer skips until they are fixed) or
//! `tests/fuzz/regressions.txt` (cases replayed on every run), with its input for
//! `tests/fuzz/inputs/`; see `fuzz/case.rs` for the format.

mod case;
mod generate;
mod mutate;
mod rng;
mod run;

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use case::{Case, read_list};
use rng::Rng;

/// The seed of every stream ("gpai", issue 17).
const SEED: u64 = 0x6770_6169_0017;
/// Mutants per stream in the test suite: file mutants cycle through every file.
const FILE_CASES: usize = 160;
const ROOTS_CASES: usize = 300;
const ARGUMENT_CASES: usize = 400;
/// Wall-clock time after which the fuzz streams (together, from the first one's start) start
/// no new case; what was skipped is printed. Each run has its own limits (`fuzz/run.rs`).
const BUDGET: Duration = Duration::from_secs(90);

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz")
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let parsed = if let Some(hex) = value.strip_prefix("0x") {
        u64::from_str_radix(hex, 16)
    } else {
        value.parse()
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={value:?} is not a number")))
}

/// How many cases a stream runs, and until when.
fn cases(default: usize) -> usize {
    env_number("GPAI_FUZZ_CASES").map_or(default, |n| n as usize)
}

fn deadline() -> Option<Instant> {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    match env_number("GPAI_FUZZ_BUDGET") {
        Some(seconds) => Some(start + Duration::from_secs(seconds)),
        None if std::env::var_os("GPAI_FUZZ_CASES").is_some() => None,
        None => Some(start + BUDGET),
    }
}

fn seed() -> u64 {
    env_number("GPAI_FUZZ_SEED").unwrap_or(SEED)
}

/// The files every run's directory starts with: sweep files, sweep parts with their
/// manifests, boundary reports, a claim and a policy (made once per test process).
fn fixtures() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("fuzz-fixtures-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let gpai = |args: &[&str]| {
            let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
                .args(args)
                .current_dir(&dir)
                .output()
                .unwrap();
            assert!(out.status.success(), "fixture {args:?}: {out:?}");
            out.stdout
        };
        let grid = [
            "sweep",
            "safety_regulation",
            "--grid",
            "theta_g=0:1:1/2",
            "--grid",
            "theta_d=0:1:1/2",
        ];
        for tail in [
            &["--out", "sweep.csv"][..],
            &["--out", "sweep.jsonl"],
            &["--shard", "1/2", "--out", "part1.csv"],
            &["--shard", "2/2", "--out", "part2.csv"],
        ] {
            gpai(&[&grid[..], tail].concat());
        }
        let boundary = BOUNDARY_CHECK[..5].to_vec();
        std::fs::write(dir.join("boundary.txt"), gpai(&boundary)).unwrap();
        let json = [&boundary[..], &["--format", "json"]].concat();
        std::fs::write(dir.join("boundary.json"), gpai(&json)).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (from, to) in [
            ("proofs/fine_tuning/role_symmetry.toml", "claim.toml"),
            ("docs/policies/comply.toml", "policy.toml"),
        ] {
            std::fs::copy(root.join(from), dir.join(to)).unwrap();
        }
        // A part named as a mutated part is (`input.csv`), with its manifest.
        std::fs::copy(dir.join("part1.csv"), dir.join("input.csv")).unwrap();
        std::fs::copy(
            dir.join("part1.csv.manifest.json"),
            dir.join("input.csv.manifest.json"),
        )
        .unwrap();
        // The limits themselves work: a run that should pass passes under them.
        let check = Case::new("limits".into(), os(&["models"]), String::new());
        let result = run::run(&check, &dir);
        assert!(
            result.code() == 0 && result.failure().is_none(),
            "`gpai models` under the fuzz limits: exit {}, {}",
            result.code(),
            result.stderr
        );
        dir
    })
}

/// The boundary run whose report the fixtures hold, then `--check` and the mutated report.
const BOUNDARY_CHECK: [&str; 7] = [
    "boundary",
    "safety_regulation",
    "--along",
    "theta_d=0:5/2",
    "theta_g=0",
    "--check",
    "input.txt",
];

/// What every stream skips: the cases of `known_failures.txt`, by arguments and input.
fn known_failures() -> &'static Vec<Case> {
    static KNOWN: OnceLock<Vec<Case>> = OnceLock::new();
    KNOWN.get_or_init(|| read_list(&fuzz_dir().join("known_failures.txt"), &fuzz_dir()))
}

/// Runs one stream of cases and fails with every failing case's report.
fn campaign(stream: &str, default_cases: usize, make: impl Fn(&mut Rng, usize) -> Case) {
    let deadline = deadline();
    let fixtures = fixtures();
    let known: HashSet<_> = known_failures().iter().map(Case::key).collect();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("fuzz-run-{stream}-{}", std::process::id()));
    let total = cases(default_cases);
    let verbose = std::env::var_os("GPAI_FUZZ_VERBOSE").is_some();
    let start = Instant::now();
    let (mut ran, mut skipped) = (0, 0);
    let mut codes: BTreeMap<i32, usize> = BTreeMap::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let mut failures = Vec::new();
    for index in 0..total {
        if deadline.is_some_and(|d| Instant::now() > d) {
            break;
        }
        let mut rng = Rng::for_case(seed(), stream, index);
        let mut case = make(&mut rng, index);
        case.name = if seed() == SEED {
            format!("{stream}_{index}")
        } else {
            format!("{stream}_{:x}_{index}", seed())
        };
        if known.contains(&case.key()) {
            skipped += 1;
            continue;
        }
        run::prepare(&case, fixtures, &dir);
        let result = run::run(&case, &dir);
        ran += 1;
        *codes.entry(result.code()).or_default() += 1;
        slowest.push((result.elapsed, case.command_line()));
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        slowest.truncate(3);
        if verbose {
            let first = result.stderr.lines().next().unwrap_or_default();
            println!(
                "{} {:.2} s exit {}: {} [{}] {}",
                case.name,
                result.elapsed.as_secs_f64(),
                result.code(),
                case.command_line().chars().take(150).collect::<String>(),
                case.origin,
                first.chars().take(200).collect::<String>()
            );
        }
        if let Some(why) = result.failure() {
            failures.push(run::report(&case, &result, &why));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "fuzz {stream}: {ran} cases run, {skipped} known failures skipped, {} not reached \
         (budget), in {:.1} s; exit statuses {codes:?}; slowest:",
        total - ran - skipped,
        start.elapsed().as_secs_f64()
    );
    for (time, line) in &slowest {
        let line: String = line.chars().take(200).collect();
        println!("  {:.2} s  {line}", time.as_secs_f64());
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} fuzz cases failed (copies under {}):\n\n{}",
        failures.len(),
        run::failures_dir().display(),
        failures.join("\n\n")
    );
}

/// What a mutated file is run through.
struct Target {
    path: PathBuf,
    ext: String,
    command: Vec<&'static str>,
}

/// Every file in `proofs/` (verify) and `docs/policies/` (audit), then the fixtures other
/// commands read: sweep files (frontier), a part and its manifest (merge), boundary reports
/// (boundary --check).
fn targets() -> Vec<Target> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut stack = vec![root.join("proofs"), root.join("docs/policies")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let ext = |path: &Path| {
        let name = path.file_name().unwrap().to_string_lossy();
        name.split_once('.')
            .map_or("txt".to_string(), |(_, e)| e.to_string())
    };
    let mut targets: Vec<Target> = files
        .into_iter()
        .map(|path| {
            let input = format!("input.{}", ext(&path));
            let command = if path.starts_with(root.join("docs/policies")) {
                "audit"
            } else {
                "verify"
            };
            Target {
                ext: ext(&path),
                command: vec![command, leak(input)],
                path,
            }
        })
        .collect();
    let fixtures = fixtures();
    for (file, command) in [
        ("sweep.csv", &["frontier", "--input", "input.csv"][..]),
        ("sweep.jsonl", &["frontier", "--input", "input.jsonl"]),
        ("part1.csv", &["merge", "out.csv", "input.csv", "part2.csv"]),
        (
            "part1.csv.manifest.json",
            &["merge", "out.csv", "input.csv", "part2.csv"],
        ),
        ("boundary.txt", &BOUNDARY_CHECK),
        (
            "boundary.json",
            &[&BOUNDARY_CHECK[..6], &["input.json", "--format", "json"]].concat(),
        ),
    ] {
        let path = fixtures.join(file);
        targets.push(Target {
            ext: ext(&path),
            command: command.to_vec(),
            path,
        });
    }
    targets
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

#[test]
fn fuzz_claim_and_policy_files() {
    let targets = targets();
    assert!(
        targets.len() > 60,
        "every proof and policy: {}",
        targets.len()
    );
    let originals: Vec<Vec<u8>> = targets
        .iter()
        .map(|t| std::fs::read(&t.path).unwrap())
        .collect();
    // At least one mutant of every file.
    let default_cases = FILE_CASES.max(targets.len());
    campaign("files", default_cases, |rng, index| {
        let target = &targets[index % targets.len()];
        let (bytes, what) = mutate::mutate(rng, &originals[index % targets.len()]);
        let mut args = os(&target.command);
        // Sometimes the other format, or the other command on the same file.
        match (target.command[0], rng.below(12)) {
            ("verify" | "audit", 0) => args.extend(os(&["--format", "json"])),
            ("verify", 1) => args.push("--grid".into()),
            ("verify", 2) => args[0] = "audit".into(),
            ("audit", 2) => args[0] = "verify".into(),
            _ => {}
        }
        let origin = format!(
            "mutant of {}: {what}",
            target
                .path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(&target.path)
                .display()
        );
        let mut case = Case::new(String::new(), args, origin);
        case.input = Some((target.ext.clone(), bytes));
        case
    });
}

#[test]
fn fuzz_roots() {
    campaign("roots", ROOTS_CASES, |rng, _| {
        let args = generate::roots_args(rng);
        Case::new(String::new(), args, "random polynomial".into())
    });
}

#[test]
fn fuzz_arguments() {
    let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args(["models", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let models = generate::models(&String::from_utf8(out.stdout).unwrap());
    assert!(models.len() >= 6 && models.iter().all(|m| !m.params.is_empty()));
    campaign("arguments", ARGUMENT_CASES, |rng, _| {
        let args = generate::arguments(rng, &models);
        Case::new(String::new(), args, "random arguments".into())
    });
}

/// Inputs the fuzzer once found failing, replayed every time (no budget: they are few); the
/// known failures are listed, not run.
#[test]
fn fuzz_regressions_still_pass() {
    for case in known_failures() {
        println!(
            "fuzz known failure, not run: [{}] {}\n  {}",
            case.name,
            case.command_line().chars().take(150).collect::<String>(),
            case.origin.replace('\n', "\n  ")
        );
    }
    let regressions = read_list(&fuzz_dir().join("regressions.txt"), &fuzz_dir());
    let known: HashSet<_> = known_failures().iter().map(|c| c.name.clone()).collect();
    let mut failures = Vec::new();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("fuzz-run-regressions-{}", std::process::id()));
    for case in &regressions {
        assert!(
            !known.contains(&case.name),
            "[{}] is both a regression and a known failure",
            case.name
        );
        run::prepare(case, fixtures(), &dir);
        let result = run::run(case, &dir);
        if let Some(why) = result.failure() {
            failures.push(run::report(case, &result, &why));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "fuzz regressions fail again:\n\n{}",
        failures.join("\n\n")
    );
}

/// The generators themselves never panic: many cases of every stream under several seeds are
/// made (not run), so a slip in a mutation shows here rather than ending a stream midway.
#[test]
fn fuzz_generators_make_cases() {
    let targets = targets();
    let originals: Vec<Vec<u8>> = targets
        .iter()
        .map(|t| std::fs::read(&t.path).unwrap())
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
        .args(["models", "--format", "json"])
        .output()
        .unwrap();
    let models = generate::models(&String::from_utf8(out.stdout).unwrap());
    for seed in [SEED, 1, 2, 3] {
        for index in 0..2000 {
            let mut rng = Rng::for_case(seed, "files", index);
            let (bytes, _) = mutate::mutate(&mut rng, &originals[index % originals.len()]);
            assert!(bytes.len() < 10_000_000);
            let mut rng = Rng::for_case(seed, "roots", index);
            let args = generate::roots_args(&mut rng);
            assert!(args.iter().all(|a| a.len() < 128 * 1024), "{args:?}");
            let mut rng = Rng::for_case(seed, "arguments", index);
            let args = generate::arguments(&mut rng, &models);
            assert!(args.iter().all(|a| a.len() < 128 * 1024), "{args:?}");
        }
    }
}
