//! The sandbox's resources that link a repository through a connection (SPEC §9, §10):
//! workspaces, policy sets, registry modules and the GitHub App installation, with the
//! `vcs-repo` rules, pagination, and unlinking when a connection is deleted.

use crate::common::*;
use serde_json::{Value, json};

pub fn org_path(sandbox: &Sandbox, rest: &str) -> String {
    format!("/api/v2/organizations/{}/{rest}", sandbox.org)
}

/// A GitHub client with its token: (client id, token id).
pub fn connection(sandbox: &Sandbox) -> (String, String) {
    let body = json!({"data": {"type": "oauth-clients", "attributes": {
        "service-provider": "github", "http-url": "https://github.com",
        "api-url": "https://api.github.com", "oauth-token-string": "pat-LINKED-1"}}});
    let reply = sandbox.request("POST", &org_path(sandbox, "oauth-clients"), Some(&body));
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    let data = &reply.body["data"];
    (
        data["id"].as_str().unwrap().to_string(),
        data["relationships"]["oauth-tokens"]["data"][0]["id"]
            .as_str()
            .unwrap()
            .to_string(),
    )
}

pub fn installation(sandbox: &Sandbox) -> String {
    let list = sandbox.request("GET", "/api/v2/github-app/installations", None);
    list.body["data"][0]["id"].as_str().unwrap().to_string()
}

fn workspace_body(name: &str, repo: Value) -> Value {
    json!({"data": {"type": "workspaces", "attributes": {"name": name, "vcs-repo": repo}}})
}

fn create_workspace(sandbox: &Sandbox, name: &str, repo: Value) -> Value {
    let reply = sandbox.request(
        "POST",
        &org_path(sandbox, "workspaces"),
        Some(&workspace_body(name, repo)),
    );
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body["data"].clone()
}

