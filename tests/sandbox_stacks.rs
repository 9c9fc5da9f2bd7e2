//! The sandbox's Stacks (SPEC §9): `POST /stacks` in a project, show, the paginated list whose
//! items carry `vcs-repo`, PATCH with the branch rule (left out or empty: the repository's
//! default), the connection rules, unlinking when a connection is deleted, and the state file.

use crate::common::*;
use crate::sandbox_linked::{connection, installation, org_path, pointers, refused_connections};
use serde_json::{Value, json};

fn default_project(sandbox: &Sandbox) -> String {
    let list = sandbox.request("GET", &org_path(sandbox, "projects"), None);
    list.body["data"][0]["id"].as_str().unwrap().to_string()
}

fn stack_body(name: &str, project: &str, repo: Value) -> Value {
    json!({"data": {"type": "stacks", "attributes": {"name": name, "vcs-repo": repo},
           "relationships": {"project": {"data": {"type": "projects", "id": project}}}}})
}

fn create_stack(sandbox: &Sandbox, name: &str, repo: Value) -> Value {
    let project = default_project(sandbox);
    let reply = sandbox.request(
        "POST",
        "/api/v2/stacks",
        Some(&stack_body(name, &project, repo)),
    );
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body["data"].clone()
}

fn patch_repo(sandbox: &Sandbox, id: &str, repo: Value) -> Http {
    let body = json!({"data": {"type": "stacks", "attributes": {"vcs-repo": repo}}});
    sandbox.request("PATCH", &format!("/api/v2/stacks/{id}"), Some(&body))
}

#[test]
fn a_stack_is_created_in_a_project_with_its_vcs_repo_and_read_by_id() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let project = default_project(&sandbox);
    let org = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}", sandbox.org),
        None,
    );
    assert_eq!(org.body["data"]["attributes"]["stacks-enabled"], true);

    let stack = create_stack(
        &sandbox,
        "platform",
        json!({"identifier": "acme/platform", "oauth-token-id": token, "branch": "release"}),
    );
    let id = stack["id"].as_str().unwrap();
    assert!(
        id.starts_with("st-")
            && id.len() == 19
            && id[3..].chars().all(|c| c.is_ascii_alphanumeric()),
        "{id}"
    );
    assert_eq!(stack["type"], "stacks");
    assert_eq!(stack["attributes"]["name"], "platform");
    assert_eq!(
        stack["relationships"]["project"]["data"],
        json!({"type": "projects", "id": project})
    );
    assert_eq!(
        stack["attributes"]["vcs-repo"],
        json!({"identifier": "acme/platform", "display-identifier": "acme/platform",
               "branch": "release", "tags-regex": null, "sparse-checkout-pattern": null,
               "oauth-token-id": token, "repository-http-url": "https://github.com/acme/platform",
               "service-provider": "github", "trigger-disabled": false})
    );
    let shown = sandbox.request("GET", &format!("/api/v2/stacks/{id}"), None);
    assert_eq!(shown.status, 200);
    assert_eq!(shown.body["data"], stack);

    let plain = create_stack(&sandbox, "no-repo", Value::Null);
    assert_eq!(plain["attributes"]["vcs-repo"], Value::Null);
}

#[test]
fn stack_writes_follow_the_connection_project_and_name_rules() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let app = installation(&sandbox);
    let project = default_project(&sandbox);
    let cases = refused_connections(&token, &app);
    for (repo, pointer) in cases {
        let reply = sandbox.request(
            "POST",
            "/api/v2/stacks",
            Some(&stack_body("s", &project, repo.clone())),
        );
        assert_eq!(reply.status, 422, "{repo}");
        let detail = reply.body["errors"][0]["detail"].as_str().unwrap();
        assert!(
            detail.starts_with("VCS Connection Validation failed: "),
            "{repo}: {detail}"
        );
        assert!(
            pointers(&reply).contains(&pointer.to_string()),
            "{repo}: {:?}",
            reply.body
        );
    }
    let no_project = json!({"data": {"type": "stacks", "attributes": {"name": "s"}}});
    let reply = sandbox.request("POST", "/api/v2/stacks", Some(&no_project));
    assert_eq!(reply.status, 422);
    assert_eq!(pointers(&reply), ["/data/relationships/project"]);
    let reply = sandbox.request(
        "POST",
        "/api/v2/stacks",
        Some(&stack_body("s", "prj-doesnotexist0000", Value::Null)),
    );
    assert_eq!(reply.status, 422);
    assert_eq!(pointers(&reply), ["/data/relationships/project/data/id"]);
    let listed = sandbox.request("GET", &org_path(&sandbox, "stacks"), None);
    assert_eq!(
        listed.body["meta"]["pagination"]["total-count"], 0,
        "nothing refused was kept"
    );

    create_stack(&sandbox, "s", Value::Null);
    let reply = sandbox.request(
        "POST",
        "/api/v2/stacks",
        Some(&stack_body("s", &project, Value::Null)),
    );
    assert_eq!(reply.status, 422);
    assert_eq!(pointers(&reply), ["/data/attributes/name"]);
}

