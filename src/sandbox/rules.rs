//! What the sandbox accepts in request bodies, with TFE's rules: the provider rules of
//! SPEC §3 (shared with `client create` through `provider.rs`), existing projects, PEM SSH
//! keys. Every refusal is a 422 naming the member with `source.pointer`.

use serde_json::{Map, Value};

use super::documents::{Reply, error, invalid};
use super::store::State;
use crate::provider::Provider;
use crate::provider::{Credentials, is_absolute_http_url};

type Problems = Vec<(String, String)>;

/// The body as JSON; an empty body is `null` (DELETEs may send none).
pub fn parse_body(text: &str) -> Result<Value, Reply> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text).map_err(|e| {
        error(
            400,
            "bad request",
            Some(&format!(
                "the body is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            )),
        )
    })
}

/// `data` of the given type, or a 422.
fn data_of<'a>(body: &'a Value, kind: &str) -> Result<&'a Map<String, Value>, Reply> {
    let Some(data) = body.get("data").and_then(Value::as_object) else {
        return Err(invalid(vec![(
            "/data".into(),
            "data must be an object".into(),
        )]));
    };
    match data.get("type").and_then(Value::as_str) {
        Some(t) if t == kind => Ok(data),
        _ => Err(invalid(vec![(
            "/data/type".into(),
            format!("type must be \"{kind}\""),
        )])),
    }
}

fn attributes(data: &Map<String, Value>) -> Map<String, Value> {
    data.get("attributes")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// `Some(Some(text))` for a string, `Some(None)` for null, `None` when absent; other types are
/// a problem.
fn optional_text(
    attrs: &Map<String, Value>,
    key: &str,
    problems: &mut Problems,
) -> Option<Option<String>> {
    match attrs.get(key)? {
        Value::Null => Some(None),
        Value::String(s) => Some(Some(s.clone())),
        _ => {
            problems.push((
                format!("/data/attributes/{key}"),
                format!("{key} must be a string"),
            ));
            None
        }
    }
}

fn required_text(attrs: &Map<String, Value>, key: &str, problems: &mut Problems) -> Option<String> {
    let value = optional_text(attrs, key, problems).flatten();
    require(value, key, problems)
}

/// `value` if it is not blank; otherwise a "can't be blank" problem (unless `key` already
/// has one).
fn require(value: Option<String>, key: &str, problems: &mut Problems) -> Option<String> {
    let pointer = format!("/data/attributes/{key}");
    match value {
        Some(s) if !s.trim().is_empty() => Some(s),
        _ => {
            if !problems.iter().any(|(p, _)| *p == pointer) {
                problems.push((pointer, format!("{key} can't be blank")));
            }
            None
        }
    }
}

fn optional_bool(attrs: &Map<String, Value>, key: &str, problems: &mut Problems) -> Option<bool> {
    match attrs.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::Null => None,
        _ => {
            problems.push((
                format!("/data/attributes/{key}"),
                format!("{key} must be true or false"),
            ));
            None
        }
    }
}

/// The ids of `relationships.projects.data`, each an existing project.
fn project_relationship(
    data: &Map<String, Value>,
    state: &State,
    problems: &mut Problems,
) -> Option<Vec<String>> {
    let rel = data.get("relationships")?.get("projects")?;
    let pointer = "/data/relationships/projects/data";
    let Some(items) = rel.get("data").and_then(Value::as_array) else {
        problems.push((
            pointer.into(),
            "projects must be an array of project identifiers".into(),
        ));
        return None;
    };
    project_ids(items, state, pointer, problems)
}

