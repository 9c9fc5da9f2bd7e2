//! The commands that change something, against a mock TFE: the exact request each sends, the
//! rules checked before anything is sent, `--payload`, `--dry-run`, deletes and their
//! confirmation, and the output of each.

use crate::common::*;
use mockito::{Matcher, Mock, Server, ServerGuard};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};

const CLIENT_ID: &str = "oc-XKFwG6ggfA9n7t1K";
const PAT: &str = "4306823352f0009d0ed81f1b654ac17a";
const CREATE_PATH: &str = "/api/v2/organizations/my-organization/oauth-clients";

/// A write that must carry the JSON:API content type, the bearer token and exactly `body`.
fn write(server: &mut ServerGuard, method: &str, path: &str, body: Option<Value>) -> Mock {
    let mock = server
        .mock(method, path)
        .match_header("content-type", "application/vnd.api+json")
        .match_header("accept", "application/vnd.api+json")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str());
    match body {
        Some(body) => mock.match_body(Matcher::Json(body)),
        None => mock,
    }
}

/// A create that must send exactly `body`, answered with the documented sample.
fn expect_create(server: &mut ServerGuard, body: Value) -> Mock {
    write(server, "POST", CREATE_PATH, Some(body))
        .with_status(201)
        .with_body(created_response())
        .create()
}

fn created_response() -> String {
    let mut doc = fixture("client_create_response.json");
    doc["data"]["relationships"]["oauth-tokens"]["data"] =
        json!([{"id": "ot-hmAyP66qk2AMVdbJ", "type": "oauth-tokens"}]);
    doc.to_string()
}

/// Runs tfvcs against a server that must receive nothing, whatever the method; returns the
/// server's URL and what tfvcs printed.
fn run_sending_nothing(args: &[&str], stdin: &str) -> (String, std::process::Output) {
    let mut server = Server::new();
    let mocks: Vec<Mock> = ["GET", "POST", "PATCH", "DELETE"]
        .into_iter()
        .map(|m| server.mock(m, Matcher::Any).expect(0).create())
        .collect();
    let env = TestEnv::server(&server.url());
    let home = env.home();
    let mut cmd = env.command();
    let out = cmd
        .current_dir(home.path())
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    for mock in mocks {
        mock.assert();
    }
    (server.url(), out)
}

fn assert_nothing_sent(args: &[&str], stdin: &str, code: i32, message: &str) {
    let (_, out) = run_sending_nothing(args, stdin);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(
        err.contains(message),
        "{args:?}: expected {message:?} in {err:?}"
    );
}

#[test]
fn create_github_with_the_pat_from_stdin_sends_the_documented_payload() {
    let mut server = Server::new();
    let mock = write(&mut server, "POST", CREATE_PATH, None)
        .match_body(fixture("client_create_payload.json").to_string().as_str())
        .with_status(201)
        .with_body(created_response())
        .expect(1)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "create",
        "--provider",
        "github",
        "--pat-file",
        "-",
        "-o",
        "id",
    ])
    .write_stdin(format!("{PAT}\n"))
    .assert()
    .success()
    .stdout(format!("{CLIENT_ID}\n"))
    .stderr(contains(
        "created OAuth client oc-XKFwG6ggfA9n7t1K with OAuth token ot-hmAyP66qk2AMVdbJ",
    ));
    mock.assert();
}

#[test]
fn create_shows_the_new_client_with_its_token_id() {
    let mut server = Server::new();
    write(&mut server, "POST", CREATE_PATH, None)
        .with_status(201)
        .with_body(created_response())
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", PAT)
        .args(["client", "create", "--provider", "github"])
        .assert()
        .success()
        .stdout(contains("ID                   oc-XKFwG6ggfA9n7t1K\n"))
        .stdout(contains("Token IDs            ot-hmAyP66qk2AMVdbJ\n"));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd
        .env("TFVCS_PAT", PAT)
        .args(["client", "create", "--provider", "github", "-o", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(
        doc,
        serde_json::from_str::<Value>(&created_response()).unwrap()
    );
}

#[test]
fn create_sends_every_option_as_attributes_and_relationships() {
    let mut server = Server::new();
    let dir = TempDir::new();
    let pat = dir.file("pat", &format!("{PAT}\r\n"));
    let expected = json!({"data": {"type": "oauth-clients",
        "attributes": {"service-provider": "gitlab_enterprise_edition", "name": "gitlab",
            "http-url": "https://gitlab.example.com", "api-url": "https://gitlab.example.com/api/v4",
            "oauth-token-string": PAT, "key": "app-key", "organization-scoped": false},
        "relationships": {
            "projects": {"data": [{"type": "projects", "id": "prj-AbCdEf0123456789"}, {"type": "projects", "id": "prj-ZyXwVu9876543210"}]},
            "agent-pool": {"data": {"type": "agent-pools", "id": "apool-1234567890abcdef"}}}}});
    let mock = expect_create(&mut server, expected);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "create",
        "--provider",
        "gitlab_enterprise_edition",
        "--name",
        "gitlab",
    ])
    .args([
        "--http-url",
        "https://gitlab.example.com",
        "--key",
        "app-key",
        "--org-scoped",
        "false",
    ])
    .args([
        "--project",
        "prj-AbCdEf0123456789",
        "--project",
        "prj-ZyXwVu9876543210",
    ])
    .args([
        "--agent-pool",
        "apool-1234567890abcdef",
        "--pat-file",
        pat.to_str().unwrap(),
        "-o",
        "id",
    ])
    .assert()
    .success();
    mock.assert();
}

