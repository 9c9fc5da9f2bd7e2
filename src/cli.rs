//! Every command-line type: the global options, one subcommand enum per noun, one args struct
//! per verb. Pure data: the doc comments are the help text.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::provider::Provider;

const ROOT_EXAMPLES: &str = "\
EXAMPLES:
  # Try it offline against the bundled sandbox
  tfvcs sandbox --listen 127.0.0.1:0 > sandbox.env &  sleep 1; . ./sandbox.env

  # List the VCS connections of an organization
  tfvcs --org my-org client list

  # Connect GitHub with a personal access token read from stdin
  tfvcs --org my-org client create --provider github --pat-file - < pat.txt

  # The OAuth token id a workspace's vcs-repo needs
  tfvcs --org my-org token list my-github -o id

ENVIRONMENT:
  TFE_TOKEN, TF_TOKEN_<host>   API token (or ~/.terraform.d/credentials.tfrc.json)
  TFE_HOSTNAME, TFE_ADDRESS    host or URL of HCP Terraform / Terraform Enterprise
  TFE_ORGANIZATION             organization
  TFVCS_PAT                    VCS personal access token for create / set-pat";

/// Manage VCS connections (OAuth clients and OAuth tokens) on HCP Terraform and Terraform
/// Enterprise.
// No `Debug`: `SandboxArgs` holds the sandbox's API token.
#[derive(Parser)]
#[command(name = "tfvcs", version, after_help = ROOT_EXAMPLES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand.
#[derive(Debug, Clone, Args)]
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

    /// Output format
    #[arg(short, long, global = true, value_enum, env = "TFVCS_OUTPUT", hide_env_values = true,
          default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,

    /// Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Seconds allowed per HTTP request
    #[arg(long, global = true, env = "TFVCS_TIMEOUT", hide_env_values = true,
          default_value_t = 30, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,

    /// Retries for rate limits, server errors and lost connections
    #[arg(
        long,
        global = true,
        env = "TFVCS_RETRIES",
        hide_env_values = true,
        default_value_t = 5,
        value_name = "N"
    )]
    pub retries: u32,

    /// Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE)
    #[arg(
        long,
        global = true,
        env = "SSL_CERT_FILE",
        hide_env_values = true,
        value_name = "PEM FILE"
    )]
    pub ca_cert: Option<PathBuf>,

    /// Never prompt; fail where a prompt would be needed
    #[arg(long, global = true, env = "TFVCS_NO_INPUT", hide_env_values = true,
          value_parser = clap::builder::FalseyValueParser::new(), num_args = 0,
          default_missing_value = "true", default_value = "false")]
    pub no_input: bool,
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

#[derive(Subcommand)]
pub enum Command {
    /// OAuth clients: the connections between an organization and a VCS provider
    #[command(subcommand)]
    Client(ClientCommand),
    /// OAuth tokens: the ids a workspace's vcs-repo points at
    #[command(subcommand)]
    Token(TokenCommand),
    /// Where the host, token and organization come from
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Print a shell completion script
    #[command(
        after_help = "EXAMPLES:\n  tfvcs completions bash > /etc/bash_completion.d/tfvcs\n  tfvcs completions zsh > \"${fpath[1]}/_tfvcs\""
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Run a local TFE-compatible API for VCS connections (in memory)
    #[command(after_help = SANDBOX_EXAMPLES)]
    Sandbox(SandboxArgs),
}

