//! The bodies of workspace, policy set and registry module writes (their `vcs-repo` rules
//! are in `vcs_repo.rs`; Stacks are in `stacks.rs`), and the name and project rules they
//! share with Stacks.

use serde_json::{Map, Value};

use super::vcs_repo::{Kind, REPO, RepoChange, repo_change};
use super::{Problems, attributes, data_of, optional_bool, optional_text, require};
use crate::sandbox::documents::{Reply, invalid};
use crate::sandbox::rows::{Module, PolicySet, VcsRepo, Workspace};
use crate::sandbox::table::Tables;
use crate::shared::ids::is_path_safe;

/// The `name` attribute: required on create (`creating`), letters, digits, `-` and `_`, at
/// most 90, and not `taken` by another resource.
pub(super) fn name_attribute(
    attrs: &Map<String, Value>,
    creating: bool,
    taken: impl Fn(&str) -> bool,
    problems: &mut Problems,
) -> Option<String> {
    let name = optional_text(attrs, "name", problems).flatten();
    let name = if creating {
        require(name, "name", problems)?
    } else {
        name?
    };
    let pointer = "/data/attributes/name".to_string();
    if !is_path_safe(&name) || name.len() > 90 {
        problems.push((
            pointer,
            "name may only contain letters, digits, - and _ (at most 90)".into(),
        ));
        None
    } else if taken(&name) {
        problems.push((pointer, "name has already been taken".into()));
        None
    } else {
        Some(name)
    }
}

pub(super) fn done<T>(value: T, problems: Problems) -> Result<T, Reply> {
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(invalid(problems))
    }
}

/// `relationships.project`: `None` when not given; a project that does not exist is a problem.
pub(super) fn project_relationship(
    data: &Map<String, Value>,
    tables: &Tables,
    problems: &mut Problems,
) -> Option<String> {
    let rel = data.get("relationships").and_then(|r| r.get("project"))?;
    match rel.pointer("/data/id").and_then(Value::as_str) {
        Some(id) if tables.projects.contains(id) => Some(id.to_string()),
        other => {
            problems.push((
                "/data/relationships/project/data/id".into(),
                format!("project {} not found", other.unwrap_or("(none)")),
            ));
            None
        }
    }
}

/// A workspace create (`previous` none) or update body; `None` fields stay as they are.
pub(crate) struct WorkspaceInput {
    pub(crate) name: Option<String>,
    pub(crate) description: Option<Option<String>>,
    pub(crate) auto_apply: Option<bool>,
    pub(crate) execution_mode: Option<String>,
    pub(crate) terraform_version: Option<Option<String>>,
    pub(crate) working_directory: Option<Option<String>>,
    pub(crate) project_id: Option<String>,
    pub(crate) repo: RepoChange,
}

pub(crate) fn workspace_input(
    body: &Value,
    previous: Option<&Workspace>,
    tables: &Tables,
) -> Result<WorkspaceInput, Reply> {
    let data = data_of(body, "workspaces")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let name = name_attribute(
        &attrs,
        previous.is_none(),
        |n| {
            tables
                .links
                .workspace_names
                .get(n)
                .is_some_and(|id| previous.is_none_or(|p| &p.id != id))
        },
        &mut problems,
    );
    let execution_mode = optional_text(&attrs, "execution-mode", &mut problems).flatten();
    if let Some(mode) = &execution_mode
        && !["remote", "local", "agent"].contains(&mode.as_str())
    {
        problems.push((
            "/data/attributes/execution-mode".into(),
            "execution-mode must be remote, local or agent".into(),
        ));
    }
    let project_id = project_relationship(data, tables, &mut problems);
    let repo = repo_change(
        &attrs,
        previous.and_then(|p| p.vcs_repo.as_ref()),
        Kind::Workspace,
        tables,
        &mut problems,
    );
    let input = WorkspaceInput {
        name,
        description: optional_text(&attrs, "description", &mut problems),
        auto_apply: optional_bool(&attrs, "auto-apply", &mut problems),
        execution_mode,
        terraform_version: optional_text(&attrs, "terraform-version", &mut problems),
        working_directory: optional_text(&attrs, "working-directory", &mut problems),
        project_id,
        repo,
    };
    done(input, problems)
}

/// A policy set create (`previous` none) or update body.
pub(crate) struct PolicySetInput {
    pub(crate) name: Option<String>,
    pub(crate) description: Option<Option<String>>,
    pub(crate) global: Option<bool>,
    pub(crate) kind: Option<String>,
    pub(crate) overridable: Option<bool>,
    pub(crate) agent_enabled: Option<bool>,
    pub(crate) policy_tool_version: Option<Option<String>>,
    pub(crate) policies_path: Option<Option<String>>,
    pub(crate) repo: RepoChange,
}

