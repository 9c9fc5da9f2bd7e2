//! What links a repository through a connection: workspaces, policy sets and private
//! registry modules (list, show, create, update, delete, with the `vcs-repo` rules), and the
//! GitHub App installation the sandbox's token sees.

use serde_json::json;

use super::{Api, Outcome, Request, list_reply};
use crate::sandbox::clock::now_rfc3339;
use crate::sandbox::documents::{
    Page, Reply, installation_resource, module_list_item, module_resource, not_found,
    policy_set_resource, workspace_resource,
};
use crate::sandbox::rows::{Installation, Module, PolicySet, Workspace};
use crate::sandbox::rules::{self, RepoChange};

fn apply(repo: RepoChange, current: &mut Option<crate::sandbox::rows::VcsRepo>) {
    match repo {
        RepoChange::Keep => {}
        RepoChange::Detach => *current = None,
        RepoChange::Set(repo) => *current = Some(repo),
    }
}

/// Rows matching `keep`, then the asked page of them: (page rows, total).
fn filtered<'a, T>(
    rows: impl Iterator<Item = &'a T>,
    page: Page,
    keep: impl Fn(&T) -> bool,
) -> (Vec<&'a T>, usize) {
    let matching: Vec<&T> = rows.filter(|r| keep(r)).collect();
    let total = matching.len();
    let shown = matching
        .into_iter()
        .skip(page.start())
        .take(page.size)
        .collect();
    (shown, total)
}

