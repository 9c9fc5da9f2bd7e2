//! Resources shaped like TFE's documented samples, and a builder mocking the organization's
//! list of every kind, each page expected exactly once.

use mockito::{Matcher, Mock, ServerGuard};
use serde_json::{Value, json};

use crate::common::*;

pub const FROM: &str = "ot-hmAyP66qk2AMVdbJ";
pub const TO: &str = "ot-29t7xkUKiNC2XasL";
pub const OTHER: &str = "ot-7Fr9d83jWsi8u23A";
pub const APP: &str = "ghain-BYrbNeGQ8nAzKouu";
pub const ORGANIZATION: &str = "/api/v2/organizations/my-organization";
pub const WORKSPACES: &str = "/api/v2/organizations/my-organization/workspaces";
pub const POLICY_SETS: &str = "/api/v2/organizations/my-organization/policy-sets";
pub const MODULES: &str = "/api/v2/organizations/my-organization/registry-modules";
pub const STACKS: &str = "/api/v2/organizations/my-organization/stacks";

/// Runs tfvcs against `url` with `args`.
#[must_use]
pub fn run(url: &str, args: &[&str]) -> Run {
    TestEnv::server(url).run(args)
}

/// Runs tfvcs (stdin: `stdin`) against a server that must receive no request at all; checks
/// the exit code and that stderr holds `message`.
pub fn refused_before_sending(args: &[&str], stdin: &str, code: i32, message: &str) {
    let mut server = mockito::Server::new();
    let mocks: Vec<Mock> = ["GET", "POST", "PATCH", "DELETE"]
        .into_iter()
        .map(|m| server.mock(m, Matcher::Any).expect(0).create())
        .collect();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd.args(args).write_stdin(stdin).output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(
        err.contains(message),
        "{args:?}: expected {message:?} in {err}"
    );
    mocks.iter().for_each(Mock::assert);
}

/// The documented workspace, with this id, name, connection and branch.
pub fn workspace(id: &str, name: &str, connection: &str, branch: &str) -> Value {
    let mut ws = fixture("workspace_with_vcs.json")["data"].clone();
    ws["id"] = json!(id);
    ws["attributes"]["name"] = json!(name);
    let repo = &mut ws["attributes"]["vcs-repo"];
    repo["branch"] = json!(branch);
    if connection.starts_with("ghain-") {
        repo["oauth-token-id"] = Value::Null;
        repo["github-app-installation-id"] = json!(connection);
    } else {
        repo["oauth-token-id"] = json!(connection);
    }
    ws
}

pub fn unlinked_workspace(id: &str, name: &str) -> Value {
    let mut ws = workspace(id, name, FROM, "");
    ws["attributes"]["vcs-repo"] = Value::Null;
    ws
}

/// The documented VCS policy set, with this id, name and token.
pub fn policy_set(id: &str, name: &str, token: &str) -> Value {
    let mut set = fixture("policy_set_list_response.json")["data"][0].clone();
    set["id"] = json!(id);
    set["attributes"]["name"] = json!(name);
    set["attributes"]["vcs-repo"]["oauth-token-id"] = json!(token);
    set
}

/// A private module as the list shows it: no `vcs-repo` key.
pub fn module_item(id: &str, name: &str, provider: &str) -> Value {
    let mut module = fixture("registry_module_list_response.json")["data"][0].clone();
    module["id"] = json!(id);
    module["attributes"]["name"] = json!(name);
    module["attributes"]["provider"] = json!(provider);
    module
}

/// The same module as its own GET returns it, linked through `token`.
pub fn module(id: &str, name: &str, provider: &str, token: &str) -> Value {
    let mut module = fixture("registry_module_show_response.json")["data"].clone();
    module["id"] = json!(id);
    module["attributes"]["name"] = json!(name);
    module["attributes"]["provider"] = json!(provider);
    module["attributes"]["status"] = json!("setup_complete");
    let repo = &mut module["attributes"]["vcs-repo"];
    repo["identifier"] = json!(format!("lafentres/terraform-{provider}-{name}"));
    repo["display-identifier"] = json!(format!("lafentres/terraform-{provider}-{name}"));
    repo["oauth-token-id"] = json!(token);
    module
}

