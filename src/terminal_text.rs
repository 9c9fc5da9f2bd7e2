//! Text from a server or a file made safe to show to a person (SPEC §6): control characters,
//! bidirectional overrides and invisible format characters are shown escaped, so that a name
//! cannot fake a line, hide what follows, move the cursor, reorder what is read or pass for
//! another name. Everything tfvcs writes for people
//! (tables, notes, prompts, error messages, the `-v` trace) goes through [`escape`]; JSON goes
//! through [`escape_json`].

use std::borrow::Cow;

pub(crate) use crate::shared::text::is_unsafe;

/// `text` with every [unsafe](is_unsafe) character written as Rust writes it in a string
/// literal: `\n`, `\r`, `\t`, `\0`, else `\u{1b}`, and every secret tfvcs has read shown
/// as `[redacted]` (a server may quote the request it was sent). Text without either is
/// returned as it is.
pub fn escape(text: &str) -> Cow<'_, str> {
    match crate::secret::scrub(text) {
        Cow::Borrowed(text) => escape_controls(text),
        Cow::Owned(scrubbed) => Cow::Owned(escape_controls(&scrubbed).into_owned()),
    }
}

fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.contains(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Serialised JSON with the [unsafe](is_unsafe) characters JSON leaves as they are (DEL, C1,
/// the bidirectional and separator characters) written as `\uXXXX`: the same document to any
/// parser, harmless on a terminal. serde_json already escapes C0 controls; these characters
/// can only occur inside strings, where `\uXXXX` means the character itself.
pub(crate) fn escape_json(json: &str) -> Cow<'_, str> {
    if !json.contains(is_unsafe_in_json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 12);
    for c in json.chars() {
        if is_unsafe_in_json(c) {
            // Past U+FFFF (the tag characters) JSON spells a character as a surrogate pair.
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The unsafe characters valid JSON may still hold raw: all but JSON's own whitespace, which
/// serde_json writes only between tokens.
fn is_unsafe_in_json(c: char) -> bool {
    is_unsafe(c) && !matches!(c, '\n' | '\r' | '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_characters_are_shown_escaped() {
        let cases = [
            (
                "corp\nNo workspace uses it.\x1b[8m",
                r"corp\nNo workspace uses it.\u{1b}[8m",
            ),
            ("a\rb\tc\0d", r"a\rb\tc\0d"),
            ("del\x7f c1\u{9b}31m", r"del\u{7f} c1\u{9b}31m"),
            ("evil\u{202e}txt.exe", r"evil\u{202e}txt.exe"),
            (
                "\u{202a}\u{202b}\u{202c}\u{202d}",
                r"\u{202a}\u{202b}\u{202c}\u{202d}",
            ),
            (
                "\u{2066}\u{2067}\u{2068}\u{2069}",
                r"\u{2066}\u{2067}\u{2068}\u{2069}",
            ),
            ("\u{200f}\u{2028}", r"\u{200f}\u{2028}"),
            (
                "prod\u{200b} soft\u{ad} bom\u{feff} wj\u{2060} tag\u{e0041}",
                r"prod\u{200b} soft\u{ad} bom\u{feff} wj\u{2060} tag\u{e0041}",
            ),
        ];
        for (raw, shown) in cases {
            assert_eq!(escape(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in ["GitHub", "my-org/repo", "Zürich ✓ 東京", r"back\slash", ""] {
            assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_raw_controls() {
        let value =
            serde_json::json!({"name": "a\u{7f}\u{9b}\u{202e}\u{2028}\x1b\n\u{200b}\u{e0041}"});
        let text = serde_json::to_string_pretty(&value).unwrap();
        let safe = escape_json(&text);
        assert!(
            !safe.contains(|c: char| is_unsafe(c) && c != '\n'),
            "{safe}"
        );
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
        assert!(safe.contains(r"\u007f\u009b\u202e\u2028"), "{safe}");
        assert!(safe.contains(r"\u200b\udb40\udc41"), "{safe}");
    }
}
