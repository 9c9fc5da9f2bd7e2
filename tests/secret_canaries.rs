//! Canary values for the API token, a PAT, an OAuth secret, private and SSH keys and a payload
//! secret go through every command, on every path (success, 4xx, 5xx, `-vv`, `--dry-run`,
//! `-o json`, `-o id`): none may appear on stdout, stderr or in a file tfvcs writes, and each run must also have done
//! its work (the request carrying the secret reached the server, the exit code is the
//! contract's), so that a command failing early cannot pass.
//!
//! To cover a new command, add a row to `commands()`.

use crate::common::*;
use mockito::{Matcher, Server};
use serde_json::{Value, json};

const PAT: &str = "pat-CANARY-7e1d";
const SECRET: &str = "secret-CANARY-99ab";
const PRIVATE: &str =
    "-----BEGIN RSA PRIVATE KEY-----\nprivkey-CANARY-5c2f\n-----END RSA PRIVATE KEY-----\n";
/// A payload attribute tfvcs does not know: its value is kept as a secret.
const FORWARDED: &str = "fwd-CANARY-3b1c";
const CANARIES: [&str; 5] = [TOKEN, PAT, "secret-CANARY", "privkey-CANARY", "fwd-CANARY"];

const CLIENT: &str = "oc-XKFwG6ggfA9n7t1K";
const TOKEN_ID: &str = "ot-29t7xkUKiNC2XasL";
const GHAIN: &str = "ghain-R4xmKTaxnhLFioUq";

/// One command of the sweep.
struct Row {
    args: Vec<String>,
    stdin: &'static str,
    env: Vec<(&'static str, &'static str)>,
    /// The request that does the command's work: method, path, and the part of its body that
    /// must arrive (the secrets, exactly).
    method: &'static str,
    path: String,
    sends: Option<Value>,
    /// What the server answers it with on success, and the status.
    answer: Value,
    ok_status: usize,
    /// What `-o id` prints on success; `None` where `-o id` does not apply.
    id: Option<&'static str>,
    /// Whether it changes something (then `--dry-run` applies).
    writes: bool,
    /// Other GETs the command makes first, answered with these documents.
    also: Vec<(String, Value)>,
}

/// The sweep's paths: a status the server answers with, and the options added.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Path {
    Success,
    Rejected,
    ServerError,
    Verbose,
    DryRun,
    Json,
    Id,
}

const PATHS: [Path; 7] = [
    Path::Success,
    Path::Rejected,
    Path::ServerError,
    Path::Verbose,
    Path::DryRun,
    Path::Json,
    Path::Id,
];

fn client_doc() -> Value {
    let mut doc = fixture("client_show_response.json");
    doc["data"]["relationships"]["oauth-tokens"]["data"] =
        json!([{"id": "ot-hmAyP66qk2AMVdbJ", "type": "oauth-tokens"}]);
    doc
}

fn attributes(attrs: Value) -> Option<Value> {
    Some(json!({"data": {"attributes": attrs}}))
}