#[test]
fn create_bitbucket_data_center_sends_key_secret_and_public_key_exactly_as_read() {
    let mut server = Server::new();
    let dir = TempDir::new();
    let secret = dir.file(
        "app.key",
        "-----BEGIN RSA PRIVATE KEY-----\nSECRETCANARY\n-----END RSA PRIVATE KEY-----\n",
    );
    let public = dir.file(
        "app.pub",
        "-----BEGIN PUBLIC KEY-----\nPUB\n-----END PUBLIC KEY-----\n",
    );
    let expected = json!({"data": {"type": "oauth-clients", "attributes": {
        "service-provider": "bitbucket_data_center", "http-url": "https://bb.example.com/ctx", "api-url": "https://bb.example.com/ctx",
        "key": "consumer", "secret": "-----BEGIN RSA PRIVATE KEY-----\nSECRETCANARY\n-----END RSA PRIVATE KEY-----\n",
        "rsa-public-key": "-----BEGIN PUBLIC KEY-----\nPUB\n-----END PUBLIC KEY-----\n"}}});
    let mock = expect_create(&mut server, expected);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", "must-not-be-sent")
        .args([
            "client",
            "create",
            "--provider",
            "bitbucket_data_center",
            "--http-url",
            "https://bb.example.com/ctx",
        ])
        .args([
            "--key",
            "consumer",
            "--secret-file",
            secret.to_str().unwrap(),
        ])
        .args([
            "--rsa-public-key-file",
            public.to_str().unwrap(),
            "-o",
            "id",
        ])
        .assert()
        .success();
    mock.assert();
}

#[test]
fn create_ado_server_sends_the_private_key() {
    let mut server = Server::new();
    let dir = TempDir::new();
    let key = dir.file(
        "ado.key",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nKEY\n-----END OPENSSH PRIVATE KEY-----\n",
    );
    let expected = json!({"data": {"type": "oauth-clients", "attributes": {
        "service-provider": "ado_server", "http-url": "https://ado.example.com/tfs", "api-url": "https://ado.example.com/tfs",
        "oauth-token-string": PAT, "private-key": "-----BEGIN OPENSSH PRIVATE KEY-----\nKEY\n-----END OPENSSH PRIVATE KEY-----\n"}}});
    let mock = expect_create(&mut server, expected);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", PAT)
        .args([
            "client",
            "create",
            "--provider",
            "ado_server",
            "--http-url",
            "https://ado.example.com/tfs",
        ])
        .args(["--private-key-file", key.to_str().unwrap(), "-o", "id"])
        .assert()
        .success();
    mock.assert();
}

