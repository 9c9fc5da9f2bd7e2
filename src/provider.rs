//! The VCS providers: their API names, display names, URL defaults and which credentials each
//! needs (SPEC §3). Shared by `client create` and the sandbox's validation.

use clap::ValueEnum;

/// The VCS providers the API accepts, spelled exactly as the API spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub(crate) enum Provider {
    Github,
    GithubEnterprise,
    GitlabHosted,
    GitlabCommunityEdition,
    GitlabEnterpriseEdition,
    BitbucketHosted,
    BitbucketDataCenter,
    BitbucketServer,
    AdoServer,
    AdoServices,
}

/// What a provider needs on create besides its URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credentials {
    /// `oauth-token-string` (a personal access token).
    Pat,
    /// A PAT and `private-key` (Azure DevOps Server).
    PatAndPrivateKey,
    /// `key`, `secret` and `rsa-public-key`, no PAT (Bitbucket Data Center / Server app links).
    AppLink,
}

/// How a provider's API URL follows from its HTTP URL when not given.
enum ApiUrlRule {
    Fixed(&'static str),
    Suffix(&'static str),
}

impl Provider {
    pub(crate) const ALL: [Provider; 10] = [
        Provider::Github,
        Provider::GithubEnterprise,
        Provider::GitlabHosted,
        Provider::GitlabCommunityEdition,
        Provider::GitlabEnterpriseEdition,
        Provider::BitbucketHosted,
        Provider::BitbucketDataCenter,
        Provider::BitbucketServer,
        Provider::AdoServer,
        Provider::AdoServices,
    ];

    /// The `service-provider` value, exactly as the API spells it.
    pub(crate) fn api_name(self) -> &'static str {
        match self {
            Provider::Github => "github",
            Provider::GithubEnterprise => "github_enterprise",
            Provider::GitlabHosted => "gitlab_hosted",
            Provider::GitlabCommunityEdition => "gitlab_community_edition",
            Provider::GitlabEnterpriseEdition => "gitlab_enterprise_edition",
            Provider::BitbucketHosted => "bitbucket_hosted",
            Provider::BitbucketDataCenter => "bitbucket_data_center",
            Provider::BitbucketServer => "bitbucket_server",
            Provider::AdoServer => "ado_server",
            Provider::AdoServices => "ado_services",
        }
    }

    pub(crate) fn from_api_name(name: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.api_name() == name)
    }

    /// `service-provider-display-name` as HCP Terraform shows it.
    pub(crate) fn display_name(self) -> &'static str {
        match self {
            Provider::Github => "GitHub",
            Provider::GithubEnterprise => "GitHub Enterprise",
            Provider::GitlabHosted => "GitLab.com",
            Provider::GitlabCommunityEdition => "GitLab Community Edition",
            Provider::GitlabEnterpriseEdition => "GitLab Enterprise Edition",
            Provider::BitbucketHosted => "Bitbucket Cloud",
            Provider::BitbucketDataCenter => "Bitbucket Data Center",
            Provider::BitbucketServer => "Bitbucket Server",
            Provider::AdoServer => "Azure DevOps Server",
            Provider::AdoServices => "Azure DevOps Services",
        }
    }

    pub(crate) fn credentials(self) -> Credentials {
        match self {
            Provider::BitbucketDataCenter | Provider::BitbucketServer => Credentials::AppLink,
            Provider::AdoServer => Credentials::PatAndPrivateKey,
            _ => Credentials::Pat,
        }
    }

    /// The HTTP URL used when none is given; `None` where the user must give one.
    pub(crate) fn default_http_url(self) -> Option<&'static str> {
        match self {
            Provider::Github => Some("https://github.com"),
            Provider::GitlabHosted => Some("https://gitlab.com"),
            Provider::BitbucketHosted => Some("https://bitbucket.org"),
            Provider::AdoServices => Some("https://dev.azure.com"),
            _ => None,
        }
    }

    /// For a hosted provider, the providers meant for self-hosted servers of the same VCS
    /// (empty for the self-hosted ones themselves).
    pub fn self_hosted(self) -> &'static [Provider] {
        match self {
            Provider::Github => &[Provider::GithubEnterprise],
            Provider::GitlabHosted => &[
                Provider::GitlabEnterpriseEdition,
                Provider::GitlabCommunityEdition,
            ],
            Provider::BitbucketHosted => &[Provider::BitbucketDataCenter],
            Provider::AdoServices => &[Provider::AdoServer],
            _ => &[],
        }
    }

    /// Whether the URL `http_url` is on a host of this hosted provider's own service (its
    /// default host, with or without `www.`; Azure DevOps Services also answers at
    /// `ORG.visualstudio.com`). Always true for self-hosted providers.
    pub fn serves(self, http_url: &str) -> bool {
        let Some(default) = self.default_http_url() else {
            return true;
        };
        let (Some(host), Some(own)) = (url_host(http_url), url_host(default)) else {
            return false;
        };
        let host = host.strip_prefix("www.").unwrap_or(&host);
        host == own || (self == Provider::AdoServices && host.ends_with(".visualstudio.com"))
    }

    fn api_url_rule(self) -> ApiUrlRule {
        match self {
            Provider::Github => ApiUrlRule::Fixed("https://api.github.com"),
            Provider::GitlabHosted => ApiUrlRule::Fixed("https://gitlab.com/api/v4"),
            Provider::BitbucketHosted => ApiUrlRule::Fixed("https://api.bitbucket.org"),
            Provider::AdoServices => ApiUrlRule::Fixed("https://dev.azure.com"),
            Provider::GithubEnterprise => ApiUrlRule::Suffix("/api/v3"),
            Provider::GitlabCommunityEdition | Provider::GitlabEnterpriseEdition => {
                ApiUrlRule::Suffix("/api/v4")
            }
            Provider::BitbucketDataCenter | Provider::BitbucketServer | Provider::AdoServer => {
                ApiUrlRule::Suffix("")
            }
        }
    }

    /// The API URL used when none is given, from the HTTP URL in use.
    pub(crate) fn default_api_url(self, http_url: &str) -> String {
        match self.api_url_rule() {
            ApiUrlRule::Fixed(url) => url.to_string(),
            ApiUrlRule::Suffix(suffix) => format!("{}{suffix}", http_url.trim_end_matches('/')),
        }
    }
}

