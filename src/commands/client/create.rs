//! `tfvcs client create`: builds the create request from flags and an optional `--payload`
//! document, applying the provider rules of SPEC §3 before anything is sent.

use serde_json::{Map, json};

use super::{check_ado_org_name, client_document};
use crate::api::body::Fields;
use crate::api::client::{ApiRequest, Method};
use crate::api::model::{ClientView, agent_pool_relationship, primary, project_list_body};
use crate::api::paths;
use crate::cli::ClientCreateArgs;
use crate::commands::Context;
use crate::commands::resolve::resolve_projects;
use crate::error::{Fail, Result};
use crate::output::note;
use crate::payload::{self, Payload};
use crate::provider::Provider;
use crate::provider::{Credentials, is_absolute_http_url};
use crate::secret::{self, Holds, Secret};

pub(crate) fn create(ctx: &Context, args: ClientCreateArgs) -> Result<()> {
    secret::check_single_stdin(&[
        ("--payload", args.payload.as_deref()),
        ("--pat-file", args.pat_file.as_deref()),
        ("--secret-file", args.secret_file.as_deref()),
        ("--rsa-public-key-file", args.rsa_public_key_file.as_deref()),
        ("--private-key-file", args.private_key_file.as_deref()),
    ])?;
    let Payload {
        mut attributes,
        mut relationships,
    } = match &args.payload {
        Some(path) => payload::read(path)?,
        None => Payload {
            attributes: Fields::new(),
            relationships: Map::new(),
        },
    };

    let provider = match (args.provider, attributes.text("service-provider")) {
        (Some(p), _) => p,
        (None, Some(name)) => Provider::from_api_name(name).ok_or_else(|| {
            let fail = Fail::usage(format!(
                "the payload's service-provider {name:?} is not a provider tfvcs knows"
            ));
            match crate::cli::provider::tip(name) {
                Some(tip) => fail.hint(tip),
                None => fail,
            }
            .hint(valid_providers())
        })?,
        (None, None) => {
            return Err(Fail::usage("--provider is required").hint(valid_providers()));
        }
    };
    attributes.insert("service-provider", json!(provider.api_name()));
    if let Some(name) = &args.name {
        attributes.insert("name", json!(name));
    }

    let http_url = args
        .http_url
        .clone()
        .or_else(|| attributes.text("http-url").map(str::to_string))
        .or_else(|| provider.default_http_url().map(str::to_string))
        .ok_or_else(|| {
            Fail::usage(format!(
                "--http-url is required for {}",
                provider.api_name()
            ))
            .hint("give the VCS homepage, e.g. --http-url https://vcs.example.com")
        })?;
    let api_url = args
        .api_url
        .clone()
        .or_else(|| attributes.text("api-url").map(str::to_string))
        .unwrap_or_else(|| provider.default_api_url(&http_url));
    for (option, url) in [("--http-url", &http_url), ("--api-url", &api_url)] {
        if !is_absolute_http_url(url) {
            return Err(Fail::usage(format!(
                "{option} {url:?} is not an absolute http(s) URL"
            )));
        }
    }
    let api_url_given = args.api_url.is_some() || attributes.is_set("api-url");
    if !api_url_given && !provider.serves(&http_url) {
        return Err(foreign_host(provider, &http_url, &api_url));
    }
    attributes.insert("http-url", json!(http_url));
    attributes.insert("api-url", json!(api_url));

    // Presence rules first, so that nothing is read from stdin or asked for in vain.
    let has_private_key = args.private_key_file.is_some() || attributes.contains_key("private-key");
    match (provider, has_private_key) {
        (Provider::AdoServer, false) => {
            return Err(Fail::usage("--private-key-file is required for ado_server")
                .hint("give the SSH private key Azure DevOps Server clones with"));
        }
        (Provider::AdoServer, true) | (_, false) => {}
        (_, true) => {
            return Err(Fail::usage(format!(
                "--private-key-file is only for ado_server, not {}",
                provider.api_name()
            )));
        }
    }
    if let Some(name) = &args.ado_org_name {
        attributes.insert("ado-org-name", json!(name));
    }
    if let Some(name) = attributes.json("ado-org-name").filter(|v| !v.is_null()) {
        if provider != Provider::AdoServices {
            return Err(Fail::usage(format!(
                "--ado-org-name is only for ado_services, not {}",
                provider.api_name()
            )));
        }
        check_ado_org_name(name.as_str().unwrap_or_default())?;
    }
    if provider.credentials() == Credentials::AppLink {
        let missing: Vec<&str> = [
            ("--key", args.key.is_some() || attributes.is_set("key")),
            (
                "--secret-file",
                args.secret_file.is_some() || attributes.is_set("secret"),
            ),
            (
                "--rsa-public-key-file",
                args.rsa_public_key_file.is_some() || attributes.is_set("rsa-public-key"),
            ),
        ]
        .into_iter()
        .filter(|(_, present)| !present)
        .map(|(option, _)| option)
        .collect();
        if !missing.is_empty() {
            return Err(Fail::usage(format!(
                "{} needs {} (the application link's consumer key, private key and public key)",
                provider.api_name(),
                missing.join(", ")
            )));
        }
    }
    if let Some(scoped) = args.org_scoped {
        attributes.insert("organization-scoped", json!(scoped));
    }
    if !args.projects.is_empty() {
        let ids = resolve_projects(ctx, &args.projects)?;
        relationships.insert("projects".into(), project_list_body(&ids));
    }
    if let Some(pool) = &args.agent_pool {
        relationships.insert("agent-pool".into(), agent_pool_relationship(Some(pool)));
    }
    let org = ctx.config.require_org()?.to_string();

    if let Some(pat) = find_pat(ctx, &args, &attributes, provider)? {
        attributes.insert("oauth-token-string", pat);
    }
    if let Some(key) = &args.key {
        attributes.insert("key", json!(key));
    }
    let files = [
        ("secret", "--secret-file", &args.secret_file, Holds::Secret),
        (
            "rsa-public-key",
            "--rsa-public-key-file",
            &args.rsa_public_key_file,
            Holds::Public,
        ),
        (
            "private-key",
            "--private-key-file",
            &args.private_key_file,
            Holds::Secret,
        ),
    ];
    for (attribute, option, path, holds) in files {
        if let Some(path) = path {
            match holds {
                Holds::Secret => {
                    attributes.insert(attribute, secret::read_secret_file(path, option)?)
                }
                Holds::Public => {
                    attributes.insert(attribute, json!(secret::read_public_file(path, option)?))
                }
            }
        }
    }

    let request = ApiRequest::new(Method::POST, paths::organization_clients(&org))
        .body(client_document(attributes, relationships));
    if let Some(doc) = ctx.write_document(&request, args.dry_run.requested)? {
        let created = ClientView::from_resource(primary(&doc));
        ctx.out.client(&doc)?;
        let tokens = if created.token_ids.is_empty() {
            String::new()
        } else {
            format!(" with OAuth token {}", created.token_ids.join(", "))
        };
        note(&format!("created OAuth client {}{tokens}", created.id));
        if created.token_ids.is_empty() {
            // An application link (Bitbucket Data Center / Server) or an OAuth app: TFE makes
            // the token only once someone authorizes the connection.
            let at = created
                .callback_url
                .as_deref()
                .map(|url| format!(" (callback URL {url})"))
                .unwrap_or_default();
            note(&format!(
                "next: it has no OAuth token until its connection is authorized: finish it in the TFE UI under Settings > VCS Providers{at}; then `tfvcs token list {}` shows the token",
                created.id
            ));
        }
    }
    Ok(())
}