/// The body `client create --dry-run` would send for these arguments.
fn dry_run_body(args: &[&str]) -> Value {
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    let out = cmd
        .env("TFVCS_PAT", PAT)
        .args(["client", "create", "--dry-run"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let (first, body) = text.split_once('\n').unwrap();
    assert_eq!(
        first,
        "POST http://127.0.0.1:9/api/v2/organizations/my-organization/oauth-clients"
    );
    serde_json::from_str(body).unwrap()
}

#[test]
fn provider_url_defaults_follow_the_contract() {
    let cases = [
        (
            vec!["--provider", "github"],
            "https://github.com",
            "https://api.github.com",
        ),
        (
            vec!["--provider", "gitlab_hosted"],
            "https://gitlab.com",
            "https://gitlab.com/api/v4",
        ),
        (
            vec!["--provider", "bitbucket_hosted"],
            "https://bitbucket.org",
            "https://api.bitbucket.org",
        ),
        (
            vec!["--provider", "ado_services"],
            "https://dev.azure.com",
            "https://dev.azure.com",
        ),
        (
            vec![
                "--provider",
                "github_enterprise",
                "--http-url",
                "https://ghe.example.com",
            ],
            "https://ghe.example.com",
            "https://ghe.example.com/api/v3",
        ),
        (
            vec![
                "--provider",
                "gitlab_community_edition",
                "--http-url",
                "https://gl.example.com/",
            ],
            "https://gl.example.com/",
            "https://gl.example.com/api/v4",
        ),
        (
            vec![
                "--provider",
                "gitlab_enterprise_edition",
                "--http-url",
                "https://gl.example.com",
            ],
            "https://gl.example.com",
            "https://gl.example.com/api/v4",
        ),
        (
            vec![
                "--provider",
                "github",
                "--api-url",
                "https://api.example.com",
            ],
            "https://github.com",
            "https://api.example.com",
        ),
    ];
    for (args, http, api) in cases {
        let body = dry_run_body(&args);
        assert_eq!(body["data"]["attributes"]["http-url"], http, "{args:?}");
        assert_eq!(body["data"]["attributes"]["api-url"], api, "{args:?}");
        assert_eq!(
            body["data"]["attributes"]["oauth-token-string"],
            "[redacted]"
        );
    }
}

/// SPEC §3: a hosted provider's default API URL is the public service's, so another host's
/// --http-url without an --api-url would send every call to github.com & co.
#[test]
fn a_hosted_provider_given_another_host_is_refused_naming_the_self_hosted_provider() {
    for (provider, display, http_url, api_url, meant) in [
        (
            "github",
            "GitHub",
            "https://github.example.com",
            "https://api.github.com",
            "--provider github_enterprise",
        ),
        (
            "gitlab_hosted",
            "GitLab.com",
            "https://gitlab.example.com",
            "https://gitlab.com/api/v4",
            "--provider gitlab_enterprise_edition or --provider gitlab_community_edition",
        ),
        (
            "bitbucket_hosted",
            "Bitbucket Cloud",
            "http://10.0.0.1:7990",
            "https://api.bitbucket.org",
            "--provider bitbucket_data_center",
        ),
        (
            "ado_services",
            "Azure DevOps Services",
            "https://ado.example.com/tfs",
            "https://dev.azure.com",
            "--provider ado_server",
        ),
    ] {
        let args = [
            "client",
            "create",
            "--provider",
            provider,
            "--http-url",
            http_url,
            "--pat-file",
            "-",
        ];
        let (_, out) = run_sending_nothing(&args, &format!("{PAT}\n"));
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{provider}: {err}");
        assert!(
            err.contains(&format!(
                "error: --http-url \"{http_url}\" is not {display}: with --provider {provider} the API URL would be {api_url}\nhint: for a self-hosted server use {meant} (or give --api-url too)"
            )),
            "{err}"
        );
    }
    // The same from a payload's http-url; an --api-url (flag or payload) makes it deliberate.
    let dir = TempDir::new();
    let payload = dir.file(
        "payload.json",
        r#"{"data": {"type": "oauth-clients", "attributes": {"service-provider": "github", "http-url": "https://github.example.com"}}}"#,
    );
    let payload = payload.to_str().unwrap();
    assert_nothing_sent(
        &["client", "create", "--payload", payload, "--pat-file", "-"],
        &format!("{PAT}\n"),
        2,
        "use --provider github_enterprise",
    );
    let body = dry_run_body(&[
        "--payload",
        payload,
        "--api-url",
        "https://github.example.com/api/v3",
    ]);
    assert_eq!(
        body["data"]["attributes"]["api-url"],
        "https://github.example.com/api/v3"
    );
    let body = dry_run_body(&[
        "--provider",
        "ado_services",
        "--http-url",
        "https://contoso.visualstudio.com",
    ]);
    assert_eq!(
        body["data"]["attributes"]["api-url"],
        "https://dev.azure.com"
    );
}

/// SPEC §3: an unknown --provider suggests the API value meant, by meaning as well as
/// spelling, on every command that takes one; so does a payload's service-provider.
#[test]
fn a_provider_typed_as_people_say_it_suggests_the_api_value() {
    for (typed, tip) in [
        (
            "GitHub",
            "tip: for GitHub, the value is 'github'; for a self-hosted server, 'github_enterprise'",
        ),
        (
            "bitbucket",
            "tip: for Bitbucket Cloud, the value is 'bitbucket_hosted'; for a self-hosted server, 'bitbucket_data_center'",
        ),
        (
            "azure",
            "tip: for Azure DevOps Services, the value is 'ado_services'; for a self-hosted server, 'ado_server'",
        ),
        (
            "ado",
            "tip: for Azure DevOps Services, the value is 'ado_services'",
        ),
        (
            "devops",
            "tip: for Azure DevOps Services, the value is 'ado_services'",
        ),
        (
            "gitlab",
            "tip: for GitLab.com, the value is 'gitlab_hosted'; for a self-hosted server, 'gitlab_enterprise_edition' or 'gitlab_community_edition'",
        ),
        ("githb", "tip: for GitHub, the value is 'github'"),
    ] {
        for command in [&["client", "create"][..], &["token", "list"]] {
            let args = [command, &["--provider", typed]].concat();
            let (_, out) = run_sending_nothing(&args, "");
            let err = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(
                err.contains(&format!(
                    "error: invalid value '{typed}' for '--provider <PROVIDER>'"
                )),
                "{err}"
            );
            assert!(err.contains(tip), "{args:?}: {err}");
            assert!(
                err.contains("[possible values: github, github_enterprise,"),
                "{err}"
            );
        }
    }
    let (_, out) = run_sending_nothing(&["client", "create", "--provider", "svn"], "");
    assert!(!stderr_of(&out).contains("tip:"), "{}", stderr_of(&out));
    let dir = TempDir::new();
    let payload = dir.file(
        "payload.json",
        r#"{"data": {"type": "oauth-clients", "attributes": {"service-provider": "GitHub"}}}"#,
    );
    assert_nothing_sent(
        &[
            "client",
            "create",
            "--payload",
            payload.to_str().unwrap(),
            "--pat-file",
            "-",
        ],
        &format!("{PAT}\n"),
        2,
        "error: the payload's service-provider \"GitHub\" is not a provider tfvcs knows\nhint: for GitHub, the value is 'github'",
    );
}

#[test]
fn only_the_attributes_that_are_set_are_sent() {
    let body = dry_run_body(&["--provider", "github"]);
    let keys: Vec<&String> = body["data"]["attributes"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        keys,
        [
            "service-provider",
            "http-url",
            "api-url",
            "oauth-token-string"
        ]
    );
    assert!(body["data"].get("relationships").is_none());
}

#[test]
fn create_validation_rules_send_nothing() {
    let gh = ["client", "create", "--provider", "github"];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["client", "create"], "--provider is required"),
        (gh.to_vec(), "a personal access token (PAT) is required"),
        (
            vec![
                "client",
                "create",
                "--provider",
                "github_enterprise",
                "--pat-file",
                "-",
            ],
            "--http-url is required for github_enterprise",
        ),
        (
            vec![
                "client",
                "create",
                "--provider",
                "bitbucket_data_center",
                "--http-url",
                "https://bb.example.com",
            ],
            "needs --key, --secret-file, --rsa-public-key-file",
        ),
        (
            vec![
                "client",
                "create",
                "--provider",
                "bitbucket_server",
                "--http-url",
                "https://bb.example.com",
                "--key",
                "k",
            ],
            "needs --secret-file, --rsa-public-key-file",
        ),
        (
            vec![
                "client",
                "create",
                "--provider",
                "ado_server",
                "--http-url",
                "https://ado.example.com",
                "--pat-file",
                "-",
            ],
            "--private-key-file is required for ado_server",
        ),
        (
            [&gh[..], &["--pat-file", "-", "--private-key-file", "key"]].concat(),
            "--private-key-file is only for ado_server, not github",
        ),
        (
            [&gh[..], &["--pat-file", "-", "--http-url", "github.com"]].concat(),
            "--http-url \"github.com\" is not an absolute http(s) URL",
        ),
        (
            [&gh[..], &["--pat-file", "-", "--api-url", "ftp://x"]].concat(),
            "--api-url \"ftp://x\" is not an absolute http(s) URL",
        ),
        (
            [&gh[..], &["--pat-file", "-", "--payload", "-"]].concat(),
            "only one option can read stdin",
        ),
        (
            // A name would be looked up (SPEC §1); a malformed id is refused unsent.
            [&gh[..], &["--pat-file", "-", "--project", "prj-no/pe"]].concat(),
            "\"prj-no/pe\" is not a project id",
        ),
        (
            [&gh[..], &["--pat-file", "-", "--agent-pool", "pool"]].concat(),
            "\"pool\" is not an agent pool id",
        ),
        (
            // SPEC §3: the value may be the PAT itself, so it is not repeated.
            [&gh[..], &["--pat-file", "missing-file"]].concat(),
            "error: --pat-file: no such file",
        ),
    ];
    for (args, message) in cases {
        assert_nothing_sent(&args, &format!("{PAT}\n"), 2, message);
    }
}

