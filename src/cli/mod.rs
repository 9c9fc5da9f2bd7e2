//! Every command-line type: the global options, one subcommand enum per noun, one args struct
//! per verb. Pure data: the doc comments are the help text, and each command's EXAMPLES are
//! listed beside it (rendered by `examples`, for `--help` and the man pages alike).

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::linked::Kind;
use crate::linked::kind::KINDS;
use crate::provider::Provider;

/// The heading of the examples in `--help`; the man pages turn what follows it into EXAMPLES.
pub const EXAMPLES_HEADING: &str = "EXAMPLES:";
/// The heading of the variables in the top-level `--help`.
pub const ENVIRONMENT_HEADING: &str = "ENVIRONMENT:";
/// The help heading of the options shared by every command that talks to the API.
pub const GLOBAL_OPTIONS_HEADING: &str = "Global options";

/// The variables read by every command that talks to the API: (name, meaning).
pub const CONNECTION_ENVIRONMENT: &[(&str, &str)] = &[
    (
        "TFE_TOKEN",
        "API token; else TF_TOKEN_<host>, else ~/.terraform.d/credentials.tfrc.json",
    ),
    (
        "TF_TOKEN_<host>",
        "API token for one host, in Terraform's encoding (TF_TOKEN_app_terraform_io)",
    ),
    (
        "TFE_HOSTNAME, TFE_ADDRESS",
        "host or URL, as --hostname (default app.terraform.io)",
    ),
    ("TFE_ORGANIZATION", "organization, as --org"),
    ("TFVCS_OUTPUT", "output format, as --output"),
    ("TFVCS_TIMEOUT", "seconds per HTTP request, as --timeout"),
    ("TFVCS_RETRIES", "retries, as --retries"),
    ("SSL_CERT_FILE", "PEM CA bundle, as --ca-cert"),
    (
        "TFVCS_NO_INPUT",
        "never prompt, as --no-input (1, true; 0, false, off)",
    ),
    (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY",
        "proxies, read as curl reads them; loopback hosts never use one",
    ),
];

/// The variable read by the commands that take `--pat-file`: (name, meaning).
pub const PAT_ENVIRONMENT: (&str, &str) = (
    "TFVCS_PAT",
    "VCS personal access token, when --pat-file is not given",
);

/// Renders `(what it does, command line)` pairs as the EXAMPLES section of `--help`. A command
/// line may continue over lines ending in `\`.
pub fn examples(list: &[(&str, &str)]) -> String {
    let mut text = String::from(EXAMPLES_HEADING);
    for (what, command) in list {
        text.push_str(&format!("\n  # {what}\n"));
        for line in command.lines() {
            text.push_str(&format!("  {line}\n"));
        }
    }
    text.trim_end().to_string()
}

/// The top-level `--help` epilogue: examples, then every variable tfvcs reads.
fn root_help() -> String {
    let mut text = examples(&[
        (
            "Try it offline: a sandbox in the background, and this shell pointed at it",
            "eval \"$(tfvcs sandbox --detach)\"",
        ),
        (
            "List the VCS connections of an organization",
            "tfvcs client list --org my-org",
        ),
        (
            "Connect GitHub with a PAT from a CI secret; keep the new client's id",
            "CLIENT=$(tfvcs client create --provider github --pat-file - -o id <<<\"$GITHUB_PAT\")",
        ),
        (
            "The OAuth token id a workspace's vcs-repo needs",
            "tfvcs token list \"$CLIENT\" -o id",
        ),
        (
            "Where the host, organization and token come from",
            "tfvcs auth status",
        ),
    ]);
    text.push_str(&format!("\n\n{ENVIRONMENT_HEADING}\n"));
    for (name, meaning) in CONNECTION_ENVIRONMENT.iter().chain([&PAT_ENVIRONMENT]) {
        text.push_str(&format!("  {name}\n      {meaning}\n"));
    }
    text.trim_end().to_string()
}

