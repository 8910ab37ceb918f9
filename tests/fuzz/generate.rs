//! Random inputs for the binary: polynomial and number strings for `gpai roots`, and argument vectors for every command built from `gpai models --format json` with junk mixed in.

use std::ffi::OsString;

use super::mutate::odd_number;
use super::rng::Rng;

/// A model as `gpai models --format json` lists it.
pub struct Model {
    pub name: String,
    pub commands: Vec<String>,
    pub params: Vec<Param>,
}

/// One of a model's parameters.
pub struct Param {
    pub name: String,
    pub domain: String,
}

impl Param {
    /// The labels a label parameter takes (`power | polynomial | pwl | log`).
    fn labels(&self) -> Option<Vec<&str>> {
        self.domain
            .contains(" | ")
            .then(|| self.domain.split(" | ").collect())
    }

    fn is_list(&self) -> bool {
        self.domain.starts_with("a list")
    }

    fn per_domain(&self) -> bool {
        self.domain.contains("one per domain")
    }
}

/// The models, read from the JSON the binary prints.
pub fn models(json: &str) -> Vec<Model> {
    let value: serde_json::Value = serde_json::from_str(json).expect("gpai models prints JSON");
    let text = |v: &serde_json::Value, key: &str| v[key].as_str().unwrap_or_default().to_string();
    value
        .as_array()
        .expect("a list of models")
        .iter()
        .map(|m| Model {
            name: text(m, "name"),
            commands: m["commands"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c.as_str().map(String::from))
                .collect(),
            params: m["params"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| Param {
                    name: text(p, "name"),
                    domain: text(p, "domain"),
                })
                .collect(),
        })
        .collect()
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|i| char::from(b'0' + (rng.below(9) + usize::from(i == 0)) as u8))
        .collect()
}

/// Bytes of the longest argument made: Linux refuses an argument over 128 KiB (MAX_ARG_STRLEN).
const MAX_ARG: usize = 100_000;

/// A polynomial string: well-formed, huge, deep, typeset, or garbage.
pub fn polynomial(rng: &mut Rng) -> String {
    // An argument holds at most 128 KiB (Linux's MAX_ARG_STRLEN), so at most 30,000 levels.
    let depth = *rng.pick(&[10, 199, 200, 201, 1000, 10_000, 30_000]);
    match rng.below(14) {
        0 => format!("{}{}{}", "(".repeat(depth), sum(rng, 2), ")".repeat(depth)),
        1 => {
            let sign = *rng.pick(&["-", "\u{2212}", "+", "- "]);
            format!("{}x^2 - 2", sign.repeat(depth.min(MAX_ARG / sign.len())))
        }
        2 => format!(
            "x^{} {} 1",
            rng.pick(&[
                "1000",
                "1001",
                "1000000",
                "18446744073709551616",
                "1e3",
                "-1",
                "1/2",
                "2.5",
                "0",
                "(2)",
                "2^3",
                "x",
                "",
                "99999999999999999999999999999",
            ]),
            rng.pick(&["-", "+"])
        ),
        3 => {
            let n = *rng.pick(&[30, 300, 1999, 2001, 6000]);
            format!(
                "{}x^2 - {}x + {}",
                digits(rng, n),
                digits(rng, n / 2 + 1),
                digits(rng, 3)
            )
        }
        4 => {
            // Clustered rational roots.
            let scale = *rng.pick(&[1, 1000, 1_000_000]);
            (0..rng.between(1, 40))
                .map(|k| format!("(x - {}/{scale})", k + 1))
                .collect()
        }
        5 => format!(
            "(x - {})^{} {} {}",
            rng.pick(&["1", "1/3", "2"]),
            // 1000 is the largest degree allowed, 1001 past the limit.
            rng.pick(&[2, 10, 100, 300, 1000, 1001]),
            rng.pick(&["+", "-", "*"]),
            sum(rng, 1)
        ),
        6 => (*rng.pick(&[
            "x²³ - 2",
            "x⁻¹ + 1",
            "x⁰ - x",
            "x¹⁰⁰⁰ - 1",
            "x¹⁰⁰¹ - 1",
            "x^² - 1",
            "2²x - 1",
            "\u{2212}x² + 1",
            "x·x - 2",
            "x⋅2 - 1",
            "x²² - 1",
            "²",
            "x\u{00b2}\u{00b3}\u{00b9}",
            "x ** 2 - 2",
            "X^2 - 2",
            "y^2 - 2",
            "x^2 - 2 = 0",
            "x^2 \u{2013} 2",
            "x^2 \u{ff0d} 2",
            "１x - 1",
        ]))
        .into(),
        7 => (0..rng.between(0, 30))
            .map(|_| {
                *rng.pick(&[
                    "x",
                    "(",
                    ")",
                    "^",
                    "-",
                    "+",
                    "*",
                    "/",
                    " ",
                    "1",
                    "0",
                    "e",
                    ".",
                    "²",
                    "\u{2212}",
                    "·",
                    "é",
                    "\u{1}",
                    "\t",
                    "\n",
                    "=",
                    "y",
                    "[",
                    ",",
                    "9999999999",
                ])
            })
            .collect(),
        8 => odd_number(rng),
        9 => {
            let piece = *rng.pick(&["x+", "x*", "(x-1)*", "x^2+"]);
            format!("{}1", piece.repeat(depth.min(MAX_ARG / piece.len())))
        }
        10 => {
            // Mignotte-like: two roots about n^-(d+2)/2 apart (d = 60 with 25 digits is
            // regression [first_roots_14], 12 s; beyond, bisection's linear cost shows).
            let d = rng.between(3, 60);
            let length = rng.between(1, 25);
            let n = digits(rng, length);
            format!("x^{d} - 2*({n}*x - 1)^2")
        }
        11 => format!("({})^{}", sum(rng, 3), rng.between(0, 40)),
        _ => sum(rng, 4),
    }
}

