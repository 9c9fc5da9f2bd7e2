//! The one HTTP client: builds every request to the TFE API (JSON:API headers, bearer token,
//! user agent), paces every request through the run's one [`Pacer`], maps each status to an
//! [`ApiError`], and traces exchanges for `--verbose`. It writes nothing to stdout and knows
//! nothing of the command line. Lists are walked in `pages.rs`.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;
use ureq::Agent;
pub(crate) use ureq::http::Method;
use ureq::tls::{Certificate, RootCerts, TlsConfig};
use ureq::unversioned::resolver::DefaultResolver;

use super::body::{Body, redact_response};
use super::error::{ApiError, TransportKind, parse_error_body, status_line};
use super::nesting::{MAX_ITEM_NESTING, nests_deeper_than};
use super::pacer::{Held, Pacer, RateHeaders};
use super::raw_head::{self, HeadKeepingConnector};
pub(crate) use super::request::{ApiRequest, segment};
use super::retry::{self, Backoff, Decision};
use super::transport::{describe_body_error, describe_transport_error, malformed_head};
use crate::secret::Secret;

pub(crate) const JSON_API: &str = "application/vnd.api+json";
pub(crate) const USER_AGENT: &str = concat!("tfvcs/", env!("CARGO_PKG_VERSION"));
/// Bodies larger than this are refused, not read (no TFE document comes near it).
pub(crate) const MAX_BODY: u64 = 32 * 1024 * 1024;

/// A successful answer: its status and its JSON body (`None` for an empty body, as with 204),
/// parsed as a `Value` or, through [`ApiClient::send_parsed`], straight into something leaner.
#[derive(Debug)]
pub(crate) struct ApiResponse<T = Value> {
    pub(crate) status: u16,
    pub(crate) body: Option<T>,
}

/// Everything the client needs, resolved beforehand by the configuration.
pub(crate) struct ClientSettings {
    /// `{scheme}://{host}[:port]{base path}`.
    pub(crate) base_url: String,
    /// `host[:port]`, as error messages name the server.
    pub(crate) host: String,
    /// Whether the host is a loopback address (no network between us and it).
    pub(crate) loopback: bool,
    pub(crate) token: Secret,
    /// Per HTTP request.
    pub(crate) timeout: Duration,
    /// Retries after the first attempt (SPEC §5).
    pub(crate) retries: u32,
    pub(crate) verbose: u8,
    /// Trusted roots in place of the bundled ones (`--ca-cert`).
    pub(crate) ca_roots: Option<Vec<Certificate<'static>>>,
    /// The proxy to go through, `None` for a direct connection (decided in `config/proxy.rs`).
    pub(crate) proxy: Option<ureq::Proxy>,
    /// The waits between retries.
    pub(crate) backoff: Backoff,
}

pub(crate) struct ApiClient {
    agent: Agent,
    base_url: String,
    token: Secret,
    verbose: u8,
    host: String,
    loopback: bool,
    /// The one pacer of the run: every request, of every walk and thread, waits for its slot.
    pacer: Pacer,
    retries: u32,
    backoff: Backoff,
}

/// A failed attempt, with the wait a 429 asked for.
struct Failed {
    error: ApiError,
    server_wait: Option<Duration>,
}

impl From<ApiError> for Failed {
    fn from(error: ApiError) -> Self {
        Failed {
            error,
            server_wait: None,
        }
    }
}

