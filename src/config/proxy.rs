//! Which proxy, if any, requests to the API go through (SPEC §2): the proxy variables read as
//! curl reads them, except that a loopback host is never proxied (the token and PAT would
//! reach whoever listens on the proxy port). The HTTP client is handed this decision and
//! never reads the environment itself.

use std::net::IpAddr;

use super::endpoint::{Endpoint, Scheme, is_loopback};
use crate::error::{Fail, Result};

/// The proxy URL for requests to `endpoint`, and the variable it came from; `None` for a
/// direct connection. `vars` is the process environment.
///
/// As curl: for `https://`, `https_proxy` then `HTTPS_PROXY`; for `http://`, `http_proxy` then
/// `HTTP_PROXY`; then `all_proxy`, `ALL_PROXY`. An empty value counts as unset. `no_proxy`
/// (else `NO_PROXY`) lists hosts reached directly.
pub(crate) fn proxy_for(
    endpoint: &Endpoint,
    vars: &[(String, String)],
) -> Option<(String, String)> {
    if is_loopback(&endpoint.host) {
        return None;
    }
    let var = |name: &str| {
        vars.iter()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(k, v)| (k.clone(), v.trim().to_string()))
    };
    let scheme_vars: [&str; 2] = match endpoint.scheme {
        Scheme::Https => ["https_proxy", "HTTPS_PROXY"],
        Scheme::Http => ["http_proxy", "HTTP_PROXY"],
    };
    let proxy = scheme_vars
        .into_iter()
        .chain(["all_proxy", "ALL_PROXY"])
        .find_map(var)?;
    let no_proxy = var("no_proxy").or_else(|| var("NO_PROXY"));
    if no_proxy.is_some_and(|(_, list)| is_excluded(&endpoint.host, &list)) {
        return None;
    }
    Some(proxy)
}

/// The proxy for `endpoint` in the form the HTTP client takes. A value it cannot use is exit 2
/// naming the variable, never its value (a proxy URL may carry a password).
pub(crate) fn agent_proxy(
    endpoint: &Endpoint,
    vars: &[(String, String)],
) -> Result<Option<ureq::Proxy>> {
    let Some((name, url)) = proxy_for(endpoint, vars) else {
        return Ok(None);
    };
    ureq::Proxy::new(&url).map(Some).map_err(|_| {
        Fail::usage(format!(
            "{name} is not a proxy URL tfvcs can use (its value is not repeated here)"
        ))
        .hint(format!(
            "use http://HOST:PORT or https://HOST:PORT, or unset {name}"
        ))
    })
}

/// Whether a `NO_PROXY` list names `host`, as curl matches it: `*` alone matches every host;
/// a name matches itself and its subdomains (a leading `.` or `*.` is ignored); an IP address
/// or CIDR range (`10.0.0.0/8`) matches the addresses in it. Case and a trailing `.` are
/// ignored; entries are separated by commas or spaces.
pub(crate) fn is_excluded(host: &str, list: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host_ip = host.parse::<IpAddr>().ok();
    list.split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.trim_start_matches("*.").trim_start_matches('.');
            let entry = entry
                .trim_start_matches('[')
                .trim_end_matches(']')
                .trim_end_matches('.')
                .to_ascii_lowercase();
            match host_ip {
                Some(ip) => ip_in(ip, &entry),
                None => {
                    host == entry
                        || host
                            .strip_suffix(entry.as_str())
                            .is_some_and(|prefix| prefix.ends_with('.'))
                }
            }
        })
}

/// Whether `ip` is the address `entry` or in its CIDR range.
fn ip_in(ip: IpAddr, entry: &str) -> bool {
    let (address, bits) = match entry.split_once('/') {
        Some((address, bits)) => match bits.parse::<u32>() {
            Ok(bits) => (address, Some(bits)),
            Err(_) => return false,
        },
        None => (entry, None),
    };
    match (ip, address.parse::<IpAddr>()) {
        (IpAddr::V4(ip), Ok(IpAddr::V4(net))) => {
            same_prefix(u32::from(ip).into(), u32::from(net).into(), 32, bits)
        }
        (IpAddr::V6(ip), Ok(IpAddr::V6(net))) => {
            same_prefix(u128::from(ip), u128::from(net), 128, bits)
        }
        _ => false,
    }
}