fn project_ids(
    items: &[Value],
    state: &State,
    pointer: &str,
    problems: &mut Problems,
) -> Option<Vec<String>> {
    let mut ids = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str);
        match (item.get("type").and_then(Value::as_str), id) {
            (Some("projects"), Some(id)) if state.has_project(id) => {
                if !ids.iter().any(|seen| seen == id) {
                    ids.push(id.to_string());
                }
            }
            (Some("projects"), Some(id)) => {
                problems.push((format!("{pointer}/{i}"), format!("project {id} not found")))
            }
            _ => problems.push((
                format!("{pointer}/{i}"),
                "must be {\"type\": \"projects\", \"id\": …}".into(),
            )),
        }
    }
    Some(ids)
}

/// `relationships.agent-pool.data`: `Some(None)` to detach, `Some(Some(id))` to attach.
fn agent_pool_relationship(
    data: &Map<String, Value>,
    problems: &mut Problems,
) -> Option<Option<String>> {
    let rel = data.get("relationships")?.get("agent-pool")?;
    match rel.get("data") {
        Some(Value::Null) | None => Some(None),
        Some(item) => match (
            item.get("type").and_then(Value::as_str),
            item.get("id").and_then(Value::as_str),
        ) {
            (Some("agent-pools"), Some(id)) if id.starts_with("apool-") && id.len() > 6 => {
                Some(Some(id.to_string()))
            }
            _ => {
                problems.push((
                    "/data/relationships/agent-pool/data".into(),
                    "must be an agent pool identifier".into(),
                ));
                None
            }
        },
    }
}

pub struct ClientCreate {
    pub name: Option<String>,
    pub provider: Provider,
    pub http_url: String,
    pub api_url: String,
    pub key: Option<String>,
    pub secret: Option<String>,
    pub rsa_public_key: Option<String>,
    pub private_key: Option<String>,
    pub pat: Option<String>,
    pub organization_scoped: bool,
    pub projects: Vec<String>,
    pub agent_pool: Option<String>,
}

/// A create body, checked as TFE does. Attributes the sandbox does not know are ignored.
pub fn client_create(body: &Value, state: &State) -> Result<ClientCreate, Reply> {
    let data = data_of(body, "oauth-clients")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let provider = match attrs.get("service-provider").and_then(Value::as_str) {
        Some(name) => Provider::from_api_name(name).or_else(|| {
            problems.push((
                "/data/attributes/service-provider".into(),
                format!("service-provider {name:?} is not included in the list"),
            ));
            None
        }),
        None => {
            problems.push((
                "/data/attributes/service-provider".into(),
                "service-provider can't be blank".into(),
            ));
            None
        }
    };
    let url = |key: &str, problems: &mut Problems| {
        let value = required_text(&attrs, key, problems)?;
        if is_absolute_http_url(&value) {
            Some(value)
        } else {
            problems.push((
                format!("/data/attributes/{key}"),
                format!("{key} must be an absolute http(s) URL"),
            ));
            None
        }
    };
    let http_url = url("http-url", &mut problems);
    let api_url = url("api-url", &mut problems);
    let name = optional_text(&attrs, "name", &mut problems).flatten();
    let mut pat = optional_text(&attrs, "oauth-token-string", &mut problems)
        .flatten()
        .filter(|p| !p.is_empty());
    let mut key = optional_text(&attrs, "key", &mut problems).flatten();
    let mut secret = optional_text(&attrs, "secret", &mut problems).flatten();
    let mut rsa_public_key = optional_text(&attrs, "rsa-public-key", &mut problems).flatten();
    let private_key = optional_text(&attrs, "private-key", &mut problems).flatten();
    if let Some(provider) = provider {
        match provider.credentials() {
            Credentials::Pat | Credentials::PatAndPrivateKey => {
                pat = require(pat, "oauth-token-string", &mut problems);
            }
            Credentials::AppLink => {
                key = require(key, "key", &mut problems);
                secret = require(secret, "secret", &mut problems);
                rsa_public_key = require(rsa_public_key, "rsa-public-key", &mut problems);
            }
        }
        match (provider, &private_key) {
            (Provider::AdoServer, None) => problems.push((
                "/data/attributes/private-key".into(),
                "private-key can't be blank for ado_server".into(),
            )),
            (Provider::AdoServer, Some(_)) | (_, None) => {}
            (_, Some(_)) => problems.push((
                "/data/attributes/private-key".into(),
                "private-key is only supported by ado_server".into(),
            )),
        }
    }
    let organization_scoped =
        optional_bool(&attrs, "organization-scoped", &mut problems).unwrap_or(true);
    let projects = project_relationship(data, state, &mut problems).unwrap_or_default();
    let agent_pool = agent_pool_relationship(data, &mut problems).flatten();
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    Ok(ClientCreate {
        name,
        provider: provider.expect("checked above"),
        http_url: http_url.expect("checked above"),
        api_url: api_url.expect("checked above"),
        key,
        secret,
        rsa_public_key,
        private_key,
        pat,
        organization_scoped,
        projects,
        agent_pool,
    })
}

