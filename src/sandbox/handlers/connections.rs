//! OAuth clients, OAuth tokens and projects: list, show, create, update, delete, and what a
//! deleted connection does to the workspaces and Stacks linked through it (they are unlinked).

use serde_json::json;

use super::{Api, Outcome, Request, list_reply};
use crate::provider::Provider;
use crate::sandbox::documents::{
    Page, Reply, client_resource, included_for, not_found, project_resource, token_resource,
};
use crate::sandbox::rows::{Client, Project, Stack, Token, Workspace};
use crate::sandbox::rules;
use crate::sandbox::store::Store;
use crate::shared::clock::now_rfc3339;

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

/// TFE shows the VCS account a PAT belongs to; the sandbox makes a stable stand-in.
fn service_provider_user(store: &Store, pat: &str) -> String {
    format!("vcs-user-{}", &store.digest(pat)[7..13])
}

fn new_token(store: &mut Store, client_id: &str, pat: &str, created_at: String) -> Token {
    Token {
        id: store.new_id::<Token>("ot-"),
        client_id: client_id.to_string(),
        created_at,
        service_provider_user: service_provider_user(store, pat),
        pat_digest: store.digest(pat),
        ssh_key_digest: None,
        vcs_revoked: false,
    }
}

/// Removes a token and unlinks the workspaces and Stacks that used it, as TFE does for a
/// deleted connection.
fn remove_token(store: &mut Store, id: &str) -> bool {
    let linked: Vec<Workspace> = store.tables.workspaces_of(id).cloned().collect();
    for mut workspace in linked {
        workspace.vcs_repo = None;
        workspace.updated_at = now_rfc3339();
        store.put(workspace);
    }
    let stacks: Vec<Stack> = store.tables.stacks_of(id).cloned().collect();
    for mut stack in stacks {
        stack.vcs_repo = None;
        stack.updated_at = now_rfc3339();
        store.put(stack);
    }
    store.remove::<Token>(id).is_some()
}

impl Api {
    pub(super) fn connections(&self, req: &Request, method: &str, segments: &[&str]) -> Outcome {
        match (method, segments) {
            ("GET", ["organizations", _, "projects"]) => self.list_projects(req),
            ("POST", ["organizations", _, "projects"]) => self.create_project(req),
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
            ("GET", ["oauth-tokens", id]) => self.show_token(req, id),
            ("GET", ["oauth-tokens", id, "authorized-repos"]) => self.authorized_repos(req, id),
            ("PATCH", ["oauth-tokens", id]) => self.update_token(req, id),
            ("DELETE", ["oauth-tokens", id]) => self.delete_token(id),
            _ => Err(not_found()),
        }
    }

    fn list_projects(&self, req: &Request) -> Outcome {
        let store = self.read();
        let table = &store.tables.projects;
        let names: Option<Vec<&str>> = req.param("filter[names]").map(|n| n.split(',').collect());
        let matching: Vec<&Project> = table
            .iter()
            .filter(|p| names.as_ref().is_none_or(|n| n.contains(&p.name.as_str())))
            .collect();
        let page = Page::or_everything(&req.query, matching.len());
        let rows = matching.iter().copied().skip(page.start()).take(page.size);
        let doc = list_reply(req, rows, matching.len(), page, |p| {
            project_resource(p, &self.org)
        });
        Ok(Reply::json(200, doc))
    }

