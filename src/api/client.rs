//! The one HTTP client: builds every request to the TFE API (JSON:API headers, bearer token,
//! user agent), paces every request through the run's one [`Pacer`], maps each status to an
//! [`ApiError`], and traces exchanges for `--verbose`. It writes nothing to stdout and knows
//! nothing of the command line. Lists are walked in `pages.rs`.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use ureq::Agent;
pub use ureq::http::Method;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use super::error::{ApiError, TransportKind, parse_error_body};
use super::model::redacted;
use super::pages::Pacer;
use crate::config::Token;
use crate::shared::jsonapi::encode_component;

pub const JSON_API: &str = "application/vnd.api+json";
pub const USER_AGENT: &str = concat!("tfvcs/", env!("CARGO_PKG_VERSION"));

/// One API request: a path below the base URL, its query, and an optional JSON:API body.
/// No `Debug`: the body can hold a secret (print `redacted(body)` instead).
#[derive(Clone, PartialEq)]
pub struct ApiRequest {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
}

impl ApiRequest {
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        ApiRequest {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
        }
    }

    pub fn query(mut self, key: &str, value: &str) -> Self {
        self.query.push((key.to_string(), value.to_string()));
        self
    }

    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// The absolute URL, with query keys and values percent-encoded (`page%5Bsize%5D=100`).
    pub fn url(&self, base_url: &str) -> String {
        let mut url = format!("{base_url}{}", self.path);
        for (i, (key, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&encode_component(key));
            url.push('=');
            url.push_str(&encode_component(value));
        }
        url
    }
}

/// A path segment from user input (an id or a name): encoded so it cannot change the path.
pub fn segment(s: &str) -> String {
    encode_component(s)
}

/// A successful answer: its status and its JSON body (`None` for an empty body, as with 204).
#[derive(Debug)]
pub struct ApiResponse {
    pub status: u16,
    pub body: Option<Value>,
}

/// Everything the client needs, resolved beforehand by the configuration.
pub struct ClientSettings {
    /// `{scheme}://{host}[:port]{base path}`.
    pub base_url: String,
    /// `host[:port]`, as error messages name the server.
    pub host: String,
    pub token: Token,
    /// Per HTTP request.
    pub timeout: Duration,
    /// Retries after the first attempt (SPEC §5).
    pub retries: u32,
    pub verbose: u8,
    /// Trusted roots in place of the bundled ones (`--ca-cert`).
    pub ca_roots: Option<Vec<Certificate<'static>>>,
    /// The proxy to go through, `None` for a direct connection (decided in `proxy.rs`).
    pub proxy: Option<ureq::Proxy>,
}

pub struct ApiClient {
    agent: Agent,
    base_url: String,
    token: Token,
    verbose: u8,
    host: String,
    /// The one pacer of the run: every request, of every walk and thread, waits for its slot.
    pacer: Pacer,
}

impl ApiClient {
    pub fn new(settings: ClientSettings) -> ApiClient {
        let mut builder = Agent::config_builder()
            .http_status_as_error(false)
            // Redirects are answers to report, never to follow (SPEC §2).
            .max_redirects(0)
            // Always set: left alone, ureq reads the proxy variables itself, even for loopback.
            .proxy(settings.proxy)
            .timeout_global(Some(settings.timeout))
            .user_agent(USER_AGENT)
            .accept(JSON_API);
        if let Some(roots) = settings.ca_roots {
            builder = builder.tls_config(
                TlsConfig::builder()
                    .root_certs(RootCerts::Specific(Arc::new(roots)))
                    .build(),
            );
        }
        ApiClient {
            agent: builder.build().into(),
            base_url: settings.base_url,
            token: settings.token,
            verbose: settings.verbose,
            host: settings.host,
            pacer: Pacer::default(),
        }
    }

    /// The pacer every request of this client waits on (see `pages.rs`).
    pub fn pacer(&self) -> &Pacer {
        &self.pacer
    }

    /// Whether `-v` traces go to stderr (a progress line would tear them).
    pub fn verbose(&self) -> bool {
        self.verbose > 0
    }

    /// The absolute URL of `request` on this server.
    pub fn url(&self, request: &ApiRequest) -> String {
        request.url(&self.base_url)
    }

    /// Sends `request`; a non-success status is an error. This is the one place retries belong.
    pub fn send(&self, request: &ApiRequest) -> Result<ApiResponse, ApiError> {
        self.send_once(request)
    }

