//! The checks of `token relink` before anything changes (SPEC §10): the target exists, an
//! OAuth token's client belongs to the organization, a GitHub App serves FROM's provider and
//! is used with a user token; and both sides' providers, for the plan. FROM may no longer
//! exist. An undo checks where it puts resources back with the same [`check_connection`].

use serde_json::Value;

use crate::api::client::{ApiRequest, Method};
use crate::api::model::{ClientView, TokenView, primary};
use crate::api::paths;
use crate::commands::Context;
use crate::commands::failure::not_found;
use crate::error::{Exit, Fail, Result};
use crate::linked::Connection;
use crate::linked::connection::github_app_serves;

/// HCP Terraform's GitHub App serves GitHub.com only.
const HCP_HOST: &str = "app.terraform.io";

/// How the plan names the provider of a GitHub App installation.
const GITHUB_APP: &str = "GitHub App";

/// Both sides of the relink, as the plan shows them.
pub(crate) struct Sides {
    from: String,
    from_provider: Option<String>,
    to: String,
    to_provider: Option<String>,
    /// FROM answered 404: the failure to give (exit 3) when nothing names it either.
    pub(crate) from_gone: Option<Fail>,
}

impl Sides {
    fn differ(&self) -> bool {
        self.from_provider != self.to_provider
    }

    fn label(&self, id: &str, provider: &Option<String>) -> String {
        match provider {
            Some(p) if self.differ() => format!("{id} ({p})"),
            _ => id.to_string(),
        }
    }

    pub(crate) fn source_label(&self) -> String {
        if self.from_gone.is_some() {
            return format!("{} (gone)", self.from);
        }
        self.label(&self.from, &self.from_provider)
    }

    pub(crate) fn target_label(&self) -> String {
        self.label(&self.to, &self.to_provider)
    }
}

/// An OAuth token and its client: `GET /oauth-tokens/:id`, then `GET /oauth-clients/:id`.
fn token_and_client(ctx: &Context, token: &str) -> Result<ClientView> {
    let doc = ctx.document(&ApiRequest::new(Method::GET, paths::token(token)))?;
    let client_id = TokenView::from_resource(primary(&doc))
        .client_id
        .ok_or_else(|| Fail::other(format!("OAuth token {token} names no OAuth client")))?;
    let doc = ctx.document(&ApiRequest::new(Method::GET, paths::client(&client_id)))?;
    Ok(ClientView::from_resource(primary(&doc)))
}

/// The checks of SPEC §10 before anything changes: the target exists (exit 3 otherwise); an
/// OAuth token's client belongs to the organization; a GitHub App only for GitHub
/// connections and only with a user token (exit 2 otherwise).
pub(crate) fn check_target(
    ctx: &Context,
    org: &str,
    from: &Connection,
    to: &Connection,
) -> Result<Sides> {
    // The two sides are read side by side (a round trip saved); the target's failure, when
    // both fail, is the one reported. FROM's provider: its token's client's, or GitHub's for
    // an installation.
    let (to_provider, from_provider) = std::thread::scope(|scope| {
        let from_side = scope.spawn(|| match from {
            Connection::Token(id) => token_and_client(ctx, id).map(|c| c.provider),
            Connection::GithubApp(id) => ctx
                .document(&ApiRequest::new(
                    Method::GET,
                    paths::github_app_installation(id),
                ))
                .map(|_| Some(GITHUB_APP.to_string())),
        });
        let to_side = check_connection(ctx, org, to, &format!("--to {}", to.id()));
        (
            to_side,
            from_side.join().expect("the source check panicked"),
        )
    });
    let to_provider = to_provider?;
    // FROM may be gone (404): resources that still name a deleted connection are exactly
    // what needs relinking, so whether that is an error is decided after the walk.
    let (from_provider, from_gone) = match from_provider {
        Ok(provider) => (provider, None),
        Err(fail) if fail.exit == Exit::NotFound => (None, Some(not_found(from.what(), from.id()))),
        Err(fail) => return Err(fail),
    };
    if let Connection::GithubApp(id) = to {
        match (from, &from_gone) {
            // Off one installation onto another: both GitHub.
            (Connection::GithubApp(_), _) => {}
            (Connection::Token(from), Some(_)) => {
                return Err(Fail::usage(format!(
                    "{from} no longer exists, so whether --to {id} (a GitHub App installation) can serve its repositories cannot be checked"
                ))
                .hint("relink to an OAuth token of the same provider instead"));
            }
            (Connection::Token(_), None) => check_app_serves(ctx, id, from_provider.as_deref())?,
        }
        check_user_token(ctx)?;
    }
    Ok(Sides {
        from: from.id().to_string(),
        from_provider,
        to: to.id().to_string(),
        to_provider,
        from_gone,
    })
}

/// The target checks that need no FROM: the connection exists (exit 3 otherwise) and, an
/// OAuth token, its client belongs to the organization (exit 2 otherwise); its provider.
/// `named` says where it was given (`--to ot-…`, a journal's line), for the refusal.
pub(crate) fn check_connection(
    ctx: &Context,
    org: &str,
    to: &Connection,
    named: &str,
) -> Result<Option<String>> {
    match to {
        Connection::Token(id) => {
            let client = token_and_client(ctx, id)?;
            if client.organization.as_deref() != Some(org) {
                return Err(Fail::usage(format!(
                    "{named} belongs to {}, not to organization {org}: its workspaces could not use it",
                    client.organization.as_deref().map_or_else(
                        || "no organization".to_string(),
                        |o| format!("organization {o}")
                    )
                )));
            }
            Ok(client.provider)
        }
        Connection::GithubApp(id) => {
            ctx.document(&ApiRequest::new(
                Method::GET,
                paths::github_app_installation(id),
            ))?;
            Ok(Some(GITHUB_APP.to_string()))
        }
    }
}

fn check_app_serves(ctx: &Context, id: &str, from_provider: Option<&str>) -> Result<()> {
    let on_hcp = ctx.config.endpoint.host_key() == HCP_HOST;
    let provider = from_provider.unwrap_or("unknown");
    if !github_app_serves(provider, on_hcp) {
        let serves = if on_hcp {
            "HCP Terraform's GitHub App serves GitHub.com only"
        } else {
            "a GitHub App serves GitHub and GitHub Enterprise only"
        };
        return Err(Fail::usage(format!(
            "--to {id} is a GitHub App installation, but the connection of the resources is {provider}: {serves}"
        )));
    }
    Ok(())
}

/// Only a user token can link repositories through a GitHub App.
fn check_user_token(ctx: &Context) -> Result<()> {
    let account = ctx.document(&ApiRequest::new(Method::GET, paths::ACCOUNT_DETAILS))?;
    if primary(&account)
        .pointer("/attributes/is-service-account")
        .and_then(Value::as_bool)
        == Some(true)
    {
        return Err(Fail::usage(
            "only a user API token can link repositories through a GitHub App; this is a team or organization token",
        )
        .hint("run the relink with a user token whose user has linked a GitHub account"));
    }
    Ok(())
}