/// What a PATCH of a client changes; `None` leaves a field as it is.
#[derive(Default)]
pub struct ClientUpdate {
    pub name: Option<Option<String>>,
    pub key: Option<Option<String>>,
    pub secret: Option<Option<String>>,
    pub rsa_public_key: Option<Option<String>>,
    pub organization_scoped: Option<bool>,
    pub pat: Option<String>,
    pub projects: Option<Vec<String>>,
    pub agent_pool: Option<Option<String>>,
}

/// An update body. `service-provider`, `http-url`, `api-url` and `private-key` are not
/// updatable on TFE and are ignored, as are unknown attributes.
pub fn client_update(body: &Value, state: &State) -> Result<ClientUpdate, Reply> {
    let data = data_of(body, "oauth-clients")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let update = ClientUpdate {
        name: optional_text(&attrs, "name", &mut problems),
        key: optional_text(&attrs, "key", &mut problems),
        secret: optional_text(&attrs, "secret", &mut problems),
        rsa_public_key: optional_text(&attrs, "rsa-public-key", &mut problems),
        organization_scoped: optional_bool(&attrs, "organization-scoped", &mut problems),
        pat: match optional_text(&attrs, "oauth-token-string", &mut problems) {
            Some(Some(pat)) if !pat.trim().is_empty() => Some(pat),
            Some(_) => {
                problems.push((
                    "/data/attributes/oauth-token-string".into(),
                    "oauth-token-string can't be blank".into(),
                ));
                None
            }
            None => None,
        },
        projects: project_relationship(data, state, &mut problems),
        agent_pool: agent_pool_relationship(data, &mut problems),
    };
    if problems.is_empty() {
        Ok(update)
    } else {
        Err(invalid(problems))
    }
}

/// The body of add/remove projects: `{"data": [project identifiers]}`, at least one.
pub fn project_list(body: &Value, state: &State) -> Result<Vec<String>, Reply> {
    let Some(items) = body
        .get("data")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Err(invalid(vec![(
            "/data".into(),
            "data must be a non-empty array of project identifiers".into(),
        )]));
    };
    let mut problems = Problems::new();
    let ids = project_ids(items, state, "/data", &mut problems).unwrap_or_default();
    if problems.is_empty() {
        Ok(ids)
    } else {
        Err(invalid(problems))
    }
}

/// A token PATCH: the new `ssh-key` (`Some(None)` removes it), a PEM private key TFE can use.
pub fn token_update(body: &Value) -> Result<Option<Option<String>>, Reply> {
    let data = data_of(body, "oauth-tokens")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let key = optional_text(&attrs, "ssh-key", &mut problems);
    if let Some(Some(text)) = &key
        && !text.is_empty()
        && crate::shared::pem::check_ssh_private_key(text).is_err()
    {
        problems.push((
            "/data/attributes/ssh-key".into(),
            "ssh-key must be a PEM private key without a passphrase".into(),
        ));
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    Ok(key.map(|k| k.filter(|k| !k.is_empty())))
}
