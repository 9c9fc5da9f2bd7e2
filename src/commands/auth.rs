//! `tfvcs auth status`: where the host, organization and token come from, then one request
//! to check the token.

use serde_json::{Value, json};

use super::Context;
use crate::api::client::{ApiRequest, Method};
use crate::error::Result;
use crate::output::note;

pub fn status(ctx: &Context) -> Result<()> {
    let config = &ctx.config;
    let host = config.endpoint.host_key();
    let base_url = config.endpoint.base_url();
    let org = config.org.clone();
    let source = config.token.as_ref().map(|(_, source)| source.to_string());
    let mut rows = vec![
        ("Host", host.clone()),
        ("API URL", base_url.clone()),
        ("Organization", org.clone().unwrap_or_else(|| "- (set --org or TFE_ORGANIZATION)".into())),
        ("Token from", source.clone().unwrap_or_else(|| "- (none found)".into())),
    ];
    if config.token.is_none() {
        ctx.out.facts(rows.clone(), &json!({"host": host, "api_url": base_url, "organization": org, "token_source": null}))?;
        config.require_token()?;
    }
    let api = ctx.api()?;
    let (account, kind) = match api.send(&ApiRequest::new(Method::Get, "/account/details")) {
        Ok(response) => describe_account(response.body.as_ref()),
        // Team and organization tokens have no user: TFE answers 404 to them here.
        Err(e) if e.status() == Some(404) => (
            "a team or organization token (it has no user account)".to_string(),
            "team-or-organization",
        ),
        Err(e) => return Err(api.fail(e)),
    };
    rows.push(("Token", account.clone()));
    ctx.out.facts(
        rows,
        &json!({"host": host, "api_url": base_url, "organization": org, "token_source": source,
                "token_kind": kind, "account": account}),
    )?;
    note(&format!("the token for {host} is valid"));
    Ok(())
}

/// A user token shows the user; service accounts behind team and organization tokens are
/// reported as such.
fn describe_account(body: Option<&Value>) -> (String, &'static str) {
    let attr = |name: &str| {
        body.and_then(|b| b.pointer(&format!("/data/attributes/{name}")))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let username = attr("username");
    let service = body
        .and_then(|b| b.pointer("/data/attributes/is-service-account"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if username.starts_with("api-org-") {
        (format!("an organization token ({username})"), "organization")
    } else if service || username.starts_with("api-team_") {
        (format!("a team token ({username})"), "team")
    } else if username.is_empty() {
        ("valid (no user name reported)".to_string(), "unknown")
    } else {
        (format!("user {username}"), "user")
    }
}
