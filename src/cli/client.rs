//! `tfvcs client …`: the verbs and their arguments.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::examples;
use super::ids::{AgentPool, AgentPoolChange, Id, ProjectRef};
use super::provider::ProviderParser;
use super::shared::{ClientArg, Confirm, DryRun, KindFilter};
use crate::provider::Provider;

#[derive(Debug, Subcommand)]
pub(crate) enum ClientCommand {
    /// List the organization's OAuth clients
    #[command(after_help = examples(&[
        ("ID, NAME, PROVIDER, HTTP URL, TOKEN IDS, CREATED", "tfvcs client list --org my-org"),
        ("Ids only, one per line", "tfvcs client list -o id"),
        (
            "Id and name of each connection",
            "tfvcs client list -o json | jq -r '.data[] | \"\\(.id) \\(.attributes.name)\"'",
        ),
    ]))]
    List,
    /// Show one OAuth client
    #[command(after_help = examples(&[
        ("By id", "tfvcs client show oc-XKFwG6ggfA9n7t1K"),
        (
            "By name; the OAuth token ids its workspaces need",
            "tfvcs client show my-github --org my-org -o json \\\n  | jq -r '.data.relationships[\"oauth-tokens\"].data[].id'",
        ),
    ]))]
    Show(ClientArg),
    /// Create an OAuth client (a VCS connection)
    ///
    /// The PAT comes from --pat-file (a file, or - for stdin), else TFVCS_PAT, else a hidden
    /// prompt at a terminal. Print the OAuth token ids with `tfvcs token list CLIENT`.
    #[command(after_help = examples(&[
        (
            "GitHub.com, the PAT from a CI secret on stdin; keep the new client's id",
            "CLIENT=$(tfvcs client create --provider github --name github --pat-file - -o id <<<\"$GITHUB_PAT\")",
        ),
        (
            "GitLab self-managed, the PAT from the environment, for two projects (a name, an id)",
            "TFVCS_PAT=\"$GITLAB_PAT\" tfvcs client create --provider gitlab_enterprise_edition \\\n    --http-url https://gitlab.example.com --name gitlab \\\n    --org-scoped false --project infra --project prj-ZyXwVu9876543210",
        ),
        (
            "Bitbucket Data Center: consumer key, the app link's private and public keys",
            "tfvcs client create --provider bitbucket_data_center \\\n    --http-url https://bitbucket.example.com --key tfvcs \\\n    --secret-file app-link.key --rsa-public-key-file app-link.pub",
        ),
        (
            "The guide's payload.json, the PAT from a file; print the request, send nothing",
            "tfvcs client create --payload payload.json --pat-file pat.txt --dry-run",
        ),
    ]))]
    Create(ClientCreateArgs),
    /// Change an OAuth client's name, keys, scope, projects or agent pool
    ///
    /// Only the options given are sent. The PAT is changed by `tfvcs client set-pat`.
    #[command(after_help = examples(&[
        ("Rename", "tfvcs client update oc-XKFwG6ggfA9n7t1K --name github-main"),
        (
            "Only for two projects (the list replaces the current one)",
            "tfvcs client update github-main --org-scoped false \\\n    --project prj-AbCdEf0123456789 --project prj-ZyXwVu9876543210",
        ),
        (
            "Detach the agent pool; print the request, send nothing",
            "tfvcs client update oc-XKFwG6ggfA9n7t1K --agent-pool none --dry-run",
        ),
    ]))]
    Update(ClientUpdateArgs),
    /// Replace the stored personal access token (rotation)
    ///
    /// Sends the new PAT and nothing else (with --ado-org-name, the PAT and the Azure DevOps
    /// organization in one request). Its OAuth token keeps its id, so workspaces stay linked.
    #[command(after_help = examples(&[
        ("From a file", "tfvcs client set-pat oc-XKFwG6ggfA9n7t1K --pat-file new-pat.txt"),
        (
            "Azure DevOps: an organization-scoped PAT in place of a global one, in one PATCH",
            "tfvcs client set-pat azure-devops --ado-org-name acme --pat-file - < ado-pat.txt",
        ),
        (
            "From a secret store, through stdin",
            "vault read -field=pat secret/github | tfvcs client set-pat my-github --pat-file -",
        ),
        (
            "Every GitHub connection of the organization",
            "tfvcs client list -o json \\\n  | jq -r '.data[] | select(.attributes[\"service-provider\"] == \"github\") | .id' \\\n  | while read -r id; do tfvcs client set-pat \"$id\" --pat-file - <<<\"$NEW_PAT\"; done",
        ),
    ]))]
    SetPat(ClientSetPatArgs),
    /// Make the client usable by these projects
    #[command(after_help = examples(&[
        (
            "Two more projects, by id",
            "tfvcs client add-projects oc-XKFwG6ggfA9n7t1K prj-AbCdEf0123456789 prj-ZyXwVu9876543210",
        ),
        (
            "By name (looked up in --org)",
            "tfvcs client add-projects my-github \"Default Project\" --org my-org",
        ),
    ]))]
    AddProjects(ClientProjectsArgs),
    /// Stop these projects from using the client
    #[command(after_help = examples(&[
        (
            "Print the request, send nothing",
            "tfvcs client remove-projects my-github prj-AbCdEf0123456789 --dry-run",
        ),
    ]))]
    RemoveProjects(ClientProjectsArgs),
    /// List what uses any of the client's OAuth tokens: workspaces, policy sets, modules, Stacks
    ///
    /// Walks the organization's workspaces, policy sets, private registry modules and Stacks
    /// (the API has no filter for this) and keeps those whose vcs-repo names one of the
    /// client's tokens. Stacks are walked when the organization has them enabled, or when
    /// --kind stack asks. To move them to another connection, see `tfvcs token relink`.
    #[command(after_help = examples(&[
        (
            "KIND, NAME, ID, REPOSITORY, BRANCH, CONNECTION of everything using it",
            "tfvcs client usage my-github --org my-org",
        ),
        (
            "Only the workspaces, as ids",
            "tfvcs client usage oc-XKFwG6ggfA9n7t1K --kind workspace -o id",
        ),
    ]))]
    Usage(ClientUsageArgs),
    /// Delete an OAuth client, after finding everything that uses it
    ///
    /// First it finds what uses any of the client's tokens, as `client usage` does
    /// (workspaces, policy sets, modules). At a terminal it lists them and asks (default no).
    /// Elsewhere (CI, pipes, --no-input) it needs --yes, which deletes only a client nothing
    /// uses; --yes --force deletes it anyway, and says what lost its connection.
    #[command(after_help = examples(&[
        ("Show what goes and what uses it, then ask", "tfvcs client delete oc-XKFwG6ggfA9n7t1K"),
        ("In CI: no question; print the deleted id", "tfvcs client delete my-github --yes -o id"),
        ("Even though resources use it", "tfvcs client delete my-github --yes --force"),
    ]))]
    Delete(ClientDeleteArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ClientCreateArgs {
    /// VCS provider (required unless the payload names one)
    #[arg(long, value_parser = ProviderParser)]
    pub(crate) provider: Option<Provider>,
    /// Display name of the connection
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// VCS homepage URL (defaults for github, gitlab_hosted, bitbucket_hosted, ado_services)
    #[arg(long, value_name = "URL")]
    pub(crate) http_url: Option<String>,
    /// VCS API URL (derived from --http-url when omitted)
    #[arg(long, value_name = "URL")]
    pub(crate) api_url: Option<String>,
    /// File holding the personal access token, or - for stdin [else env: TFVCS_PAT]
    #[arg(long, value_name = "PATH|-")]
    pub(crate) pat_file: Option<PathBuf>,
    /// OAuth consumer / application key (Bitbucket Data Center: the app link's consumer key)
    #[arg(long)]
    pub(crate) key: Option<String>,
    /// File holding the OAuth secret (Bitbucket Data Center: the app link's private key)
    #[arg(long, value_name = "PATH|-")]
    pub(crate) secret_file: Option<PathBuf>,
    /// File holding the app link's RSA public key (Bitbucket Data Center / Server)
    #[arg(long, value_name = "PATH|-")]
    pub(crate) rsa_public_key_file: Option<PathBuf>,
    /// File holding the SSH private key (Azure DevOps Server only, required there)
    #[arg(long, value_name = "PATH|-")]
    pub(crate) private_key_file: Option<PathBuf>,
    /// Azure DevOps organization an organization-scoped PAT belongs to (ado_services only)
    #[arg(long, value_name = "NAME")]
    pub(crate) ado_org_name: Option<String>,
    /// Usable by every project (true) or only by the --project list (false)
    #[arg(long, value_name = "true|false")]
    pub(crate) org_scoped: Option<bool>,
    /// Project allowed to use the client: a prj-… id or a project name (repeatable)
    #[arg(long = "project", value_name = "PROJECT")]
    pub(crate) projects: Vec<ProjectRef>,
    /// Agent pool with Private VCS access
    #[arg(long, value_name = "apool-…")]
    pub(crate) agent_pool: Option<Id<AgentPool>>,
    /// JSON:API document like the guide's payload.json; flags override its attributes
    #[arg(long, value_name = "FILE|-")]
    pub(crate) payload: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) dry_run: DryRun,
}

