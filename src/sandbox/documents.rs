//! The JSON:API documents the sandbox answers with, shaped like TFE's: resources, error
//! objects, and paginated lists with `meta.pagination` and `links`.

use serde_json::{Map, Value, json};

use super::store::{Client, Project, State, Token};
use crate::provider::Provider;
use crate::shared::jsonapi::encode_component;

pub const API: &str = "/api/v2";

/// A response before it is written: status, JSON body (none for 204) and extra headers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: Option<Value>,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            body: Some(body),
            headers: Vec::new(),
        }
    }

    pub fn no_content() -> Reply {
        Reply {
            status: 204,
            body: None,
            headers: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

/// One JSON:API error object.
pub fn error_object(
    status: u16,
    title: &str,
    detail: Option<&str>,
    pointer: Option<&str>,
) -> Value {
    let mut error = Map::new();
    error.insert("status".into(), json!(status.to_string()));
    error.insert("title".into(), json!(title));
    if let Some(detail) = detail {
        error.insert("detail".into(), json!(detail));
    }
    if let Some(pointer) = pointer {
        error.insert("source".into(), json!({ "pointer": pointer }));
    }
    Value::Object(error)
}

pub fn error(status: u16, title: &str, detail: Option<&str>) -> Reply {
    Reply::json(
        status,
        json!({ "errors": [error_object(status, title, detail, None)] }),
    )
}

pub fn not_found() -> Reply {
    error(404, "not found", None)
}

pub fn unauthorized() -> Reply {
    error(401, "unauthorized", None)
}

/// 422 with one error object per invalid member, each with its `source.pointer`.
pub fn invalid(problems: Vec<(String, String)>) -> Reply {
    let errors: Vec<Value> = problems
        .iter()
        .map(|(pointer, detail)| {
            error_object(422, "invalid attribute", Some(detail), Some(pointer))
        })
        .collect();
    Reply::json(422, json!({ "errors": errors }))
}

fn identifier(kind: &str, id: &str) -> Value {
    json!({ "type": kind, "id": id })
}

/// An `oauth-clients` resource. `affected` adds the `show_affected_workspaces` attributes
/// (the sandbox has no workspaces, so none are ever affected).
pub fn client_resource(client: &Client, org: &str, state: &State, affected: bool) -> Value {
    let display = Provider::from_api_name(&client.service_provider).map(Provider::display_name);
    let mut attributes = json!({
        "created-at": client.created_at,
        "callback-url": format!("https://app.terraform.io/auth/{}/callback", client.uuid),
        "connect-path": format!("/auth/{}?organization_id=1", client.uuid),
        "service-provider": client.service_provider,
        "service-provider-display-name": display,
        "name": client.name,
        "http-url": client.http_url,
        "api-url": client.api_url,
        "key": client.key,
        "rsa-public-key": client.rsa_public_key,
        "organization-scoped": client.organization_scoped,
    });
    if affected {
        attributes["affected-workspaces"] = json!([]);
        attributes["affected-workspaces-count"] = json!(0);
    }
    let tokens: Vec<Value> = state
        .tokens_of(&client.id)
        .map(|t| identifier("oauth-tokens", &t.id))
        .collect();
    let projects: Vec<Value> = client
        .projects
        .iter()
        .map(|p| identifier("projects", p))
        .collect();
    let agent_pool = match &client.agent_pool {
        Some(pool) => {
            json!({ "data": identifier("agent-pools", pool), "links": { "related": format!("{API}/agent-pools/{pool}") } })
        }
        None => json!({ "data": null }),
    };
    json!({
        "id": client.id,
        "type": "oauth-clients",
        "attributes": attributes,
        "relationships": {
            "organization": { "data": identifier("organizations", org), "links": { "related": format!("{API}/organizations/{org}") } },
            "oauth-tokens": { "data": tokens, "links": { "related": format!("{API}/oauth-clients/{}/oauth-tokens", client.id) } },
            "projects": { "data": projects },
            "agent-pool": agent_pool,
        },
        "links": { "self": format!("{API}/oauth-clients/{}", client.id) },
    })
}

/// An `oauth-tokens` resource, with exactly the documented attributes.
pub fn token_resource(token: &Token) -> Value {
    json!({
        "id": token.id,
        "type": "oauth-tokens",
        "attributes": {
            "created-at": token.created_at,
            "service-provider-user": token.service_provider_user,
            "has-ssh-key": token.ssh_key_digest.is_some(),
        },
        "relationships": {
            "oauth-client": {
                "data": identifier("oauth-clients", &token.client_id),
                "links": { "related": format!("{API}/oauth-clients/{}", token.client_id) },
            },
        },
        "links": { "self": format!("{API}/oauth-tokens/{}", token.id) },
    })
}

pub fn project_resource(project: &Project, org: &str) -> Value {
    json!({
        "id": project.id,
        "type": "projects",
        "attributes": { "name": project.name, "created-at": project.created_at },
        "relationships": { "organization": { "data": identifier("organizations", org) } },
        "links": { "self": format!("{API}/projects/{}", project.id) },
    })
}

/// The `included` resources a client list or show asked for with `include=`.
pub fn included_for(
    clients: &[&Client],
    include: &[String],
    state: &State,
    org: &str,
) -> Vec<Value> {
    let mut included = Vec::new();
    for client in clients {
        if include.iter().any(|i| i == "oauth_tokens") {
            included.extend(state.tokens_of(&client.id).map(token_resource));
        }
        if include.iter().any(|i| i == "projects") {
            for id in &client.projects {
                if let Some(project) = state.projects.iter().find(|p| &p.id == id)
                    && !included.iter().any(|v: &Value| v["id"] == json!(id))
                {
                    included.push(project_resource(project, org));
                }
            }
        }
    }
    included
}

/// Page numbers and size from the query, as TFE reads them; `None` when neither is given
/// (then a list is not paginated).
pub fn page_request(query: &[(String, String)]) -> Option<(usize, usize)> {
    let get = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let (number, size) = (get("page[number]"), get("page[size]"));
    if number.is_none() && size.is_none() {
        return None;
    }
    let number = number
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1);
    let size = size
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|s| *s >= 1)
        .unwrap_or(20)
        .min(100);
    Some((number, size))
}

