//! `tfvcs client set-pat`: replaces a client's personal access token (`oauth-token-string`;
//! with `--ado-org-name`, `ado-org-name` in the same PATCH, so the PAT and the Azure DevOps
//! organization it belongs to never disagree), read from a file, stdin, `TFVCS_PAT` or a
//! hidden prompt.

use serde_json::{Map, json};

use crate::api::body::Fields;

use super::{check_ado_org_name, client_document};
use crate::api::client::{ApiRequest, Method};
use crate::api::paths;
use crate::cli::ClientSetPatArgs;
use crate::commands::Context;
use crate::commands::resolve::resolve_client;
use crate::error::Result;
use crate::output::note;
use crate::secret;

pub(crate) fn set_pat(ctx: &Context, args: ClientSetPatArgs) -> Result<()> {
    if let Some(name) = &args.ado_org_name {
        check_ado_org_name(name)?;
    }
    let pat = match secret::pat_from_file(args.pat_file.as_deref())? {
        Some(pat) => pat,
        None => {
            secret::pat_from_env_or_prompt(ctx.config.no_input)?.ok_or_else(secret::missing_pat)?
        }
    };
    let id = resolve_client(ctx, &args.client.client)?;
    let mut attributes = Fields::new();
    attributes.insert("oauth-token-string", pat);
    if let Some(name) = &args.ado_org_name {
        attributes.insert("ado-org-name", json!(name));
    }
    let request = ApiRequest::new(Method::PATCH, paths::client(&id))
        .body(client_document(attributes, Map::new()));
    if let Some(doc) = ctx.write_document(&request, args.dry_run.requested)? {
        ctx.out.client(&doc)?;
        match &args.ado_org_name {
            Some(name) => note(&format!(
                "replaced the personal access token of {id}, for Azure DevOps organization {name}"
            )),
            None => note(&format!("replaced the personal access token of {id}")),
        }
    }
    Ok(())
}