impl ApiClient {
    pub(crate) fn new(settings: ClientSettings) -> ApiClient {
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
            // ureq's connector, keeping each answer's head for one it refuses (`raw_head`).
            agent: Agent::with_parts(
                builder.build(),
                HeadKeepingConnector::default(),
                DefaultResolver::default(),
            ),
            base_url: settings.base_url,
            token: settings.token,
            verbose: settings.verbose,
            host: settings.host,
            loopback: settings.loopback,
            pacer: Pacer::new(settings.timeout),
            retries: settings.retries,
            backoff: settings.backoff,
        }
    }

    /// The absolute URL of `request` on this server.
    pub(crate) fn url(&self, request: &ApiRequest) -> String {
        request.url(&self.base_url)
    }

    /// Sends `request` as one logical request: the first attempt, then the retries of
    /// SPEC §5 (at most `retries` more), each traced with `-v`. A non-success status is an
    /// error; a DELETE answered 404 after an earlier attempt may have reached the server is
    /// success (it is gone).
    pub(crate) fn send(&self, request: &ApiRequest) -> Result<ApiResponse, ApiError> {
        self.send_parsed(request, |text| {
            serde_json::from_str::<Value>(text).map_err(|e| format!("the body is not JSON ({e})"))
        })
    }

    /// [`send`](Self::send), with the JSON body read by `parse` instead of into a `Value`
    /// (`Err` says what is wrong with it): a list page goes straight to compact resources,
    /// at a fraction of a `Value`'s memory.
    pub(crate) fn send_parsed<T>(
        &self,
        request: &ApiRequest,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<ApiResponse<T>, ApiError> {
        let mut attempt: u32 = 1;
        // Whether an earlier attempt may have been processed: a 5xx, a connection broken or
        // timed out. A 429 or a refused connection was not, so a 404 after only those means
        // the resource never existed, not that the first attempt deleted it.
        let mut maybe_processed = false;
        loop {
            let failed = match self.send_once(request, &parse) {
                Ok(response) => return Ok(response),
                Err(failed) => failed,
            };
            let error = failed.error;
            if maybe_processed && request.method == Method::DELETE && error.status() == Some(404) {
                self.trace_retry("404 after a retried DELETE: it is gone, which is success");
                return Ok(ApiResponse {
                    status: 404,
                    body: None,
                });
            }
            maybe_processed |= retry::is_transient(&error)
                && error.transport_kind() != Some(TransportKind::Refused);
            if attempt > self.retries {
                return Err(error.after_attempts(attempt));
            }
            // A loopback server that did not answer in time will not answer the next time
            // either (typically https:// spoken to a plain-http local server, such as the
            // sandbox), and a loopback port that refused has nothing listening on it (a
            // stopped sandbox): fail now, so that the hint comes at once (SPEC §5).
            if self.loopback
                && matches!(
                    error.transport_kind(),
                    Some(TransportKind::Timeout | TransportKind::Refused)
                )
            {
                return Err(error.after_attempts(attempt));
            }
            match retry::decide(
                &request.method,
                &error,
                failed.server_wait,
                attempt,
                &self.backoff,
            ) {
                Decision::Final => return Err(error.after_attempts(attempt)),
                Decision::WaitTooLong(wait) => {
                    self.trace_retry(&format!(
                        "the server asks to wait {:.1}s: longer than {}s, not retrying",
                        wait.as_secs_f64(),
                        retry::MAX_SERVER_WAIT.as_secs()
                    ));
                    return Err(error.after_attempts(attempt));
                }
                Decision::Retry(wait) => {
                    self.trace_retry(&format!(
                        "retry {attempt} of {} in {}ms, after {}",
                        self.retries,
                        wait.as_millis(),
                        brief(&error)
                    ));
                    std::thread::sleep(wait);
                }
            }
            attempt += 1;
        }
    }

    /// One attempt: one HTTP exchange, its body read to the end (at most [`MAX_BODY`]).
    fn send_once<T>(
        &self,
        request: &ApiRequest,
        parse: &impl Fn(&str) -> Result<T, String>,
    ) -> Result<ApiResponse<T>, Failed> {
        let url = request.url(&self.base_url);
        let method = request.method.clone();
        let (started, held) = self.pacer.wait();
        if let Held::ForReset(waited) = held {
            self.trace_retry(&format!(
                "pacing: the server's rate-limit budget is spent; waited {}ms for its reset",
                waited.as_millis()
            ));
        }
        let auth = format!("Bearer {}", self.token.expose());
        let body_bytes = request.body.as_ref().map(Body::to_wire);
        raw_head::forget();
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
        let transport = |(kind, message): (TransportKind, String), started: Instant| {
            self.trace(&method, &url, &format!("failed: {message}"), started, None);
            Failed::from(ApiError::Transport {
                method: method.clone(),
                url: url.clone(),
                kind,
                message,
                attempts: 1,
            })
        };
        let mut response = result.map_err(|e| match malformed_head(&e) {
            // A 3xx is still a redirect, its status and Location read from the head as sent.
            Some(what) if let Some((status, location)) = raw_head::last_redirect() => {
                self.trace(
                    &method,
                    &url,
                    &format!("{status}, not valid HTTP: {what}"),
                    started,
                    None,
                );
                Failed::from(ApiError::Redirect {
                    method: method.clone(),
                    url: url.clone(),
                    status,
                    location,
                })
            }
            Some(what) => {
                self.trace(
                    &method,
                    &url,
                    &format!("not valid HTTP: {what}"),
                    started,
                    None,
                );
                Failed::from(ApiError::Malformed {
                    method: method.clone(),
                    url: url.clone(),
                    what,
                })
            }
            None => transport(describe_transport_error(&e, &self.host), started),
        })?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        };
        let request_id = header("x-request-id");
        let location = header("location");
        let content_type = header("content-type");
        let server_wait = if status == 429 {
            retry::server_wait(
                header("retry-after").as_deref(),
                header("x-ratelimit-reset").as_deref(),
                SystemTime::now(),
            )
        } else {
            None
        };
        let rate_headers = RateHeaders::parse(
            header("x-ratelimit-limit").as_deref(),
            header("x-ratelimit-remaining").as_deref(),
            header("x-ratelimit-reset").as_deref(),
        );
        if let Some(rate) = self.pacer.observe(started, status, rate_headers)
            && self.verbose > 0
        {
            self.trace_line(&format!(
                "{method} {url} 429: pacing down to {rate} requests per second"
            ));
        }
        let unexpected = |what: String| {
            Failed::from(ApiError::Unexpected {
                method: method.clone(),
                url: url.clone(),
                status,
                what,
            })
        };
        let bytes = match response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
        {
            Ok(bytes) => bytes,
            Err(ureq::Error::BodyExceedsLimit(_)) => {
                self.trace(
                    &method,
                    &url,
                    &format!("{status}, body over 32 MiB"),
                    started,
                    None,
                );
                return Err(unexpected("the body is larger than 32 MiB".into()));
            }
            // A body cut off (reset, timeout, fewer bytes than announced) is a network failure.
            Err(e) => return Err(transport(describe_body_error(&e, &self.host), started)),
        };
        self.trace(
            &method,
            &url,
            &status.to_string(),
            started,
            request_id.as_deref(),
        );
        if self.verbose >= 2 {
            if let Some(body) = &request.body {
                self.trace_line(&format!("  request body: {}", body.redacted_text(false)));
            }
            let sent = request.body.as_ref().map(Body::secrets).unwrap_or_default();
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(body) => self.trace_body("response body", &redact_response(&body, &sent)),
                Err(_) if bytes.is_empty() => {}
                Err(_) => self.trace_line(&format!(
                    "  response body: ({} bytes, not JSON)",
                    bytes.len()
                )),
            }
        }
        if (300..400).contains(&status) {
            return Err(Failed::from(ApiError::Redirect {
                method,
                url,
                status,
                location,
            }));
        }
        if !(200..300).contains(&status) {
            return Err(Failed {
                error: ApiError::Status {
                    method,
                    url,
                    status,
                    body: parse_error_body(&String::from_utf8_lossy(&bytes)),
                    attempts: 1,
                },
                server_wait,
            });
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(ApiResponse { status, body: None });
        }
        if let Some(kind) = content_type.filter(|t| !t.to_ascii_lowercase().contains("json")) {
            return Err(unexpected(format!(
                "the body is {}, not JSON",
                kind.split(';').next().unwrap_or_default().trim()
            )));
        }
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| unexpected("the body is not valid UTF-8".into()))?;
        // A list document holds its resources two levels down (`{"data": [...]}`).
        if nests_deeper_than(text, MAX_ITEM_NESTING + 2) {
            return Err(unexpected(format!(
                "the body nests deeper than {} levels (a resource may nest {MAX_ITEM_NESTING})",
                MAX_ITEM_NESTING + 2
            )));
        }
        match parse(text) {
            Ok(body) => Ok(ApiResponse {
                status,
                body: Some(body),
            }),
            Err(what) => Err(unexpected(what)),
        }
    }

    /// Sends `request` and returns the JSON:API document it answers with: a JSON object with
    /// `data` (of any shape; the caller checks it).
    pub(crate) fn any_document(&self, request: &ApiRequest) -> Result<Value, ApiError> {
        self.status_and_document(request).map(|(_, doc)| doc)
    }

    /// Sends `request` and returns the JSON:API document it answers with: one resource, an
    /// object with an `id`.
    pub(crate) fn document(&self, request: &ApiRequest) -> Result<Value, ApiError> {
        let (status, doc) = self.status_and_document(request)?;
        let problem = match &doc["data"] {
            Value::Object(resource) => match resource.get("id") {
                Some(Value::String(id)) if !id.is_empty() => return Ok(doc),
                _ => "the resource in `data` has no `id`".to_string(),
            },
            other => format!("`data` is {}, not a resource object", json_kind(other)),
        };
        Err(self.unexpected(request, status, problem))
    }

    fn status_and_document(&self, request: &ApiRequest) -> Result<(u16, Value), ApiError> {
        let response = self.send(request)?;
        let problem = match response.body {
            Some(Value::Object(doc)) if doc.contains_key("data") => {
                return Ok((response.status, Value::Object(doc)));
            }
            None => "the body is empty, not a JSON:API document".to_string(),
            Some(Value::Object(_)) => "the document has no `data`".into(),
            Some(other) => format!("the body is {}, not a JSON:API document", json_kind(&other)),
        };
        Err(self.unexpected(request, response.status, problem))
    }

    fn unexpected(&self, request: &ApiRequest, status: u16, what: String) -> ApiError {
        ApiError::Unexpected {
            method: request.method.clone(),
            url: request.url(&self.base_url),
            status,
            what,
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

    /// A `-v` line about a retry: what failed and how long tfvcs waits.
    fn trace_retry(&self, text: &str) {
        if self.verbose > 0 {
            self.trace_line(&format!("  {text}"));
        }
    }

    /// A body already redacted: by type for a request, by name and by what was sent for an
    /// answer.
    fn trace_body(&self, label: &str, body: &Value) {
        self.trace_line(&format!("  {label}: {body}"));
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

/// What kind of JSON value `v` is, for error messages.
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What failed, in a few words, for the `-v` retry line.
fn brief(error: &ApiError) -> String {
    match error {
        ApiError::Status { status, .. } => status_line(*status),
        ApiError::Transport { message, .. } => message.clone(),
        other => other.to_string(),
    }
}