/// A Stack as the list and its own GET show it, with the `vcs-repo` members of
/// `reference/tfe-api.md` §10.1, linked through `connection` (an `ot-…` or `ghain-…`).
pub fn stack(id: &str, name: &str, connection: &str, branch: &str) -> Value {
    let mut repo = json!({
        "identifier": "acme/platform", "display-identifier": "acme/platform",
        "branch": branch, "tags-regex": null, "sparse-checkout-pattern": null,
        "oauth-token-id": connection,
        "repository-http-url": "https://github.com/acme/platform",
        "service-provider": "github", "trigger-disabled": false,
    });
    if connection.starts_with("ghain-") {
        repo["oauth-token-id"] = Value::Null;
        repo["github-app-installation-id"] = json!(connection);
    }
    json!({
        "id": id, "type": "stacks",
        "attributes": {
            "name": name, "description": null, "speculative-enabled": false,
            "creation-source": "app", "upstream-count": 0, "downstream-count": 0,
            "vcs-repo": repo,
            "created-at": "2026-03-02T10:00:00.000Z", "updated-at": "2026-03-02T10:00:00.000Z",
        },
        "relationships": {"project": {"data": {"id": "prj-kFjgSzcZSr5c3imE", "type": "projects"}}},
        "links": {"self": format!("/api/v2/stacks/{id}")},
    })
}

/// `GET /organizations/my-organization` answered with `stacks-enabled` (`None`: no such
/// attribute, as an older TFE answers), expected `times` (mocked before [`reads_first`], it is
/// answered first).
pub fn organization(server: &mut ServerGuard, stacks_enabled: Option<bool>, times: usize) -> Mock {
    let mut attributes = json!({"name": "my-organization", "email": "admin@example.com"});
    if let Some(enabled) = stacks_enabled {
        attributes["stacks-enabled"] = json!(enabled);
    }
    server
        .mock("GET", ORGANIZATION)
        .match_query(Matcher::Missing)
        .with_status(200)
        .with_body(
            json!({"data": {"id": "my-organization", "type": "organizations", "attributes": attributes}})
                .to_string(),
        )
        .expect(times)
        .create()
}

pub fn module_path(name: &str, provider: &str) -> String {
    format!("{MODULES}/private/my-organization/{name}/{provider}")
}

/// Every page of a list of `items` (100 a page), each expected exactly once.
pub fn list(server: &mut ServerGuard, path: &str, items: &[Value]) -> Vec<Mock> {
    let total = items.len() as u64;
    let pages = total.div_ceil(100).max(1);
    (1..=pages)
        .map(|n| {
            let chunk: Vec<Value> = items
                .iter()
                .skip(((n - 1) * 100) as usize)
                .take(100)
                .cloned()
                .collect();
            server
                .mock("GET", path)
                .match_query(Matcher::Exact(page_query("", n)))
                .match_header("authorization", format!("Bearer {TOKEN}").as_str())
                .with_status(200)
                .with_body(page(chunk, n, pages, total))
                .expect(1)
                .create()
        })
        .collect()
}

/// A GET of `path` answered with `{"data": resource}`.
fn read(server: &mut ServerGuard, path: &str, resource: &Value) -> Mock {
    server
        .mock("GET", path)
        .match_query(Matcher::Missing)
        .with_status(200)
        .with_body(json!({ "data": resource }).to_string())
}

/// A single GET answered with `{"data": resource}`, expected once.
pub fn get(server: &mut ServerGuard, path: &str, resource: &Value) -> Mock {
    read(server, path, resource).expect(1).create()
}

/// The GET that reads one resource again right before a relink PATCHes it: at most once (a
/// resource that is not relinked is not read).
pub fn reread(server: &mut ServerGuard, path: &str, resource: &Value) -> Mock {
    read(server, path, resource).expect_at_most(1).create()
}

/// What `usage`, `relink` and a delete read before walking: the organization (at least
/// once; it has Stacks enabled), and any `ot-…` or `ghain-…` given (each exists, unless a
/// test mocks its own answer, which then comes first).
pub fn reads_first(server: &mut ServerGuard) -> Vec<Mock> {
    let mut mocks = vec![
        server
            .mock("GET", ORGANIZATION)
            .match_query(Matcher::Missing)
            .with_status(200)
            .with_body(
                json!({"data": {"id": "my-organization", "type": "organizations",
                                "attributes": {"stacks-enabled": true}}})
                .to_string(),
            )
            .expect_at_least(1)
            .create(),
    ];
    for (path, kind) in [
        ("/api/v2/oauth-tokens/ot-[A-Za-z0-9]+$", "oauth-tokens"),
        (
            "/api/v2/github-app/installation/ghain-[A-Za-z0-9]+$",
            "github-app-installations",
        ),
    ] {
        mocks.push(
            server
                .mock("GET", Matcher::Regex(path.into()))
                .with_status(200)
                .with_body(json!({"data": {"id": "x", "type": kind}}).to_string())
                .expect_at_least(0)
                .create(),
        );
    }
    mocks
}

