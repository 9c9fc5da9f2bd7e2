//! The bodies of OAuth client and token writes: the provider rules of SPEC §3 (shared with
//! `client create` through `provider.rs`), existing projects, PEM SSH keys.

use serde_json::Value;

use super::{
    Problems, agent_pool_relationship, attributes, data_of, optional_bool, optional_text,
    project_ids, project_relationship, require, required_text,
};
use crate::provider::{Credentials, Provider, is_absolute_http_url};
use crate::sandbox::documents::{Reply, invalid};
use crate::sandbox::table::Tables;

/// `ado-org-name`: the Azure DevOps organization an organization-scoped PAT belongs to; only
/// for `ado_services`, at most 50 letters, digits and hyphens, alphanumeric at both ends.
/// `Some(None)` clears it.
fn ado_org_name(
    attrs: &serde_json::Map<String, Value>,
    provider: Option<Provider>,
    problems: &mut Problems,
) -> Option<Option<String>> {
    let value = optional_text(attrs, "ado-org-name", problems)?;
    let pointer = "/data/attributes/ado-org-name";
    if let Some(name) = &value {
        let bytes = name.as_bytes();
        let shaped = !bytes.is_empty()
            && bytes.len() <= 50
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
            && bytes[0].is_ascii_alphanumeric()
            && bytes[bytes.len() - 1].is_ascii_alphanumeric();
        if !shaped {
            problems.push((
                pointer.into(),
                "ado-org-name must be 1 to 50 letters, digits and hyphens, starting and ending with a letter or digit".into(),
            ));
            return None;
        }
        if provider.is_some_and(|p| p != Provider::AdoServices) {
            problems.push((
                pointer.into(),
                "ado-org-name is only supported by ado_services".into(),
            ));
            return None;
        }
    }
    Some(value)
}

pub(crate) struct ClientCreate {
    pub(crate) name: Option<String>,
    pub(crate) provider: Provider,
    pub(crate) http_url: String,
    pub(crate) api_url: String,
    pub(crate) key: Option<String>,
    pub(crate) secret: Option<String>,
    pub(crate) rsa_public_key: Option<String>,
    pub(crate) private_key: Option<String>,
    pub(crate) ado_org_name: Option<String>,
    pub(crate) pat: Option<String>,
    pub(crate) organization_scoped: bool,
    pub(crate) projects: Vec<String>,
    pub(crate) agent_pool: Option<String>,
}

/// A create body, checked as TFE does. Attributes the sandbox does not know are ignored.
pub(crate) fn client_create(body: &Value, tables: &Tables) -> Result<ClientCreate, Reply> {
    let data = data_of(body, "oauth-clients")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let provider = match attrs.get("service-provider").and_then(Value::as_str) {
        Some(name) => Provider::from_api_name(name).or_else(|| {
            problems.push((
                "/data/attributes/service-provider".into(),
                format!("service-provider {name:?} is not included in the list"),
            ));
            None
        }),
        None => {
            problems.push((
                "/data/attributes/service-provider".into(),
                "service-provider can't be blank".into(),
            ));
            None
        }
    };
    let url = |key: &str, problems: &mut Problems| {
        let value = required_text(&attrs, key, problems)?;
        if is_absolute_http_url(&value) {
            Some(value)
        } else {
            problems.push((
                format!("/data/attributes/{key}"),
                format!("{key} must be an absolute http(s) URL"),
            ));
            None
        }
    };
    let http_url = url("http-url", &mut problems);
    let api_url = url("api-url", &mut problems);
    let name = optional_text(&attrs, "name", &mut problems).flatten();
    let mut pat = optional_text(&attrs, "oauth-token-string", &mut problems)
        .flatten()
        .filter(|p| !p.is_empty());
    let mut key = optional_text(&attrs, "key", &mut problems).flatten();
    let mut secret = optional_text(&attrs, "secret", &mut problems).flatten();
    let mut rsa_public_key = optional_text(&attrs, "rsa-public-key", &mut problems).flatten();
    let private_key = optional_text(&attrs, "private-key", &mut problems).flatten();
    let ado_org_name = ado_org_name(&attrs, provider, &mut problems).flatten();
    if let Some(provider) = provider {
        match provider.credentials() {
            Credentials::Pat | Credentials::PatAndPrivateKey => {
                pat = require(pat, "oauth-token-string", &mut problems);
            }
            Credentials::AppLink => {
                key = require(key, "key", &mut problems);
                secret = require(secret, "secret", &mut problems);
                rsa_public_key = require(rsa_public_key, "rsa-public-key", &mut problems);
            }
        }
        match (provider, &private_key) {
            (Provider::AdoServer, None) => problems.push((
                "/data/attributes/private-key".into(),
                "private-key can't be blank for ado_server".into(),
            )),
            (Provider::AdoServer, Some(_)) | (_, None) => {}
            (_, Some(_)) => problems.push((
                "/data/attributes/private-key".into(),
                "private-key is only supported by ado_server".into(),
            )),
        }
    }
    let organization_scoped =
        optional_bool(&attrs, "organization-scoped", &mut problems).unwrap_or(true);
    let projects = project_relationship(data, tables, &mut problems).unwrap_or_default();
    let agent_pool = agent_pool_relationship(data, &mut problems).flatten();
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    Ok(ClientCreate {
        name,
        provider: provider.expect("checked above"),
        http_url: http_url.expect("checked above"),
        api_url: api_url.expect("checked above"),
        key,
        secret,
        rsa_public_key,
        private_key,
        ado_org_name,
        pat,
        organization_scoped,
        projects,
        agent_pool,
    })
}

