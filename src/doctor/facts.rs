//! What the doctor reads from the organization's clients and tokens: the few attributes its
//! checks need, every one optional (older TFE releases lack some), and token ages in days.

use serde_json::Value;

use crate::api::model::{ClientView, TokenView};
use crate::provider::{Credentials, Provider};

/// One OAuth client, as the list with `include=oauth_tokens` gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ClientFacts {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) provider: Option<String>,
    /// Whether it holds an OAuth application's `key` (not a PAT-based client).
    pub(crate) has_key: bool,
    /// `ado-org-name`; absent counts as null (a TFE that does not know it holds global PATs).
    pub(crate) ado_org_name: Option<String>,
    /// `organization-scoped`; absent counts as true (TFE's default).
    pub(crate) organization_scoped: bool,
    pub(crate) projects: Vec<String>,
    pub(crate) token_ids: Vec<String>,
    /// What tells two clients of one name apart, for `--client NAME`.
    pub(crate) provider_display_name: Option<String>,
    pub(crate) created_at: Option<String>,
}

impl ClientFacts {
    pub(crate) fn from_resource(resource: &Value) -> ClientFacts {
        let view = ClientView::from_resource(resource);
        let attribute = |key: &str| {
            resource
                .pointer(&format!("/attributes/{key}"))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        ClientFacts {
            has_key: attribute("key").is_some(),
            ado_org_name: attribute("ado-org-name"),
            organization_scoped: view.organization_scoped.unwrap_or(true),
            id: view.id,
            name: view.name,
            provider: view.provider,
            projects: view.projects,
            token_ids: view.token_ids,
            provider_display_name: view.provider_display_name,
            created_at: view.created_at,
        }
    }

    /// Whether its connection is a personal access token that `set-pat` can replace (no
    /// OAuth application `key`, and a provider that takes a PAT).
    pub(crate) fn is_pat_based(&self) -> bool {
        !self.has_key
            && self
                .provider
                .as_deref()
                .and_then(Provider::from_api_name)
                .is_none_or(|p| p.credentials() != Credentials::AppLink)
    }

    /// What a name lookup needs of it.
    pub(crate) fn view(&self) -> ClientView {
        ClientView {
            id: self.id.clone(),
            name: self.name.clone(),
            provider: self.provider.clone(),
            provider_display_name: self.provider_display_name.clone(),
            created_at: self.created_at.clone(),
            ..ClientView::default()
        }
    }

    /// The name, else the id: how a person recognises it.
    pub(crate) fn shown_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// One OAuth token, as the organization's token list gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TokenFacts {
    pub(crate) id: String,
    pub(crate) client_id: Option<String>,
    pub(crate) created_at: Option<String>,
}

impl TokenFacts {
    pub(crate) fn from_resource(resource: &Value) -> TokenFacts {
        let view = TokenView::from_resource(resource);
        TokenFacts {
            id: view.id,
            client_id: view.client_id,
            created_at: view.created_at,
        }
    }
}

/// Days since 1970-01-01 of the date a timestamp starts with (`2025-06-01T…`); `None` when
/// it does not start with a valid date.
pub(crate) fn day_number(timestamp: &str) -> Option<i64> {
    let date = timestamp.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Today's day number (UTC).
pub(crate) fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2026-12-01T00:00:00.000Z"), Some(20_788));
        assert_eq!(
            day_number("2026-12-04T10:00:00Z").unwrap() - day_number("2025-12-04").unwrap(),
            365
        );
        for bad in ["", "2026-13-01", "26-12-01", "yesterday", "2026-1-01T"] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_client_is_pat_based_unless_it_holds_a_key_or_takes_none() {
        let client = |attributes: Value| {
            ClientFacts::from_resource(&json!({"id": "oc-a", "attributes": attributes}))
        };
        assert!(client(json!({"service-provider": "github", "key": null})).is_pat_based());
        assert!(!client(json!({"service-provider": "github", "key": "Iv1.abc"})).is_pat_based());
        assert!(!client(json!({"service-provider": "bitbucket_data_center"})).is_pat_based());
        let ado = client(json!({"service-provider": "ado_services"}));
        assert_eq!(ado.ado_org_name, None);
        assert!(ado.organization_scoped, "absent means TFE's default");
        let named = client(json!({"service-provider": "ado_services", "ado-org-name": "acme"}));
        assert_eq!(named.ado_org_name.as_deref(), Some("acme"));
    }
}
