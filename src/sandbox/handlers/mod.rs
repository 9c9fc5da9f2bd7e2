//! The sandbox's endpoints: routes an authenticated request to the code that reads or changes
//! the store, and answers as TFE does. `connections.rs` serves OAuth clients, tokens and
//! projects; `linked.rs` routes what links a repository through them (`workspaces.rs`,
//! `policy_sets.rs`, `modules.rs`, `stacks.rs`) and serves the GitHub App installation.

mod authorized_repos;
mod connections;
mod linked;
mod modules;
mod policy_sets;
mod stacks;
mod workspaces;

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use serde_json::Value;

use super::documents::{API, ListLinks, Page, Reply, error, list_document, not_found};
use super::store::Store;

/// A request as the handlers see it.
pub(crate) struct Request {
    pub(crate) method: String,
    /// Path below `/api/v2`, split on `/`, percent-decoded.
    pub(crate) segments: Vec<String>,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: String,
    /// `http://host:port`, for absolute pagination links.
    pub(crate) origin: String,
}

impl Request {
    fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn path(&self) -> String {
        format!("{API}/{}", self.segments.join("/"))
    }

    fn flag(&self, key: &str) -> bool {
        self.param(key) == Some("true")
    }
}

/// A handler's answer: `Err` is an error reply, returned early with `?`.
type Outcome = Result<Reply, Reply>;

pub(crate) struct Api {
    pub(crate) org: String,
    /// Reads share it (a long unpaginated list does not hold up other reads); writes take it
    /// alone.
    pub(crate) store: RwLock<Store>,
}

/// A list page: the matching rows (only the page of them is built into documents), their
/// total, and the page asked for.
fn list_reply<'a, T: 'a>(
    req: &Request,
    rows: impl Iterator<Item = &'a T>,
    total: usize,
    page: Page,
    build: impl Fn(&T) -> Value,
) -> Value {
    let data = rows.map(build).collect();
    let path = req.path();
    let at = ListLinks {
        origin: &req.origin,
        path: &path,
        query: &req.query,
    };
    list_document(data, total, page, &at)
}

impl Api {
    pub(crate) fn handle(&self, req: &Request) -> Reply {
        let segments: Vec<&str> = req.segments.iter().map(String::as_str).collect();
        let method = req.method.as_str();
        let outcome = match (method, segments.as_slice()) {
            (_, ["organizations", org, ..]) if *org != self.org => Err(not_found()),
            ("GET", ["account", "details"]) => Ok(self.account()),
            ("GET", ["organizations", _]) => Ok(self.organization()),
            (
                _,
                [
                    "organizations",
                    _,
                    "projects" | "oauth-clients" | "oauth-tokens",
                    ..,
                ],
            )
            | (_, ["oauth-clients" | "oauth-tokens", ..]) => {
                self.connections(req, method, &segments)
            }
            _ => self.linked(req, method, &segments),
        };
        outcome.unwrap_or_else(|error| error)
    }