fn commands(files: &Files) -> Vec<Row> {
    let s = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let write = |args: Vec<String>, method, path: String, sends, answer, id| Row {
        args,
        stdin: "",
        env: vec![],
        method,
        path,
        sends,
        answer,
        ok_status: if method == "POST" { 201 } else { 200 },
        id,
        writes: true,
        also: vec![],
    };
    let read = |args: Vec<String>, path: &str, answer: Value, id| Row {
        args,
        stdin: "",
        env: vec![],
        method: "GET",
        path: path.to_string(),
        sends: None,
        answer,
        ok_status: 200,
        id,
        writes: false,
        also: vec![],
    };
    let create = "/api/v2/organizations/my-organization/oauth-clients".to_string();
    let client = format!("/api/v2/oauth-clients/{CLIENT}");
    let token = format!("/api/v2/oauth-tokens/{TOKEN_ID}");
    let list = json!({"data": [client_doc()["data"].clone()]});
    // Relinking to a GitHub App: the installation, then the token's client and its
    // organization, then the walk (which finds nothing here: the PATCHes carry no secret).
    let relink = |extra: Vec<String>| Row {
        also: vec![
            (
                "/api/v2/oauth-tokens/ot-hmAyP66qk2AMVdbJ".into(),
                json!({"data": {"id": "ot-hmAyP66qk2AMVdbJ", "type": "oauth-tokens", "attributes": {}, "relationships": {"oauth-client": {"data": {"id": CLIENT, "type": "oauth-clients"}}}}}),
            ),
            (client.clone(), client_doc()),
            (
                "/api/v2/account/details".into(),
                json!({"data": {"id": "user-1", "type": "users", "attributes": {"username": "admin", "is-service-account": false}}}),
            ),
        ],
        ..read(
            [
                s(&[
                    "token",
                    "relink",
                    "ot-hmAyP66qk2AMVdbJ",
                    "--to",
                    GHAIN,
                    "--yes",
                ]),
                extra,
            ]
            .concat(),
            &format!("/api/v2/github-app/installation/{GHAIN}"),
            json!({"data": {"id": GHAIN, "type": "github-app-installations", "attributes": {"name": "org"}}}),
            None,
        )
    };
    vec![
        write(
            [
                s(&["client", "create", "--provider", "github", "--pat-file"]),
                vec![files.pat.clone()],
            ]
            .concat(),
            "POST",
            create.clone(),
            attributes(json!({"oauth-token-string": PAT})),
            client_doc(),
            Some(CLIENT),
        ),
        Row {
            stdin: "pat-CANARY-7e1d\n",
            ..write(
                s(&[
                    "client",
                    "create",
                    "--provider",
                    "github",
                    "--pat-file",
                    "-",
                ]),
                "POST",
                create.clone(),
                attributes(json!({"oauth-token-string": PAT})),
                client_doc(),
                Some(CLIENT),
            )
        },
        Row {
            env: vec![("TFVCS_PAT", PAT)],
            ..write(
                s(&["client", "create", "--provider", "github"]),
                "POST",
                create.clone(),
                attributes(json!({"oauth-token-string": PAT})),
                client_doc(),
                Some(CLIENT),
            )
        },
        write(
            [
                s(&[
                    "client",
                    "create",
                    "--provider",
                    "ado_server",
                    "--http-url",
                    "https://ado.example.com",
                    "--pat-file",
                ]),
                vec![
                    files.pat.clone(),
                    "--private-key-file".into(),
                    files.key.clone(),
                ],
            ]
            .concat(),
            "POST",
            create.clone(),
            attributes(json!({"oauth-token-string": PAT, "private-key": PRIVATE})),
            client_doc(),
            Some(CLIENT),
        ),
        write(
            [
                s(&[
                    "client",
                    "create",
                    "--provider",
                    "bitbucket_data_center",
                    "--http-url",
                    "https://bb.example.com",
                    "--key",
                    "k",
                    "--secret-file",
                ]),
                vec![
                    files.secret.clone(),
                    "--rsa-public-key-file".into(),
                    files.public.clone(),
                ],
            ]
            .concat(),
            "POST",
            create.clone(),
            attributes(json!({"secret": SECRET, "key": "k"})),
            client_doc(),
            Some(CLIENT),
        ),
        Row {
            stdin: r#"{"data":{"type":"oauth-clients","attributes":{"service-provider":"github","oauth-token-string":"pat-CANARY-7e1d","x-forwarded":"fwd-CANARY-3b1c"}}}"#,
            ..write(
                s(&["client", "create", "--payload", "-"]),
                "POST",
                create.clone(),
                attributes(json!({"oauth-token-string": PAT, "x-forwarded": FORWARDED})),
                client_doc(),
                Some(CLIENT),
            )
        },
        Row {
            stdin: "pat-CANARY-7e1d\n",
            ..write(
                s(&["client", "set-pat", CLIENT, "--pat-file", "-"]),
                "PATCH",
                client.clone(),
                attributes(json!({"oauth-token-string": PAT})),
                client_doc(),
                Some(CLIENT),
            )
        },
        Row {
            env: vec![("TFVCS_PAT", PAT)],
            ..write(
                s(&["client", "set-pat", CLIENT]),
                "PATCH",
                client.clone(),
                attributes(json!({"oauth-token-string": PAT})),
                client_doc(),
                Some(CLIENT),
            )
        },
        write(
            [
                s(&["client", "update", CLIENT, "--secret-file"]),
                vec![
                    files.secret.clone(),
                    "--rsa-public-key-file".into(),
                    files.public.clone(),
                ],
            ]
            .concat(),
            "PATCH",
            client.clone(),
            attributes(json!({"secret": SECRET})),
            client_doc(),
            Some(CLIENT),
        ),
        write(
            s(&["client", "add-projects", CLIENT, "prj-AbCdEf0123456789"]),
            "POST",
            format!("{client}/relationships/projects"),
            Some(json!({"data": [{"type": "projects", "id": "prj-AbCdEf0123456789"}]})),
            Value::Null,
            Some(CLIENT),
        ),
        write(
            s(&["client", "remove-projects", CLIENT, "prj-AbCdEf0123456789"]),
            "DELETE",
            format!("{client}/relationships/projects"),
            Some(json!({"data": [{"type": "projects", "id": "prj-AbCdEf0123456789"}]})),
            Value::Null,
            Some(CLIENT),
        ),
        // A delete reads what it deletes and walks what uses it first (SPEC §3).
        Row {
            also: vec![(client.clone(), client_doc())],
            ..write(
                s(&["client", "delete", CLIENT, "--yes"]),
                "DELETE",
                client.clone(),
                None,
                Value::Null,
                Some(CLIENT),
            )
        },
        write(
            [
                s(&["token", "set-ssh-key", TOKEN_ID, "--ssh-key-file"]),
                vec![files.key.clone()],
            ]
            .concat(),
            "PATCH",
            token.clone(),
            attributes(json!({"ssh-key": PRIVATE})),
            fixture("token_show_response.json"),
            Some(TOKEN_ID),
        ),
        Row {
            stdin: PRIVATE,
            ..write(
                s(&["token", "set-ssh-key", TOKEN_ID, "--ssh-key-file", "-"]),
                "PATCH",
                token.clone(),
                attributes(json!({"ssh-key": PRIVATE})),
                fixture("token_show_response.json"),
                Some(TOKEN_ID),
            )
        },
        Row {
            also: vec![(token.clone(), fixture("token_show_response.json"))],
            ..write(
                s(&["token", "delete", TOKEN_ID, "--yes"]),
                "DELETE",
                token.clone(),
                None,
                Value::Null,
                Some(TOKEN_ID),
            )
        },
        read(
            s(&["client", "list"]),
            "/api/v2/organizations/my-organization/oauth-clients",
            list.clone(),
            Some(CLIENT),
        ),
        read(
            s(&["client", "show", CLIENT]),
            &client,
            client_doc(),
            Some(CLIENT),
        ),
        read(
            s(&["token", "list", CLIENT]),
            &format!("{client}/oauth-tokens"),
            json!({"data": [fixture("token_show_response.json")["data"].clone()]}),
            Some(TOKEN_ID),
        ),
        read(
            s(&["token", "show", TOKEN_ID]),
            &token,
            fixture("token_show_response.json"),
            Some(TOKEN_ID),
        ),
        read(
            s(&["auth", "status"]),
            "/api/v2/account/details",
            json!({"data": {"id": "user-1", "type": "users", "attributes": {"username": "admin"}}}),
            None,
        ),
        read(s(&["client", "usage", CLIENT]), &client, client_doc(), None),
        // The token is read first (SPEC §10), then the walk.
        Row {
            also: vec![(token.clone(), fixture("token_show_response.json"))],
            ..read(
                s(&["token", "usage", TOKEN_ID]),
                "/api/v2/organizations/my-organization/workspaces",
                json!({"data": []}),
                None,
            )
        },
        Row {
            also: vec![(token.clone(), fixture("token_show_response.json"))],
            ..read(
                s(&["token", "usage", TOKEN_ID, "--kind", "stack"]),
                "/api/v2/organizations/my-organization/stacks",
                json!({"data": [{"id": "st-kJcSJemafdBCPw3B", "type": "stacks", "attributes": {
                    "name": "platform", "vcs-repo": {"identifier": "acme/platform",
                    "branch": "main", "oauth-token-id": TOKEN_ID}}}]}),
                Some("st-kJcSJemafdBCPw3B"),
            )
        },
        read(
            s(&["github-app", "list"]),
            "/api/v2/github-app/installations",
            json!({"data": [{"id": GHAIN, "type": "github-app-installations", "attributes": {"name": "org"}}]}),
            Some(GHAIN),
        ),
        Row {
            also: vec![(
                format!("/api/v2/github-app/installation/{GHAIN}"),
                json!({"data": {"id": GHAIN, "type": "github-app-installations"}}),
            )],
            ..read(
                s(&["github-app", "usage", GHAIN]),
                "/api/v2/organizations/my-organization/workspaces",
                json!({"data": []}),
                None,
            )
        },
        relink(vec![]),
        // The same as a move to other repositories: the rules are read and the journal is
        // created (with its header: a file tfvcs writes) before anything is sent.
        relink(
            [
                s(&["--rewrite", "acme-bb/=acme/", "--keep-unmapped", "--map"]),
                vec![files.map.clone()],
            ]
            .concat(),
        ),
        write(
            [
                s(&[
                    "client",
                    "create",
                    "--provider",
                    "ado_services",
                    "--ado-org-name",
                    "contoso",
                    "--pat-file",
                ]),
                vec![files.pat.clone()],
            ]
            .concat(),
            "POST",
            create.clone(),
            attributes(json!({"oauth-token-string": PAT, "ado-org-name": "contoso"})),
            client_doc(),
            Some(CLIENT),
        ),
        write(
            s(&["client", "update", CLIENT, "--ado-org-name", "contoso"]),
            "PATCH",
            client.clone(),
            attributes(json!({"ado-org-name": "contoso"})),
            client_doc(),
            Some(CLIENT),
        ),
        write(
            [
                s(&[
                    "client",
                    "set-pat",
                    CLIENT,
                    "--ado-org-name",
                    "contoso",
                    "--pat-file",
                ]),
                vec![files.pat.clone()],
            ]
            .concat(),
            "PATCH",
            client.clone(),
            attributes(json!({"oauth-token-string": PAT, "ado-org-name": "contoso"})),
            client_doc(),
            Some(CLIENT),
        ),
        // The doctor: the clients, then the organization's tokens and the (empty) walks; the
        // one client's token is unused, a note: exit 0, `-o id` its client.
        Row {
            also: vec![(
                "/api/v2/organizations/my-organization/oauth-tokens".into(),
                json!({"data": [{"id": "ot-hmAyP66qk2AMVdbJ", "type": "oauth-tokens",
                    "attributes": {"created-at": "2026-11-01T00:00:00Z"},
                    "relationships": {"oauth-client": {"data": {"id": CLIENT, "type": "oauth-clients"}}}}]}),
            )],
            ..read(
                s(&["doctor", "--live"]),
                "/api/v2/organizations/my-organization/oauth-clients",
                list.clone(),
                Some(CLIENT),
            )
        },
        read(
            s(&["github-app", "show", GHAIN]),
            &format!("/api/v2/github-app/installation/{GHAIN}"),
            json!({"data": {"id": GHAIN, "type": "github-app-installations", "attributes": {"name": "org"}}}),
            Some(GHAIN),
        ),
    ]
}

