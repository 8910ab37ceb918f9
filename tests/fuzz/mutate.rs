//! Byte-, token- and line-level mutations of input files (claims, policies, sweep files, boundary reports), each named so a failure says what was done.

use super::rng::Rng;

/// Numbers that have broken parsers before, or might: huge, negative, zero, fractions with huge
/// denominators, exponents at and past the limits, and things that only look like numbers.
pub fn odd_number(rng: &mut Rng) -> String {
    let digits = |n: usize, d: char| d.to_string().repeat(n);
    match rng.below(30) {
        0 => "0".into(),
        1 => "-0".into(),
        2 => "-1".into(),
        3 => format!(
            "1{}",
            digits(*rng.pick(&[30, 400, 1999, 2000, 2001, 5000]), '0')
        ),
        4 => format!("-{}", digits(*rng.pick(&[20, 300, 2500]), '9')),
        5 => format!("1/{}7", digits(*rng.pick(&[25, 500, 1998, 3000]), '0')),
        6 => format!("{}/{}", digits(300, '7'), digits(299, '3')),
        7 => (*rng.pick(&["1e999", "1e1000", "1e1001", "1e-1000", "1e-1001", "-1e999"])).into(),
        8 => (*rng.pick(&["1e99999999999999999999", "1e-9223372036854775808", "1e+"])).into(),
        9 => format!("0.{}1", digits(*rng.pick(&[50, 1500, 2500]), '0')),
        10 => (*rng.pick(&["18446744073709551616", "9223372036854775808", "4294967297"])).into(),
        11 => (*rng.pick(&["-9223372036854775809", "2147483648", "65536", "65"])).into(),
        12 => (*rng.pick(&["1/0", "0/0", "-1/0", "1/-3", "2/4", "1//2", "1/2/3"])).into(),
        13 => (*rng.pick(&["NaN", "inf", "-inf", "infinity", "1.#INF", "nan"])).into(),
        14 => (*rng.pick(&[
            ".5", "5.", "1_000", "+1", "0x10", "0b11", "1e", "1.2.3", "--1",
        ]))
        .into(),
        15 => (*rng.pick(&["1/3", "2/3", "3/4", "1/64", "63/64", "1/65", "7/3"])).into(),
        16 => (*rng.pick(&["1e-12", "1e-300", "1e300", "1.5e-3", "0.1e+5", "1E2"])).into(),
        17 => (*rng.pick(&["100", "1000", "10000", "100000", "1000000", "1000001"])).into(),
        18 => (*rng.pick(&["sqrt(2)", "pi", "1+1", "(1)", "[1]", "\"1\"", "true"])).into(),
        19 => (*rng.pick(&["", " ", "-", "/", ".", "e", "1 2", "١", "½", "1e\u{2212}3"])).into(),
        20 => format!("{}", rng.next_u64()),
        21 => format!("-{}/{}", rng.next_u64(), rng.next_u64() | 1),
        22 => format!("{}.{}", rng.below(1000), rng.next_u64()),
        23 => format!("{}e{}", rng.below(100), rng.between(0, 2000) as i64 - 1000),
        24 => format!("1/{}", rng.between(1, 100)),
        25 => format!("{}", rng.between(0, 12)),
        26 => "4.5".into(),
        27 => "-1/2".into(),
        28 => "2".into(),
        _ => "1".into(),
    }
}

/// A number near `old` that a model may well accept: a neighbour, a double, a half, a simple
/// fraction.
fn plausible_number(rng: &mut Rng, old: &str) -> String {
    let n: u64 = old.parse().unwrap_or(1);
    match rng.below(8) {
        0 => (n + 1).to_string(),
        1 => n.saturating_sub(1).to_string(),
        2 => (2 * n).to_string(),
        3 => format!("{n}/2"),
        4 => format!("{n}/3"),
        5 => format!("{}", rng.between(0, 10)),
        6 => format!("1/{}", rng.between(2, 9)),
        _ => format!("{}/{}", rng.between(1, 9), rng.between(1, 9)),
    }
}

