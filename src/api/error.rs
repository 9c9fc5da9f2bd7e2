//! What can go wrong talking to the API, in the API's own terms: the server's error body (in
//! its three TFE shapes, or as text when it is not JSON), redirects, transport failures and
//! answers that are not the document expected. No command-line words here: the commands turn
//! these into exit codes and hints.

use std::fmt;

use serde_json::Value;
use ureq::http::{Method, StatusCode};

/// One error object of a TFE error document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ErrorItem {
    pub(crate) title: Option<String>,
    pub(crate) detail: Option<String>,
    pub(crate) pointer: Option<String>,
}

/// What an error answer's body said: TFE's error objects, or text that is not such a document
/// (an HTML page from a proxy, a plain message), kept so the user sees what came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorBody {
    Errors(Vec<ErrorItem>),
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TransportKind {
    /// The host name does not resolve.
    Resolve,
    /// Nothing accepted the connection (refused, unreachable).
    Refused,
    /// The connection dropped mid-exchange (reset, or a body cut off before its end).
    Broken,
    Timeout,
    Tls,
    /// A TLS failure because no trusted root signed the server's certificate.
    UnknownIssuer,
    Other,
}

#[derive(Debug)]
pub(crate) enum ApiError {
    /// The server answered with a non-success status.
    Status {
        method: Method,
        url: String,
        status: u16,
        body: ErrorBody,
        /// How many attempts were made (more than one after retries).
        attempts: u32,
    },
    /// A 3xx: never followed (a write would turn into a GET, or the token go elsewhere).
    Redirect {
        method: Method,
        url: String,
        status: u16,
        location: Option<String>,
    },
    /// No complete HTTP answer: connection, TLS, timeout, a body cut off.
    Transport {
        method: Method,
        url: String,
        kind: TransportKind,
        message: String,
        attempts: u32,
    },
    /// An answer that is not valid HTTP, refused before its status could be read.
    Malformed {
        method: Method,
        url: String,
        what: &'static str,
    },
    /// A success status with a body that is not the JSON:API document expected.
    Unexpected {
        method: Method,
        url: String,
        status: u16,
        what: String,
    },
}

/// The longest part of a non-JSON error body worth showing.
const TEXT_EXCERPT_CHARS: usize = 200;

/// Parses every TFE error body shape: JSON:API error objects (string or numeric `status`,
/// `source.pointer`), a bare array of strings, or `{"message": …}`. A JSON body of another
/// shape gives no items; a body that is not JSON is kept as text.
pub(crate) fn parse_error_body(body: &str) -> ErrorBody {
    let Ok(doc) = serde_json::from_str::<Value>(body) else {
        return ErrorBody::Text(body.to_string());
    };
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let items = match doc.get("errors") {
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
    };
    ErrorBody::Errors(items)
}

/// `404 Not Found`: the status and its standard reason, if it has one.
pub(crate) fn status_line(status: u16) -> String {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    format!("{status} {reason}").trim_end().to_string()
}

/// Server text on one line: whitespace runs collapsed, control characters escaped, cut short.
fn one_line_excerpt(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = collapsed.chars().take(TEXT_EXCERPT_CHARS).collect();
    if collapsed.chars().count() > TEXT_EXCERPT_CHARS {
        out.push('…');
    }
    crate::terminal_text::escape(&out).into_owned()
}

impl ApiError {
    /// The same error, saying how many attempts it took.
    pub(crate) fn after_attempts(mut self, n: u32) -> Self {
        if let ApiError::Status { attempts, .. } | ApiError::Transport { attempts, .. } = &mut self
        {
            *attempts = n;
        }
        self
    }

    /// How many attempts were made: more than one after retries.
    pub(crate) fn attempts(&self) -> u32 {
        match self {
            ApiError::Status { attempts, .. } | ApiError::Transport { attempts, .. } => *attempts,
            _ => 1,
        }
    }

    pub(crate) fn method(&self) -> &Method {
        match self {
            ApiError::Status { method, .. }
            | ApiError::Redirect { method, .. }
            | ApiError::Transport { method, .. }
            | ApiError::Malformed { method, .. }
            | ApiError::Unexpected { method, .. } => method,
        }
    }

    pub(crate) fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } | ApiError::Redirect { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub(crate) fn transport_kind(&self) -> Option<TransportKind> {
        match self {
            ApiError::Transport { kind, .. } => Some(*kind),
            _ => None,
        }
    }
}

