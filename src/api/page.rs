//! One page of a list as the walk hands it on: its resources kept as the JSON text the
//! server sent (read without building a `Value` of the page), its `included` resources and
//! its `meta.pagination`.

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::nesting::{MAX_ITEM_NESTING, nests_deeper_than};

/// `meta.pagination` of one page, as far as the walk needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pagination {
    pub next_page: Option<u64>,
    pub total_pages: Option<u64>,
    /// How many items the whole list holds, by the server's count.
    pub total_count: Option<u64>,
}

/// One resource of a list page, kept as the compact JSON text it serialises to (key order
/// as the server sent it): a tenth of the memory of a parsed `Value`, so pages waiting for
/// their turn cost little. `value()` parses it when a caller needs the fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    kind: String,
    id: String,
    json: String,
}

impl Resource {
    /// Reads a JSON:API resource; `Err` says what is wrong with it.
    #[cfg(test)]
    pub(crate) fn from_value(resource: &Value) -> Result<Resource, String> {
        let json = serde_json::to_string(resource).expect("JSON values serialise");
        Resource::with_json(resource, json)
    }

    /// `resource`'s type and id, with `json` as its text.
    fn with_json(resource: &Value, json: String) -> Result<Resource, String> {
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
            json,
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The JSON:API `type`.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The resource as compact JSON.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// The resource parsed.
    pub fn value(&self) -> Value {
        serde_json::from_str(&self.json).expect("serialised from a Value")
    }
}

/// One page of a list: its items, its `included` resources, and its pagination (`None` when
/// the server sent no `meta.pagination`: the list is complete).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Resource>,
    pub included: Vec<Resource>,
    pub pagination: Option<Pagination>,
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
    /// A resource from its JSON text, kept as it came. It is parsed once here, and dropped,
    /// so that [`Resource::value`] cannot fail later: no nesting past
    /// [`MAX_ITEM_NESTING`] levels, no number out of range.
    fn from_raw(raw: &RawValue) -> Result<Resource, String> {
        if nests_deeper_than(raw.get(), MAX_ITEM_NESTING) {
            return Err(format!("nested deeper than {MAX_ITEM_NESTING} levels"));
        }
        let value: Value =
            serde_json::from_str(raw.get()).map_err(|e| format!("not readable as JSON ({e})"))?;
        Resource::with_json(&value, raw.get().to_string())
    }
}

impl Page {
    /// Reads a list document from its text without building a `Value` of it; `Err` says what
    /// is wrong with it (the same words as [`Page::from_document`] and the API client's).
    pub fn from_text(text: &str) -> Result<Page, String> {
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
            pagination: match &doc.meta {
                Some(meta) => pagination(meta)?,
                None => None,
            },
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
            pagination: match doc.get("meta") {
                Some(meta) => pagination(meta)?,
                None => None,
            },
        })
    }
}

/// `meta.pagination`, when it is an object. Its numbers must be non-negative integers (or
/// null, or absent): `"2"` or `2.0` read as absent would end the walk early and silently.
fn pagination(meta: &Value) -> Result<Option<Pagination>, String> {
    let Some(p) = meta.get("pagination").filter(|p| p.is_object()) else {
        return Ok(None);
    };
    let number = |key: &str| match p.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value.as_u64().map(Some).ok_or_else(|| {
            let shown: String = value.to_string().chars().take(40).collect();
            format!("meta.pagination.{key} is {shown}, not a non-negative integer")
        }),
    };
    for key in ["current-page", "prev-page", "page-size"] {
        number(key)?;
    }
    Ok(Some(Pagination {
        next_page: number("next-page")?,
        total_pages: number("total-pages")?,
        total_count: number("total-count")?,
    }))
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
                total_pages: Some(3),
                total_count: None,
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
        let deep = format!(
            r#"{{"data": [{{"id": "a", "x": {}1{}}}]}}"#,
            "[".repeat(32),
            "]".repeat(32)
        );
        assert_eq!(
            Page::from_text(&deep).unwrap_err(),
            "an item of `data` is nested deeper than 32 levels"
        );
        let shallow = format!(
            r#"{{"data": [{{"id": "a", "x": {}1{}}}]}}"#,
            "[".repeat(31),
            "]".repeat(31)
        );
        assert_eq!(Page::from_text(&shallow).unwrap().items[0].id(), "a");
        assert!(
            Page::from_text(r#"{"data": [{"id": "a", "n": 1e400}]}"#)
                .unwrap_err()
                .starts_with("an item of `data` is not readable as JSON (number out of range")
        );
        assert!(
            Page::from_text(r#"{"data": [}"#)
                .unwrap_err()
                .starts_with("the body is not JSON")
        );
        for (pagination, what) in [
            (
                r#"{"next-page": "2"}"#,
                "meta.pagination.next-page is \"2\", not a non-negative integer",
            ),
            (
                r#"{"total-pages": 5.0}"#,
                "meta.pagination.total-pages is 5.0, not a non-negative integer",
            ),
            (
                r#"{"total-count": -1}"#,
                "meta.pagination.total-count is -1, not a non-negative integer",
            ),
            (
                r#"{"current-page": [1]}"#,
                "meta.pagination.current-page is [1], not a non-negative integer",
            ),
        ] {
            let text = format!(r#"{{"data": [], "meta": {{"pagination": {pagination}}}}}"#);
            assert_eq!(Page::from_text(&text).unwrap_err(), what, "{text}");
            let doc: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(Page::from_document(&doc).unwrap_err(), what, "{text}");
        }
        let page = Page::from_text(
            r#"{"data": [], "meta": {"pagination": {"next-page": null, "prev-page": null, "total-count": 0}}}"#,
        )
        .unwrap();
        assert_eq!(page.pagination.unwrap().total_count, Some(0));
        // An `included` that is not an array is left out, as before.
        let page = Page::from_text(r#"{"data": [], "included": null}"#).unwrap();
        assert!(page.included.is_empty() && page.pagination.is_none());
    }
}
