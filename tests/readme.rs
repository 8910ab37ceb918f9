//! The README's and the docs' examples are tests: every `$ gpai ...` console block must print what it shows, and every relative link must lead to a file.

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

/// The README and every page under `docs/`, as `(path relative to the crate, text)`.
fn pages() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut paths = vec!["README.md".to_string()];
    let mut folders = vec!["docs".to_string()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(format!("{root}/{folder}")).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let path = format!("{folder}/{name}");
            if std::path::Path::new(&format!("{root}/{path}")).is_dir() {
                folders.push(path);
            } else if name.ends_with(".md") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(format!("{root}/{p}")).unwrap();
            (p, text)
        })
        .collect()
}

#[test]
fn readme_and_docs_examples_print_what_they_show() {
    let pages = pages();
    let readme = &pages.iter().find(|(p, _)| p == "README.md").unwrap().1;
    assert!(
        !examples(readme).is_empty(),
        "the README shows a worked example"
    );
    let all: Vec<(String, String, String)> = pages
        .iter()
        .flat_map(|(page, text)| {
            examples(text)
                .into_iter()
                .map(move |(c, e)| (page.clone(), c, e))
        })
        .collect();
    assert!(
        all.len() >= 20,
        "the docs show their examples: {}",
        all.len()
    );
    for (page, command, expected) in all {
        let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(split_words(&command))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        let mut printed = String::from_utf8_lossy(&out.stdout).into_owned();
        printed.push_str(&String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            without_times(&printed),
            without_times(&expected),
            "example in {page}: gpai {command}"
        );
    }
}

/// The targets of the page's relative links and images (`[text](target)`), anchors dropped.
fn relative_links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let Some(end) = rest.find(')') else { break };
        let target = rest[..end].split('#').next().unwrap_or("");
        if !target.is_empty() && !target.contains("://") && !target.starts_with("mailto:") {
            found.push(target.to_string());
        }
    }
    found
}

#[test]
fn every_relative_link_in_the_docs_leads_to_a_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut broken = Vec::new();
    for (page, text) in pages() {
        let folder = root.join(&page);
        let folder = folder.parent().unwrap();
        for target in relative_links(&text) {
            if !folder.join(&target).exists() {
                broken.push(format!("{page}: {target}"));
            }
        }
    }
    assert!(broken.is_empty(), "links to nothing: {broken:#?}");
}

#[test]
fn no_page_points_outside_the_repository() {
    for (page, text) in pages() {
        assert!(
            !text.contains("../shared") && !text.contains("shared/spec"),
            "{page} points to a specification a clone does not have"
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
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/exact.md"))
        .expect("docs/exact.md");
    for limit in gpai::limits::Limit::ALL {
        let row = guide
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("`{}`", limit.variable())))
            .unwrap_or_else(|| panic!("docs/exact.md's limits table has no row for {limit:?}"));
        assert!(
            row.contains(&format!("| {} |", limit.default_value())),
            "docs/exact.md's row for {limit:?} should give its default {}: {row}",
            limit.default_value()
        );
    }
}
