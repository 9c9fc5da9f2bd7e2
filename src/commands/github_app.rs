//! `tfvcs github-app …`: list and show the GitHub App installations the token's user can use
//! (the `ghain-…` target of a migration), and what links a repository through one.

use super::Context;
use super::linked::{answer_for_missing, find, not_existing, print};
use crate::api::client::{ApiRequest, Method};
use crate::api::paths;
use crate::cli::{GithubAppCommand, GithubAppUsageArgs};
use crate::error::{Exit, Fail, Result};
use crate::linked::Connection;
use crate::output::note;

/// Installations belong to a user, not to an organization: other tokens see none.
const VISIBILITY: &str = "GitHub App installations are visible only to a user API token whose user has linked a GitHub account (Account Settings > Tokens); team and organization tokens see none";

pub(crate) fn run(ctx: &Context, command: GithubAppCommand) -> Result<()> {
    match command {
        GithubAppCommand::List => list(ctx),
        GithubAppCommand::Show(args) => show(ctx, &args.installation),
        GithubAppCommand::Usage(args) => usage(ctx, args),
    }
}

fn with_visibility_hint(fail: Fail) -> Fail {
    if matches!(fail.exit, Exit::Auth | Exit::NotFound) {
        fail.hint(VISIBILITY)
    } else {
        fail
    }
}

fn list(ctx: &Context) -> Result<()> {
    let installations = ctx
        .list_all(paths::GITHUB_APP_INSTALLATIONS, &[])
        .map_err(with_visibility_hint)?;
    ctx.out
        .github_apps(&installations.data, "no GitHub App installations")?;
    if installations.data.is_empty() {
        note(&format!("hint: {VISIBILITY}"));
    }
    Ok(())
}

fn show(ctx: &Context, id: &str) -> Result<()> {
    let request = ApiRequest::new(Method::GET, paths::github_app_installation(id));
    let doc = ctx.document(&request).map_err(with_visibility_hint)?;
    ctx.out.github_app(&doc)
}

fn usage(ctx: &Context, args: GithubAppUsageArgs) -> Result<()> {
    let connections = [Connection::GithubApp(args.installation.to_string())];
    let missing = not_existing(ctx, &connections)?;
    let found = find(ctx, &args.kind.kinds, &connections)?;
    // Not found may also mean not visible to this user: installations belong to users.
    answer_for_missing(&missing, &found).map_err(with_visibility_hint)?;
    print(ctx, &found, &[args.installation])
}