    fn send_once(&self, request: &ApiRequest) -> Result<ApiResponse, ApiError> {
        let url = request.url(&self.base_url);
        let method = request.method.clone();
        self.pacer.wait();
        let started = Instant::now();
        let auth = format!("Bearer {}", self.token.expose());
        let body_bytes = request
            .body
            .as_ref()
            .map(|b| serde_json::to_vec(b).expect("JSON values serialise"));
        let result = if method == Method::GET {
            self.agent.get(&url).header("Authorization", &auth).call()
        } else {
            let builder = if method == Method::POST {
                self.agent.post(&url)
            } else if method == Method::PATCH {
                self.agent.patch(&url)
            } else {
                self.agent.delete(&url).force_send_body()
            };
            // TFE answers 415 to a write without the JSON:API content type, even bodiless.
            let builder = builder
                .header("Authorization", &auth)
                .header("Content-Type", JSON_API);
            match &body_bytes {
                Some(bytes) => builder.send(&bytes[..]),
                None => builder.send_empty(),
            }
        };
        let mut response = match result {
            Ok(response) => response,
            Err(e) => {
                let (kind, message) = describe_transport_error(&e, &self.host);
                self.trace(&method, &url, &format!("failed: {message}"), started, None);
                return Err(ApiError::Transport {
                    method,
                    url,
                    kind,
                    message,
                    attempts: 1,
                });
            }
        };
        let status = response.status().as_u16();
        let rate_limit = response
            .headers()
            .get("x-ratelimit-limit")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<f64>().ok());
        if let Some(rate) = self.pacer.observe(status, rate_limit)
            && self.verbose > 0
        {
            self.trace_line(&format!(
                "{method} {url} 429: pacing down to {rate:.1} requests per second"
            ));
        }
        let request_id = response
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let text = response.body_mut().read_to_string().unwrap_or_default();
        self.trace(
            &method,
            &url,
            &status.to_string(),
            started,
            request_id.as_deref(),
        );
        if self.verbose >= 2 {
            if let Some(body) = &request.body {
                self.trace_body("request body", body);
            }
            match serde_json::from_str::<Value>(&text) {
                Ok(body) => self.trace_body("response body", &body),
                Err(_) if text.is_empty() => {}
                Err(_) => self.trace_line(&format!(
                    "  response body: ({} bytes, not JSON)",
                    text.len()
                )),
            }
        }
        if (300..400).contains(&status) {
            let location = response
                .headers()
                .get("location")
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            return Err(ApiError::Redirect {
                method,
                url,
                status,
                location,
            });
        }
        if !(200..300).contains(&status) {
            return Err(ApiError::Status {
                method,
                url,
                status,
                body: parse_error_body(&text),
                attempts: 1,
            });
        }
        if text.trim().is_empty() {
            return Ok(ApiResponse { status, body: None });
        }
        match serde_json::from_str::<Value>(&text) {
            Ok(body) => Ok(ApiResponse {
                status,
                body: Some(body),
            }),
            Err(e) => Err(ApiError::Unexpected {
                method,
                url,
                status,
                what: format!("the body is not JSON ({e})"),
            }),
        }
    }

    /// Sends `request` and returns the JSON:API document it answers with.
    pub fn document(&self, request: &ApiRequest) -> Result<Value, ApiError> {
        let response = self.send(request)?;
        match response.body {
            Some(doc) if doc.get("data").is_some() => Ok(doc),
            _ => Err(ApiError::Unexpected {
                method: request.method.clone(),
                url: request.url(&self.base_url),
                status: response.status,
                what: "expected a JSON:API document with `data`".into(),
            }),
        }
    }

    fn trace(
        &self,
        method: &Method,
        url: &str,
        outcome: &str,
        started: Instant,
        request_id: Option<&str>,
    ) {
        if self.verbose == 0 {
            return;
        }
        let ms = started.elapsed().as_millis();
        let id = request_id
            .map(|id| format!(" x-request-id={id}"))
            .unwrap_or_default();
        self.trace_line(&format!("{method} {url} {outcome} {ms}ms{id}"));
    }

    fn trace_body(&self, label: &str, body: &Value) {
        self.trace_line(&format!("  {label}: {}", redacted(body)));
    }

    /// One trace line on stderr, escaped: it carries server text (bodies, x-request-id).
    fn trace_line(&self, line: &str) {
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}",
            crate::terminal_text::escape(line)
        );
    }
}

fn describe_transport_error(e: &ureq::Error, host: &str) -> (TransportKind, String) {
    match e {
        ureq::Error::Timeout(_) => (
            TransportKind::Timeout,
            format!("timed out talking to {host}"),
        ),
        ureq::Error::HostNotFound => (TransportKind::Connect, format!("cannot resolve {host}")),
        ureq::Error::ConnectionFailed => {
            (TransportKind::Connect, format!("cannot connect to {host}"))
        }
        ureq::Error::Io(io) => (
            TransportKind::Connect,
            format!("cannot connect to {host}: {io}"),
        ),
        ureq::Error::Tls(why) => (TransportKind::Tls, format!("TLS failed with {host}: {why}")),
        ureq::Error::Rustls(why) => (TransportKind::Tls, format!("TLS failed with {host}: {why}")),
        other => {
            let text = other.to_string();
            let kind = if text.to_ascii_lowercase().contains("certificate") {
                TransportKind::Tls
            } else {
                TransportKind::Other
            };
            (kind, format!("request to {host} failed: {text}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_keys_are_percent_encoded() {
        let req = ApiRequest::new(Method::GET, "/organizations/o/oauth-clients")
            .query("include", "oauth_tokens")
            .query("page[size]", "100");
        assert_eq!(
            req.url("https://h/api/v2"),
            "https://h/api/v2/organizations/o/oauth-clients?include=oauth_tokens&page%5Bsize%5D=100"
        );
    }

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(segment("../x?y"), "..%2Fx%3Fy");
    }
}