pub(crate) fn policy_set_input(
    body: &Value,
    previous: Option<&PolicySet>,
    tables: &Tables,
) -> Result<PolicySetInput, Reply> {
    let data = data_of(body, "policy-sets")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let name = name_attribute(
        &attrs,
        previous.is_none(),
        |n| {
            tables
                .policy_sets
                .iter()
                .any(|s| s.name == n && previous.is_none_or(|p| p.id != s.id))
        },
        &mut problems,
    );
    // The kind is fixed at creation (TFE's PATCH does not take it).
    let kind = match previous {
        None => optional_text(&attrs, "kind", &mut problems).flatten(),
        Some(_) => None,
    };
    if let Some(k) = &kind
        && k != "sentinel"
        && k != "opa"
    {
        problems.push((
            "/data/attributes/kind".into(),
            "kind must be sentinel or opa".into(),
        ));
    }
    let repo = repo_change(
        &attrs,
        previous.and_then(|p| p.vcs_repo.as_ref()),
        Kind::PolicySet,
        tables,
        &mut problems,
    );
    let input = PolicySetInput {
        name,
        description: optional_text(&attrs, "description", &mut problems),
        global: optional_bool(&attrs, "global", &mut problems),
        kind,
        overridable: optional_bool(&attrs, "overridable", &mut problems),
        agent_enabled: optional_bool(&attrs, "agent-enabled", &mut problems),
        policy_tool_version: optional_text(&attrs, "policy-tool-version", &mut problems),
        policies_path: optional_text(&attrs, "policies-path", &mut problems),
        repo,
    };
    done(input, problems)
}

/// `terraform-<provider>-<name>` (the repository part of the identifier) → (name, provider).
pub fn module_naming(identifier: &str) -> Option<(String, String)> {
    let repository = identifier.rsplit('/').next()?;
    let rest = repository.strip_prefix("terraform-")?;
    let (provider, name) = rest.split_once('-')?;
    let lower = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    (lower(provider) && is_path_safe(name)).then(|| (name.to_string(), provider.to_string()))
}

pub(crate) struct ModuleCreate {
    pub(crate) name: String,
    pub(crate) provider: String,
    pub(crate) repo: VcsRepo,
}

pub(crate) fn module_create(body: &Value, tables: &Tables) -> Result<ModuleCreate, Reply> {
    let data = data_of(body, "registry-modules")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let given_display = attrs
        .get("vcs-repo")
        .and_then(|r| {
            r.get("display-identifier")
                .or_else(|| r.get("display_identifier"))
        })
        .and_then(Value::as_str)
        .is_some_and(|s| !s.is_empty());
    let repo = match repo_change(&attrs, None, Kind::Module, tables, &mut problems) {
        RepoChange::Set(repo) => Some(repo),
        _ => {
            if problems.is_empty() {
                problems.push((REPO.into(), "vcs-repo can't be blank".into()));
            }
            None
        }
    };
    if !given_display && problems.is_empty() {
        problems.push((
            format!("{REPO}/display-identifier"),
            "display-identifier can't be blank".into(),
        ));
    }
    let naming = repo.as_ref().and_then(|r| {
        let name = optional_text(&attrs, "name", &mut problems).flatten();
        let provider = optional_text(&attrs, "provider", &mut problems).flatten();
        match (name, provider, module_naming(&r.identifier)) {
            (Some(n), Some(p), _) => Some((n, p)),
            (_, _, Some(derived)) => Some(derived),
            _ => {
                problems.push((
                    format!("{REPO}/identifier"),
                    "the repository must be named terraform-<PROVIDER>-<NAME>".into(),
                ));
                None
            }
        }
    });
    if let Some((name, provider)) = &naming
        && tables
            .links
            .module_keys
            .contains_key(&Module::key(name, provider))
    {
        problems.push((
            "/data/attributes/name".into(),
            "name has already been taken".into(),
        ));
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    let ((name, provider), repo) = (naming.expect("checked"), repo.expect("checked"));
    Ok(ModuleCreate {
        name,
        provider,
        repo,
    })
}

/// A module PATCH: the new `vcs-repo` (branch, tags, identifier, connection), if any.
pub(crate) struct ModuleUpdate {
    pub(crate) repo: Option<VcsRepo>,
}

pub(crate) fn module_update(
    body: &Value,
    previous: &Module,
    tables: &Tables,
) -> Result<ModuleUpdate, Reply> {
    let data = data_of(body, "registry-modules")?;
    let mut attrs = attributes(data);
    let mut problems = Problems::new();
    // `tags: true` means tag-based publishing: no branch.
    if let Some(repo) = attrs.get_mut("vcs-repo").and_then(Value::as_object_mut)
        && repo.get("tags") == Some(&Value::Bool(true))
        && !repo.contains_key("branch")
    {
        repo.insert("branch".into(), Value::Null);
    }
    let repo = match repo_change(
        &attrs,
        Some(&previous.vcs_repo),
        Kind::Module,
        tables,
        &mut problems,
    ) {
        RepoChange::Set(repo) => Some(repo),
        RepoChange::Keep => None,
        RepoChange::Detach => {
            problems.push((
                REPO.into(),
                "a module published from a repository keeps one".into(),
            ));
            None
        }
    };
    done(ModuleUpdate { repo }, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_come_from_the_repository() {
        assert_eq!(
            module_naming("org/terraform-aws-ec2-instance"),
            Some(("ec2-instance".into(), "aws".into()))
        );
        assert_eq!(
            module_naming("terraform-google-vpc"),
            Some(("vpc".into(), "google".into()))
        );
        assert_eq!(module_naming("org/vpc"), None);
        assert_eq!(module_naming("org/terraform-AWS-vpc"), None);
    }
}
