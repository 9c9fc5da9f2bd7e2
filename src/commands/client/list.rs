//! `tfvcs client list`: every OAuth client of the organization, with its token ids.

use super::clients_path;
use crate::commands::Context;
use crate::error::Result;

pub fn list(ctx: &Context) -> Result<()> {
    let org = ctx.config.require_org()?;
    let clients = ctx.list_all(&clients_path(org), &[("include", "oauth_tokens")])?;
    ctx.out
        .clients(&clients, &format!("no OAuth clients in organization {org}"))
}
