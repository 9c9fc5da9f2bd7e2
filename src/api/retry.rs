//! When a failed request is tried again, and how long to wait first (SPEC §5).
//!
//! - 429: the request was not processed, so any method is retried, after `Retry-After`
//!   (seconds or an HTTP date), else `X-RateLimit-Reset` (decimal seconds), else the backoff.
//!   A jittered backoff is added to the server's wait: clients told to come back at the same
//!   second would otherwise all come back at once and be refused together again.
//! - 500, 502, 503, 504, a refused or reset connection, a timeout, a body cut off: GET, PATCH
//!   and DELETE are retried after the backoff; a POST never is (it may have created something).
//!   The client ends sooner on a loopback host (`client.rs`): a refused port has nothing
//!   listening, and a timeout there will repeat.
//! - Anything else (4xx, 3xx, TLS, an unresolvable host, an answer of the wrong shape) is final.
//!
//! The backoff is exponential with full jitter: a random wait between 0 and
//! `min(cap, base × 2^(retry − 1))`, 0.5 s doubling to 8 s by default.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

use ureq::http::Method;

use super::error::{ApiError, TransportKind};

/// The server asking for a longer wait than this is not waited for: the request fails now
/// rather than hang a CI job.
pub(crate) const MAX_SERVER_WAIT: Duration = Duration::from_secs(60);

/// The exponential backoff between retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Backoff {
    /// The wait bound of the first retry.
    pub(crate) base: Duration,
    /// No wait bound grows past this.
    pub(crate) cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            base: Duration::from_millis(500),
            cap: Duration::from_secs(8),
        }
    }
}

impl Backoff {
    /// The bound of retry number `retry` (1 for the first retry): `min(cap, base × 2^(retry-1))`.
    pub(crate) fn bound(&self, retry: u32) -> Duration {
        let factor = 1u32 << retry.saturating_sub(1).min(20);
        self.base.saturating_mul(factor).min(self.cap)
    }

    /// A random wait between 0 and the bound of retry number `retry` (full jitter).
    pub(crate) fn jittered(&self, retry: u32) -> Duration {
        self.bound(retry).mul_f64(random_fraction())
    }
}

