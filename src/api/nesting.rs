//! How deep a server's JSON nests, measured on its text before anything parses it (SPEC §4:
//! item nesting beyond 32 levels is refused like any other malformed body). serde_json stops
//! at 128 levels with an error, but a list item kept as text is parsed again later, and a
//! refusal there was a panic; checking the text first makes every later parse safe.

/// The deepest a resource may nest: the resource object itself is level 1.
pub const MAX_ITEM_NESTING: usize = 32;

/// Whether `json` nests objects and arrays more than `max` levels deep. A scan of the bytes
/// that skips strings: linear, no recursion, whatever the text.
pub fn nests_deeper_than(json: &str, max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in json.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
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