#[derive(Debug, Args)]
pub(crate) struct ClientUpdateArgs {
    #[command(flatten)]
    pub(crate) client: ClientArg,
    /// New display name
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// New OAuth consumer / application key
    #[arg(long)]
    pub(crate) key: Option<String>,
    /// File holding the new OAuth secret, or - for stdin
    #[arg(long, value_name = "PATH|-")]
    pub(crate) secret_file: Option<PathBuf>,
    /// File holding the new RSA public key, or - for stdin
    #[arg(long, value_name = "PATH|-")]
    pub(crate) rsa_public_key_file: Option<PathBuf>,
    /// Azure DevOps organization an organization-scoped PAT belongs to
    #[arg(long, value_name = "NAME", conflicts_with = "clear_ado_org_name")]
    pub(crate) ado_org_name: Option<String>,
    /// Remove the Azure DevOps organization name (for a global PAT)
    #[arg(long)]
    pub(crate) clear_ado_org_name: bool,
    /// Usable by every project (true) or only by its projects (false)
    #[arg(long, value_name = "true|false")]
    pub(crate) org_scoped: Option<bool>,
    /// Project allowed to use the client: a prj-… id or a project name (repeatable; replaces
    /// the set)
    #[arg(
        long = "project",
        value_name = "PROJECT",
        conflicts_with = "clear_projects"
    )]
    pub(crate) projects: Vec<ProjectRef>,
    /// Remove every project from the client
    #[arg(long)]
    pub(crate) clear_projects: bool,
    /// Agent pool with Private VCS access, or none to detach it
    #[arg(long, value_name = "apool-…|none")]
    pub(crate) agent_pool: Option<AgentPoolChange>,
    #[command(flatten)]
    pub(crate) dry_run: DryRun,
}

