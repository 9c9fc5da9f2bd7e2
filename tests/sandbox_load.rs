//! The sandbox's `--load FILE` (SPEC §9): the organization a file describes, served from the
//! first request; a broken file refused with exit 2 naming the entry, nothing served; with
//! `--state`, only into a new state file. And `authorized-repos` over HTTP.

use crate::common::*;

fn drifted() -> String {
    format!("{}/examples/drifted-org.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_loaded_organization_is_served_as_the_file_describes_it() {
    let sandbox = Sandbox::start(&["--load", &drifted()]);
    let org = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}", sandbox.org),
        None,
    );
    assert_eq!(org.body["data"]["attributes"]["stacks-enabled"], true);
    let ledger = sandbox.request("GET", "/api/v2/stacks/st-ledger0000000001", None);
    assert_eq!(ledger.status, 200);
    assert_eq!(
        ledger.body["data"]["attributes"]["vcs-repo"]["oauth-token-id"],
        "ot-gone000000000001"
    );
    assert_eq!(
        ledger.body["data"]["relationships"]["project"]["data"]["id"],
        "prj-apps000000000001"
    );
    let billing = sandbox.request("GET", "/api/v2/workspaces/ws-billing0000000001", None);
    assert_eq!(billing.status, 200);
    assert_eq!(
        billing.body["data"]["attributes"]["vcs-repo"]["oauth-token-id"],
        "ot-gone000000000001"
    );
    let clients = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}/oauth-clients", sandbox.org),
        None,
    );
    assert_eq!(clients.body["data"].as_array().unwrap().len(), 8);
    let token = sandbox.request("GET", "/api/v2/oauth-tokens/ot-bitbucket0000001", None);
    assert_eq!(
        token.body["data"]["attributes"]["created-at"],
        "2025-06-01T09:00:00.000Z"
    );
    assert_eq!(
        token.body["data"]["attributes"]["service-provider-user"],
        "acme-bb"
    );
    let repos = sandbox.request(
        "GET",
        "/api/v2/oauth-tokens/ot-github0000000001/authorized-repos?page%5Bsize%5D=1",
        None,
    );
    assert_eq!(repos.status, 200);
    assert_eq!(repos.body["data"][0]["type"], "authorized-repos");
    assert_eq!(repos.body["data"][0]["attributes"]["name"], "acme/network");
    assert_eq!(repos.body["meta"]["next-page"], 2);
    let refused = sandbox.request(
        "GET",
        "/api/v2/oauth-tokens/ot-gitlab00000000001/authorized-repos?page%5Bsize%5D=1",
        None,
    );
    assert_eq!(refused.status, 422);
    assert_eq!(refused.body["errors"][0]["title"], "VCS provider error");
}

#[test]
fn without_load_stacks_are_enabled() {
    let sandbox = Sandbox::start(&[]);
    let org = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}", sandbox.org),
        None,
    );
    assert_eq!(org.body["data"]["attributes"]["stacks-enabled"], true);
}

#[test]
fn a_broken_file_is_exit_2_naming_the_entry_and_nothing_is_served() {
    let dir = TempDir::new();
    let file = dir.file(
        "org.json",
        r#"{"clients": [{"id": "oc-a", "service-provider": "github"},
                        {"id": "oc-b", "service-provider": "gihub"}]}"#,
    );
    let output = TestEnv::bare()
        .command()
        .args(["sandbox", "--listen", "127.0.0.1:0", "--load"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_of(&output), "", "no export lines: nothing is served");
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("clients[1] (oc-b): service-provider \"gihub\""),
        "{stderr}"
    );
}

#[test]
fn with_state_a_load_fills_only_a_new_state_file() {
    let dir = TempDir::new();
    let state = dir.path().join("state.json");
    let state_arg = state.to_str().unwrap();
    {
        let sandbox = Sandbox::start(&["--state", state_arg, "--load", &drifted()]);
        let ws = sandbox.request("GET", "/api/v2/workspaces/ws-docs0000000000001", None);
        assert_eq!(ws.status, 200);
    }
    // Kept: a restart without --load serves the loaded organization.
    {
        let sandbox = Sandbox::start(&["--state", state_arg]);
        let ws = sandbox.request("GET", "/api/v2/workspaces/ws-docs0000000000001", None);
        assert_eq!(ws.status, 200);
        let edge = sandbox.request("GET", "/api/v2/stacks/st-edge000000000001", None);
        assert_eq!(edge.status, 200, "Stacks are kept too");
        let text = std::fs::read_to_string(&state).unwrap();
        assert!(!text.contains("example-ado-global-pat"), "secrets digested");
    }
    let before = std::fs::read(&state).unwrap();
    let output = TestEnv::bare()
        .command()
        .args([
            "sandbox",
            "--listen",
            "127.0.0.1:0",
            "--state",
            state_arg,
            "--load",
        ])
        .arg(drifted())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("already holds one"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(
        std::fs::read(&state).unwrap(),
        before,
        "the state file is untouched"
    );

    // The organization's settings are kept: stacks-enabled false, not the default true.
    let no_stacks = dir.file(
        "no-stacks.json",
        r#"{"organization": {"stacks-enabled": false}}"#,
    );
    let state = dir.path().join("no-stacks-state.json");
    let state_arg = state.to_str().unwrap();
    drop(Sandbox::start(&[
        "--state",
        state_arg,
        "--load",
        no_stacks.to_str().unwrap(),
    ]));
    let sandbox = Sandbox::start(&["--state", state_arg]);
    let org = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}", sandbox.org),
        None,
    );
    assert_eq!(org.body["data"]["attributes"]["stacks-enabled"], false);
}
