//! Canary values for the API token, a PAT, an OAuth secret and private keys go through every
//! command that takes a secret, on success, API failure, server failure and dry run, with
//! `-vv` tracing on: none may appear on stdout or stderr.

mod common;

use common::*;
use mockito::{Matcher, Server};
use serde_json::json;

const PAT: &str = "pat-CANARY-7e1d";
const SECRET: &str = "secret-CANARY-99ab";
const PRIVATE: &str =
    "-----BEGIN RSA PRIVATE KEY-----\nprivkey-CANARY-5c2f\n-----END RSA PRIVATE KEY-----\n";
const CANARIES: [&str; 4] = [TOKEN, PAT, "secret-CANARY", "privkey-CANARY"];

/// A server answering every request with `status` and a body fit for the command.
fn server_answering(status: usize) -> mockito::ServerGuard {
    let mut server = Server::new();
    let body = if status < 300 {
        let mut doc = fixture("client_show_response.json");
        doc["data"]["relationships"]["oauth-tokens"]["data"] =
            json!([{"id": "ot-hmAyP66qk2AMVdbJ", "type": "oauth-tokens"}]);
        doc.to_string()
    } else {
        r#"{"errors":[{"status":"422","title":"invalid attribute","detail":"rejected","source":{"pointer":"/data/attributes/oauth-token-string"}}]}"#.to_string()
    };
    for method in ["GET", "POST", "PATCH", "DELETE"] {
        server
            .mock(method, Matcher::Any)
            .with_status(status)
            .with_body(&body)
            .create();
    }
    server
}

#[test]
fn no_secret_reaches_stdout_or_stderr() {
    let dir = TempDir::new();
    let pat_file = dir.file("pat", &format!("{PAT}\n"));
    let secret_file = dir.file("secret", SECRET);
    let key_file = dir.file("key", PRIVATE);
    // The RSA public key is not a secret (TFE returns it): it carries no canary.
    let public_file = dir.file(
        "pub",
        "-----BEGIN PUBLIC KEY-----\nPUB\n-----END PUBLIC KEY-----\n",
    );
    let (pat_file, secret_file, key_file, public_file) = (
        pat_file.to_str().unwrap(),
        secret_file.to_str().unwrap(),
        key_file.to_str().unwrap(),
        public_file.to_str().unwrap(),
    );
    let commands: Vec<(Vec<&str>, Option<&str>, bool)> = vec![
        (
            vec![
                "client",
                "create",
                "--provider",
                "github",
                "--pat-file",
                "-",
            ],
            Some(PAT),
            false,
        ),
        (
            vec![
                "client",
                "create",
                "--provider",
                "github",
                "--pat-file",
                pat_file,
            ],
            None,
            false,
        ),
        (vec!["client", "create", "--provider", "github"], None, true),
        (
            vec![
                "client",
                "create",
                "--provider",
                "ado_server",
                "--http-url",
                "https://ado.example.com",
                "--pat-file",
                pat_file,
                "--private-key-file",
                key_file,
            ],
            None,
            false,
        ),
        (
            vec![
                "client",
                "create",
                "--provider",
                "bitbucket_data_center",
                "--http-url",
                "https://bb.example.com",
                "--key",
                "k",
                "--secret-file",
                secret_file,
                "--rsa-public-key-file",
                public_file,
            ],
            None,
            false,
        ),
        (
            vec!["client", "create", "--payload", "-"],
            Some(
                r#"{"data":{"type":"oauth-clients","attributes":{"service-provider":"github","oauth-token-string":"pat-CANARY-7e1d"}}}"#,
            ),
            false,
        ),
        (
            vec![
                "client",
                "set-pat",
                "oc-XKFwG6ggfA9n7t1K",
                "--pat-file",
                "-",
            ],
            Some(PAT),
            false,
        ),
        (vec!["client", "set-pat", "oc-XKFwG6ggfA9n7t1K"], None, true),
        (
            vec![
                "client",
                "update",
                "oc-XKFwG6ggfA9n7t1K",
                "--secret-file",
                secret_file,
                "--rsa-public-key-file",
                public_file,
            ],
            None,
            false,
        ),
        (
            vec![
                "token",
                "set-ssh-key",
                "ot-hmAyP66qk2AMVdbJ",
                "--ssh-key-file",
                key_file,
            ],
            None,
            false,
        ),
        (
            vec![
                "token",
                "set-ssh-key",
                "ot-hmAyP66qk2AMVdbJ",
                "--ssh-key-file",
                "-",
            ],
            Some(PRIVATE),
            false,
        ),
        (vec!["client", "list"], None, false),
        (
            vec!["client", "delete", "oc-XKFwG6ggfA9n7t1K", "--yes"],
            None,
            false,
        ),
        (vec!["auth", "status"], None, false),
        (vec!["token", "usage", "ot-hmAyP66qk2AMVdbJ"], None, false),
        (vec!["client", "usage", "oc-XKFwG6ggfA9n7t1K"], None, false),
        (vec!["github-app", "list"], None, false),
        (
            vec!["github-app", "show", "ghain-BYrbNeGQ8nAzKouu"],
            None,
            false,
        ),
        (
            vec!["github-app", "usage", "ghain-BYrbNeGQ8nAzKouu"],
            None,
            false,
        ),
        (
            vec![
                "token",
                "relink",
                "ot-hmAyP66qk2AMVdbJ",
                "--to",
                "ghain-BYrbNeGQ8nAzKouu",
                "--yes",
            ],
            None,
            false,
        ),
        (
            vec![
                "client",
                "create",
                "--provider",
                "ado_services",
                "--ado-org-name",
                "contoso",
                "--pat-file",
                pat_file,
            ],
            None,
            false,
        ),
        (
            vec![
                "client",
                "update",
                "oc-XKFwG6ggfA9n7t1K",
                "--ado-org-name",
                "contoso",
            ],
            None,
            false,
        ),
    ];
    for (args, stdin, pat_from_env) in &commands {
        for status in [200, 422, 503] {
            for extra in [vec!["-vv"], vec!["-vv", "--dry-run"], vec!["-o", "json"]] {
                if extra.contains(&"--dry-run")
                    && matches!(
                        args[..2],
                        ["client", "list"] | ["auth", "status"] | [_, "usage"] | ["github-app", _]
                    )
                {
                    continue;
                }
                let server = server_answering(status);
                let (mut cmd, _home) = tfvcs(&server.url());
                if *pat_from_env {
                    cmd.env("TFVCS_PAT", PAT);
                }
                let out = cmd
                    .args(args)
                    .args(&extra)
                    .write_stdin(stdin.unwrap_or(""))
                    .output()
                    .unwrap();
                let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
                for canary in CANARIES {
                    assert!(
                        !stdout.contains(canary),
                        "{args:?} {extra:?} {status}: stdout has {canary}:\n{stdout}"
                    );
                    assert!(
                        !stderr.contains(canary),
                        "{args:?} {extra:?} {status}: stderr has {canary}:\n{stderr}"
                    );
                }
            }
        }
    }
}