#[derive(Debug, Args)]
pub(crate) struct ClientSetPatArgs {
    #[command(flatten)]
    pub(crate) client: ClientArg,
    /// File holding the new personal access token, or - for stdin [else env: TFVCS_PAT]
    #[arg(long, value_name = "PATH|-")]
    pub(crate) pat_file: Option<PathBuf>,
    /// The Azure DevOps organization the new PAT belongs to (an organization-scoped PAT),
    /// sent in the same request (ado_services)
    #[arg(long, value_name = "NAME")]
    pub(crate) ado_org_name: Option<String>,
    #[command(flatten)]
    pub(crate) dry_run: DryRun,
}

#[derive(Debug, Args)]
pub(crate) struct ClientProjectsArgs {
    #[command(flatten)]
    pub(crate) client: ClientArg,
    /// Projects: prj-… ids or project names (resolved in --org)
    #[arg(value_name = "PROJECT", required = true)]
    pub(crate) projects: Vec<ProjectRef>,
    #[command(flatten)]
    pub(crate) dry_run: DryRun,
}

#[derive(Debug, Args)]
pub(crate) struct ClientDeleteArgs {
    #[command(flatten)]
    pub(crate) client: ClientArg,
    #[command(flatten)]
    pub(crate) confirm: Confirm,
    #[command(flatten)]
    pub(crate) dry_run: DryRun,
}

#[derive(Debug, Args)]
pub(crate) struct ClientUsageArgs {
    #[command(flatten)]
    pub(crate) client: ClientArg,
    #[command(flatten)]
    pub(crate) kind: KindFilter,
}
