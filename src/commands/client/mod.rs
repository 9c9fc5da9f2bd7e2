//! `tfvcs client …`: the dispatch to one module per verb, and what the verbs share: the
//! `oauth-clients` request document and the checks on what is given before it is sent.

mod create;
mod delete;
mod list;
mod projects;
mod set_pat;
mod show;
mod update;
mod usage;

use serde_json::{Map, Value};

use super::Context;
use crate::api::body::{self, Body, Fields};
use crate::api::client::Method;
use crate::cli::ClientCommand;
use crate::error::{Fail, Result};

pub(crate) fn run(ctx: &Context, command: ClientCommand) -> Result<()> {
    match command {
        ClientCommand::List => list::list(ctx),
        ClientCommand::Show(args) => show::show(ctx, &args.client),
        ClientCommand::Create(args) => create::create(ctx, args),
        ClientCommand::Update(args) => update::update(ctx, args),
        ClientCommand::SetPat(args) => set_pat::set_pat(ctx, args),
        ClientCommand::AddProjects(args) => projects::change_projects(ctx, args, Method::POST),
        ClientCommand::RemoveProjects(args) => projects::change_projects(ctx, args, Method::DELETE),
        ClientCommand::Delete(args) => delete::delete(ctx, args),
        ClientCommand::Usage(args) => usage::usage(ctx, args),
    }
}

/// `{"data": {"type": "oauth-clients", "attributes": …, "relationships": …}}`, leaving out
/// empty parts.
pub(crate) fn client_document(attributes: Fields, relationships: Map<String, Value>) -> Body {
    body::document("oauth-clients", attributes, relationships)
}

/// `--ado-org-name`: the shape rule of SPEC §3, checked before anything is sent.
pub(crate) fn check_ado_org_name(name: &str) -> Result<()> {
    if crate::provider::is_ado_org_name(name) {
        return Ok(());
    }
    Err(Fail::usage(format!(
        "--ado-org-name {name:?} is not an Azure DevOps organization name"
    ))
    .hint("use at most 50 letters, digits and hyphens, starting and ending with a letter or digit (the <org> of https://dev.azure.com/<org>)"))
}