/// Manage VCS connections (OAuth clients and OAuth tokens) on HCP Terraform and Terraform
/// Enterprise.
///
/// An OAuth client (oc-…) links an organization to GitHub, GitLab, Bitbucket or Azure DevOps;
/// its OAuth token (ot-…) is the id a workspace's vcs-repo points at. Secrets are never flag
/// values: they come from files, stdin or variables.
// No `Debug`: `SandboxArgs` holds the sandbox's API token.
#[derive(Parser)]
#[command(name = "tfvcs", version, after_help = root_help(), max_term_width = 100)]
// Accepted before the noun too (`tfvcs --org my-org client list`); clap merges them into the
// noun's own copy. Not global here, so that sandbox and completions do not offer them.
#[command(mut_args(|arg| arg.global(false)))]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The options of every command that talks to the API, shown under their own heading after the
/// command's own. Variables are resolved in `config.rs`, not by clap, so that a variable that
/// happens to be set never shows up in a usage line or a help text.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = GLOBAL_OPTIONS_HEADING)]
pub struct GlobalArgs {
    /// Host (optionally host:port, meaning https) or URL with an optional API base path
    /// [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]
    #[arg(long, global = true, value_name = "HOST|URL")]
    pub hostname: Option<String>,

    /// Organization name [env: TFE_ORGANIZATION]
    #[arg(
        long,
        visible_alias = "organization",
        global = true,
        value_name = "NAME"
    )]
    pub org: Option<String>,

    /// Output format [env: TFVCS_OUTPUT] [default: table]
    #[arg(short, long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]
    #[arg(long, global = true, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: Option<u64>,

    /// Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES]
    /// [default: 5]
    #[arg(long, global = true, value_name = "N")]
    pub retries: Option<u32>,

    /// Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE)
    /// [env: SSL_CERT_FILE]
    #[arg(long, global = true, value_name = "PEM FILE")]
    pub ca_cert: Option<PathBuf>,

    /// Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]
    #[arg(long, global = true)]
    pub no_input: bool,
}

impl GlobalArgs {
    /// The first option given on the command line, as typed (for refusing them where they
    /// mean nothing).
    pub fn first_given(&self) -> Option<&'static str> {
        [
            (self.hostname.is_some(), "--hostname"),
            (self.org.is_some(), "--org"),
            (self.output.is_some(), "--output"),
            (self.verbose > 0, "--verbose"),
            (self.timeout.is_some(), "--timeout"),
            (self.retries.is_some(), "--retries"),
            (self.ca_cert.is_some(), "--ca-cert"),
            (self.no_input, "--no-input"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Human-readable tables
    Table,
    /// The server's JSON:API documents
    Json,
    /// Bare ids, one per line
    Id,
}

// Parsed once per run: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum Command {
    /// OAuth clients: the connections between an organization and a VCS provider
    #[command(after_help = examples(&[
        ("The organization's connections", "tfvcs client list --org my-org"),
        (
            "Connect GitHub.com, the PAT on stdin; print only the new client's id",
            "tfvcs client create --provider github --pat-file - -o id < pat.txt",
        ),
        ("Rotate a connection's PAT", "tfvcs client set-pat my-github --pat-file - < new-pat.txt"),
    ]))]
    Client(ClientArgs),
    /// OAuth tokens: the ids a workspace's vcs-repo points at
    #[command(after_help = examples(&[
        ("The token ids of one client", "tfvcs token list my-github --org my-org -o id"),
        (
            "Every GitHub token of the organization, as JSON",
            "tfvcs token list --provider github -o json | jq -r '.data[].id'",
        ),
    ]))]
    Token(TokenArgs),
    /// GitHub App installations the API token's user can link repositories through
    #[command(after_help = examples(&[
        ("The ghain-… id a migration to the GitHub App needs", "tfvcs github-app list -o id"),
        (
            "What already links through it",
            "tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu --org my-org",
        ),
    ]))]
    GithubApp(GithubAppArgs),
    /// Where the host, token and organization come from
    #[command(after_help = examples(&[
        ("Check the token and see where it was found", "tfvcs auth status"),
    ]))]
    Auth(AuthArgs),
    /// Print a shell completion script
    #[command(after_help = examples(&[
        (
            "bash",
            "mkdir -p ~/.local/share/bash-completion/completions && \\\n  \
             tfvcs completions bash > ~/.local/share/bash-completion/completions/tfvcs",
        ),
        (
            "zsh (a folder on $fpath: fpath+=~/.zfunc in ~/.zshrc, before compinit)",
            "mkdir -p ~/.zfunc && tfvcs completions zsh > ~/.zfunc/_tfvcs",
        ),
        (
            "fish",
            "mkdir -p ~/.config/fish/completions && \\\n  \
             tfvcs completions fish > ~/.config/fish/completions/tfvcs.fish",
        ),
    ]))]
    Completions(CompletionsArgs),
    /// Run a local TFE-compatible API for VCS connections (in memory)
    #[command(after_help = examples(&[
        (
            "In the background, ready when it returns; stop it with kill \"$TFVCS_SANDBOX_PID\"",
            "eval \"$(tfvcs sandbox --detach --log sandbox.log)\"",
        ),
        (
            "In the foreground, on a free port, printing one line per request",
            "tfvcs sandbox --listen 127.0.0.1:0",
        ),
        (
            "A reproducible server that keeps its data and answers slowly",
            "tfvcs sandbox --state sandbox.json --seed 7 --latency-ms 200",
        ),
    ]))]
    Sandbox(SandboxArgs),
}

