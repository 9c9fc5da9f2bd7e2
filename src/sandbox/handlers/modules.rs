//! Private registry modules published from a repository: list (items without `vcs-repo`, as
//! TFE's samples show), publish from VCS, and show, re-point or delete by
//! `private/:namespace/:name/:provider`.

use serde_json::json;

use super::linked::{contains_folded, filtered};
use super::{Api, Outcome, Request, list_reply};
use crate::sandbox::documents::{Page, Reply, module_list_item, module_resource, not_found};
use crate::sandbox::rows::Module;
use crate::sandbox::rules;
use crate::shared::clock::now_rfc3339;

impl Api {
    pub(super) fn module_at(
        &self,
        namespace: &str,
        name: &str,
        provider: &str,
    ) -> Result<String, Reply> {
        if namespace != self.org {
            return Err(not_found());
        }
        let store = self.read();
        store
            .tables
            .links
            .module_keys
            .get(&Module::key(name, provider))
            .cloned()
            .ok_or_else(not_found)
    }

    pub(super) fn list_modules(&self, req: &Request) -> Outcome {
        let store = self.read();
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

    pub(super) fn show_module(&self, id: &str) -> Outcome {
        let store = self.read();
        let module = store.tables.modules.get(id).ok_or_else(not_found)?;
        let doc = json!({ "data": module_resource(module, &self.org, &store.tables) });
        Ok(Reply::json(200, doc))
    }

    pub(super) fn create_module(&self, req: &Request) -> Outcome {
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

    pub(super) fn update_module(&self, req: &Request, id: &str) -> Outcome {
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

    pub(super) fn delete_module_named(&self, namespace: &str, name: &str) -> Outcome {
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
}
