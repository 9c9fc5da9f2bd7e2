//! One page of a list as the walk hands it on: its resources kept as the JSON text the
//! server sent (read without building a `Value` of the page), its `included` resources and
//! its `meta.pagination`.

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

/// `meta.pagination` of one page, as far as the walk needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Pagination {
    pub(crate) next_page: Option<u64>,
    pub(crate) total_pages: Option<u64>,
}

/// One resource of a list page, kept as the compact JSON text it serialises to (key order
/// as the server sent it): a tenth of the memory of a parsed `Value`, so pages waiting for
/// their turn cost little. `value()` parses it when a caller needs the fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resource {
    kind: String,
    id: String,
    json: String,
}

impl Resource {
    /// Reads a JSON:API resource; `Err` says what is wrong with it.
    #[cfg(test)]
    pub(crate) fn from_value(resource: &Value) -> Result<Resource, String> {
        let Some(id) = resource
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty())
        else {
            return Err("not a resource with an id".into());
        };
        Ok(Resource {
            kind: resource
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            id: id.to_string(),
            json: serde_json::to_string(resource).expect("JSON values serialise"),
        })
    }

    pub(crate) fn id(&self) -> &str {
        &self.id
    }

    /// The JSON:API `type`.
    pub(crate) fn kind(&self) -> &str {
        &self.kind
    }

    /// The resource as compact JSON.
    pub(crate) fn json(&self) -> &str {
        &self.json
    }

    /// The resource parsed.
    pub(crate) fn value(&self) -> Value {
        serde_json::from_str(&self.json).expect("serialised from a Value")
    }
}

/// One page of a list: its items, its `included` resources, and its pagination (`None` when
/// the server sent no `meta.pagination`: the list is complete).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub(crate) items: Vec<Resource>,
    pub(crate) included: Vec<Resource>,
    pub(crate) pagination: Option<Pagination>,
}

/// A list document as its text, borrowed: nothing of it is parsed but the ids.
#[derive(Deserialize)]
struct ListText<'a> {
    #[serde(borrow, default, deserialize_with = "present")]
    data: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    included: Option<&'a RawValue>,
    #[serde(default)]
    meta: Option<Value>,
}

/// A key that is there, even as `null` (a plain `Option` would read `null` as absent).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

/// What the walk needs of a resource to de-duplicate it.
#[derive(Deserialize)]
struct Ident {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default, rename = "type")]
    kind: Option<Value>,
}

/// What a raw JSON value is, in the words of error messages.
fn raw_kind(raw: &RawValue) -> &'static str {
    match raw.get().trim_start().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

impl Resource {
    /// A resource from its JSON text, kept as it came.
    fn from_raw(raw: &RawValue) -> Result<Resource, String> {
        let not_a_resource = || "not a resource with an id".to_string();
        let ident: Ident = serde_json::from_str(raw.get()).map_err(|_| not_a_resource())?;
        let id = match ident.id {
            Some(Value::String(id)) if !id.is_empty() => id,
            _ => return Err(not_a_resource()),
        };
        let kind = match ident.kind {
            Some(Value::String(kind)) => kind,
            _ => String::new(),
        };
        Ok(Resource {
            kind,
            id,
            json: raw.get().to_string(),
        })
    }
}

impl Page {
    /// Reads a list document from its text without building a `Value` of it; `Err` says what
    /// is wrong with it (the same words as [`Page::from_document`] and the API client's).
    pub(crate) fn from_text(text: &str) -> Result<Page, String> {
        let top: &RawValue =
            serde_json::from_str(text).map_err(|e| format!("the body is not JSON ({e})"))?;
        if raw_kind(top) != "an object" {
            return Err(format!(
                "the body is {}, not a JSON:API document",
                raw_kind(top)
            ));
        }
        let doc: ListText =
            serde_json::from_str(text).map_err(|e| format!("the body is not JSON ({e})"))?;
        let Some(data) = doc.data else {
            return Err("the document has no `data`".into());
        };
        let resources = |raw: &RawValue, what: &str| {
            serde_json::from_str::<Vec<&RawValue>>(raw.get())
                .map_err(|_| "expected a list (`data` array)".to_string())?
                .into_iter()
                .map(|r| Resource::from_raw(r).map_err(|e| format!("an item of `{what}` is {e}")))
                .collect::<Result<Vec<_>, String>>()
        };
        let items = resources(data, "data")?;
        let included = match doc.included {
            Some(raw) if raw_kind(raw) == "an array" => resources(raw, "included")?,
            _ => Vec::new(),
        };
        Ok(Page {
            items,
            included,
            pagination: doc.meta.as_ref().and_then(pagination),
        })
    }