/// `tfvcs client …`: the connection options, then the verb.
#[derive(Debug, Args)]
pub struct ClientArgs {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: ClientCommand,
}

/// `tfvcs token …`: the connection options, then the verb.
#[derive(Debug, Args)]
pub struct TokenArgs {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: TokenCommand,
}

/// `tfvcs github-app …`: the connection options, then the verb.
#[derive(Debug, Args)]
pub struct GithubAppArgs {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: GithubAppCommand,
}

/// `tfvcs auth …`: the connection options, then the verb.
#[derive(Debug, Args)]
pub struct AuthArgs {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: AuthCommand,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print the script for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
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
    Show(ClientRef),
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
    Create(CreateArgs),
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
    Update(UpdateArgs),
    /// Replace the stored personal access token (rotation)
    ///
    /// Sends the new PAT and nothing else. Its OAuth token keeps its id, so workspaces stay
    /// linked.
    #[command(after_help = examples(&[
        ("From a file", "tfvcs client set-pat oc-XKFwG6ggfA9n7t1K --pat-file new-pat.txt"),
        (
            "From a secret store, through stdin",
            "vault read -field=pat secret/github | tfvcs client set-pat my-github --pat-file -",
        ),
        (
            "Every GitHub connection of the organization",
            "tfvcs client list -o json \\\n  | jq -r '.data[] | select(.attributes[\"service-provider\"] == \"github\") | .id' \\\n  | while read -r id; do tfvcs client set-pat \"$id\" --pat-file - <<<\"$NEW_PAT\"; done",
        ),
    ]))]
    SetPat(SetPatArgs),
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
    AddProjects(ProjectsArgs),
    /// Stop these projects from using the client
    #[command(after_help = examples(&[
        (
            "Print the request, send nothing",
            "tfvcs client remove-projects my-github prj-AbCdEf0123456789 --dry-run",
        ),
    ]))]
    RemoveProjects(ProjectsArgs),
    /// List what uses any of the client's OAuth tokens: workspaces, policy sets, modules
    ///
    /// Walks the organization's workspaces, policy sets and private registry modules (the API
    /// has no filter for this) and keeps those whose vcs-repo names one of the client's
    /// tokens. To move them to another connection, see `tfvcs token relink`.
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
    /// Delete an OAuth client (workspaces using it are unlinked)
    ///
    /// At a terminal it shows what will go and asks (default no). Elsewhere (CI, pipes,
    /// --no-input) it needs --yes.
    #[command(after_help = examples(&[
        ("Show what goes, then ask", "tfvcs client delete oc-XKFwG6ggfA9n7t1K"),
        ("In CI: no question; print the deleted id", "tfvcs client delete my-github --yes -o id"),
    ]))]
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct ClientRef {
    /// An oc-… id, or a client name (resolved in --org)
    #[arg(value_name = "CLIENT")]
    pub client: String,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// VCS provider (required unless the payload names one)
    #[arg(long, value_enum)]
    pub provider: Option<Provider>,
    /// Display name of the connection
    #[arg(long)]
    pub name: Option<String>,
    /// VCS homepage URL (defaults for github, gitlab_hosted, bitbucket_hosted, ado_services)
    #[arg(long, value_name = "URL")]
    pub http_url: Option<String>,
    /// VCS API URL (derived from --http-url when omitted)
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    /// File holding the personal access token, or - for stdin [else env: TFVCS_PAT]
    #[arg(long, value_name = "PATH|-")]
    pub pat_file: Option<PathBuf>,
    /// OAuth consumer / application key (Bitbucket Data Center: the app link's consumer key)
    #[arg(long)]
    pub key: Option<String>,
    /// File holding the OAuth secret (Bitbucket Data Center: the app link's private key)
    #[arg(long, value_name = "PATH|-")]
    pub secret_file: Option<PathBuf>,
    /// File holding the app link's RSA public key (Bitbucket Data Center / Server)
    #[arg(long, value_name = "PATH|-")]
    pub rsa_public_key_file: Option<PathBuf>,
    /// File holding the SSH private key (Azure DevOps Server only, required there)
    #[arg(long, value_name = "PATH|-")]
    pub private_key_file: Option<PathBuf>,
    /// Azure DevOps organization an organization-scoped PAT belongs to (ado_services only)
    #[arg(long, value_name = "NAME")]
    pub ado_org_name: Option<String>,
    /// Usable by every project (true) or only by the --project list (false)
    #[arg(long, value_name = "true|false")]
    pub org_scoped: Option<bool>,
    /// Project allowed to use the client: a prj-… id or a project name (repeatable)
    #[arg(long = "project", value_name = "PROJECT")]
    pub projects: Vec<String>,
    /// Agent pool with Private VCS access
    #[arg(long, value_name = "apool-…")]
    pub agent_pool: Option<String>,
    /// JSON:API document like the guide's payload.json; flags override its attributes
    #[arg(long, value_name = "FILE|-")]
    pub payload: Option<PathBuf>,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// An oc-… id, or a client name (resolved in --org)
    #[arg(value_name = "CLIENT")]
    pub client: String,
    /// New display name
    #[arg(long)]
    pub name: Option<String>,
    /// New OAuth consumer / application key
    #[arg(long)]
    pub key: Option<String>,
    /// File holding the new OAuth secret, or - for stdin
    #[arg(long, value_name = "PATH|-")]
    pub secret_file: Option<PathBuf>,
    /// File holding the new RSA public key, or - for stdin
    #[arg(long, value_name = "PATH|-")]
    pub rsa_public_key_file: Option<PathBuf>,
    /// Azure DevOps organization an organization-scoped PAT belongs to
    #[arg(long, value_name = "NAME", conflicts_with = "clear_ado_org_name")]
    pub ado_org_name: Option<String>,
    /// Remove the Azure DevOps organization name (for a global PAT)
    #[arg(long)]
    pub clear_ado_org_name: bool,
    /// Usable by every project (true) or only by its projects (false)
    #[arg(long, value_name = "true|false")]
    pub org_scoped: Option<bool>,
    /// Project allowed to use the client: a prj-… id or a project name (repeatable; replaces
    /// the set)
    #[arg(
        long = "project",
        value_name = "PROJECT",
        conflicts_with = "clear_projects"
    )]
    pub projects: Vec<String>,
    /// Remove every project from the client
    #[arg(long)]
    pub clear_projects: bool,
    /// Agent pool with Private VCS access, or none to detach it
    #[arg(long, value_name = "apool-…|none")]
    pub agent_pool: Option<String>,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct SetPatArgs {
    /// An oc-… id, or a client name (resolved in --org)
    #[arg(value_name = "CLIENT")]
    pub client: String,
    /// File holding the new personal access token, or - for stdin [else env: TFVCS_PAT]
    #[arg(long, value_name = "PATH|-")]
    pub pat_file: Option<PathBuf>,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ProjectsArgs {
    /// An oc-… id, or a client name (resolved in --org)
    #[arg(value_name = "CLIENT")]
    pub client: String,
    /// Projects: prj-… ids or project names (resolved in --org)
    #[arg(value_name = "PROJECT", required = true)]
    pub projects: Vec<String>,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// An oc-… id, or a client name (resolved in --org)
    #[arg(value_name = "CLIENT")]
    pub client: String,
    /// Delete without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
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
    SetSshKey(SetSshKeyArgs),
    /// Delete an OAuth token
    ///
    /// At a terminal it asks first (default no). Elsewhere (CI, pipes, --no-input) it needs
    /// --yes.
    #[command(after_help = examples(&[
        ("Without a question (CI)", "tfvcs token delete ot-hmAyP66qk2AMVdbJ --yes"),
        ("Print the request, send nothing", "tfvcs token delete ot-hmAyP66qk2AMVdbJ --dry-run"),
    ]))]
    Delete(TokenDeleteArgs),
    /// List what uses these OAuth tokens: workspaces, policy sets, modules
    ///
    /// Walks the organization's workspaces, policy sets and private registry modules (the API
    /// has no filter for this) and keeps those whose vcs-repo names one of the tokens.
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
    /// Re-point everything that uses one connection to another
    ///
    /// Checks the target first (it exists, belongs to the organization, and can serve the
    /// repositories), finds what uses FROM as `tfvcs token usage` does, shows the plan and
    /// asks (default no; elsewhere than a terminal it needs --yes). Each resource gets one
    /// PATCH that keeps its repository, branch and settings, and each answer is checked. One
    /// failure does not stop the others; running the same command again finishes an
    /// interrupted relink.
    #[command(after_help = examples(&[
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
    ]))]
    Relink(RelinkArgs),
}