    /// The store, to change: alone.
    fn lock(&self) -> RwLockWriteGuard<'_, Store> {
        // A handler that panicked left at most uncommitted changes: undo them.
        let mut store = self.store.write().unwrap_or_else(|e| e.into_inner());
        store.rollback();
        store
    }

    /// The store, to read: shared with other reads.
    fn read(&self) -> RwLockReadGuard<'_, Store> {
        if self.store.is_poisoned() {
            // A write handler panicked: undo what it left uncommitted before anyone reads it.
            drop(self.lock());
            self.store.clear_poison();
        }
        self.store.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Commits the handler's changes; a failed state write is rolled back and answered 500.
    fn commit(store: &mut Store, reply: Reply) -> Outcome {
        store.commit().map(|()| reply).map_err(|e| {
            eprintln!("sandbox: {e}; the change was rolled back");
            error(
                500,
                "internal server error",
                Some("the sandbox could not write its state file; nothing was changed"),
            )
        })
    }

    fn account(&self) -> Reply {
        Reply::json(
            200,
            serde_json::json!({ "data": { "id": "user-sandbox000000001", "type": "users", "attributes": {
                "username": "sandbox-admin", "email": "admin@sandbox.invalid", "is-service-account": false,
                "two-factor": { "enabled": false, "verified": false } } } }),
        )
    }

    fn organization(&self) -> Reply {
        Reply::json(
            200,
            serde_json::json!({ "data": { "id": self.org, "type": "organizations", "attributes": {
                "name": self.org, "email": "admin@sandbox.invalid",
                "stacks-enabled": self.read().tables.stacks_enabled() } } }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::documents::resources_built;
    use crate::sandbox::populate;
    use crate::sandbox::random::Rng;

    fn api_with(items: usize) -> Api {
        let mut store = Store::open(None, Rng::new(9)).unwrap();
        populate::clients_and_workspaces(&mut store, items).unwrap();
        Api {
            org: "scale".into(),
            store: RwLock::new(store),
        }
    }

    fn get(api: &Api, path: &str, query: &[(&str, &str)]) -> (Value, usize) {
        let req = Request {
            method: "GET".into(),
            segments: path.split('/').map(String::from).collect(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: String::new(),
            origin: "http://127.0.0.1:1".into(),
        };
        let before = resources_built();
        let reply = api.handle(&req);
        assert_eq!(reply.status, 200, "{:?}", reply.body);
        (reply.body.unwrap(), resources_built() - before)
    }

    #[test]
    fn a_change_whose_state_write_fails_is_answered_500_and_not_kept() {
        let path = std::env::temp_dir().join(format!("tfvcs-api-{}.json", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut store = Store::open(Some(path.clone()), Rng::new(5)).unwrap();
        store.fail_state_writes();
        let api = Api {
            org: "o".into(),
            store: RwLock::new(store),
        };
        let req = Request {
            method: "POST".into(),
            segments: ["organizations", "o", "workspaces"]
                .map(String::from)
                .to_vec(),
            query: Vec::new(),
            body: r#"{"data":{"type":"workspaces","attributes":{"name":"w"}}}"#.into(),
            origin: String::new(),
        };
        let reply = api.handle(&req);
        assert_eq!(reply.status, 500);
        let (doc, _) = get(&api, "organizations/o/workspaces", &[]);
        assert_eq!(doc["meta"]["pagination"]["total-count"], 0);
        let _ = std::fs::remove_file(&path);
    }

    /// A page of 100 costs the same work at 1,000 items as at 100,000: the resources built
    /// for it are the page's own (a client and its token each, for `include=oauth_tokens`).
    #[test]
    fn a_page_costs_the_page_not_the_list() {
        let last_page = |n: usize| (n / 100).to_string();
        let mut costs = Vec::new();
        for items in [1_000, 100_000] {
            let api = api_with(items);
            let page = last_page(items);
            let query = [
                ("page[size]", "100"),
                ("page[number]", page.as_str()),
                ("include", "oauth_tokens"),
                ("show_affected_workspaces", "true"),
            ];
            let (doc, clients_cost) = get(&api, "organizations/scale/oauth-clients", &query);
            assert_eq!(doc["data"].as_array().unwrap().len(), 100);
            assert_eq!(doc["included"].as_array().unwrap().len(), 100);
            assert_eq!(doc["meta"]["pagination"]["total-count"], items);
            assert_eq!(
                doc["data"][99]["attributes"]["affected-workspaces-count"],
                1
            );
            let (doc, workspaces_cost) = get(&api, "organizations/scale/workspaces", &query[..2]);
            assert_eq!(doc["data"].as_array().unwrap().len(), 100);
            let (_, tokens_cost) = get(&api, "organizations/scale/oauth-tokens", &query[..2]);
            let token = doc["data"][0]["attributes"]["vcs-repo"]["oauth-token-id"]
                .as_str()
                .unwrap()
                .to_string();
            let (_, show_cost) = get(&api, &format!("oauth-tokens/{token}"), &[]);
            costs.push((clients_cost, workspaces_cost, tokens_cost, show_cost));
        }
        assert_eq!(costs[0], (200, 100, 100, 1));
        assert_eq!(
            costs[0], costs[1],
            "the same work at 1,000 and 100,000 items"
        );
    }
}
