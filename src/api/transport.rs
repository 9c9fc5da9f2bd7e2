//! Naming a transport failure: which kind it is (what the retry policy and the hints go by)
//! and a message naming the host. ureq and rustls errors in, [`TransportKind`] out.

use super::error::TransportKind;

pub(crate) fn describe_transport_error(e: &ureq::Error, host: &str) -> (TransportKind, String) {
    use std::io::ErrorKind;
    let text = e.to_string();
    if is_unknown_issuer(&text) {
        return (
            TransportKind::UnknownIssuer,
            format!(
                "TLS failed with {host}: its certificate is signed by an unknown issuer ({text})"
            ),
        );
    }
    match e {
        ureq::Error::Timeout(_) => (
            TransportKind::Timeout,
            format!("timed out talking to {host}"),
        ),
        ureq::Error::HostNotFound => (TransportKind::Resolve, format!("cannot resolve {host}")),
        ureq::Error::ConnectionFailed => {
            (TransportKind::Refused, format!("cannot connect to {host}"))
        }
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused
            | ErrorKind::AddrNotAvailable
            | ErrorKind::HostUnreachable
            | ErrorKind::NetworkUnreachable => (
                TransportKind::Refused,
                format!("cannot connect to {host}: {io}"),
            ),
            ErrorKind::TimedOut => (
                TransportKind::Timeout,
                format!("timed out talking to {host}"),
            ),
            // rustls reports a failed handshake or a bad record through the stream.
            ErrorKind::InvalidData => (TransportKind::Tls, format!("TLS failed with {host}: {io}")),
            ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::BrokenPipe
            | ErrorKind::UnexpectedEof => (
                TransportKind::Broken,
                format!("the connection to {host} broke: {io}"),
            ),
            _ => (
                TransportKind::Other,
                format!("cannot connect to {host}: {io}"),
            ),
        },
        ureq::Error::Tls(why) => (TransportKind::Tls, format!("TLS failed with {host}: {why}")),
        ureq::Error::Rustls(why) => (TransportKind::Tls, format!("TLS failed with {host}: {why}")),
        _ => {
            let kind = if text.to_ascii_lowercase().contains("certificate") {
                TransportKind::Tls
            } else {
                TransportKind::Other
            };
            (kind, format!("request to {host} failed: {text}"))
        }
    }
}

/// What is wrong with an answer whose head the HTTP library refused as invalid HTTP (a
/// control character in a header, such as a 3xx's `Location` holding ESC): it is an answer,
/// not a network failure, though its status is never seen. ureq keeps its protocol error's
/// type private, so its text is matched; it never includes the header's value.
pub(crate) fn malformed_head(e: &ureq::Error) -> Option<&'static str> {
    let ureq::Error::Protocol(why) = e else {
        return None;
    };
    match why.to_string().as_str() {
        "http parse fail: invalid header value" => Some("a header value holds a control character"),
        "http parse fail: invalid header name" => Some("a header name is not a valid token"),
        _ => None,
    }
}

/// A failure while reading a body: whatever the cause, the answer was cut off, so it is a
/// network failure to retry (a timeout stays a timeout).
pub(crate) fn describe_body_error(e: &ureq::Error, host: &str) -> (TransportKind, String) {
    match e {
        ureq::Error::Timeout(_) => (
            TransportKind::Timeout,
            format!("timed out reading the answer from {host}"),
        ),
        other => (
            TransportKind::Broken,
            format!("the answer from {host} was cut off: {other}"),
        ),
    }
}

/// rustls says `UnknownIssuer` (its `Debug` name) for a certificate no trusted root signed.
fn is_unknown_issuer(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.contains("unknownissuer") || text.contains("unknown issuer")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unknown_issuer_counts_as_one() {
        assert!(is_unknown_issuer("invalid peer certificate: UnknownIssuer"));
        assert!(!is_unknown_issuer("invalid peer certificate: Expired"));
        assert!(!is_unknown_issuer("received corrupt message"));
    }

    #[test]
    fn refused_reset_and_timed_out_connections_are_told_apart() {
        use std::io::{Error, ErrorKind};
        let kind = |k: ErrorKind| describe_transport_error(&ureq::Error::Io(Error::from(k)), "h").0;
        assert_eq!(kind(ErrorKind::ConnectionRefused), TransportKind::Refused);
        assert_eq!(kind(ErrorKind::ConnectionReset), TransportKind::Broken);
        assert_eq!(kind(ErrorKind::UnexpectedEof), TransportKind::Broken);
        assert_eq!(kind(ErrorKind::TimedOut), TransportKind::Timeout);
        assert_eq!(kind(ErrorKind::InvalidData), TransportKind::Tls);
        assert_eq!(
            describe_transport_error(&ureq::Error::HostNotFound, "h").0,
            TransportKind::Resolve
        );
        assert_eq!(
            describe_body_error(&ureq::Error::Io(Error::from(ErrorKind::Other)), "h").0,
            TransportKind::Broken
        );
    }
}
