//! The command handlers, one module per noun, the dispatch to them (`run`), and what they
//! share: the run context (with the API calls that turn an [`ApiError`] into a user-facing
//! failure), and the send-or-dry-run step.

pub(crate) mod auth;
pub(crate) mod client;
pub(crate) mod confirm;
pub(crate) mod connection_delete;
pub(crate) mod doctor;
pub(crate) mod failure;
pub(crate) mod github_app;
pub(crate) mod linked;
pub(crate) mod resolve;
pub(crate) mod token;

use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use crate::api::client::{ApiClient, ApiRequest, ApiResponse, ClientSettings};
use crate::api::error::ApiError;
use crate::api::model::ListDocument;
use crate::api::pages::{Page, WalkError};
use crate::api::retry::Backoff;
use crate::cli::{AuthCommand, Cli, Command, GlobalArgs};
use crate::config::{Config, Scheme, is_loopback, load_ca_bundle};
use crate::error::{Fail, Result};
use crate::output::{self, ListWriter, Output};
use crate::progress::Progress;
use failure::{Situation, api_failure};

/// What every handler gets: the resolved configuration, the output writer, and the API client
/// (built on first use, so that a dry run or a usage error never needs a token).
pub(crate) struct Context {
    pub(crate) config: Config,
    pub(crate) out: Output,
    api: OnceLock<ApiClient>,
}

impl Context {
    pub(crate) fn new(config: Config) -> Self {
        let out = Output::new(config.output);
        Context {
            config,
            out,
            api: OnceLock::new(),
        }
    }

    /// The API client; exit 4 when there is no token, exit 2 for an unusable `--ca-cert`.
    pub(crate) fn api(&self) -> Result<&ApiClient> {
        if let Some(api) = self.api.get() {
            return Ok(api);
        }
        let config = &self.config;
        let (token, _) = config.require_token()?;
        // A CA bundle matters only for https://: a broken SSL_CERT_FILE left in the
        // environment must not stop a command aimed at an http:// loopback sandbox.
        let ca_roots = match (&config.ca_cert, config.endpoint.scheme) {
            (Some(bundle), Scheme::Https) => Some(load_ca_bundle(bundle)?),
            _ => None,
        };
        let api = ApiClient::new(ClientSettings {
            base_url: config.endpoint.base_url(),
            host: config.endpoint.host_key(),
            loopback: is_loopback(&config.endpoint.host),
            token: token.clone(),
            timeout: Duration::from_secs(config.timeout_secs),
            retries: config.retries,
            verbose: config.verbose,
            ca_roots,
            proxy: config.proxy.clone(),
            backoff: backoff(),
        });
        Ok(self.api.get_or_init(|| api))
    }

    /// The user-facing failure for `error`, with hints naming this host and token source.
    pub(crate) fn fail(&self, error: ApiError) -> Fail {
        let endpoint = &self.config.endpoint;
        let host = endpoint.host_key();
        let token_source = self.config.token.as_ref().map(|(_, s)| s.to_string());
        let port = endpoint.port.unwrap_or(endpoint.scheme.default_port());
        api_failure(
            error,
            &Situation {
                host: &host,
                token_source: token_source.as_deref(),
                loopback: is_loopback(&endpoint.host),
                https: endpoint.scheme == Scheme::Https,
                listen: &format!("{}:{port}", endpoint.host),
            },
        )
    }

    /// Sends `request` (with the retries of SPEC §5).
    pub(crate) fn send(&self, request: &ApiRequest) -> Result<ApiResponse> {
        self.api()?.send(request).map_err(|e| self.fail(e))
    }

    /// Sends `request` and returns the JSON:API document it answers with.
    pub(crate) fn document(&self, request: &ApiRequest) -> Result<Value> {
        self.api()?.document(request).map_err(|e| self.fail(e))
    }