/// The host of an http(s) URL, in lower case, without user, port or brackets' contents
/// changed; `None` when there is none.
fn url_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = if authority.starts_with('[') {
        authority.split_inclusive(']').next()?
    } else {
        authority.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The shape of an Azure DevOps organization name (`ado-org-name`, for organization-scoped
/// PATs): 1 to 50 letters, digits and hyphens, starting and ending with a letter or digit.
pub(crate) fn is_ado_org_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    (1..=50).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
}

/// Whether `url` is an absolute http(s) URL with a host.
pub(crate) fn is_absolute_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !host.starts_with(':') && !rest.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_names_round_trip() {
        for p in Provider::ALL {
            assert_eq!(Provider::from_api_name(p.api_name()), Some(p));
        }
        assert_eq!(Provider::from_api_name("bitbucket_server_legacy"), None);
    }

    #[test]
    fn url_defaults_follow_the_contract_table() {
        for (provider, http_url, api_url) in [
            (
                Provider::Github,
                "https://github.com",
                "https://api.github.com",
            ),
            (
                Provider::GithubEnterprise,
                "https://ghe.example.com/",
                "https://ghe.example.com/api/v3",
            ),
            (
                Provider::GitlabEnterpriseEdition,
                "https://gl.example.com",
                "https://gl.example.com/api/v4",
            ),
            (
                Provider::BitbucketDataCenter,
                "https://bb.example.com/ctx",
                "https://bb.example.com/ctx",
            ),
        ] {
            assert_eq!(provider.default_api_url(http_url), api_url, "{provider:?}");
        }
        assert_eq!(Provider::AdoServer.default_http_url(), None);
        assert_eq!(
            Provider::AdoServices.default_http_url(),
            Some("https://dev.azure.com")
        );
    }

    #[test]
    fn a_hosted_provider_serves_only_its_own_hosts() {
        for (provider, url) in [
            (Provider::Github, "https://github.com"),
            (Provider::Github, "https://WWW.GitHub.com/"),
            (Provider::GitlabHosted, "https://gitlab.com/group"),
            (Provider::BitbucketHosted, "https://bitbucket.org"),
            (Provider::AdoServices, "https://dev.azure.com/contoso"),
            (Provider::AdoServices, "https://contoso.visualstudio.com"),
            (Provider::GithubEnterprise, "https://github.example.com"),
        ] {
            assert!(provider.serves(url), "{provider:?} {url}");
        }
        for (provider, url) in [
            (Provider::Github, "https://github.example.com"),
            (Provider::Github, "https://github.com.example.com"),
            (Provider::Github, "https://github.com@example.com"),
            (Provider::GitlabHosted, "https://gitlab.example.com:8443"),
            (Provider::BitbucketHosted, "http://10.0.0.1:7990"),
            (Provider::AdoServices, "https://ado.example.com/tfs"),
        ] {
            assert!(!provider.serves(url), "{provider:?} {url}");
        }
        for p in Provider::ALL {
            assert_eq!(
                p.self_hosted().is_empty(),
                p.default_http_url().is_none(),
                "{p:?}"
            );
        }
    }

    #[test]
    fn ado_org_names_are_letters_digits_and_inner_hyphens_up_to_50() {
        for good in ["a", "contoso", "my-org-2", &"x".repeat(50)] {
            assert!(is_ado_org_name(good), "{good}");
        }
        for bad in [
            "",
            "-org",
            "org-",
            "my_org",
            "my org",
            "örg",
            &"x".repeat(51),
        ] {
            assert!(!is_ado_org_name(bad), "{bad}");
        }
    }

    #[test]
    fn absolute_http_urls_only() {
        assert!(is_absolute_http_url("https://github.com"));
        assert!(is_absolute_http_url("http://10.0.0.1:7990/bitbucket"));
        for bad in [
            "github.com",
            "ftp://x",
            "https://",
            "https:///path",
            "/relative",
            "https://a b",
        ] {
            assert!(!is_absolute_http_url(bad), "{bad}");
        }
    }
}
