//! End to end through the real binary: `tfvcs sandbox` started on a free port, its export
//! lines read, and the whole lifecycle of a VCS connection driven by tfvcs in each output
//! format.

use crate::common::*;
use serde_json::Value;

const PAT: &str = "ghp-e2e-CANARY-0042";
const SSH_KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----\n";

fn run(sandbox: &Sandbox, args: &[&str], stdin: &str) -> (String, String) {
    let env = TestEnv::sandbox(sandbox);
    let mut cmd = env.command();
    let out = cmd.args(args).write_stdin(stdin).output().unwrap();
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "tfvcs {args:?} failed: {stderr}");
    (stdout, stderr)
}

fn json(sandbox: &Sandbox, args: &[&str]) -> Value {
    let args = [args, &["-o", "json"]].concat();
    serde_json::from_str(&run(sandbox, &args, "").0).unwrap()
}

fn default_project(sandbox: &Sandbox) -> String {
    let projects = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}/projects", sandbox.org),
        None,
    );
    assert_eq!(
        projects.body["data"][0]["attributes"]["name"],
        "Default Project"
    );
    projects.body["data"][0]["id"].as_str().unwrap().to_string()
}

#[test]
fn export_lines_are_exactly_three_and_eval_ready() {
    let sandbox = Sandbox::start(&["--token", "tok-1", "--org", "acme"]);
    assert!(
        sandbox.url.starts_with("http://127.0.0.1:"),
        "{}",
        sandbox.url
    );
    assert_eq!(sandbox.token, "tok-1");
    assert_eq!(sandbox.org, "acme");
}

#[test]
fn the_whole_lifecycle_in_id_output() {
    let sandbox = Sandbox::start(&[]);
    let client = run(
        &sandbox,
        &[
            "client",
            "create",
            "--provider",
            "github",
            "--name",
            "gh",
            "--pat-file",
            "-",
            "-o",
            "id",
        ],
        PAT,
    )
    .0;
    let client = client.trim();
    assert!(client.starts_with("oc-") && client.len() == 19, "{client}");
    assert_eq!(
        run(&sandbox, &["client", "list", "-o", "id"], "").0,
        format!("{client}\n")
    );
    assert_eq!(
        run(&sandbox, &["client", "show", "gh", "-o", "id"], "").0,
        format!("{client}\n")
    );
    let token = run(&sandbox, &["token", "list", client, "-o", "id"], "").0;
    let token = token.trim();
    assert!(token.starts_with("ot-") && token.len() == 19, "{token}");
    run(
        &sandbox,
        &["client", "set-pat", "gh", "--pat-file", "-", "-o", "id"],
        "rotated-pat\n",
    );
    let project = default_project(&sandbox);
    run(&sandbox, &["client", "add-projects", client, &project], "");
    assert_eq!(
        json(&sandbox, &["client", "show", client])["data"]["relationships"]["projects"]["data"][0]
            ["id"],
        project.as_str()
    );
    run(
        &sandbox,
        &["client", "remove-projects", client, &project],
        "",
    );
    assert_eq!(
        json(&sandbox, &["client", "show", client])["data"]["relationships"]["projects"]["data"],
        serde_json::json!([])
    );
    assert_eq!(
        run(&sandbox, &["token", "list", "gh", "-o", "id"], "").0,
        format!("{token}\n")
    );
    assert_eq!(
        run(
            &sandbox,
            &[
                "token",
                "set-ssh-key",
                token,
                "--ssh-key-file",
                "-",
                "-o",
                "id"
            ],
            SSH_KEY
        )
        .0,
        format!("{token}\n")
    );
    assert_eq!(
        json(&sandbox, &["token", "show", token])["data"]["attributes"]["has-ssh-key"],
        true
    );
    assert_eq!(
        run(
            &sandbox,
            &["token", "delete", token, "--yes", "-o", "id"],
            ""
        )
        .0,
        format!("{token}\n")
    );
    assert_eq!(
        run(&sandbox, &["token", "list", client, "-o", "id"], "").0,
        ""
    );
    assert_eq!(
        run(
            &sandbox,
            &["client", "delete", "gh", "--yes", "-o", "id"],
            ""
        )
        .0,
        format!("{client}\n")
    );
    let (stdout, stderr) = run(&sandbox, &["client", "list", "-o", "id"], "");
    assert_eq!(
        (stdout.as_str(), stderr.as_str()),
        ("", "no OAuth clients in organization sandbox\n")
    );
    assert!(
        !sandbox.stderr.lock().unwrap().contains("CANARY"),
        "the sandbox logged a secret"
    );
}