/// A sum of a few random terms (coefficients mostly small, exponents up to 12).
fn sum(rng: &mut Rng, nesting: usize) -> String {
    let mut text = String::new();
    for i in 0..rng.between(1, 6) {
        if i > 0 || rng.chance(1, 4) {
            let sign: &&str = rng.pick(&[" + ", " - ", "-", "+", " \u{2212} "]);
            text.push_str(sign);
        }
        let coefficient = match rng.below(6) {
            0 => odd_number(rng),
            1 => String::new(),
            _ => rng
                .pick(&["1", "2", "3/2", "1/7", "0.25", "10", "1e3", "5e-2"])
                .to_string(),
        };
        let power = match rng.below(5) {
            0 => String::new(),
            1 => "x".into(),
            _ => format!("x^{}", rng.between(0, 12)),
        };
        let joiner = *rng.pick(&["*", "", " ", "·"]);
        if nesting > 0 && rng.chance(1, 4) {
            text.push_str(&format!(
                "{coefficient}{joiner}({})^{}",
                sum(rng, nesting - 1),
                rng.between(0, 5)
            ));
        } else if coefficient.is_empty() && power.is_empty() {
            text.push('1');
        } else {
            text.push_str(&coefficient);
            if !coefficient.is_empty() && !power.is_empty() {
                text.push_str(joiner);
            }
            text.push_str(&power);
        }
    }
    text
}

/// Arguments for `gpai roots`: a polynomial and maybe `--digits`, `--format`.
pub fn roots_args(rng: &mut Rng) -> Vec<OsString> {
    let mut args = vec![OsString::from("roots"), OsString::from(polynomial(rng))];
    common_options(rng, &mut args, &["table", "json", "latex"]);
    args
}

