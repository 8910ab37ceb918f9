//! `scripts/setup.sh --check` against fake roots: each requirement is detected by what the build loads, not by a look-alike file name.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh fake root under the target directory.
fn fake_root(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("setup-root-{name}"));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    root
}

fn put(root: &Path, path: &str, contents: &[u8]) {
    let file = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, contents).unwrap();
}

/// Executable stand-ins for every program setup.sh looks for, and the font.
fn with_programs(root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for program in ["cmake", "make", "c++", "esolver", "python3"] {
        let path = root.join("usr/bin").join(program);
        put(root, &format!("usr/bin/{program}"), b"#!/bin/sh\n");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    put(
        root,
        "usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        b"font",
    );
}

/// What `setup.sh --check` reports missing under `root`.
fn missing(root: &Path, libclang_path: Option<&str>) -> Vec<String> {
    let mut command = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/setup.sh"));
    command.arg("--check").env("GPAI_SETUP_ROOT", root);
    match libclang_path {
        Some(p) => command.env("LIBCLANG_PATH", p),
        None => command.env_remove("LIBCLANG_PATH"),
    };
    let out = command.output().expect("setup.sh runs");
    let listed: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        out.status.code(),
        Some(if listed.is_empty() { 0 } else { 1 }),
        "exit status says whether anything is missing: {listed:?}"
    );
    listed
}

/// A stand-in shared library: an ELF-looking header, and the C API's symbol name if it has one.
fn library(with_c_api: bool) -> Vec<u8> {
    let mut bytes = b"\x7fELF\x02\x01\x01".to_vec();
    bytes.extend_from_slice(b"_ZN5clang7Sema8ActOnEv\0");
    if with_c_api {
        bytes.extend_from_slice(b"clang_createIndex\0clang_parseTranslationUnit\0");
    }
    bytes
}

#[test]
fn libclang_cpp_alone_is_not_libclang() {
    // The stock image: Debian's libclang-cpp14 and nothing else. The old glob took it.
    let root = fake_root("cpp-only");
    with_programs(&root);
    put(
        &root,
        "usr/lib/llvm-14/lib/libclang-cpp.so.14",
        &library(true),
    );
    put(
        &root,
        "usr/lib/x86_64-linux-gnu/libclang-cpp.so.14",
        &library(true),
    );
    assert_eq!(missing(&root, None), ["libclang1-14"]);
}

#[test]
fn libclang1_is_found_where_the_loader_looks() {
    for path in [
        "usr/lib/llvm-14/lib/libclang-14.so.1",
        "usr/lib/llvm-14/lib/libclang.so.1",
        "usr/lib/x86_64-linux-gnu/libclang-14.so.1",
        "usr/lib/libclang.so",
    ] {
        let root = fake_root("libclang1");
        with_programs(&root);
        put(
            &root,
            "usr/lib/llvm-14/lib/libclang-cpp.so.14",
            &library(true),
        );
        put(&root, path, &library(true));
        assert_eq!(missing(&root, None), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn a_library_named_like_libclang_without_its_c_api_is_not_it() {
    let root = fake_root("no-c-api");
    with_programs(&root);
    put(&root, "usr/lib/llvm-14/lib/libclang.so.1", &library(false));
    assert_eq!(missing(&root, None), ["libclang1-14"]);
}

#[test]
fn libclang_path_is_searched_alone_when_set() {
    let root = fake_root("libclang-path");
    with_programs(&root);
    put(&root, "opt/llvm/lib/libclang.so.1", &library(true));
    assert_eq!(missing(&root, Some("/opt/llvm/lib")), Vec::<String>::new());
    assert_eq!(
        missing(&root, Some("/opt/llvm/lib/libclang.so.1")),
        Vec::<String>::new()
    );
    // Set to a directory without it, the system directories are not searched (as in clang-sys).
    put(&root, "usr/lib/llvm-14/lib/libclang.so.1", &library(true));
    assert_eq!(missing(&root, Some("/nowhere")), ["libclang1-14"]);
}

#[test]
fn every_other_requirement_is_reported_when_absent() {
    let root = fake_root("empty");
    assert_eq!(
        missing(&root, None),
        [
            "cmake",
            "make",
            "g++",
            "libclang1-14",
            "fonts-dejavu-core",
            "qsopt-ex",
            "python3"
        ]
    );
}
