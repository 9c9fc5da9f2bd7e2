//! Where tfvcs talks to and as whom (SPEC §2): the host and API base URL, the organization,
//! the API token with the place it came from, and the CA bundle to trust.

use std::fmt;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use ureq::tls::{Certificate, PemItem};

use crate::cli::{GlobalArgs, OutputFormat};
use crate::error::{Exit, Fail, Result};
use crate::redacted::Secret;

pub const DEFAULT_HOST: &str = "app.terraform.io";
const DEFAULT_BASE_PATH: &str = "/api/v2";
const DEFAULT_TIMEOUT_SECS: u64 = 30;
const DEFAULT_RETRIES: u32 = 5;

/// Where the token was found, for `auth status` and error hints. Never the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenSource {
    Variable(String),
    File(PathBuf),
}

impl fmt::Display for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenSource::Variable(name) => write!(f, "the environment variable {name}"),
            TokenSource::File(path) => write!(f, "the file {}", path.display()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
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

    fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }
}

/// The server: scheme, host, port (kept only when not the scheme's default) and API base path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub scheme: Scheme,
    /// Lower-case host; an IPv6 address keeps its brackets.
    pub host: String,
    pub port: Option<u16>,
    /// Starts with `/`, no trailing `/`.
    pub base_path: String,
}

impl Endpoint {
    /// Parses `--hostname`: a bare `host[:port]` (https) or a URL with optional base path.
    pub fn parse(input: &str) -> Result<Endpoint> {
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
    pub fn host_key(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    /// `{scheme}://{host}[:port]{base path}`.
    pub fn base_url(&self) -> String {
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
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => false,
    }
}

/// Terraform's `TF_TOKEN_` encoding reversed: `__` is `-`, the other `_` are `.`.
pub fn decode_tf_token_host(encoded: &str) -> String {
    encoded
        .split("__")
        .map(|part| part.replace('_', "."))
        .collect::<Vec<_>>()
        .join("-")
        .to_ascii_lowercase()
}

/// The token for `endpoint`, first found: `TFE_TOKEN`, `TF_TOKEN_<host>`, the credentials file.
/// `vars` is the process environment in its order (a later `TF_TOKEN_` for the same host wins,
/// as in Terraform).
pub fn find_token(
    endpoint: &Endpoint,
    vars: &[(String, String)],
    credentials_file: Option<&Path>,
) -> Result<Option<(Secret, TokenSource)>> {
    if let Some((_, value)) = vars.iter().find(|(k, v)| k == "TFE_TOKEN" && !v.is_empty()) {
        return Ok(Some((
            Secret::new(value.clone()),
            TokenSource::Variable("TFE_TOKEN".into()),
        )));
    }
    // A TF_TOKEN_ name cannot encode a port.
    if endpoint.port.is_none() {
        let found = vars.iter().rev().find(|(name, value)| {
            !value.is_empty()
                && name
                    .strip_prefix("TF_TOKEN_")
                    .is_some_and(|encoded| decode_tf_token_host(encoded) == endpoint.host)
        });
        if let Some((name, value)) = found {
            return Ok(Some((
                Secret::new(value.clone()),
                TokenSource::Variable(name.clone()),
            )));
        }
    }
    match credentials_file {
        Some(path) => token_from_credentials_file(path, &endpoint.host_key()),
        None => Ok(None),
    }
}

fn token_from_credentials_file(
    path: &Path,
    host_key: &str,
) -> Result<Option<(Secret, TokenSource)>> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Fail::other(format!("cannot read {}: {e}", path.display()))),
    };
    // It holds tokens: read like every other secret source, at most 1 MiB.
    let text = crate::secret::read_bounded_text(file, "cannot read", &path.display().to_string())
        .map_err(|fail| Fail::other(fail.message))?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Fail::other(format!(
            "cannot read {}: invalid JSON at line {}, column {}",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    let Some(hosts) = doc.get("credentials").and_then(|c| c.as_object()) else {
        return Ok(None);
    };
    let token = hosts
        .iter()
        .find(|(host, _)| host.eq_ignore_ascii_case(host_key))
        .and_then(|(_, entry)| entry.get("token"))
        .and_then(|t| t.as_str())
        .filter(|t| !t.is_empty());
    Ok(token.map(|t| (Secret::new(t), TokenSource::File(path.to_path_buf()))))
}

/// The file `terraform login` writes.
pub fn credentials_file_path() -> Option<PathBuf> {
    let dir = if cfg!(windows) {
        std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("terraform.d"))
    } else {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".terraform.d"))
    };
    dir.map(|d| d.join("credentials.tfrc.json"))
}