pub fn pointers(reply: &Http) -> Vec<String> {
    reply.body["errors"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .filter_map(|e| e["source"]["pointer"].as_str().map(String::from))
        .collect()
}

#[test]
fn a_workspace_created_with_a_vcs_repo_shows_every_member_tfe_sends() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let ws = create_workspace(
        &sandbox,
        "app-prod",
        json!({"identifier": "acme/app", "oauth-token-id": token, "branch": "main", "tags-regex": null}),
    );
    assert!(ws["id"].as_str().unwrap().starts_with("ws-"));
    let repo = &ws["attributes"]["vcs-repo"];
    assert_eq!(
        repo,
        &json!({
            "branch": "main", "identifier": "acme/app", "display-identifier": "acme/app",
            "ingress-submodules": false, "oauth-token-id": token,
            "github-app-installation-id": null, "tags-regex": null, "service-provider": "github",
            "repository-http-url": "https://github.com/acme/app",
            "webhook-url": repo["webhook-url"].clone(),
        })
    );
    assert!(
        repo["webhook-url"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    assert_eq!(ws["attributes"]["vcs-repo-identifier"], "acme/app");
    let id = ws["id"].as_str().unwrap();
    let by_id = sandbox.request("GET", &format!("/api/v2/workspaces/{id}"), None);
    let by_name = sandbox.request("GET", &org_path(&sandbox, "workspaces/app-prod"), None);
    assert_eq!(by_id.status, 200);
    assert_eq!(by_id.body, by_name.body);
    let plain = create_workspace(&sandbox, "plain", json!({}));
    assert_eq!(
        plain["attributes"]["vcs-repo"],
        Value::Null,
        "an empty vcs-repo is none"
    );
}

/// `vcs-repo`s every kind refuses with 422, each with the pointer its error names: a token or
/// installation that does not exist, both at once, neither, and no identifier.
pub fn refused_connections(token: &str, app: &str) -> [(Value, &'static str); 5] {
    [
        (
            json!({"identifier": "a/b", "oauth-token-id": "ot-doesnotexist0000"}),
            "/data/attributes/vcs-repo/oauth-token-id",
        ),
        (
            json!({"identifier": "a/b", "github-app-installation-id": "ghain-doesnotexist00"}),
            "/data/attributes/vcs-repo/github-app-installation-id",
        ),
        (
            json!({"identifier": "a/b", "oauth-token-id": token, "github-app-installation-id": app}),
            "/data/attributes/vcs-repo",
        ),
        (
            json!({"identifier": "a/b", "oauth-token-id": "", "github-app-installation-id": null}),
            "/data/attributes/vcs-repo/oauth-token-id",
        ),
        (
            json!({"oauth-token-id": token}),
            "/data/attributes/vcs-repo/identifier",
        ),
    ]
}

#[test]
fn vcs_repo_connection_rules_answer_422_with_a_pointer() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let app = installation(&sandbox);
    let cases = refused_connections(&token, &app);
    for (repo, pointer) in cases {
        let reply = sandbox.request(
            "POST",
            &org_path(&sandbox, "workspaces"),
            Some(&workspace_body("w", repo.clone())),
        );
        assert_eq!(reply.status, 422, "{repo}");
        assert!(
            pointers(&reply).contains(&pointer.to_string()),
            "{repo}: {:?}",
            reply.body
        );
    }
    // "" and null count as not given: one real connection beside them is fine.
    let ws = create_workspace(
        &sandbox,
        "ok",
        json!({"identifier": "a/b", "oauth-token-id": "", "github-app-installation-id": app}),
    );
    assert_eq!(
        ws["attributes"]["vcs-repo"]["github-app-installation-id"],
        app.as_str()
    );
    assert_eq!(ws["attributes"]["vcs-repo"]["oauth-token-id"], Value::Null);
    let listed = sandbox.request("GET", &org_path(&sandbox, "workspaces"), None);
    assert_eq!(
        listed.body["meta"]["pagination"]["total-count"], 1,
        "nothing refused was kept"
    );
    let taken = sandbox.request(
        "POST",
        &org_path(&sandbox, "workspaces"),
        Some(&workspace_body("ok", json!(null))),
    );
    assert_eq!(taken.status, 422);
    assert_eq!(pointers(&taken), ["/data/attributes/name"]);
}

#[test]
fn patch_keeps_unsent_members_relinks_and_null_detaches() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let app = installation(&sandbox);
    let ws = create_workspace(
        &sandbox,
        "w",
        json!({"identifier": "acme/app", "oauth-token-id": token, "branch": "dev", "ingress-submodules": true, "tags-regex": "v.*"}),
    );
    let path = format!("/api/v2/workspaces/{}", ws["id"].as_str().unwrap());
    let relink = json!({"data": {"type": "workspaces", "attributes": {"vcs-repo": {
        "identifier": "acme/app", "github-app-installation-id": app, "oauth-token-id": null}}}});
    let reply = sandbox.request("PATCH", &path, Some(&relink));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let repo = &reply.body["data"]["attributes"]["vcs-repo"];
    assert_eq!(repo["github-app-installation-id"], app.as_str());
    assert_eq!(repo["oauth-token-id"], Value::Null);
    assert_eq!(repo["branch"], "dev");
    assert_eq!(repo["ingress-submodules"], true);
    assert_eq!(repo["tags-regex"], "v.*");
    let rename = json!({"data": {"type": "workspaces", "attributes": {"name": "renamed"}}});
    let reply = sandbox.request("PATCH", &org_path(&sandbox, "workspaces/w"), Some(&rename));
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body["data"]["attributes"]["vcs-repo"]["identifier"],
        "acme/app"
    );
    assert_eq!(
        sandbox
            .request("GET", &org_path(&sandbox, "workspaces/w"), None)
            .status,
        404
    );
    let bad = json!({"data": {"type": "workspaces", "attributes": {"vcs-repo": {"oauth-token-id": "ot-doesnotexist0000"}}}});
    let reply = sandbox.request("PATCH", &path, Some(&bad));
    assert_eq!(reply.status, 422);
    let detach = json!({"data": {"type": "workspaces", "attributes": {"vcs-repo": null}}});
    let reply = sandbox.request("PATCH", &path, Some(&detach));
    assert_eq!(reply.body["data"]["attributes"]["vcs-repo"], Value::Null);
    assert_eq!(sandbox.request("DELETE", &path, None).status, 204);
    assert_eq!(sandbox.request("GET", &path, None).status, 404);
}

