//! The JSON:API documents tfvcs reads and writes. Responses stay `serde_json::Value` (so
//! `-o json` shows the server's document with its key order); the views below read the fields
//! tables need, treating every attribute as optional (older TFE releases lack some).

use serde_json::{Value, json};

use crate::shared::jsonapi::identifier;

/// Every item of every page of a list, in order, with the `included` resources if any came.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct ListDocument {
    pub(crate) data: Vec<Value>,
    pub(crate) included: Option<Vec<Value>>,
}

fn text(resource: &Value, pointer: &str) -> Option<String> {
    match resource.pointer(pointer)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn related_ids(resource: &Value, relationship: &str) -> Vec<String> {
    resource
        .pointer(&format!("/relationships/{relationship}/data"))
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get("id").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The fields of an `oauth-clients` resource that tfvcs shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ClientView {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) provider: Option<String>,
    pub(crate) provider_display_name: Option<String>,
    pub(crate) http_url: Option<String>,
    pub(crate) api_url: Option<String>,
    pub(crate) organization: Option<String>,
    pub(crate) organization_scoped: Option<bool>,
    pub(crate) projects: Vec<String>,
    pub(crate) agent_pool: Option<String>,
    pub(crate) token_ids: Vec<String>,
    pub(crate) callback_url: Option<String>,
    pub(crate) created_at: Option<String>,
}

impl ClientView {
    pub(crate) fn from_resource(resource: &Value) -> ClientView {
        ClientView {
            id: text(resource, "/id").unwrap_or_default(),
            name: text(resource, "/attributes/name"),
            provider: text(resource, "/attributes/service-provider"),
            provider_display_name: text(resource, "/attributes/service-provider-display-name"),
            http_url: text(resource, "/attributes/http-url"),
            api_url: text(resource, "/attributes/api-url"),
            organization: text(resource, "/relationships/organization/data/id"),
            organization_scoped: resource
                .pointer("/attributes/organization-scoped")
                .and_then(Value::as_bool),
            projects: related_ids(resource, "projects"),
            agent_pool: text(resource, "/relationships/agent-pool/data/id"),
            token_ids: related_ids(resource, "oauth-tokens"),
            callback_url: text(resource, "/attributes/callback-url"),
            created_at: text(resource, "/attributes/created-at"),
        }
    }
}

/// The fields of an `oauth-tokens` resource that tfvcs shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TokenView {
    pub(crate) id: String,
    pub(crate) client_id: Option<String>,
    pub(crate) user: Option<String>,
    pub(crate) has_ssh_key: Option<bool>,
    pub(crate) created_at: Option<String>,
}

impl TokenView {
    pub(crate) fn from_resource(resource: &Value) -> TokenView {
        TokenView {
            id: text(resource, "/id").unwrap_or_default(),
            client_id: text(resource, "/relationships/oauth-client/data/id"),
            user: text(resource, "/attributes/service-provider-user"),
            has_ssh_key: resource
                .pointer("/attributes/has-ssh-key")
                .and_then(Value::as_bool),
            created_at: text(resource, "/attributes/created-at"),
        }
    }
}

/// The `data` of a single-resource document.
pub(crate) fn primary(doc: &Value) -> &Value {
    doc.get("data").unwrap_or(&Value::Null)
}

/// `{"data": [{"type":"projects","id":…}, …]}`: a client's `projects` relationship, and the
/// body of add/remove projects.
pub(crate) fn project_list_body(project_ids: &[String]) -> Value {
    json!({ "data": project_ids.iter().map(|id| identifier("projects", id)).collect::<Vec<_>>() })
}

/// `{"data": {"type":"agent-pools","id":…}}`, or `{"data": null}` to detach the client.
pub(crate) fn agent_pool_relationship(pool: Option<&str>) -> Value {
    json!({ "data": pool.map(|id| identifier("agent-pools", id)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_view_reads_the_seed_sample() {
        let doc: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/client_create_response.json"
        ))
        .unwrap();
        let view = ClientView::from_resource(primary(&doc));
        assert_eq!(view.id, "oc-XKFwG6ggfA9n7t1K");
        assert_eq!(view.provider_display_name.as_deref(), Some("GitHub"));
        assert_eq!(view.organization.as_deref(), Some("my-organization"));
        assert_eq!(view.name, None);
        assert!(view.token_ids.is_empty());
    }
}