fn common_options(rng: &mut Rng, args: &mut Vec<OsString>, formats: &[&str]) {
    if rng.chance(1, 3) {
        args.push("--digits".into());
        args.push(
            rng.pick(&[
                "0",
                "1",
                "12",
                "50",
                "3000",
                "10000",
                "10001",
                "-1",
                "x",
                "99999999999999999999",
            ])
            .into(),
        );
    }
    if rng.chance(1, 3) {
        args.push("--format".into());
        let junk = ["xml", "", "JSON", "csv"];
        args.push(
            if rng.chance(3, 4) {
                *rng.pick(formats)
            } else {
                *rng.pick(&junk)
            }
            .into(),
        );
    }
}

/// Every command, misspellings and no command at all.
const COMMANDS: &[&str] = &[
    "solve",
    "sweep",
    "boundary",
    "verify",
    "audit",
    "frontier",
    "merge",
    "roots",
    "models",
    "bargain",
    "help",
    "solv",
    "",
    "--version",
    "-h",
];

/// Files in the run's directory (the fixtures), and names that are not there or not files.
const FILES: &[&str] = &[
    "sweep.csv",
    "sweep.jsonl",
    "part1.csv",
    "part2.csv",
    "boundary.txt",
    "boundary.json",
    "claim.toml",
    "policy.toml",
    "missing.toml",
    ".",
    "",
];

/// Names to write to, all inside the run's directory (or refused before writing).
const OUTPUTS: &[&str] = &[
    "out.csv",
    "out.json",
    "out.jsonl",
    "out.txt",
    "map.svg",
    "map.png",
    "map.SVG",
    "sweep.csv",
    "part1.csv",
    "no_such_dir/out.csv",
    "",
    ".",
];

/// A random argument vector for a random command.
pub fn arguments(rng: &mut Rng, models: &[Model]) -> Vec<OsString> {
    let command = *rng.pick(COMMANDS);
    let mut args: Vec<String> = vec![command.into()];
    // Mostly a model that has the command, sometimes any model or none.
    let fitting: Vec<&Model> = models
        .iter()
        .filter(|m| m.commands.iter().any(|c| c == command))
        .collect();
    let model = if !fitting.is_empty() && rng.chance(9, 10) {
        *rng.pick(&fitting)
    } else {
        rng.pick(models)
    };
    let with_model = |rng: &mut Rng, args: &mut Vec<String>| {
        args.push(match rng.below(20) {
            0 => "no_such_model".into(),
            1 => model.name.to_uppercase(),
            2 => String::new(),
            _ => model.name.clone(),
        });
        for _ in 0..rng.between(0, 6) {
            args.push(assignment(rng, model, models));
        }
    };
    match command {
        "solve" | "bargain" => {
            with_model(rng, &mut args);
            let formats = ["table", "json", "latex"];
            let mut os: Vec<OsString> = Vec::new();
            common_options(rng, &mut os, &formats);
            args.extend(os.into_iter().map(|o| o.to_string_lossy().into_owned()));
            if command == "bargain" {
                bargain_options(rng, &mut args);
            }
        }
        "sweep" | "frontier" => {
            if command == "frontier" && rng.chance(1, 3) {
                args.push("--input".into());
                args.push(rng.pick(FILES).to_string());
            } else {
                with_model(rng, &mut args);
                for _ in 0..rng.between(0, 3) {
                    args.push("--grid".into());
                    args.push(axis(rng, model, true));
                }
            }
            if command == "sweep" {
                sweep_options(rng, &mut args);
            } else {
                frontier_options(rng, &mut args);
            }
        }
        "boundary" => {
            with_model(rng, &mut args);
            if rng.chance(9, 10) {
                args.push("--along".into());
                args.push(axis(rng, model, false));
            }
            let options: [(&str, &[&str]); 5] = [
                (
                    "--samples",
                    &["0", "1", "2", "10", "400", "100000000000", "-1", "x"],
                ),
                (
                    "--width",
                    &["1e-12", "0", "-1", "1", "1e-1000", "1e-300", "1/3", "x"],
                ),
                ("--check", FILES),
                ("--format", &["table", "json", "latex", "xml"]),
                ("--digits", &["1", "12", "10000", "0"]),
            ];
            pick_options(rng, &mut args, &options);
        }
        "verify" | "audit" => {
            for _ in 0..rng.between(usize::from(command == "audit"), 2) {
                args.push(rng.pick(FILES).to_string());
            }
            let options: [(&str, &[&str]); 1] = [("--format", &["table", "json", "latex", ""])];
            pick_options(rng, &mut args, &options);
            if command == "verify" && rng.chance(1, 4) {
                args.push("--grid".into());
            }
        }
        "merge" => {
            for _ in 0..rng.between(0, 4) {
                args.push(
                    if args.len() == 1 {
                        *rng.pick(OUTPUTS)
                    } else {
                        *rng.pick(FILES)
                    }
                    .into(),
                );
            }
        }
        "roots" => {
            let roots = roots_args(rng);
            args.extend(roots[1..].iter().map(|o| o.to_string_lossy().into_owned()));
        }
        "models" => {
            let options: [(&str, &[&str]); 1] = [("--format", &["table", "json", "latex", "x"])];
            pick_options(rng, &mut args, &options);
        }
        "help" => args.push(rng.pick(COMMANDS).to_string()),
        _ => {}
    }
    // Junk anywhere: unknown options, options without values, stray words.
    if rng.chance(1, 6) {
        let at = rng.between(1, args.len());
        let junk = *rng.pick(&[
            "--nope", "-x", "--", "--format", "--grid", "-", "=", "--help",
        ]);
        args.insert(at, junk.into());
    }
    let mut out: Vec<OsString> = args.into_iter().map(OsString::from).collect();
    if rng.chance(1, 40) {
        use std::os::unix::ffi::OsStringExt;
        out.push(OsString::from_vec(b"delta=\xff".to_vec()));
    }
    out
}

