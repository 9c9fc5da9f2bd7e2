//! What can go wrong talking to the API, and how each failure maps to an exit code and hints.
//! The server's JSON error body (in its three TFE shapes) is kept apart from transport failures.

use serde_json::Value;

use crate::error::{Exit, Fail};

/// One error object of a TFE error document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorItem {
    pub title: Option<String>,
    pub detail: Option<String>,
    pub pointer: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    Connect,
    Timeout,
    Tls,
    Other,
}

#[derive(Debug)]
pub enum ApiError {
    /// The server answered with a non-success status.
    Status {
        method: &'static str,
        url: String,
        status: u16,
        errors: Vec<ErrorItem>,
        /// How many attempts were made (more than one after retries).
        attempts: u32,
    },
    /// No HTTP answer: connection, TLS, timeout.
    Transport {
        method: &'static str,
        url: String,
        kind: TransportKind,
        message: String,
        attempts: u32,
    },
    /// A success status with a body that is not the JSON:API document expected.
    Unexpected {
        method: &'static str,
        url: String,
        status: u16,
        what: String,
    },
}

/// Parses every TFE error body shape: JSON:API error objects (string or numeric `status`,
/// `source.pointer`), a bare array of strings, or `{"message": …}`. Other bodies give no items.
pub fn parse_error_body(body: &str) -> Vec<ErrorItem> {
    let Ok(doc) = serde_json::from_str::<Value>(body) else {
        return Vec::new();
    };
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    match doc.get("errors") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => ErrorItem {
                    title: Some(s.clone()),
                    ..ErrorItem::default()
                },
                other => ErrorItem {
                    title: text(other, "title"),
                    detail: text(other, "detail"),
                    pointer: other
                        .get("source")
                        .and_then(|s| s.get("pointer"))
                        .and_then(Value::as_str)
                        .map(str::to_string),
                },
            })
            .collect(),
        _ => text(&doc, "message")
            .map(|m| {
                vec![ErrorItem {
                    title: Some(m),
                    ..ErrorItem::default()
                }]
            })
            .unwrap_or_default(),
    }
}

pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

impl ApiError {
    pub fn exit(&self) -> Exit {
        match self {
            ApiError::Status { status, .. } => match status {
                401 | 403 => Exit::Auth,
                404 => Exit::NotFound,
                400 | 409 | 415 | 422 => Exit::Rejected,
                429 | 500..=599 => Exit::Network,
                _ => Exit::Failure,
            },
            ApiError::Transport { .. } => Exit::Network,
            ApiError::Unexpected { .. } => Exit::Failure,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::Status {
                method,
                url,
                status,
                errors,
                attempts,
            } => {
                let mut out = format!("{method} {url}: {status} {}", reason_phrase(*status))
                    .trim_end()
                    .to_string();
                if *attempts > 1 {
                    out.push_str(&format!(" (after {attempts} attempts)"));
                }
                for item in errors {
                    let mut line = String::from("\n  ");
                    let parts: Vec<&str> = [item.title.as_deref(), item.detail.as_deref()]
                        .into_iter()
                        .flatten()
                        .filter(|s| !s.is_empty())
                        .collect();
                    line.push_str(&parts.join(": "));
                    if let Some(pointer) = &item.pointer {
                        line.push_str(&format!(" (at {pointer})"));
                    }
                    out.push_str(&line);
                }
                out
            }
            ApiError::Transport {
                method,
                url,
                message,
                attempts,
                ..
            } => {
                let tries = if *attempts > 1 {
                    format!(" (after {attempts} attempts)")
                } else {
                    String::new()
                };
                format!("{method} {url}: {message}{tries}")
            }
            ApiError::Unexpected {
                method,
                url,
                status,
                what,
            } => format!("{method} {url}: unexpected response ({status}): {what}"),
        }
    }

    /// Converts to the user-facing failure; `host` and `token_source` make the hints concrete.
    pub fn into_fail(self, host: &str, token_source: Option<&str>) -> Fail {
        let mut fail = Fail::new(self.exit(), self.message());
        let method = match &self {
            ApiError::Status { method, .. } | ApiError::Transport { method, .. } => *method,
            ApiError::Unexpected { method, .. } => method,
        };
        match &self {
            ApiError::Status { status: 401, .. } => {
                let from = token_source
                    .map(|s| format!(" (from {s})"))
                    .unwrap_or_default();
                fail = fail
                    .hint(format!("the API token{from} was rejected by {host}"))
                    .hint(format!(
                        "run `terraform login {host}`, or set TFE_TOKEN to a valid token"
                    ));
            }
            ApiError::Status { status: 403, .. } => {
                fail = fail.hint("the token is valid but not allowed to do this: it needs permission to manage VCS settings");
            }
            ApiError::Status { status: 404, .. } => {
                fail = fail.hint(
                    "TFE also answers 404 when the token lacks permission (or the organization lacks the VCS feature): check the id, the organization and the token's access",
                );
            }
            ApiError::Status { status: 415, .. } => {
                fail = fail.hint("the server refused the content type: is --hostname a TFE API?");
            }
            _ => {}
        }
        if method == "POST" && self.exit() == Exit::Network {
            fail = fail.hint(
                "a POST is never retried, as it could create a duplicate: run `tfvcs client list` to check whether it was created before trying again",
            );
        }
        if let ApiError::Transport {
            kind: TransportKind::Tls,
            ..
        } = &self
        {
            fail = fail.hint("for a self-hosted TFE with a private CA, pass --ca-cert <PEM FILE>");
        }
        fail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_json_api_error_objects_with_pointer() {
        let items = parse_error_body(
            r#"{"errors":[{"status":"422","title":"invalid attribute","detail":"Name is bad","source":{"pointer":"/data/attributes/name"}}]}"#,
        );
        assert_eq!(
            items,
            vec![ErrorItem {
                title: Some("invalid attribute".into()),
                detail: Some("Name is bad".into()),
                pointer: Some("/data/attributes/name".into()),
            }]
        );
    }

    #[test]
    fn parses_numeric_status_and_string_arrays_and_message() {
        let numeric =
            parse_error_body(r#"{"errors":[{"status":429,"title":"Too many requests"}]}"#);
        assert_eq!(numeric[0].title.as_deref(), Some("Too many requests"));
        let strings = parse_error_body(r#"{"errors":["include parameter is invalid"]}"#);
        assert_eq!(
            strings[0].title.as_deref(),
            Some("include parameter is invalid")
        );
        let message = parse_error_body(r#"{"message":"down for maintenance"}"#);
        assert_eq!(message[0].title.as_deref(), Some("down for maintenance"));
        assert!(parse_error_body("<html>oops</html>").is_empty());
    }

    #[test]
    fn statuses_map_to_the_contract_exit_codes() {
        let code = |status| {
            ApiError::Status {
                method: "GET",
                url: String::new(),
                status,
                errors: vec![],
                attempts: 1,
            }
            .exit() as i32
        };
        assert_eq!(
            [
                code(401),
                code(403),
                code(404),
                code(400),
                code(409),
                code(415),
                code(422)
            ],
            [4, 4, 3, 5, 5, 5, 5]
        );
        assert_eq!([code(429), code(500), code(503), code(418)], [6, 6, 6, 1]);
    }
}
