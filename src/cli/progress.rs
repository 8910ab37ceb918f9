//! Progress on a terminal for commands that take seconds (sweep, verify, boundary, audit, frontier), drawn by indicatif.
//!
//! indicatif draws at most 20 times a second and draws nothing when standard error is not a
//! terminal, so a redirected run's output is the same with or without progress.

use indicatif::{ProgressBar, ProgressStyle};

/// A bar of `total` steps: `  {pos}/{len} {unit} ({percent}%)`, with the elapsed time and an
/// estimate of what is left.
pub fn bar(total: usize, unit: &str) -> ProgressBar {
    let style = ProgressStyle::with_template(&format!(
        "  {{pos}}/{{len}} {unit} ({{percent}}%), {{elapsed}} so far, about {{eta}} to go {{msg}}"
    ))
    .expect("a valid progress template");
    ProgressBar::new(total as u64).with_style(style)
}

/// `  what {pos}/{len}: {msg}`: which of `total` items is being worked on, and its name.
pub fn counter(total: usize, what: &str) -> ProgressBar {
    let style = ProgressStyle::with_template(&format!("  {what} {{pos}}/{{len}}: {{msg}}"))
        .expect("a valid progress template");
    ProgressBar::new(total as u64).with_style(style)
}

/// A count of games solved so far, `  what: N games solved`, for commands that solve one game
/// after another without knowing how many (boundary, audit); cleared when dropped.
pub struct Ticker(ProgressBar);

impl Ticker {
    pub fn new(what: &'static str) -> Ticker {
        let style = ProgressStyle::with_template(&format!("  {what}: {{pos}} games solved"))
            .expect("a valid progress template");
        Ticker(ProgressBar::new_spinner().with_style(style))
    }

    /// One more game solved.
    pub fn tick(&self) {
        self.0.inc(1);
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

/// A line `  frontier: {message}` with a spinner that turns by itself while one long step runs
/// (set the message for each step; clear it with `finish_and_clear`).
pub fn phases(what: &'static str) -> ProgressBar {
    let style =
        ProgressStyle::with_template(&format!("  {{spinner}} {what}: {{msg}} ({{elapsed}})"))
            .expect("a valid progress template");
    let bar = ProgressBar::new_spinner().with_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    bar
}
