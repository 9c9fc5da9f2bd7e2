//! The sandbox's endpoints: routes an authenticated request to the code that reads or changes
//! the store, and answers as TFE does.

use std::sync::Mutex;

use serde_json::{Value, json};

use super::documents::{
    self, API, Reply, client_resource, error, list_document, not_found, project_resource,
    token_resource,
};
use super::rules;
use super::store::{Client, Store, Token, digest, now_rfc3339};
use crate::provider::Provider;

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
}

/// A handler's answer: `Err` is an error reply, returned early with `?`.
type Outcome = Result<Reply, Reply>;

pub struct Api {
    pub org: String,
    pub store: Mutex<Store>,
}

/// `include=` values, or a 400 with TFE's string-array error for an unknown one.
fn includes(req: &Request) -> Result<Vec<String>, Reply> {
    let Some(value) = req.param("include") else {
        return Ok(Vec::new());
    };
    let values: Vec<String> = value
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if values
        .iter()
        .any(|v| v != "oauth_tokens" && v != "projects")
    {
        return Err(Reply::json(
            400,
            json!({ "errors": ["include parameter is invalid"] }),
        ));
    }
    Ok(values)
}

fn service_provider_user(pat: &str) -> String {
    // TFE shows the VCS account the PAT belongs to; the sandbox makes a stable stand-in.
    format!("vcs-user-{}", &digest(pat)[8..14])
}

