//! `tfvcs token …`: list, show, set-ssh-key and delete OAuth tokens; `usage` and `relink`
//! in their own modules.

mod relink;
mod usage;

use super::Context;
use super::confirm::{DELETE, ensure_confirmable};
use super::connection_delete::{self, Doomed};
use super::failure::not_found;
use super::resolve::resolve_client;
use crate::api::body::{self, Fields};
use crate::api::client::{ApiRequest, Method};
use crate::api::model::{TokenView, primary};
use crate::api::paths;
use crate::cli::{TokenCommand, TokenDeleteArgs, TokenListArgs, TokenSetSshKeyArgs};
use crate::error::{Fail, Result};
use crate::linked::Connection;
use crate::secret;

pub(crate) fn run(ctx: &Context, command: TokenCommand) -> Result<()> {
    match command {
        TokenCommand::List(args) => list(ctx, args),
        TokenCommand::Show(args) => show(ctx, &args.token),
        TokenCommand::SetSshKey(args) => set_ssh_key(ctx, args),
        TokenCommand::Delete(args) => delete(ctx, args),
        TokenCommand::Usage(args) => usage::usage(ctx, args),
        TokenCommand::Relink(args) => relink::relink(ctx, args),
    }
}

fn list(ctx: &Context, args: TokenListArgs) -> Result<()> {
    match &args.client {
        Some(client) => {
            if args.provider.is_some() {
                return Err(Fail::usage("--provider filters the organization-wide list: it cannot be used with a CLIENT")
                    .hint("drop CLIENT to list the organization's tokens of that provider"));
            }
            let id = resolve_client(ctx, client)?;
            let request = ApiRequest::new(Method::GET, paths::client_tokens(&id));
            ctx.print_list(
                &request,
                ctx.out.tokens(),
                &format!(
                    "no OAuth tokens for {id}: a client gets its token when its connection is completed (a PAT: `tfvcs client set-pat {id}`; an OAuth app or application link: finish it in the TFE UI, at the client's callback URL)"
                ),
            )
        }
        None => {
            let org = ctx.config.require_org()?.to_string();
            let mut request = ApiRequest::new(Method::GET, paths::organization_tokens(&org));
            if let Some(provider) = args.provider {
                request = request.query("filter[provider]", provider.api_name());
            }
            ctx.print_list(
                &request,
                ctx.out.tokens(),
                &format!("no OAuth tokens in organization {org}"),
            )
        }
    }
}

fn show(ctx: &Context, token: &str) -> Result<()> {
    let doc = ctx.document(&ApiRequest::new(Method::GET, paths::token(token)))?;
    ctx.out.token(&doc)
}

fn set_ssh_key(ctx: &Context, args: TokenSetSshKeyArgs) -> Result<()> {
    let source = format!("--ssh-key-file {}", args.ssh_key_file.display());
    let key = secret::read_secret_file(&args.ssh_key_file, "--ssh-key-file")?;
    secret::check_ssh_private_key(key.expose(), &source)?;
    let mut attributes = Fields::new();
    attributes.insert("ssh-key", key);
    let body = body::document("oauth-tokens", attributes, Default::default());
    let request = ApiRequest::new(Method::PATCH, paths::token(&args.token)).body(body);
    if let Some(doc) = ctx.write_document(&request, args.dry_run.requested)? {
        ctx.out.token(&doc)?;
    }
    Ok(())
}

/// Reads the token, finds what uses it, asks (or checks `--yes`/`--force`), then one DELETE
/// (`commands/connection_delete.rs`).
fn delete(ctx: &Context, args: TokenDeleteArgs) -> Result<()> {
    ensure_confirmable(ctx, &DELETE, args.confirm.yes, args.dry_run.requested)?;
    let read = ApiRequest::new(Method::GET, paths::token(&args.token));
    let doc = ctx
        .document_if_found(&read)?
        .ok_or_else(|| not_found("OAuth token", &args.token))?;
    let token = TokenView::from_resource(primary(&doc));
    let doomed = Doomed {
        what: "OAuth token",
        id: &args.token,
        prefix: "ot-",
        described: vec![format!(
            "OAuth token {} of client {}, VCS user {}",
            token.id,
            token.client_id.as_deref().unwrap_or("unknown"),
            token.user.as_deref().unwrap_or("unknown"),
        )],
        connections: vec![Connection::Token(args.token.to_string())],
        usage: format!("tfvcs token usage {}", args.token),
    };
    let request = ApiRequest::new(Method::DELETE, paths::token(&args.token));
    connection_delete::delete(ctx, doomed, &args.confirm, args.dry_run.requested, &request)
}
