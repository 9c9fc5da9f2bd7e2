//! JSON:API helpers: resource identifiers, and encoding (or decoding) a path segment or query
//! component.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Value, json};

/// `{"type": kind, "id": id}`: a JSON:API resource identifier.
pub(crate) fn identifier(kind: &str, id: &str) -> Value {
    json!({ "type": kind, "id": id })
}

/// Everything but RFC 3986 unreserved characters, and `,`, which `include` lists use and TFE
/// documents unencoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',');

/// Percent-encodes `s` so that it stays one path segment or one query key or value.
pub(crate) fn encode_component(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// Decodes a path segment (`plus_is_space = false`) or a form-encoded query component
/// (`true`). Malformed escapes are kept as written; invalid UTF-8 becomes U+FFFD.
pub(crate) fn decode_component(s: &str, plus_is_space: bool) -> String {
    if plus_is_space && s.contains('+') {
        percent_decode_str(&s.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    } else {
        percent_decode_str(s).decode_utf8_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unreserved_characters_and_commas_stay_as_they_are() {
        assert_eq!(encode_component("a-Z_0.~,"), "a-Z_0.~,");
        assert_eq!(encode_component("a/b c?&=%"), "a%2Fb%20c%3F%26%3D%25");
        assert_eq!(encode_component("page[size]"), "page%5Bsize%5D");
        assert_eq!(encode_component("é"), "%C3%A9");
    }

    #[test]
    fn decoding_undoes_encoding_and_keeps_malformed_escapes() {
        assert_eq!(decode_component("a%2Fb%zz%", false), "a/b%zz%");
        assert_eq!(decode_component("a+b%20c", true), "a b c");
        assert_eq!(decode_component("a+b", false), "a+b");
        let text = "q=1&x/y é";
        assert_eq!(decode_component(&encode_component(text), false), text);
    }
}
