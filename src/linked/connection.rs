//! A connection a resource's `vcs-repo` can name: an OAuth token (`oauth-token-id`) or a
//! GitHub App installation (`github-app-installation-id`).

use crate::shared::ids::has_id_shape;
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Connection {
    /// An OAuth token, `ot-…`.
    Token(String),
    /// A GitHub App installation, `ghain-…`.
    GithubApp(String),
}

impl Connection {
    /// The connection an `ot-…` or `ghain-…` id names (by its prefix only).
    pub(crate) fn from_id(id: &str) -> Option<Connection> {
        if id.starts_with("ot-") {
            Some(Connection::Token(id.to_string()))
        } else if id.starts_with("ghain-") {
            Some(Connection::GithubApp(id.to_string()))
        } else {
            None
        }
    }

    pub(crate) fn id(&self) -> &str {
        match self {
            Connection::Token(id) | Connection::GithubApp(id) => id,
        }
    }

    /// What it is, in sentences: `OAuth token`, `GitHub App installation`.
    pub(crate) fn what(&self) -> &'static str {
        match self {
            Connection::Token(_) => "OAuth token",
            Connection::GithubApp(_) => "GitHub App installation",
        }
    }

    /// The `vcs-repo` key that names a connection of this sort.
    pub(crate) fn key(&self) -> &'static str {
        match self {
            Connection::Token(_) => "oauth-token-id",
            Connection::GithubApp(_) => "github-app-installation-id",
        }
    }

    /// Whether `vcs_repo` names this connection.
    pub(crate) fn is_named_by(&self, vcs_repo: &Map<String, Value>) -> bool {
        vcs_repo.get(self.key()).and_then(Value::as_str) == Some(self.id())
    }
}

/// Whether a GitHub App installation can serve repositories of a connection to `provider`
/// (its `service-provider`): GitHub and GitHub Enterprise, but on HCP Terraform
/// (`on_hcp`) GitHub.com only, as its App serves nothing else.
pub(crate) fn github_app_serves(provider: &str, on_hcp: bool) -> bool {
    provider == "github" || (provider == "github_enterprise" && !on_hcp)
}

/// The connection a `vcs-repo` names: its OAuth token, else its GitHub App installation
/// (empty strings and nulls name nothing, as TFE's own provider sends them).
pub(crate) fn named_by(vcs_repo: &Map<String, Value>) -> Option<&str> {
    ["oauth-token-id", "github-app-installation-id"]
        .iter()
        .filter_map(|key| vcs_repo.get(*key).and_then(Value::as_str))
        .find(|id| !id.is_empty())
}

/// Why the connection a `vcs-repo` names cannot be one: a key of a connection holding
/// something that is not an id of its sort (`ot-…`, `ghain-…` with a path-safe rest). An
/// absent, null or empty key names nothing and is fine.
pub(crate) fn misnamed(vcs_repo: &Map<String, Value>) -> Option<String> {
    [
        ("oauth-token-id", "ot-", "an OAuth token"),
        (
            "github-app-installation-id",
            "ghain-",
            "a GitHub App installation",
        ),
    ]
    .into_iter()
    .find_map(|(key, prefix, what)| match vcs_repo.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) if id.is_empty() || has_id_shape(id, prefix) => None,
        Some(other) => Some(format!(
            "{key} {other} is not {what} id (expected {prefix}…)"
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn repo(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn matches_by_the_key_of_its_sort() {
        let token = Connection::from_id("ot-hmAyP66qk2AMVdbJ").unwrap();
        let app = Connection::from_id("ghain-BYrbNeGQ8nAzKouu").unwrap();
        assert!(token.is_named_by(&repo(json!({"oauth-token-id": "ot-hmAyP66qk2AMVdbJ"}))));
        assert!(!token.is_named_by(&repo(
            json!({"github-app-installation-id": "ot-hmAyP66qk2AMVdbJ"})
        )));
        assert!(app.is_named_by(&repo(
            json!({"oauth-token-id": null, "github-app-installation-id": "ghain-BYrbNeGQ8nAzKouu"})
        )));
        assert_eq!(Connection::from_id("oc-x"), None);
    }

    #[test]
    fn a_github_app_serves_github_and_on_tfe_github_enterprise() {
        assert!(github_app_serves("github", true));
        assert!(github_app_serves("github", false));
        assert!(github_app_serves("github_enterprise", false));
        assert!(!github_app_serves("github_enterprise", true));
        for other in ["gitlab_hosted", "bitbucket_hosted", "ado_services", ""] {
            assert!(!github_app_serves(other, false), "{other}");
        }
    }

    #[test]
    fn named_by_skips_empty_ids() {
        assert_eq!(
            named_by(&repo(
                json!({"oauth-token-id": "", "github-app-installation-id": "ghain-A"})
            )),
            Some("ghain-A")
        );
        assert_eq!(
            named_by(&repo(json!({"oauth-token-id": "ot-A"}))),
            Some("ot-A")
        );
        assert_eq!(named_by(&repo(json!({"oauth-token-id": null}))), None);
    }
}
