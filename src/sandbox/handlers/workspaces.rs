//! Workspaces: list (always paginated, `search[name]`, `filter[project][id]`), show, create,
//! update and delete, by id or by name.

use serde_json::json;

use super::linked::{apply, contains_folded, filtered};
use super::{Api, Outcome, Request, list_reply};
use crate::sandbox::documents::{Page, Reply, not_found, workspace_resource};
use crate::sandbox::rows::Workspace;
use crate::sandbox::rules;
use crate::shared::clock::now_rfc3339;

impl Api {
    pub(super) fn workspace_named(&self, name: &str) -> Result<String, Reply> {
        let store = self.read();
        store
            .tables
            .links
            .workspace_names
            .get(name)
            .cloned()
            .ok_or_else(not_found)
    }

    pub(super) fn list_workspaces(&self, req: &Request) -> Outcome {
        let store = self.read();
        let tables = &store.tables;
        let page = Page::or_first(&req.query);
        let search = req.param("search[name]").filter(|s| !s.is_empty());
        let project = req.param("filter[project][id]");
        let (rows, total) = if search.is_none() && project.is_none() {
            let rows: Vec<&Workspace> = tables.workspaces.slice(page.start(), page.size).collect();
            (rows, tables.workspaces.len())
        } else {
            filtered(tables.workspaces.iter(), page, |w| {
                search.is_none_or(|s| contains_folded(&w.name, s))
                    && project.is_none_or(|p| w.project_id == p)
            })
        };
        let doc = list_reply(req, rows.into_iter(), total, page, |w| {
            workspace_resource(w, &self.org, tables)
        });
        Ok(Reply::json(200, doc))
    }

    pub(super) fn show_workspace(&self, id: String) -> Outcome {
        let store = self.read();
        let workspace = store.tables.workspaces.get(&id).ok_or_else(not_found)?;
        let doc = json!({ "data": workspace_resource(workspace, &self.org, &store.tables) });
        Ok(Reply::json(200, doc))
    }

    pub(super) fn create_workspace(&self, req: &Request) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let input = rules::workspace_input(&body, None, &store.tables)?;
        let default_project = store.tables.projects.iter().next().map(|p| p.id.clone());
        let now = now_rfc3339();
        let mut workspace = Workspace {
            id: store.new_id::<Workspace>("ws-"),
            name: input.name.expect("required on create"),
            description: input.description.flatten(),
            project_id: input.project_id.or(default_project).unwrap_or_default(),
            auto_apply: input.auto_apply.unwrap_or(false),
            execution_mode: input.execution_mode.unwrap_or_else(|| "remote".into()),
            terraform_version: input.terraform_version.flatten(),
            working_directory: input.working_directory.flatten(),
            vcs_repo: None,
            created_at: now.clone(),
            updated_at: now,
        };
        apply(input.repo, &mut workspace.vcs_repo);
        let doc = json!({ "data": workspace_resource(&workspace, &self.org, &store.tables) });
        store.put(workspace);
        Self::commit(&mut store, Reply::json(201, doc))
    }

    pub(super) fn update_workspace(&self, req: &Request, id: &str) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let mut workspace = store
            .tables
            .workspaces
            .get(id)
            .ok_or_else(not_found)?
            .clone();
        let input = rules::workspace_input(&body, Some(&workspace), &store.tables)?;
        if let Some(name) = input.name {
            workspace.name = name;
        }
        if let Some(description) = input.description {
            workspace.description = description;
        }
        if let Some(auto_apply) = input.auto_apply {
            workspace.auto_apply = auto_apply;
        }
        if let Some(mode) = input.execution_mode {
            workspace.execution_mode = mode;
        }
        if let Some(version) = input.terraform_version {
            workspace.terraform_version = version;
        }
        if let Some(directory) = input.working_directory {
            workspace.working_directory = directory;
        }
        if let Some(project) = input.project_id {
            workspace.project_id = project;
        }
        apply(input.repo, &mut workspace.vcs_repo);
        workspace.updated_at = now_rfc3339();
        let doc = json!({ "data": workspace_resource(&workspace, &self.org, &store.tables) });
        store.put(workspace);
        Self::commit(&mut store, Reply::json(200, doc))
    }

    pub(super) fn delete_workspace(&self, id: &str) -> Outcome {
        self.delete::<Workspace>(id)
    }
}
