//! The command handlers, one module per noun, and what they share: the run context, the
//! send-or-dry-run step, and the checks on ids given on the command line.

pub mod auth;
pub mod client;
pub mod client_create;
pub mod token;

use std::cell::OnceCell;

use serde_json::Value;

use crate::api::client::{ApiClient, ApiRequest, ApiResponse};
use crate::config::Config;
use crate::error::{Fail, Result};
use crate::output::{self, Output};

/// What every handler gets: the resolved configuration, the output writer, and the API client
/// (built on first use, so that a dry run or a usage error never needs a token).
pub struct Context {
    pub config: Config,
    pub out: Output,
    api: OnceCell<ApiClient>,
}

impl Context {
    pub fn new(config: Config) -> Self {
        let out = Output::new(config.output);
        Context {
            config,
            out,
            api: OnceCell::new(),
        }
    }

    /// The API client; exit 4 when there is no token.
    pub fn api(&self) -> Result<&ApiClient> {
        if let Some(api) = self.api.get() {
            return Ok(api);
        }
        let api = ApiClient::new(&self.config)?;
        Ok(self.api.get_or_init(|| api))
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
    pub fn write_document(&self, request: &ApiRequest, dry_run: bool) -> Result<Option<Value>> {
        if self.printed_instead(request, dry_run)? {
            return Ok(None);
        }
        self.api()?.document(request).map(Some)
    }

    /// With `--dry-run`, prints the request and returns `None`; otherwise sends it (for
    /// answers without a document: deletes, project changes).
    pub fn send_or_print(
        &self,
        request: &ApiRequest,
        dry_run: bool,
    ) -> Result<Option<ApiResponse>> {
        if self.printed_instead(request, dry_run)? {
            return Ok(None);
        }
        self.api()?.execute(request).map(Some)
    }
}

/// Checks that `id` has the TFE shape `prefix` + characters that cannot alter a path.
pub fn check_id(id: &str, prefix: &str, what: &str) -> Result<()> {
    if !crate::shared::ids::has_id_shape(id, prefix) {
        return Err(Fail::usage(format!(
            "{id:?} is not {what} id (expected {prefix}…)"
        )));
    }
    Ok(())
}
