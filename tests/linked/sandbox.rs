//! End to end against `tfvcs sandbox`: workspaces, a policy set, a module and a Stack created
//! on one token are found by `usage`, moved by `relink`, and gone from `usage` afterwards;
//! then moved on to the sandbox's GitHub App installation.

use serde_json::{Value, json};

use crate::common::*;

fn org_path(sandbox: &Sandbox, rest: &str) -> String {
    format!("/api/v2/organizations/{}/{rest}", sandbox.org)
}

/// A GitHub connection named `name`: (client id, token id).
fn connection(sandbox: &Sandbox, name: &str) -> (String, String) {
    let body = json!({"data": {"type": "oauth-clients", "attributes": {
        "name": name, "service-provider": "github", "http-url": "https://github.com",
        "api-url": "https://api.github.com", "oauth-token-string": "pat-E2E-CANARY-5c1a"}}});
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

fn create(sandbox: &Sandbox, path: &str, body: Value) -> String {
    let reply = sandbox.request("POST", &org_path(sandbox, path), Some(&body));
    assert_eq!(reply.status, 201, "{path}: {:?}", reply.body);
    reply.body["data"]["id"].as_str().unwrap().to_string()
}

fn tfvcs_ok(sandbox: &Sandbox, args: &[&str]) -> (String, String) {
    let env = TestEnv::sandbox(sandbox);
    let mut cmd = env.command();
    let out = cmd.args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    (stdout_of(&out), stderr_of(&out))
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn usage_finds_relink_moves_and_usage_no_longer_finds() {
    let sandbox = Sandbox::start(&[]);
    let (old_client, old) = connection(&sandbox, "github-old");
    let (_, new) = connection(&sandbox, "github-new");
    let repo = |identifier: &str, branch: &str, token: &str| json!({"identifier": identifier, "branch": branch, "oauth-token-id": token});
    let ws_body = |name: &str, vcs: Value| json!({"data": {"type": "workspaces", "attributes": {"name": name, "vcs-repo": vcs}}});
    let web = create(
        &sandbox,
        "workspaces",
        ws_body("web", repo("acme/web", "main", &old)),
    );
    let api = create(
        &sandbox,
        "workspaces",
        ws_body("api", repo("acme/api", "", &old)),
    );
    let other = create(
        &sandbox,
        "workspaces",
        ws_body("other", repo("acme/other", "", &new)),
    );
    let set = create(
        &sandbox,
        "policy-sets",
        json!({"data": {"type": "policy-sets", "attributes": {"name": "guards",
               "kind": "sentinel", "vcs-repo": repo("acme/policies", "main", &old)}}}),
    );
    let module = create(
        &sandbox,
        "registry-modules/vcs",
        json!({"data": {"type": "registry-modules", "attributes": {"vcs-repo": {
            "identifier": "acme/terraform-aws-vpc", "display-identifier": "acme/terraform-aws-vpc",
            "branch": "main", "oauth-token-id": old}}}}),
    );
    let project = sandbox
        .request("GET", &org_path(&sandbox, "projects"), None)
        .body["data"][0]["id"]
        .clone();
    let stack_body = json!({"data": {"type": "stacks", "attributes": {"name": "platform",
        "vcs-repo": repo("acme/platform", "release", &old)},
        "relationships": {"project": {"data": {"type": "projects", "id": project}}}}});
    let reply = sandbox.request("POST", "/api/v2/stacks", Some(&stack_body));
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    let stack = reply.body["data"]["id"].as_str().unwrap().to_string();

    let (ids, _) = tfvcs_ok(&sandbox, &["token", "usage", &old, "-o", "id"]);
    assert_eq!(lines(&ids), [&web, &api, &set, &module, &stack]);
    let (by_name, _) = tfvcs_ok(&sandbox, &["client", "usage", "github-old", "-o", "id"]);
    assert_eq!(by_name, ids);
    let (by_id, _) = tfvcs_ok(&sandbox, &["client", "usage", &old_client, "-o", "id"]);
    assert_eq!(by_id, ids);

    let (dry, _) = tfvcs_ok(
        &sandbox,
        &["token", "relink", &old, "--to", &new, "--dry-run"],
    );
    assert_eq!(dry.matches("PATCH ").count(), 5, "{dry}");
    let (still, _) = tfvcs_ok(&sandbox, &["token", "usage", &old, "-o", "id"]);
    assert_eq!(still, ids, "a dry run changes nothing");

    let (rows, summary) = tfvcs_ok(&sandbox, &["token", "relink", &old, "--to", &new, "--yes"]);
    assert_eq!(rows.matches("relinked").count(), 5, "{rows}");
    assert!(
        summary.ends_with("relinked 5 of 5: 2 workspaces, 1 policy set, 1 module, 1 Stack\n"),
        "{summary}"
    );

    let (none, note) = tfvcs_ok(&sandbox, &["token", "usage", &old]);
    assert_eq!(none, "");
    assert!(note.contains("nothing in organization"), "{note}");
    let (moved, _) = tfvcs_ok(&sandbox, &["token", "usage", &new, "-o", "id"]);
    assert_eq!(lines(&moved), [&web, &api, &other, &set, &module, &stack]);
    // Repository and branch kept.
    let (table, _) = tfvcs_ok(&sandbox, &["token", "usage", &new, "--kind", "workspace"]);
    assert!(
        table
            .lines()
            .any(|l| l.contains("web") && l.contains("acme/web") && l.contains("main")),
        "{table}"
    );

    // Running it again finds nothing left to do.
    let (again, note) = tfvcs_ok(&sandbox, &["token", "relink", &old, "--to", &new, "--yes"]);
    assert_eq!(again, "");
    assert!(note.contains("nothing to relink"), "{note}");

    // On to the GitHub App installation, one workspace first, then the rest.
    let (apps, _) = tfvcs_ok(&sandbox, &["github-app", "list", "-o", "id"]);
    let app = apps.trim();
    assert!(app.starts_with("ghain-"), "{apps}");
    let (one, _) = tfvcs_ok(
        &sandbox,
        &[
            "token",
            "relink",
            &new,
            "--to",
            app,
            "--yes",
            "--workspace",
            "web",
            "-o",
            "id",
        ],
    );
    assert_eq!(one.trim(), web);
    let (on_app, _) = tfvcs_ok(&sandbox, &["github-app", "usage", app, "-o", "id"]);
    assert_eq!(on_app.trim(), web);
    tfvcs_ok(&sandbox, &["token", "relink", &new, "--to", app, "--yes"]);
    let (all_on_app, _) = tfvcs_ok(&sandbox, &["github-app", "usage", app, "-o", "id"]);
    assert_eq!(
        lines(&all_on_app),
        [&web, &api, &other, &set, &module, &stack]
    );
    let (json, _) = tfvcs_ok(&sandbox, &["github-app", "usage", app, "-o", "json"]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    for resource in doc["data"].as_array().unwrap() {
        let vcs = &resource["attributes"]["vcs-repo"];
        assert_eq!(vcs["github-app-installation-id"], app, "{resource}");
        assert!(vcs["oauth-token-id"].is_null(), "{resource}");
    }
    let (table, _) = tfvcs_ok(&sandbox, &["github-app", "usage", app, "--kind", "stack"]);
    assert!(
        table.lines().nth(1).is_some_and(|l| l.starts_with("stack ")
            && l.contains("acme/platform")
            && l.contains("release")),
        "the Stack kept its branch through both relinks: {table}"
    );
}

#[test]
fn a_refusing_target_check_changes_nothing_in_the_sandbox() {
    let sandbox = Sandbox::start(&[]);
    let (_, old) = connection(&sandbox, "github-old");
    create(
        &sandbox,
        "workspaces",
        json!({"data": {"type": "workspaces", "attributes": {"name": "web",
               "vcs-repo": {"identifier": "acme/web", "oauth-token-id": old}}}}),
    );
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    let out = cmd
        .args([
            "token",
            "relink",
            &old,
            "--to",
            "ot-AAAAAAAAAAAAAAAA",
            "--yes",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let (still, _) = tfvcs_ok(&sandbox, &["token", "usage", &old, "-o", "id"]);
    assert_eq!(still.lines().count(), 1);
}

#[test]
fn no_secret_reaches_the_output_of_usage_or_relink_under_vv() {
    let sandbox = Sandbox::start(&[]);
    let (_, old) = connection(&sandbox, "github-old");
    let (_, new) = connection(&sandbox, "github-new");
    create(
        &sandbox,
        "workspaces",
        json!({"data": {"type": "workspaces", "attributes": {"name": "web",
               "vcs-repo": {"identifier": "acme/web", "oauth-token-id": old}}}}),
    );
    for args in [
        vec!["token", "usage", old.as_str(), "-vv"],
        vec!["client", "usage", "github-old", "-vv"],
        vec!["token", "relink", &old, "--to", &new, "--dry-run", "-vv"],
        vec!["token", "relink", &old, "--to", &new, "--yes", "-vv"],
        vec!["github-app", "list", "-vv"],
    ] {
        let (stdout, stderr) = tfvcs_ok(&sandbox, &args);
        for canary in [sandbox.token.as_str(), "pat-E2E-CANARY"] {
            assert!(!stdout.contains(canary), "{args:?}: stdout has {canary}");
            assert!(!stderr.contains(canary), "{args:?}: stderr has {canary}");
        }
    }
}

/// SPEC §3 against the sandbox: a client that only a policy set and a module use is refused
/// under `--yes` (TFE's own count would say no workspace uses it), they still name its token
/// afterwards, and `--yes --force` deletes it, counting what lost its connection.
#[test]
fn delete_names_the_policy_set_and_module_a_client_serves() {
    let sandbox = Sandbox::start(&[]);
    let (client, token) = connection(&sandbox, "github-old");
    let set = create(
        &sandbox,
        "policy-sets",
        json!({"data": {"type": "policy-sets", "attributes": {"name": "guards",
               "kind": "sentinel", "vcs-repo": {"identifier": "acme/policies", "branch": "main", "oauth-token-id": token}}}}),
    );
    let module = create(
        &sandbox,
        "registry-modules/vcs",
        json!({"data": {"type": "registry-modules", "attributes": {"vcs-repo": {
            "identifier": "acme/terraform-aws-vpc", "display-identifier": "acme/terraform-aws-vpc",
            "branch": "main", "oauth-token-id": token}}}}),
    );
    let env = TestEnv::sandbox(&sandbox);
    let refused = env.run(&["client", "delete", "github-old", "--yes"]);
    assert_eq!(refused.code, Some(2), "{}", refused.stderr);
    assert!(
        refused.stderr.starts_with(&format!(
            "error: refusing to delete OAuth client {client}: 1 policy set, 1 module still use it\n"
        )),
        "{}",
        refused.stderr
    );
    let (ids, _) = tfvcs_ok(&sandbox, &["token", "usage", &token, "-o", "id"]);
    assert_eq!(lines(&ids), [&set, &module]);
    let (_, stderr) = tfvcs_ok(
        &sandbox,
        &["client", "delete", "github-old", "--yes", "--force"],
    );
    assert_eq!(
        stderr,
        format!("deleted OAuth client {client}\nlost their connection: 1 policy set, 1 module\n")
    );
    let gone = env.run(&["client", "show", &client]);
    assert_eq!(gone.code, Some(3), "{}", gone.stderr);
}

/// SPEC §10 against the sandbox: a typo in an id, or in the organization, is exit 3 in its
/// own words, never "nothing uses it" with exit 0.
#[test]
fn a_typo_in_an_id_or_the_organization_is_exit_3() {
    let sandbox = Sandbox::start(&[]);
    let (_, token) = connection(&sandbox, "github");
    let env = TestEnv::sandbox(&sandbox);
    for (args, message) in [
        (
            vec!["token", "usage", "ot-nonexistent00000"],
            "error: no OAuth token ot-nonexistent00000\n",
        ),
        (
            vec!["github-app", "usage", "ghain-nonexistent00000"],
            "error: no GitHub App installation ghain-nonexistent00000\n",
        ),
        (
            vec!["client", "usage", "oc-nonexistent00000"],
            "error: no OAuth client oc-nonexistent00000\n",
        ),
        (
            vec![
                "token",
                "relink",
                "ot-nonexistent00000",
                "--to",
                &token,
                "--yes",
            ],
            "error: no OAuth token ot-nonexistent00000\n",
        ),
        (
            vec!["--org", "nope", "token", "usage", &token],
            "error: organization nope does not exist, or this API token cannot see it\n",
        ),
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, Some(3), "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with(message), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("--kind"), "{args:?}: {}", run.stderr);
    }
}

/// SPEC §10 "No lost update": while the confirmation waits, one workspace's branch moves, one
/// is detached and one is relinked by a second run; when it is given, those three are read
/// again, left as they now are, and reported `changed since the plan` (exit 1), and only the
/// untouched one is relinked.
#[cfg(unix)]
#[test]
fn what_changed_while_the_confirmation_waited_is_not_written_over() {
    let sandbox = Sandbox::start(&[]);
    let (_, old) = connection(&sandbox, "github-old");
    let (_, new) = connection(&sandbox, "github-new");
    let repo =
        |branch: &str| json!({"identifier": "acme/app", "branch": branch, "oauth-token-id": old});
    let ws = |name: &str| {
        create(
            &sandbox,
            "workspaces",
            json!({"data": {"type": "workspaces", "attributes": {"name": name, "vcs-repo": repo("main")}}}),
        )
    };
    let (moved, detached, rival, untouched) =
        (ws("moved"), ws("detached"), ws("rival"), ws("untouched"));
    let patch = |id: &str, vcs: Value| {
        let body = json!({"data": {"type": "workspaces", "attributes": {"vcs-repo": vcs}}});
        let reply = sandbox.request("PATCH", &format!("/api/v2/workspaces/{id}"), Some(&body));
        assert_eq!(reply.status, 200, "{:?}", reply.body);
    };
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.process();
    cmd.args(["token", "relink", &old, "--to", &new]);
    let (code, seen) = answer_on_terminal_after(
        cmd,
        "Relink 4 resources",
        || {
            patch(&moved, repo("release"));
            patch(&detached, Value::Null);
            tfvcs_ok(
                &sandbox,
                &[
                    "token",
                    "relink",
                    &old,
                    "--to",
                    &new,
                    "--yes",
                    "--workspace",
                    "rival",
                ],
            );
        },
        b"y",
    );
    assert_eq!(code, Some(1), "{seen}");
    assert!(seen.contains("relinked 1 of 4: 1 workspace"), "{seen}");
    for (name, why) in [
        (
            "moved",
            r#"changed since the plan: branch is now "release" (was "main")"#,
        ),
        (
            "detached",
            "changed since the plan: it no longer links a repository",
        ),
        (
            "rival",
            &format!("changed since the plan: it now uses {new}, not {old}"),
        ),
    ] {
        assert!(
            seen.lines().any(|l| l.contains(name) && l.contains(why)),
            "{name}: {why} in {seen}"
        );
    }
    let vcs = |id: &str| {
        sandbox
            .request("GET", &format!("/api/v2/workspaces/{id}"), None)
            .body["data"]["attributes"]["vcs-repo"]
            .clone()
    };
    assert_eq!(vcs(&moved)["branch"], "release", "the moved branch is kept");
    assert_eq!(vcs(&moved)["oauth-token-id"], old.as_str());
    assert_eq!(
        vcs(&detached),
        Value::Null,
        "the detached workspace stays detached"
    );
    assert_eq!(vcs(&rival)["oauth-token-id"], new.as_str());
    assert_eq!(vcs(&untouched)["oauth-token-id"], new.as_str());
    assert_eq!(vcs(&untouched)["branch"], "main");
}
