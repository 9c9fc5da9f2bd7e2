//! Which characters must not reach a terminal or a log as themselves: the one rule the
//! client's escaping (`terminal_text`) and the sandbox's request log share.

/// Whether `c` must not reach a terminal as itself: C0 controls (line breaks and tabs too),
/// DEL, C1 controls (U+0080–U+009F, which some terminals read as escape sequences), the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
/// directional marks (U+200E, U+200F, U+061C), and the line and paragraph separators
/// (U+2028, U+2029).
pub(crate) fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{2028}' | '\u{2029}')
}
