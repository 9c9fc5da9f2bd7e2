//! Every command-line type: the top-level parser and its nouns here, then one file per noun
//! (its subcommand enum, one args struct per verb), the global options and the shared
//! arguments. Pure data: the doc comments are the help text, and each command's EXAMPLES are
//! listed beside it (rendered by `examples`, for `--help` and the man pages alike).

pub mod argv_secrets;
mod auth;
mod client;
mod doctor;
mod github_app;
mod global;
mod ids;
pub(crate) mod provider;
mod sandbox;
mod shared;
mod token;

use clap::{Args, Parser, Subcommand};

pub(crate) use auth::AuthCommand;
pub(crate) use client::{
    ClientCommand, ClientCreateArgs, ClientDeleteArgs, ClientProjectsArgs, ClientSetPatArgs,
    ClientUpdateArgs, ClientUsageArgs,
};
pub(crate) use doctor::DoctorArgs;
pub(crate) use github_app::{GithubAppCommand, GithubAppUsageArgs};
pub(crate) use global::{GlobalArgs, OutputFormat, WithGlobals};
pub(crate) use ids::{AgentPoolChange, ClientRef, ProjectRef};
pub(crate) use sandbox::SandboxArgs;
pub(crate) use shared::Confirm;
pub(crate) use token::{
    TokenCommand, TokenDeleteArgs, TokenListArgs, TokenRelinkArgs, TokenSetSshKeyArgs,
    TokenUsageArgs,
};

/// The heading of the examples in `--help`; the man pages turn what follows it into EXAMPLES.
pub(crate) const EXAMPLES_HEADING: &str = "EXAMPLES:";
/// The heading of the variables in the top-level `--help`.
pub(crate) const ENVIRONMENT_HEADING: &str = "ENVIRONMENT:";
/// The help heading of the options shared by every command that talks to the API.
pub(crate) const GLOBAL_OPTIONS_HEADING: &str = "Global options";

/// The variables read by every command that talks to the API: (name, meaning).
pub(crate) const CONNECTION_ENVIRONMENT: &[(&str, &str)] = &[
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
pub(crate) const PAT_ENVIRONMENT: (&str, &str) = (
    "TFVCS_PAT",
    "VCS personal access token, when --pat-file is not given",
);

/// Renders `(what it does, command line)` pairs as the EXAMPLES section of `--help`. A command
/// line may continue over lines ending in `\`.
pub(crate) fn examples(list: &[(&str, &str)]) -> String {
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
    pub(crate) global: GlobalArgs,

    #[command(subcommand)]
    pub(crate) command: Command,
}

// Parsed once per run: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub(crate) enum Command {
    /// OAuth clients: the connections between an organization and a VCS provider
    #[command(after_help = examples(&[
        ("The organization's connections", "tfvcs client list --org my-org"),
        (
            "Connect GitHub.com, the PAT on stdin; print only the new client's id",
            "tfvcs client create --provider github --pat-file - -o id < pat.txt",
        ),
        ("Rotate a connection's PAT", "tfvcs client set-pat my-github --pat-file - < new-pat.txt"),
    ]))]
    Client(WithGlobals<ClientCommand>),
    /// OAuth tokens: the ids a workspace's vcs-repo points at
    #[command(after_help = examples(&[
        ("The token ids of one client", "tfvcs token list my-github --org my-org -o id"),
        (
            "Every GitHub token of the organization, as JSON",
            "tfvcs token list --provider github -o json | jq -r '.data[].id'",
        ),
    ]))]
    Token(WithGlobals<TokenCommand>),
    /// GitHub App installations the API token's user can link repositories through
    #[command(after_help = examples(&[
        ("The ghain-… id a migration to the GitHub App needs", "tfvcs github-app list -o id"),
        (
            "What already links through it",
            "tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu --org my-org",
        ),
    ]))]
    GithubApp(WithGlobals<GithubAppCommand>),
    /// Which connections are broken, about to break or unused, and what they take down
    ///
    /// Reads the organization's clients and tokens and walks everything that links a
    /// repository through them (the same walks as usage), then checks each connection. Sends
    /// no write. Exit 7 when a finding is an error (with --strict, also a warning).
    #[command(after_help = doctor::help())]
    Doctor(DoctorArgs),
    /// Where the host, token and organization come from
    #[command(after_help = examples(&[
        ("Check the token and see where it was found", "tfvcs auth status"),
    ]))]
    Auth(WithGlobals<AuthCommand>),
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

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to print the script for
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}
