//! What links a repository through a connection (SPEC §10): the routes of workspaces
//! (`workspaces.rs`), policy sets (`policy_sets.rs`), private registry modules
//! (`modules.rs`) and Stacks (`stacks.rs`), what they share, and the GitHub App installation
//! the sandbox's token sees.

use serde_json::json;

use super::{Api, Outcome, Request, list_reply};
use crate::sandbox::documents::{Page, Reply, installation_resource, not_found};
use crate::sandbox::rows::{Installation, Module, PolicySet, VcsRepo};
use crate::sandbox::rules::RepoChange;
use crate::sandbox::table::{Row, Tables};

pub(super) fn apply(repo: RepoChange, current: &mut Option<VcsRepo>) {
    match repo {
        RepoChange::Keep => {}
        RepoChange::Detach => *current = None,
        RepoChange::Set(repo) => *current = Some(repo),
    }
}

/// The row a PATCH of `id` changes, or none for a create (`id` none); 404 for an unknown id.
pub(super) fn existing<T: Row>(tables: &Tables, id: Option<&str>) -> Result<Option<T>, Reply> {
    id.map(|id| T::table(tables).get(id).cloned().ok_or_else(not_found))
        .transpose()
}

/// Rows matching `keep`, then the asked page of them: (page rows, total).
pub(super) fn filtered<'a, T>(
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

pub(super) fn contains_folded(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

impl Api {
    pub(super) fn linked(&self, req: &Request, method: &str, segments: &[&str]) -> Outcome {
        if let Some(outcome) = self.stacks(req, method, segments) {
            return outcome;
        }
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

    pub(super) fn delete<T: Row>(&self, id: &str) -> Outcome {
        let mut store = self.lock();
        store.remove::<T>(id).ok_or_else(not_found)?;
        Self::commit(&mut store, Reply::no_content())
    }

    fn list_installations(&self, req: &Request) -> Outcome {
        let store = self.read();
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
        let store = self.read();
        let installation = store.tables.installations.get(id).ok_or_else(not_found)?;
        Ok(Reply::json(
            200,
            json!({ "data": installation_resource(installation) }),
        ))
    }
}
