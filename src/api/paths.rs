//! Every endpoint path tfvcs calls, written once (the linked kinds' paths are rows of
//! `linked/kind.rs`). Each takes ids and names as given and percent-encodes them as one path
//! segment.

use super::request::segment;

/// `GET /account/details`: who the API token belongs to.
pub(crate) const ACCOUNT_DETAILS: &str = "/account/details";

/// `GET /github-app/installations`: the installations the token's user can use.
pub(crate) const GITHUB_APP_INSTALLATIONS: &str = "/github-app/installations";

/// `/github-app/installation/:id`.
pub(crate) fn github_app_installation(id: &str) -> String {
    format!("/github-app/installation/{}", segment(id))
}

/// `/organizations/:org`: the organization itself (which features it has enabled).
pub(crate) fn organization(org: &str) -> String {
    format!("/organizations/{}", segment(org))
}

/// `/organizations/:org/oauth-clients`.
pub(crate) fn organization_clients(org: &str) -> String {
    format!("/organizations/{}/oauth-clients", segment(org))
}

/// `/oauth-clients/:id`.
pub(crate) fn client(id: &str) -> String {
    format!("/oauth-clients/{}", segment(id))
}

/// `/oauth-clients/:id/relationships/projects`.
pub(crate) fn client_projects(id: &str) -> String {
    format!("{}/relationships/projects", client(id))
}

/// `/oauth-clients/:id/oauth-tokens`.
pub(crate) fn client_tokens(id: &str) -> String {
    format!("{}/oauth-tokens", client(id))
}

/// `/organizations/:org/oauth-tokens`.
pub(crate) fn organization_tokens(org: &str) -> String {
    format!("/organizations/{}/oauth-tokens", segment(org))
}

/// `/oauth-tokens/:id`.
pub(crate) fn token(id: &str) -> String {
    format!("/oauth-tokens/{}", segment(id))
}

/// `GET /oauth-tokens/:id/authorized-repos`: the repositories the VCS lets the token reach
/// (OpenAPI only; it asks the VCS itself).
pub(crate) fn token_authorized_repos(id: &str) -> String {
    format!("{}/authorized-repos", token(id))
}

/// `/organizations/:org/projects`.
pub(crate) fn organization_projects(org: &str) -> String {
    format!("/organizations/{}/projects", segment(org))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_one_segment_each() {
        assert_eq!(client("oc-1"), "/oauth-clients/oc-1");
        assert_eq!(
            client_projects("oc-1"),
            "/oauth-clients/oc-1/relationships/projects"
        );
        assert_eq!(client_tokens("oc-1"), "/oauth-clients/oc-1/oauth-tokens");
        assert_eq!(
            organization_clients("a/b"),
            "/organizations/a%2Fb/oauth-clients"
        );
    }
}
