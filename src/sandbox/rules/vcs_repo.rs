//! The `vcs-repo` rules workspaces, policy sets, registry modules and Stacks share: exactly
//! one connection (`oauth-token-id` or `github-app-installation-id`, where `""` and `null`
//! count as not given), which must exist; an `identifier`; on PATCH, every member not sent
//! keeps its previous value, and `vcs-repo: null` unlinks. A Stack's PATCH is the exception
//! TFE documents: its `identifier` has no previous value to fall back on, and a `branch`
//! left out or sent empty is the repository's default branch.

use serde_json::{Map, Value};

use super::{Problems, optional_bool, require};
use crate::sandbox::rows::VcsRepo;
use crate::sandbox::table::Tables;

pub(super) const REPO: &str = "/data/attributes/vcs-repo";

/// What a body does to a resource's repository.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RepoChange {
    Keep,
    Detach,
    Set(VcsRepo),
}

/// A connection id member: `None` when absent, `""` or `null`.
fn connection_member(
    repo: &Map<String, Value>,
    key: &str,
    problems: &mut Problems,
) -> Option<String> {
    match repo.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            problems.push((format!("{REPO}/{key}"), format!("{key} must be a string")));
            None
        }
    }
}

/// Which members a kind of resource takes in its `vcs-repo`.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Workspace,
    PolicySet,
    Module,
    Stack,
}

/// Reads `vcs-repo` and applies it over `previous`.
pub(super) fn repo_change(
    attrs: &Map<String, Value>,
    previous: Option<&VcsRepo>,
    kind: Kind,
    tables: &Tables,
    problems: &mut Problems,
) -> RepoChange {
    let repo = match attrs.get("vcs-repo") {
        None => return RepoChange::Keep,
        Some(Value::Null) => return RepoChange::Detach,
        Some(Value::Object(repo)) if repo.is_empty() => return RepoChange::Keep,
        Some(Value::Object(repo)) => repo,
        Some(_) => {
            problems.push((REPO.into(), "vcs-repo must be an object or null".into()));
            return RepoChange::Keep;
        }
    };
    let mut local = Problems::new();
    let token = connection_member(repo, "oauth-token-id", &mut local);
    let app = connection_member(repo, "github-app-installation-id", &mut local);
    let connection = match (&token, &app) {
        (Some(_), Some(_)) => {
            local.push((
                REPO.into(),
                "oauth-token-id and github-app-installation-id cannot both be given".into(),
            ));
            None
        }
        (Some(t), None) if !tables.tokens.contains(t) => {
            local.push((
                format!("{REPO}/oauth-token-id"),
                format!("OAuth token {t} not found"),
            ));
            None
        }
        (None, Some(a)) if !tables.installations.contains(a) => {
            local.push((
                format!("{REPO}/github-app-installation-id"),
                format!("GitHub App installation {a} not found"),
            ));
            None
        }
        (Some(t), None) => Some((Some(t.clone()), None)),
        (None, Some(a)) => Some((None, Some(a.clone()))),
        (None, None) => match previous {
            Some(p) => Some((
                p.oauth_token_id.clone(),
                p.github_app_installation_id.clone(),
            )),
            None => {
                local.push((
                    format!("{REPO}/oauth-token-id"),
                    "oauth-token-id or github-app-installation-id is required".into(),
                ));
                None
            }
        },
    };
    let text = |key: &str, local: &mut Problems| match repo.get(key) {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(s)) => Some(Some(s.clone()).filter(|s| !s.is_empty())),
        Some(_) => {
            local.push((format!("{REPO}/{key}"), format!("{key} must be a string")));
            None
        }
    };
    let identifier = text("identifier", &mut local).flatten().or_else(|| {
        previous
            .filter(|_| kind != Kind::Stack)
            .map(|p| p.identifier.clone())
    });
    let identifier = require(identifier, "vcs-repo/identifier", &mut local);
    let branch = match (kind, text("branch", &mut local)) {
        (_, Some(branch)) => branch,
        (Kind::Stack, None) => None,
        (_, None) => previous.and_then(|p| p.branch.clone()),
    };
    let ingress_submodules = optional_bool(repo, "ingress-submodules", &mut local)
        .or(previous.map(|p| p.ingress_submodules))
        .unwrap_or(false);
    let tags_regex = match (kind, text("tags-regex", &mut local)) {
        (Kind::Workspace | Kind::Stack, Some(regex)) => regex,
        (Kind::Workspace | Kind::Stack, None) => previous.and_then(|p| p.tags_regex.clone()),
        _ => None,
    };
    let given_display = text("display-identifier", &mut local)
        .or_else(|| text("display_identifier", &mut local))
        .flatten();
    let display_identifier = match (kind, &identifier) {
        (Kind::Module, Some(id)) => given_display
            .or_else(|| {
                previous
                    .filter(|p| &p.identifier == id)
                    .map(|p| p.display_identifier.clone())
            })
            .unwrap_or_else(|| id.clone()),
        (_, Some(id)) => id.clone(),
        (_, None) => String::new(),
    };
    let clean = problems.is_empty() && local.is_empty();
    // TFE words a Stack's refusals of its repository this way.
    let prefix = if kind == Kind::Stack {
        "VCS Connection Validation failed: "
    } else {
        ""
    };
    problems.extend(
        local
            .into_iter()
            .map(|(pointer, detail)| (pointer, format!("{prefix}{detail}"))),
    );
    match (identifier, connection) {
        (Some(identifier), Some((oauth_token_id, github_app_installation_id))) if clean => {
            RepoChange::Set(VcsRepo {
                identifier,
                display_identifier,
                branch,
                ingress_submodules,
                tags_regex,
                oauth_token_id,
                github_app_installation_id,
            })
        }
        _ => RepoChange::Keep,
    }
}
