//! The sandbox's HTTP side: a small blocking server (tiny_http) with a pool of workers, what
//! every TFE request goes through before its handler (latency, injected failures, rate limit,
//! token, content type), discovery and ping, and one log line per request on stderr.

use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;
use tiny_http::{Header, Response, Server};

use super::documents::{API, Reply, error, unauthorized};
use super::handlers::{Api, Request};
use super::random::Rng;

/// How the sandbox misbehaves on purpose, for testing clients under stress.
pub struct Chaos {
    pub latency: Duration,
    pub fail_rate: f64,
    pub rate_limit: Option<u32>,
    pub rng: Mutex<Rng>,
    /// Start of the current one-second window and the requests counted in it.
    pub window: Mutex<(Instant, u32)>,
}

pub struct Sandbox {
    pub api: Api,
    pub token: String,
    pub chaos: Chaos,
}

const MAX_BODY: u64 = 1 << 20;
const WORKERS: usize = 8;

/// Serves requests on `server` until the process ends.
pub fn serve(server: Server, sandbox: Sandbox) {
    let server = Arc::new(server);
    let sandbox = Arc::new(sandbox);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, sandbox) = (Arc::clone(&server), Arc::clone(&sandbox));
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    sandbox.respond(request);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
}

fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

fn header_value<'a>(request: &'a tiny_http::Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

impl Sandbox {
    fn respond(&self, mut request: tiny_http::Request) {
        let started = Instant::now();
        let method = request.method().as_str().to_uppercase();
        let url = request.url().to_string();
        let mut body = String::new();
        let _ = request.as_reader().take(MAX_BODY).read_to_string(&mut body);
        let reply = self.answer(&request, &method, &url, body);
        let status = reply.status;
        let mut response = match &reply.body {
            Some(doc) => {
                Response::from_data(serde_json::to_vec(doc).expect("documents serialise")).boxed()
            }
            None => Response::empty(204).boxed(),
        }
        .with_status_code(status);
        let content_type = if url.starts_with("/.well-known/") {
            "application/json"
        } else {
            "application/vnd.api+json"
        };
        if reply.body.is_some() {
            response.add_header(header("Content-Type", content_type));
        }
        let request_id = self
            .chaos
            .rng
            .lock()
            .map(|mut r| r.alphanumeric(20))
            .unwrap_or_default();
        response.add_header(header("X-Request-Id", &request_id));
        for (name, value) in &reply.headers {
            response.add_header(header(name, value));
        }
        let _ = request.respond(response);
        eprintln!(
            "{method} {url} {status} {}ms",
            started.elapsed().as_millis()
        );
    }

    fn answer(&self, request: &tiny_http::Request, method: &str, url: &str, body: String) -> Reply {
        if !self.chaos.latency.is_zero() {
            std::thread::sleep(self.chaos.latency);
        }
        let (limited, limit_headers) = self.rate_limit();
        let mut reply = if limited {
            error(
                429,
                "Too Many Requests",
                Some("rate limit exceeded; retry after the time in Retry-After"),
            )
        } else if self.chaos.fail_rate > 0.0
            && self.chaos.rng.lock().map(|mut r| r.unit()).unwrap_or(1.0) < self.chaos.fail_rate
        {
            error(
                503,
                "Service Unavailable",
                Some("injected by --fail-rate; nothing was changed"),
            )
        } else {
            self.route(request, method, url, body)
        };
        reply.headers.extend(limit_headers);
        reply
    }

    /// Counts the request in the current one-second window: whether it is over the limit, and
    /// the rate-limit headers TFE sends (with `Retry-After` on a 429).
    fn rate_limit(&self) -> (bool, Vec<(String, String)>) {
        let Some(limit) = self.chaos.rate_limit else {
            return (false, Vec::new());
        };
        let mut window = self.chaos.window.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if now.duration_since(window.0) >= Duration::from_secs(1) {
            *window = (now, 0);
        }
        window.1 += 1;
        let reset =
            (Duration::from_secs(1).saturating_sub(now.duration_since(window.0))).as_secs_f64();
        let limited = window.1 > limit;
        let mut headers = vec![
            ("X-RateLimit-Limit".to_string(), limit.to_string()),
            (
                "X-RateLimit-Remaining".to_string(),
                limit.saturating_sub(window.1).to_string(),
            ),
            ("X-RateLimit-Reset".to_string(), format!("{reset:.3}")),
        ];
        if limited {
            headers.push((
                "Retry-After".to_string(),
                (reset.ceil() as u64).max(1).to_string(),
            ));
        }
        (limited, headers)
    }

    fn route(&self, request: &tiny_http::Request, method: &str, url: &str, body: String) -> Reply {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        if path == "/.well-known/terraform.json" && method == "GET" {
            return Reply::json(
                200,
                json!({
                    "modules.v1": "/api/registry/v1/modules/",
                    "motd.v1": "/api/terraform/motd",
                    "providers.v1": "/api/registry/v1/providers/",
                    "state.v2": "/api/v2/",
                    "tfe.v2": "/api/v2/",
                    "tfe.v2.1": "/api/v2/",
                    "tfe.v2.2": "/api/v2/",
                }),
            );
        }
        if path == format!("{API}/ping") && method == "GET" {
            return Reply::no_content()
                .header("TFP-API-Version", "2.6")
                .header("TFP-AppName", "tfvcs sandbox");
        }
        let Some(rest) = path.strip_prefix(API).and_then(|r| r.strip_prefix('/')) else {
            return error(404, "not found", None);
        };
        let expected = format!("Bearer {}", self.token);
        if header_value(request, "Authorization") != Some(expected.as_str()) {
            return unauthorized();
        }
        let writes = matches!(method, "POST" | "PATCH" | "DELETE");
        let content_type = header_value(request, "Content-Type").unwrap_or("");
        if writes
            && !content_type
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("application/vnd.api+json")
        {
            return error(
                415,
                "Unsupported Media Type",
                Some("POST, PATCH and DELETE requests need Content-Type: application/vnd.api+json"),
            );
        }
        let host = header_value(request, "Host")
            .map(str::to_string)
            .unwrap_or_default();
        let req = Request {
            method: method.to_string(),
            segments: rest
                .trim_end_matches('/')
                .split('/')
                .map(|s| percent_decode(s, false))
                .collect(),
            query: parse_query(query),
            body,
            origin: format!("http://{host}"),
        };
        self.api.handle(&req)
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_keys_and_values_are_decoded() {
        assert_eq!(
            parse_query("page%5Bsize%5D=7&include=oauth_tokens,projects&page[number]=2"),
            vec![
                ("page[size]".to_string(), "7".to_string()),
                ("include".to_string(), "oauth_tokens,projects".to_string()),
                ("page[number]".to_string(), "2".to_string()),
            ]
        );
        assert_eq!(percent_decode("a%2Fb%zz%", false), "a/b%zz%");
    }
}
