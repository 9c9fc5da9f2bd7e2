//! Reading a `client create --payload` document (SPEC §3): bounded like every secret source,
//! parsed without ever quoting it, and typed at once: its attributes become [`Fields`] in
//! which every value not known to be public is a secret.

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::api::body::Fields;
use crate::error::{Fail, Result};
use crate::secret::{self, Holds};

/// The attributes of an OAuth client that hold no secret. A `--payload` attribute not named
/// here is sent on as the payload has it, but kept as a secret: shown as `"[redacted]"`.
pub const PUBLIC_ATTRIBUTES: [&str; 9] = [
    "service-provider",
    "name",
    "key",
    "http-url",
    "api-url",
    "rsa-public-key",
    "organization-scoped",
    "ado-org-name",
    "ado-entra-tenant-id",
];

/// The attributes (typed: secrets as secrets) and relationships of a `--payload` document.
pub struct Payload {
    pub attributes: Fields,
    pub(crate) relationships: Map<String, Value>,
}

/// Reads and parses the payload at `path` (`-`: stdin); warns when it is a file others can
/// read and it carries a secret.
pub(crate) fn read(path: &Path) -> Result<Payload> {
    let source = secret::read_source(path, "--payload", Holds::Public)?;
    let payload = parse(&source.text, &secret::source_name(path))?;
    // A payload is a secret file only when it carries a secret (SPEC §3).
    if payload.attributes.holds_secret() {
        secret::warn_if_shared(&source, path);
    }
    Ok(payload)
}

/// The document's attributes as their text, so their numbers can be sent as written.
#[derive(Deserialize)]
struct RawDocument<'a> {
    #[serde(borrow)]
    data: RawData<'a>,
}

#[derive(Deserialize)]
struct RawData<'a> {
    #[serde(borrow, default)]
    attributes: Option<&'a RawValue>,
}

/// Parses a payload's text; `name` says where it came from in messages, which never quote
/// the text. A UTF-8 byte-order mark at the start (as some Windows editors write) is skipped.
pub fn parse(text: &str, name: &str) -> Result<Payload> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde_json's syntax errors never quote the input, so a PAT in the file cannot leak here.
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        Fail::usage(format!(
            "--payload {name}: invalid JSON at line {}, column {}",
            e.line(),
            e.column()
        ))
    })?;
    let data = doc.get("data").and_then(Value::as_object).ok_or_else(|| {
        Fail::usage(format!(
            "--payload {name}: no `data` object (expected a JSON:API document)"
        ))
    })?;
    match data.get("type").and_then(Value::as_str) {
        Some("oauth-clients") => {}
        other => {
            return Err(Fail::usage(format!(
                "--payload {name}: data.type must be \"oauth-clients\", not {}",
                other
                    .map(|t| format!("{t:?}"))
                    .unwrap_or_else(|| "missing".into())
            )));
        }
    }
    let object = |key: &str| -> Result<Map<String, Value>> {
        match data.get(key) {
            None | Some(Value::Null) => Ok(Map::new()),
            Some(Value::Object(map)) => Ok(map.clone()),
            Some(_) => Err(Fail::usage(format!(
                "--payload {name}: data.{key} must be an object"
            ))),
        }
    };
    object("attributes")?;
    // The text was read as JSON above; this reads it again for the attributes' own text.
    // serde's messages name a key at most (`duplicate field`), never a value.
    let unreadable = |what: String| Fail::usage(format!("--payload {name}: {what}"));
    let raw: RawDocument = serde_json::from_str(text).map_err(|e| unreadable(e.to_string()))?;
    let attributes = match raw.data.attributes {
        Some(raw) => Fields::from_untrusted(raw.get(), &PUBLIC_ATTRIBUTES).map_err(unreadable)?,
        None => Fields::new(),
    };
    Ok(Payload {
        attributes,
        relationships: object("relationships")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::body::Body;

    #[test]
    fn attributes_are_typed_on_reading() {
        let payload = parse(
            r#"{"data":{"type":"oauth-clients","attributes":{"name":"n","oauth-token-string":"CANARY","x":"CANARY"},"relationships":{"projects":{"data":[]}}}}"#,
            "p",
        )
        .unwrap();
        let shown = Body::Object(payload.attributes).redacted().to_string();
        assert_eq!(
            shown,
            r#"{"name":"n","oauth-token-string":"[redacted]","x":"[redacted]"}"#
        );
        assert!(payload.relationships.contains_key("projects"));
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_numbers_are_kept_as_written() {
        let payload = parse(
            "\u{feff}{\"data\":{\"type\":\"oauth-clients\",\"attributes\":{\"x-n\":1e2,\"x-big\":123456789012345678901}}}",
            "p",
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(Body::Object(payload.attributes).to_wire()).unwrap(),
            r#"{"x-n":1e2,"x-big":123456789012345678901}"#
        );
    }

    #[test]
    fn malformed_payloads_are_refused_without_quoting_them() {
        for text in [
            r#"{"data": {"attributes": {"oauth-token-string": "CANARY" ,, }}"#,
            r#"["CANARY"]"#,
            r#"{"data": {"type": "oauth-clients", "attributes": "CANARY"}}"#,
        ] {
            let err = parse(text, "p").err().expect(text);
            assert!(!err.message.contains("CANARY"), "{}", err.message);
        }
    }
}