/// The organization's lists, one per kind of linked resource, each empty unless given:
/// `workspaces`, `policy_sets`, `modules` as listed (without `vcs-repo`) with each module's
/// own GET, and `stacks`, behind the organization's read saying `stacks-enabled: true`.
/// Every kind is mocked, so a walk that lists a kind not given here still finds an empty
/// list, and one that skips a kind fails `assert`. Each resource may be read once more (a
/// relink reads it again right before its PATCH).
#[derive(Default)]
pub struct Org {
    workspaces: Vec<Value>,
    policy_sets: Vec<Value>,
    modules: Vec<Value>,
    stacks: Vec<Value>,
    /// The lists and module reads.
    pub mocks: Vec<Mock>,
    /// What is read before the walk ([`reads_first`]).
    reads: Vec<Mock>,
    /// The reads of each resource right before its PATCH (at most once each).
    pub rereads: Vec<Mock>,
}

impl Org {
    pub fn workspaces(mut self, workspaces: &[Value]) -> Org {
        self.workspaces = workspaces.to_vec();
        self
    }

    pub fn policy_sets(mut self, policy_sets: &[Value]) -> Org {
        self.policy_sets = policy_sets.to_vec();
        self
    }

    pub fn modules(mut self, modules: &[Value]) -> Org {
        self.modules = modules.to_vec();
        self
    }

    pub fn stacks(mut self, stacks: &[Value]) -> Org {
        self.stacks = stacks.to_vec();
        self
    }

    /// Mocks the organization's own GET (read before any walk, saying `stacks-enabled`),
    /// every list (and each module's GET) on `server`, each page expected once.
    pub fn mock(mut self, server: &mut ServerGuard) -> Org {
        self.reads = reads_first(server);
        let mut mocks = list(server, WORKSPACES, &self.workspaces);
        mocks.extend(list(server, POLICY_SETS, &self.policy_sets));
        let items: Vec<Value> = self
            .modules
            .iter()
            .map(|m| {
                let mut item = m.clone();
                item["attributes"]
                    .as_object_mut()
                    .unwrap()
                    .remove("vcs-repo");
                item
            })
            .collect();
        mocks.extend(list(server, MODULES, &items));
        for m in &self.modules {
            let path = module_path(
                m["attributes"]["name"].as_str().unwrap(),
                m["attributes"]["provider"].as_str().unwrap(),
            );
            mocks.push(get(server, &path, m));
            self.rereads.push(reread(server, &path, m));
        }
        for (collection, resources) in [
            ("workspaces", &self.workspaces),
            ("policy-sets", &self.policy_sets),
            ("stacks", &self.stacks),
        ] {
            for r in resources {
                let path = format!("/api/v2/{collection}/{}", r["id"].as_str().unwrap());
                self.rereads.push(reread(server, &path, r));
            }
        }
        mocks.extend(list(server, STACKS, &self.stacks));
        self.mocks = mocks;
        self
    }

    pub fn assert(&self) {
        for mock in self.mocks.iter().chain(&self.reads).chain(&self.rereads) {
            mock.assert();
        }
    }
}

/// No PATCH at all may reach the server.
pub fn no_patch(server: &mut ServerGuard) -> Mock {
    server.mock("PATCH", Matcher::Any).expect(0).create()
}

/// A connection read first (`GET path`, answered with `resource`) that nothing in the
/// organization uses: what a delete reads and walks before it asks or sends (SPEC §3).
pub fn unused(server: &mut ServerGuard, path: &str, resource: &Value) -> Org {
    let mut org = Org::default().mock(server);
    org.mocks.push(get(server, path, resource));
    org
}

/// `GET path` answered 404 once: an id that does not exist (mocked after [`reads_first`],
/// it is answered first).
pub fn gone(server: &mut ServerGuard, path: &str) -> Mock {
    server
        .mock("GET", path)
        .with_status(404)
        .with_body(r#"{"errors":[{"status":"404","title":"not found"}]}"#)
        .expect(1)
        .create()
}

/// The lines of a relink journal, parsed.
pub fn journal_lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