/// `--kind`: the kinds of resource that link a repository through a connection, parsed from
/// the labels of `linked::kind::KINDS`.
#[derive(Debug, Args)]
pub struct KindFilter {
    /// Only this kind of resource (repeatable) [default: all]
    #[arg(long = "kind", value_name = "KIND", value_parser = kind_parser())]
    pub kinds: Vec<Kind>,
}

/// Accepts the label of each row of `KINDS`, with its help for `--help` and completions.
fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(
        KINDS
            .iter()
            .map(|s| PossibleValue::new(s.label).help(s.help)),
    )
    .try_map(|label| Kind::from_label(&label).ok_or("not a kind"))
}

#[derive(Debug, Args)]
pub struct ClientUsageArgs {
    /// An oc-… id, or a client name (resolved in --org)
    #[arg(value_name = "CLIENT")]
    pub client: String,
    #[command(flatten)]
    pub kind: KindFilter,
}

#[derive(Debug, Args)]
pub struct TokenUsageArgs {
    /// ot-… ids
    #[arg(value_name = "TOKEN", required = true)]
    pub tokens: Vec<String>,
    #[command(flatten)]
    pub kind: KindFilter,
}

#[derive(Debug, Args)]
pub struct RelinkArgs {
    /// The OAuth token (ot-…) whose resources move
    #[arg(value_name = "FROM")]
    pub from: String,
    /// The connection they move to: an OAuth token or a GitHub App installation
    #[arg(long, value_name = "ot-…|ghain-…", required = true)]
    pub to: String,
    #[command(flatten)]
    pub kind: KindFilter,
    /// Only this workspace, by name or ws-… id (repeatable; implies --kind workspace)
    #[arg(long = "workspace", value_name = "NAME|ws-…")]
    pub workspaces: Vec<String>,
    /// Relink without asking (needed when not at a terminal)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Print the plan and the PATCH requests instead of sending them
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum GithubAppCommand {
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
    /// List what links a repository through this installation: workspaces, policy sets, modules
    #[command(after_help = examples(&[
        ("Everything", "tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu --org my-org"),
        (
            "Only the modules, as JSON",
            "tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu --kind module -o json",
        ),
    ]))]
    Usage(GithubAppUsageArgs),
}

