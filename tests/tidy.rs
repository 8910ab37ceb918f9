//! ARCHITECTURE.md's invariants that can be read off the source: every file opens with a `//!` line, names only the crates its layer may, and prints only from the command line.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn files(under: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    rust_files(&root.join(under), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.strip_prefix(root).unwrap().display().to_string();
            (name, text)
        })
        .collect()
}

/// The code outside `#[cfg(test)]` modules (they come last in this crate's files).
fn non_test(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn every_file_opens_with_a_line_saying_its_responsibility() {
    for dir in ["src", "tests", "benches"] {
        for (name, text) in files(dir) {
            assert!(
                text.starts_with("//! "),
                "{name} should open with a `//!` line saying what it is for"
            );
        }
    }
}

#[test]
fn only_exact_names_the_big_number_crate_and_only_lp_names_good_lp() {
    for (name, text) in files("src") {
        let code = non_test(&text);
        if !name.starts_with("src/exact/") {
            assert!(
                !code.contains("malachite"),
                "{name} names malachite; use exact::Rational"
            );
        }
        if !name.starts_with("src/lp/") {
            assert!(
                !code.contains("good_lp"),
                "{name} names good_lp; LPs live in src/lp"
            );
        }
    }
}

#[test]
fn only_the_command_line_prints() {
    for (name, text) in files("src") {
        if name.starts_with("src/cli/") || name == "src/main.rs" {
            continue;
        }
        let code = non_test(&text);
        for call in ["println!", "eprintln!", "print!(", "eprint!("] {
            assert!(
                !code.contains(call),
                "{name} calls {call}; only src/cli prints, the rest returns strings"
            );
        }
    }
}

#[test]
fn the_code_map_names_every_source_file_or_its_folder() {
    let map =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ARCHITECTURE.md")).unwrap();
    for (name, _) in files("src") {
        let file = Path::new(&name)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let folder = Path::new(&name).parent().unwrap().display().to_string();
        assert!(
            map.contains(&format!("`{name}`"))
                || map.contains(&format!("`{file}`"))
                || map.contains(&format!("`{folder}/`")),
            "ARCHITECTURE.md's code map should name {name} (or its folder {folder}/)"
        );
    }
}

/// The code of a file without its `#[cfg(test)]` module and its comment lines.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    non_test(text)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

#[test]
fn no_model_name_is_written_outside_src_models() {
    let registry =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/models/mod.rs")).unwrap();
    // Every model is a folder of src/models with a `model.rs`.
    let models_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/models");
    let names: Vec<String> = std::fs::read_dir(&models_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("model.rs").exists())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 6, "the models' folders: {names:?}");
    for name in &names {
        assert!(
            registry.lines().any(|l| l.trim() == format!("{name},")),
            "src/models/mod.rs's MODELS should hold {name}"
        );
    }
    for (file, text) in files("src") {
        if file.starts_with("src/models/") {
            continue;
        }
        for (line, code) in code_lines(&text) {
            for name in &names {
                assert!(
                    !code.contains(&format!("\"{name}\"")),
                    "{file}:{line} writes the model name \"{name}\"; reach models through src/models' registry"
                );
                assert!(
                    !code.contains(&format!("models::{name}")),
                    "{file}:{line} names the module of {name}; reach models through the Model trait"
                );
            }
        }
    }
}

#[test]
fn only_the_command_line_touches_files() {
    for (file, text) in files("src") {
        if file.starts_with("src/cli/") || file == "src/main.rs" {
            continue;
        }
        for (line, code) in code_lines(&text) {
            for call in ["std::fs", "fs::", "File::", "OpenOptions"] {
                assert!(
                    !code.contains(call),
                    "{file}:{line} uses {call}; only src/cli reads or writes files"
                );
            }
        }
    }
}

#[test]
fn layers_point_one_way() {
    // What each lower layer may not name: the layers above it.
    let above = ["claims", "report", "cli", "audit", "frontier"];
    for (file, text) in files("src") {
        let lower = ["src/models/", "src/exact/", "src/lp/"]
            .iter()
            .any(|d| file.starts_with(d));
        let upper: &[&str] = if lower {
            &above
        } else if file.starts_with("src/frontier/") || file.starts_with("src/sweep/") {
            &["claims", "report", "cli", "audit"]
        } else {
            continue;
        };
        for (line, code) in code_lines(&text) {
            for layer in upper {
                assert!(
                    !code.contains(&format!("crate::{layer}")),
                    "{file}:{line} names crate::{layer}, a layer above it"
                );
            }
        }
    }
}