#[test]
fn empty_and_placeholder_pats_are_refused() {
    let args = [
        "client",
        "create",
        "--provider",
        "github",
        "--pat-file",
        "-",
    ];
    assert_nothing_sent(
        &args,
        "\n",
        2,
        "the personal access token from stdin is empty",
    );
    assert_nothing_sent(
        &args,
        "<YOUR_PERSONAL_ACCESS_TOKEN>\n",
        2,
        "is a placeholder in angle brackets",
    );
    assert_nothing_sent(&args, "", 2, "is empty");
}

#[test]
fn no_pat_without_a_terminal_says_how_to_pass_one() {
    let mut server = Server::new();
    let none = server.mock("POST", Matcher::Any).expect(0).create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "create", "--provider", "github"])
        .assert()
        .code(2)
        .stderr(contains("error: a personal access token (PAT) is required"))
        .stderr(contains(
            "hint: pass --pat-file PATH, or --pat-file - to read it from stdin",
        ))
        .stderr(contains("hint: or set TFVCS_PAT"));
    none.assert();
}

#[test]
fn the_guide_payload_works_once_its_placeholder_is_replaced() {
    let dir = TempDir::new();
    let text = std::fs::read_to_string(fixtures_dir().join("guide_payload.json")).unwrap();
    let payload = dir.file(
        "payload.json",
        &text.replace("<YOUR_PERSONAL_ACCESS_TOKEN>", PAT),
    );
    let mut server = Server::new();
    let mock = write(&mut server, "POST", CREATE_PATH, None)
        .match_body(fixture("client_create_payload.json").to_string().as_str())
        .with_status(201)
        .with_body(created_response())
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "create",
        "--payload",
        payload.to_str().unwrap(),
        "-o",
        "id",
    ])
    .assert()
    .success();
    mock.assert();
}

/// SPEC §3: attributes tfvcs does not know are sent on with their numbers byte for byte, and
/// a payload saved with a byte-order mark is read.
#[test]
fn a_payload_with_a_bom_sends_its_numbers_as_written() {
    let dir = TempDir::new();
    let text = std::fs::read_to_string(fixtures_dir().join("guide_payload.json")).unwrap();
    let doc = text.replace("<YOUR_PERSONAL_ACCESS_TOKEN>", PAT).replacen(
        "\"attributes\": {",
        "\"attributes\": {\"x-ratio\": 1e2, \"x-id\": 123456789012345678901, \"x-half\": -0.50,",
        1,
    );
    assert!(
        doc.contains("x-ratio"),
        "the fixture has an attributes object"
    );
    let payload = dir.file("payload.json", &format!("\u{feff}{doc}"));
    let mut server = Server::new();
    let mock = write(&mut server, "POST", CREATE_PATH, None)
        .match_body(Matcher::Regex(
            r#""x-ratio":1e2,"x-id":123456789012345678901,"x-half":-0.50,"#.into(),
        ))
        .with_status(201)
        .with_body(created_response())
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "create", "--payload"])
        .arg(&payload)
        .args(["-o", "id"])
        .assert()
        .success();
    mock.assert();
    // --dry-run shows them as they would be sent.
    let mut cmd = env.command();
    cmd.args(["client", "create", "--dry-run", "--payload"])
        .arg(&payload)
        .assert()
        .success()
        .stdout(contains(r#""x-ratio": 1e2,"#))
        .stdout(contains(r#""x-id": 123456789012345678901,"#));
}

#[test]
fn the_guide_payload_with_its_placeholder_is_refused() {
    let text = std::fs::read_to_string(fixtures_dir().join("guide_payload.json")).unwrap();
    assert_nothing_sent(
        &["client", "create", "--payload", "-"],
        &text,
        2,
        "the payload's oauth-token-string is a placeholder",
    );
}

#[test]
fn the_guide_payload_placeholder_is_replaced_by_pat_file() {
    let dir = TempDir::new();
    let payload = dir.file(
        "payload.json",
        &std::fs::read_to_string(fixtures_dir().join("guide_payload.json")).unwrap(),
    );
    let mut server = Server::new();
    let mock = write(
        &mut server,
        "POST",
        CREATE_PATH,
        Some(fixture("client_create_payload.json")),
    )
    .with_status(201)
    .with_body(created_response())
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "create",
        "--payload",
        payload.to_str().unwrap(),
        "--pat-file",
        "-",
        "-o",
        "id",
    ])
    .write_stdin(PAT)
    .assert()
    .success();
    mock.assert();
}

#[test]
fn bad_payload_json_names_the_file_line_and_column() {
    let dir = TempDir::new();
    let payload = dir.file(
        "payload.json",
        "{\n  \"data\": {\n    \"type\": \"oauth-clients\",,\n",
    );
    let shown = payload.display().to_string();
    assert_nothing_sent(
        &["client", "create", "--payload", &shown],
        "",
        2,
        &format!("--payload {shown}: invalid JSON at line 3, column 29"),
    );
}

#[test]
fn payload_must_be_an_oauth_clients_document() {
    let cases = [
        (
            r#"{"data":{"type":"oauth-tokens","attributes":{}}}"#,
            "data.type must be \"oauth-clients\", not \"oauth-tokens\"",
        ),
        (r#"{"type":"oauth-clients"}"#, "no `data` object"),
        (
            r#"{"data":{"attributes":{}}}"#,
            "data.type must be \"oauth-clients\", not missing",
        ),
    ];
    for (payload, message) in cases {
        assert_nothing_sent(&["client", "create", "--payload", "-"], payload, 2, message);
    }
}

#[test]
fn flags_override_the_payload_and_unknown_attributes_are_forwarded() {
    let payload = json!({"data": {"type": "oauth-clients", "attributes": {
        "service-provider": "github", "name": "from-file", "http-url": "https://github.com",
        "api-url": "https://api.github.com", "oauth-token-string": PAT, "ado-entra-tenant-id": "tenant-1"},
        "relationships": {"projects": {"data": [{"type": "projects", "id": "prj-fromfile000000"}]}}}});
    let mut server = Server::new();
    let expected = json!({"data": {"type": "oauth-clients", "attributes": {
        "service-provider": "github_enterprise", "name": "from-flag", "http-url": "https://ghe.example.com",
        "api-url": "https://api.github.com", "oauth-token-string": PAT, "ado-entra-tenant-id": "tenant-1"},
        "relationships": {"projects": {"data": [{"type": "projects", "id": "prj-fromfile000000"}]}}}});
    let mock = expect_create(&mut server, expected);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "create",
        "--payload",
        "-",
        "--provider",
        "github_enterprise",
    ])
    .args([
        "--name",
        "from-flag",
        "--http-url",
        "https://ghe.example.com",
        "-o",
        "id",
    ])
    .write_stdin(payload.to_string())
    .assert()
    .success();
    mock.assert();
}

