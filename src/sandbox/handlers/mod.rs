//! The sandbox's endpoints: routes an authenticated request to the code that reads or changes
//! the store, and answers as TFE does. `connections.rs` serves OAuth clients, tokens and
//! projects; `linked.rs` workspaces, policy sets, registry modules and GitHub App
//! installations.

mod connections;
mod linked;

use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

use super::documents::{API, ListLinks, Page, Reply, error, list_document, not_found};
use super::store::Store;

/// A request as the handlers see it.
pub struct Request {
    pub method: String,
    /// Path below `/api/v2`, split on `/`, percent-decoded.
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
    pub body: String,
    /// `http://host:port`, for absolute pagination links.
    pub origin: String,
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

pub struct Api {
    pub org: String,
    pub store: Mutex<Store>,
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
    pub fn handle(&self, req: &Request) -> Reply {
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

    fn lock(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked left at most uncommitted changes: undo them.
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        store.rollback();
        store
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
                "name": self.org, "email": "admin@sandbox.invalid" } } }),
        )
    }
}
