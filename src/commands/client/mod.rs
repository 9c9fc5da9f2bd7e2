//! `tfvcs client …`: the dispatch to one module per verb, and what the verbs share: the
//! paths, resolving a client given by name, and the `oauth-clients` request document.

mod create;
mod delete;
mod list;
mod projects;
mod set_pat;
mod show;
mod update;

use serde_json::{Map, Value, json};

use super::{Context, check_id};
use crate::api::body::{self, Body, Fields};
use crate::api::client::{Method, segment};
use crate::api::model::ClientView;
use crate::cli::ClientCommand;
use crate::error::{Exit, Fail, Result};
use crate::shared::ids::has_id_shape;

pub fn run(ctx: &Context, command: ClientCommand) -> Result<()> {
    match command {
        ClientCommand::List => list::list(ctx),
        ClientCommand::Show(args) => show::show(ctx, &args.client),
        ClientCommand::Create(args) => create::create(ctx, args),
        ClientCommand::Update(args) => update::update(ctx, args),
        ClientCommand::SetPat(args) => set_pat::set_pat(ctx, args),
        ClientCommand::AddProjects(args) => projects::change_projects(ctx, args, Method::POST),
        ClientCommand::RemoveProjects(args) => projects::change_projects(ctx, args, Method::DELETE),
        ClientCommand::Delete(args) => delete::delete(ctx, args),
        ClientCommand::Usage(args) => super::usage::client(ctx, args),
    }
}

pub(super) fn clients_path(org: &str) -> String {
    format!("/organizations/{}/oauth-clients", segment(org))
}

pub(super) fn client_path(id: &str) -> String {
    format!("/oauth-clients/{}", segment(id))
}

/// An `oc-…` id as given, or the id of the one client of `--org` with that name.
pub fn resolve_client(ctx: &Context, reference: &str) -> Result<String> {
    if reference.starts_with("oc-") {
        check_id(reference, "oc-", "an OAuth client")?;
        return Ok(reference.to_string());
    }
    let org = ctx.config.require_org().map_err(|f| {
        Fail::usage(format!(
            "{reference:?} is not an oc-… id, and naming a client needs an organization"
        ))
        .hint(f.hints.join("; "))
    })?;
    let all = ctx.list_all(&clients_path(org), &[])?;
    let matches: Vec<ClientView> = all
        .data
        .iter()
        .map(ClientView::from_resource)
        .filter(|c| c.name.as_deref() == Some(reference))
        .collect();
    match matches.as_slice() {
        // The id goes into the next request's path: one of another shape is not used.
        [only] if !has_id_shape(&only.id, "oc-") => Err(Fail::other(format!(
            "the server answered with a client named {reference:?} whose id is not of the form oc-…: {:?}",
            only.id
        ))),
        [only] => Ok(only.id.clone()),
        [] => Err(Fail::new(
            Exit::NotFound,
            format!("no OAuth client named {reference:?} in organization {org}"),
        )
        .hint(format!(
            "run `tfvcs --org {org} client list` to see the names"
        ))),
        several => Err(Fail::usage(format!(
            "{} OAuth clients are named {reference:?} in organization {org}: {}",
            several.len(),
            several
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint("give the oc-… id instead")),
    }
}

/// `{"data": {"type": "oauth-clients", "attributes": …, "relationships": …}}`, leaving out
/// empty parts.
pub fn client_document(attributes: Fields, relationships: Map<String, Value>) -> Body {
    body::document("oauth-clients", attributes, relationships)
}

/// `--ado-org-name`: the shape rule of SPEC §3, checked before anything is sent.
pub fn check_ado_org_name(name: &str) -> Result<()> {
    if crate::provider::is_ado_org_name(name) {
        return Ok(());
    }
    Err(Fail::usage(format!(
        "--ado-org-name {name:?} is not an Azure DevOps organization name"
    ))
    .hint("use at most 50 letters, digits and hyphens, starting and ending with a letter or digit (the <org> of https://dev.azure.com/<org>)"))
}

/// Checks what was given as projects before anything is sent: a `prj-…` id must have the id
/// shape; anything else is a project name (SPEC §1), which must not be empty.
pub fn check_project_ids(projects: &[String]) -> Result<()> {
    projects.iter().try_for_each(|p| {
        if p.starts_with("prj-") {
            check_id(p, "prj-", "a project")
        } else if p.trim().is_empty() {
            Err(Fail::usage("an empty project name was given").hint("give a name or a prj-… id"))
        } else {
            Ok(())
        }
    })
}

/// The ids of `projects`: a `prj-…` id as given, a name looked up in `--org` with
/// `GET /organizations/:org/projects?filter[names]=NAME` (none → exit 3, several → exit 2).
pub fn resolve_projects(ctx: &Context, projects: &[String]) -> Result<Vec<String>> {
    projects
        .iter()
        .map(|p| {
            if p.starts_with("prj-") {
                return Ok(p.clone());
            }
            let org = ctx.config.require_org().map_err(|f| {
                Fail::usage(format!(
                    "{p:?} is not a prj-… id, and naming a project needs an organization"
                ))
                .hint(f.hints.join("; "))
            })?;
            let path = format!("/organizations/{}/projects", segment(org));
            let found = ctx.list_all(&path, &[("filter[names]", p)])?;
            let ids: Vec<&str> = found
                .data
                .iter()
                // Exact names only, should a server answer more than the filter asks for.
                .filter(|project| project.pointer("/attributes/name") == Some(&json!(p)))
                .filter_map(|project| project.get("id").and_then(Value::as_str))
                .collect();
            match ids.as_slice() {
                [id] if check_id(id, "prj-", "a project").is_ok() => Ok(id.to_string()),
                [id] => Err(Fail::other(format!(
                    "the server gave project {p:?} the id {id:?}, which is not a prj-… id"
                ))),
                [] => Err(Fail::new(
                    Exit::NotFound,
                    format!("no project named {p:?} in organization {org}"),
                )
                .hint("names are matched exactly; a project's prj-… id is on its settings page")),
                several => Err(Fail::usage(format!(
                    "{} projects are named {p:?} in organization {org}: {}",
                    several.len(),
                    several.join(", ")
                ))
                .hint("give the prj-… id instead")),
            }
        })
        .collect()
}