/// A list document: one page of `items` with `meta.pagination` and absolute `links` (other
/// query parameters kept), or everything when no page parameter was sent.
pub fn list_document(
    items: Vec<Value>,
    query: &[(String, String)],
    origin: &str,
    path: &str,
) -> Value {
    let total = items.len();
    let (number, size) = page_request(query).unwrap_or((1, total.max(1)));
    let total_pages = total.div_ceil(size).max(1);
    let data: Vec<Value> = items
        .into_iter()
        .skip((number - 1).saturating_mul(size))
        .take(size)
        .collect();
    let kept: String = query
        .iter()
        .filter(|(k, _)| k != "page[number]" && k != "page[size]")
        .map(|(k, v)| format!("{}={}&", encode_component(k), encode_component(v)))
        .collect();
    let link = |n: usize| {
        json!(format!(
            "{origin}{path}?{kept}page%5Bnumber%5D={n}&page%5Bsize%5D={size}"
        ))
    };
    let prev = if number > 1 { Some(number - 1) } else { None };
    let next = if number < total_pages {
        Some(number + 1)
    } else {
        None
    };
    json!({
        "data": data,
        "links": {
            "self": link(number),
            "first": link(1),
            "prev": prev.map(link),
            "next": next.map(link),
            "last": link(total_pages),
        },
        "meta": { "pagination": {
            "current-page": number,
            "page-size": size,
            "prev-page": prev,
            "next-page": next,
            "total-pages": total_pages,
            "total-count": total,
        } },
    })
}