/// Everything a command needs to know before it talks to the server.
#[derive(Debug, Clone)]
pub struct Config {
    pub endpoint: Endpoint,
    pub token: Option<(Secret, TokenSource)>,
    pub org: Option<String>,
    pub output: OutputFormat,
    pub verbose: u8,
    pub timeout_secs: u64,
    pub retries: u32,
    pub ca_cert: Option<PathBuf>,
    pub no_input: bool,
    /// The proxy to go through (`None`: connect directly), decided from the environment.
    pub proxy: Option<ureq::Proxy>,
}

/// A variable standing in for an option (`TFVCS_TIMEOUT` for `--timeout`): `None` when unset,
/// exit 2 naming the variable when its value does not parse.
fn env_value<T>(
    var: impl Fn(&str) -> Option<String>,
    name: &str,
    expected: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    match var(name) {
        None => Ok(None),
        Some(value) => parse(value.trim())
            .map(Some)
            .ok_or_else(|| Fail::usage(format!("{name} holds {value:?}, which is not {expected}"))),
    }
}

/// Whether tfvcs reads the variable `name` (SPEC §2 and the proxy variables).
fn is_read_by_tfvcs(name: &str) -> bool {
    ["TFE_", "TF_TOKEN_", "TFVCS_"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
        || name == "SSL_CERT_FILE"
        || ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"]
            .iter()
            .any(|proxy| name.eq_ignore_ascii_case(proxy))
}

/// The environment as text. A variable tfvcs reads whose value is not UTF-8 is exit 2 naming
/// it (never its value): skipping it would fall through to the next source, so a garbled
/// `TFE_HOSTNAME` would send the token to app.terraform.io, a garbled `TFE_TOKEN` would use
/// another token, a garbled `NO_PROXY` would send a request through the proxy.
fn utf8_vars(
    vars: impl Iterator<Item = (std::ffi::OsString, std::ffi::OsString)>,
) -> Result<Vec<(String, String)>> {
    let mut text = Vec::new();
    for (name, value) in vars {
        let Ok(name) = name.into_string() else {
            continue;
        };
        match value.into_string() {
            Ok(value) => text.push((name, value)),
            Err(_) if is_read_by_tfvcs(&name) => {
                return Err(Fail::usage(format!("{name} is not valid UTF-8")));
            }
            Err(_) => {}
        }
    }
    Ok(text)
}

impl Config {
    /// Resolves the global options against the process environment.
    pub fn resolve(global: &GlobalArgs) -> Result<Config> {
        let vars = utf8_vars(std::env::vars_os())?;
        let var = |name: &str| {
            vars.iter()
                .find(|(k, v)| k == name && !v.trim().is_empty())
                .map(|(_, v)| v.clone())
        };
        let hostname = global
            .hostname
            .clone()
            .or_else(|| var("TFE_HOSTNAME"))
            .or_else(|| var("TFE_ADDRESS"))
            .unwrap_or_else(|| DEFAULT_HOST.to_string());
        let endpoint = Endpoint::parse(&hostname)?;
        let token = find_token(&endpoint, &vars, credentials_file_path().as_deref())?;
        let proxy = crate::proxy::agent_proxy(&endpoint, &vars)?;
        let org = global.org.clone().or_else(|| var("TFE_ORGANIZATION"));
        if let Some(org) = &org {
            validate_org(org)?;
        }
        Ok(Config {
            endpoint,
            token,
            org,
            output: match global.output {
                Some(output) => output,
                None => env_value(var, "TFVCS_OUTPUT", "table, json or id", |v| {
                    OutputFormat::from_str(v, true).ok()
                })?
                .unwrap_or(OutputFormat::Table),
            },
            verbose: global.verbose,
            timeout_secs: match global.timeout {
                Some(timeout) => timeout,
                None => env_value(
                    var,
                    "TFVCS_TIMEOUT",
                    "a number of seconds, at least 1",
                    |v| v.parse().ok().filter(|&s| s > 0),
                )?
                .unwrap_or(DEFAULT_TIMEOUT_SECS),
            },
            retries: match global.retries {
                Some(retries) => retries,
                None => env_value(var, "TFVCS_RETRIES", "a number", |v| v.parse().ok())?
                    .unwrap_or(DEFAULT_RETRIES),
            },
            ca_cert: global
                .ca_cert
                .clone()
                .or_else(|| var("SSL_CERT_FILE").map(PathBuf::from)),
            no_input: global.no_input
                || var("TFVCS_NO_INPUT").is_some_and(|v| {
                    !matches!(
                        v.trim().to_ascii_lowercase().as_str(),
                        "0" | "false" | "f" | "no" | "n" | "off"
                    )
                }),
            proxy,
        })
    }

    /// The organization, or exit 2 saying how to give one.
    pub fn require_org(&self) -> Result<&str> {
        self.org.as_deref().ok_or_else(|| {
            Fail::usage("no organization given").hint("pass --org NAME or set TFE_ORGANIZATION")
        })
    }

    /// The token, or exit 4 naming the host and the ways to provide one.
    /// A token holding anything but printable ASCII (a trailing newline, a space, a control
    /// character) is exit 2 naming its source, never its value: HTTP would refuse the header.
    pub fn require_token(&self) -> Result<&(Secret, TokenSource)> {
        let found = self.token.as_ref().ok_or_else(|| {
            let host = self.endpoint.host_key();
            Fail::new(Exit::Auth, format!("no API token found for {host}"))
                .hint(format!("run `terraform login {host}`, or set TFE_TOKEN"))
        })?;
        let (token, source) = found;
        if !token.expose().bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Fail::usage(format!(
                "the API token from {source} holds a character a token cannot have (a space, a line break or another control character)"
            ))
            .hint(format!("remove it from {source}; nothing was sent")));
        }
        Ok(found)
    }
}

