//! `tfvcs client delete`: reads the client, finds what uses any of its tokens, asks (or checks
//! `--yes`/`--force`), then one DELETE (`commands/connection_delete.rs`).

use crate::api::client::{ApiRequest, Method};
use crate::api::model::{ClientView, primary};
use crate::api::paths;
use crate::cli::ClientDeleteArgs;
use crate::commands::Context;
use crate::commands::confirm::{DELETE, ensure_confirmable};
use crate::commands::connection_delete::{self, Doomed};
use crate::commands::failure::not_found;
use crate::commands::resolve::resolve_client;
use crate::error::Result;
use crate::linked::Connection;

pub(crate) fn delete(ctx: &Context, args: ClientDeleteArgs) -> Result<()> {
    ensure_confirmable(ctx, &DELETE, args.confirm.yes, args.dry_run.requested)?;
    let id = resolve_client(ctx, &args.client.client)?;
    let read = ApiRequest::new(Method::GET, paths::client(&id));
    let doc = ctx
        .document_if_found(&read)?
        .ok_or_else(|| not_found("OAuth client", &id))?;
    let client = ClientView::from_resource(primary(&doc));
    let doomed = Doomed {
        what: "OAuth client",
        id: &id,
        prefix: "oc-",
        described: vec![format!(
            "OAuth client {}: {} ({})",
            client.id,
            client.name.as_deref().unwrap_or("unnamed"),
            client
                .provider_display_name
                .as_deref()
                .or(client.provider.as_deref())
                .unwrap_or("unknown provider"),
        )],
        connections: client
            .token_ids
            .iter()
            .map(|t| Connection::Token(t.clone()))
            .collect(),
        usage: format!("tfvcs client usage {id}"),
    };
    let request = ApiRequest::new(Method::DELETE, paths::client(&id));
    connection_delete::delete(ctx, doomed, &args.confirm, args.dry_run.requested, &request)
}