#[test]
fn the_whole_lifecycle_in_table_output() {
    let sandbox = Sandbox::start(&[]);
    let (out, note) = run(
        &sandbox,
        &[
            "client",
            "create",
            "--provider",
            "gitlab_hosted",
            "--name",
            "gl",
            "--pat-file",
            "-",
        ],
        PAT,
    );
    assert!(out.contains("Provider             GitLab.com\n"), "{out}");
    assert!(
        out.contains("API URL              https://gitlab.com/api/v4\n"),
        "{out}"
    );
    assert!(out.contains("Organization scoped  yes\n"), "{out}");
    assert!(
        note.starts_with("created OAuth client oc-") && note.contains(" with OAuth token ot-"),
        "{note}"
    );
    let list = run(&sandbox, &["client", "list"], "").0;
    let mut lines = list.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("ID                   NAME  PROVIDER       HTTP URL            TOKEN IDS")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .contains(" gl    gitlab_hosted  https://gitlab.com  ot-")
    );
    let shown = run(&sandbox, &["client", "show", "gl"], "").0;
    assert!(shown.contains("Name                 gl\n"), "{shown}");
    run(
        &sandbox,
        &["client", "set-pat", "gl", "--pat-file", "-"],
        "new-pat",
    );
    let tokens = run(&sandbox, &["token", "list", "gl"], "").0;
    assert!(
        tokens.starts_with(
            "ID                   CLIENT               USER             SSH KEY  CREATED\n"
        ),
        "{tokens}"
    );
    let token = tokens
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let updated = run(
        &sandbox,
        &["token", "set-ssh-key", &token, "--ssh-key-file", "-"],
        SSH_KEY,
    )
    .0;
    assert!(updated.contains("SSH key  yes\n"), "{updated}");
    run(&sandbox, &["token", "delete", &token, "--yes"], "");
    let (out, err) = run(&sandbox, &["client", "delete", "gl", "--yes"], "");
    assert_eq!(out, "");
    assert!(err.starts_with("deleted OAuth client oc-"), "{err}");
    assert_eq!(run(&sandbox, &["client", "list"], "").0, "");
}

#[test]
fn the_whole_lifecycle_in_json_output() {
    let sandbox = Sandbox::start(&[]);
    let (out, _) = run(
        &sandbox,
        &[
            "client",
            "create",
            "--provider",
            "github",
            "--name",
            "js",
            "--pat-file",
            "-",
            "-o",
            "json",
        ],
        PAT,
    );
    let created: Value = serde_json::from_str(&out).unwrap();
    let client = created["data"]["id"].as_str().unwrap().to_string();
    assert_eq!(created["data"]["type"], "oauth-clients");
    assert!(
        created["data"]["attributes"]
            .get("oauth-token-string")
            .is_none()
    );
    let token = created["data"]["relationships"]["oauth-tokens"]["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let list = json(&sandbox, &["client", "list"]);
    assert_eq!(list["data"][0]["id"], client.as_str());
    assert_eq!(
        list["included"][0]["id"],
        token.as_str(),
        "include=oauth_tokens brings the token"
    );
    assert_eq!(
        json(&sandbox, &["client", "show", "js"])["data"]["id"],
        client.as_str()
    );
    let (out, _) = run(
        &sandbox,
        &["client", "set-pat", "js", "--pat-file", "-", "-o", "json"],
        "pat-2",
    );
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["data"]["id"],
        client.as_str()
    );
    let tokens = json(&sandbox, &["token", "list", &client]);
    assert_eq!(tokens["data"][0]["attributes"]["has-ssh-key"], false);
    let (out, _) = run(
        &sandbox,
        &[
            "token",
            "set-ssh-key",
            &token,
            "--ssh-key-file",
            "-",
            "-o",
            "json",
        ],
        SSH_KEY,
    );
    let updated: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(updated["data"]["attributes"]["has-ssh-key"], true);
    assert!(
        updated["data"]["attributes"].get("ssh-key").is_none(),
        "ssh-key is write-only"
    );
    assert_eq!(
        run(
            &sandbox,
            &["token", "delete", &token, "--yes", "-o", "json"],
            ""
        )
        .0,
        ""
    );
    assert_eq!(
        run(
            &sandbox,
            &["client", "delete", &client, "--yes", "-o", "json"],
            ""
        )
        .0,
        ""
    );
    assert_eq!(
        json(&sandbox, &["client", "list"]),
        serde_json::json!({"data": []})
    );
}

