//! The body of a Stack create (`POST /stacks`) or update (`PATCH /stacks/:id`): a name
//! unique in its project, the project (required on create), and the `vcs-repo` with the
//! Stack's own rules (`vcs_repo.rs`).

use serde_json::Value;

use super::linked::{done, name_attribute, project_relationship};
use super::vcs_repo::{Kind, RepoChange, repo_change};
use super::{Problems, attributes, data_of, optional_bool, optional_text};
use crate::sandbox::documents::Reply;
use crate::sandbox::rows::Stack;
use crate::sandbox::table::Tables;

/// A Stack create (`previous` none) or update body; `None` fields stay as they are.
pub(crate) struct StackInput {
    pub(crate) name: Option<String>,
    pub(crate) description: Option<Option<String>>,
    pub(crate) speculative_enabled: Option<bool>,
    pub(crate) project_id: Option<String>,
    pub(crate) repo: RepoChange,
}

pub(crate) fn stack_input(
    body: &Value,
    previous: Option<&Stack>,
    tables: &Tables,
) -> Result<StackInput, Reply> {
    let data = data_of(body, "stacks")?;
    let attrs = attributes(data);
    let mut problems = Problems::new();
    let project_id = project_relationship(data, tables, &mut problems);
    if previous.is_none() && project_id.is_none() && problems.is_empty() {
        problems.push((
            "/data/relationships/project".into(),
            "project can't be blank".into(),
        ));
    }
    let project = project_id
        .clone()
        .or_else(|| previous.map(|p| p.project_id.clone()));
    let name = name_attribute(
        &attrs,
        previous.is_none(),
        |n| {
            tables.stacks.iter().any(|s| {
                s.name == n
                    && Some(&s.project_id) == project.as_ref()
                    && previous.is_none_or(|p| p.id != s.id)
            })
        },
        &mut problems,
    );
    let repo = repo_change(
        &attrs,
        previous.and_then(|p| p.vcs_repo.as_ref()),
        Kind::Stack,
        tables,
        &mut problems,
    );
    let input = StackInput {
        name,
        description: optional_text(&attrs, "description", &mut problems),
        speculative_enabled: optional_bool(&attrs, "speculative-enabled", &mut problems),
        project_id,
        repo,
    };
    done(input, problems)
}