#[test]
fn invalid_secrets_are_refused_without_echoing_them() {
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec![
                "client",
                "create",
                "--provider",
                "github",
                "--pat-file",
                "-",
            ],
            format!("{PAT}\nsecond line {PAT}\n"),
        ),
        (
            vec!["client", "create", "--payload", "-"],
            format!("{{\"data\": {{\"oauth-token-string\": \"{PAT}\" ,, }}"),
        ),
        (
            vec![
                "token",
                "set-ssh-key",
                "ot-hmAyP66qk2AMVdbJ",
                "--ssh-key-file",
                "-",
            ],
            format!("not a key {PAT}"),
        ),
    ];
    for (args, stdin) in cases {
        let (mut cmd, _home) = tfvcs("http://127.0.0.1:9");
        let out = cmd.args(&args).write_stdin(stdin).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert!(
            !stderr_of(&out).contains("CANARY") && !stdout_of(&out).contains("CANARY"),
            "{args:?}"
        );
    }
}

#[test]
fn a_payload_secret_under_a_key_tfvcs_does_not_know_is_sent_but_never_shown() {
    let payload = r#"{"data":{"type":"oauth-clients","attributes":{"service-provider":"github","name":"visible-name","x-future-token":"fwd-CANARY-1","x-nested":{"deep":["fwd-CANARY-2"]}}}}"#;
    // --dry-run: the request is printed, the unknown values redacted, the known ones shown.
    let (mut cmd, _home) = tfvcs("http://127.0.0.1:9");
    let out = cmd
        .env("TFVCS_PAT", PAT)
        .args(["client", "create", "--payload", "-", "--dry-run"])
        .write_stdin(payload)
        .output()
        .unwrap();
    let stdout = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        !stdout.contains("CANARY") && !stderr_of(&out).contains("CANARY"),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#""x-future-token": "[redacted]""#),
        "{stdout}"
    );
    assert!(stdout.contains(r#""name": "visible-name""#), "{stdout}");
    // -vv: the server gets the values; the trace shows none of them.
    let mut server = Server::new();
    let create = server
        .mock(
            "POST",
            "/api/v2/organizations/my-organization/oauth-clients",
        )
        .match_body(Matcher::PartialJson(json!({"data": {"attributes": {
            "x-future-token": "fwd-CANARY-1",
            "x-nested": {"deep": ["fwd-CANARY-2"]},
            "oauth-token-string": PAT,
        }}})))
        .with_status(201)
        .with_body(fixture("client_create_response.json").to_string())
        .expect(1)
        .create();
    let (mut cmd, _home) = tfvcs(&server.url());
    let out = cmd
        .env("TFVCS_PAT", PAT)
        .args(["-vv", "client", "create", "--payload", "-"])
        .write_stdin(payload)
        .output()
        .unwrap();
    create.assert();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("request body"), "{stderr}");
    for canary in ["CANARY", PAT] {
        assert!(
            !stderr.contains(canary) && !stdout_of(&out).contains(canary),
            "{stderr}"
        );
    }
}