/// A range a model may well accept: ends among small fractions, open or closed.
fn plausible_range(rng: &mut Rng) -> String {
    let ends = [
        "0", "1/8", "1/4", "1/3", "1/2", "2/3", "3/4", "1", "3/2", "2", "5/2", "3",
    ];
    let (a, b) = (rng.below(ends.len()), rng.below(ends.len()));
    let (lo, hi) = (ends[a.min(b)], ends[a.max(b)]);
    let open = *rng.pick(&["[", "("]);
    let close = *rng.pick(&["]", ")"]);
    format!("{open}{lo}, {hi}{close}")
}

/// Texts for a range: reversed, empty, degenerate, huge, malformed.
fn odd_range(rng: &mut Rng) -> String {
    let a = odd_number(rng);
    let b = odd_number(rng);
    match rng.below(14) {
        0 => format!("[{a}, {b}]"),
        1 => format!("({a}, {b})"),
        2 => format!("[{a}, {b})"),
        3 => "[1, 0]".into(),
        4 => "(1, 1)".into(),
        5 => "[1, 1]".into(),
        6 => "(0, 0]".into(),
        7 => "[-1e999, 1e999]".into(),
        8 => "[0, 1e100]".into(),
        9 => (*rng.pick(&[
            "[]",
            "[,]",
            "[1]",
            "[1 2]",
            "[1, 2, 3]",
            "[1, ",
            "(",
            "[0, 1]]",
        ]))
        .into(),
        10 => format!("[{a}, {a}]"),
        11 => format!("[0, {}]", "1".repeat(*rng.pick(&[10, 200, 2500]))),
        12 => "[1/3, 1/3]".into(),
        _ => a,
    }
}

/// Text that breaks assumptions about characters: NUL, control bytes, invalid UTF-8,
/// look-alikes of ASCII (the typeset minus, superscripts), zero-width and direction marks.
fn odd_bytes(rng: &mut Rng) -> Vec<u8> {
    let pool: [&[u8]; 18] = [
        b"\0",
        b"\xff",
        b"\xc3",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        "é".as_bytes(),
        "\u{2212}".as_bytes(),
        "²".as_bytes(),
        "\u{200b}".as_bytes(),
        "\u{feff}".as_bytes(),
        "\u{202e}".as_bytes(),
        "𝑥".as_bytes(),
        "·".as_bytes(),
        b"\r",
        b"\t",
        b"\x1b[2J",
        b"\x0c",
        "α0".as_bytes(),
    ];
    rng.pick(&pool).to_vec()
}

/// Words worth swapping in for a name: other models, labels, functions, keywords, the claim
/// language's outputs and the file format's keys.
const WORDS: &[&str] = &[
    "fine_tuning",
    "fine_tuning_n",
    "safety_regulation",
    "openness",
    "race",
    "competition",
    "solve",
    "exists",
    "forall",
    "not",
    "and",
    "or",
    "implies",
    "true",
    "false",
    "max",
    "min",
    "abs",
    "power",
    "log",
    "pwl",
    "polynomial",
    "duopoly",
    "proved",
    "verified",
    "refuted",
    "witnessed",
    "skip",
    "grid",
    "random",
    "seed",
    "theorem",
    "params",
    "vars",
    "let",
    "method",
    "family",
    "assert",
    "expect",
    "assume",
    "claim",
    "outside",
    "model",
    "delta",
    "alpha0",
    "u_g",
    "spe",
    "x",
];

/// Lines worth inserting: keys in the wrong place, twice, or with the wrong type.
const LINES: &[&str] = &[
    "[params]",
    "[vars]",
    "[let]",
    "[method]",
    "[family]",
    "[[params]]",
    "unknown = 1",
    "expect = \"refuted\"",
    "expect = \"nonsense\"",
    "model = \"race\"",
    "model = \"nope\"",
    "outside = \"skip\"",
    "theorem = \"R9\"",
    "theorem = \"R1\"",
    "grid = 1000000",
    "random = 1000000000",
    "seed = -1",
    "claim = 'true'",
    "claim = ''",
    "claim = 1",
    "assume = 'false'",
    "assert = \"all comply\"",
    "assert = \"none exits\"",
    "assert = 3",
    "x = \"[0, 1]\"",
    "delta = \"[0, 1]\"",
    "delta = [0, 1]",
    "alpha0 = \"(0, 1e999]\"",
    "f = \"power\"",
    "p = \"63/64\"",
    "n = 65",
    "r_99 = 1",
    "r_0 = 1",
    "a = { b = 1 }",
    "= 1",
    "'''",
];