    /// Reads a list document; `Err` says what is wrong with it.
    #[cfg(test)]
    pub(crate) fn from_document(doc: &Value) -> Result<Page, String> {
        let items = match doc.get("data") {
            Some(Value::Array(items)) => items,
            _ => return Err("expected a list (`data` array)".into()),
        };
        let resources = |list: &Vec<Value>, what: &str| {
            list.iter()
                .map(|r| Resource::from_value(r).map_err(|e| format!("an item of `{what}` is {e}")))
                .collect::<Result<Vec<_>, String>>()
        };
        let included = match doc.get("included") {
            Some(Value::Array(included)) => resources(included, "included")?,
            _ => Vec::new(),
        };
        Ok(Page {
            items: resources(items, "data")?,
            included,
            pagination: doc.get("meta").and_then(pagination),
        })
    }
}

/// `meta.pagination`, when it is an object.
fn pagination(meta: &Value) -> Option<Pagination> {
    meta.get("pagination")
        .filter(|p| p.is_object())
        .map(|p| Pagination {
            next_page: p.get("next-page").and_then(Value::as_u64),
            total_pages: p.get("total-pages").and_then(Value::as_u64),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_pagination_is_the_whole_list() {
        let page = Page::from_document(&serde_json::json!({"data": [{"id": "a"}]})).unwrap();
        assert_eq!(page.pagination, None);
        assert_eq!(page.items[0].json(), r#"{"id":"a"}"#);
        assert!(Page::from_document(&serde_json::json!({"data": {"id": "a"}})).is_err());
        assert_eq!(
            Page::from_document(&serde_json::json!({"data": [{"id": 7}]})).unwrap_err(),
            "an item of `data` is not a resource with an id"
        );
    }

    #[test]
    fn a_page_read_from_its_text_keeps_each_resource_as_sent() {
        let text = r#"{"data": [ {"id": "a", "type": "t", "attributes": {"n": "\u00e9"}},
                                 {"type": "t", "id": "b"} ],
                       "included": [{"id": "i", "type": "u"}],
                       "meta": {"pagination": {"next-page": 2, "total-pages": 3}}}"#;
        let page = Page::from_text(text).unwrap();
        assert_eq!(page.items.len(), 2);
        assert_eq!(
            page.items[0].json(),
            r#"{"id": "a", "type": "t", "attributes": {"n": "\u00e9"}}"#
        );
        assert_eq!(page.items[0].value()["attributes"]["n"], "é");
        assert_eq!((page.items[1].kind(), page.items[1].id()), ("t", "b"));
        assert_eq!(page.included[0].id(), "i");
        assert_eq!(
            page.pagination,
            Some(Pagination {
                next_page: Some(2),
                total_pages: Some(3)
            })
        );
        // The same page read from a parsed value gives the same resources' fields.
        let from_value = Page::from_document(&serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(from_value.items[0].value(), page.items[0].value());
        assert_eq!(from_value.pagination, page.pagination);
    }

    #[test]
    fn a_page_whose_text_is_not_a_list_says_what_is_wrong() {
        for (text, what) in [
            ("[1]", "the body is an array, not a JSON:API document"),
            ("\"x\"", "the body is a string, not a JSON:API document"),
            ("{}", "the document has no `data`"),
            (r#"{"data": null}"#, "expected a list (`data` array)"),
            (r#"{"data": {"id": "a"}}"#, "expected a list (`data` array)"),
            (
                r#"{"data": [1]}"#,
                "an item of `data` is not a resource with an id",
            ),
            (
                r#"{"data": [{"id": ""}]}"#,
                "an item of `data` is not a resource with an id",
            ),
            (
                r#"{"data": [{"id": 7}]}"#,
                "an item of `data` is not a resource with an id",
            ),
            (
                r#"{"data": [], "included": [{"type": "x"}]}"#,
                "an item of `included` is not a resource with an id",
            ),
        ] {
            assert_eq!(Page::from_text(text).unwrap_err(), what, "{text}");
        }
        assert!(
            Page::from_text(r#"{"data": [}"#)
                .unwrap_err()
                .starts_with("the body is not JSON")
        );
        // An `included` that is not an array is left out, as before.
        let page = Page::from_text(r#"{"data": [], "included": null}"#).unwrap();
        assert!(page.included.is_empty() && page.pagination.is_none());
    }
}