    fn create_project(&self, req: &Request) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let (name, description) = rules::project_create(&body, &store.tables)?;
        let project = Project {
            id: store.new_id::<Project>("prj-"),
            name,
            description,
            created_at: now_rfc3339(),
        };
        let doc = json!({ "data": project_resource(&project, &self.org) });
        store.put(project);
        Self::commit(&mut store, Reply::json(201, doc))
    }

    fn list_clients(&self, req: &Request) -> Outcome {
        let include = includes(req)?;
        let affected = req.flag("show_affected_workspaces");
        let store = self.read();
        let tables = &store.tables;
        let total = tables.clients.len();
        let page = Page::or_everything(&req.query, total);
        let shown: Vec<&Client> = tables.clients.slice(page.start(), page.size).collect();
        let mut doc = list_reply(req, shown.iter().copied(), total, page, |c| {
            client_resource(c, &self.org, tables, affected)
        });
        if !include.is_empty() {
            doc["included"] = json!(included_for(&shown, &include, tables, &self.org));
        }
        Ok(Reply::json(200, doc))
    }

    fn show_client(&self, req: &Request, id: &str) -> Outcome {
        let include = includes(req)?;
        let affected = req.flag("show_affected_workspaces");
        let store = self.read();
        let tables = &store.tables;
        let client = tables.clients.get(id).ok_or_else(not_found)?;
        let mut doc = json!({ "data": client_resource(client, &self.org, tables, affected) });
        if !include.is_empty() {
            doc["included"] = json!(included_for(&[client], &include, tables, &self.org));
        }
        Ok(Reply::json(200, doc))
    }

    fn create_client(&self, req: &Request) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let input = rules::client_create(&body, &store.tables)?;
        let id = store.new_id::<Client>("oc-");
        let uuid = store.rng.uuid();
        let created_at = now_rfc3339();
        let client = Client {
            id: id.clone(),
            name: input.name,
            service_provider: input.provider.api_name().to_string(),
            http_url: input.http_url,
            api_url: input.api_url,
            key: input.key,
            rsa_public_key: input.rsa_public_key,
            ado_org_name: input.ado_org_name,
            organization_scoped: input.organization_scoped,
            created_at: created_at.clone(),
            uuid,
            projects: input.projects,
            agent_pool: input.agent_pool,
            secret_digest: input.secret.as_deref().map(|s| store.digest(s)),
            private_key_digest: input.private_key.as_deref().map(|k| store.digest(k)),
        };
        store.put(client);
        // A client created with a PAT is connected at once: it gets its OAuth token.
        if let Some(pat) = &input.pat {
            let token = new_token(&mut store, &id, pat, created_at);
            store.put(token);
        }
        let client = store.tables.clients.get(&id).expect("just added");
        let doc = json!({ "data": client_resource(client, &self.org, &store.tables, false) });
        Self::commit(&mut store, Reply::json(201, doc))
    }

    fn update_client(&self, req: &Request, id: &str) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let mut client = store.tables.clients.get(id).ok_or_else(not_found)?.clone();
        let provider = Provider::from_api_name(&client.service_provider);
        let update = rules::client_update(&body, provider, &store.tables)?;
        if let Some(pat) = &update.pat {
            rotate_pat(&mut store, id, pat);
        }
        if let Some(name) = update.name {
            client.name = name;
        }
        if let Some(key) = update.key {
            client.key = key;
        }
        if let Some(secret) = update.secret {
            client.secret_digest = secret.as_deref().map(|s| store.digest(s));
        }
        if let Some(rsa) = update.rsa_public_key {
            client.rsa_public_key = rsa;
        }
        if let Some(name) = update.ado_org_name {
            client.ado_org_name = name;
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
        let doc = json!({ "data": client_resource(&client, &self.org, &store.tables, false) });
        store.put(client);
        Self::commit(&mut store, Reply::json(200, doc))
    }

    fn delete_client(&self, id: &str) -> Outcome {
        let mut store = self.lock();
        if !store.tables.clients.contains(id) {
            return Err(not_found());
        }
        let tokens: Vec<String> = store.tables.tokens_of(id).map(|t| t.id.clone()).collect();
        for token in tokens {
            remove_token(&mut store, &token);
        }
        store.remove::<Client>(id);
        Self::commit(&mut store, Reply::no_content())
    }

    fn change_projects(&self, req: &Request, id: &str, add: bool) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let mut client = store.tables.clients.get(id).ok_or_else(not_found)?.clone();
        let ids = rules::project_list(&body, &store.tables)?;
        if add {
            for project in ids {
                if !client.projects.contains(&project) {
                    client.projects.push(project);
                }
            }
        } else {
            client.projects.retain(|p| !ids.contains(p));
        }
        store.put(client);
        Self::commit(&mut store, Reply::no_content())
    }

    fn list_client_tokens(&self, req: &Request, id: &str) -> Outcome {
        let affected = req.flag("show_affected_workspaces");
        let store = self.read();
        let tables = &store.tables;
        if !tables.clients.contains(id) {
            return Err(not_found());
        }
        let tokens: Vec<&Token> = tables.tokens_of(id).collect();
        let page = Page::or_everything(&req.query, tokens.len());
        let rows = tokens.iter().copied().skip(page.start()).take(page.size);
        let doc = list_reply(req, rows, tokens.len(), page, |t| {
            token_resource(t, tables, affected)
        });
        Ok(Reply::json(200, doc))
    }

    fn list_org_tokens(&self, req: &Request) -> Outcome {
        let affected = req.flag("show_affected_workspaces");
        let store = self.read();
        let tables = &store.tables;
        let provider = req.param("filter[provider]");
        let page;
        let doc = match provider {
            None => {
                page = Page::or_everything(&req.query, tables.tokens.len());
                let rows = tables.tokens.slice(page.start(), page.size);
                list_reply(req, rows, tables.tokens.len(), page, |t| {
                    token_resource(t, tables, affected)
                })
            }
            Some(p) => {
                let matching: Vec<&Token> = tables
                    .tokens
                    .iter()
                    .filter(|t| {
                        tables
                            .clients
                            .get(&t.client_id)
                            .is_some_and(|c| c.service_provider == p)
                    })
                    .collect();
                page = Page::or_everything(&req.query, matching.len());
                let rows = matching.iter().copied().skip(page.start()).take(page.size);
                list_reply(req, rows, matching.len(), page, |t| {
                    token_resource(t, tables, affected)
                })
            }
        };
        Ok(Reply::json(200, doc))
    }

    fn show_token(&self, req: &Request, id: &str) -> Outcome {
        let affected = req.flag("show_affected_workspaces");
        let store = self.read();
        let token = store.tables.tokens.get(id).ok_or_else(not_found)?;
        Ok(Reply::json(
            200,
            json!({ "data": token_resource(token, &store.tables, affected) }),
        ))
    }

    fn update_token(&self, req: &Request, id: &str) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let mut token = store.tables.tokens.get(id).ok_or_else(not_found)?.clone();
        if let Some(key) = rules::token_update(&body)? {
            token.ssh_key_digest = key.as_deref().map(|k| store.digest(k));
        }
        let doc = json!({ "data": token_resource(&token, &store.tables, false) });
        store.put(token);
        Self::commit(&mut store, Reply::json(200, doc))
    }

    fn delete_token(&self, id: &str) -> Outcome {
        let mut store = self.lock();
        if !remove_token(&mut store, id) {
            store.rollback();
            return Err(not_found());
        }
        Self::commit(&mut store, Reply::no_content())
    }
}

/// A new PAT replaces the stored one on the client's tokens (or connects a client that had
/// none), keeping their `created-at`; no new run is triggered, as on TFE.
fn rotate_pat(store: &mut Store, client_id: &str, pat: &str) {
    let tokens: Vec<Token> = store.tables.tokens_of(client_id).cloned().collect();
    if tokens.is_empty() {
        let token = new_token(store, client_id, pat, now_rfc3339());
        store.put(token);
    }
    for mut token in tokens {
        token.pat_digest = store.digest(pat);
        token.service_provider_user = service_provider_user(store, pat);
        // A new PAT is a new authorization: the VCS takes it again.
        token.vcs_revoked = false;
        store.put(token);
    }
}
