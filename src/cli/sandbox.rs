//! `tfvcs sandbox`: its options.

use std::path::PathBuf;

use clap::Args;

/// No `Debug`: `token` is a secret.
#[derive(Args)]
pub(crate) struct SandboxArgs {
    /// Loopback address to listen on (port 0 picks a free one; others are refused)
    #[arg(long, default_value = "127.0.0.1:8990", value_name = "ADDR")]
    pub(crate) listen: String,
    /// Organization the sandbox serves [default: sandbox]
    #[arg(long, value_name = "NAME")]
    pub(crate) org: Option<String>,
    /// API token clients must send [default: random]
    #[arg(long, value_name = "T")]
    pub(crate) token: Option<String>,
    /// Persist to this JSON file (written atomically after each change, loaded at start)
    #[arg(long, value_name = "FILE")]
    pub(crate) state: Option<PathBuf>,
    /// Delay every response by this many milliseconds
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub(crate) latency_ms: u64,
    /// Answer this fraction of requests with 503
    #[arg(long, default_value_t = 0.0, value_name = "0..1")]
    pub(crate) fail_rate: f64,
    /// Answer 429 past this many requests per second
    #[arg(long, value_name = "N")]
    pub(crate) rate_limit: Option<u32>,
    /// Start with the organization this JSON file describes: projects, clients with their
    /// tokens, workspaces, policy sets, modules, Stacks (see examples/drifted-org.json); with
    /// --state, only into a new state file
    #[arg(long, value_name = "FILE")]
    pub(crate) load: Option<PathBuf>,
    /// Seed for ids, tokens and failures (reproducible runs)
    #[arg(long, value_name = "N")]
    pub(crate) seed: Option<u64>,
    /// Run in the background: print the export lines and `export TFVCS_SANDBOX_PID=<pid>`
    /// once it listens, then return
    #[arg(long)]
    pub(crate) detach: bool,
    /// Write the request log to this file instead of stderr (with --detach: instead of
    /// nowhere)
    #[arg(long, value_name = "FILE")]
    pub(crate) log: Option<PathBuf>,
    /// Start with this many GitHub clients (each with its token) and as many workspaces
    /// linked to them, for benchmarks
    #[arg(long, value_name = "N", hide = true)]
    pub(crate) populate: Option<usize>,
    /// Set on the background process `--detach` starts
    #[arg(long, hide = true)]
    pub(crate) detached: bool,
}
