//! `tfvcs github-app …`: the verbs and their arguments.

use clap::{Args, Subcommand};

use super::examples;
use super::ids::{Id, Installation};
use super::shared::KindFilter;

#[derive(Debug, Subcommand)]
pub(crate) enum GithubAppCommand {
    /// List the GitHub App installations the token's user can use
    ///
    /// Only a user API token whose user has linked a GitHub account sees installations;
    /// team and organization tokens see none.
    #[command(after_help = examples(&[
        ("ID, NAME, INSTALLATION ID, TYPE, URL", "tfvcs github-app list"),
        ("The ghain-… ids only", "tfvcs github-app list -o id"),
    ]))]
    List,
    /// Show one GitHub App installation
    #[command(after_help = examples(&[
        ("As a two-column table", "tfvcs github-app show ghain-BYrbNeGQ8nAzKouu"),
    ]))]
    Show(GithubAppRef),
    /// List what links a repository through this installation: workspaces, policy sets, modules,
    /// Stacks
    #[command(after_help = examples(&[
        ("Everything", "tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu --org my-org"),
        (
            "Only the modules, as JSON",
            "tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu --kind module -o json",
        ),
        (
            "Only the Stacks, whatever the organization says of stacks-enabled",
            "tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu --kind stack",
        ),
    ]))]
    Usage(GithubAppUsageArgs),
}

#[derive(Debug, Args)]
pub(crate) struct GithubAppRef {
    /// A ghain-… id
    #[arg(value_name = "GHAIN")]
    pub(crate) installation: Id<Installation>,
}

#[derive(Debug, Args)]
pub(crate) struct GithubAppUsageArgs {
    /// A ghain-… id
    #[arg(value_name = "GHAIN")]
    pub(crate) installation: Id<Installation>,
    #[command(flatten)]
    pub(crate) kind: KindFilter,
}