#[derive(Debug, Args)]
pub struct GithubAppRef {
    /// A ghain-… id
    #[arg(value_name = "GHAIN")]
    pub installation: String,
}

#[derive(Debug, Args)]
pub struct GithubAppUsageArgs {
    /// A ghain-… id
    #[arg(value_name = "GHAIN")]
    pub installation: String,
    #[command(flatten)]
    pub kind: KindFilter,
}

#[derive(Debug, Args)]
pub struct TokenListArgs {
    /// An oc-… id or client name; omit it to list the organization's tokens
    #[arg(value_name = "CLIENT")]
    pub client: Option<String>,
    /// Only tokens of this provider (organization-wide listing only)
    #[arg(long, value_enum)]
    pub provider: Option<Provider>,
}

#[derive(Debug, Args)]
pub struct TokenRef {
    /// An ot-… id
    #[arg(value_name = "TOKEN")]
    pub token: String,
}

#[derive(Debug, Args)]
pub struct SetSshKeyArgs {
    /// An ot-… id
    #[arg(value_name = "TOKEN")]
    pub token: String,
    /// File holding the PEM private key, or - for stdin
    #[arg(long, value_name = "PATH|-", required = true)]
    pub ssh_key_file: PathBuf,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct TokenDeleteArgs {
    /// An ot-… id
    #[arg(value_name = "TOKEN")]
    pub token: String,
    /// Delete without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Show the host, organization and where the token comes from, then check the token
    ///
    /// Prints where the token was found (a variable's name or a file's path), never the
    /// token, then checks it with one request (GET /account/details).
    #[command(after_help = examples(&[
        ("The default host, app.terraform.io", "tfvcs auth status"),
        ("A Terraform Enterprise host", "tfvcs auth status --hostname tfe.example.com"),
        ("Where the token came from, in a script", "tfvcs auth status -o json | jq -r .token_source"),
    ]))]
    Status,
}

