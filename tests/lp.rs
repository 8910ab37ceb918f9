//! LPs: gpai's certified optima against QSopt_ex's exact ones on seeded random programs of the frontier contract's shapes.

use std::process::Command;

use gpai::exact::rational::{denominator, int, numerator};
use gpai::exact::{Rational, parse_rational};
use gpai::frontier::programs::{ideal, membership_lp, scaled_lp, weights_lp};
use gpai::lp::{Lp, LpError, Method, Sense, optimum};

/// A portable seeded generator for the random programs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, modulus: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % modulus
    }
}

fn integer_text(r: &Rational) -> String {
    assert_eq!(
        denominator(r),
        numerator(&int(1)),
        "rows are scaled to integers"
    );
    numerator(r).to_string()
}

/// A common multiple of the denominators (small inputs: a product is enough).
fn lcm(values: &[&Rational]) -> Rational {
    let mut l = int(1);
    for v in values {
        let d = gpai::exact::rational::from_integer(denominator(v));
        while !gpai::exact::rational::is_integer(&(&l / &d)) {
            l = &l * &d;
        }
    }
    l
}

/// The program in CPLEX LP format, each row and the objective scaled to integer coefficients,
/// and the objective's scale.
fn lp_format(lp: &Lp<Rational>) -> (String, Rational) {
    let term = |c: &Rational, name: String| {
        let text = integer_text(c);
        match text.strip_prefix('-') {
            Some(magnitude) => format!(" - {magnitude} {name}"),
            None => format!(" + {text} {name}"),
        }
    };
    let obj: Vec<&Rational> = lp.objective.iter().collect();
    let scale = lcm(&obj);
    let mut out = String::from("Maximize\n obj:");
    for (j, c) in lp.objective.iter().enumerate() {
        out.push_str(&term(&(c * &scale), format!("x{j}")));
    }
    out.push_str("\nSubject To\n");
    for (i, row) in lp.rows.iter().enumerate() {
        let mut values: Vec<&Rational> = row.coeffs.iter().map(|(_, a)| a).collect();
        values.push(&row.rhs);
        let s = lcm(&values);
        out.push_str(&format!(" r{i}:"));
        for (j, a) in &row.coeffs {
            out.push_str(&term(&(a * &s), format!("x{j}")));
        }
        let sense = match row.sense {
            Sense::Le => "<=",
            Sense::Eq => "=",
            Sense::Ge => ">=",
        };
        out.push_str(&format!(" {sense} {}\n", integer_text(&(&row.rhs * &s))));
    }
    out.push_str("Bounds\n");
    for (j, free) in lp.free.iter().enumerate() {
        if *free {
            out.push_str(&format!(" x{j} free\n"));
        }
    }
    out.push_str("End\n");
    (out, scale)
}

/// QSopt_ex's exact optimum (`None` when it reports the program infeasible).
fn qsopt(lp: &Lp<Rational>, name: &str) -> Option<Rational> {
    let dir = std::env::temp_dir().join(format!("gpai-qsopt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (lp_path, sol_path) = (
        dir.join(format!("{name}.lp")),
        dir.join(format!("{name}.sol")),
    );
    let (text, scale) = lp_format(lp);
    std::fs::write(&lp_path, text).unwrap();
    let _ = std::fs::remove_file(&sol_path);
    let out = Command::new("esolver")
        .arg("-L")
        .arg("-O")
        .arg(&sol_path)
        .arg(&lp_path)
        .output()
        .expect("QSopt_ex's esolver is installed (scripts/setup.sh installs qsopt-ex)");
    let solution = std::fs::read_to_string(&sol_path).unwrap_or_default();
    if solution.contains("INFEASIBLE")
        || String::from_utf8_lossy(&out.stdout).contains("INFEASIBLE")
    {
        return None;
    }
    let value = solution
        .lines()
        .find_map(|l| l.trim().strip_prefix("Value = "))
        .unwrap_or_else(|| panic!("no value from esolver for {name}: {solution}"));
    // The objective was scaled to integers; undo it.
    Some(parse_rational(value).unwrap() / scale)
}

#[test]
fn certified_optima_equal_qsopt_ex_exactly() {
    let mut rng = Lcg(0x6770_6169);
    let mut compared = 0;
    let mut methods = std::collections::BTreeMap::new();
    for case in 0..300 {
        let n = 2 + rng.next(7) as usize;
        let m = 2 + rng.next(2) as usize;
        let points: Vec<Vec<Rational>> = (0..n)
            .map(|_| {
                (0..m)
                    .map(|_| {
                        Rational::from(rng.next(13) as i64 - 2)
                            / Rational::from(1 + rng.next(4) as i64)
                    })
                    .collect()
            })
            .collect();
        let k = rng.next(n as u64) as usize;
        let mut programs = vec![
            ("membership", membership_lp(&points, k)),
            ("egalitarian", scaled_lp(&points, &vec![int(1); m])),
            ("weights", weights_lp(&points, k)),
        ];
        let top = ideal(&points);
        if top.iter().all(|v| *v > 0) {
            programs.push(("ks", scaled_lp(&points, &top)));
        }
        for (shape, lp) in programs {
            let name = format!("case{case}_{shape}");
            let ours = optimum(&lp);
            let theirs = qsopt(&lp, &name);
            match (ours, theirs) {
                (Ok(cert), Some(value)) => {
                    assert_eq!(
                        cert.value, value,
                        "{name}: gpai {} vs QSopt_ex {value}",
                        cert.value
                    );
                    *methods.entry(cert.method.name()).or_insert(0) += 1;
                }
                (Err(LpError::Infeasible), None) => {}
                (ours, theirs) => panic!("{name}: gpai {ours:?} vs QSopt_ex {theirs:?}"),
            }
            compared += 1;
        }
    }
    assert!(compared >= 900, "{compared} programs compared");
    // Most answers come straight from HiGHS's floats; the test reports the mix.
    eprintln!("certificate methods: {methods:?}");
    assert!(methods.get(Method::Rounded.name()).copied().unwrap_or(0) > 0);
}

#[test]
fn degenerate_outcome_sets_get_correct_answers() {
    use gpai::frontier::analysis::analyze;
    let q = |v: &[&[i64]]| -> Vec<Vec<Rational>> {
        v.iter()
            .map(|p| p.iter().map(|x| int(*x)).collect())
            .collect()
    };
    // All outcomes equal: every one is on the frontier, the egalitarian level is their minimum.
    let same = analyze("same", &q(&[&[2, 3], &[2, 3], &[2, 3]])).unwrap();
    assert_eq!(same.hull.len(), 3);
    assert_eq!(same.egalitarian.value, int(2));
    // One outcome.
    let one = analyze("one", &q(&[&[1, 5]])).unwrap();
    assert_eq!((one.hull.len(), one.faces.len()), (1, 0));
    // Collinear outcomes: all on one face, the middle one a convex combination of the ends.
    let line = analyze("line", &q(&[&[0, 4], &[2, 2], &[4, 0], &[1, 3]])).unwrap();
    assert_eq!(line.hull.len(), 4);
    assert_eq!(line.faces.len(), 1);
    assert_eq!(line.egalitarian.value, int(2));
    // A zero utility for everyone: KS is undefined, the egalitarian level 0.
    let zero = analyze("zero", &q(&[&[0, 0], &[0, 0]])).unwrap();
    assert!(zero.kalai_smorodinsky.is_none());
    assert_eq!(zero.egalitarian.value, int(0));
}
