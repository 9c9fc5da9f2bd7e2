//! Which characters must not reach a terminal or a log as themselves: the one rule the
//! client's escaping (`terminal_text`) and the sandbox's request log share.

/// Whether `c` must not reach a terminal as itself: C0 controls (line breaks and tabs too),
/// DEL, C1 controls (U+0080–U+009F, which some terminals read as escape sequences), the
/// line and paragraph separators (U+2028, U+2029), and every format character (see
/// [`is_format`]): the bidirectional embeddings, overrides, isolates and marks among them.
pub(crate) fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}') || is_format(c)
}

/// Whether `c` is a Unicode format character (general category Cf): invisible, yet it
/// changes what is shown — zero-width spaces and joiners (`prod` and `prod\u{200b}` look the
/// same), the soft hyphen, U+FEFF, the bidirectional controls, the tag characters. The
/// table is Unicode 16's; a test checks it against a maintained table of general
/// categories, so a new Unicode version that adds one fails it.
pub(crate) fn is_format(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_general_category::{GeneralCategory, get_general_category};

    #[test]
    fn the_format_table_is_exactly_unicode_category_cf() {
        let differ: Vec<String> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| is_format(c) != (get_general_category(c) == GeneralCategory::Format))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        assert!(differ.is_empty(), "not as Unicode says: {differ:?}");
    }
}