/// The PAT, first found: `--pat-file`, the payload's `oauth-token-string` (unless it is a
/// placeholder), `TFVCS_PAT`, a hidden prompt. App-link providers take one only when given.
fn find_pat(
    ctx: &Context,
    args: &ClientCreateArgs,
    attributes: &Fields,
    provider: Provider,
) -> Result<Option<Secret>> {
    if let Some(pat) = secret::pat_from_file(args.pat_file.as_deref())? {
        return Ok(Some(pat));
    }
    let from_payload = attributes
        .secret("oauth-token-string")
        .filter(|pat| !pat.expose().is_empty());
    if let Some(pat) = from_payload.filter(|pat| !secret::is_placeholder(pat.expose())) {
        return secret::check_pat(pat.expose().to_string(), "the payload").map(Some);
    }
    if from_payload.is_none() && provider.credentials() == Credentials::AppLink {
        return Ok(None);
    }
    if provider.credentials() != Credentials::AppLink
        && let Some(pat) = secret::pat_from_env_or_prompt(ctx.config.no_input)?
    {
        return Ok(Some(pat));
    }
    if from_payload.is_some() {
        return Err(Fail::usage(
            "the payload's oauth-token-string is a placeholder in angle brackets, not a token",
        )
        .hint("replace it with your PAT, or pass --pat-file PATH|- or set TFVCS_PAT"));
    }
    Err(secret::missing_pat())
}

/// A hosted provider given another host's `--http-url` and no `--api-url`: its default API
/// URL would silently point at the public service (SPEC §3).
fn foreign_host(provider: Provider, http_url: &str, api_url: &str) -> Fail {
    let meant: Vec<String> = provider
        .self_hosted()
        .iter()
        .map(|p| format!("--provider {}", p.api_name()))
        .collect();
    Fail::usage(format!(
        "--http-url {http_url:?} is not {}: with --provider {} the API URL would be {api_url}",
        provider.display_name(),
        provider.api_name()
    ))
    .hint(format!(
        "for a self-hosted server use {} (or give --api-url too)",
        meant.join(" or ")
    ))
}

fn valid_providers() -> String {
    let names: Vec<&str> = Provider::ALL.iter().map(|p| p.api_name()).collect();
    format!("valid providers: {}", names.join(", "))
}
