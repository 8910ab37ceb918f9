//! A count of games solved so far, shown on a terminal for commands that solve many one after another (boundary, audit).

use std::cell::Cell;
use std::io::IsTerminal;
use std::time::Instant;

/// Shows `what: N games solved` on standard error at most ten times a second, when it is a
/// terminal; the line is cleared when the ticker is dropped.
pub struct Ticker {
    what: &'static str,
    shown: bool,
    count: Cell<usize>,
    last: Cell<Instant>,
}

impl Ticker {
    pub fn new(what: &'static str) -> Ticker {
        Ticker {
            what,
            shown: std::io::stderr().is_terminal(),
            count: Cell::new(0),
            last: Cell::new(Instant::now()),
        }
    }

    /// One more game solved.
    pub fn tick(&self) {
        self.count.set(self.count.get() + 1);
        if self.shown && self.last.get().elapsed().as_millis() >= 100 {
            self.last.set(Instant::now());
            eprint!("\r\x1b[K  {}: {} games solved", self.what, self.count.get());
        }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if self.shown && self.count.get() > 0 {
            eprint!("\r\x1b[K");
        }
    }
}
