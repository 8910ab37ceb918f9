//! The README's examples are tests: every `$ gpai ...` console block must print what it shows.

use std::process::Command;

/// Splits a command line on spaces, honouring double quotes (all the README uses).
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut current));
                    started = false;
                }
            }
            _ => {
                current.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(current);
    }
    words
}

/// `(command line, expected output)` for each console block that runs gpai.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        if let Some(command) = block.first().and_then(|l| l.strip_prefix("$ gpai ")) {
            let expected = block[1..].iter().map(|l| format!("{l}\n")).collect();
            found.push((command.to_string(), expected));
        }
    }
    found
}

#[test]
fn readme_examples_print_what_they_show() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let examples = examples(&readme);
    assert!(
        examples.len() >= 3,
        "the README shows at least three gpai examples"
    );
    for (command, expected) in examples {
        let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(split_words(&command))
            .output()
            .unwrap();
        let mut printed = String::from_utf8_lossy(&out.stdout).into_owned();
        printed.push_str(&String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            without_times(&printed),
            without_times(&expected),
            "README example: gpai {command}"
        );
    }
}

/// The text with every `12.3 ms` timing replaced by `T ms` and runs of spaces collapsed
/// (timings differ from run to run; everything else must match exactly).
fn without_times(text: &str) -> String {
    text.lines()
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let kept: Vec<&str> = words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let numeric =
                        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.');
                    if numeric && words.get(i + 1) == Some(&"ms") {
                        "T"
                    } else {
                        w
                    }
                })
                .collect();
            kept.join(" ") + "\n"
        })
        .collect()
}

#[test]
fn timings_are_masked_and_nothing_else() {
    assert_eq!(without_times("a  1.5 ms\n"), without_times("a 2201.0 ms\n"));
    assert_ne!(without_times("a 1.5 ms 3\n"), without_times("a 1.5 ms 4\n"));
}

#[test]
fn word_splitting_honours_quotes() {
    assert_eq!(
        split_words(r#"roots "x^5 - x - 1" --digits 30"#),
        ["roots", "x^5 - x - 1", "--digits", "30"]
    );
}

#[test]
fn the_limits_table_lists_every_limit_with_its_default_and_variable() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    for limit in gpai::limits::Limit::ALL {
        let row = readme
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("`{}`", limit.variable())))
            .unwrap_or_else(|| panic!("README's limits table has no row for {limit:?}"));
        assert!(
            row.contains(&format!("| {} |", limit.default_value())),
            "README's row for {limit:?} should give its default {}: {row}",
            limit.default_value()
        );
    }
}
