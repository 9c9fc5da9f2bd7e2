//! `tfvcs client delete`: shows what the delete unlinks, asks (unless `--yes`), then one
//! DELETE.

use crate::api::client::{ApiRequest, Method};
use crate::api::model::{ClientView, primary};
use crate::api::paths;
use crate::cli::ClientDeleteArgs;
use crate::commands::Context;
use crate::commands::confirm::{self, DELETE, ensure_confirmable};
use crate::commands::resolve::resolve_client;
use crate::error::Result;

pub(crate) fn delete(ctx: &Context, args: ClientDeleteArgs) -> Result<()> {
    ensure_confirmable(ctx, &DELETE, args.confirm.yes, args.dry_run.requested)?;
    let id = resolve_client(ctx, &args.client.client)?;
    let request = ApiRequest::new(Method::DELETE, paths::client(&id));
    if args.dry_run.requested {
        return ctx.send_or_print(&request, true).map(|_| ());
    }
    if !args.confirm.yes {
        let show = ApiRequest::new(Method::GET, paths::client(&id))
            .query("show_affected_workspaces", "true");
        let doc = ctx.document(&show)?;
        let client = ClientView::from_resource(primary(&doc));
        confirm::ask(
            &DELETE,
            &describe_client_for_delete(&client),
            &format!("Delete OAuth client {id}?"),
        )?;
    }
    ctx.send_or_print(&request, false)?;
    ctx.out.deleted(&id, "OAuth client", "oc-")
}

/// What goes, one line each (every line is escaped when shown: names come from the server).
fn describe_client_for_delete(c: &ClientView) -> Vec<String> {
    let mut lines = vec![format!(
        "OAuth client {}: {} ({})",
        c.id,
        c.name.as_deref().unwrap_or("unnamed"),
        c.provider_display_name
            .as_deref()
            .or(c.provider.as_deref())
            .unwrap_or("unknown provider"),
    )];
    lines.push(
        match (&c.affected_workspaces, c.affected_workspaces_count) {
            (Some(names), count) if !names.is_empty() => {
                let count = count.unwrap_or(names.len() as u64);
                let mut line = format!(
                    "{count} workspace(s) will be unlinked from their repositories: {}",
                    names.join(", ")
                );
                if count > names.len() as u64 {
                    line.push_str(&format!(" and {} more", count - names.len() as u64));
                }
                line
            }
            (_, Some(0)) | (Some(_), None) => "No workspace uses it.".to_string(),
            _ => "Workspaces using it will be unlinked from their repositories.".to_string(),
        },
    );
    lines
}