/// `NAME=VALUE` for one of the model's parameters (or a near miss), with a sensible or odd value.
fn assignment(rng: &mut Rng, model: &Model, models: &[Model]) -> String {
    let param = rng.pick(&model.params);
    let name = match rng.below(20) {
        0 => format!(
            "{}_{}",
            param.name,
            rng.pick(&["1", "2", "0", "65", "99999999999999999999"])
        ),
        1 => {
            let other = rng.pick(models);
            rng.pick(&other.params).name.clone()
        }
        2 => format!("{}x", param.name),
        3 => {
            return rng
                .pick(&["c0", "=1", "c0==1", "c0 = 1", "", "=", "delta=1=2"])
                .to_string();
        }
        _ => param.name.clone(),
    };
    let value = if rng.chance(3, 5) {
        sensible(rng, param)
    } else if rng.chance(1, 4) {
        odd_list(rng)
    } else {
        odd_number(rng)
    };
    format!("{name}={value}")
}

fn sensible(rng: &mut Rng, param: &Param) -> String {
    if let Some(labels) = param.labels() {
        return rng.pick(&labels).to_string();
    }
    if param.is_list() {
        return rng
            .pick(&[
                "0,1",
                "0,2,-1/10",
                "0,1,1",
                "0",
                "1",
                "1,2",
                "0,1/2",
                "1/2,1/2",
            ])
            .to_string();
    }
    if param.per_domain() && rng.chance(1, 2) {
        return rng
            .pick(&["1,2", "1/2,1/4", "1,2,3", "0,1", "1/2"])
            .to_string();
    }
    rng.pick(&[
        "0", "1", "1/2", "1/4", "3/4", "2", "3", "1/3", "5/2", "9/10", "0.5", "1e-2",
    ])
    .to_string()
}

fn odd_list(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => vec!["1"; *rng.pick(&[64, 65, 1000])].join(","),
        1 => ",".into(),
        2 => "1,,2".into(),
        3 => format!("{},{}", odd_number(rng), odd_number(rng)),
        4 => (0..rng.between(2, 12))
            .map(|k| format!("{k}/7"))
            .collect::<Vec<_>>()
            .join(","),
        _ => "1,2,".into(),
    }
}

