//! `GET /oauth-tokens/:id/authorized-repos` (SPEC §9; an OpenAPI-only endpoint that asks the
//! VCS itself, `reference/tfe-api.md` §10.2): the sandbox has no VCS, so the repositories a
//! token can reach are those the resources linked through it name; a token `--load` marked
//! `"vcs": "revoked"` gets the 422 a VCS refusal gives. Pages carry `meta.next-page` only, as
//! the OpenAPI document describes.

use serde_json::{Value, json};

use super::{Api, Outcome, Request};
use crate::sandbox::documents::{Page, Reply, error, not_found};
use crate::sandbox::rows::VcsRepo;
use crate::sandbox::table::Tables;

/// What a VCS answers through TFE for a token whose authorization is gone.
pub(crate) const REFUSED: &str = "The VCS provider refused the OAuth token: its authorization was \
                           revoked or has expired. Reauthorize the connection or replace its \
                           personal access token.";

/// Every repository a linked resource names, kind by kind (a new kind of linked row adds its
/// table here).
fn linked_repos(tables: &Tables) -> impl Iterator<Item = &VcsRepo> {
    let workspaces = tables.workspaces.iter().filter_map(|w| w.vcs_repo.as_ref());
    let policy_sets = tables
        .policy_sets
        .iter()
        .filter_map(|p| p.vcs_repo.as_ref());
    let modules = tables.modules.iter().map(|m| &m.vcs_repo);
    workspaces.chain(policy_sets).chain(modules)
}

impl Api {
    pub(super) fn authorized_repos(&self, req: &Request, id: &str) -> Outcome {
        let store = self.read();
        let token = store.tables.tokens.get(id).ok_or_else(not_found)?;
        if token.vcs_revoked {
            return Err(error(422, "VCS provider error", Some(REFUSED)));
        }
        let mut seen = std::collections::HashSet::new();
        let repos: Vec<&VcsRepo> = linked_repos(&store.tables)
            .filter(|r| r.oauth_token_id.as_deref() == Some(id))
            .filter(|r| seen.insert(r.identifier.as_str()))
            .collect();
        let page = Page::requested(&req.query).unwrap_or(Page {
            number: 1,
            size: 20,
        });
        let data: Vec<Value> = repos
            .iter()
            .skip(page.start())
            .take(page.size)
            .map(|r| {
                json!({ "id": r.identifier, "type": "authorized-repos", "attributes": {
                    "name": r.identifier, "display-identifier": r.display_identifier } })
            })
            .collect();
        let next = (page.start().saturating_add(page.size) < repos.len()).then(|| page.number + 1);
        Ok(Reply::json(
            200,
            json!({ "data": data, "meta": { "next-page": next } }),
        ))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::RwLock;

    use super::*;
    use crate::sandbox::random::Rng;
    use crate::sandbox::rows::{Client, Token, Workspace};
    use crate::sandbox::store::Store;

    fn repo(identifier: &str, token: &str) -> VcsRepo {
        VcsRepo {
            identifier: identifier.into(),
            display_identifier: identifier.into(),
            branch: None,
            ingress_submodules: false,
            tags_regex: None,
            oauth_token_id: Some(token.into()),
            github_app_installation_id: None,
        }
    }

    /// A client with a working token (`ot-ok`, five workspaces on three repositories and one
    /// on another token) and a revoked one (`ot-revoked`).
    fn api() -> Api {
        let mut store = Store::open(None, Rng::new(1)).unwrap();
        store.put(Client {
            id: "oc-a".into(),
            name: None,
            service_provider: "github".into(),
            http_url: "https://github.com".into(),
            api_url: "https://api.github.com".into(),
            key: None,
            rsa_public_key: None,
            ado_org_name: None,
            organization_scoped: true,
            created_at: String::new(),
            uuid: String::new(),
            projects: Vec::new(),
            agent_pool: None,
            secret_digest: None,
            private_key_digest: None,
        });
        for (id, revoked) in [("ot-ok", false), ("ot-revoked", true), ("ot-other", false)] {
            store.put(Token {
                id: id.into(),
                client_id: "oc-a".into(),
                created_at: String::new(),
                service_provider_user: "u".into(),
                pat_digest: String::new(),
                ssh_key_digest: None,
                vcs_revoked: revoked,
            });
        }
        let project = store.tables.projects.iter().next().unwrap().id.clone();
        let linked = [
            ("acme/a", "ot-ok"),
            ("acme/b", "ot-ok"),
            ("acme/a", "ot-ok"),
            ("acme/x", "ot-other"),
            ("acme/c", "ot-ok"),
        ];
        for (i, (identifier, token)) in linked.into_iter().enumerate() {
            store.put(Workspace {
                id: format!("ws-{i}"),
                name: format!("w{i}"),
                description: None,
                project_id: project.clone(),
                auto_apply: false,
                execution_mode: "remote".into(),
                terraform_version: None,
                working_directory: None,
                vcs_repo: Some(repo(identifier, token)),
                created_at: String::new(),
                updated_at: String::new(),
            });
        }
        store.commit().unwrap();
        Api {
            org: "o".into(),
            store: RwLock::new(store),
        }
    }

    fn get(api: &Api, token: &str, query: &[(&str, &str)]) -> Reply {
        api.handle(&Request {
            method: "GET".into(),
            segments: ["oauth-tokens", token, "authorized-repos"]
                .map(String::from)
                .to_vec(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: String::new(),
            origin: String::new(),
        })
    }

    fn names(reply: &Reply) -> Vec<String> {
        reply.body.as_ref().unwrap()["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["attributes"]["name"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn the_repositories_its_resources_name_once_each_paged_with_next_page_only() {
        let api = api();
        let all = get(&api, "ot-ok", &[]);
        assert_eq!(all.status, 200);
        assert_eq!(names(&all), ["acme/a", "acme/b", "acme/c"]);
        let body = all.body.as_ref().unwrap();
        assert_eq!(body["data"][0]["type"], "authorized-repos");
        assert_eq!(
            body["data"][0]["attributes"]["display-identifier"],
            "acme/a"
        );
        assert_eq!(body["meta"], json!({"next-page": null}));
        let first = get(&api, "ot-ok", &[("page[size]", "2")]);
        assert_eq!(names(&first), ["acme/a", "acme/b"]);
        assert_eq!(first.body.as_ref().unwrap()["meta"]["next-page"], 2);
        let second = get(&api, "ot-ok", &[("page[size]", "2"), ("page[number]", "2")]);
        assert_eq!(names(&second), ["acme/c"]);
        assert_eq!(
            second.body.as_ref().unwrap()["meta"]["next-page"],
            Value::Null
        );
    }

    #[test]
    fn a_revoked_token_gets_the_vcs_refusal_and_an_unknown_one_404() {
        let api = api();
        let refused = get(&api, "ot-revoked", &[("page[size]", "1")]);
        assert_eq!(refused.status, 422);
        let error = &refused.body.as_ref().unwrap()["errors"][0];
        assert_eq!(error["status"], "422");
        assert_eq!(error["title"], "VCS provider error");
        assert_eq!(error["detail"], REFUSED);
        assert_eq!(get(&api, "ot-gone", &[]).status, 404);
    }
}
