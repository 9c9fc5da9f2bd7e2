//! Where tfvcs talks to and as whom (SPEC §2): the options and variables resolved into one
//! `Config` (the endpoint, the organization, the API token with the place it came from, the
//! proxy, the CA bundle to trust), each part in its own module.

mod ca;
mod endpoint;
mod proxy;
mod regular_file;
mod token;

use std::path::PathBuf;

use clap::ValueEnum;

pub(crate) use ca::{CaBundle, load_ca_bundle};
pub(crate) use endpoint::{Endpoint, Scheme, is_loopback};
pub(crate) use regular_file::open_regular_file;
pub(crate) use token::{TokenSource, credentials_file_path, find_token};

use crate::cli::{GlobalArgs, OutputFormat};
use crate::error::{Exit, Fail, Result};
use crate::secret::Secret;

pub(crate) const DEFAULT_HOST: &str = "app.terraform.io";
const DEFAULT_TIMEOUT_SECS: u64 = 30;
/// `--timeout` and `TFVCS_TIMEOUT` allow at most an hour per request (SPEC §4).
pub(crate) const MAX_TIMEOUT_SECS: u64 = 3600;
const DEFAULT_RETRIES: u32 = 5;

/// Everything a command needs to know before it talks to the server.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) endpoint: Endpoint,
    pub(crate) token: Option<(Secret, TokenSource)>,
    pub(crate) org: Option<String>,
    pub(crate) output: OutputFormat,
    pub(crate) verbose: u8,
    pub(crate) timeout_secs: u64,
    pub(crate) retries: u32,
    /// The CA bundle and what named it (`--ca-cert` or `SSL_CERT_FILE`).
    pub(crate) ca_cert: Option<CaBundle>,
    pub(crate) no_input: bool,
    /// The proxy to go through (`None`: connect directly), decided from the environment.
    pub(crate) proxy: Option<ureq::Proxy>,
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
    pub(crate) fn resolve(global: &GlobalArgs) -> Result<Config> {
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
        let proxy = proxy::agent_proxy(&endpoint, &vars)?;
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
                    "a number of seconds from 1 to 3600",
                    |v| {
                        v.parse()
                            .ok()
                            .filter(|s| (1..=MAX_TIMEOUT_SECS).contains(s))
                    },
                )?
                .unwrap_or(DEFAULT_TIMEOUT_SECS),
            },
            retries: match global.retries {
                Some(retries) => retries,
                None => env_value(var, "TFVCS_RETRIES", "a number", |v| v.parse().ok())?
                    .unwrap_or(DEFAULT_RETRIES),
            },
            ca_cert: match &global.ca_cert {
                Some(path) => Some(CaBundle {
                    path: path.clone(),
                    named_by: "--ca-cert",
                }),
                None => var("SSL_CERT_FILE").map(|path| CaBundle {
                    path: PathBuf::from(path),
                    named_by: "SSL_CERT_FILE",
                }),
            },
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
    pub(crate) fn require_org(&self) -> Result<&str> {
        self.org.as_deref().ok_or_else(|| {
            Fail::usage("no organization given").hint("pass --org NAME or set TFE_ORGANIZATION")
        })
    }

    /// The token, or exit 4 naming the host and the ways to provide one.
    /// A token holding anything but printable ASCII (a trailing newline, a space, a control
    /// character) is exit 2 naming its source, never its value: HTTP would refuse the header.
    pub(crate) fn require_token(&self) -> Result<&(Secret, TokenSource)> {
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

/// Organization names go into URL paths: refuse anything that would change the path.
pub(crate) fn validate_org(org: &str) -> Result<()> {
    crate::shared::org::check_org(org).map_err(Fail::usage)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An environment as `(name, value)` pairs (shared with config/proxy.rs's tests).
    pub(crate) fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }
    #[test]
    fn organization_names_that_would_change_the_path_are_refused() {
        assert!(validate_org("my-org_1").is_ok());
        for bad in ["a/b", "a?b", "", "a b", "..%2f"] {
            assert!(validate_org(bad).is_err(), "{bad}");
        }
    }
}