/// `NAME=LO:HI:STEP` (or `NAME=LO:HI` for `--along`): small grids, or grids far past the limit.
fn axis(rng: &mut Rng, model: &Model, with_step: bool) -> String {
    let name = if rng.chance(9, 10) {
        rng.pick(&model.params).name.clone()
    } else {
        rng.pick(&["nope", "", "theta_g:", "x y"]).to_string()
    };
    let small = ["0", "1/4", "1/2", "1", "2", "3"];
    let bound = |rng: &mut Rng| {
        if rng.chance(4, 5) {
            rng.pick(&small).to_string()
        } else {
            odd_number(rng)
        }
    };
    let (lo, hi) = (bound(rng), bound(rng));
    if !with_step {
        return match rng.below(10) {
            0 => format!("{name}={lo}"),
            1 => format!("{name}={lo}:{hi}:1/4"),
            _ => format!("{name}={lo}:{hi}"),
        };
    }
    let step = match rng.below(10) {
        0 => odd_number(rng),
        1 => rng.pick(&["1e-9", "1e-300", "0", "-1/4"]).to_string(),
        _ => rng.pick(&["1/2", "1/3", "1/4", "1"]).to_string(),
    };
    match rng.below(12) {
        0 => format!("{name}={lo}:{hi}"),
        1 => format!("{name}={lo}:{hi}:{step}:1"),
        2 => format!("{name}=theta_g:{hi}:{step}"),
        _ => format!("{name}={lo}:{hi}:{step}"),
    }
}

fn pick_options(rng: &mut Rng, args: &mut Vec<String>, options: &[(&str, &[&str])]) {
    for (option, values) in options {
        if rng.chance(1, 3) {
            args.push(option.to_string());
            args.push(rng.pick(values).to_string());
        }
    }
}

fn bargain_options(rng: &mut Rng, args: &mut Vec<String>) {
    let options: [(&str, &[&str]); 8] = [
        ("--width", &["1e-15", "0", "-1", "1", "1e-1000", "1/3", "x"]),
        ("--mode", &["common", "per_domain", "x", ""]),
        ("--probes", &["0", "1", "2", "128", "100000000000", "-1"]),
        (
            "--step",
            &["1/10", "1/4", "1/2", "1", "0", "1e-9", "-1", "3/2"],
        ),
        ("--find-components", &["0", "1", "2", "3", "100"]),
        ("--domains", &["0", "1", "2", "3", "65", "100000"]),
        (
            "--seed",
            &[
                "0",
                "1",
                "18446744073709551615",
                "18446744073709551616",
                "-1",
            ],
        ),
        ("--tries", &["0", "1", "10", "100000000000", "-1"]),
    ];
    pick_options(rng, args, &options);
}

fn sweep_options(rng: &mut Rng, args: &mut Vec<String>) {
    let options: [(&str, &[&str]); 6] = [
        ("--out", OUTPUTS),
        ("--plot", OUTPUTS),
        (
            "--jobs",
            &["0", "1", "2", "1000000", "18446744073709551616", "-1"],
        ),
        (
            "--shard",
            &["1/2", "2/2", "0/2", "3/2", "1/0", "1", "x/y", "1/1000000"],
        ),
        ("--every", &["0", "1", "3", "1000000000000", "-1"]),
        ("--engine", &["exact", "float", "x"]),
    ];
    pick_options(rng, args, &options);
    for flag in ["--force", "--timing"] {
        if rng.chance(1, 6) {
            args.push(flag.into());
        }
    }
}

fn frontier_options(rng: &mut Rng, args: &mut Vec<String>) {
    let options: [(&str, &[&str]); 4] = [
        (
            "--players",
            &[
                "u_g,u_d",
                "u_g",
                "u_g,u_g",
                "u_g,u_d,u_1",
                "u_g,u_1,u_2",
                "x",
                "",
            ],
        ),
        ("--group", &["regulation_class", "regime", "x", ""]),
        ("--plot", OUTPUTS),
        ("--format", &["table", "json", "latex"]),
    ];
    pick_options(rng, args, &options);
}
