//! How deep a server's JSON nests, measured on its text before anything parses it (SPEC §4:
//! item nesting beyond 32 levels is refused like any other malformed body). serde_json stops
//! at 128 levels with an error, but a list item kept as text is parsed again later, and a
//! refusal there was a panic; checking the text first makes every later parse safe.

/// The deepest a resource may nest: the resource object itself is level 1.
pub const MAX_ITEM_NESTING: usize = 32;

/// Whether `json` nests objects and arrays more than `max` levels deep. A scan of the bytes
/// that skips strings: linear, no recursion, whatever the text.
pub fn nests_deeper_than(json: &str, max: usize) -> bool {
    let mut scan = StringScan::default();
    let mut depth = 0usize;
    for b in json.bytes() {
        if scan.in_string(b) {
            continue;
        }
        match b {
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Where a byte-by-byte scan of JSON text is: inside a string or not (and just after a
/// backslash in one). Shared by every scan that must not read brackets inside strings.
#[derive(Debug, Default)]
pub(crate) struct StringScan {
    in_string: bool,
    escaped: bool,
}

impl StringScan {
    /// Takes the next byte: `true` when it belongs to a string, its quotes included.
    pub(crate) fn in_string(&mut self, b: u8) -> bool {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
            }
            return true;
        }
        self.in_string = b == b'"';
        self.in_string
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        "[".repeat(levels) + &"]".repeat(levels)
    }

    #[test]
    fn depth_counts_objects_and_arrays_but_not_brackets_in_strings() {
        assert!(!nests_deeper_than("1", 0));
        assert!(!nests_deeper_than(&nested(32), 32));
        assert!(nests_deeper_than(&nested(33), 32));
        assert!(!nests_deeper_than(r#"{"a": "[[[[{{{{\"[[["}"#, 1));
        assert!(nests_deeper_than(r#"{"a": {"b": [1]}}"#, 2));
        // A million levels: no stack, no time.
        assert!(nests_deeper_than(&"[".repeat(1_000_000), 32));
    }
}