#[test]
fn a_post_that_fails_on_the_server_is_not_retried_and_says_to_check_the_list() {
    let mut server = Server::new();
    let mock = write(&mut server, "POST", CREATE_PATH, None)
        .with_status(503)
        .expect(1)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", PAT)
        .args(["client", "create", "--provider", "github"])
        .assert()
        .code(6)
        .stderr(contains("hint: a POST is never retried").and(contains("tfvcs client list")));
    mock.assert();
}

#[test]
fn a_rejected_create_exits_5_with_the_pointer() {
    let mut server = Server::new();
    write(&mut server, "POST", CREATE_PATH, None)
        .with_status(422)
        .with_body(r#"{"errors":[{"status":"422","title":"invalid attribute","detail":"Http url is invalid","source":{"pointer":"/data/attributes/http-url"}}]}"#)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", PAT)
        .args(["client", "create", "--provider", "github"])
        .assert()
        .code(5)
        .stderr(contains(
            "invalid attribute: Http url is invalid (at /data/attributes/http-url)",
        ));
}

fn updated_response() -> String {
    fixture("client_show_response.json").to_string()
}

#[test]
fn update_sends_only_what_is_given() {
    let mut server = Server::new();
    let expected = json!({"data": {"type": "oauth-clients", "attributes": {"name": "renamed", "organization-scoped": true}}});
    let mock = write(
        &mut server,
        "PATCH",
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        None,
    )
    .match_body(expected.to_string().as_str())
    .with_status(200)
    .with_body(updated_response())
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "update",
        CLIENT_ID,
        "--name",
        "renamed",
        "--org-scoped",
        "true",
    ])
    .assert()
    .success()
    .stdout(contains("ID                   oc-XKFwG6ggfA9n7t1K\n"));
    mock.assert();
}

#[test]
fn update_projects_replace_the_set_clear_sends_an_empty_array_and_agent_pool_none_sends_null() {
    let path = "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K";
    let cases: Vec<(Vec<&str>, Value)> = vec![
        (
            vec!["--project", "prj-AbCdEf0123456789"],
            json!({"projects": {"data": [{"type": "projects", "id": "prj-AbCdEf0123456789"}]}}),
        ),
        (vec!["--clear-projects"], json!({"projects": {"data": []}})),
        (
            vec!["--agent-pool", "none"],
            json!({"agent-pool": {"data": null}}),
        ),
        (
            vec!["--agent-pool", "apool-1234567890abcdef"],
            json!({"agent-pool": {"data": {"type": "agent-pools", "id": "apool-1234567890abcdef"}}}),
        ),
    ];
    for (args, relationships) in cases {
        let mut server = Server::new();
        // `attributes` even when empty: the schema requires it, and TFE keeps what is not sent.
        let body = json!({"data": {"type": "oauth-clients", "attributes": {}, "relationships": relationships}});
        let mock = write(&mut server, "PATCH", path, None)
            .match_body(body.to_string().as_str())
            .with_status(200)
            .with_body(updated_response())
            .create();
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.args(["client", "update", CLIENT_ID, "-o", "id"])
            .args(&args)
            .assert()
            .success()
            .stdout(format!("{CLIENT_ID}\n"));
        mock.assert();
    }
}

#[test]
fn update_with_secret_files() {
    let dir = TempDir::new();
    let secret = dir.file("s", "SECRET\n");
    let mut server = Server::new();
    let body = json!({"data": {"type": "oauth-clients", "attributes": {"key": "k2", "secret": "SECRET\n", "rsa-public-key": "PUB"}}});
    let mock = write(
        &mut server,
        "PATCH",
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        Some(body),
    )
    .with_status(200)
    .with_body(updated_response())
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "update",
        CLIENT_ID,
        "--key",
        "k2",
        "--secret-file",
        secret.to_str().unwrap(),
    ])
    .args(["--rsa-public-key-file", "-", "-o", "id"])
    .write_stdin("PUB")
    .assert()
    .success();
    mock.assert();
}

#[test]
fn update_without_options_is_a_usage_error() {
    assert_nothing_sent(&["client", "update", CLIENT_ID], "", 2, "nothing to update");
    assert_nothing_sent(
        &[
            "client",
            "update",
            CLIENT_ID,
            "--project",
            "prj-AbCdEf0123456789",
            "--clear-projects",
        ],
        "",
        2,
        "cannot be used with",
    );
}

#[test]
fn set_pat_sends_the_token_string_and_nothing_else() {
    let mut server = Server::new();
    let body =
        json!({"data": {"type": "oauth-clients", "attributes": {"oauth-token-string": PAT}}});
    let mock = write(
        &mut server,
        "PATCH",
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        None,
    )
    .match_body(body.to_string().as_str())
    .with_status(200)
    .with_body(updated_response())
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "set-pat",
        CLIENT_ID,
        "--pat-file",
        "-",
        "-o",
        "id",
    ])
    .write_stdin(format!("{PAT}\n"))
    .assert()
    .success()
    .stdout(format!("{CLIENT_ID}\n"))
    .stderr(contains(
        "replaced the personal access token of oc-XKFwG6ggfA9n7t1K",
    ));
    mock.assert();
}

