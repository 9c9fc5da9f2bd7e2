//! `tfvcs doctor`'s options and help (SPEC §11).

use clap::Args;

use super::shared::KindFilter;
use super::{GlobalArgs, examples};

/// The `--max-age` default: Azure DevOps and GitHub fine-grained PATs live at most a year.
const DEFAULT_MAX_AGE_DAYS: u32 = 335;

#[derive(Debug, Args)]
pub(crate) struct DoctorArgs {
    #[command(flatten)]
    pub(crate) kind: KindFilter,
    /// Report only on this connection: an oc-… id or a client name (repeatable; everything
    /// is still walked, to find what uses it)
    #[arg(long = "client", value_name = "CLIENT")]
    pub(crate) clients: Vec<String>,
    /// Also ask the VCS whether it still accepts each token in use (one request per token)
    #[arg(long)]
    pub(crate) live: bool,
    /// Warn about a PAT older than this many days
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_MAX_AGE_DAYS)]
    pub(crate) max_age: u32,
    /// Exit 7 on warnings too, not only on errors
    #[arg(long)]
    pub(crate) strict: bool,
    // Last: its heading ("Global options") would otherwise take the options after it.
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
}

/// The `doctor --help` epilogue.
pub(crate) fn help() -> String {
    examples(&[
        (
            "Every connection of an organization and what it reaches",
            "tfvcs doctor --org my-org",
        ),
        (
            "Also ask each VCS whether it still accepts the tokens in use",
            "tfvcs doctor --live",
        ),
        (
            "A nightly CI job: the report as JSON; the job fails (exit 7) when a finding is an error",
            "tfvcs doctor --no-input -o json > doctor.json",
        ),
        (
            "Only the Azure DevOps connection, failing on warnings too",
            "tfvcs doctor --client azure-devops --strict",
        ),
    ])
}