impl Api {
    pub fn handle(&self, req: &Request) -> Reply {
        let segments: Vec<&str> = req.segments.iter().map(String::as_str).collect();
        let method = req.method.as_str();
        let outcome = match (method, segments.as_slice()) {
            ("GET", ["account", "details"]) => self.account(),
            (_, ["organizations", org, ..]) if *org != self.org => Err(not_found()),
            ("GET", ["organizations", _]) => self.organization(),
            ("GET", ["organizations", _, "projects"]) => self.projects(req),
            ("GET", ["organizations", _, "oauth-clients"]) => self.list_clients(req),
            ("POST", ["organizations", _, "oauth-clients"]) => self.create_client(req),
            ("DELETE", ["organizations", _, "oauth-clients", id]) => self.delete_client(id),
            ("GET", ["organizations", _, "oauth-tokens"]) => self.list_org_tokens(req),
            ("GET", ["oauth-clients", id]) => self.show_client(req, id),
            ("PATCH", ["oauth-clients", id]) => self.update_client(req, id),
            ("DELETE", ["oauth-clients", id]) => self.delete_client(id),
            ("GET", ["oauth-clients", id, "oauth-tokens"]) => self.list_client_tokens(req, id),
            ("POST", ["oauth-clients", id, "relationships", "projects"]) => {
                self.change_projects(req, id, true)
            }
            ("DELETE", ["oauth-clients", id, "relationships", "projects"]) => {
                self.change_projects(req, id, false)
            }
            ("GET", ["oauth-tokens", id]) => self.show_token(id),
            ("PATCH", ["oauth-tokens", id]) => self.update_token(req, id),
            ("DELETE", ["oauth-tokens", id]) => self.delete_token(id),
            _ => Err(not_found()),
        };
        outcome.unwrap_or_else(|error| error)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        // A handler that panicked cannot have left a half-written change: state is replaced
        // whole, so a poisoned lock is still safe to use.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Persists after a change; a failure is a 500 (and said on stderr).
    fn saved(store: &Store, reply: Reply) -> Outcome {
        store.save().map(|()| reply).map_err(|e| {
            eprintln!("sandbox: {e}");
            error(
                500,
                "internal server error",
                Some("the sandbox could not write its state file"),
            )
        })
    }

    fn account(&self) -> Outcome {
        Ok(Reply::json(
            200,
            json!({ "data": { "id": "user-sandbox000000001", "type": "users", "attributes": {
                "username": "sandbox-admin", "email": "admin@sandbox.invalid", "is-service-account": false,
                "two-factor": { "enabled": false, "verified": false } } } }),
        ))
    }

    fn organization(&self) -> Outcome {
        Ok(Reply::json(
            200,
            json!({ "data": { "id": self.org, "type": "organizations", "attributes": {
                "name": self.org, "email": "admin@sandbox.invalid" } } }),
        ))
    }

    fn projects(&self, req: &Request) -> Outcome {
        let store = self.lock();
        let items = store
            .state
            .projects
            .iter()
            .map(|p| project_resource(p, &self.org))
            .collect();
        Ok(Reply::json(
            200,
            list_document(items, &req.query, &req.origin, &req.path()),
        ))
    }

    fn list_clients(&self, req: &Request) -> Outcome {
        let include = includes(req)?;
        let affected = req.param("show_affected_workspaces") == Some("true");
        let store = self.lock();
        let state = &store.state;
        let items: Vec<Value> = state
            .clients
            .iter()
            .map(|c| client_resource(c, &self.org, state, affected))
            .collect();
        let mut doc = list_document(items, &req.query, &req.origin, &req.path());
        if !include.is_empty() {
            let ids: Vec<String> = doc["data"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c["id"].as_str().map(String::from))
                .collect();
            let shown: Vec<&Client> = state
                .clients
                .iter()
                .filter(|c| ids.contains(&c.id))
                .collect();
            doc["included"] = json!(documents::included_for(&shown, &include, state, &self.org));
        }
        Ok(Reply::json(200, doc))
    }

    fn show_client(&self, req: &Request, id: &str) -> Outcome {
        let include = includes(req)?;
        let affected = req.param("show_affected_workspaces") == Some("true");
        let store = self.lock();
        let Some(client) = store.state.client(id) else {
            return Err(not_found());
        };
        let mut doc = json!({ "data": client_resource(client, &self.org, &store.state, affected) });
        if !include.is_empty() {
            doc["included"] = json!(documents::included_for(
                &[client],
                &include,
                &store.state,
                &self.org
            ));
        }
        Ok(Reply::json(200, doc))
    }

    fn create_client(&self, req: &Request) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let input = rules::client_create(&body, &store.state)?;
        let id = store.new_id("oc-");
        let uuid = store.rng.uuid();
        let created_at = now_rfc3339();
        store.state.clients.push(Client {
            id: id.clone(),
            name: input.name,
            service_provider: input.provider.api_name().to_string(),
            http_url: input.http_url,
            api_url: input.api_url,
            key: input.key,
            rsa_public_key: input.rsa_public_key,
            organization_scoped: input.organization_scoped,
            created_at: created_at.clone(),
            uuid,
            projects: input.projects,
            agent_pool: input.agent_pool,
            secret_digest: input.secret.as_deref().map(digest),
            private_key_digest: input.private_key.as_deref().map(digest),
        });
        // A client created with a PAT is connected at once: it gets its OAuth token.
        if let Some(pat) = &input.pat {
            let token_id = store.new_id("ot-");
            store.state.tokens.push(Token {
                id: token_id,
                client_id: id.clone(),
                created_at,
                service_provider_user: service_provider_user(pat),
                pat_digest: digest(pat),
                ssh_key_digest: None,
            });
        }
        let client = store.state.client(&id).expect("just added");
        let doc = json!({ "data": client_resource(client, &self.org, &store.state, false) });
        Self::saved(&store, Reply::json(201, doc))
    }

