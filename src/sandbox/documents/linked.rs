//! The resources that link a repository through a connection (SPEC §10): workspaces,
//! policy sets, private registry modules and Stacks, each with its `vcs-repo` as TFE shows it.

use serde_json::{Value, json};

use super::{API, built, identifier};
use crate::sandbox::rows::{Module, PolicySet, Stack, VcsRepo, Workspace};
use crate::sandbox::table::Tables;

/// The Terraform version a workspace created without one reports: TFE gives a new workspace
/// the latest release, and its API documents the attribute as a version string, never null.
const LATEST_TERRAFORM_VERSION: &str = "1.14.1";

/// The read-only members TFE derives from the connection: the provider, the repository's
/// web address and the webhook that VCS events arrive at.
fn derived(repo: &VcsRepo, tables: &Tables) -> (String, String, String) {
    let client = repo
        .oauth_token_id
        .as_deref()
        .and_then(|t| tables.tokens.get(t))
        .and_then(|t| tables.clients.get(&t.client_id));
    match client {
        Some(client) => (
            client.service_provider.clone(),
            format!(
                "{}/{}",
                client.http_url.trim_end_matches('/'),
                repo.identifier
            ),
            format!("https://app.terraform.io/webhooks/vcs/{}", client.uuid),
        ),
        // A GitHub App installation (or a connection deleted since): GitHub.com.
        None => (
            "github".to_string(),
            format!("https://github.com/{}", repo.identifier),
            "https://app.terraform.io/webhooks/github-app".to_string(),
        ),
    }
}

/// A workspace's `vcs-repo`: every member TFE sends, `branch` `""` for the default.
fn workspace_vcs_repo(repo: &VcsRepo, tables: &Tables) -> Value {
    let (provider, http_url, webhook) = derived(repo, tables);
    json!({
        "branch": repo.branch.clone().unwrap_or_default(),
        "identifier": repo.identifier,
        "display-identifier": repo.display_identifier,
        "ingress-submodules": repo.ingress_submodules,
        "oauth-token-id": repo.oauth_token_id,
        "github-app-installation-id": repo.github_app_installation_id,
        "tags-regex": repo.tags_regex,
        "service-provider": provider,
        "repository-http-url": http_url,
        "webhook-url": webhook,
    })
}

pub(crate) fn workspace_resource(workspace: &Workspace, org: &str, tables: &Tables) -> Value {
    let vcs_repo = workspace
        .vcs_repo
        .as_ref()
        .map(|r| workspace_vcs_repo(r, tables));
    built(json!({
        "id": workspace.id,
        "type": "workspaces",
        "attributes": {
            "name": workspace.name,
            "description": workspace.description,
            "auto-apply": workspace.auto_apply,
            "created-at": workspace.created_at,
            "updated-at": workspace.updated_at,
            "environment": "default",
            "execution-mode": workspace.execution_mode,
            "locked": false,
            "resource-count": 0,
            "source": "tfe-api",
            "terraform-version": workspace
                .terraform_version
                .as_deref()
                .unwrap_or(LATEST_TERRAFORM_VERSION),
            "working-directory": workspace.working_directory,
            "vcs-repo": vcs_repo,
            "vcs-repo-identifier": workspace.vcs_repo.as_ref().map(|r| &r.identifier),
            "actions": { "is-destroyable": true },
            "permissions": { "can-update": true, "can-destroy": true, "can-queue-run": true },
        },
        "relationships": {
            "organization": { "data": identifier("organizations", org) },
            "project": { "data": identifier("projects", &workspace.project_id) },
        },
        "links": {
            "self": format!("{API}/organizations/{org}/workspaces/{}", workspace.name),
            "self-html": format!("/app/{org}/workspaces/{}", workspace.name),
        },
    }))
}

pub(crate) fn policy_set_resource(set: &PolicySet, org: &str, tables: &Tables) -> Value {
    let mut attributes = json!({
        "name": set.name,
        "description": set.description,
        "global": set.global,
        "kind": set.kind,
        "overridable": set.overridable,
        "agent-enabled": set.agent_enabled,
        "policy-tool-version": set.policy_tool_version,
        "policies-path": set.policies_path,
        "policy-count": 0,
        "workspace-count": 0,
        "project-count": 0,
        "versioned": set.vcs_repo.is_some(),
        "created-at": set.created_at,
        "updated-at": set.updated_at,
    });
    // TFE's samples of sets without a repository have no `vcs-repo` key at all.
    if let Some(repo) = &set.vcs_repo {
        let (provider, http_url, webhook) = derived(repo, tables);
        attributes["vcs-repo"] = json!({
            "branch": repo.branch,
            "identifier": repo.identifier,
            "display-identifier": repo.display_identifier,
            "ingress-submodules": repo.ingress_submodules,
            "oauth-token-id": repo.oauth_token_id,
            "github-app-installation-id": repo.github_app_installation_id,
            "service-provider": provider,
            "repository-http-url": http_url,
            "webhook-url": webhook,
        });
    }
    let mut relationships = json!({
        "organization": { "data": identifier("organizations", org) },
    });
    if !set.global {
        relationships["projects"] = json!({ "data": [] });
        relationships["workspaces"] = json!({ "data": [] });
    }
    built(json!({
        "id": set.id,
        "type": "policy-sets",
        "attributes": attributes,
        "relationships": relationships,
        "links": { "self": format!("{API}/policy-sets/{}", set.id) },
    }))
}