fn contains_folded(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

impl Api {
    pub(super) fn linked(&self, req: &Request, method: &str, segments: &[&str]) -> Outcome {
        match (method, segments) {
            ("GET", ["organizations", _, "workspaces"]) => self.list_workspaces(req),
            ("POST", ["organizations", _, "workspaces"]) => self.create_workspace(req),
            ("GET", ["organizations", _, "workspaces", name]) => {
                self.show_workspace(self.workspace_named(name)?)
            }
            ("PATCH", ["organizations", _, "workspaces", name]) => {
                self.update_workspace(req, &self.workspace_named(name)?)
            }
            ("DELETE", ["organizations", _, "workspaces", name]) => {
                self.delete_workspace(&self.workspace_named(name)?)
            }
            ("GET", ["workspaces", id]) => self.show_workspace(id.to_string()),
            ("PATCH", ["workspaces", id]) => self.update_workspace(req, id),
            ("DELETE", ["workspaces", id]) => self.delete_workspace(id),
            ("GET", ["organizations", _, "policy-sets"]) => self.list_policy_sets(req),
            ("POST", ["organizations", _, "policy-sets"]) => self.write_policy_set(req, None),
            ("GET", ["policy-sets", id]) => self.show_policy_set(id),
            ("PATCH", ["policy-sets", id]) => self.write_policy_set(req, Some(id)),
            ("DELETE", ["policy-sets", id]) => self.delete::<PolicySet>(id),
            ("GET", ["organizations", _, "registry-modules"]) => self.list_modules(req),
            ("POST", ["organizations", _, "registry-modules", "vcs"]) => self.create_module(req),
            ("GET", ["registry-modules", id]) if id.starts_with("mod-") => self.show_module(id),
            (
                _,
                [
                    "organizations",
                    _,
                    "registry-modules",
                    "private",
                    namespace,
                    name,
                    provider,
                ],
            ) => {
                let id = self.module_at(namespace, name, provider)?;
                match method {
                    "GET" => self.show_module(&id),
                    "PATCH" => self.update_module(req, &id),
                    "DELETE" => self.delete::<Module>(&id),
                    _ => Err(not_found()),
                }
            }
            (
                "DELETE",
                [
                    "organizations",
                    _,
                    "registry-modules",
                    "private",
                    namespace,
                    name,
                ],
            ) => self.delete_module_named(namespace, name),
            ("GET", ["github-app", "installations"]) => self.list_installations(req),
            ("GET", ["github-app", "installation", id]) => self.show_installation(id),
            _ => Err(not_found()),
        }
    }

    fn workspace_named(&self, name: &str) -> Result<String, Reply> {
        let store = self.lock();
        store
            .tables
            .links
            .workspace_names
            .get(name)
            .cloned()
            .ok_or_else(not_found)
    }

    fn list_workspaces(&self, req: &Request) -> Outcome {
        let store = self.lock();
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

    fn show_workspace(&self, id: String) -> Outcome {
        let store = self.lock();
        let workspace = store.tables.workspaces.get(&id).ok_or_else(not_found)?;
        let doc = json!({ "data": workspace_resource(workspace, &self.org, &store.tables) });
        Ok(Reply::json(200, doc))
    }

    fn create_workspace(&self, req: &Request) -> Outcome {
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

    fn update_workspace(&self, req: &Request, id: &str) -> Outcome {
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

    fn delete_workspace(&self, id: &str) -> Outcome {
        self.delete::<Workspace>(id)
    }

    fn delete<T: crate::sandbox::rows::Row>(&self, id: &str) -> Outcome {
        let mut store = self.lock();
        store.remove::<T>(id).ok_or_else(not_found)?;
        Self::commit(&mut store, Reply::no_content())
    }

    fn list_policy_sets(&self, req: &Request) -> Outcome {
        let store = self.lock();
        let tables = &store.tables;
        let page = Page::or_first(&req.query);
        let search = req.param("search[name]").filter(|s| !s.is_empty());
        let versioned = req.param("filter[versioned]");
        let kind = req.param("filter[kind]");
        let (rows, total) = filtered(tables.policy_sets.iter(), page, |s| {
            search.is_none_or(|q| contains_folded(&s.name, q))
                && versioned.is_none_or(|v| (v == "true") == s.vcs_repo.is_some())
                && kind.is_none_or(|k| s.kind == k)
        });
        let doc = list_reply(req, rows.into_iter(), total, page, |s| {
            policy_set_resource(s, &self.org, tables)
        });
        Ok(Reply::json(200, doc))
    }

    fn show_policy_set(&self, id: &str) -> Outcome {
        let store = self.lock();
        let set = store.tables.policy_sets.get(id).ok_or_else(not_found)?;
        let doc = json!({ "data": policy_set_resource(set, &self.org, &store.tables) });
        Ok(Reply::json(200, doc))
    }

    /// A create (`id` none) or a PATCH of a policy set.
    fn write_policy_set(&self, req: &Request, id: Option<&str>) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let previous = match id {
            Some(id) => Some(
                store
                    .tables
                    .policy_sets
                    .get(id)
                    .ok_or_else(not_found)?
                    .clone(),
            ),
            None => None,
        };
        let input = rules::policy_set_input(&body, previous.as_ref(), &store.tables)?;
        let now = now_rfc3339();
        let created = previous.is_none();
        let mut set = match previous {
            Some(set) => set,
            None => PolicySet {
                id: store.new_id::<PolicySet>("polset-"),
                name: String::new(),
                description: None,
                global: false,
                kind: "sentinel".into(),
                overridable: None,
                agent_enabled: false,
                policy_tool_version: None,
                policies_path: None,
                vcs_repo: None,
                created_at: now.clone(),
                updated_at: now.clone(),
            },
        };
        if let Some(name) = input.name {
            set.name = name;
        }
        if let Some(description) = input.description {
            set.description = description;
        }
        if let Some(global) = input.global {
            set.global = global;
        }
        if let Some(kind) = input.kind {
            set.kind = kind;
        }
        if let Some(overridable) = input.overridable {
            set.overridable = Some(overridable);
        }
        if let Some(agent) = input.agent_enabled {
            set.agent_enabled = agent;
        }
        if let Some(version) = input.policy_tool_version {
            set.policy_tool_version = version;
        }
        if let Some(path) = input.policies_path {
            set.policies_path = path;
        }
        apply(input.repo, &mut set.vcs_repo);
        set.updated_at = now;
        let doc = json!({ "data": policy_set_resource(&set, &self.org, &store.tables) });
        store.put(set);
        Self::commit(
            &mut store,
            Reply::json(if created { 201 } else { 200 }, doc),
        )
    }

    fn module_at(&self, namespace: &str, name: &str, provider: &str) -> Result<String, Reply> {
        if namespace != self.org {
            return Err(not_found());
        }
        let store = self.lock();
        store
            .tables
            .links
            .module_keys
            .get(&Module::key(name, provider))
            .cloned()
            .ok_or_else(not_found)
    }

    fn list_modules(&self, req: &Request) -> Outcome {
        let store = self.lock();
        let tables = &store.tables;
        let page = Page::or_first(&req.query);
        let q = req.param("q").filter(|s| !s.is_empty());
        let provider = req.param("filter[provider]");
        let registry = req.param("filter[registry_name]");
        let (rows, total) = filtered(tables.modules.iter(), page, |m| {
            q.is_none_or(|q| {
                contains_folded(&m.name, q)
                    || contains_folded(&m.namespace, q)
                    || contains_folded(&m.provider, q)
            }) && provider.is_none_or(|p| m.provider == p)
                && registry.is_none_or(|r| r == "private")
        });
        let doc = list_reply(req, rows.into_iter(), total, page, |m| {
            module_list_item(m, &self.org)
        });
        Ok(Reply::json(200, doc))
    }

    fn show_module(&self, id: &str) -> Outcome {
        let store = self.lock();
        let module = store.tables.modules.get(id).ok_or_else(not_found)?;
        let doc = json!({ "data": module_resource(module, &self.org, &store.tables) });
        Ok(Reply::json(200, doc))
    }

    fn create_module(&self, req: &Request) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let input = rules::module_create(&body, &store.tables)?;
        let now = now_rfc3339();
        let mut module = Module {
            id: store.new_id::<Module>("mod-"),
            name: input.name,
            provider: input.provider,
            namespace: self.org.clone(),
            status: "pending".into(),
            vcs_repo: input.repo,
            created_at: now.clone(),
            updated_at: now,
        };
        // The answer shows ingestion as started; the sandbox finishes it at once.
        let doc = json!({ "data": module_resource(&module, &self.org, &store.tables) });
        module.status = "setup_complete".into();
        store.put(module);
        Self::commit(&mut store, Reply::json(201, doc))
    }

    fn update_module(&self, req: &Request, id: &str) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let mut module = store.tables.modules.get(id).ok_or_else(not_found)?.clone();
        let update = rules::module_update(&body, &module, &store.tables)?;
        let mut reingested = false;
        if let Some(repo) = update.repo {
            reingested = repo.identifier != module.vcs_repo.identifier
                || repo.connection() != module.vcs_repo.connection();
            module.vcs_repo = repo;
        }
        module.updated_at = now_rfc3339();
        // Re-pointing a module re-ingests it: TFE answers `pending`.
        let mut shown = module.clone();
        if reingested {
            shown.status = "pending".into();
        }
        let doc = json!({ "data": module_resource(&shown, &self.org, &store.tables) });
        store.put(module);
        Self::commit(&mut store, Reply::json(200, doc))
    }

    fn delete_module_named(&self, namespace: &str, name: &str) -> Outcome {
        if namespace != self.org {
            return Err(not_found());
        }
        let mut store = self.lock();
        let ids: Vec<String> = store
            .tables
            .modules
            .iter()
            .filter(|m| m.name == name)
            .map(|m| m.id.clone())
            .collect();
        if ids.is_empty() {
            return Err(not_found());
        }
        for id in ids {
            store.remove::<Module>(&id);
        }
        Self::commit(&mut store, Reply::no_content())
    }

    fn list_installations(&self, req: &Request) -> Outcome {
        let store = self.lock();
        let page = Page::or_first(&req.query);
        let name = req.param("filter[name]");
        let number = req.param("filter[installation_id]");
        let (rows, total) = filtered(
            store.tables.installations.iter(),
            page,
            |i: &Installation| {
                name.is_none_or(|n| i.name == n)
                    && number.is_none_or(|n| i.installation_id.to_string() == n)
            },
        );
        let doc = list_reply(req, rows.into_iter(), total, page, installation_resource);
        Ok(Reply::json(200, doc))
    }

    fn show_installation(&self, id: &str) -> Outcome {
        let store = self.lock();
        let installation = store.tables.installations.get(id).ok_or_else(not_found)?;
        Ok(Reply::json(
            200,
            json!({ "data": installation_resource(installation) }),
        ))
    }
}