#[test]
fn a_workspace_reports_a_terraform_version_never_null() {
    let sandbox = Sandbox::start(&[]);
    let latest = create_workspace(&sandbox, "latest", json!({}));
    let version = latest["attributes"]["terraform-version"]
        .as_str()
        .expect("a version string, as TFE gives a new workspace the latest release");
    let parts: Vec<&str> = version.split('.').collect();
    assert!(
        parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()),
        "{version}"
    );
    let body = json!({"data": {"type": "workspaces", "attributes": {"name": "pinned", "terraform-version": "1.9.0"}}});
    let pinned = sandbox.request("POST", &org_path(&sandbox, "workspaces"), Some(&body));
    assert_eq!(
        pinned.body["data"]["attributes"]["terraform-version"],
        "1.9.0"
    );
    let listed = sandbox.request("GET", &org_path(&sandbox, "workspaces"), None);
    let versions: Vec<&Value> = listed.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| &w["attributes"]["terraform-version"])
        .collect();
    assert_eq!(versions, [&json!(version), &json!("1.9.0")]);
}

#[test]
fn a_module_vcs_repo_has_no_null_member() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let app = installation(&sandbox);
    let publish = |repo: Value| {
        let body = json!({"data": {"type": "registry-modules", "attributes": {"vcs-repo": repo}}});
        let reply = sandbox.request(
            "POST",
            &org_path(&sandbox, "registry-modules/vcs"),
            Some(&body),
        );
        assert_eq!(reply.status, 201, "{:?}", reply.body);
        reply.body["data"]["attributes"]["vcs-repo"].clone()
    };
    let keys = |repo: &Value| -> Vec<String> {
        let mut keys: Vec<String> = repo.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let shared = [
        "branch",
        "display-identifier",
        "identifier",
        "ingress-submodules",
        "repository-http-url",
        "service-provider",
        "tags",
        "webhook-url",
    ];
    let with = |connection: &str| {
        let mut keys: Vec<String> = shared.iter().map(|k| k.to_string()).collect();
        keys.push(connection.into());
        keys.sort();
        keys
    };
    let tags = publish(json!({"identifier": "acme/terraform-aws-vpc",
        "display-identifier": "acme/terraform-aws-vpc", "oauth-token-id": token}));
    assert_eq!(keys(&tags), with("oauth-token-id"), "{tags}");
    assert_eq!(
        tags["branch"], "",
        "tag-based: the branch is empty, as TFE shows it"
    );
    assert_eq!(tags["tags"], true);
    let branch = publish(json!({"identifier": "acme/terraform-aws-dns",
        "display-identifier": "acme/terraform-aws-dns", "github-app-installation-id": app,
        "branch": "main"}));
    assert_eq!(
        keys(&branch),
        with("github-app-installation-id"),
        "{branch}"
    );
    assert_eq!(
        (&branch["branch"], &branch["tags"]),
        (&json!("main"), &json!(false))
    );
    let shown = sandbox.request(
        "GET",
        &org_path(
            &sandbox,
            &format!("registry-modules/private/{}/dns/aws", sandbox.org),
        ),
        None,
    );
    assert_eq!(shown.body["data"]["attributes"]["vcs-repo"], branch);
}