/// Whether the first `bits` (all `width` when `None`) of `a` and `b` agree.
fn same_prefix(a: u128, b: u128, width: u32, bits: Option<u32>) -> bool {
    let bits = bits.unwrap_or(width);
    if bits > width {
        return false;
    }
    let shift = width - bits;
    shift == width || (a >> shift) == (b >> shift)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::tests::vars;

    fn proxy(host: &str, pairs: &[(&str, &str)]) -> Option<String> {
        let endpoint = Endpoint::parse(host).unwrap();
        proxy_for(&endpoint, &vars(pairs)).map(|(_, url)| url)
    }

    const ALL: [(&str, &str); 6] = [
        ("HTTPS_PROXY", "http://p:1"),
        ("https_proxy", "http://p:1"),
        ("HTTP_PROXY", "http://p:1"),
        ("http_proxy", "http://p:1"),
        ("ALL_PROXY", "http://p:1"),
        ("all_proxy", "http://p:1"),
    ];

    #[test]
    fn loopback_is_never_proxied() {
        for host in [
            "http://127.0.0.1:8990",
            "http://localhost:1",
            "http://[::1]:2",
            "127.0.0.1",
            "https://LOCALHOST",
            "http://127.8.9.10",
        ] {
            assert_eq!(proxy(host, &ALL), None, "{host}");
        }
    }

    #[test]
    fn https_hosts_use_the_https_variables_then_all_proxy_lower_case_first() {
        let host = "tfe.example.com";
        assert_eq!(
            proxy(host, &[("HTTPS_PROXY", "up"), ("https_proxy", "low")]).as_deref(),
            Some("low")
        );
        assert_eq!(proxy(host, &[("HTTPS_PROXY", "up")]).as_deref(), Some("up"));
        assert_eq!(
            proxy(host, &[("ALL_PROXY", "all"), ("HTTPS_PROXY", "https")]).as_deref(),
            Some("https")
        );
        assert_eq!(proxy(host, &[("ALL_PROXY", "all")]).as_deref(), Some("all"));
        assert_eq!(proxy(host, &[("all_proxy", "all")]).as_deref(), Some("all"));
        // HTTP_PROXY is for http:// URLs only.
        assert_eq!(
            proxy(host, &[("HTTP_PROXY", "x"), ("http_proxy", "x")]),
            None
        );
        assert_eq!(proxy(host, &[("HTTPS_PROXY", "")]), None);
        assert_eq!(proxy(host, &[]), None);
    }

    #[test]
    fn no_proxy_names_hosts_reached_directly() {
        let host = "tfe.corp.example.com";
        let with = |list: &str| proxy(host, &[("HTTPS_PROXY", "http://p:1"), ("NO_PROXY", list)]);
        for list in [
            "*",
            "tfe.corp.example.com",
            "example.com",
            ".example.com",
            "*.corp.example.com",
            "other.org, corp.example.com",
            "other.org corp.example.com",
            "TFE.CORP.EXAMPLE.COM.",
        ] {
            assert_eq!(with(list), None, "{list}");
        }
        for list in [
            "",
            "ample.com",
            "other.org",
            "tfe.corp.example.com.evil",
            "*.tfe",
        ] {
            assert!(with(list).is_some(), "{list}");
        }
        // The lower-case form wins, as in curl.
        assert!(
            proxy(
                host,
                &[
                    ("HTTPS_PROXY", "p"),
                    ("no_proxy", "other.org"),
                    ("NO_PROXY", "*")
                ]
            )
            .is_some()
        );
    }

    #[test]
    fn no_proxy_matches_addresses_and_ranges() {
        assert!(is_excluded("10.1.2.3", "10.0.0.0/8"));
        assert!(is_excluded("10.1.2.3", "10.1.2.3"));
        assert!(!is_excluded("11.1.2.3", "10.0.0.0/8"));
        assert!(is_excluded("192.168.1.7", "192.168.1.0/24"));
        assert!(is_excluded("[fd00::1]", "fd00::/8"));
        assert!(!is_excluded("[fe80::1]", "fd00::/8"));
        assert!(is_excluded("10.9.9.9", "0.0.0.0/0"));
        assert!(!is_excluded("10.9.9.9", "10.0.0.0/33"));
        assert!(!is_excluded("10.9.9.9", "example.com"));
    }

    #[test]
    fn an_unusable_proxy_is_refused_without_its_value() {
        let endpoint = Endpoint::parse("tfe.example.com").unwrap();
        let err = agent_proxy(
            &endpoint,
            &vars(&[("HTTPS_PROXY", "gopher://user:CANARY@p:1")]),
        )
        .unwrap_err();
        assert!(err.message.contains("HTTPS_PROXY"), "{}", err.message);
        assert!(!err.message.contains("CANARY"));
        assert!(err.hints.iter().all(|h| !h.contains("CANARY")));
        assert!(
            agent_proxy(&endpoint, &vars(&[("HTTPS_PROXY", "http://p:3128")]))
                .unwrap()
                .is_some()
        );
    }
}
