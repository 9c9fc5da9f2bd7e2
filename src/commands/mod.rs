//! The command handlers, one module per noun, and what they share: the run context, the
//! send-or-dry-run step, and the checks on ids given on the command line.

pub mod auth;
pub mod client;
pub mod client_create;
pub mod token;

use std::cell::OnceCell;

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

    /// With `--dry-run`, prints the request and returns `None`; otherwise sends it.
    pub fn send_or_print(
        &self,
        request: &ApiRequest,
        dry_run: bool,
    ) -> Result<Option<ApiResponse>> {
        if dry_run {
            output::dry_run(request, &self.config.endpoint.base_url())?;
            return Ok(None);
        }
        self.api()?.execute(request).map(Some)
    }
}

/// Checks that `id` has the TFE shape `prefix` + characters that cannot alter a path.
pub fn check_id(id: &str, prefix: &str, what: &str) -> Result<()> {
    let rest = id.strip_prefix(prefix).unwrap_or("");
    if rest.is_empty()
        || !rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Fail::usage(format!(
            "{id:?} is not {what} id (expected {prefix}…)"
        )));
    }
    Ok(())
}

/// The response document of a write that answers with one, or an "unexpected" failure.
pub fn expect_document(response: ApiResponse, what: &str) -> Result<serde_json::Value> {
    response
        .body
        .filter(|b| b.get("data").is_some())
        .ok_or_else(|| {
            Fail::other(format!(
                "the server answered {} to {what} without a document",
                response.status
            ))
        })
}
