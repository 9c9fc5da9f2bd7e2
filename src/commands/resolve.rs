//! Names and ids given on the command line → the resources they mean: an OAuth client by
//! `oc-…` id or name, projects by `prj-…` id or name (both looked up in `--org`).

use serde_json::{Value, json};

use super::Context;
use crate::api::client::{ApiRequest, Method};
use crate::api::model::ClientView;
use crate::api::paths;
use crate::cli::{ClientRef, ProjectRef};
use crate::error::{Exit, Fail, Result};
use crate::progress::Progress;
use crate::shared::ids::has_id_shape;

/// An `oc-…` id as given, or the id of the one client of `--org` with that name.
pub(crate) fn resolve_client(ctx: &Context, reference: &ClientRef) -> Result<String> {
    let reference = match reference {
        ClientRef::Id(id) => return Ok(id.to_string()),
        ClientRef::Name(name) => name,
    };
    let org = ctx.config.require_org().map_err(|f| {
        Fail::usage(format!(
            "{reference:?} is not an oc-… id, and naming a client needs an organization"
        ))
        .hint(f.hints.join("; "))
    })?;
    // Only the clients of that name are kept as the pages are read (SPEC §4 "Memory").
    let mut matches: Vec<ClientView> = Vec::new();
    let request = ApiRequest::new(Method::GET, paths::organization_clients(org));
    ctx.walk(&request, &Progress::hidden(), |page| {
        matches.extend(
            page.items
                .iter()
                .map(|item| ClientView::from_resource(&item.value()))
                .filter(|c| c.name.as_deref() == Some(reference)),
        );
        Ok(())
    })?;
    // The id goes into the next request's path: one of another shape is not used.
    if let [only] = matches.as_slice()
        && !has_id_shape(&only.id, "oc-")
    {
        return Err(Fail::other(format!(
            "the server answered with a client named {reference:?} whose id is not of the form oc-…: {:?}",
            only.id
        )));
    }
    the_one_named(reference, org, &matches)
}

/// The id of the one client of `org` among `matches` (those named `reference`): none is
/// exit 3, several exit 2, listing each with what tells twins apart.
pub(crate) fn the_one_named(reference: &str, org: &str, matches: &[ClientView]) -> Result<String> {
    match matches {
        [only] => Ok(only.id.clone()),
        [] => Err(Fail::new(
            Exit::NotFound,
            format!("no OAuth client named {reference:?} in organization {org}"),
        )
        .hint(format!(
            "run `tfvcs --org {org} client list` to see the names"
        ))),
        // Each with what tells twins apart: the provider and when it was made.
        several => Err(Fail::usage(format!(
            "{} OAuth clients are named {reference:?} in organization {org}: {}",
            several.len(),
            several
                .iter()
                .map(|c| format!(
                    "{} ({}, created {})",
                    c.id,
                    c.provider_display_name
                        .as_deref()
                        .or(c.provider.as_deref())
                        .unwrap_or("unknown provider"),
                    c.created_at.as_deref().unwrap_or("at an unknown time")
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint("give the oc-… id instead")),
    }
}

/// The ids of `projects`: a `prj-…` id as given, a name looked up in `--org` with
/// `GET /organizations/:org/projects?filter[names]=NAME` (none → exit 3, several → exit 2).
pub(crate) fn resolve_projects(ctx: &Context, projects: &[ProjectRef]) -> Result<Vec<String>> {
    projects
        .iter()
        .map(|p| {
            let p = match p {
                ProjectRef::Id(id) => return Ok(id.to_string()),
                ProjectRef::Name(name) => name,
            };
            let org = ctx.config.require_org().map_err(|f| {
                Fail::usage(format!(
                    "{p:?} is not a prj-… id, and naming a project needs an organization"
                ))
                .hint(f.hints.join("; "))
            })?;
            let path = paths::organization_projects(org);
            let found = ctx.list_all(&path, &[("filter[names]", p)])?;
            let ids: Vec<&str> = found
                .data
                .iter()
                // Exact names only, should a server answer more than the filter asks for.
                .filter(|project| project.pointer("/attributes/name") == Some(&json!(p)))
                .filter_map(|project| project.get("id").and_then(Value::as_str))
                .collect();
            match ids.as_slice() {
                [id] if has_id_shape(id, "prj-") => Ok(id.to_string()),
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
