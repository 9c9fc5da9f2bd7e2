//! `tfvcs token …`: the verbs and their arguments.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::examples;
use super::ids::{
    ClientRef, Id, OAuthToken, connection_parser, from_parser, narrowed_by_name_parser,
};
use super::provider::ProviderParser;
use super::shared::{Confirm, DryRun, KindFilter};
use crate::linked::Connection;
use crate::provider::Provider;

#[derive(Debug, Subcommand)]
pub(crate) enum TokenCommand {
    /// List OAuth tokens: of one client, or of the whole organization
    #[command(after_help = examples(&[
        ("The tokens of one client", "tfvcs token list oc-XKFwG6ggfA9n7t1K"),
        (
            "The token id a workspace's vcs-repo needs, in a script",
            "TOKEN_ID=$(tfvcs token list \"$CLIENT\" -o id)",
        ),
        ("Every GitHub token of the organization", "tfvcs token list --provider github --org my-org"),
    ]))]
    List(TokenListArgs),
    /// Show one OAuth token
    #[command(after_help = examples(&[
        ("ID, Client, User, SSH key, Created", "tfvcs token show ot-hmAyP66qk2AMVdbJ"),
        (
            "The VCS user the token acts as",
            "tfvcs token show ot-hmAyP66qk2AMVdbJ -o json | jq -r '.data.attributes[\"service-provider-user\"]'",
        ),
    ]))]
    Show(TokenRef),
    /// Give an OAuth token the SSH key used to clone (PEM, no passphrase)
    #[command(after_help = examples(&[
        ("From a file", "tfvcs token set-ssh-key ot-hmAyP66qk2AMVdbJ --ssh-key-file ~/.ssh/tfe_deploy"),
        (
            "From a secret store, through stdin",
            "vault read -field=key secret/deploy | tfvcs token set-ssh-key ot-hmAyP66qk2AMVdbJ --ssh-key-file -",
        ),
    ]))]
    SetSshKey(TokenSetSshKeyArgs),
    /// Delete an OAuth token, after finding everything that uses it
    ///
    /// First it finds what uses the token, as `token usage` does (workspaces, policy sets,
    /// modules). At a terminal it lists them and asks (default no). Elsewhere (CI, pipes,
    /// --no-input) it needs --yes, which deletes only a token nothing uses; --yes --force
    /// deletes it anyway, and says what lost its connection.
    #[command(after_help = examples(&[
        ("Without a question (CI), if nothing uses it", "tfvcs token delete ot-hmAyP66qk2AMVdbJ --yes"),
        ("Even though resources use it", "tfvcs token delete ot-hmAyP66qk2AMVdbJ --yes --force"),
        ("What uses it, and the request; nothing sent", "tfvcs token delete ot-hmAyP66qk2AMVdbJ --dry-run"),
    ]))]
    Delete(TokenDeleteArgs),
    /// List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks
    ///
    /// Walks the organization's workspaces, policy sets, private registry modules and Stacks
    /// (the API has no filter for this) and keeps those whose vcs-repo names one of the
    /// tokens. Stacks are walked when the organization has them enabled, or when --kind stack
    /// asks.
    #[command(after_help = examples(&[
        (
            "What still uses the token of a departed colleague",
            "tfvcs token usage ot-hmAyP66qk2AMVdbJ --org my-org",
        ),
        (
            "Several tokens at once; the repositories, from JSON",
            "tfvcs token usage ot-hmAyP66qk2AMVdbJ ot-29t7xkUKiNC2XasL -o json \\\n  | jq -r '.data[].attributes[\"vcs-repo\"].identifier'",
        ),
    ]))]
    Usage(TokenUsageArgs),
    /// Re-point everything that uses one connection to another, or to other repositories
    ///
    /// Checks the target first (it exists, belongs to the organization, and can serve the
    /// repositories), finds what uses FROM as `tfvcs token usage` does, shows the plan and
    /// asks (default no; elsewhere than a terminal it needs --yes). Each resource gets one
    /// PATCH that keeps its repository, branch and settings, and each answer is checked. One
    /// failure does not stop the others; running the same command again finishes an
    /// interrupted relink (Ctrl-C stops it between PATCHes).
    ///
    /// With --map or --rewrite the repositories move too (a new VCS host, a renamed
    /// organization): each resource's identifier becomes the new one its rule gives; FROM
    /// and --to may then be the same connection.
    ///
    /// Every run that sends a PATCH first writes a journal (JSON Lines, mode 0600) in
    /// $XDG_STATE_HOME/tfvcs/journal/ (else ~/.local/state/tfvcs/journal/) or at --journal,
    /// and prints its path; --undo JOURNAL puts back what that run changed.
    #[command(
        // Two forms: clap's own line would show FROM beside --undo, which refuses it.
        override_usage = "tfvcs token relink [OPTIONS] <FROM> --to <ot-…|ghain-…>\n       \
                          tfvcs token relink --undo <JOURNAL> [--journal <FILE>] [--yes] [--dry-run]",
        after_help = examples(&[
        (
            "Print the plan and every PATCH, send nothing",
            "tfvcs token relink ot-hmAyP66qk2AMVdbJ --to ot-29t7xkUKiNC2XasL --dry-run",
        ),
        (
            "Move everything to a GitHub App installation, without a question (CI)",
            "tfvcs token relink ot-hmAyP66qk2AMVdbJ --to ghain-BYrbNeGQ8nAzKouu --yes",
        ),
        (
            "Only two workspaces, by name and by id",
            "tfvcs token relink ot-hmAyP66qk2AMVdbJ --to ot-29t7xkUKiNC2XasL \\\n    --workspace web --workspace ws-KTuq99JSzgmDSvYj",
        ),
        (
            "From Bitbucket to GitHub, each repository's new name in a CSV of old,new lines",
            "tfvcs token relink ot-hmAyP66qk2AMVdbJ --to ot-29t7xkUKiNC2XasL --map moves.csv --dry-run",
        ),
        (
            "A renamed GitHub organization, on the same connection",
            "tfvcs token relink ot-hmAyP66qk2AMVdbJ --to ot-hmAyP66qk2AMVdbJ \\\n    --rewrite acme-old/=acme/ --yes",
        ),
        (
            "Put back what a relink changed",
            "tfvcs token relink --undo \\\n    ~/.local/state/tfvcs/journal/20261204T222109.123Z-relink-ot-hmAyP66qk2AMVdbJ.jsonl",
        ),
    ]))]
    Relink(TokenRelinkArgs),
}

