//! Where the API is: the scheme, host, port and base path given as `--hostname` (a host,
//! `host:port` or a URL), and which hosts are loopback.

use crate::error::{Fail, Result};

const DEFAULT_BASE_PATH: &str = "/api/v2";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    Http,
    Https,
}

impl Scheme {
    fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }

    pub fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }
}

/// The server: scheme, host, port (kept only when not the scheme's default) and API base path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint {
    pub(crate) scheme: Scheme,
    /// Lower-case host; an IPv6 address keeps its brackets.
    pub(crate) host: String,
    pub(crate) port: Option<u16>,
    /// Starts with `/`, no trailing `/`.
    pub(crate) base_path: String,
}

impl Endpoint {
    /// Parses `--hostname`: a bare `host[:port]` (https) or a URL with optional base path.
    pub(crate) fn parse(input: &str) -> Result<Endpoint> {
        let bad = |why: &str| {
            Fail::usage(format!("invalid hostname {input:?}: {why}"))
                .hint("give a host (app.terraform.io), host:port, or a URL (https://tfe.example.com/api/v2)")
        };
        // Checked before anything else, and never quoted: what precedes an `@` is a user
        // name or password. Any `@` counts, wherever it is (`user:pa/ss@host` puts part of
        // the password before the first `/`), as no TFE host or base path holds one.
        if input.contains('@') {
            return Err(Fail::usage(
                "invalid hostname: a URL carrying a user name or password is not accepted \
                 (what was typed is not repeated here)",
            )
            .hint("the API token goes in TFE_TOKEN, or in the file `terraform login` writes"));
        }
        let trimmed = input.trim();
        let (scheme, rest) = match trimmed.split_once("://") {
            Some((scheme, rest)) => match scheme.to_ascii_lowercase().as_str() {
                "https" => (Scheme::Https, rest),
                "http" => (Scheme::Http, rest),
                _ => return Err(bad("the scheme must be https:// or http://")),
            },
            None => (Scheme::Https, trimmed),
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if path.contains(['?', '#']) {
            return Err(bad("a query or fragment is not accepted"));
        }
        let (host, port) =
            split_host_port(authority).ok_or_else(|| bad("the port is not a number"))?;
        if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c == '\\') {
            return Err(bad("the host is missing or malformed"));
        }
        let port = port.filter(|p| *p != scheme.default_port());
        let path = path.trim_end_matches('/');
        let base_path = if path.is_empty() {
            DEFAULT_BASE_PATH.to_string()
        } else {
            path.to_string()
        };
        let endpoint = Endpoint {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
            base_path,
        };
        if scheme == Scheme::Http && !is_loopback(&endpoint.host) {
            return Err(Fail::usage(format!(
                "refusing http:// for {}: the API token would travel in clear",
                endpoint.host
            ))
            .hint("use https://, or http:// only for localhost, 127.0.0.0/8 or [::1]"));
        }
        Ok(endpoint)
    }

    /// `host[:port]`, the key of `credentials.tfrc.json` and of error messages.
    pub(crate) fn host_key(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    /// `{scheme}://{host}[:port]{base path}`.
    pub(crate) fn base_url(&self) -> String {
        format!(
            "{}://{}{}",
            self.scheme.as_str(),
            self.host_key(),
            self.base_path
        )
    }
}

fn split_host_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let (host, port) = if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => {
                let after = &authority[end + 1..];
                let port = after.strip_prefix(':');
                if port.is_none() && !after.is_empty() {
                    return None;
                }
                (&authority[..=end], port)
            }
            None => return None,
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    match port {
        None => Some((host, None)),
        Some(port) => port.parse::<u16>().ok().map(|p| (host, Some(p))),
    }
}

/// `localhost`, `127.0.0.0/8` and `::1`: the only hosts where `http://` is allowed.
pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Exit;

    fn endpoint(input: &str) -> Endpoint {
        Endpoint::parse(input).unwrap()
    }

    #[test]
    fn bare_host_means_https_with_default_base_path() {
        let e = endpoint("app.terraform.io");
        assert_eq!(e.base_url(), "https://app.terraform.io/api/v2");
        assert_eq!(e.host_key(), "app.terraform.io");
    }

    #[test]
    fn bare_host_with_port_keeps_the_port() {
        let e = endpoint("tfe.example.com:8443");
        assert_eq!(e.base_url(), "https://tfe.example.com:8443/api/v2");
        assert_eq!(e.host_key(), "tfe.example.com:8443");
    }

    #[test]
    fn default_port_is_dropped_from_host_key() {
        assert_eq!(
            endpoint("https://TFE.Example.com:443").host_key(),
            "tfe.example.com"
        );
    }

    #[test]
    fn url_may_carry_a_base_path() {
        let e = endpoint("https://tfe.example.com/tfe/api/v2/");
        assert_eq!(e.base_url(), "https://tfe.example.com/tfe/api/v2");
    }

    #[test]
    fn url_without_path_gets_api_v2() {
        assert_eq!(
            endpoint("https://tfe.example.com/").base_url(),
            "https://tfe.example.com/api/v2"
        );
    }

    #[test]
    fn http_is_accepted_for_loopback_hosts() {
        for host in [
            "http://localhost:8990",
            "http://127.0.0.1:1",
            "http://127.9.8.7",
            "http://[::1]:80",
        ] {
            assert!(Endpoint::parse(host).is_ok(), "{host}");
        }
        assert_eq!(
            endpoint("http://[::1]:9000").base_url(),
            "http://[::1]:9000/api/v2"
        );
    }

    #[test]
    fn http_is_refused_for_other_hosts() {
        for host in [
            "http://tfe.example.com",
            "http://10.0.0.1:8080",
            "http://128.0.0.1",
            "http://localhost.example.com",
        ] {
            let err = Endpoint::parse(host).unwrap_err();
            assert_eq!(err.exit, Exit::Usage, "{host}");
            assert!(err.message.contains("in clear"), "{}", err.message);
        }
    }

    #[test]
    fn malformed_hostnames_are_usage_errors() {
        for host in [
            "ftp://x.com",
            "https://",
            "host:notaport",
            "https://user:pw@x.com",
            "https://x.com/api?x=1",
        ] {
            assert_eq!(
                Endpoint::parse(host).unwrap_err().exit,
                Exit::Usage,
                "{host}"
            );
        }
    }
}
