//! The VCS connection resources: OAuth clients, OAuth tokens, projects and GitHub App
//! installations, with the `include=` documents a client list or show asks for.

use serde_json::{Value, json};

use super::{API, built, identifier};
use crate::provider::Provider;
use crate::sandbox::rows::{Client, Installation, Project, Token};
use crate::sandbox::table::Tables;

/// TFE names at most 25 affected workspaces and counts them all.
const AFFECTED_NAMES: usize = 25;

/// `affected-workspaces` and `affected-workspaces-count` for the workspaces linked through
/// these tokens (`show_affected_workspaces=true`).
fn add_affected<'a>(
    attributes: &mut Value,
    tables: &Tables,
    tokens: impl Iterator<Item = &'a str>,
) {
    let mut names = Vec::new();
    let mut count = 0;
    for token in tokens {
        for workspace in tables.workspaces_of(token) {
            if names.len() < AFFECTED_NAMES {
                names.push(workspace.name.clone());
            }
            count += 1;
        }
    }
    attributes["affected-workspaces"] = json!(names);
    attributes["affected-workspaces-count"] = json!(count);
}

/// An `oauth-clients` resource; `affected` adds the `show_affected_workspaces` attributes.
pub(crate) fn client_resource(
    client: &Client,
    org: &str,
    tables: &Tables,
    affected: bool,
) -> Value {
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
    if client.ado_org_name.is_some() || client.service_provider == "ado_services" {
        attributes["ado-org-name"] = json!(client.ado_org_name);
    }
    if affected {
        add_affected(
            &mut attributes,
            tables,
            tables.tokens_of(&client.id).map(|t| t.id.as_str()),
        );
    }
    let tokens: Vec<Value> = tables
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
    built(json!({
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
    }))
}

/// An `oauth-tokens` resource, with exactly the documented attributes (and the affected
/// workspaces when asked, as for clients).
pub(crate) fn token_resource(token: &Token, tables: &Tables, affected: bool) -> Value {
    let mut attributes = json!({
        "created-at": token.created_at,
        "service-provider-user": token.service_provider_user,
        "has-ssh-key": token.ssh_key_digest.is_some(),
    });
    if affected {
        add_affected(&mut attributes, tables, std::iter::once(token.id.as_str()));
    }
    built(json!({
        "id": token.id,
        "type": "oauth-tokens",
        "attributes": attributes,
        "relationships": {
            "oauth-client": {
                "data": identifier("oauth-clients", &token.client_id),
                "links": { "related": format!("{API}/oauth-clients/{}", token.client_id) },
            },
        },
        "links": { "self": format!("{API}/oauth-tokens/{}", token.id) },
    }))
}

pub(crate) fn project_resource(project: &Project, org: &str) -> Value {
    built(json!({
        "id": project.id,
        "type": "projects",
        "attributes": {
            "name": project.name,
            "description": project.description,
            "created-at": project.created_at,
        },
        "relationships": { "organization": { "data": identifier("organizations", org) } },
        "links": { "self": format!("{API}/projects/{}", project.id) },
    }))
}

pub(crate) fn installation_resource(installation: &Installation) -> Value {
    built(json!({
        "id": installation.id,
        "type": "github-app-installations",
        "attributes": {
            "name": installation.name,
            "installation-id": installation.installation_id,
            "icon-url": format!("https://avatars.githubusercontent.com/u/{}?v=4", installation.installation_id),
            "installation-type": installation.installation_type,
            "installation-url": installation.installation_url,
        },
    }))
}

/// The `included` resources a client list or show asked for with `include=`.
pub(crate) fn included_for(
    clients: &[&Client],
    include: &[String],
    tables: &Tables,
    org: &str,
) -> Vec<Value> {
    let mut included = Vec::new();
    let mut projects_seen: Vec<&str> = Vec::new();
    for client in clients {
        if include.iter().any(|i| i == "oauth_tokens") {
            included.extend(
                tables
                    .tokens_of(&client.id)
                    .map(|t| token_resource(t, tables, false)),
            );
        }
        if include.iter().any(|i| i == "projects") {
            for id in &client.projects {
                if let Some(project) = tables.projects.get(id)
                    && !projects_seen.contains(&id.as_str())
                {
                    projects_seen.push(id);
                    included.push(project_resource(project, org));
                }
            }
        }
    }
    included
}