impl ApiError {
    /// The first line: method, URL and what happened.
    pub(crate) fn summary(&self) -> String {
        match self {
            ApiError::Status {
                method,
                url,
                status,
                ..
            } => format!("{method} {url}: {}", status_line(*status)),
            ApiError::Redirect {
                method,
                url,
                status,
                location,
            } => {
                let to = location
                    .as_deref()
                    .map(|l| format!(" to {}", one_line_excerpt(l)))
                    .unwrap_or_else(|| " (no Location given)".into());
                format!(
                    "{method} {url}: {} redirects{to}; redirects are not followed",
                    status_line(*status)
                )
            }
            ApiError::Transport {
                method,
                url,
                message,
                ..
            } => format!("{method} {url}: {message}"),
            ApiError::Malformed { method, url, what } => {
                format!("{method} {url}: the answer is not valid HTTP ({what})")
            }
            ApiError::Unexpected {
                method,
                url,
                status,
                what,
            } => format!("{method} {url}: unexpected response ({status}): {what}"),
        }
    }

    /// What the server's error body said, one line per error object (server text, as sent:
    /// whoever shows it escapes it).
    pub(crate) fn details(&self) -> Vec<String> {
        let ApiError::Status { body, .. } = self else {
            return Vec::new();
        };
        match body {
            ErrorBody::Errors(items) => items
                .iter()
                .map(|item| {
                    let parts: Vec<&str> = [item.title.as_deref(), item.detail.as_deref()]
                        .into_iter()
                        .flatten()
                        .filter(|s| !s.is_empty())
                        .collect();
                    let mut line = parts.join(": ");
                    if let Some(pointer) = &item.pointer {
                        line.push_str(&format!(" (at {pointer})"));
                    }
                    line
                })
                .collect(),
            ErrorBody::Text(text) if text.trim().is_empty() => Vec::new(),
            ErrorBody::Text(text) => vec![one_line_excerpt(text)],
        }
    }
}

/// The summary, then each detail on its own indented line.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary())?;
        for line in self.details() {
            write!(f, "\n  {line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(body: &str) -> Vec<ErrorItem> {
        match parse_error_body(body) {
            ErrorBody::Errors(items) => items,
            ErrorBody::Text(text) => panic!("not parsed as JSON: {text}"),
        }
    }

    #[test]
    fn parses_json_api_error_objects_with_pointer() {
        assert_eq!(
            items(
                r#"{"errors":[{"status":"422","title":"invalid attribute","detail":"Name is bad","source":{"pointer":"/data/attributes/name"}}]}"#,
            ),
            vec![ErrorItem {
                title: Some("invalid attribute".into()),
                detail: Some("Name is bad".into()),
                pointer: Some("/data/attributes/name".into()),
            }]
        );
    }

    #[test]
    fn parses_numeric_status_and_string_arrays_and_message() {
        let numeric = items(r#"{"errors":[{"status":429,"title":"Too many requests"}]}"#);
        assert_eq!(numeric[0].title.as_deref(), Some("Too many requests"));
        let strings = items(r#"{"errors":["include parameter is invalid"]}"#);
        assert_eq!(
            strings[0].title.as_deref(),
            Some("include parameter is invalid")
        );
        let message = items(r#"{"message":"down for maintenance"}"#);
        assert_eq!(message[0].title.as_deref(), Some("down for maintenance"));
        assert_eq!(
            parse_error_body("<html>oops</html>"),
            ErrorBody::Text("<html>oops</html>".into())
        );
    }

    #[test]
    fn text_bodies_show_as_one_escaped_line() {
        let error = ApiError::Status {
            method: Method::GET,
            url: "https://h/x".into(),
            status: 502,
            body: parse_error_body("<html>\n  <b>bad\x1b[31m gateway</b>\n</html>"),
            attempts: 3,
        };
        assert_eq!(
            error.to_string(),
            "GET https://h/x: 502 Bad Gateway\n  <html> <b>bad\\u{1b}[31m gateway</b> </html>"
        );
    }

    #[test]
    fn status_lines_use_the_standard_reasons() {
        assert_eq!(status_line(422), "422 Unprocessable Entity");
        assert_eq!(status_line(429), "429 Too Many Requests");
        assert_eq!(status_line(599), "599");
    }
}
