//! Policy sets: list (always paginated, `search[name]`, `filter[versioned]`, `filter[kind]`),
//! show, and create or update with a `vcs-repo`.

use serde_json::json;

use super::linked::{apply, contains_folded, existing, filtered};
use super::{Api, Outcome, Request, list_reply};
use crate::sandbox::documents::{Page, Reply, not_found, policy_set_resource};
use crate::sandbox::rows::PolicySet;
use crate::sandbox::rules;
use crate::shared::clock::now_rfc3339;

impl Api {
    pub(super) fn list_policy_sets(&self, req: &Request) -> Outcome {
        let store = self.read();
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

    pub(super) fn show_policy_set(&self, id: &str) -> Outcome {
        let store = self.read();
        let set = store.tables.policy_sets.get(id).ok_or_else(not_found)?;
        let doc = json!({ "data": policy_set_resource(set, &self.org, &store.tables) });
        Ok(Reply::json(200, doc))
    }

    /// A create (`id` none) or a PATCH of a policy set.
    pub(super) fn write_policy_set(&self, req: &Request, id: Option<&str>) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let previous = existing::<PolicySet>(&store.tables, id)?;
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
}