/// A number in [0, 1), different on each call. Only spreads retries apart: no security use.
fn random_fraction() -> f64 {
    // Each RandomState is keyed afresh (per thread, from the OS, then incremented).
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u128(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// How long the server asked to wait on a 429: `Retry-After` (seconds, or an HTTP date),
/// else `X-RateLimit-Reset` (decimal seconds). `None` when neither is usable.
pub(crate) fn server_wait(
    retry_after: Option<&str>,
    rate_limit_reset: Option<&str>,
    now: SystemTime,
) -> Option<Duration> {
    let seconds = |text: &str| {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map(|s| Duration::from_secs_f64(s.min(1e9)))
    };
    if let Some(text) = retry_after {
        if let Some(wait) = seconds(text) {
            return Some(wait);
        }
        if let Ok(when) = httpdate::parse_http_date(text.trim()) {
            return Some(when.duration_since(now).unwrap_or(Duration::ZERO));
        }
    }
    rate_limit_reset.and_then(seconds)
}

/// Whether `error` is a failure a later attempt may not have: a 5xx gateway or server error,
/// or a connection that failed or broke.
pub(crate) fn is_transient(error: &ApiError) -> bool {
    match error {
        ApiError::Status { status, .. } => matches!(status, 500 | 502 | 503 | 504),
        ApiError::Transport { kind, .. } => matches!(
            kind,
            TransportKind::Refused | TransportKind::Broken | TransportKind::Timeout
        ),
        _ => false,
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Wait this long, then try again.
    Retry(Duration),
    /// The failure is final.
    Final,
    /// The server asked for a wait longer than [`MAX_SERVER_WAIT`].
    WaitTooLong(Duration),
}

/// Whether to retry `method` after `error` (retry number `retry`, 1 for the first), given
/// the wait the server asked for. The caller checks the retry budget.
pub(crate) fn decide(
    method: &Method,
    error: &ApiError,
    server_wait: Option<Duration>,
    retry: u32,
    backoff: &Backoff,
) -> Decision {
    if error.status() == Some(429) {
        return match server_wait {
            Some(wait) if wait > MAX_SERVER_WAIT => Decision::WaitTooLong(wait),
            Some(wait) => Decision::Retry(wait + backoff.jittered(retry)),
            None => Decision::Retry(backoff.jittered(retry)),
        };
    }
    if is_transient(error) && *method != Method::POST {
        return Decision::Retry(backoff.jittered(retry));
    }
    Decision::Final
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::ErrorBody;

    fn status(status: u16) -> ApiError {
        ApiError::Status {
            method: Method::GET,
            url: String::new(),
            status,
            body: ErrorBody::Errors(vec![]),
            attempts: 1,
        }
    }

    fn transport(kind: TransportKind) -> ApiError {
        ApiError::Transport {
            method: Method::GET,
            url: String::new(),
            kind,
            message: String::new(),
            attempts: 1,
        }
    }

    #[test]
    fn backoff_doubles_from_half_a_second_to_eight() {
        let b = Backoff::default();
        let bounds: Vec<u128> = (1..=7).map(|n| b.bound(n).as_millis()).collect();
        assert_eq!(bounds, [500, 1000, 2000, 4000, 8000, 8000, 8000]);
        assert_eq!(b.bound(u32::MAX), Duration::from_secs(8));
        for n in 1..=7 {
            assert!(b.jittered(n) <= b.bound(n));
        }
    }

    #[test]
    fn jitter_spreads_waits() {
        let b = Backoff::default();
        let waits: std::collections::HashSet<Duration> = (0..20).map(|_| b.jittered(3)).collect();
        assert!(waits.len() > 10, "{waits:?}");
    }

    #[test]
    fn retry_after_takes_seconds_or_a_date_before_the_rate_limit_reset() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_480);
        assert_eq!(
            server_wait(Some("3"), Some("9"), now),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            server_wait(Some("Wed, 21 Oct 2015 07:28:10 GMT"), None, now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            server_wait(Some("Wed, 21 Oct 2015 07:00:00 GMT"), None, now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            server_wait(Some("soon"), Some("0.25"), now),
            Some(Duration::from_millis(250))
        );
        assert_eq!(server_wait(None, Some("-1"), now), None);
        assert_eq!(server_wait(None, None, now), None);
    }

    #[test]
    fn the_contract_table_decides_what_is_retried() {
        let b = Backoff {
            base: Duration::ZERO,
            cap: Duration::ZERO,
        };
        let retried = |method: Method, error: ApiError| {
            decide(&method, &error, None, 1, &b) != Decision::Final
        };
        for code in [500, 502, 503, 504] {
            assert!(retried(Method::GET, status(code)), "{code}");
            assert!(retried(Method::PATCH, status(code)), "{code}");
            assert!(retried(Method::DELETE, status(code)), "{code}");
            assert!(!retried(Method::POST, status(code)), "{code}");
        }
        assert!(retried(Method::POST, status(429)));
        for code in [400, 401, 403, 404, 409, 415, 422, 501, 505] {
            assert!(!retried(Method::GET, status(code)), "{code}");
        }
        for kind in [
            TransportKind::Refused,
            TransportKind::Broken,
            TransportKind::Timeout,
        ] {
            assert!(retried(Method::GET, transport(kind)));
            assert!(!retried(Method::POST, transport(kind)));
        }
        for kind in [
            TransportKind::Resolve,
            TransportKind::Tls,
            TransportKind::UnknownIssuer,
            TransportKind::Other,
        ] {
            assert!(!retried(Method::GET, transport(kind)));
        }
    }

    #[test]
    fn a_429_waits_what_the_server_asks_unless_it_is_too_long() {
        let b = Backoff::default();
        let wait = |w| decide(&Method::POST, &status(429), w, 1, &b);
        let two = Duration::from_secs(2);
        assert!(matches!(wait(Some(two)), Decision::Retry(d) if d >= two && d <= two + b.bound(1)));
        assert_eq!(
            wait(Some(Duration::from_secs(3600))),
            Decision::WaitTooLong(Duration::from_secs(3600))
        );
        assert!(matches!(wait(None), Decision::Retry(d) if d <= b.bound(1)));
    }
}
