//! TFE id shapes (`oc-…`, `ot-…`, `prj-…`) and the path-safe name rule they share.

/// Whether `s` is a non-empty run of letters, digits, `-` and `_`: safe in a URL path, and
/// the shape of TFE organization names and id suffixes.
pub(crate) fn is_path_safe(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Whether `id` is `prefix` followed by a path-safe suffix, as TFE ids are.
pub(crate) fn has_id_shape(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix).is_some_and(is_path_safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_a_prefix_and_a_path_safe_suffix() {
        assert!(has_id_shape("oc-abc_1-2", "oc-"));
        assert!(!has_id_shape("oc-", "oc-"));
        assert!(!has_id_shape("ot-abc", "oc-"));
        assert!(!has_id_shape("oc-a/b", "oc-"));
        assert!(!has_id_shape("oc-a%2F", "oc-"));
    }
}