    /// [`document`](Self::document), with a 404 as `None`: an id read first (SPEC §10), whose
    /// absence the caller words itself.
    pub(crate) fn document_if_found(&self, request: &ApiRequest) -> Result<Option<Value>> {
        match self.api()?.document(request) {
            Ok(doc) => Ok(Some(doc)),
            Err(e) if e.status() == Some(404) => Ok(None),
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Every item of every page of the list at `path`.
    pub(crate) fn list_all(&self, path: &str, query: &[(&str, &str)]) -> Result<ListDocument> {
        self.api()?.list_all(path, query).map_err(|e| self.fail(e))
    }

    /// Walks every page of the GET list `request`, handing pages to `deliver` in order
    /// (`api/pages.rs`: paced, concurrent, de-duplicated, bounded).
    pub(crate) fn walk(
        &self,
        request: &ApiRequest,
        progress: &Progress,
        deliver: impl FnMut(Page) -> Result<()>,
    ) -> Result<u64> {
        self.api()?
            .walk(request, progress, deliver)
            .map_err(|e| match e {
                WalkError::Api(e) => self.fail(e),
                WalkError::Deliver(fail) => fail,
            })
    }

    /// A progress line labelled `label` (SPEC §6), off under `-v` and off a terminal.
    pub(crate) fn progress(&self, label: &'static str) -> Progress {
        Progress::new(label, self.config.verbose > 0)
    }

    /// Walks every page of the GET list `request` into `list` ("pages: N of M" on a
    /// terminal meanwhile), then prints it; `empty_note` goes to stderr when there is nothing.
    pub(crate) fn print_list(
        &self,
        request: &ApiRequest,
        mut list: ListWriter,
        empty_note: &str,
    ) -> Result<()> {
        let progress = self.progress("pages");
        self.walk(request, &progress, |page| list.page(page))?;
        progress.finish();
        list.finish(empty_note)
    }

    /// `--dry-run`: prints the request instead of sending it. Returns whether it did.
    fn printed_instead(&self, request: &ApiRequest, dry_run: bool) -> Result<bool> {
        if dry_run {
            output::dry_run(request, &self.config.endpoint.base_url())?;
        }
        Ok(dry_run)
    }

    /// With `--dry-run`, prints the request and returns `None`; otherwise sends it and returns
    /// the JSON:API document it answers with.
    pub(crate) fn write_document(
        &self,
        request: &ApiRequest,
        dry_run: bool,
    ) -> Result<Option<Value>> {
        if self.printed_instead(request, dry_run)? {
            return Ok(None);
        }
        self.document(request).map(Some)
    }

    /// With `--dry-run`, prints the request and returns `None`; otherwise sends it (for
    /// answers without a document: deletes, project changes).
    pub(crate) fn send_or_print(
        &self,
        request: &ApiRequest,
        dry_run: bool,
    ) -> Result<Option<ApiResponse>> {
        if self.printed_instead(request, dry_run)? {
            return Ok(None);
        }
        self.send(request).map(Some)
    }
}

/// Runs the command `cli` names.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Completions(args) => {
            refuse_connection_options(&cli.global, "completions")?;
            output::write_stdout(&crate::generate::completion_script(args.shell))
        }
        Command::Sandbox(args) => {
            refuse_connection_options(&cli.global, "sandbox")?;
            let org = args.org.clone();
            crate::sandbox::run(args, org.as_deref())
        }
        Command::Client(args) => {
            client::run(&Context::new(Config::resolve(&args.global)?), args.command)
        }
        Command::Token(args) => {
            token::run(&Context::new(Config::resolve(&args.global)?), args.command)
        }
        Command::GithubApp(args) => {
            github_app::run(&Context::new(Config::resolve(&args.global)?), args.command)
        }
        Command::Doctor(args) => doctor::run(&Context::new(Config::resolve(&args.global)?), args),
        Command::Auth(args) => match args.command {
            AuthCommand::Status => auth::status(&Context::new(Config::resolve(&args.global)?)),
        },
    }
}

/// `tfvcs --hostname … sandbox`: the connection options are accepted before any noun, but
/// mean nothing to the commands that do not talk to the API.
fn refuse_connection_options(global: &GlobalArgs, command: &str) -> Result<()> {
    match global.first_given() {
        Some(option) => Err(
            Fail::usage(format!("{option} is not an option of tfvcs {command}"))
                .hint(format!("see tfvcs {command} --help")),
        ),
        None => Ok(()),
    }
}

/// The backoff of SPEC §5 (0.5 s doubling to 8 s). `TFVCS_BACKOFF_BASE_MS`, set only by the
/// test suite, scales it down (cap = 16 × base) so retry tests do not sleep for seconds.
fn backoff() -> Backoff {
    match std::env::var("TFVCS_BACKOFF_BASE_MS")
        .ok()
        .and_then(|ms| ms.parse::<u64>().ok())
    {
        Some(ms) => Backoff {
            base: Duration::from_millis(ms),
            cap: Duration::from_millis(ms.saturating_mul(16)),
        },
        None => Backoff::default(),
    }
}

#[cfg(test)]
mod tests {
    /// Walks and PATCH loops run on several threads over one `&Context` (`api/pages.rs`).
    #[test]
    fn a_context_can_be_shared_by_threads() {
        fn shared_by_threads<T: Sync>() {}
        shared_by_threads::<super::Context>();
    }
}