#[test]
fn org_wide_token_list_filters_by_provider() {
    let sandbox = Sandbox::start(&[]);
    run(
        &sandbox,
        &[
            "client",
            "create",
            "--provider",
            "github",
            "--pat-file",
            "-",
        ],
        "a",
    );
    run(
        &sandbox,
        &[
            "client",
            "create",
            "--provider",
            "gitlab_hosted",
            "--pat-file",
            "-",
        ],
        "b",
    );
    assert_eq!(
        run(&sandbox, &["token", "list", "-o", "id"], "")
            .0
            .lines()
            .count(),
        2
    );
    let gitlab = json(&sandbox, &["token", "list", "--provider", "gitlab_hosted"]);
    assert_eq!(gitlab["data"].as_array().unwrap().len(), 1);
}

#[test]
fn a_rejected_create_shows_the_sandbox_pointer_and_exits_5() {
    let sandbox = Sandbox::start(&[]);
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    // tfvcs checks the rules itself, so go around it with a payload the sandbox must refuse.
    let out = cmd
        .args(["client", "create", "--payload", "-"])
        .write_stdin(r#"{"data":{"type":"oauth-clients","attributes":{"service-provider":"github","oauth-token-string":"x","organization-scoped":"yes"}}}"#)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("(at /data/attributes/organization-scoped)"),
        "{}",
        stderr_of(&out)
    );
}

/// An application link (Bitbucket Data Center) has no OAuth token until someone authorizes it
/// in the UI: create and `token list` both say what comes next instead of ending there.
#[test]
fn a_bitbucket_data_center_client_says_how_it_gets_its_token() {
    let sandbox = Sandbox::start(&[]);
    let dir = TempDir::new();
    let secret = dir.file(
        "app.key",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n",
    );
    let public = dir.file(
        "app.pub",
        "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n-----END PUBLIC KEY-----\n",
    );
    let (id, stderr) = run(
        &sandbox,
        &[
            "client",
            "create",
            "--provider",
            "bitbucket_data_center",
            "--http-url",
            "https://bitbucket.example.com",
            "--key",
            "tfvcs",
            "--secret-file",
            secret.to_str().unwrap(),
            "--rsa-public-key-file",
            public.to_str().unwrap(),
            "-o",
            "id",
        ],
        "",
    );
    let id = id.trim();
    assert!(
        stderr.contains("next: it has no OAuth token until its connection is authorized: finish it in the TFE UI under Settings > VCS Providers (callback URL "),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("then `tfvcs token list {id}` shows the token")),
        "{stderr}"
    );
    let (stdout, stderr) = run(&sandbox, &["token", "list", id], "");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!("no OAuth tokens for {id}: a client gets its token when its connection is completed (a PAT: `tfvcs client set-pat {id}`; an OAuth app or application link: finish it in the TFE UI")),
        "{stderr}"
    );
}