#[test]
fn a_stack_patch_without_its_branch_falls_back_to_the_default_branch() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    let (_, other) = connection(&sandbox);
    let app = installation(&sandbox);
    let stack = create_stack(
        &sandbox,
        "platform",
        json!({"identifier": "acme/platform", "oauth-token-id": token, "branch": "release", "tags-regex": "^v\\d+$"}),
    );
    let id = stack["id"].as_str().unwrap();
    let repo_of = |reply: &Http| {
        assert_eq!(reply.status, 200, "{:?}", reply.body);
        reply.body["data"]["attributes"]["vcs-repo"].clone()
    };

    let kept = repo_of(&patch_repo(
        &sandbox,
        id,
        json!({"identifier": "acme/platform", "branch": "release", "oauth-token-id": other}),
    ));
    assert_eq!(
        (kept["branch"].as_str(), kept["oauth-token-id"].as_str()),
        (Some("release"), Some(other.as_str()))
    );
    assert_eq!(
        kept["tags-regex"], "^v\\d+$",
        "tags-regex keeps its previous value"
    );

    let fallen = repo_of(&patch_repo(
        &sandbox,
        id,
        json!({"identifier": "acme/platform", "oauth-token-id": token}),
    ));
    assert_eq!(
        fallen["branch"], "",
        "left out: the repository's default branch"
    );
    assert_eq!(fallen["oauth-token-id"], token.as_str());

    repo_of(&patch_repo(
        &sandbox,
        id,
        json!({"identifier": "acme/platform", "branch": "release"}),
    ));
    let empty = repo_of(&patch_repo(
        &sandbox,
        id,
        json!({"identifier": "acme/platform", "branch": ""}),
    ));
    assert_eq!(empty["branch"], "", "sent empty: the default branch too");
    assert_eq!(
        empty["oauth-token-id"],
        token.as_str(),
        "no connection sent: the one it had"
    );

    let no_identifier = patch_repo(
        &sandbox,
        id,
        json!({"branch": "release", "oauth-token-id": token}),
    );
    assert_eq!(
        no_identifier.status, 422,
        "a Stack's identifier has no default"
    );
    assert_eq!(
        pointers(&no_identifier),
        ["/data/attributes/vcs-repo/identifier"]
    );
    let both = patch_repo(
        &sandbox,
        id,
        json!({"identifier": "a/b", "oauth-token-id": token, "github-app-installation-id": app}),
    );
    assert_eq!(both.status, 422);

    let on_app = repo_of(&patch_repo(
        &sandbox,
        id,
        json!({"identifier": "acme/platform", "branch": "release", "github-app-installation-id": app}),
    ));
    assert_eq!(on_app["github-app-installation-id"], app.as_str());
    assert_eq!(on_app["oauth-token-id"], Value::Null);
    assert_eq!(on_app["branch"], "release");

    let rename =
        json!({"data": {"type": "stacks", "attributes": {"name": "renamed", "description": "d"}}});
    let renamed = sandbox.request("PATCH", &format!("/api/v2/stacks/{id}"), Some(&rename));
    assert_eq!(renamed.body["data"]["attributes"]["name"], "renamed");
    assert_eq!(
        renamed.body["data"]["attributes"]["vcs-repo"]["branch"], "release",
        "no vcs-repo: kept"
    );

    let detached = repo_of(&patch_repo(&sandbox, id, Value::Null));
    assert_eq!(
        detached,
        Value::Null,
        "vcs-repo: null removes the repository"
    );

    let path = format!("/api/v2/stacks/{id}");
    assert_eq!(sandbox.request("DELETE", &path, None).status, 204);
    assert_eq!(sandbox.request("GET", &path, None).status, 404);
    assert_eq!(sandbox.request("PATCH", &path, Some(&rename)).status, 404);
}

