//! Request bodies whose secrets stay typed. A [`Body`] is a JSON document in which a secret is
//! a [`Secret`], not a string, from the moment a command puts it there until
//! [`Body::to_wire`] serialises the request. Whatever shows a body to a person (`--dry-run`,
//! `-vv`) gets [`Body::redacted`], which prints every secret as `"[redacted]"` because of its
//! type, whatever key it sits under, known to tfvcs or not.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::secret::Secret;

/// How a secret is shown in a body printed for a person.
pub(crate) const REDACTED: &str = "[redacted]";

/// A JSON value whose leaves may be secrets.
#[derive(Clone, PartialEq)]
pub enum Body {
    /// Public JSON, sent and shown as it is.
    Json(Value),
    /// A secret string: sent as its value, shown as `"[redacted]"`.
    Secret(Secret),
    /// A number of a document tfvcs did not build, sent exactly as read: `1e2` stays `1e2`
    /// and a 20-digit integer keeps every digit (a `Value` would make them `100.0` and a
    /// rounded float).
    Number(RawNumber),
    Object(Fields),
    Array(Vec<Body>),
}

/// The members of a JSON object, in order; setting a key again replaces its value in place.
#[derive(Clone, Default, PartialEq)]
pub struct Fields(Vec<(String, Body)>);

impl Fields {
    pub(crate) fn new() -> Self {
        Fields::default()
    }

    pub(crate) fn insert(&mut self, key: impl Into<String>, value: impl Into<Body>) {
        let (key, value) = (key.into(), value.into());
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((key, value)),
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Body> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A public string member, if set and not empty.
    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            Body::Json(Value::String(s)) if !s.is_empty() => Some(s),
            _ => None,
        }
    }

    /// A public member, if set.
    pub(crate) fn json(&self, key: &str) -> Option<&Value> {
        match self.get(key)? {
            Body::Json(value) => Some(value),
            _ => None,
        }
    }

    /// A secret member, if set.
    pub(crate) fn secret(&self, key: &str) -> Option<&Secret> {
        match self.get(key)? {
            Body::Secret(secret) => Some(secret),
            _ => None,
        }
    }

    /// Whether `key` holds a non-empty value, public or secret.
    pub(crate) fn is_set(&self, key: &str) -> bool {
        self.text(key).is_some() || self.secret(key).is_some_and(|s| !s.expose().is_empty())
    }

    /// Whether any member, at any depth, is a secret.
    pub(crate) fn holds_secret(&self) -> bool {
        self.0.iter().any(|(_, v)| v.holds_secret())
    }

    /// The members of a JSON object tfvcs did not build (a `--payload`'s attributes), from
    /// its text: those named in `public` are public; every other string, at any depth, is
    /// taken for a secret, since tfvcs cannot know what an attribute it does not know holds.
    /// Numbers are kept as written. `Err` says what is wrong with the text.
    pub(crate) fn from_untrusted(object: &str, public: &[&str]) -> Result<Fields, String> {
        let members: RawMembers = serde_json::from_str(object).map_err(|e| e.to_string())?;
        let mut fields = Fields::new();
        for (key, raw) in members.0 {
            let value = match raw_number(&raw) {
                Some(number) => number,
                None if public.contains(&key.as_str()) => {
                    Body::Json(serde_json::from_str(raw.get()).map_err(|e| e.to_string())?)
                }
                None => Body::untrusted(&raw)?,
            };
            fields.insert(key, value);
        }
        Ok(fields)
    }
}

impl From<Value> for Body {
    fn from(value: Value) -> Body {
        Body::Json(value)
    }
}

impl From<Secret> for Body {
    fn from(secret: Secret) -> Body {
        Body::Secret(secret)
    }
}

impl From<Fields> for Body {
    fn from(fields: Fields) -> Body {
        Body::Object(fields)
    }
}

impl Body {
    /// A value of unknown meaning, from its text: every string in it becomes a secret, every
    /// number stays as written.
    fn untrusted(raw: &RawValue) -> Result<Body, String> {
        let text = raw.get();
        let parse_error = |e: serde_json::Error| e.to_string();
        if let Some(number) = raw_number(raw) {
            return Ok(number);
        }
        Ok(match text.trim_start().as_bytes().first() {
            Some(b'"') => Body::Secret(Secret::new(
                serde_json::from_str::<String>(text).map_err(parse_error)?,
            )),
            Some(b'[') => Body::Array(
                serde_json::from_str::<Vec<Box<RawValue>>>(text)
                    .map_err(parse_error)?
                    .iter()
                    .map(|item| Body::untrusted(item))
                    .collect::<Result<_, _>>()?,
            ),
            Some(b'{') => Body::Object(Fields::from_untrusted(text, &[])?),
            // true, false, null
            _ => Body::Json(serde_json::from_str(text).map_err(parse_error)?),
        })
    }

