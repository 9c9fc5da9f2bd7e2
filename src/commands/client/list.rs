//! `tfvcs client list`: every OAuth client of the organization, with its token ids.

use crate::api::client::{ApiRequest, Method};
use crate::api::paths;
use crate::commands::Context;
use crate::error::Result;

pub(crate) fn list(ctx: &Context) -> Result<()> {
    let org = ctx.config.require_org()?;
    let request = ApiRequest::new(Method::GET, paths::organization_clients(org))
        .query("include", "oauth_tokens");
    ctx.print_list(
        &request,
        ctx.out.clients(),
        &format!("no OAuth clients in organization {org}"),
    )
}
