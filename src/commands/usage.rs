//! `client usage`, `token usage` and `github-app usage`: what links a repository through a
//! connection (SPEC §10), found by `linked::walk` over this run's API client. Also the walk's
//! failure hint naming `--kind`, which `token relink` shares.

use serde_json::Value;

use super::client::resolve_client;
use super::{Context, check_id};
use crate::api::client::{ApiRequest, Method, segment};
use crate::api::model::{ClientView, primary};
use crate::cli::{ClientUsageArgs, GithubAppUsageArgs, LinkedKind, TokenUsageArgs};
use crate::error::{Exit, Fail, Result};
use crate::linked::walk::{self, Source, WalkFailure};
use crate::linked::{Connection, Kind, Linked};

/// The kinds `--kind` asked for; none means all three.
pub fn kinds(asked: &[LinkedKind]) -> Vec<Kind> {
    if asked.is_empty() {
        return Kind::ALL.to_vec();
    }
    Kind::ALL
        .into_iter()
        .filter(|kind| {
            asked.iter().any(|a| {
                matches!(
                    (a, kind),
                    (LinkedKind::Workspace, Kind::Workspace)
                        | (LinkedKind::PolicySet, Kind::PolicySet)
                        | (LinkedKind::Module, Kind::Module)
                )
            })
        })
        .collect()
}

/// Everything of `kinds` in the organization that names one of `connections`. A list the
/// server refuses fails the command with a hint naming `--kind` to leave that kind out.
pub fn find(ctx: &Context, kinds: &[Kind], connections: &[Connection]) -> Result<Vec<Linked>> {
    let org = ctx.config.require_org()?;
    walk::find(ctx, org, kinds, connections).map_err(|failure| refused_hint(failure, kinds))
}

fn refused_hint(WalkFailure { kind, fail }: WalkFailure, asked: &[Kind]) -> Fail {
    if !matches!(fail.exit, Exit::Auth | Exit::NotFound) {
        return fail;
    }
    let spec = kind.spec();
    let others: Vec<Kind> = asked.iter().copied().filter(|k| *k != kind).collect();
    let flags = if others.is_empty() {
        Kind::ALL
            .into_iter()
            .filter(|k| *k != kind)
            .map(|k| format!("--kind {}", k.label()))
            .collect::<Vec<_>>()
            .join(" or ")
    } else {
        others
            .iter()
            .map(|k| format!("--kind {}", k.label()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    fail.hint(format!(
        "the {} could not be listed, so this is not a complete answer; to leave {} out, pass {flags}",
        spec.plural, spec.plural
    ))
}

/// The walk over this run's API client: one list after another, each with every page.
impl Source for Context {
    fn lists(&self, paths: &[String]) -> Vec<Result<Vec<Value>>> {
        let mut results = Vec::new();
        for path in paths {
            let result = self.list_all(path, &[]).map(|list| list.data);
            let failed = result.is_err();
            results.push(result);
            if failed {
                // The walk stops at the first failure: the lists after it are not needed.
                break;
            }
        }
        results
    }

    fn reads(&self, paths: &[String]) -> Vec<Result<Value>> {
        let mut results = Vec::new();
        for path in paths {
            let result = self
                .document(&ApiRequest::new(Method::GET, path.clone()))
                .map(|doc| primary(&doc).clone());
            let failed = result.is_err();
            results.push(result);
            if failed {
                break;
            }
        }
        results
    }
}

fn print(ctx: &Context, found: &[Linked], ids: &[String]) -> Result<()> {
    let org = ctx.config.require_org()?;
    ctx.out.linked(
        found,
        &format!("nothing in organization {org} uses {}", ids.join(", ")),
    )
}

pub fn token(ctx: &Context, args: TokenUsageArgs) -> Result<()> {
    for token in &args.tokens {
        check_id(token, "ot-", "an OAuth token")?;
    }
    let connections: Vec<Connection> = args
        .tokens
        .iter()
        .map(|t| Connection::Token(t.clone()))
        .collect();
    let found = find(ctx, &kinds(&args.kind), &connections)?;
    print(ctx, &found, &args.tokens)
}

pub fn client(ctx: &Context, args: ClientUsageArgs) -> Result<()> {
    ctx.config.require_org()?;
    let id = resolve_client(ctx, &args.client)?;
    let request = ApiRequest::new(Method::GET, format!("/oauth-clients/{}", segment(&id)));
    let client = ClientView::from_resource(primary(&ctx.document(&request)?));
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
    let found = find(ctx, &kinds(&args.kind), &connections)?;
    print(ctx, &found, &client.token_ids)
}

pub fn github_app(ctx: &Context, args: GithubAppUsageArgs) -> Result<()> {
    check_id(&args.installation, "ghain-", "a GitHub App installation")?;
    let connections = [Connection::GithubApp(args.installation.clone())];
    let found = find(ctx, &kinds(&args.kind), &connections)?;
    print(ctx, &found, &[args.installation])
}