    fn update_client(&self, req: &Request, id: &str) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        if store.state.client(id).is_none() {
            return Err(not_found());
        }
        let update = rules::client_update(&body, &store.state)?;
        if let Some(pat) = &update.pat {
            rotate_pat(&mut store, id, pat);
        }
        let client = store.state.client_mut(id).expect("checked above");
        if let Some(name) = update.name {
            client.name = name;
        }
        if let Some(key) = update.key {
            client.key = key;
        }
        if let Some(secret) = update.secret {
            client.secret_digest = secret.as_deref().map(digest);
        }
        if let Some(rsa) = update.rsa_public_key {
            client.rsa_public_key = rsa;
        }
        if let Some(scoped) = update.organization_scoped {
            client.organization_scoped = scoped;
        }
        if let Some(projects) = update.projects {
            client.projects = projects;
        }
        if let Some(pool) = update.agent_pool {
            client.agent_pool = pool;
        }
        let client = store.state.client(id).expect("checked above");
        let doc = json!({ "data": client_resource(client, &self.org, &store.state, false) });
        Self::saved(&store, Reply::json(200, doc))
    }

    fn delete_client(&self, id: &str) -> Outcome {
        let mut store = self.lock();
        let before = store.state.clients.len();
        store.state.clients.retain(|c| c.id != id);
        if store.state.clients.len() == before {
            return Err(not_found());
        }
        store.state.tokens.retain(|t| t.client_id != id);
        Self::saved(&store, Reply::no_content())
    }

    fn change_projects(&self, req: &Request, id: &str, add: bool) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        if store.state.client(id).is_none() {
            return Err(not_found());
        }
        let ids = rules::project_list(&body, &store.state)?;
        let client = store.state.client_mut(id).expect("checked above");
        if add {
            for project in ids {
                if !client.projects.contains(&project) {
                    client.projects.push(project);
                }
            }
        } else {
            client.projects.retain(|p| !ids.contains(p));
        }
        Self::saved(&store, Reply::no_content())
    }

    fn list_client_tokens(&self, req: &Request, id: &str) -> Outcome {
        let store = self.lock();
        if store.state.client(id).is_none() {
            return Err(not_found());
        }
        let items = store.state.tokens_of(id).map(token_resource).collect();
        Ok(Reply::json(
            200,
            list_document(items, &req.query, &req.origin, &req.path()),
        ))
    }

    fn list_org_tokens(&self, req: &Request) -> Outcome {
        let store = self.lock();
        let state = &store.state;
        let provider = req.param("filter[provider]");
        if let Some(p) = provider
            && Provider::from_api_name(p).is_none()
        {
            return Ok(Reply::json(
                200,
                list_document(Vec::new(), &req.query, &req.origin, &req.path()),
            ));
        }
        let items = state
            .tokens
            .iter()
            .filter(|t| {
                provider.is_none_or(|p| {
                    state
                        .client(&t.client_id)
                        .is_some_and(|c| c.service_provider == p)
                })
            })
            .map(token_resource)
            .collect();
        Ok(Reply::json(
            200,
            list_document(items, &req.query, &req.origin, &req.path()),
        ))
    }

    fn show_token(&self, id: &str) -> Outcome {
        let store = self.lock();
        match store.state.tokens.iter().find(|t| t.id == id) {
            Some(token) => Ok(Reply::json(200, json!({ "data": token_resource(token) }))),
            None => Err(not_found()),
        }
    }

    fn update_token(&self, req: &Request, id: &str) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        if !store.state.tokens.iter().any(|t| t.id == id) {
            return Err(not_found());
        }
        let ssh_key = rules::token_update(&body)?;
        let token = store
            .state
            .tokens
            .iter_mut()
            .find(|t| t.id == id)
            .expect("checked above");
        if let Some(key) = ssh_key {
            token.ssh_key_digest = key.as_deref().map(digest);
        }
        let doc = json!({ "data": token_resource(token) });
        Self::saved(&store, Reply::json(200, doc))
    }

    fn delete_token(&self, id: &str) -> Outcome {
        let mut store = self.lock();
        let before = store.state.tokens.len();
        store.state.tokens.retain(|t| t.id != id);
        if store.state.tokens.len() == before {
            return Err(not_found());
        }
        Self::saved(&store, Reply::no_content())
    }
}

/// A new PAT replaces the stored one on the client's tokens (or connects a client that had
/// none); no new run is triggered, as on TFE.
fn rotate_pat(store: &mut Store, client_id: &str, pat: &str) {
    let mut found = false;
    for token in store
        .state
        .tokens
        .iter_mut()
        .filter(|t| t.client_id == client_id)
    {
        token.pat_digest = digest(pat);
        token.service_provider_user = service_provider_user(pat);
        found = true;
    }
    if !found {
        let id = store.new_id("ot-");
        store.state.tokens.push(Token {
            id,
            client_id: client_id.to_string(),
            created_at: now_rfc3339(),
            service_provider_user: service_provider_user(pat),
            pat_digest: digest(pat),
            ssh_key_digest: None,
        });
    }
}
