//! The options of every command that talks to the API, and the one wrapper that puts them
//! before a noun's verbs.

use std::path::PathBuf;

use clap::{ArgAction, Args, Subcommand, ValueEnum};

use super::GLOBAL_OPTIONS_HEADING;
use crate::config::MAX_TIMEOUT_SECS;

/// `tfvcs <noun> …`: the connection options, then the verb.
#[derive(Debug, Args)]
pub(crate) struct WithGlobals<C: Subcommand> {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: C,
}

/// The options of every command that talks to the API, shown under their own heading after the
/// command's own. Variables are resolved in `config/`, not by clap, so that a variable that
/// happens to be set never shows up in a usage line or a help text.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = GLOBAL_OPTIONS_HEADING)]
pub(crate) struct GlobalArgs {
    /// Host (optionally host:port, meaning https) or URL with an optional API base path
    /// [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]
    #[arg(long, global = true, value_name = "HOST|URL")]
    pub(crate) hostname: Option<String>,

    /// Organization name [env: TFE_ORGANIZATION]
    #[arg(
        long,
        visible_alias = "organization",
        global = true,
        value_name = "NAME"
    )]
    pub(crate) org: Option<String>,

    /// Output format [env: TFVCS_OUTPUT] [default: table]
    #[arg(short, long, global = true, value_enum, value_name = "FORMAT")]
    pub(crate) output: Option<OutputFormat>,

    /// Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub(crate) verbose: u8,

    /// Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]
    #[arg(long, global = true, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub(crate) timeout: Option<u64>,

    /// Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES]
    /// [default: 5]
    #[arg(long, global = true, value_name = "N")]
    pub(crate) retries: Option<u32>,

    /// Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE)
    /// [env: SSL_CERT_FILE]
    #[arg(long, global = true, value_name = "PEM FILE")]
    pub(crate) ca_cert: Option<PathBuf>,

    /// Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]
    #[arg(long, global = true)]
    pub(crate) no_input: bool,
}

impl GlobalArgs {
    /// The first option given on the command line, as typed (for refusing them where they
    /// mean nothing).
    pub(crate) fn first_given(&self) -> Option<&'static str> {
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
pub(crate) enum OutputFormat {
    /// Human-readable tables
    Table,
    /// The server's JSON:API documents
    Json,
    /// Bare ids, one per line
    Id,
}
