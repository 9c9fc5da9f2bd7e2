//! What every request goes through before its handler, in order: the injected latency, the
//! rate limit and failures (`--latency-ms`, `--rate-limit`, `--fail-rate`), discovery and
//! ping, the token, the content type, and only then the body (bounded, within a deadline),
//! so a client without the token can make the sandbox read nothing.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::json;

use super::http::{Conn, Head, ReadError};
use crate::sandbox::documents::{API, Reply, error, unauthorized};
use crate::sandbox::handlers::{Api, Request};
use crate::sandbox::random::Rng;
use crate::shared::jsonapi::decode_component;

/// How the sandbox misbehaves on purpose, for testing clients under stress.
pub(crate) struct Chaos {
    pub(crate) latency: Duration,
    pub(crate) fail_rate: f64,
    pub(crate) rate_limit: Option<u32>,
    pub(crate) rng: Mutex<Rng>,
    /// Start of the current one-second window and the requests counted in it.
    pub(crate) window: Mutex<(Instant, u32)>,
}

pub(crate) struct Sandbox {
    pub(crate) api: Api,
    pub(crate) token: String,
    pub(crate) chaos: Chaos,
}

/// A reply, and whether the connection must close after it (a body was left unread).
pub(crate) struct Answer {
    pub(crate) reply: Reply,
    pub(crate) close: bool,
}

pub(crate) fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(k, true), decode_component(v, true))
        })
        .collect()
}

impl Sandbox {
    /// Answers one request whose head has been read; reads its body only when it gets that far.
    /// `complete` is called once the whole request is in, before it is handled: until then the
    /// connection may be closed to make room, after it must not be.
    pub(crate) fn answer(
        &self,
        head: &Head,
        conn: &mut Conn,
        body_deadline: Duration,
        complete: &dyn Fn(),
    ) -> Result<Answer, ReadError> {
        // Replies that leave an announced body unread end the connection: the unread bytes
        // would otherwise be taken for the next request.
        let unread = |reply: Reply| Answer {
            reply,
            close: head.has_body(),
        };
        if !self.chaos.latency.is_zero() {
            std::thread::sleep(self.chaos.latency);
        }
        let (limited, limit_headers) = self.rate_limit();
        let with_limits = |mut answer: Answer| {
            answer.reply.headers.extend(limit_headers.clone());
            answer
        };
        if limited {
            return Ok(with_limits(unread(error(
                429,
                "Too Many Requests",
                Some("rate limit exceeded; retry after the time in Retry-After"),
            ))));
        }
        if self.chaos.fail_rate > 0.0
            && self.chaos.rng.lock().map(|mut r| r.unit()).unwrap_or(1.0) < self.chaos.fail_rate
        {
            return Ok(with_limits(unread(error(
                503,
                "Service Unavailable",
                Some("injected by --fail-rate; nothing was changed"),
            ))));
        }
        let (path, query) = head.target.split_once('?').unwrap_or((&head.target, ""));
        let method = head.method.as_str();
        if let Some(reply) = public(method, path) {
            return Ok(with_limits(unread(reply)));
        }
        let Some(rest) = path.strip_prefix(API).and_then(|r| r.strip_prefix('/')) else {
            return Ok(with_limits(unread(error(404, "not found", None))));
        };
        let expected = format!("Bearer {}", self.token);
        if head.header("Authorization") != Some(expected.as_str()) {
            return Ok(with_limits(unread(unauthorized())));
        }
        let writes = matches!(method, "POST" | "PATCH" | "DELETE");
        let content_type = head.header("Content-Type").unwrap_or("");
        if writes
            && !content_type
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("application/vnd.api+json")
        {
            return Ok(with_limits(unread(error(
                415,
                "Unsupported Media Type",
                Some("POST, PATCH and DELETE requests need Content-Type: application/vnd.api+json"),
            ))));
        }
        let body = match conn.read_body(head, body_deadline) {
            Ok(bytes) => bytes,
            Err(ReadError::Status(413)) => {
                return Ok(with_limits(Answer {
                    reply: error(
                        413,
                        "Content Too Large",
                        Some("request bodies are at most 1 MiB"),
                    ),
                    close: true,
                }));
            }
            Err(e) => return Err(e),
        };
        complete();
        let Ok(body) = String::from_utf8(body) else {
            return Ok(with_limits(Answer {
                reply: error(400, "bad request", Some("the body is not UTF-8")),
                close: false,
            }));
        };
        let req = Request {
            method: method.to_string(),
            segments: rest
                .trim_end_matches('/')
                .split('/')
                .map(|s| decode_component(s, false))
                .collect(),
            query: parse_query(query),
            body,
            origin: format!("http://{}", head.header("Host").unwrap_or_default()),
        };
        Ok(with_limits(Answer {
            reply: self.api.handle(&req),
            close: false,
        }))
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
}

/// Discovery and ping: served without a token, as TFE does.
fn public(method: &str, path: &str) -> Option<Reply> {
    if method != "GET" {
        return None;
    }
    if path == "/.well-known/terraform.json" {
        return Some(Reply::json(
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
        ));
    }
    if path == format!("{API}/ping") {
        return Some(
            Reply::no_content()
                .header("TFP-API-Version", "2.6")
                .header("TFP-AppName", "tfvcs sandbox"),
        );
    }
    None
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
    }
}