#[derive(Debug, Args)]
pub(crate) struct TokenUsageArgs {
    /// ot-… ids
    #[arg(value_name = "TOKEN", required = true)]
    pub(crate) tokens: Vec<Id<OAuthToken>>,
    #[command(flatten)]
    pub(crate) kind: KindFilter,
}

#[derive(Debug, Args)]
pub(crate) struct TokenRelinkArgs {
    /// The connection whose resources move: an OAuth token (ot-…) or a GitHub App
    /// installation (ghain-…), also one that no longer exists
    #[arg(value_name = "FROM", required_unless_present = "undo", value_parser = from_parser())]
    pub(crate) from: Option<Connection>,
    /// The connection they move to: an OAuth token or a GitHub App installation
    #[arg(
        long,
        value_name = "ot-…|ghain-…",
        required_unless_present = "undo",
        value_parser = connection_parser()
    )]
    pub(crate) to: Option<Connection>,
    #[command(flatten)]
    pub(crate) kind: KindFilter,
    /// Only this workspace, by name or ws-… id (repeatable; implies --kind workspace)
    #[arg(long = "workspace", value_name = "NAME|ws-…", value_parser = narrowed_by_name_parser())]
    pub(crate) workspaces: Vec<String>,
    /// The new repository of each old one: a CSV of old,new lines (a first line old,new is a
    /// header, # starts a comment) or a JSON object {"old": "new", …}
    #[arg(long, value_name = "FILE")]
    pub(crate) map: Option<PathBuf>,
    /// Give every repository that starts with OLD_PREFIX the prefix NEW_PREFIX instead
    /// (repeatable; an exact --map entry wins, then the longest prefix)
    #[arg(long, value_name = "OLD_PREFIX=NEW_PREFIX")]
    pub(crate) rewrite: Vec<String>,
    /// Relink the resources no --map or --rewrite rule maps, with their repositories
    /// unchanged (without it, they stop the relink before anything is sent)
    #[arg(long)]
    pub(crate) keep_unmapped: bool,
    /// Write the journal to FILE, a new file [default: a new file in
    /// $XDG_STATE_HOME/tfvcs/journal/, else ~/.local/state/tfvcs/journal/]
    #[arg(long, value_name = "FILE")]
    pub(crate) journal: Option<PathBuf>,
    /// Put back every resource that the relink (or undo) recorded in JOURNAL changed and that
    /// is still as it left it
    #[arg(
        long,
        value_name = "JOURNAL",
        conflicts_with_all = ["from", "to", "kinds", "workspaces", "map", "rewrite", "keep_unmapped"]
    )]
    pub(crate) undo: Option<PathBuf>,
    /// Relink without asking (needed when not at a terminal)
    #[arg(long, short = 'y')]
    pub(crate) yes: bool,
    /// Print the plan and the PATCH requests instead of sending them
    #[arg(long)]
    pub(crate) dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct TokenListArgs {
    /// An oc-… id or client name; omit it to list the organization's tokens
    #[arg(value_name = "CLIENT")]
    pub(crate) client: Option<ClientRef>,
    /// Only tokens of this provider (organization-wide listing only)
    #[arg(long, value_parser = ProviderParser)]
    pub(crate) provider: Option<Provider>,
}

#[derive(Debug, Args)]
pub(crate) struct TokenRef {
    /// An ot-… id
    #[arg(value_name = "TOKEN")]
    pub(crate) token: Id<OAuthToken>,
}

#[derive(Debug, Args)]
pub(crate) struct TokenSetSshKeyArgs {
    /// An ot-… id
    #[arg(value_name = "TOKEN")]
    pub(crate) token: Id<OAuthToken>,
    /// File holding the PEM private key, or - for stdin
    #[arg(long, value_name = "PATH|-", required = true)]
    pub(crate) ssh_key_file: PathBuf,
    #[command(flatten)]
    pub(crate) dry_run: DryRun,
}

#[derive(Debug, Args)]
pub(crate) struct TokenDeleteArgs {
    /// An ot-… id
    #[arg(value_name = "TOKEN")]
    pub(crate) token: Id<OAuthToken>,
    #[command(flatten)]
    pub(crate) confirm: Confirm,
    #[command(flatten)]
    pub(crate) dry_run: DryRun,
}