    /// The body for a person to read: every secret is `"[redacted]"`.
    pub fn redacted(&self) -> Value {
        match self {
            Body::Json(value) => value.clone(),
            Body::Secret(_) => Value::String(REDACTED.into()),
            // Shown as a `Value` holds it; sent as written.
            Body::Number(raw) => serde_json::from_str(raw.0.get()).unwrap_or(Value::Null),
            Body::Object(fields) => Value::Object(
                fields
                    .0
                    .iter()
                    .map(|(k, v)| (k.clone(), v.redacted()))
                    .collect(),
            ),
            Body::Array(items) => Value::Array(items.iter().map(Body::redacted).collect()),
        }
    }

    /// The bytes sent: the one place a body's secrets are exposed.
    pub fn to_wire(&self) -> Vec<u8> {
        serde_json::to_vec(&Serialised {
            body: self,
            expose: true,
        })
        .expect("a body of JSON values serialises")
    }

    /// The body as text for a person (`--dry-run`, `-vv`), pretty-printed or compact: every
    /// secret `"[redacted]"`, every number as it will be sent (which [`Body::redacted`]'s
    /// `Value` cannot hold: `1e2` would show as `100.0`).
    pub fn redacted_text(&self, pretty: bool) -> String {
        let shown = Serialised {
            body: self,
            expose: false,
        };
        if pretty {
            serde_json::to_string_pretty(&shown)
        } else {
            serde_json::to_string(&shown)
        }
        .expect("a body of JSON values serialises")
    }

    /// Every secret in the body, to keep them out of what is traced of the answer.
    pub(crate) fn secrets(&self) -> Vec<&Secret> {
        match self {
            Body::Json(_) | Body::Number(_) => Vec::new(),
            Body::Secret(secret) => vec![secret],
            Body::Object(fields) => fields.0.iter().flat_map(|(_, v)| v.secrets()).collect(),
            Body::Array(items) => items.iter().flat_map(Body::secrets).collect(),
        }
    }

    fn holds_secret(&self) -> bool {
        !self.secrets().is_empty()
    }
}

/// `{"data": {"type": resource_type, "attributes": …, "relationships": …}}`: a JSON:API
/// write document. `attributes` is always there, `{}` when no attribute changes (the API's
/// schemas require the member, and TFE keeps every attribute a PATCH leaves out);
/// `relationships` only when one is given.
pub(crate) fn document(
    resource_type: &str,
    attributes: Fields,
    relationships: Map<String, Value>,
) -> Body {
    let mut data = Fields::new();
    data.insert("type", Value::String(resource_type.into()));
    data.insert("attributes", attributes);
    if !relationships.is_empty() {
        data.insert("relationships", Value::Object(relationships));
    }
    let mut doc = Fields::new();
    doc.insert("data", data);
    Body::Object(doc)
}

/// A JSON number as its text; equal when written alike.
#[derive(Clone)]
pub struct RawNumber(Box<RawValue>);

impl PartialEq for RawNumber {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

/// A JSON number kept as its text, or `None` for any other value.
fn raw_number(raw: &RawValue) -> Option<Body> {
    matches!(
        raw.get().trim_start().as_bytes().first(),
        Some(b'-' | b'0'..=b'9')
    )
    .then(|| Body::Number(RawNumber(raw.to_owned())))
}

/// The members of a JSON object in order, each value as its text.
struct RawMembers(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for RawMembers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = RawMembers;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMembers, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Box<RawValue>>()? {
                    members.push(member);
                }
                Ok(RawMembers(members))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// A body serialised with its secrets' values (`expose`, for the wire) or as `"[redacted]"`:
/// private, so that only `to_wire` can expose them.
struct Serialised<'a> {
    body: &'a Body,
    expose: bool,
}

impl Serialize for Serialised<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let inner = |body| Serialised {
            body,
            expose: self.expose,
        };
        match self.body {
            Body::Json(value) => value.serialize(serializer),
            Body::Secret(secret) if self.expose => serializer.serialize_str(secret.expose()),
            Body::Secret(_) => serializer.serialize_str(REDACTED),
            Body::Number(raw) => raw.0.serialize(serializer),
            Body::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.0.len()))?;
                for (key, value) in &fields.0 {
                    map.serialize_entry(key, &inner(value))?;
                }
                map.end()
            }
            Body::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&inner(item))?;
                }
                seq.end()
            }
        }
    }
}

/// Attribute names whose values are secrets in what the server sends back (SPEC §7): an
/// answer is untyped text, so it is redacted by name.
const SECRET_RESPONSE_ATTRIBUTES: [&str; 4] =
    ["oauth-token-string", "secret", "private-key", "ssh-key"];

