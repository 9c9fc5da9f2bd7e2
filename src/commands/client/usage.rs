//! `tfvcs client usage`: what links a repository through any of the client's OAuth tokens.

use crate::api::client::{ApiRequest, Method};
use crate::api::model::{ClientView, primary};
use crate::api::paths;
use crate::cli::ClientUsageArgs;
use crate::commands::Context;
use crate::commands::failure::not_found;
use crate::commands::linked::{find, print};
use crate::commands::resolve::resolve_client;
use crate::error::Result;
use crate::linked::Connection;

pub(crate) fn usage(ctx: &Context, args: ClientUsageArgs) -> Result<()> {
    ctx.config.require_org()?;
    let id = resolve_client(ctx, &args.client.client)?;
    let request = ApiRequest::new(Method::GET, paths::client(&id));
    let doc = ctx
        .document_if_found(&request)?
        .ok_or_else(|| not_found("OAuth client", &id))?;
    let client = ClientView::from_resource(primary(&doc));
    if client.token_ids.is_empty() {
        return ctx.out.linked(
            &[],
            &format!("OAuth client {id} has no OAuth tokens, so nothing uses it"),
        );
    }
    let connections: Vec<Connection> = client
        .token_ids
        .iter()
        .map(|t| Connection::Token(t.clone()))
        .collect();
    let found = find(ctx, &args.kind.kinds, &connections)?;
    print(ctx, &found, &client.token_ids)
}