#[test]
fn set_pat_with_an_ado_org_name_sends_both_in_one_patch() {
    let mut server = Server::new();
    let body = json!({"data": {"type": "oauth-clients", "attributes": {
        "oauth-token-string": PAT, "ado-org-name": "contoso-eu"}}});
    let mock = write(
        &mut server,
        "PATCH",
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        None,
    )
    .match_body(body.to_string().as_str())
    .with_status(200)
    .with_body(updated_response())
    .expect(1)
    .create();
    TestEnv::server(&server.url())
        .command()
        .args(["client", "set-pat", CLIENT_ID, "--ado-org-name", "contoso-eu"])
        .args(["--pat-file", "-", "-o", "id"])
        .write_stdin(format!("{PAT}\n"))
        .assert()
        .success()
        .stdout(format!("{CLIENT_ID}\n"))
        .stderr(contains(
            "replaced the personal access token of oc-XKFwG6ggfA9n7t1K, for Azure DevOps organization contoso-eu",
        ));
    mock.assert();
}

#[test]
fn set_pat_refuses_an_ado_org_name_of_another_shape_before_sending() {
    for bad in ["contoso-", "contoso_eu", &"a".repeat(51)] {
        assert_nothing_sent(
            &[
                "client",
                "set-pat",
                CLIENT_ID,
                "--ado-org-name",
                bad,
                "--pat-file",
                "-",
            ],
            PAT,
            2,
            "is not an Azure DevOps organization name",
        );
    }
}

#[test]
fn set_pat_dry_run_shows_the_ado_org_name_and_redacts_the_pat() {
    let out = TestEnv::server("http://127.0.0.1:9")
        .command()
        .args(["client", "set-pat", CLIENT_ID, "--ado-org-name", "contoso"])
        .args(["--pat-file", "-", "--dry-run"])
        .write_stdin(PAT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = stdout_of(&out);
    assert!(
        stdout.starts_with("PATCH http://127.0.0.1:9/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"oauth-token-string\": \"[redacted]\""),
        "{stdout}"
    );
    assert!(stdout.contains("\"ado-org-name\": \"contoso\""), "{stdout}");
    assert!(!stdout.contains(PAT) && !stderr_of(&out).contains(PAT));
}

#[test]
fn set_pat_by_name_walks_the_list_first() {
    let mut server = Server::new();
    let walk = server
        .mock("GET", CREATE_PATH)
        .match_query(Matcher::Exact(page_query("", 1)))
        .with_status(200)
        .with_body(page(
            vec![client_resource(CLIENT_ID, Some("gh"), None)],
            1,
            1,
            1,
        ))
        .create();
    let patch = write(
        &mut server,
        "PATCH",
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        None,
    )
    .with_status(200)
    .with_body(updated_response())
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", PAT)
        .args(["client", "set-pat", "gh", "-o", "id"])
        .assert()
        .success();
    walk.assert();
    patch.assert();
}

#[test]
fn add_and_remove_projects_send_a_top_level_data_array() {
    for (command, method, verb) in [
        ("add-projects", "POST", "added"),
        ("remove-projects", "DELETE", "removed"),
    ] {
        let mut server = Server::new();
        let body = json!({"data": [{"type": "projects", "id": "prj-AbCdEf0123456789"}, {"type": "projects", "id": "prj-ZyXwVu9876543210"}]});
        let mock = write(
            &mut server,
            method,
            "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K/relationships/projects",
            None,
        )
        .match_body(body.to_string().as_str())
        .with_status(204)
        .create();
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.args([
            "client",
            command,
            CLIENT_ID,
            "prj-AbCdEf0123456789",
            "prj-ZyXwVu9876543210",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr(contains(format!(
            "{verb} prj-AbCdEf0123456789, prj-ZyXwVu9876543210"
        )));
        mock.assert();
    }
}

/// `ot-hmAyP66qk2AMVdbJ`, read before its delete, and an organization where nothing uses it.
fn unused_token(server: &mut ServerGuard) -> crate::linked::mock::Org {
    let mut token = fixture("token_show_response.json")["data"].clone();
    token["id"] = json!("ot-hmAyP66qk2AMVdbJ");
    crate::linked::mock::unused(server, "/api/v2/oauth-tokens/ot-hmAyP66qk2AMVdbJ", &token)
}

#[test]
fn client_delete_without_a_terminal_needs_yes_and_sends_nothing() {
    assert_nothing_sent(
        &["client", "delete", CLIENT_ID],
        "",
        2,
        "refusing to delete without confirmation",
    );
    assert_nothing_sent(&["client", "delete", "by-name"], "", 2, "hint: pass --yes");
    assert_nothing_sent(
        &["token", "delete", "ot-hmAyP66qk2AMVdbJ"],
        "",
        2,
        "refusing to delete without confirmation",
    );
}

#[test]
fn client_delete_with_yes_reads_walks_then_deletes_what_nothing_uses() {
    let mut server = Server::new();
    let read_and_walk = crate::linked::mock::unused(
        &mut server,
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        &fixture("client_show_response.json")["data"],
    );
    let delete = write(
        &mut server,
        "DELETE",
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        None,
    )
    .with_status(204)
    .expect(1)
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "delete", CLIENT_ID, "--yes"])
        .assert()
        .success()
        .stdout("")
        .stderr("deleted OAuth client oc-XKFwG6ggfA9n7t1K\n");
    delete.assert();
    read_and_walk.assert();
}

#[test]
fn delete_with_output_id_prints_the_deleted_id() {
    let mut server = Server::new();
    let _read_and_walk = unused_token(&mut server);
    write(
        &mut server,
        "DELETE",
        "/api/v2/oauth-tokens/ot-hmAyP66qk2AMVdbJ",
        None,
    )
    .with_status(204)
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "token",
        "delete",
        "ot-hmAyP66qk2AMVdbJ",
        "--yes",
        "-o",
        "id",
    ])
    .assert()
    .success()
    .stdout("ot-hmAyP66qk2AMVdbJ\n")
    .stderr("deleted OAuth token ot-hmAyP66qk2AMVdbJ\n");
}

