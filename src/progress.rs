//! The progress line on stderr (SPEC §6 "Progress"): work done of the total, failures counted,
//! redrawn in place and cleared when the work ends. When stderr is not a terminal nothing is
//! ever written: no carriage return, no escape sequence.
//!
//! One `Progress` may be shared by several threads and several walks (its totals add up):
//! `add_total` when a walk learns how many pages it has, `advance` per page or resource done,
//! `fail` per resource that failed, `finish` (or drop) before printing results.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Redraws closer together than this are skipped (the last state is always drawn at the end
/// of a burst by the next change or by `finish`).
const REDRAW_EVERY: Duration = Duration::from_millis(50);

pub(crate) struct Progress {
    /// `None`: stderr is not a terminal, or the progress line was turned off.
    line: Option<Mutex<Line>>,
}

struct Line {
    label: &'static str,
    done: u64,
    total: u64,
    failed: u64,
    drawn: bool,
    last_draw: Option<Instant>,
}

impl Line {
    fn text(&self) -> String {
        let mut text = format!("{}: {} of {}", self.label, self.done, self.total);
        if self.failed > 0 {
            text.push_str(&format!(", {} failed", self.failed));
        }
        text
    }

    fn draw(&mut self, force: bool) {
        if self.total == 0 {
            return;
        }
        let now = Instant::now();
        if !force && self.last_draw.is_some_and(|t| now - t < REDRAW_EVERY) {
            return;
        }
        self.last_draw = Some(now);
        self.drawn = true;
        // `\r` to the line's start, the text, then erase whatever a longer line left.
        let _ = write!(std::io::stderr().lock(), "\r{}\x1b[K", self.text());
    }

    fn clear(&mut self) {
        if self.drawn {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
            self.drawn = false;
        }
    }
}

impl Progress {
    /// A progress line labelled `label` ("pages", "relinked"), shown only when stderr is a
    /// terminal and `quiet` is false (`-v` traces share stderr: the line would tear them).
    pub(crate) fn new(label: &'static str, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        Progress {
            line: Some(Mutex::new(Line {
                label,
                done: 0,
                total: 0,
                failed: 0,
                drawn: false,
                last_draw: None,
            })),
        }
    }

    /// A progress that never shows.
    pub(crate) fn hidden() -> Progress {
        Progress { line: None }
    }

    fn update(&self, change: impl FnOnce(&mut Line), force: bool) {
        if let Some(line) = &self.line {
            let mut line = line.lock().unwrap_or_else(|e| e.into_inner());
            change(&mut line);
            let force = force || line.done + line.failed >= line.total;
            line.draw(force);
        }
    }

    /// `n` more units of work are known.
    pub(crate) fn add_total(&self, n: u64) {
        self.update(|l| l.total += n, false);
    }

    /// `n` units of work are done.
    pub(crate) fn advance(&self, n: u64) {
        self.update(|l| l.done += n, false);
    }

    /// One unit of work failed (it counts as handled, and the line says how many failed).
    pub(crate) fn fail(&self) {
        self.update(|l| l.failed += 1, true);
    }

    /// Clears the line; call before printing results. Safe to call more than once.
    pub(crate) fn finish(&self) {
        if let Some(line) = &self.line {
            line.lock().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }
}

impl crate::api::pages::Progress for Progress {
    fn add_total(&self, n: u64) {
        Progress::add_total(self, n);
    }
    fn advance(&self, n: u64) {
        Progress::advance(self, n);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_counts_done_of_total_and_failures() {
        let mut line = Line {
            label: "relinked",
            done: 3,
            total: 10,
            failed: 0,
            drawn: false,
            last_draw: None,
        };
        assert_eq!(line.text(), "relinked: 3 of 10");
        line.failed = 1;
        assert_eq!(line.text(), "relinked: 3 of 10, 1 failed");
    }

    #[test]
    fn a_hidden_progress_takes_updates_and_shows_nothing() {
        let progress = Progress::hidden();
        progress.add_total(5);
        progress.advance(2);
        progress.fail();
        progress.finish();
        assert!(progress.line.is_none());
    }
}
