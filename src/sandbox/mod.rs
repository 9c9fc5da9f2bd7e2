//! `tfvcs sandbox`: an in-memory emulation of the TFE API for VCS connections (SPEC §9), on
//! loopback, for trying tfvcs without an account, testing CI scripts offline, and as the
//! tests' real server. This file starts it: options, the listener, the export lines, and
//! `--detach` (a background process that is ready when this one returns).

mod detach;
mod documents;
mod exports;
mod handlers;
mod journal;
mod listen;
mod load;
mod log;
mod populate;
mod random;
mod rows;
mod rules;
mod server;
mod state_lock;
mod store;
mod table;

use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::cli::SandboxArgs;
use crate::error::{Fail, Result};
use handlers::Api;
use log::Log;
use random::Rng;
use server::{Chaos, Limits, Sandbox};
use store::Store;

const DEFAULT_ORG: &str = "sandbox";

/// Starts the sandbox and serves until killed (with `--detach`: until it listens).
pub(crate) fn run(args: SandboxArgs, org: Option<&str>) -> Result<()> {
    if !(0.0..=1.0).contains(&args.fail_rate) {
        return Err(Fail::usage("--fail-rate takes a number from 0 to 1"));
    }
    if args.rate_limit == Some(0) {
        return Err(Fail::usage(
            "--rate-limit takes a number of requests per second, at least 1",
        ));
    }
    let org = org.unwrap_or(DEFAULT_ORG).to_string();
    crate::shared::org::check_org(&org).map_err(Fail::usage)?;
    if let Some(t) = &args.token
        && (t.trim().is_empty() || t.chars().any(|c| c.is_whitespace() || c.is_control()))
    {
        return Err(Fail::usage(
            "--token must be a non-empty value without spaces",
        ));
    }
    let addresses = listen::loopback_addresses(&args.listen)?;
    if args.detach {
        return detach::start();
    }
    let mut rng = args.seed.map(Rng::new).unwrap_or_else(Rng::from_entropy);
    let token = match &args.token {
        Some(t) => t.clone(),
        None if args.seed.is_some() => {
            format!("{}.atlasv1.{}", rng.alphanumeric(14), rng.alphanumeric(64))
        }
        None => random::api_token(),
    };
    let chaos_rng = Rng::new(rng.next_u64());
    let log_file = match &args.log {
        Some(path) => Some(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| Fail::other(format!("cannot open {}: {e}", path.display())))?,
        ),
        None => None,
    };
    let mut store = open_store(&args, rng, &org)?;
    if let Some(n) = args.populate {
        populate::clients_and_workspaces(&mut store, n).map_err(Fail::other)?;
    }
    let listener = listen::bind(&args.listen, &addresses)?;
    let address = listener
        .local_addr()
        .map_err(|e| Fail::other(format!("cannot listen on {}: {e}", args.listen)))?;
    let shown_host = address.to_string();
    let exports = [
        exports::line("TFE_HOSTNAME", &format!("http://{shown_host}")),
        exports::line("TFE_TOKEN", &token),
        exports::line("TFE_ORGANIZATION", &org),
    ]
    .concat();
    {
        let mut out = std::io::stdout().lock();
        // The lines are for `eval` or a file; a closed stdout must not stop the server.
        let _ = out.write_all(exports.as_bytes()).and_then(|_| out.flush());
    }
    let log = if args.detached {
        // The starting process has what it waited for: from now on this one's stderr is the
        // log file, or nowhere.
        detach::settle(log_file)
    } else {
        banner(&args, &org, &shown_host);
        match log_file {
            Some(file) => Log::File(Mutex::new(file)),
            None => Log::Stderr,
        }
    };
    server::serve(
        listener,
        Sandbox {
            api: Api {
                org,
                store: std::sync::RwLock::new(store),
            },
            token,
            chaos: Chaos {
                latency: Duration::from_millis(args.latency_ms),
                fail_rate: args.fail_rate,
                rate_limit: args.rate_limit,
                rng: Mutex::new(chaos_rng),
                window: Mutex::new((Instant::now(), 0)),
            },
        },
        log,
        Limits::for_this_process(),
    );
    Ok(())
}

/// The store: the `--state` file's, or with `--load` the organization the file describes
/// (only into a new state file: loading over a kept one would mix two organizations).
fn open_store(args: &SandboxArgs, rng: Rng, org: &str) -> Result<Store> {
    let Some(file) = &args.load else {
        return Store::open(args.state.clone(), rng).map_err(Fail::other);
    };
    if let Some(state) = &args.state
        && std::fs::metadata(state).is_ok_and(|m| m.len() > 0)
    {
        return Err(Fail::usage(format!(
            "--load starts a new organization, but the state file {} already holds one",
            state.display()
        ))
        .hint("drop --load to go on with that state, or give --state a new file"));
    }
    let mut store = Store::open(None, rng).map_err(Fail::other)?;
    load::load(file, &mut store, org).map_err(Fail::usage)?;
    if let Some(state) = &args.state {
        store.persist(state).map_err(Fail::other)?;
    }
    Ok(store)
}

fn banner(args: &SandboxArgs, org: &str, shown_host: &str) {
    let persistence = match &args.state {
        Some(path) => format!("state in {}", path.display()),
        None => "in memory".to_string(),
    };
    let requests = match &args.log {
        Some(path) => format!("requests logged to {}", path.display()),
        None => "one line per request below".to_string(),
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "tfvcs sandbox: a TFE-compatible API for VCS connections at http://{shown_host}/api/v2\n\
         organization {org}, {persistence}; {requests}. Ctrl-C stops it.\n\
         To use it from another shell, run the three export lines printed on stdout."
    );
}
