//! How an API failure reaches the user: the exit code of SPEC §5 for each kind of
//! [`ApiError`], and the hints that name tfvcs commands, flags and this run's host and token
//! source. The API layer says what happened; this says what to do about it.

use crate::api::client::Method;
use crate::api::error::{ApiError, ErrorBody, TransportKind, status_line};
use crate::api::retry;
use crate::error::{Exit, Fail};

/// What the hints need to know about this run.
pub(crate) struct Situation<'a> {
    /// `host[:port]`, as `terraform login` takes it.
    pub(crate) host: &'a str,
    /// Where the API token came from, if one was found.
    pub(crate) token_source: Option<&'a str>,
    /// Whether the server is a loopback host (a local server, like the sandbox).
    pub(crate) loopback: bool,
    /// Whether it is reached over https (a local server usually wants http://).
    pub(crate) https: bool,
    /// `host:port` with the port always written: what `tfvcs sandbox --listen` would take.
    pub(crate) listen: &'a str,
}

/// An id read first that the server does not know (SPEC §10): exit 3 in its own words.
pub(crate) fn not_found(what: &str, id: &str) -> Fail {
    Fail::new(Exit::NotFound, format!("no {what} {id}")).hint(
        "TFE also answers 404 when the token lacks permission: check the id and the token's access",
    )
}

/// The exit code of SPEC §5 for `error`.
pub(crate) fn exit_code(error: &ApiError) -> Exit {
    match error {
        ApiError::Status { status, .. } => match status {
            401 | 403 => Exit::Auth,
            404 => Exit::NotFound,
            400 | 409 | 415 | 422 => Exit::Rejected,
            429 | 500..=599 => Exit::Network,
            _ => Exit::Failure,
        },
        ApiError::Transport { .. } => Exit::Network,
        ApiError::Redirect { .. } | ApiError::Malformed { .. } | ApiError::Unexpected { .. } => {
            Exit::Failure
        }
    }
}

/// The user-facing failure for `error`, with the hints that help in `situation`.
pub(crate) fn api_failure(error: ApiError, situation: &Situation) -> Fail {
    let host = situation.host;
    let mut fail = Fail::new(exit_code(&error), error.summary());
    for line in error.details() {
        fail = fail.detail(line);
    }
    match error.status() {
        Some(401) => {
            let from = situation
                .token_source
                .map(|s| format!(" (from {s})"))
                .unwrap_or_default();
            fail = fail
                .hint(format!("the API token{from} was rejected by {host}"))
                .hint(format!(
                    "run `terraform login {host}`, or set TFE_TOKEN to a valid token"
                ));
        }
        Some(403) => {
            fail = fail.hint("the token is valid but not allowed to do this: it needs permission to manage VCS settings");
        }
        Some(404) => {
            fail = fail.hint(
                "TFE also answers 404 when the token lacks permission (or the organization lacks the VCS feature): check the id, the organization and the token's access",
            );
        }
        Some(415) => {
            fail = fail.hint("the server refused the content type: is --hostname a TFE API?");
        }
        _ => {}
    }
    if error.attempts() > 1 {
        fail = fail.hint(format!(
            "gave up after {} attempts; try again later, or allow more with --retries",
            error.attempts()
        ));
    }
    if let ApiError::Redirect { .. } = error {
        fail = fail.hint(
            "tfvcs never follows redirects: point --hostname at the final URL (scheme, host and API path)",
        );
    }
    if *error.method() == Method::POST && retry::is_transient(&error) {
        fail = fail.hint(
            "a POST is never retried, as it could create a duplicate: run `tfvcs client list` to check whether it was created before trying again",
        );
    }
    if error.transport_kind() == Some(TransportKind::UnknownIssuer) {
        fail = fail.hint("for a self-hosted TFE with a private CA, pass --ca-cert <PEM FILE>");
    }
    if error.transport_kind().is_some() && situation.loopback && situation.https {
        fail = fail.hint(format!(
            "{host} is a local address reached over https://: a local server (like `tfvcs sandbox`) wants --hostname http://{host}"
        ));
    }
    if error.transport_kind() == Some(TransportKind::Refused) && situation.loopback {
        fail = fail.hint(format!(
            "nothing listens on {host} (not retried): no server, such as a sandbox, is running on that port"
        ));
        fail = fail.hint(format!(
            "start one there with `eval \"$(tfvcs sandbox --detach --listen {})\"`",
            situation.listen
        ));
    }
    fail
}

/// The API's reason in one line: status, then each error's title and detail.
pub(crate) fn reason(error: &ApiError) -> String {
    match error {
        ApiError::Status {
            status,
            body: ErrorBody::Errors(errors),
            ..
        } => {
            let mut text = status_line(*status);
            for item in errors {
                let parts: Vec<&str> = [item.title.as_deref(), item.detail.as_deref()]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect();
                if !parts.is_empty() {
                    text.push_str(": ");
                    text.push_str(&parts.join(": "));
                }
            }
            text
        }
        ApiError::Status { status, .. } => status_line(*status),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_the_contract_exit_codes() {
        let code = |status| {
            exit_code(&ApiError::Status {
                method: Method::GET,
                url: String::new(),
                status,
                body: crate::api::error::ErrorBody::Errors(vec![]),
                attempts: 1,
            }) as i32
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
