//! The API token and where it came from: `TFE_TOKEN`, `TF_TOKEN_<host>`, or Terraform's
//! credentials file.

use std::fmt;
use std::path::{Path, PathBuf};

use super::endpoint::Endpoint;
use super::regular_file::open_regular_file;
use crate::error::{Exit, Fail, Result};
use crate::secret::Secret;

/// Where the token was found, for `auth status` and error hints. Never the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenSource {
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

/// Terraform's `TF_TOKEN_` encoding reversed: `__` is `-`, the other `_` are `.`.
pub(crate) fn decode_tf_token_host(encoded: &str) -> String {
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
pub(crate) fn find_token(
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
    let Some(file) = open_regular_file(path, "the credentials file", Exit::Failure)? else {
        return Ok(None);
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
pub(crate) fn credentials_file_path() -> Option<PathBuf> {
    let dir = if cfg!(windows) {
        std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("terraform.d"))
    } else {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".terraform.d"))
    };
    dir.map(|d| d.join("credentials.tfrc.json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::tests::vars;
    use crate::error::Exit;

    fn endpoint(input: &str) -> Endpoint {
        Endpoint::parse(input).unwrap()
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
    fn a_device_or_huge_credentials_file_is_refused_not_read_to_its_end() {
        let err = find_token(&endpoint("x"), &[], Some(Path::new("/dev/zero"))).unwrap_err();
        assert_eq!(err.exit, Exit::Usage);
        assert_eq!(
            err.message,
            "the credentials file /dev/zero is a device, not a regular file: it is not read"
        );
        let (_dir, path) = credentials_file("");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(2 << 20)
            .unwrap();
        let err = find_token(&endpoint("x"), &[], Some(&path)).unwrap_err();
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
}