/// Secret files for the sweep (mode 0600, so that no warning muddles stderr).
struct Files {
    _dir: TempDir,
    map: String,
    pat: String,
    secret: String,
    key: String,
    public: String,
}

fn files() -> Files {
    let dir = TempDir::new();
    let path = |name: &str, text: &str| dir.file(name, text).to_str().unwrap().to_string();
    Files {
        map: path("moves.csv", "old,new\nacme-bb/api,acme/api\n"),
        pat: path("pat", &format!("{PAT}\n")),
        secret: path("secret", SECRET),
        key: path("key", PRIVATE),
        // The RSA public key is not a secret (TFE returns it): it carries no canary.
        public: path(
            "pub",
            "-----BEGIN PUBLIC KEY-----\nPUB\n-----END PUBLIC KEY-----\n",
        ),
        _dir: dir,
    }
}

/// Every file below `dir` (what tfvcs wrote into its HOME: a relink's journal).
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn no_secret_reaches_stdout_or_stderr_on_any_path_of_any_command() {
    let files = files();
    let rows = commands(&files);
    let mut runs = 0;
    for row in &rows {
        for path in PATHS {
            if (path == Path::DryRun && !row.writes) || (path == Path::Id && row.id.is_none()) {
                continue;
            }
            let what = format!("{:?} {path:?}", row.args);
            let mut server = Server::new();
            let (status, answer) = match path {
                Path::Rejected => (
                    422,
                    json!({"errors": [{"status": "422", "title": "invalid attribute", "detail": "rejected"}]}),
                ),
                Path::ServerError => (
                    503,
                    json!({"errors": [{"status": "503", "title": "unavailable"}]}),
                ),
                _ => (row.ok_status, row.answer.clone()),
            };
            let mut main = server
                .mock(row.method, row.path.as_str())
                .match_query(Matcher::Any)
                .match_header("authorization", format!("Bearer {TOKEN}").as_str())
                .with_status(status);
            if let Some(sends) = &row.sends {
                main = main.match_body(Matcher::PartialJson(sends.clone()));
            }
            if !answer.is_null() {
                main = main.with_body(answer.to_string());
            }
            let main = main.create();
            let _also: Vec<mockito::Mock> = row
                .also
                .iter()
                .map(|(path, doc)| {
                    server
                        .mock("GET", path.as_str())
                        .match_query(Matcher::Any)
                        .with_body(doc.to_string())
                        .create()
                })
                .collect();
            // The organization `usage` reads first (it has Stacks), and the other lists it
            // walks, empty.
            let _organization = server
                .mock("GET", Matcher::Regex("/organizations/[^/]+$".into()))
                .with_status(200)
                .with_body(
                    json!({"data": {"id": "my-organization", "type": "organizations",
                                    "attributes": {"stacks-enabled": true}}})
                    .to_string(),
                )
                .create();
            let _lists = server
                .mock(
                    "GET",
                    Matcher::Regex(
                        "/organizations/[^/]+/(workspaces|policy-sets|registry-modules|stacks)"
                            .into(),
                    ),
                )
                .with_status(200)
                .with_body(r#"{"data": []}"#)
                .create();
            let env = TestEnv::server(&server.url());
            let mut cmd = env.command();
            let extra: &[&str] = match path {
                Path::Verbose => &["-vv"],
                Path::DryRun => &["-vv", "--dry-run"],
                Path::Json => &["-o", "json"],
                Path::Id => &["-o", "id"],
                _ => &[],
            };
            let out = cmd
                .env("TFVCS_RETRIES", "0")
                .envs(row.env.iter().copied())
                .args(&row.args)
                .args(extra)
                .write_stdin(row.stdin)
                .output()
                .unwrap();
            let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
            for canary in CANARIES {
                assert!(
                    !stdout.contains(canary),
                    "{what}: stdout has {canary}:\n{stdout}"
                );
                assert!(
                    !stderr.contains(canary),
                    "{what}: stderr has {canary}:\n{stderr}"
                );
            }
            for file in files_under(env.home().path()) {
                let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
                for canary in CANARIES {
                    assert!(
                        !text.contains(canary),
                        "{what}: {} has {canary}",
                        file.display()
                    );
                }
            }
            let code = out.status.code();
            let expected = match path {
                Path::Rejected => 5,
                Path::ServerError => 6,
                _ => 0,
            };
            assert_eq!(code, Some(expected), "{what}:\n{stderr}");
            if path == Path::DryRun {
                // Nothing sent; the request printed, its secrets redacted.
                assert!(!main.matched(), "{what}: a dry run sent the request");
                assert!(
                    stdout.starts_with(&format!("{} {}{}", row.method, server.url(), row.path)),
                    "{what}:\n{stdout}"
                );
                if row
                    .sends
                    .as_ref()
                    .is_some_and(|s| s.to_string().contains("CANARY"))
                {
                    assert!(stdout.contains("\"[redacted]\""), "{what}:\n{stdout}");
                }
            } else {
                // The request doing the work arrived, with its secrets: the command did not
                // fail before sending (a 503 answer to a GET may be retried: at least once).
                assert!(
                    main.matched(),
                    "{what}: the server never got the request:\n{stderr}"
                );
            }
            match path {
                // Deletes and project changes print nothing (SPEC §6).
                Path::Json if row.answer.is_null() => assert_eq!(stdout, "", "{what}"),
                Path::Json => {
                    serde_json::from_str::<Value>(&stdout)
                        .unwrap_or_else(|e| panic!("{what}: not JSON ({e}):\n{stdout}"));
                }
                Path::Id => assert_eq!(stdout, format!("{}\n", row.id.unwrap()), "{what}"),
                Path::Verbose if row.sends.is_some() => {
                    assert!(stderr.contains("request body: "), "{what}:\n{stderr}")
                }
                _ => {}
            }
            runs += 1;
        }
    }
    eprintln!(
        "secret canary sweep: {} commands, {runs} runs, {} canaries each",
        rows.len(),
        CANARIES.len()
    );
    assert!(runs >= 150, "{runs}");
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
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
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
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
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
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
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

#[test]
fn a_server_quoting_the_request_back_never_gets_a_secret_shown() {
    // A proxy or server that echoes what it was sent in an error detail (or a name) would
    // otherwise put the PAT and the API token in the terminal or a CI log.
    let echoed = format!("you sent {PAT} with Bearer {TOKEN}");
    let mut server = Server::new();
    let create = server
        .mock(
            "POST",
            "/api/v2/organizations/my-organization/oauth-clients",
        )
        .with_status(422)
        .with_body(
            json!({"errors": [{"status": "422", "title": "invalid", "detail": echoed}]})
                .to_string(),
        )
        .expect(3)
        .create();
    for verbose in [None, Some("-v"), Some("-vv")] {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        let out = cmd
            .env("TFVCS_PAT", PAT)
            .args(verbose)
            .args(["client", "create", "--provider", "github"])
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(5), "{stderr}");
        assert!(
            stderr.contains("invalid: you sent [redacted] with Bearer [redacted]"),
            "{stderr}"
        );
        assert!(
            !stderr.contains("CANARY") && !stdout_of(&out).contains("CANARY"),
            "{stderr}"
        );
    }
    create.assert();
}

/// A PAT pasted as an argument (a known prefix, or a long word of high entropy, such as an
/// Azure DevOps PAT) is shown as `[redacted]` in clap's usage errors and in tfvcs's own.
#[test]
fn a_token_typed_as_an_argument_is_never_echoed() {
    let typed = [
        "ghp_CANARY0aB1cD2eF3gH4iJ5kL6mN7oP8qR9",
        "github_pat_11CANARY0_aB1cD2eF3gH4iJ5kL6mN7oP8qR9",
        "glpat-CANARY0aB1cD2eF3gH",
        "ATBBCANARY0aB1cD2eF3gH4iJ5kL6mN7",
        "k7x2q4mza5n3v6b7c2x3z4a5s6d7CANARY4j5k6l7q2w3e4r5t6",
    ];
    for token in typed {
        let retries = format!("--retries={token}");
        let cases: Vec<Vec<&str>> = vec![
            vec!["client", "create", "--provider", "github", token],
            vec!["client", "set-pat", CLIENT, token],
            vec!["--timeout", token, "client", "list"],
            vec!["client", "list", &retries],
            vec!["client", "show", CLIENT, "--", token],
            // Refused as ids where they are parsed, with hints that repeat them.
            vec!["token", "show", token],
            vec!["token", "relink", TOKEN_ID, "--to", token],
            vec!["github-app", "usage", token],
        ];
        for args in cases {
            let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            let mut server = Server::new();
            let nothing = server.mock("GET", Matcher::Any).expect(0).create();
            let env = TestEnv::server(&server.url());
            let mut cmd = env.command();
            let out = cmd.args(&args).output().unwrap();
            let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains("[redacted]"), "{args:?}: {stderr}");
            assert!(
                !stderr.contains("CANARY") && !stdout.contains("CANARY"),
                "{args:?}: {stderr}"
            );
            nothing.assert();
        }
    }
    // Given where a client name goes, it is looked up, and the answer does not repeat it.
    let mut server = Server::new();
    let _list = server
        .mock("GET", Matcher::Regex("/oauth-clients".into()))
        .with_status(200)
        .with_body(page(vec![], 1, 1, 0))
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd.args(["client", "show", typed[0]]).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("[redacted]") && !stderr.contains("CANARY"),
        "{stderr}"
    );
}

