//! `tfvcs auth status`: where the host, organization and token come from, then one request
//! to check the token. The facts are printed even when the check fails.

use serde_json::{Value, json};

use super::Context;
use crate::api::client::{ApiRequest, Method};
use crate::api::paths;
use crate::cli::OutputFormat;
use crate::error::{Fail, Result};

pub(crate) fn status(ctx: &Context) -> Result<()> {
    // Facts about a configuration have no id of their own; printing the table instead would
    // hand a script something it did not ask for.
    if ctx.out.format == OutputFormat::Id {
        return Err(
            Fail::usage("tfvcs auth status has no id to print (-o id)").hint(
                "use -o json in scripts (token_source, token_valid, organization, …), or -o table",
            ),
        );
    }
    let config = &ctx.config;
    let host = config.endpoint.host_key();
    let base_url = config.endpoint.base_url();
    let org = config.org.clone();
    let source = config.token.as_ref().map(|(_, source)| source.to_string());
    let check = check_token(ctx);
    let (token_state, kind) = match &check {
        Ok((account, kind)) => (account.clone(), Some(*kind)),
        Err(fail) => (
            format!(
                "not usable ({})",
                fail.message.lines().next().unwrap_or_default()
            ),
            None,
        ),
    };
    let rows = vec![
        ("Host", host.clone()),
        ("API URL", base_url.clone()),
        (
            "Organization",
            org.clone()
                .unwrap_or_else(|| "- (set --org or TFE_ORGANIZATION)".into()),
        ),
        (
            "Token from",
            source.clone().unwrap_or_else(|| "- (none found)".into()),
        ),
        ("Token", token_state.clone()),
    ];
    let facts = json!({"host": host, "api_url": base_url, "organization": org, "token_source": source,
                       "token_valid": check.is_ok(), "token_kind": kind, "token": token_state});
    ctx.out.facts(rows, &facts)?;
    check.map(|_| ())
}

/// One request, `GET /account/details`: who the token is.
fn check_token(ctx: &Context) -> Result<(String, &'static str)> {
    let api = ctx.api()?;
    match api.send(&ApiRequest::new(Method::GET, paths::ACCOUNT_DETAILS)) {
        Ok(response) => Ok(describe_account(response.body.as_ref())),
        // Team and organization tokens have no user: TFE answers 404 to them here.
        Err(e) if e.status() == Some(404) => Ok((
            "valid: a team or organization token (no user account)".to_string(),
            "team-or-organization",
        )),
        Err(e) => Err(ctx.fail(e)),
    }
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
        (
            format!("valid: an organization token ({username})"),
            "organization",
        )
    } else if service || username.starts_with("api-team_") {
        (format!("valid: a team token ({username})"), "team")
    } else if username.is_empty() {
        ("valid (no user name reported)".to_string(), "unknown")
    } else {
        (format!("valid: user {username}"), "user")
    }
}
