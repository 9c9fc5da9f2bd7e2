//! `tfvcs client update`: changes a client's name, app-link keys, Azure DevOps organization,
//! scope, projects or agent pool with one PATCH; only what is given is sent.

use serde_json::{Map, Value, json};

use crate::api::body::Fields;

use super::{check_ado_org_name, client_document};
use crate::api::client::{ApiRequest, Method};
use crate::api::model::{agent_pool_relationship, project_list_body};
use crate::api::paths;
use crate::cli::{AgentPoolChange, ClientUpdateArgs};
use crate::commands::Context;
use crate::commands::resolve::{resolve_client, resolve_projects};
use crate::error::{Fail, Result};
use crate::secret;

pub(crate) fn update(ctx: &Context, args: ClientUpdateArgs) -> Result<()> {
    secret::check_single_stdin(&[
        ("--secret-file", args.secret_file.as_deref()),
        ("--rsa-public-key-file", args.rsa_public_key_file.as_deref()),
    ])?;
    let mut attributes = Fields::new();
    if let Some(name) = &args.name {
        attributes.insert("name", json!(name));
    }
    if let Some(key) = &args.key {
        attributes.insert("key", json!(key));
    }
    if let Some(path) = &args.secret_file {
        attributes.insert("secret", secret::read_secret_file(path, "--secret-file")?);
    }
    if let Some(path) = &args.rsa_public_key_file {
        let key = secret::read_public_file(path, "--rsa-public-key-file")?;
        attributes.insert("rsa-public-key", json!(key));
    }
    if let Some(name) = &args.ado_org_name {
        check_ado_org_name(name)?;
        attributes.insert("ado-org-name", json!(name));
    }
    if args.clear_ado_org_name {
        attributes.insert("ado-org-name", Value::Null);
    }
    if let Some(scoped) = args.org_scoped {
        attributes.insert("organization-scoped", json!(scoped));
    }
    let mut relationships = Map::new();
    if !args.projects.is_empty() || args.clear_projects {
        let ids = resolve_projects(ctx, &args.projects)?;
        relationships.insert("projects".into(), project_list_body(&ids));
    }
    if let Some(pool) = &args.agent_pool {
        let pool = match pool {
            AgentPoolChange::Attach(id) => Some(&**id),
            AgentPoolChange::Detach => None,
        };
        relationships.insert("agent-pool".into(), agent_pool_relationship(pool));
    }
    if attributes.is_empty() && relationships.is_empty() {
        return Err(
            Fail::usage("nothing to update: give at least one option").hint(
                "see `tfvcs client update --help`; to rotate the PAT use `tfvcs client set-pat`",
            ),
        );
    }
    let id = resolve_client(ctx, &args.client.client)?;
    let request = ApiRequest::new(Method::PATCH, paths::client(&id))
        .body(client_document(attributes, relationships));
    if let Some(doc) = ctx.write_document(&request, args.dry_run.requested)? {
        ctx.out.client(&doc)?;
    }
    Ok(())
}