const SANDBOX_EXAMPLES: &str = "\
EXAMPLES:
  # Start it and point tfvcs at it in this shell
  tfvcs sandbox > /tmp/sandbox.env & sleep 1; . /tmp/sandbox.env

  # A reproducible server that keeps its data and answers slowly
  tfvcs sandbox --state sandbox.json --seed 7 --latency-ms 200";

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// List the organization's OAuth clients
    #[command(
        after_help = "EXAMPLES:\n  tfvcs --org my-org client list\n  tfvcs --org my-org client list -o id"
    )]
    List,
    /// Show one OAuth client
    #[command(
        after_help = "EXAMPLES:\n  tfvcs client show oc-XKFwG6ggfA9n7t1K\n  tfvcs --org my-org client show my-github -o json"
    )]
    Show(ClientRef),
    /// Create an OAuth client (a VCS connection)
    #[command(after_help = CREATE_EXAMPLES)]
    Create(CreateArgs),
    /// Change an OAuth client's name, keys, scope, projects or agent pool
    #[command(
        after_help = "EXAMPLES:\n  tfvcs client update oc-XKFwG6ggfA9n7t1K --name github-main\n  tfvcs client update oc-XKFwG6ggfA9n7t1K --org-scoped false --project prj-AbCdEf0123456789"
    )]
    Update(UpdateArgs),
    /// Replace the stored personal access token (rotation)
    #[command(
        after_help = "EXAMPLES:\n  tfvcs client set-pat oc-XKFwG6ggfA9n7t1K --pat-file new-pat.txt\n  vault read -field=pat secret/gh | tfvcs client set-pat oc-XKFwG6ggfA9n7t1K --pat-file -"
    )]
    SetPat(SetPatArgs),
    /// Make the client usable by these projects
    #[command(
        after_help = "EXAMPLES:\n  tfvcs client add-projects oc-XKFwG6ggfA9n7t1K prj-AbCdEf0123456789"
    )]
    AddProjects(ProjectsArgs),
    /// Stop these projects from using the client
    #[command(
        after_help = "EXAMPLES:\n  tfvcs client remove-projects oc-XKFwG6ggfA9n7t1K prj-AbCdEf0123456789"
    )]
    RemoveProjects(ProjectsArgs),
    /// Delete an OAuth client (workspaces using it are unlinked)
    #[command(
        after_help = "EXAMPLES:\n  tfvcs client delete oc-XKFwG6ggfA9n7t1K\n  tfvcs --org my-org client delete my-github --yes"
    )]
    Delete(DeleteArgs),
}

const CREATE_EXAMPLES: &str = "\
EXAMPLES:
  # GitHub.com, the PAT from stdin
  tfvcs --org my-org client create --provider github --pat-file - < pat.txt

  # GitLab self-managed, the PAT from the environment
  TFVCS_PAT=... tfvcs --org my-org client create --provider gitlab_enterprise_edition \\
      --http-url https://gitlab.example.com --name gitlab

  # Bitbucket Data Center
  tfvcs --org my-org client create --provider bitbucket_data_center \\
      --http-url https://bitbucket.example.com --key tfvcs \\
      --secret-file app-link.key --rsa-public-key-file app-link.pub

  # The guide's payload.json, unchanged but for the PAT, which comes from TFVCS_PAT
  tfvcs --org my-org client create --payload payload.json --dry-run";

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
    /// Usable by every project (true) or only by the --project list (false)
    #[arg(long, value_name = "true|false")]
    pub org_scoped: Option<bool>,
    /// Project allowed to use the client (repeatable)
    #[arg(long = "project", value_name = "prj-…")]
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
    /// Usable by every project (true) or only by its projects (false)
    #[arg(long, value_name = "true|false")]
    pub org_scoped: Option<bool>,
    /// Project allowed to use the client (repeatable; replaces the set)
    #[arg(
        long = "project",
        value_name = "prj-…",
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
    /// Project ids
    #[arg(value_name = "PRJ", required = true)]
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
    #[command(
        after_help = "EXAMPLES:\n  tfvcs token list oc-XKFwG6ggfA9n7t1K\n  tfvcs --org my-org token list --provider github -o id"
    )]
    List(TokenListArgs),
    /// Show one OAuth token
    #[command(after_help = "EXAMPLES:\n  tfvcs token show ot-hmAyP66qk2AMVdbJ")]
    Show(TokenRef),
    /// Give an OAuth token the SSH key used to clone (PEM, no passphrase)
    #[command(
        after_help = "EXAMPLES:\n  tfvcs token set-ssh-key ot-hmAyP66qk2AMVdbJ --ssh-key-file ~/.ssh/tfe_deploy"
    )]
    SetSshKey(SetSshKeyArgs),
    /// Delete an OAuth token
    #[command(after_help = "EXAMPLES:\n  tfvcs token delete ot-hmAyP66qk2AMVdbJ --yes")]
    Delete(TokenDeleteArgs),
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
    #[command(
        after_help = "EXAMPLES:\n  tfvcs auth status\n  TFE_HOSTNAME=tfe.example.com tfvcs auth status -o json"
    )]
    Status,
}

/// No `Debug`: `token` is a secret.
#[derive(Args)]
pub struct SandboxArgs {
    /// Address to listen on (port 0 picks a free one)
    #[arg(long, default_value = "127.0.0.1:8990", value_name = "ADDR")]
    pub listen: String,
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
}
