//! A fuzz case (an argument vector, maybe an input file) and the text format the regression and known-failure lists store cases in.
//!
//! ```text
//! # what the case found, and when
//! [roots_deep_parentheses]
//! input inputs/roots_deep_parentheses.toml
//! limit 60
//! arg verify
//! arg input.toml
//! ```
//!
//! `input FILE` (relative to `tests/fuzz/`) is copied into the run's directory as `input.EXT`
//! (EXT: all of FILE's name after its first dot), so the arguments name it as `input.EXT`; `limit` raises the CPU-time limit
//! in seconds. Each `arg` is one argument with `\\`, `\n`, `\r`, `\t` and `\xNN` escapes (bytes
//! that are not printable UTF-8, and trailing spaces, are written as `\xNN`).

use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::Path;

/// One run of the binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// How the case is named in reports and lists.
    pub name: String,
    /// The arguments, after the binary's name.
    pub args: Vec<OsString>,
    /// The input file: its extension (without the dot) and its bytes.
    pub input: Option<(String, Vec<u8>)>,
    /// A larger CPU-time limit than the default, in seconds.
    pub limit: Option<u64>,
    /// How the case was made (the mutations applied), for the report.
    pub origin: String,
}

impl Case {
    /// A case without an input file.
    pub fn new(name: String, args: Vec<OsString>, origin: String) -> Case {
        Case {
            name,
            args,
            input: None,
            limit: None,
            origin,
        }
    }

    /// The input's file name in the run's directory.
    pub fn input_name(&self) -> Option<String> {
        self.input.as_ref().map(|(ext, _)| format!("input.{ext}"))
    }

    /// What two cases must share to be the same run (not their names).
    pub fn key(&self) -> (&[OsString], Option<&[u8]>) {
        (&self.args, self.input.as_ref().map(|(_, bytes)| &bytes[..]))
    }

    /// The command line as a shell would take it.
    pub fn command_line(&self) -> String {
        let mut line = String::from("gpai");
        for arg in &self.args {
            line.push(' ');
            line.push_str(&shell_quote(arg.as_bytes()));
        }
        line
    }

    /// The case as a block of the list format; its input goes to `inputs/NAME.EXT`.
    pub fn to_block(&self) -> String {
        let mut block = String::new();
        for line in self.origin.lines() {
            block.push_str(&format!("# {line}\n"));
        }
        block.push_str(&format!("[{}]\n", self.name));
        if let Some((ext, _)) = &self.input {
            block.push_str(&format!("input inputs/{}.{ext}\n", self.name));
        }
        if let Some(limit) = self.limit {
            block.push_str(&format!("limit {limit}\n"));
        }
        for arg in &self.args {
            block.push_str(&format!("arg {}\n", escape(arg.as_bytes())));
        }
        block
    }
}

/// Every case of a list file; inputs are read relative to `dir`.
pub fn read_list(path: &Path, dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut cases: Vec<Case> = Vec::new();
    let mut comments: Vec<&str> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), number + 1);
        if let Some(comment) = line.strip_prefix('#') {
            comments.push(comment.trim());
            continue;
        }
        if line.trim().is_empty() {
            // A blank line ends a comment that belongs to no case (the file's header).
            comments.clear();
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            assert!(
                cases.iter().all(|c| c.name != name),
                "{}: case [{name}] twice",
                at()
            );
            let origin = std::mem::take(&mut comments).join("\n");
            cases.push(Case::new(name.to_string(), Vec::new(), origin));
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("{}: a line before any [name]", at()));
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        match word {
            "arg" => case.args.push(OsString::from_vec(unescape(rest, &at()))),
            "input" => {
                let file = dir.join(rest);
                let bytes = std::fs::read(&file)
                    .unwrap_or_else(|e| panic!("{}: cannot read {}: {e}", at(), file.display()));
                // Everything after the name's first dot: `part.csv.manifest.json` keeps
                // `csv.manifest.json`, the name `gpai merge` looks for beside a part.
                let file_name = Path::new(rest).file_name().unwrap_or_default();
                let ext = file_name
                    .to_string_lossy()
                    .split_once('.')
                    .map(|(_, ext)| ext.to_string())
                    .unwrap_or_else(|| "txt".into());
                case.input = Some((ext, bytes));
            }
            "limit" => {
                case.limit = Some(
                    rest.parse()
                        .unwrap_or_else(|_| panic!("{}: limit {rest:?} is not seconds", at())),
                )
            }
            _ => panic!("{}: expected arg, input or limit, found {word:?}", at()),
        }
    }
    cases
}

fn escape(bytes: &[u8]) -> String {
    // Trailing whitespace is escaped so that an editor trimming lines cannot change the case.
    let plain_until = bytes.trim_ascii_end().len();
    let mut out = String::new();
    let mut offset = 0;
    let hex = |out: &mut String, b: &u8| out.push_str(&format!("\\x{b:02x}"));
    for chunk in bytes.utf8_chunks() {
        for (i, c) in chunk.valid().char_indices() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() || offset + i >= plain_until => {
                    let mut buf = [0; 4];
                    c.encode_utf8(&mut buf)
                        .as_bytes()
                        .iter()
                        .for_each(|b| hex(&mut out, b));
                }
                c => out.push(c),
            }
        }
        chunk.invalid().iter().for_each(|b| hex(&mut out, b));
        offset += chunk.valid().len() + chunk.invalid().len();
    }
    out
}

fn unescape(text: &str, at: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'\\') => out.push(b'\\'),
            Some(b'n') => out.push(b'\n'),
            Some(b'r') => out.push(b'\r'),
            Some(b't') => out.push(b'\t'),
            Some(b'x') => {
                let hex = text.get(i + 2..i + 4).unwrap_or("");
                out.push(
                    u8::from_str_radix(hex, 16)
                        .unwrap_or_else(|_| panic!("{at}: bad escape \\x{hex}")),
                );
                i += 2;
            }
            other => panic!("{at}: bad escape {other:?}"),
        }
        i += 2;
    }
    out
}

fn shell_quote(bytes: &[u8]) -> String {
    let plain = !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_=/.,:+^*".contains(b));
    if plain {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let printable = std::str::from_utf8(bytes).is_ok_and(|s| !s.chars().any(char::is_control));
    if printable {
        return format!(
            "'{}'",
            String::from_utf8_lossy(bytes).replace('\'', "'\\''")
        );
    }
    let mut out = String::from("$'");
    for &b in bytes {
        match b {
            b'\'' | b'\\' => out.push_str(&format!("\\{}", b as char)),
            b' '..=b'~' => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('\'');
    out
}

#[test]
fn fuzz_case_blocks_read_back_as_written() {
    let odd = [
        &b"x^2 - 2"[..],
        b"",
        b"a\\b\nc\td ",
        b"\xff\xfe (",
        "−x²".as_bytes(),
        b"\x1b[0m",
    ];
    let case = Case {
        name: "odd".into(),
        args: odd.iter().map(|b| OsString::from_vec(b.to_vec())).collect(),
        input: Some(("toml".into(), b"x = 1\n".to_vec())),
        limit: Some(30),
        origin: "made by hand\nsecond line".into(),
    };
    let dir = std::env::temp_dir().join(format!("gpai-fuzz-case-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("inputs")).unwrap();
    std::fs::write(dir.join("inputs/odd.toml"), b"x = 1\n").unwrap();
    std::fs::write(dir.join("list.txt"), case.to_block()).unwrap();
    let read = read_list(&dir.join("list.txt"), &dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(read, vec![case]);
}
