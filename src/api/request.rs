//! One API request as tfvcs builds it: method, path below the base URL, query and body, and
//! how user input becomes a path segment that cannot change the path.

use ureq::http::Method;

use super::body::Body;
use crate::shared::jsonapi::encode_component;

/// One API request: a path below the base URL, its query, and an optional JSON:API body.
/// No `Debug`: print `body.redacted()` to show a body.
#[derive(Clone, PartialEq)]
pub(crate) struct ApiRequest {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Option<Body>,
}

impl ApiRequest {
    pub(crate) fn new(method: Method, path: impl Into<String>) -> Self {
        ApiRequest {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
        }
    }

    pub(crate) fn query(mut self, key: &str, value: &str) -> Self {
        self.query.push((key.to_string(), value.to_string()));
        self
    }

    pub(crate) fn body(mut self, body: impl Into<Body>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// The absolute URL, with query keys and values percent-encoded (`page%5Bsize%5D=100`).
    pub(crate) fn url(&self, base_url: &str) -> String {
        let mut url = format!("{base_url}{}", self.path);
        for (i, (key, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&encode_component(key));
            url.push('=');
            url.push_str(&encode_component(value));
        }
        url
    }
}

/// A path segment from user input (an id or a name): encoded so it cannot change the path.
pub(crate) fn segment(s: &str) -> String {
    encode_component(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_keys_are_percent_encoded() {
        let req = ApiRequest::new(Method::GET, "/organizations/o/oauth-clients")
            .query("include", "oauth_tokens")
            .query("page[size]", "100");
        assert_eq!(
            req.url("https://h/api/v2"),
            "https://h/api/v2/organizations/o/oauth-clients?include=oauth_tokens&page%5Bsize%5D=100"
        );
    }

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(segment("../x?y"), "..%2Fx%3Fy");
    }
}