#[test]
fn a_failed_delete_exits_with_the_status_code() {
    let mut server = Server::new();
    let _read_and_walk = unused_token(&mut server);
    write(
        &mut server,
        "DELETE",
        "/api/v2/oauth-tokens/ot-hmAyP66qk2AMVdbJ",
        None,
    )
    .with_status(404)
    .with_body(r#"{"errors":[{"status":"404","title":"not found"}]}"#)
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "delete", "ot-hmAyP66qk2AMVdbJ", "--yes"])
        .assert()
        .code(3)
        .stdout("");
}

const PLAIN_KEY: &str =
    "-----BEGIN RSA PRIVATE KEY-----\nSSHKEYCANARY\n-----END RSA PRIVATE KEY-----\n";

#[test]
fn set_ssh_key_sends_the_key_and_shows_the_token() {
    let mut server = Server::new();
    let body = json!({"data": {"type": "oauth-tokens", "attributes": {"ssh-key": PLAIN_KEY}}});
    let mut response = fixture("token_update_response.json");
    response["data"]["attributes"]["has-ssh-key"] = json!(true);
    let mock = write(
        &mut server,
        "PATCH",
        "/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL",
        Some(body),
    )
    .with_status(200)
    .with_body(response.to_string())
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "token",
        "set-ssh-key",
        "ot-29t7xkUKiNC2XasL",
        "--ssh-key-file",
        "-",
    ])
    .write_stdin(PLAIN_KEY)
    .assert()
    .success()
    .stdout(contains("SSH key  yes\n"));
    mock.assert();
}

#[test]
fn set_ssh_key_refuses_keys_tfe_cannot_use() {
    let args = [
        "token",
        "set-ssh-key",
        "ot-29t7xkUKiNC2XasL",
        "--ssh-key-file",
        "-",
    ];
    let encrypted =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n";
    assert_nothing_sent(&args, encrypted, 2, "is protected by a passphrase");
    assert_nothing_sent(
        &args,
        "ssh-ed25519 AAAAC3Nza user@host\n",
        2,
        "not a PEM private key",
    );
    assert_nothing_sent(&args, "", 2, "the file is empty");
    // An OpenSSH key encrypted with aes256-ctr (its header, as ssh-keygen writes it).
    let openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABA=\n-----END OPENSSH PRIVATE KEY-----\n";
    assert_nothing_sent(&args, openssh, 2, "is protected by a passphrase");
}

#[test]
fn dry_run_prints_the_request_with_secrets_redacted_and_sends_nothing() {
    let dir = TempDir::new();
    let key = dir.file("k", PLAIN_KEY);
    let key = key.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["client", "set-pat", CLIENT_ID, "--pat-file", "-"],
            "PATCH {url}/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K\n{\n  \"data\": {\n    \"type\": \"oauth-clients\",\n    \"attributes\": {\n      \"oauth-token-string\": \"[redacted]\"\n    }\n  }\n}\n",
        ),
        (
            vec![
                "token",
                "set-ssh-key",
                "ot-29t7xkUKiNC2XasL",
                "--ssh-key-file",
                key,
            ],
            "PATCH {url}/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL\n{\n  \"data\": {\n    \"type\": \"oauth-tokens\",\n    \"attributes\": {\n      \"ssh-key\": \"[redacted]\"\n    }\n  }\n}\n",
        ),
        // A delete's dry run reads and walks first (SPEC §3): tests/linked/delete.rs.
        (
            vec!["client", "add-projects", CLIENT_ID, "prj-AbCdEf0123456789"],
            "POST {url}/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K/relationships/projects\n{\n  \"data\": [\n    {\n      \"type\": \"projects\",\n      \"id\": \"prj-AbCdEf0123456789\"\n    }\n  ]\n}\n",
        ),
        (
            vec![
                "client",
                "remove-projects",
                CLIENT_ID,
                "prj-AbCdEf0123456789",
            ],
            "DELETE {url}/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K/relationships/projects\n{\n  \"data\": [\n    {\n      \"type\": \"projects\",\n      \"id\": \"prj-AbCdEf0123456789\"\n    }\n  ]\n}\n",
        ),
        (
            vec!["client", "update", CLIENT_ID, "--name", "n"],
            "PATCH {url}/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K\n{\n  \"data\": {\n    \"type\": \"oauth-clients\",\n    \"attributes\": {\n      \"name\": \"n\"\n    }\n  }\n}\n",
        ),
        (
            vec![
                "client",
                "create",
                "--provider",
                "github",
                "--pat-file",
                "-",
            ],
            "POST {url}/api/v2/organizations/my-organization/oauth-clients\n{\n  \"data\": {\n    \"type\": \"oauth-clients\",\n    \"attributes\": {\n      \"service-provider\": \"github\",\n      \"http-url\": \"https://github.com\",\n      \"api-url\": \"https://api.github.com\",\n      \"oauth-token-string\": \"[redacted]\"\n    }\n  }\n}\n",
        ),
    ];
    for (args, expected) in cases {
        let args = [&args[..], &["--dry-run"]].concat();
        let (url, out) = run_sending_nothing(&args, PAT);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr_of(&out));
        assert_eq!(stdout_of(&out), expected.replace("{url}", &url), "{args:?}");
    }
}

#[test]
fn a_group_readable_secret_file_gets_a_warning() {
    let dir = TempDir::new();
    let pat = dir.file("pat", PAT);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pat, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    cmd.args([
        "client",
        "set-pat",
        CLIENT_ID,
        "--dry-run",
        "--pat-file",
        pat.to_str().unwrap(),
    ])
    .assert()
    .success()
    .stderr(contains("warning:").and(contains("readable by group or others")));
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    let private = dir.file("pat2", PAT);
    cmd.args([
        "client",
        "set-pat",
        CLIENT_ID,
        "--dry-run",
        "--pat-file",
        private.to_str().unwrap(),
    ])
    .assert()
    .success()
    .stderr("");
}

