//! `tfvcs client show`: one OAuth client, with its token ids.

use crate::api::client::{ApiRequest, Method};
use crate::api::paths;
use crate::cli::ClientRef;
use crate::commands::Context;
use crate::commands::resolve::resolve_client;
use crate::error::Result;

pub(crate) fn show(ctx: &Context, reference: &ClientRef) -> Result<()> {
    let id = resolve_client(ctx, reference)?;
    let request = ApiRequest::new(Method::GET, paths::client(&id)).query("include", "oauth_tokens");
    let doc = ctx.document(&request)?;
    ctx.out.client(&doc)
}
