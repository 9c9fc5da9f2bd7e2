//! `tfvcs client set-pat`: replaces a client's personal access token (`oauth-token-string`
//! only), read from a file, stdin, `TFVCS_PAT` or a hidden prompt.

use serde_json::Map;

use crate::api::body::Fields;

use super::client_document;
use crate::api::client::{ApiRequest, Method};
use crate::api::paths;
use crate::cli::ClientSetPatArgs;
use crate::commands::Context;
use crate::commands::resolve::resolve_client;
use crate::error::Result;
use crate::output::note;
use crate::secret;

pub(crate) fn set_pat(ctx: &Context, args: ClientSetPatArgs) -> Result<()> {
    let pat = match secret::pat_from_file(args.pat_file.as_deref())? {
        Some(pat) => pat,
        None => {
            secret::pat_from_env_or_prompt(ctx.config.no_input)?.ok_or_else(secret::missing_pat)?
        }
    };
    let id = resolve_client(ctx, &args.client.client)?;
    let mut attributes = Fields::new();
    attributes.insert("oauth-token-string", pat);
    let request = ApiRequest::new(Method::PATCH, paths::client(&id))
        .body(client_document(attributes, Map::new()));
    if let Some(doc) = ctx.write_document(&request, args.dry_run.requested)? {
        ctx.out.client(&doc)?;
        note(&format!("replaced the personal access token of {id}"));
    }
    Ok(())
}