/// A file's bytes after one to three mutations, and what they were.
pub fn mutate(rng: &mut Rng, original: &[u8]) -> (Vec<u8>, String) {
    let mut bytes = original.to_vec();
    let mut done = Vec::new();
    // Mostly one mutation, so that many mutants still parse and reach the solvers.
    let count = *rng.pick(&[1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
    for _ in 0..count {
        done.push(mutate_once(rng, &mut bytes));
    }
    (bytes, done.join("; "))
}

fn mutate_once(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let lines = split_lines(bytes);
    let tokens = tokens(bytes);
    let numbers: Vec<_> = tokens.iter().filter(|t| t.kind == Kind::Number).collect();
    let names: Vec<_> = tokens.iter().filter(|t| t.kind == Kind::Name).collect();
    match rng.below(20) {
        0 | 1 if !numbers.is_empty() => {
            let t = *rng.pick(&numbers);
            let old = String::from_utf8_lossy(&bytes[t.start..t.end]).into_owned();
            let new = if rng.chance(1, 2) {
                plausible_number(rng, &old)
            } else {
                odd_number(rng)
            };
            bytes.splice(t.start..t.end, new.bytes());
            format!("number {old} -> {}", shorten(&new))
        }
        2 if !lines.is_empty() => {
            let (s, e) = *rng.pick(&lines);
            bytes.drain(s..e);
            "deleted a line".into()
        }
        3 if !lines.is_empty() => {
            let (s, e) = *rng.pick(&lines);
            let line = bytes[s..e].to_vec();
            bytes.splice(s..s, line);
            "duplicated a line".into()
        }
        4 if lines.len() >= 2 => {
            // Two different lines.
            let a = rng.below(lines.len());
            let b = (a + 1 + rng.below(lines.len() - 1)) % lines.len();
            let (first, second) = (lines[a.min(b)], lines[a.max(b)]);
            let mut out = bytes[..first.0].to_vec();
            out.extend_from_slice(&bytes[second.0..second.1]);
            out.extend_from_slice(&bytes[first.1..second.0]);
            out.extend_from_slice(&bytes[first.0..first.1]);
            out.extend_from_slice(&bytes[second.1..]);
            *bytes = out;
            "swapped two lines".into()
        }
        5 => {
            let ranges = ranges(bytes);
            if ranges.is_empty() {
                return mutate_once(rng, bytes);
            }
            let (s, e) = *rng.pick(&ranges);
            let new = if rng.chance(1, 2) {
                plausible_range(rng)
            } else {
                odd_range(rng)
            };
            bytes.splice(s..e, new.bytes());
            format!("range -> {}", shorten(&new))
        }
        6 | 7 if !tokens.is_empty() => {
            let t = *rng.pick(&tokens);
            let depth = *rng.pick(&[50, 199, 200, 201, 1000, 10_000, 100_000]);
            let (open, close) = match rng.below(6) {
                0 => ("(".repeat(depth), ")".repeat(depth)),
                1 => ("not ".repeat(depth), String::new()),
                2 => ("-".repeat(depth), String::new()),
                3 => ("- ".repeat(depth), String::new()),
                4 => ("(".repeat(depth), String::new()),
                _ => ("abs(".repeat(depth), ")".repeat(depth)),
            };
            let what = format!("{}… {depth} deep", shorten(&open[..open.len().min(8)]));
            bytes.splice(t.end..t.end, close.bytes());
            bytes.splice(t.start..t.start, open.bytes());
            format!("nesting {what}")
        }
        8 | 9 if !names.is_empty() => {
            let t = *rng.pick(&names);
            let old = String::from_utf8_lossy(&bytes[t.start..t.end]).into_owned();
            let new = match rng.below(4) {
                0 => rng.pick(WORDS).to_string(),
                1 => String::from_utf8_lossy(&bytes[rng.pick(&names).range()]).into_owned(),
                _ => one_letter_off(rng, &old),
            };
            bytes.splice(t.start..t.end, new.bytes());
            format!("name {old} -> {new}")
        }
        10 if !bytes.is_empty() => {
            let at = rng.below(bytes.len());
            bytes.truncate(at);
            format!("truncated at byte {at}")
        }
        11 => {
            let at = rng.below(bytes.len() + 1);
            let odd = odd_bytes(rng);
            let shown = format!("{:?}", String::from_utf8_lossy(&odd));
            bytes.splice(at..at, odd);
            format!("inserted {shown} at byte {at}")
        }
        12 => {
            let keys = key_lines(bytes, &["grid", "random", "seed", "cap", "m"]);
            if keys.is_empty() {
                return mutate_once(rng, bytes);
            }
            let (s, e) = *rng.pick(&keys);
            let value = match rng.below(3) {
                0 => odd_number(rng),
                _ => (*rng.pick(&[
                    "0",
                    "1",
                    "-1",
                    "1000",
                    "1000000",
                    "1e9",
                    "4294967296",
                    "1e30",
                    "4.5",
                    "\"4\"",
                    "true",
                    "[]",
                    "100",
                    "60",
                ]))
                .to_string(),
            };
            let old = String::from_utf8_lossy(&bytes[s..e]).into_owned();
            bytes.splice(s..e, value.bytes());
            format!("value {old} -> {}", shorten(&value))
        }
        13 if bytes.len() >= 2 => {
            let (a, b) = (rng.below(bytes.len()), rng.below(bytes.len()));
            let (s, e) = (a.min(b), a.max(b).min(a.min(b) + 400));
            let chunk = bytes[s..e].to_vec();
            let at = rng.below(bytes.len());
            let end = (at + rng.below(40)).min(bytes.len());
            bytes.splice(at..end, chunk);
            format!("bytes {at}..{end} replaced by bytes {s}..{e}")
        }
        14 => {
            let quotes: Vec<usize> = (0..bytes.len())
                .filter(|&i| matches!(bytes[i], b'\'' | b'"' | b'[' | b']' | b'='))
                .collect();
            if quotes.is_empty() {
                return mutate_once(rng, bytes);
            }
            let at = *rng.pick(&quotes);
            let new = *rng.pick(&["", "'", "\"", "'''", "\"\"\"", "[", "]", "=="]);
            bytes.splice(at..at + 1, new.bytes());
            format!("punctuation at byte {at} -> {new:?}")
        }
        15 => {
            let at = line_start(rng, &lines, bytes.len());
            let line = format!("{}\n", rng.pick(LINES));
            bytes.splice(at..at, line.bytes());
            format!("inserted line {}", line.trim_end())
        }
        16 if !tokens.is_empty() => {
            let t = *rng.pick(&tokens);
            let times = *rng.pick(&[2, 100, 5000]);
            let joiner = *rng.pick(&[" and ", " + ", " * ", ",", " ", " == ", "^"]);
            let piece = bytes[t.range()].to_vec();
            let mut repeated = piece.clone();
            for _ in 1..times {
                repeated.extend_from_slice(joiner.as_bytes());
                repeated.extend_from_slice(&piece);
            }
            bytes.splice(t.range(), repeated);
            format!("token repeated {times} times joined by {joiner:?}")
        }
        17 if tokens.len() >= 2 => {
            let a = *rng.pick(&tokens);
            let b = *rng.pick(&tokens);
            let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
            if first.end > second.start {
                return "swapped a token with itself".into();
            }
            let mut out = bytes[..first.start].to_vec();
            out.extend_from_slice(&bytes[second.range()]);
            out.extend_from_slice(&bytes[first.end..second.start]);
            out.extend_from_slice(&bytes[first.range()]);
            out.extend_from_slice(&bytes[second.end..]);
            *bytes = out;
            "swapped two tokens".into()
        }
        18 => {
            let at = rng.below(bytes.len() + 1);
            let junk: Vec<u8> = (0..rng.between(1, 20))
                .map(|_| *rng.pick(b"()[]{}+-*/^<>=!&|,.:;'\"#\\ \n0123456789abcxyz_"))
                .collect();
            let shown = format!("{:?}", String::from_utf8_lossy(&junk));
            bytes.splice(at..at, junk);
            format!("inserted {shown} at byte {at}")
        }
        _ => {
            // Strings swapped for labels and other words: a model, a label, an expectation.
            let strings = strings(bytes);
            if strings.is_empty() {
                return mutate_once(rng, bytes);
            }
            let (s, e) = *rng.pick(&strings);
            let new = match rng.below(3) {
                0 => odd_number(rng),
                _ => rng.pick(WORDS).to_string(),
            };
            let old = String::from_utf8_lossy(&bytes[s..e]).into_owned();
            bytes.splice(s..e, new.bytes());
            format!("string {} -> {}", shorten(&old), shorten(&new))
        }
    }
}

fn one_letter_off(rng: &mut Rng, word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let at = rng.below(chars.len());
    let letter = *rng.pick(&['a', 'e', 'i', 'o', 's', 'x', '_', '1', 'Z']);
    match rng.below(3) {
        0 => chars[at] = letter,
        1 => drop(chars.remove(at)),
        _ => chars.insert(at, letter),
    }
    chars.into_iter().collect()
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= 24 {
        return text.to_string();
    }
    let head: String = text.chars().take(16).collect();
    format!("{head}… ({} chars)", text.chars().count())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Name,
    Other,
}

#[derive(Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    kind: Kind,
}

impl Token {
    fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Numbers (digits, `.`, an exponent), names (letters, digits, `_`) and single other bytes.
fn tokens(bytes: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let kind = if b.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            if i + 1 < bytes.len() && matches!(bytes[i], b'e' | b'E') {
                let sign = usize::from(matches!(bytes[i + 1], b'+' | b'-'));
                if bytes.get(i + 1 + sign).is_some_and(u8::is_ascii_digit) {
                    i += 1 + sign;
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            Kind::Number
        } else if b.is_ascii_alphabetic() || b == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            Kind::Name
        } else {
            i += 1;
            if b.is_ascii_whitespace() {
                continue;
            }
            Kind::Other
        };
        out.push(Token {
            start,
            end: i,
            kind,
        });
    }
    out
}

/// Each line's byte range, its newline included.
fn split_lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

fn line_start(rng: &mut Rng, lines: &[(usize, usize)], len: usize) -> usize {
    if lines.is_empty() {
        len
    } else {
        rng.pick(lines).0
    }
}

/// The insides of quoted strings on one line (`"…"` or `'…'`).
fn strings(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, e) in split_lines(bytes) {
        let line = &bytes[s..e];
        let mut open: Option<(u8, usize)> = None;
        for (i, &b) in line.iter().enumerate() {
            match open {
                None if b == b'"' || b == b'\'' => open = Some((b, i + 1)),
                Some((q, from)) if b == q => {
                    out.push((s + from, s + i));
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// Strings that hold a range: they start with `[` or `(` and hold a comma.
fn ranges(bytes: &[u8]) -> Vec<(usize, usize)> {
    strings(bytes)
        .into_iter()
        .filter(|&(s, e)| {
            let inside = &bytes[s..e];
            matches!(inside.first(), Some(b'[' | b'(')) && inside.contains(&b',')
        })
        .collect()
}

/// The value ranges of lines `KEY = VALUE` for the given keys.
fn key_lines(bytes: &[u8], keys: &[&str]) -> Vec<(usize, usize)> {
    split_lines(bytes)
        .into_iter()
        .filter_map(|(s, e)| {
            let line = std::str::from_utf8(&bytes[s..e]).ok()?;
            let (key, _) = line.split_once('=')?;
            if !keys.contains(&key.trim()) {
                return None;
            }
            let value_start = s + line.find('=')? + 1;
            let value_end = s + line.trim_end().len();
            Some((value_start, value_end))
        })
        .collect()
}
