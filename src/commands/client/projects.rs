//! `tfvcs client add-projects` / `remove-projects`: one POST or DELETE on the client's
//! projects relationship.

use crate::api::client::{ApiRequest, Method};
use crate::api::model::project_list_body;
use crate::api::paths;
use crate::cli::ClientProjectsArgs;
use crate::commands::Context;
use crate::commands::resolve::{resolve_client, resolve_projects};
use crate::error::Result;
use crate::output::note;

pub(crate) fn change_projects(
    ctx: &Context,
    args: ClientProjectsArgs,
    method: Method,
) -> Result<()> {
    let id = resolve_client(ctx, &args.client.client)?;
    let path = paths::client_projects(&id);
    let projects = resolve_projects(ctx, &args.projects)?;
    let request = ApiRequest::new(method.clone(), path).body(project_list_body(&projects));
    if ctx
        .send_or_print(&request, args.dry_run.requested)?
        .is_some()
    {
        let (verb, prep) = if method == Method::POST {
            ("added", "to")
        } else {
            ("removed", "from")
        };
        note(&format!("{verb} {} {prep} {id}", projects.join(", ")));
        ctx.out.id_only(&id, "oc-")?;
    }
    Ok(())
}
