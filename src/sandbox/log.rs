//! The request log: one line per request, on stderr, in `--log FILE`, or nowhere. Text from
//! clients (a path, a method) is escaped first, so a request cannot write control characters
//! or bidirectional overrides into a terminal or a log file.

use std::fs::File;
use std::io::Write;
use std::sync::Mutex;

use crate::shared::text::is_unsafe;

pub(crate) enum Log {
    Stderr,
    File(Mutex<File>),
    Nowhere,
}

impl Log {
    pub(crate) fn line(&self, text: &str) {
        let line = format!("{}\n", escape(text));
        // A log that cannot be written must not stop the server.
        match self {
            Log::Stderr => {
                let _ = std::io::stderr().lock().write_all(line.as_bytes());
            }
            Log::File(file) => {
                if let Ok(mut file) = file.lock() {
                    let _ = file.write_all(line.as_bytes());
                }
            }
            Log::Nowhere => {}
        }
    }
}

/// `text` with every character [`is_unsafe`] names written as an escape (`\n`, `\u{1b}`).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert_eq!(
            escape("GET /a\u{1b}[2J\nfake 200\u{7f}\u{9b}\u{202e}x\\"),
            "GET /a\\u{1b}[2J\\nfake 200\\u{7f}\\u{9b}\\u{202e}x\\\\"
        );
        assert_eq!(escape("plain /api/v2?q=é"), "plain /api/v2?q=é");
    }
}