/// `--pat`, `--token` and `--secret` do not exist (a flag value shows in `ps` and the shell
/// history): each is pointed at where that secret goes.
#[test]
fn a_secret_flag_points_at_where_secrets_go() {
    for (flag, pointer) in [
        (
            "--pat",
            "hint: a PAT is never a flag value (ps and shell history would keep it): pipe it to --pat-file -, or set TFVCS_PAT",
        ),
        (
            "--token",
            "hint: a token is never a flag value (ps and shell history would keep it): a PAT goes to --pat-file - or TFVCS_PAT, the API token in TFE_TOKEN or `terraform login`",
        ),
        (
            "--secret",
            "hint: a secret is never a flag value (ps and shell history would keep it): pipe it to --secret-file -",
        ),
    ] {
        for args in [
            vec![
                "client".to_string(),
                "create".into(),
                flag.into(),
                "x".into(),
            ],
            vec![
                "client".to_string(),
                "set-pat".into(),
                CLIENT.into(),
                format!("{flag}={PAT}"),
            ],
        ] {
            let env = TestEnv::server("http://127.0.0.1:9");
            let mut cmd = env.command();
            let out = cmd.args(&args).output().unwrap();
            let stderr = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!("unexpected argument '{flag}' found")),
                "{stderr}"
            );
            assert!(stderr.trim_end().ends_with(pointer), "{args:?}: {stderr}");
            assert!(!stderr.contains("CANARY"), "{stderr}");
        }
    }
}
