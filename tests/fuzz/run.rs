//! Running one case under CPU, memory and wall-clock limits in its own directory, and judging the run: a panic, a signal, a limit hit or an exit status other than 0, 1 or 2 is a failure.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::case::Case;

/// CPU seconds one run may use (the soft `ulimit -t`, which ends the run with SIGXCPU; the
/// hard limit is 5 s more, so a run ignoring SIGXCPU ends with SIGKILL). CPU rather than wall
/// time so that a loaded machine does not turn a slow run into a failure. A case's `limit`
/// can raise it.
pub const CPU_SECONDS: u64 = 20;
/// The default CPU limit, or `GPAI_FUZZ_CPU` (seconds) to find slow cases faster.
fn cpu_seconds() -> u64 {
    std::env::var("GPAI_FUZZ_CPU")
        .ok()
        .map_or(CPU_SECONDS, |s| {
            s.parse().expect("GPAI_FUZZ_CPU is seconds")
        })
}

/// Wall-clock seconds after which a run is killed whatever its CPU time (a run that blocks).
pub const WALL_SECONDS: u64 = 60;
/// Virtual memory one run may map, in KiB (`ulimit -v`).
pub const MEMORY_KIB: u64 = 4_000_000;
/// Bytes of each output stream kept for the report; the rest is read and dropped.
const KEPT_BYTES: usize = 64 * 1024;

/// What one run did.
pub struct Run {
    pub status: ExitStatus,
    pub killed_after_wall_limit: bool,
    /// The run's CPU and wall-clock limits, in seconds.
    pub cpu_seconds: u64,
    pub wall_seconds: u64,
    pub elapsed: Duration,
    pub stdout_bytes: usize,
    pub stderr: String,
}

impl Run {
    /// Why the run is a failure, if it is one.
    pub fn failure(&self) -> Option<String> {
        if self.killed_after_wall_limit {
            return Some(format!(
                "killed after {} s of wall-clock time",
                self.wall_seconds
            ));
        }
        if self.stderr.contains("panicked") {
            return Some("panicked".into());
        }
        if self.stderr.contains("memory allocation of") {
            return Some(format!(
                "out of memory ({MEMORY_KIB} KiB of virtual memory)"
            ));
        }
        if let Some(signal) = self.status.signal() {
            return Some(match signal {
                24 => format!("CPU time limit ({} s, SIGXCPU)", self.cpu_seconds),
                6 => "aborted (SIGABRT)".to_string(),
                11 => "segmentation fault (SIGSEGV)".to_string(),
                9 => "killed (SIGKILL: the hard CPU limit, or out of memory)".to_string(),
                s => format!("killed by signal {s}"),
            });
        }
        match self.status.code() {
            Some(0..=2) => None,
            Some(code) => Some(format!("exit status {code}")),
            None => Some("no exit status".into()),
        }
    }

    /// The exit status for summaries: 0, 1, 2, or -1 for anything else.
    pub fn code(&self) -> i32 {
        self.status.code().unwrap_or(-1)
    }
}

/// A fresh directory holding the fixtures (every file of `fixtures`) and the case's input.
pub fn prepare(case: &Case, fixtures: &Path, dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    if let (Some(name), Some((_, bytes))) = (case.input_name(), &case.input) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

/// Runs the case in `dir` (see [`prepare`]) under the limits.
pub fn run(case: &Case, dir: &Path) -> Run {
    let cpu = case.limit.unwrap_or_else(cpu_seconds);
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(format!(
            "ulimit -c 0 && ulimit -v {MEMORY_KIB} && ulimit -S -t {cpu} && ulimit -H -t {} && \
             exec \"$0\" \"$@\"",
            cpu + 5
        ))
        .arg(env!("CARGO_BIN_EXE_gpai"))
        .args(&case.args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // The run sees the default limits, whatever the developer's shell sets.
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("GPAI_MAX_") {
            command.env_remove(name);
        }
    }
    let start = Instant::now();
    let mut child = command.spawn().expect("bash runs");
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let wall = Duration::from_secs(WALL_SECONDS.max(3 * cpu));
    let mut killed = false;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > wall {
            // bash has exec'd, so this is the gpai process itself.
            let _ = child.kill();
            killed = true;
            break child.wait().unwrap();
        }
        thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let (stdout_bytes, _) = stdout.join().unwrap();
    let (_, stderr) = stderr.join().unwrap();
    Run {
        status,
        killed_after_wall_limit: killed,
        cpu_seconds: cpu,
        wall_seconds: wall.as_secs(),
        elapsed,
        stdout_bytes,
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Reads a stream to its end on a thread: (bytes read, the first [`KEPT_BYTES`]).
fn drain(mut stream: impl Read + Send + 'static) -> thread::JoinHandle<(usize, Vec<u8>)> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut total = 0;
        let mut buf = [0; 8192];
        while let Ok(n) = stream.read(&mut buf) {
            if n == 0 {
                break;
            }
            total += n;
            let room = KEPT_BYTES.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..n.min(room)]);
        }
        (total, kept)
    })
}

/// Where failing cases are saved: `target/tmp/fuzz-failures/NAME/` with the case's block
/// (`case.txt`, ready for `tests/fuzz/known_failures.txt`) and `inputs/NAME.EXT`.
pub fn failures_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures")
}

/// Saves the case and returns the report of its failure: why, the command line, where the
/// copy is, the block and the start of the input.
pub fn report(case: &Case, run: &Run, why: &str) -> String {
    let dir = failures_dir().join(&case.name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("inputs")).unwrap();
    std::fs::write(dir.join("case.txt"), case.to_block()).unwrap();
    let mut text = format!(
        "{}: {why} after {:.1} s\n  {}\n  saved in {}\n",
        case.name,
        run.elapsed.as_secs_f64(),
        case.command_line(),
        dir.display()
    );
    if let Some((ext, bytes)) = &case.input {
        std::fs::write(dir.join(format!("inputs/{}.{ext}", case.name)), bytes).unwrap();
        let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(1500)]);
        text.push_str(&format!(
            "  input.{ext} ({} bytes{}):\n{}\n",
            bytes.len(),
            if bytes.len() > 1500 {
                ", first 1500"
            } else {
                ""
            },
            indent(&shown)
        ));
    }
    let stderr: String = run.stderr.chars().take(800).collect();
    text.push_str(&format!(
        "  stdout: {} bytes; stderr:\n{}\n",
        run.stdout_bytes,
        indent(&stderr)
    ));
    text.push_str(&format!("  block:\n{}", indent(&case.to_block())));
    text
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