#[test]
fn stack_lists_paginate_like_workspaces_and_carry_vcs_repo() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox);
    for i in 0..25 {
        create_stack(
            &sandbox,
            &format!("svc-{i:02}"),
            json!({"identifier": format!("acme/svc-{i:02}"), "oauth-token-id": token}),
        );
    }
    let first = sandbox.request("GET", &org_path(&sandbox, "stacks"), None);
    assert_eq!(first.status, 200);
    let items = first.body["data"].as_array().unwrap();
    assert_eq!(items.len(), 20, "no page parameters: the first 20");
    assert_eq!(
        items[0]["attributes"]["vcs-repo"]["identifier"],
        "acme/svc-00"
    );
    assert_eq!(first.body["meta"]["pagination"]["total-count"], 25);
    assert_eq!(first.body["meta"]["pagination"]["next-page"], 2);
    let second = sandbox.request(
        "GET",
        &format!(
            "{}?page%5Bnumber%5D=2&page%5Bsize%5D=20",
            org_path(&sandbox, "stacks")
        ),
        None,
    );
    let names: Vec<&str> = second.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["attributes"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["svc-20", "svc-21", "svc-22", "svc-23", "svc-24"]);
    let found = sandbox.request(
        "GET",
        &format!("{}?search%5Bname%5D=SVC-07", org_path(&sandbox, "stacks")),
        None,
    );
    assert_eq!(found.body["meta"]["pagination"]["total-count"], 1);
    let elsewhere = sandbox.request("GET", "/api/v2/organizations/elsewhere/stacks", None);
    assert_eq!(elsewhere.status, 404);
}

#[test]
fn deleting_a_token_or_client_unlinks_its_stacks_but_only_workspaces_are_reported() {
    let sandbox = Sandbox::start(&[]);
    let (client, token) = connection(&sandbox);
    let (_, other) = connection(&sandbox);
    let a = create_stack(
        &sandbox,
        "a",
        json!({"identifier": "acme/a", "oauth-token-id": token}),
    );
    let kept = create_stack(
        &sandbox,
        "b",
        json!({"identifier": "acme/b", "oauth-token-id": other}),
    );
    let shown = sandbox.request(
        "GET",
        &format!("/api/v2/oauth-clients/{client}?show_affected_workspaces=true"),
        None,
    );
    assert_eq!(
        shown.body["data"]["attributes"]["affected-workspaces-count"], 0,
        "Stacks are not workspaces"
    );
    assert_eq!(
        sandbox
            .request("DELETE", &format!("/api/v2/oauth-tokens/{token}"), None)
            .status,
        204
    );
    let stack_now = |s: &Value| {
        sandbox
            .request(
                "GET",
                &format!("/api/v2/stacks/{}", s["id"].as_str().unwrap()),
                None,
            )
            .body["data"]["attributes"]["vcs-repo"]
            .clone()
    };
    assert_eq!(stack_now(&a), Value::Null);
    assert_eq!(stack_now(&kept)["oauth-token-id"], other.as_str());
    let (client2, token2) = connection(&sandbox);
    let c = create_stack(
        &sandbox,
        "c",
        json!({"identifier": "acme/c", "oauth-token-id": token2}),
    );
    assert_eq!(
        sandbox
            .request("DELETE", &format!("/api/v2/oauth-clients/{client2}"), None)
            .status,
        204
    );
    assert_eq!(stack_now(&c), Value::Null);
}

#[test]
fn stacks_survive_a_restart_with_state() {
    let dir = TempDir::new();
    let state = dir.path().join("state.json");
    let args = ["--state", state.to_str().unwrap(), "--token", "t"];
    let mut first = Sandbox::start(&args);
    let (_, token) = connection(&first);
    let stack = create_stack(
        &first,
        "s",
        json!({"identifier": "a/b", "branch": "dev", "oauth-token-id": token}),
    );
    first.kill();
    let second = Sandbox::start(&args);
    let shown = second.request(
        "GET",
        &format!("/api/v2/stacks/{}", stack["id"].as_str().unwrap()),
        None,
    );
    assert_eq!(shown.body["data"], stack);
}