/// What a PATCH of a client changes; `None` leaves a field as it is.
#[derive(Default)]
pub(crate) struct ClientUpdate {
    pub(crate) name: Option<Option<String>>,
    pub(crate) key: Option<Option<String>>,
    pub(crate) secret: Option<Option<String>>,
    pub(crate) rsa_public_key: Option<Option<String>>,
    pub(crate) organization_scoped: Option<bool>,
    pub(crate) ado_org_name: Option<Option<String>>,
    pub(crate) pat: Option<String>,
    pub(crate) projects: Option<Vec<String>>,
    pub(crate) agent_pool: Option<Option<String>>,
}

/// An update body. `service-provider`, `http-url`, `api-url` and `private-key` are not
/// updatable on TFE and are ignored, as are unknown attributes.
pub(crate) fn client_update(
    body: &Value,
    provider: Option<Provider>,
    tables: &Tables,
) -> Result<ClientUpdate, Reply> {
    let data = data_of(body, "oauth-clients")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let update = ClientUpdate {
        name: optional_text(&attrs, "name", &mut problems),
        key: optional_text(&attrs, "key", &mut problems),
        secret: optional_text(&attrs, "secret", &mut problems),
        rsa_public_key: optional_text(&attrs, "rsa-public-key", &mut problems),
        organization_scoped: optional_bool(&attrs, "organization-scoped", &mut problems),
        ado_org_name: ado_org_name(&attrs, provider, &mut problems),
        pat: match optional_text(&attrs, "oauth-token-string", &mut problems) {
            Some(Some(pat)) if !pat.trim().is_empty() => Some(pat),
            Some(_) => {
                problems.push((
                    "/data/attributes/oauth-token-string".into(),
                    "oauth-token-string can't be blank".into(),
                ));
                None
            }
            None => None,
        },
        projects: project_relationship(data, tables, &mut problems),
        agent_pool: agent_pool_relationship(data, &mut problems),
    };
    if problems.is_empty() {
        Ok(update)
    } else {
        Err(invalid(problems))
    }
}

/// The body of add/remove projects: `{"data": [project identifiers]}`, at least one.
pub(crate) fn project_list(body: &Value, tables: &Tables) -> Result<Vec<String>, Reply> {
    let Some(items) = body
        .get("data")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Err(invalid(vec![(
            "/data".into(),
            "data must be a non-empty array of project identifiers".into(),
        )]));
    };
    let mut problems = Problems::new();
    let ids = project_ids(items, tables, "/data", &mut problems).unwrap_or_default();
    if problems.is_empty() {
        Ok(ids)
    } else {
        Err(invalid(problems))
    }
}

/// A token PATCH: the new `ssh-key` (`Some(None)` removes it), a PEM private key TFE can use.
pub(crate) fn token_update(body: &Value) -> Result<Option<Option<String>>, Reply> {
    let data = data_of(body, "oauth-tokens")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let key = optional_text(&attrs, "ssh-key", &mut problems);
    if let Some(Some(text)) = &key
        && !text.is_empty()
        && crate::shared::pem::check_ssh_private_key(text).is_err()
    {
        problems.push((
            "/data/attributes/ssh-key".into(),
            "ssh-key must be a PEM private key without a passphrase".into(),
        ));
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    Ok(key.map(|k| k.filter(|k| !k.is_empty())))
}

/// A project create: a name (unique, at most 40 characters) and an optional description.
pub(crate) fn project_create(
    body: &Value,
    tables: &Tables,
) -> Result<(String, Option<String>), Reply> {
    let data = data_of(body, "projects")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let name = required_text(&attrs, "name", &mut problems);
    let description = optional_text(&attrs, "description", &mut problems).flatten();
    if let Some(n) = &name {
        let shaped = n.chars().count() <= 40
            && n.chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_');
        if !shaped {
            problems.push((
                "/data/attributes/name".into(),
                "name may only contain letters, digits, spaces, - and _ (at most 40)".into(),
            ));
        } else if tables.projects.iter().any(|p| &p.name == n) {
            problems.push((
                "/data/attributes/name".into(),
                "name has already been taken".into(),
            ));
        }
    }
    match (name, problems.is_empty()) {
        (Some(name), true) => Ok((name, description)),
        _ => Err(invalid(problems)),
    }
}