/// No `Debug`: `token` is a secret.
#[derive(Args)]
pub struct SandboxArgs {
    /// Address to listen on (port 0 picks a free one)
    #[arg(long, default_value = "127.0.0.1:8990", value_name = "ADDR")]
    pub listen: String,
    /// Organization the sandbox serves [default: sandbox]
    #[arg(long, value_name = "NAME")]
    pub org: Option<String>,
    /// API token clients must send [default: random]
    #[arg(long, value_name = "T")]
    pub token: Option<String>,
    /// Persist to this JSON file (written atomically after each change, loaded at start)
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Delay every response by this many milliseconds
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub latency_ms: u64,
    /// Answer this fraction of requests with 503
    #[arg(long, default_value_t = 0.0, value_name = "0..1")]
    pub fail_rate: f64,
    /// Answer 429 past this many requests per second
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,
    /// Seed for ids, tokens and failures (reproducible runs)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Run in the background: print the export lines and `export TFVCS_SANDBOX_PID=<pid>`
    /// once it listens, then return
    #[arg(long)]
    pub detach: bool,
    /// Write the request log to this file instead of stderr (with --detach: instead of
    /// nowhere)
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Start with this many GitHub clients (each with its token) and as many workspaces
    /// linked to them, for benchmarks
    #[arg(long, value_name = "N", hide = true)]
    pub populate: Option<usize>,
    /// Set on the background process `--detach` starts
    #[arg(long, hide = true)]
    pub detached: bool,
}