/// An id refused where it is parsed is quoted escaped: what was typed cannot fake a line or
/// drive the terminal, in the message or in the hint that repeats it.
#[test]
fn a_refused_id_is_shown_escaped() {
    let bad = |prefix: &str| format!("{prefix}x\nFAKE-LINE\r\x1b[8m\u{202e}");
    let (oc, ot, ghain, prj) = (bad("oc-"), bad("ot-"), bad("ghain-"), bad("prj-"));
    let cases: [&[&str]; 5] = [
        &["token", "show", &oc],
        &["client", "show", &oc],
        &["github-app", "show", &ghain],
        &["client", "add-projects", CLIENT_ID, &prj],
        &[
            "token",
            "relink",
            "ot-hmAyP66qk2AMVdbJ",
            "--to",
            &ot,
            "--yes",
        ],
    ];
    for args in cases {
        let (_, out) = run_sending_nothing(args, "");
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: \""), "{args:?}: {err}");
        assert!(
            err.contains(r"x\nFAKE-LINE\r\u{1b}[8m\u{202e}"),
            "{args:?}: {err}"
        );
        for raw in ['\r', '\x1b', '\u{202e}'] {
            assert!(!err.contains(raw), "{args:?}: {err:?}");
        }
        assert!(
            err.lines().all(|l| !l.starts_with("FAKE-LINE")),
            "{args:?}: {err}"
        );
    }
}

/// The hint for the id of a resource that uses a connection, given where a token goes.
fn resource_hint(id: &str, what: &str) -> String {
    format!(
        "hint: {id} is {what}, which uses a connection: token commands take an OAuth token's ot-… id (the oauth-token-id of its vcs-repo); `tfvcs token list -o id` lists the organization's tokens, `tfvcs token usage ot-…` what uses one"
    )
}

/// `token relink --to` given a client or a resource: what goes there instead.
#[test]
fn relink_to_a_client_or_a_resource_says_what_goes_there() {
    let from = "ot-29t7xkUKiNC2XasL";
    for (to, hint) in [
        (
            CLIENT_ID,
            format!(
                "hint: {CLIENT_ID} is an OAuth client: its tokens are `tfvcs token list {CLIENT_ID} -o id`"
            ),
        ),
        (
            "ws-AbCdEf0123456789",
            resource_hint("ws-AbCdEf0123456789", "a workspace"),
        ),
    ] {
        let args = ["token", "relink", from, "--to", to, "--yes"];
        let (_, out) = run_sending_nothing(&args, "");
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("error: --to {to:?} is neither an OAuth token (ot-…) nor a GitHub App installation (ghain-…)\n{hint}\n")),
            "{args:?}: {err}"
        );
    }
}

/// An id or name of the wrong kind, on every `token …` and `client …` verb that takes one:
/// exit 2 with nothing sent, saying what it is and where it goes.
#[test]
fn an_id_of_the_wrong_kind_says_where_it_goes() {
    let token_verbs: [&[&str]; 5] = [
        &["token", "show"],
        &["token", "set-ssh-key"],
        &["token", "delete"],
        &["token", "usage"],
        &["token", "relink"],
    ];
    for verb in token_verbs {
        for (given, hint) in [
            (CLIENT_ID, format!("hint: {CLIENT_ID} is an OAuth client: its tokens are `tfvcs token list {CLIENT_ID} -o id`, what uses them `tfvcs client usage {CLIENT_ID}`")),
            ("my-github", "hint: if \"my-github\" names an OAuth client: its tokens are `tfvcs token list \"my-github\" -o id`, what uses them `tfvcs client usage \"my-github\"`".to_string()),
            ("ghain-BYrbNeGQ8nAzKouu", "hint: ghain-BYrbNeGQ8nAzKouu is a GitHub App installation: what uses it is `tfvcs github-app usage ghain-BYrbNeGQ8nAzKouu`".to_string()),
            ("ws-AbCdEf0123456789", resource_hint("ws-AbCdEf0123456789", "a workspace")),
            ("polset-3yVQZvHzf5j3WRJ1", resource_hint("polset-3yVQZvHzf5j3WRJ1", "a policy set")),
            ("mod-0000000000000001", resource_hint("mod-0000000000000001", "a module")),
        ] {
            // A GitHub App installation is a FROM relink takes (moving off it, SPEC §10).
            if verb[1] == "relink" && given.starts_with("ghain-") {
                continue;
            }
            let mut args = [verb, &[given]].concat();
            match verb[1] {
                "set-ssh-key" => args.extend(["--ssh-key-file", "-"]),
                "delete" => args.push("--yes"),
                "relink" => args.extend(["--to", "ot-29t7xkUKiNC2XasL", "--yes"]),
                _ => {}
            }
            let (_, out) = run_sending_nothing(&args, "");
            let err = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(
                err.starts_with(&format!("error: {given:?} is not an OAuth token id (expected ot-…)\n{hint}\n")),
                "{args:?}: {err}"
            );
        }
    }
    let token = "ot-29t7xkUKiNC2XasL";
    let client_verbs: [&[&str]; 8] = [
        &["client", "show", token],
        &["client", "update", token, "--name", "n"],
        &["client", "set-pat", token, "--pat-file", "-"],
        &["client", "add-projects", token, "prj-AbCdEf0123456789"],
        &["client", "remove-projects", token, "prj-AbCdEf0123456789"],
        &["client", "delete", token, "--yes"],
        &["client", "usage", token],
        &["token", "list", token],
    ];
    for args in client_verbs {
        let (_, out) = run_sending_nothing(args, PAT);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(
            err,
            format!(
                "error: {token} is an OAuth token, not an OAuth client (oc-… or a client name)\nhint: `tfvcs token show {token}` names its client; `tfvcs token usage {token}` lists what uses it\n"
            ),
            "{args:?}"
        );
    }
}