/// An answer for the `-vv` trace: the attributes of SPEC §7 redacted by name, and any string
/// holding one of the secrets just `sent` redacted too (a server that echoes a request must
/// not make tfvcs print what it typed as a secret).
pub(crate) fn redact_response(doc: &Value, sent: &[&Secret]) -> Value {
    let holds_sent = |s: &str| {
        sent.iter()
            .any(|secret| !secret.expose().is_empty() && s.contains(secret.expose()))
    };
    match doc {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if SECRET_RESPONSE_ATTRIBUTES.contains(&k.as_str()) && !v.is_null() {
                        Value::String(REDACTED.into())
                    } else {
                        redact_response(v, sent)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| redact_response(v, sent)).collect())
        }
        Value::String(s) if holds_sent(s) => Value::String(REDACTED.into()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body() -> Body {
        let mut attributes = Fields::new();
        attributes.insert("name", json!("n"));
        attributes.insert("oauth-token-string", Secret::new("pat-CANARY"));
        attributes.insert("x-unknown", Secret::new("other-CANARY"));
        attributes.insert("organization-scoped", json!(true));
        let mut data = Fields::new();
        data.insert("type", json!("oauth-clients"));
        data.insert("attributes", attributes);
        let mut doc = Fields::new();
        doc.insert("data", data);
        Body::Object(doc)
    }

    #[test]
    fn secrets_are_sent_as_their_values_in_order() {
        assert_eq!(
            String::from_utf8(body().to_wire()).unwrap(),
            r#"{"data":{"type":"oauth-clients","attributes":{"name":"n","oauth-token-string":"pat-CANARY","x-unknown":"other-CANARY","organization-scoped":true}}}"#
        );
    }

    #[test]
    fn redaction_follows_the_type_not_the_key() {
        let shown = body().redacted().to_string();
        assert_eq!(
            shown,
            r#"{"data":{"type":"oauth-clients","attributes":{"name":"n","oauth-token-string":"[redacted]","x-unknown":"[redacted]","organization-scoped":true}}}"#
        );
        // A public value under a secret-sounding key is public: it is the type that counts.
        let mut fields = Fields::new();
        fields.insert("secret", json!("not one"));
        assert_eq!(
            Body::Object(fields).redacted(),
            json!({"secret": "not one"})
        );
    }

    #[test]
    fn untrusted_strings_are_secrets_unless_named_public() {
        let members = r#"{"name": "n", "service-provider": "github", "x-token": "CANARY",
                          "nested": {"deep": ["CANARY", 1]}, "flag": false}"#;
        let fields = Fields::from_untrusted(members, &["name", "service-provider"]).unwrap();
        assert!(fields.holds_secret());
        assert_eq!(fields.text("service-provider"), Some("github"));
        assert_eq!(fields.text("x-token"), None);
        assert!(fields.is_set("x-token"));
        let shown = Body::Object(fields.clone()).redacted().to_string();
        assert!(!shown.contains("CANARY"), "{shown}");
        assert!(shown.contains(r#""flag":false"#) && shown.contains(r#""name":"n""#));
        let sent = String::from_utf8(Body::Object(fields).to_wire()).unwrap();
        assert!(sent.contains(r#""deep":["CANARY",1]"#), "{sent}");
    }

    #[test]
    fn a_document_always_carries_attributes_and_relationships_only_when_given() {
        let mut projects = Map::new();
        projects.insert("projects".into(), json!({"data": []}));
        let only_relationships = document("oauth-clients", Fields::new(), projects);
        assert_eq!(
            String::from_utf8(only_relationships.to_wire()).unwrap(),
            r#"{"data":{"type":"oauth-clients","attributes":{},"relationships":{"projects":{"data":[]}}}}"#
        );
        assert_eq!(
            only_relationships.redacted(),
            json!({"data": {"type": "oauth-clients", "attributes": {},
                            "relationships": {"projects": {"data": []}}}})
        );
        let mut attributes = Fields::new();
        attributes.insert("name", json!("n"));
        assert_eq!(
            document("oauth-clients", attributes, Map::new()).redacted(),
            json!({"data": {"type": "oauth-clients", "attributes": {"name": "n"}}})
        );
    }

    #[test]
    fn untrusted_numbers_are_sent_byte_for_byte() {
        let members = r#"{"e": 1e2, "big": 12345678901234567890123, "neg": -0.50,
                          "deep": [{"n": 9007199254740993}], "public": 1E+2}"#;
        let fields = Fields::from_untrusted(members, &["public"]).unwrap();
        let expected = r#"{"e":1e2,"big":12345678901234567890123,"neg":-0.50,"deep":[{"n":9007199254740993}],"public":1E+2}"#;
        let body = Body::Object(fields);
        assert_eq!(String::from_utf8(body.to_wire()).unwrap(), expected);
        assert_eq!(body.redacted_text(false), expected, "shown as sent");
    }

    #[test]
    fn redacted_text_hides_secrets_like_redacted() {
        assert_eq!(body().redacted_text(false), body().redacted().to_string());
    }

    #[test]
    fn responses_are_redacted_by_name_and_by_what_was_sent() {
        let pat = Secret::new("pat-CANARY");
        let doc = json!({"data": {"attributes": {"ssh-key": "k", "echo": "got pat-CANARY", "name": "n"}}});
        assert_eq!(
            redact_response(&doc, &[&pat]),
            json!({"data": {"attributes": {"ssh-key": "[redacted]", "echo": "[redacted]", "name": "n"}}})
        );
    }
}