#[test]
fn workspace_lists_always_paginate_and_search_by_name() {
    let sandbox = Sandbox::start(&[]);
    for i in 0..25 {
        create_workspace(&sandbox, &format!("svc-{i:02}"), Value::Null);
    }
    create_workspace(&sandbox, "Other-API", Value::Null);
    let first = sandbox.request("GET", &org_path(&sandbox, "workspaces"), None);
    assert_eq!(
        first.body["data"].as_array().unwrap().len(),
        20,
        "no page parameters: the first 20"
    );
    assert_eq!(first.body["meta"]["pagination"]["total-count"], 26);
    assert_eq!(first.body["meta"]["pagination"]["next-page"], 2);
    let second = sandbox.request(
        "GET",
        &format!(
            "{}?page%5Bnumber%5D=2&page%5Bsize%5D=20",
            org_path(&sandbox, "workspaces")
        ),
        None,
    );
    assert_eq!(second.body["data"].as_array().unwrap().len(), 6);
    let found = sandbox.request(
        "GET",
        &format!("{}?search%5Bname%5D=api", org_path(&sandbox, "workspaces")),
        None,
    );
    let names: Vec<&str> = found.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["attributes"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Other-API"]);
    assert_eq!(found.body["meta"]["pagination"]["total-count"], 1);
    assert!(
        found.body["links"]["next"].is_null()
            && found.body["links"]["self"]
                .as_str()
                .unwrap()
                .contains("search%5Bname%5D=api")
    );
}

#[test]
fn deleting_a_token_or_client_unlinks_its_workspaces_and_reports_them_first() {
    let sandbox = Sandbox::start(&[]);
    let (client, token) = connection(&sandbox);
    let (_, other) = connection(&sandbox);
    let repo = |t: &str| json!({"identifier": "acme/app", "oauth-token-id": t});
    let a = create_workspace(&sandbox, "a", repo(&token));
    create_workspace(&sandbox, "b", repo(&token));
    let kept = create_workspace(&sandbox, "c", repo(&other));
    let shown = sandbox.request(
        "GET",
        &format!("/api/v2/oauth-clients/{client}?show_affected_workspaces=true"),
        None,
    );
    assert_eq!(
        shown.body["data"]["attributes"]["affected-workspaces"],
        json!(["a", "b"])
    );
    assert_eq!(
        shown.body["data"]["attributes"]["affected-workspaces-count"],
        2
    );
    let token_shown = sandbox.request(
        "GET",
        &format!("/api/v2/oauth-tokens/{token}?show_affected_workspaces=true"),
        None,
    );
    assert_eq!(
        token_shown.body["data"]["attributes"]["affected-workspaces-count"],
        2
    );
    assert_eq!(
        sandbox
            .request("DELETE", &format!("/api/v2/oauth-tokens/{token}"), None)
            .status,
        204
    );
    let a_now = sandbox.request(
        "GET",
        &format!("/api/v2/workspaces/{}", a["id"].as_str().unwrap()),
        None,
    );
    assert_eq!(a_now.body["data"]["attributes"]["vcs-repo"], Value::Null);
    let (client2, token2) = connection(&sandbox);
    let d = create_workspace(&sandbox, "d", repo(&token2));
    assert_eq!(
        sandbox
            .request("DELETE", &format!("/api/v2/oauth-clients/{client2}"), None)
            .status,
        204
    );
    let d_now = sandbox.request(
        "GET",
        &format!("/api/v2/workspaces/{}", d["id"].as_str().unwrap()),
        None,
    );
    assert_eq!(d_now.body["data"]["attributes"]["vcs-repo"], Value::Null);
    let c_now = sandbox.request(
        "GET",
        &format!("/api/v2/workspaces/{}", kept["id"].as_str().unwrap()),
        None,
    );
    assert_eq!(
        c_now.body["data"]["attributes"]["vcs-repo"]["oauth-token-id"],
        other.as_str()
    );
}

#[test]
fn the_token_sees_one_github_app_installation() {
    let sandbox = Sandbox::start(&[]);
    let list = sandbox.request("GET", "/api/v2/github-app/installations", None);
    assert_eq!(list.status, 200);
    let items = list.body["data"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    let id = item["id"].as_str().unwrap();
    assert!(id.starts_with("ghain-") && id.len() == 22, "{id}");
    assert_eq!(item["type"], "github-app-installations");
    let number = item["attributes"]["installation-id"].as_u64().unwrap();
    for key in ["name", "installation-type", "installation-url"] {
        assert!(item["attributes"][key].is_string(), "{key}");
    }
    let shown = sandbox.request(
        "GET",
        &format!("/api/v2/github-app/installation/{id}"),
        None,
    );
    assert_eq!(shown.body["data"], *item);
    let by_number = sandbox.request(
        "GET",
        &format!("/api/v2/github-app/installations?filter%5Binstallation_id%5D={number}"),
        None,
    );
    assert_eq!(by_number.body["data"].as_array().unwrap().len(), 1);
    let by_name = sandbox.request(
        "GET",
        "/api/v2/github-app/installations?filter%5Bname%5D=nobody",
        None,
    );
    assert_eq!(by_name.body["data"], json!([]));
    assert_eq!(
        sandbox
            .request(
                "GET",
                "/api/v2/github-app/installation/ghain-doesnotexist00",
                None
            )
            .status,
        404
    );
}

#[test]
fn projects_filter_by_names_and_post_creates_one() {
    let sandbox = Sandbox::start(&[]);
    let body = json!({"data": {"type": "projects", "attributes": {"name": "Platform"}}});
    let created = sandbox.request("POST", &org_path(&sandbox, "projects"), Some(&body));
    assert_eq!(created.status, 201, "{:?}", created.body);
    assert!(
        created.body["data"]["id"]
            .as_str()
            .unwrap()
            .starts_with("prj-")
    );
    assert_eq!(
        sandbox
            .request("POST", &org_path(&sandbox, "projects"), Some(&body))
            .status,
        422
    );
    let found = sandbox.request(
        "GET",
        &format!(
            "{}?filter%5Bnames%5D=Platform",
            org_path(&sandbox, "projects")
        ),
        None,
    );
    let items = found.body["data"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], created.body["data"]["id"]);
    let all = sandbox.request("GET", &org_path(&sandbox, "projects"), None);
    assert_eq!(all.body["data"].as_array().unwrap().len(), 2);
}

fn policy_set_body(name: &str, repo: Value) -> Value {
    json!({"data": {"type": "policy-sets", "attributes": {"name": name, "kind": "sentinel", "vcs-repo": repo}}})
}

#[test]
fn policy_sets_with_a_vcs_repo_are_created_repointed_listed_and_deleted() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let app = installation(&sandbox);
    let created = sandbox.request(
        "POST",
        &org_path(&sandbox, "policy-sets"),
        Some(&policy_set_body(
            "guards",
            json!({"identifier": "acme/policies", "branch": "main", "oauth-token-id": token}),
        )),
    );
    assert_eq!(created.status, 201, "{:?}", created.body);
    let set = &created.body["data"];
    let id = set["id"].as_str().unwrap();
    assert!(id.starts_with("polset-") && id.len() == 23);
    assert_eq!(set["attributes"]["vcs-repo"]["identifier"], "acme/policies");
    assert_eq!(
        set["attributes"]["vcs-repo"]["oauth-token-id"],
        token.as_str()
    );
    assert_eq!(set["attributes"]["versioned"], true);
    let plain = sandbox.request(
        "POST",
        &org_path(&sandbox, "policy-sets"),
        Some(&json!({"data": {"type": "policy-sets", "attributes": {"name": "plain"}}})),
    );
    assert!(
        plain.body["data"]["attributes"].get("vcs-repo").is_none(),
        "a set without a repository has no vcs-repo key"
    );
    let missing = sandbox.request(
        "POST",
        &org_path(&sandbox, "policy-sets"),
        Some(&policy_set_body(
            "bad",
            json!({"identifier": "a/b", "oauth-token-id": "ot-doesnotexist0000"}),
        )),
    );
    assert_eq!(missing.status, 422);
    assert_eq!(
        pointers(&missing),
        ["/data/attributes/vcs-repo/oauth-token-id"]
    );
    let relink = json!({"data": {"type": "policy-sets", "attributes": {"vcs-repo": {
        "identifier": "acme/policies", "github-app-installation-id": app, "oauth-token-id": null}}}});
    let path = format!("/api/v2/policy-sets/{id}");
    let patched = sandbox.request("PATCH", &path, Some(&relink));
    assert_eq!(patched.status, 200);
    let repo = &patched.body["data"]["attributes"]["vcs-repo"];
    assert_eq!(repo["github-app-installation-id"], app.as_str());
    assert_eq!(repo["oauth-token-id"], Value::Null);
    assert_eq!(repo["branch"], "main");
    let list = sandbox.request("GET", &org_path(&sandbox, "policy-sets"), None);
    assert_eq!(list.body["meta"]["pagination"]["total-count"], 2);
    let versioned = sandbox.request(
        "GET",
        &format!(
            "{}?filter%5Bversioned%5D=true",
            org_path(&sandbox, "policy-sets")
        ),
        None,
    );
    assert_eq!(versioned.body["data"][0]["id"], id);
    assert_eq!(versioned.body["meta"]["pagination"]["total-count"], 1);
    assert_eq!(sandbox.request("DELETE", &path, None).status, 204);
    assert_eq!(sandbox.request("GET", &path, None).status, 404);
}