fn module_path(module: &Module, org: &str) -> String {
    format!(
        "{API}/organizations/{org}/registry-modules/private/{}/{}/{}",
        module.namespace, module.name, module.provider
    )
}

/// A module as a list shows it: no `vcs-repo`, as in every TFE list sample.
pub(crate) fn module_list_item(module: &Module, org: &str) -> Value {
    let mut resource = module_resource_without_repo(module, org);
    resource["attributes"]
        .as_object_mut()
        .expect("an object")
        .remove("vcs-repo");
    built(resource)
}

/// A module as its own GET, create and PATCH show it, with its `vcs-repo`.
pub(crate) fn module_resource(module: &Module, org: &str, tables: &Tables) -> Value {
    let mut resource = module_resource_without_repo(module, org);
    let repo = &module.vcs_repo;
    let (provider, http_url, webhook) = derived(repo, tables);
    // TFE's module samples show a tag-based module's branch as `""` and name only the
    // connection in use: the module `vcs-repo` schema allows no null member.
    let mut vcs_repo = json!({
        "branch": repo.branch.clone().unwrap_or_default(),
        "ingress-submodules": repo.ingress_submodules,
        "identifier": repo.identifier,
        "display-identifier": repo.display_identifier,
        "tags": repo.branch.is_none(),
        "service-provider": provider,
        "repository-http-url": http_url,
        "webhook-url": webhook,
    });
    for (key, id) in [
        ("oauth-token-id", &repo.oauth_token_id),
        (
            "github-app-installation-id",
            &repo.github_app_installation_id,
        ),
    ] {
        if let Some(id) = id {
            vcs_repo[key] = json!(id);
        }
    }
    resource["attributes"]["vcs-repo"] = vcs_repo;
    built(resource)
}

fn module_resource_without_repo(module: &Module, org: &str) -> Value {
    let mechanism = if module.vcs_repo.branch.is_some() {
        "branch"
    } else {
        "git_tag"
    };
    json!({
        "id": module.id,
        "type": "registry-modules",
        "attributes": {
            "name": module.name,
            "namespace": module.namespace,
            "provider": module.provider,
            "registry-name": "private",
            "status": module.status,
            "version-statuses": [],
            "publishing-mechanism": mechanism,
            "no-code": false,
            "created-at": module.created_at,
            "updated-at": module.updated_at,
            "permissions": { "can-delete": true, "can-resync": true, "can-retry": true },
            "vcs-repo": null,
        },
        "relationships": {
            "organization": { "data": identifier("organizations", org) },
        },
        "links": { "self": module_path(module, org) },
    })
}

/// A Stack's `vcs-repo` as TFE's samples show it: `branch` `""` for the repository's default,
/// `oauth-token-id` always (null when linked through a GitHub App), and
/// `github-app-installation-id` only when it links through one (no sample shows that key).
fn stack_vcs_repo(repo: &VcsRepo, tables: &Tables) -> Value {
    let (provider, http_url, _) = derived(repo, tables);
    let mut shown = json!({
        "identifier": repo.identifier,
        "display-identifier": repo.display_identifier,
        "branch": repo.branch.clone().unwrap_or_default(),
        "tags-regex": repo.tags_regex,
        "sparse-checkout-pattern": null,
        "oauth-token-id": repo.oauth_token_id,
        "repository-http-url": http_url,
        "service-provider": provider,
        "trigger-disabled": false,
    });
    if let Some(app) = &repo.github_app_installation_id {
        shown["github-app-installation-id"] = json!(app);
    }
    shown
}

pub(crate) fn stack_resource(stack: &Stack, tables: &Tables) -> Value {
    built(json!({
        "id": stack.id,
        "type": "stacks",
        "attributes": {
            "name": stack.name,
            "description": stack.description,
            "speculative-enabled": stack.speculative_enabled,
            "creation-source": "api",
            "upstream-count": 0,
            "downstream-count": 0,
            "inputs-count": 0,
            "outputs-count": 0,
            "vcs-repo": stack.vcs_repo.as_ref().map(|r| stack_vcs_repo(r, tables)),
            "created-at": stack.created_at,
            "updated-at": stack.updated_at,
        },
        "relationships": {
            "project": { "data": identifier("projects", &stack.project_id) },
        },
        "links": { "self": format!("{API}/stacks/{}", stack.id) },
    }))
}