/// The most read from a `--ca-cert` file. The whole Mozilla bundle is a quarter of a MiB; a
/// larger file is a mistake (`/dev/zero`, `/dev/stdin` left open), refused rather than read
/// until memory runs out.
const MAX_CA_BUNDLE_BYTES: u64 = 16 << 20;

/// The certificates of `--ca-cert` (or `SSL_CERT_FILE`), which replace the bundled roots;
/// exit 2 when the file cannot be read or holds no PEM certificate.
pub fn load_ca_bundle(path: &Path) -> Result<Vec<Certificate<'static>>> {
    use std::io::Read;
    let cannot_read =
        |e: std::io::Error| Fail::usage(format!("cannot read --ca-cert {}: {e}", path.display()));
    let mut pem = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_CA_BUNDLE_BYTES + 1).read_to_end(&mut pem))
        .map_err(cannot_read)?;
    if pem.len() as u64 > MAX_CA_BUNDLE_BYTES {
        return Err(Fail::usage(format!(
            "--ca-cert {}: more than 16 MiB; this is not a CA bundle",
            path.display()
        )));
    }
    let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(Fail::usage(format!(
            "--ca-cert {}: no PEM certificate found",
            path.display()
        )));
    }
    Ok(certs)
}

/// Organization names go into URL paths: refuse anything that would change the path.
pub fn validate_org(org: &str) -> Result<()> {
    crate::shared::org::check_org(org).map_err(Fail::usage)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An environment as `(name, value)` pairs (shared with proxy.rs's tests).
    pub(crate) fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

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

    #[test]
    fn tf_token_names_decode_dots_and_dashes() {
        assert_eq!(decode_tf_token_host("app_terraform_io"), "app.terraform.io");
        assert_eq!(decode_tf_token_host("tfe_my__corp_com"), "tfe.my-corp.com");
        assert_eq!(decode_tf_token_host("A__B__C_D"), "a-b-c.d");
    }

    #[test]
    fn tfe_token_wins_over_everything() {
        let e = endpoint("app.terraform.io");
        let v = vars(&[("TF_TOKEN_app_terraform_io", "b"), ("TFE_TOKEN", "a")]);
        let (token, source) = find_token(&e, &v, None).unwrap().unwrap();
        assert_eq!(token.expose(), "a");
        assert_eq!(source, TokenSource::Variable("TFE_TOKEN".into()));
    }

    #[test]
    fn tf_token_variable_matches_the_host() {
        let e = endpoint("tfe.my-corp.com");
        let v = vars(&[
            ("TF_TOKEN_app_terraform_io", "other"),
            ("TF_TOKEN_tfe_my__corp_com", "mine"),
        ]);
        let (token, source) = find_token(&e, &v, None).unwrap().unwrap();
        assert_eq!(token.expose(), "mine");
        assert_eq!(
            source,
            TokenSource::Variable("TF_TOKEN_tfe_my__corp_com".into())
        );
    }

    #[test]
    fn later_tf_token_variable_for_the_same_host_wins() {
        let e = endpoint("app.terraform.io");
        let v = vars(&[
            ("TF_TOKEN_app_terraform_io", "first"),
            ("TF_TOKEN_APP_TERRAFORM_IO", "second"),
        ]);
        assert_eq!(
            find_token(&e, &v, None).unwrap().unwrap().0.expose(),
            "second"
        );
    }

    #[test]
    fn tf_token_variable_is_ignored_for_a_host_with_a_port() {
        let e = endpoint("localhost:8443");
        let v = vars(&[("TF_TOKEN_localhost", "x")]);
        assert!(find_token(&e, &v, None).unwrap().is_none());
    }

    #[test]
    fn empty_variables_do_not_count() {
        let e = endpoint("app.terraform.io");
        let v = vars(&[("TFE_TOKEN", ""), ("TF_TOKEN_app_terraform_io", "")]);
        assert!(find_token(&e, &v, None).unwrap().is_none());
    }

    fn credentials_file(body: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("credentials.tfrc.json");
        std::fs::write(&path, body).unwrap();
        (dir, path)
    }

    #[test]
    fn credentials_file_is_read_by_host_key_with_port() {
        let (_dir, path) = credentials_file(
            r#"{"credentials":{"app.terraform.io":{"token":"a"},"tfe.local:8443":{"token":"b"}}}"#,
        );
        let e = endpoint("tfe.local:8443");
        let (token, source) = find_token(&e, &[], Some(&path)).unwrap().unwrap();
        assert_eq!(token.expose(), "b");
        assert_eq!(source, TokenSource::File(path.clone()));
        let e = endpoint("app.terraform.io");
        assert_eq!(
            find_token(&e, &[], Some(&path))
                .unwrap()
                .unwrap()
                .0
                .expose(),
            "a"
        );
    }

    #[test]
    fn variables_win_over_credentials_file() {
        let (_dir, path) =
            credentials_file(r#"{"credentials":{"app.terraform.io":{"token":"file"}}}"#);
        let e = endpoint("app.terraform.io");
        let v = vars(&[("TF_TOKEN_app_terraform_io", "var")]);
        assert_eq!(
            find_token(&e, &v, Some(&path)).unwrap().unwrap().0.expose(),
            "var"
        );
    }

    #[test]
    fn missing_credentials_file_means_no_token() {
        let e = endpoint("app.terraform.io");
        let path = PathBuf::from("/nonexistent/credentials.tfrc.json");
        assert!(find_token(&e, &[], Some(&path)).unwrap().is_none());
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_credentials_file_is_refused_not_read_to_its_end() {
        let err = find_token(&endpoint("x"), &[], Some(Path::new("/dev/zero"))).unwrap_err();
        assert_eq!(err.exit, Exit::Failure);
        assert!(err.message.contains("more than 1 MiB"), "{}", err.message);
    }

    #[test]
    fn malformed_credentials_file_names_file_and_position_without_content() {
        let (_dir, path) = credentials_file("{\"credentials\": {\"x\": secret-canary");
        let err = find_token(&endpoint("x"), &[], Some(&path)).unwrap_err();
        assert_eq!(err.exit, Exit::Failure);
        assert!(err.message.contains("line 1, column"), "{}", err.message);
        assert!(!err.message.contains("secret-canary"));
    }

    #[test]
    fn organization_names_that_would_change_the_path_are_refused() {
        assert!(validate_org("my-org_1").is_ok());
        for bad in ["a/b", "a?b", "", "a b", "..%2f"] {
            assert!(validate_org(bad).is_err(), "{bad}");
        }
    }
}