#[test]
fn registry_modules_from_vcs_list_without_vcs_repo_and_repoint_by_path() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let app = installation(&sandbox);
    let body = |identifier: &str, display: Option<&str>| {
        let mut repo = json!({"identifier": identifier, "oauth-token-id": token, "branch": "main"});
        if let Some(d) = display {
            repo["display-identifier"] = json!(d);
        }
        json!({"data": {"type": "registry-modules", "attributes": {"vcs-repo": repo}}})
    };
    let create_path = org_path(&sandbox, "registry-modules/vcs");
    let created = sandbox.request(
        "POST",
        &create_path,
        Some(&body(
            "acme/terraform-aws-ec2-instance",
            Some("acme/terraform-aws-ec2-instance"),
        )),
    );
    assert_eq!(created.status, 201, "{:?}", created.body);
    let module = &created.body["data"];
    assert!(module["id"].as_str().unwrap().starts_with("mod-"));
    assert_eq!(module["attributes"]["name"], "ec2-instance");
    assert_eq!(module["attributes"]["provider"], "aws");
    assert_eq!(module["attributes"]["namespace"], sandbox.org.as_str());
    assert_eq!(module["attributes"]["registry-name"], "private");
    assert_eq!(
        module["attributes"]["vcs-repo"]["oauth-token-id"],
        token.as_str()
    );
    for (bad, pointer) in [
        (
            body("acme/terraform-aws-ec2-instance", Some("x")),
            "/data/attributes/name",
        ),
        (
            body("acme/not-a-module", Some("x")),
            "/data/attributes/vcs-repo/identifier",
        ),
        (
            body("acme/terraform-aws-vpc", None),
            "/data/attributes/vcs-repo/display-identifier",
        ),
    ] {
        let reply = sandbox.request("POST", &create_path, Some(&bad));
        assert_eq!(reply.status, 422, "{bad}");
        assert_eq!(pointers(&reply), [pointer], "{bad}");
    }
    let list = sandbox.request("GET", &org_path(&sandbox, "registry-modules"), None);
    let item = &list.body["data"][0];
    assert_eq!(item["id"], module["id"]);
    assert!(
        item["attributes"].get("vcs-repo").is_none(),
        "list items carry no vcs-repo"
    );
    assert_eq!(list.body["meta"]["pagination"]["total-count"], 1);
    let path = org_path(
        &sandbox,
        &format!("registry-modules/private/{}/ec2-instance/aws", sandbox.org),
    );
    let shown = sandbox.request("GET", &path, None);
    assert_eq!(
        shown.body["data"]["attributes"]["vcs-repo"]["identifier"],
        "acme/terraform-aws-ec2-instance"
    );
    let relink = json!({"data": {"type": "registry-modules", "attributes": {"vcs-repo": {
        "identifier": "acme/terraform-aws-ec2-instance", "branch": "main",
        "github-app-installation-id": app, "oauth-token-id": null}}}});
    let patched = sandbox.request("PATCH", &format!("{path}/"), Some(&relink));
    assert_eq!(patched.status, 200, "{:?}", patched.body);
    let repo = &patched.body["data"]["attributes"]["vcs-repo"];
    assert_eq!(repo["github-app-installation-id"], app.as_str());
    assert!(repo.get("oauth-token-id").is_none(), "{repo}");
    assert_eq!(
        repo["display-identifier"],
        "acme/terraform-aws-ec2-instance"
    );
    let bad = json!({"data": {"type": "registry-modules", "attributes": {"vcs-repo": {"oauth-token-id": "ot-doesnotexist0000"}}}});
    assert_eq!(sandbox.request("PATCH", &path, Some(&bad)).status, 422);
    let other_namespace = path.replace(&format!("private/{}/", sandbox.org), "private/someone/");
    assert_eq!(sandbox.request("GET", &other_namespace, None).status, 404);
    assert_eq!(sandbox.request("DELETE", &path, None).status, 204);
    assert_eq!(sandbox.request("GET", &path, None).status, 404);
}

#[test]
fn linked_resources_survive_a_restart_with_state() {
    let dir = TempDir::new();
    let state = dir.path().join("state.json");
    let args = ["--state", state.to_str().unwrap(), "--token", "t"];
    let mut first = Sandbox::start(&args);
    let (_, token) = connection(&first);
    let app = installation(&first);
    let ws = create_workspace(
        &first,
        "w",
        json!({"identifier": "a/b", "oauth-token-id": token}),
    );
    first.kill();
    let second = Sandbox::start(&args);
    assert_eq!(installation(&second), app, "the installation is kept");
    let shown = second.request(
        "GET",
        &format!("/api/v2/workspaces/{}", ws["id"].as_str().unwrap()),
        None,
    );
    assert_eq!(
        shown.body["data"]["attributes"]["vcs-repo"]["oauth-token-id"],
        token.as_str()
    );
}

/// Runs `tfvcs` at the sandbox with `args`, stdout to a file; returns its exit code, its stdout
/// and its peak resident memory in KiB: `VmHWM` of its own memory, read every few milliseconds
/// while it runs. (The kernel's `ru_maxrss` would also count this test binary's memory, which
/// the child shares until it starts tfvcs.)
#[cfg(target_os = "linux")]
fn peak_memory(sandbox: &Sandbox, args: &[&str]) -> (i32, String, u64) {
    let env = TestEnv::sandbox(sandbox);
    let out = env.home().path().join("stdout");
    let mut child = env
        .process()
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        let hwm = std::fs::read_to_string(&status_file)
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
        peak = peak.max(hwm.unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let stdout = std::fs::read_to_string(&out).unwrap();
    (status.code().unwrap_or(-1), stdout, peak)
}

/// SPEC §4 "Memory": a usage walk keeps only what matches. Over 10,000 workspaces (100
/// pages, one match) it stays under 32 MiB; holding every workspace took over 100 MiB.
/// (Lists of 100,000 in every `-o` are measured by `scripts/bench.sh scale_memory`.)
#[cfg(target_os = "linux")]
#[test]
fn a_usage_walk_of_10000_workspaces_keeps_only_what_matches() {
    let sandbox = Sandbox::start(&["--populate", "10000", "--rate-limit", "1000"]);
    let first = sandbox.request(
        "GET",
        &org_path(&sandbox, "workspaces?page%5Bsize%5D=1"),
        None,
    );
    let token = first.body["data"][0]["attributes"]["vcs-repo"]["oauth-token-id"]
        .as_str()
        .unwrap()
        .to_string();
    let (code, stdout, peak) = peak_memory(
        &sandbox,
        &["token", "usage", &token, "--kind", "workspace", "-o", "id"],
    );
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        peak < 32 * 1024,
        "token usage over 10,000 workspaces: {peak} KiB"
    );
}
