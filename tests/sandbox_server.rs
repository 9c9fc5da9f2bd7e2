//! The sandbox as a TFE server, spoken to with raw HTTP: error statuses and bodies,
//! pagination, include, write-only attributes, persistence across a kill, concurrent writes,
//! and the stress options.

use crate::common::*;
use serde_json::{Value, json};

const PAT: &str = "pat-SERVER-CANARY-31";

fn create_body(name: &str) -> Value {
    json!({"data": {"type": "oauth-clients", "attributes": {
        "service-provider": "github", "name": name, "http-url": "https://github.com",
        "api-url": "https://api.github.com", "oauth-token-string": PAT}}})
}

fn clients_path(sandbox: &Sandbox) -> String {
    format!("/api/v2/organizations/{}/oauth-clients", sandbox.org)
}

fn create(sandbox: &Sandbox, name: &str) -> Value {
    let reply = sandbox.request("POST", &clients_path(sandbox), Some(&create_body(name)));
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body
}

#[test]
fn a_created_client_has_a_tfe_shaped_id_and_its_oauth_token() {
    let sandbox = Sandbox::start(&[]);
    let doc = create(&sandbox, "gh");
    let id = doc["data"]["id"].as_str().unwrap();
    assert!(
        id.starts_with("oc-")
            && id[3..].len() == 16
            && id[3..].chars().all(|c| c.is_ascii_alphanumeric()),
        "{id}"
    );
    assert_eq!(
        doc["data"]["attributes"]["service-provider-display-name"],
        "GitHub"
    );
    assert_eq!(doc["data"]["attributes"]["organization-scoped"], true);
    assert_eq!(
        doc["data"]["relationships"]["organization"]["data"]["id"],
        sandbox.org.as_str()
    );
    let token = doc["data"]["relationships"]["oauth-tokens"]["data"][0]["id"]
        .as_str()
        .unwrap();
    let shown = sandbox.request("GET", &format!("/api/v2/oauth-tokens/{token}"), None);
    assert_eq!(shown.status, 200);
    assert!(shown.body["data"]["attributes"]["service-provider-user"].is_string());
    assert_eq!(
        shown.body["data"]["relationships"]["oauth-client"]["data"]["id"],
        id
    );
}

#[test]
fn requests_without_a_valid_token_get_401() {
    let sandbox = Sandbox::start(&[]);
    for token in [None, Some("wrong")] {
        let reply = http(
            "GET",
            &format!("{}{}", sandbox.url, clients_path(&sandbox)),
            token,
            None,
            None,
        );
        assert_eq!(reply.status, 401);
        assert_eq!(
            reply.body,
            json!({"errors": [{"status": "401", "title": "unauthorized"}]})
        );
    }
}

#[test]
fn unknown_ids_and_other_organizations_get_404() {
    let sandbox = Sandbox::start(&[]);
    for path in [
        "/api/v2/oauth-clients/oc-doesnotexist0000".to_string(),
        "/api/v2/oauth-tokens/ot-doesnotexist0000".to_string(),
        "/api/v2/organizations/someone-else/oauth-clients".to_string(),
        "/api/v2/organizations/someone-else".to_string(),
        "/api/v2/no-such-endpoint".to_string(),
    ] {
        let reply = sandbox.request("GET", &path, None);
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.body["errors"][0]["status"], "404", "{path}");
    }
    let reply = sandbox.request("DELETE", "/api/v2/oauth-clients/oc-doesnotexist0000", None);
    assert_eq!(reply.status, 404);
}

#[test]
fn writes_without_the_json_api_content_type_get_415() {
    let sandbox = Sandbox::start(&[]);
    let url = format!("{}{}", sandbox.url, clients_path(&sandbox));
    for ct in [None, Some("application/json")] {
        let reply = http(
            "POST",
            &url,
            Some(&sandbox.token),
            Some(&create_body("x")),
            ct,
        );
        assert_eq!(reply.status, 415, "{ct:?}");
    }
    let id = create(&sandbox, "x")["data"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = http(
        "DELETE",
        &format!("{}/api/v2/oauth-clients/{id}", sandbox.url),
        Some(&sandbox.token),
        None,
        None,
    );
    assert_eq!(reply.status, 415, "a bodiless DELETE needs it too");
}

#[test]
fn invalid_bodies_get_422_with_source_pointer() {
    let sandbox = Sandbox::start(&[]);
    let cases = [
        (
            json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "svn", "http-url": "https://x", "api-url": "https://x"}}}),
            "/data/attributes/service-provider",
        ),
        (
            json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "github", "http-url": "https://github.com", "api-url": "https://api.github.com"}}}),
            "/data/attributes/oauth-token-string",
        ),
        (
            json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "github", "http-url": "github.com", "api-url": "https://api.github.com", "oauth-token-string": "x"}}}),
            "/data/attributes/http-url",
        ),
        (
            json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "bitbucket_data_center", "http-url": "https://bb", "api-url": "https://bb", "key": "k", "secret": "s"}}}),
            "/data/attributes/rsa-public-key",
        ),
        (
            json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "ado_server", "http-url": "https://ado", "api-url": "https://ado", "oauth-token-string": "x"}}}),
            "/data/attributes/private-key",
        ),
        (
            json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "github", "http-url": "https://github.com", "api-url": "https://api.github.com", "oauth-token-string": "x", "private-key": "k"}}}),
            "/data/attributes/private-key",
        ),
        (
            json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "github", "http-url": "https://github.com", "api-url": "https://api.github.com", "oauth-token-string": "x"},
            "relationships": {"projects": {"data": [{"type": "projects", "id": "prj-nope0000000000"}]}}}}),
            "/data/relationships/projects/data/0",
        ),
        (json!({"data": {"type": "workspaces"}}), "/data/type"),
        (json!({"nodata": true}), "/data"),
    ];
    for (body, pointer) in cases {
        let reply = sandbox.request("POST", &clients_path(&sandbox), Some(&body));
        assert_eq!(reply.status, 422, "{body}");
        let pointers: Vec<&str> = reply.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["source"]["pointer"].as_str())
            .collect();
        assert!(pointers.contains(&pointer), "{body}: {pointers:?}");
    }
    let token = create(&sandbox, "t")["data"]["relationships"]["oauth-tokens"]["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let bad_key = json!({"data": {"type": "oauth-tokens", "attributes": {"ssh-key": "-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n-----END ENCRYPTED PRIVATE KEY-----"}}});
    let reply = sandbox.request(
        "PATCH",
        &format!("/api/v2/oauth-tokens/{token}"),
        Some(&bad_key),
    );
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.body["errors"][0]["source"]["pointer"],
        "/data/attributes/ssh-key"
    );
}

#[test]
fn an_invalid_include_gets_400_with_the_string_error_shape() {
    let sandbox = Sandbox::start(&[]);
    let reply = sandbox.request(
        "GET",
        &format!("{}?include=workspaces", clients_path(&sandbox)),
        None,
    );
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body,
        json!({"errors": ["include parameter is invalid"]})
    );
}

#[test]
fn pagination_follows_tfe() {
    let sandbox = Sandbox::start(&[]);
    for i in 0..23 {
        create(&sandbox, &format!("c{i:02}"));
    }
    let path = clients_path(&sandbox);
    let mut seen = Vec::new();
    for page in 1..=4u64 {
        let reply = sandbox.request(
            "GET",
            &format!("{path}?page%5Bsize%5D=7&page%5Bnumber%5D={page}"),
            None,
        );
        let meta = &reply.body["meta"]["pagination"];
        let expected_count = if page < 4 { 7 } else { 2 };
        assert_eq!(
            reply.body["data"].as_array().unwrap().len(),
            expected_count,
            "page {page}"
        );
        assert_eq!(meta["current-page"], page);
        assert_eq!(meta["page-size"], 7);
        assert_eq!(meta["total-pages"], 4);
        assert_eq!(meta["total-count"], 23);
        assert_eq!(
            meta["prev-page"],
            if page > 1 {
                json!(page - 1)
            } else {
                Value::Null
            }
        );
        assert_eq!(
            meta["next-page"],
            if page < 4 {
                json!(page + 1)
            } else {
                Value::Null
            }
        );
        let link = |n: u64| {
            json!(format!(
                "{}{path}?page%5Bnumber%5D={n}&page%5Bsize%5D=7",
                sandbox.url
            ))
        };
        let links = &reply.body["links"];
        assert_eq!(links["self"], link(page));
        assert_eq!(links["first"], link(1));
        assert_eq!(links["last"], link(4));
        assert_eq!(
            links["next"],
            if page < 4 {
                link(page + 1)
            } else {
                Value::Null
            }
        );
        assert_eq!(
            links["prev"],
            if page > 1 {
                link(page - 1)
            } else {
                Value::Null
            }
        );
        seen.extend(
            reply.body["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["attributes"]["name"].as_str().unwrap().to_string()),
        );
    }
    let expected: Vec<String> = (0..23).map(|i| format!("c{i:02}")).collect();
    assert_eq!(seen, expected, "every item once, in creation order");

    let big = sandbox.request("GET", &format!("{path}?page%5Bsize%5D=500"), None);
    assert_eq!(big.body["meta"]["pagination"]["page-size"], 100);
    let default = sandbox.request("GET", &format!("{path}?page%5Bnumber%5D=1"), None);
    assert_eq!(default.body["meta"]["pagination"]["page-size"], 20);
    assert_eq!(default.body["data"].as_array().unwrap().len(), 20);
    let all = sandbox.request("GET", &path, None);
    assert_eq!(
        all.body["data"].as_array().unwrap().len(),
        23,
        "no page parameters: everything"
    );
}

#[test]
fn tfvcs_walks_every_page_of_the_sandbox() {
    let sandbox = Sandbox::start(&[]);
    for i in 0..105 {
        create(&sandbox, &format!("c{i}"));
    }
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    let out = cmd.args(["client", "list", "-o", "id"]).output().unwrap();
    assert_eq!(stdout_of(&out).lines().count(), 105);
}

#[test]
fn include_brings_tokens_and_projects() {
    let sandbox = Sandbox::start(&[]);
    let projects = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}/projects", sandbox.org),
        None,
    );
    let project = projects.body["data"][0]["id"].as_str().unwrap().to_string();
    let mut body = create_body("inc");
    body["data"]["relationships"] =
        json!({"projects": {"data": [{"type": "projects", "id": project}]}});
    let created = sandbox.request("POST", &clients_path(&sandbox), Some(&body));
    let id = created.body["data"]["id"].as_str().unwrap();
    let shown = sandbox.request(
        "GET",
        &format!("/api/v2/oauth-clients/{id}?include=oauth_tokens,projects"),
        None,
    );
    let kinds: Vec<&str> = shown.body["included"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["oauth-tokens", "projects"]);
    let plain = sandbox.request("GET", &format!("/api/v2/oauth-clients/{id}"), None);
    assert!(plain.body.get("included").is_none());
}

#[test]
fn project_attach_and_detach_and_the_seed_delete_path() {
    let sandbox = Sandbox::start(&[]);
    let project = sandbox
        .request(
            "GET",
            &format!("/api/v2/organizations/{}/projects", sandbox.org),
            None,
        )
        .body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let id = create(&sandbox, "p")["data"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let rel = format!("/api/v2/oauth-clients/{id}/relationships/projects");
    let list = json!({"data": [{"type": "projects", "id": project}]});
    assert_eq!(sandbox.request("POST", &rel, Some(&list)).status, 204);
    let shown = sandbox.request("GET", &format!("/api/v2/oauth-clients/{id}"), None);
    assert_eq!(
        shown.body["data"]["relationships"]["projects"]["data"][0]["id"],
        project.as_str()
    );
    assert_eq!(sandbox.request("DELETE", &rel, Some(&list)).status, 204);
    assert_eq!(
        sandbox
            .request("POST", &rel, Some(&json!({"data": []})))
            .status,
        422
    );
    let delete = sandbox.request(
        "DELETE",
        &format!("{}/{id}", clients_path(&sandbox)),
        Some(&Value::Null),
    );
    assert_eq!(
        delete.status, 204,
        "the seed's DELETE /organizations/:org/oauth-clients/:id, with a null body"
    );
    assert_eq!(
        sandbox
            .request("GET", &format!("/api/v2/oauth-clients/{id}"), None)
            .status,
        404
    );
}

#[test]
fn show_affected_workspaces_reports_none() {
    let sandbox = Sandbox::start(&[]);
    let id = create(&sandbox, "a")["data"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let shown = sandbox.request(
        "GET",
        &format!("/api/v2/oauth-clients/{id}?show_affected_workspaces=true"),
        None,
    );
    assert_eq!(
        shown.body["data"]["attributes"]["affected-workspaces"],
        json!([])
    );
    assert_eq!(
        shown.body["data"]["attributes"]["affected-workspaces-count"],
        0
    );
}

#[test]
fn discovery_ping_account_and_organization() {
    let sandbox = Sandbox::start(&[]);
    let discovery = http(
        "GET",
        &format!("{}/.well-known/terraform.json", sandbox.url),
        None,
        None,
        None,
    );
    assert_eq!(discovery.status, 200);
    for key in ["tfe.v2", "tfe.v2.1", "tfe.v2.2"] {
        assert_eq!(discovery.body[key], "/api/v2/");
    }
    for key in ["modules.v1", "providers.v1", "state.v2", "motd.v1"] {
        assert!(discovery.body[key].is_string(), "{key}");
    }
    assert_eq!(
        http(
            "GET",
            &format!("{}/api/v2/ping", sandbox.url),
            None,
            None,
            None
        )
        .status,
        204
    );
    assert_eq!(
        sandbox.request("GET", "/api/v2/account/details", None).body["data"]["type"],
        "users"
    );
    assert_eq!(
        sandbox
            .request(
                "GET",
                &format!("/api/v2/organizations/{}", sandbox.org),
                None
            )
            .body["data"]["id"],
        sandbox.org.as_str()
    );
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    cmd.args(["auth", "status"])
        .assert()
        .success()
        .stdout(predicates::str::contains("valid: user sandbox-admin"));
}

#[test]
fn write_only_attributes_are_never_returned_logged_or_stored_in_clear() {
    let dir = TempDir::new();
    let state = dir.path().join("state.json");
    let sandbox = Sandbox::start(&["--state", state.to_str().unwrap()]);
    let bbdc = json!({"data": {"type": "oauth-clients", "attributes": {"service-provider": "bitbucket_data_center",
        "http-url": "https://bb.example.com", "api-url": "https://bb.example.com", "key": "k",
        "secret": "SECRET-SERVER-CANARY", "rsa-public-key": "PUB"}}});
    let mut replies = vec![
        sandbox
            .request("POST", &clients_path(&sandbox), Some(&bbdc))
            .body,
    ];
    let created = create(&sandbox, "w");
    let token = created["data"]["relationships"]["oauth-tokens"]["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let key = json!({"data": {"type": "oauth-tokens", "attributes": {"ssh-key": "-----BEGIN RSA PRIVATE KEY-----\nSSH-SERVER-CANARY\n-----END RSA PRIVATE KEY-----\n"}}});
    replies.push(
        sandbox
            .request(
                "PATCH",
                &format!("/api/v2/oauth-tokens/{token}"),
                Some(&key),
            )
            .body,
    );
    replies.push(
        sandbox
            .request(
                "GET",
                &format!("{}?include=oauth_tokens,projects", clients_path(&sandbox)),
                None,
            )
            .body,
    );
    replies.push(created);
    let stored = std::fs::read_to_string(&state).unwrap();
    let logged = sandbox.stderr.lock().unwrap().clone();
    for text in replies.iter().map(Value::to_string).chain([stored, logged]) {
        assert!(
            !text.contains("CANARY"),
            "a write-only value leaked: {text}"
        );
    }
}

#[test]
fn state_survives_kill_9_and_a_restart() {
    let dir = TempDir::new();
    let state = dir.path().join("state.json");
    let state_arg = state.to_str().unwrap();
    let mut first = Sandbox::start(&["--state", state_arg, "--token", "t1"]);
    let ids: Vec<String> = (0..5)
        .map(|i| {
            create(&first, &format!("keep{i}"))["data"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let token = first
        .request(
            "GET",
            &format!("/api/v2/oauth-clients/{}/oauth-tokens", ids[0]),
            None,
        )
        .body["data"][0]["id"]
        .clone();
    assert_eq!(
        first
            .request("DELETE", &format!("/api/v2/oauth-clients/{}", ids[4]), None)
            .status,
        204
    );
    // SIGKILL: no chance to flush anything at exit.
    first.kill();
    let second = Sandbox::start(&["--state", state_arg, "--token", "t1"]);
    let listed = second.request("GET", &clients_path(&second), None);
    let names: Vec<&str> = listed.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["attributes"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["keep0", "keep1", "keep2", "keep3"]);
    let tokens = second.request(
        "GET",
        &format!("/api/v2/oauth-clients/{}/oauth-tokens", ids[0]),
        None,
    );
    assert_eq!(tokens.body["data"][0]["id"], token);
    let mut beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(
        beside,
        [".state.json.lock", "state.json"],
        "no temporary file left beside the state, only its lock"
    );
}

#[test]
fn concurrent_creates_lose_nothing() {
    let sandbox = std::sync::Arc::new(Sandbox::start(&[]));
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let sandbox = std::sync::Arc::clone(&sandbox);
            std::thread::spawn(move || {
                (0..50)
                    .map(|i| {
                        create(&sandbox, &format!("t{t}-{i}"))["data"]["id"]
                            .as_str()
                            .unwrap()
                            .to_string()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut ids: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert_eq!(ids.len(), 400);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 400, "ids are unique");
    let all = sandbox.request("GET", &clients_path(&sandbox), None);
    assert_eq!(all.body["data"].as_array().unwrap().len(), 400);
    let tokens = sandbox.request(
        "GET",
        &format!("/api/v2/organizations/{}/oauth-tokens", sandbox.org),
        None,
    );
    assert_eq!(tokens.body["data"].as_array().unwrap().len(), 400);
}

#[test]
fn rate_limit_answers_429_with_the_tfe_headers() {
    let sandbox = Sandbox::start(&["--rate-limit", "3"]);
    let replies: Vec<Http> = (0..6)
        .map(|_| sandbox.request("GET", "/api/v2/account/details", None))
        .collect();
    let limited: Vec<&Http> = replies.iter().filter(|r| r.status == 429).collect();
    assert!(
        !limited.is_empty(),
        "6 requests at once, 3 allowed per second"
    );
    let reply = limited[0];
    assert_eq!(reply.header("x-ratelimit-limit"), Some("3"));
    let reset: f64 = reply.header("x-ratelimit-reset").unwrap().parse().unwrap();
    assert!((0.0..=1.0).contains(&reset), "{reset}");
    let retry: u64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert!(retry >= 1);
    assert_eq!(reply.body["errors"][0]["status"], "429");
    assert_eq!(replies[0].status, 200);
    assert_eq!(replies[0].header("x-ratelimit-limit"), Some("3"));
}

/// The meaning the pacer relies on (SPEC §4 "Pacing"): `X-RateLimit-Remaining` counts down
/// within a window, and `X-RateLimit-Reset` is the seconds until it refills to the limit.
#[test]
fn rate_limit_headers_count_down_within_a_window_and_reset_says_when_it_refills() {
    let sandbox = Sandbox::start(&["--rate-limit", "5"]);
    let numbers = |reply: &Http| {
        let number = |name| reply.header(name).unwrap().parse::<f64>().unwrap();
        (
            number("x-ratelimit-remaining") as u32,
            number("x-ratelimit-reset"),
        )
    };
    let replies: Vec<Http> = (0..8)
        .map(|_| sandbox.request("GET", "/api/v2/account/details", None))
        .collect();
    let mut counted_down = 0;
    for pair in replies.windows(2) {
        let ((before, reset_before), (after, reset_after)) = (numbers(&pair[0]), numbers(&pair[1]));
        assert!((0.0..=1.0).contains(&reset_after), "{reset_after}");
        if after == 4 {
            continue; // A new window began between the two.
        }
        counted_down += 1;
        // Same window: one fewer remains (none below 0), and the reset only comes closer.
        assert_eq!(after, before.saturating_sub(1), "{before} then {after}");
        assert!(
            reset_after <= reset_before,
            "{reset_before} then {reset_after}"
        );
    }
    // Eight requests span at most two windows: most pairs share one.
    assert!(counted_down >= 3, "{counted_down}");
    let last = replies.last().unwrap();
    let (remaining, reset) = numbers(last);
    if last.status == 429 {
        assert_eq!(remaining, 0);
    }
    // Once the reset has passed, the window is full again: the next request leaves 4 of 5.
    std::thread::sleep(std::time::Duration::from_secs_f64(reset + 0.05));
    let reply = sandbox.request("GET", "/api/v2/account/details", None);
    assert_eq!(reply.status, 200);
    assert_eq!(numbers(&reply).0, 4);
    assert_eq!(reply.header("x-ratelimit-limit"), Some("5"));
}

#[test]
fn fail_rate_one_answers_503_and_changes_nothing() {
    let sandbox = Sandbox::start(&["--fail-rate", "1", "--seed", "3"]);
    let reply = sandbox.request("POST", &clients_path(&sandbox), Some(&create_body("never")));
    assert_eq!(reply.status, 503);
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", "x")
        .args(["client", "create", "--provider", "github"])
        .assert()
        .code(6);
}

#[test]
fn latency_delays_every_answer() {
    let sandbox = Sandbox::start(&["--latency-ms", "300"]);
    let started = std::time::Instant::now();
    sandbox.request("GET", "/api/v2/account/details", None);
    // A lower bound only: a busy machine may be slower, never faster.
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));
}

#[test]
fn a_seed_makes_ids_and_the_token_reproducible() {
    let a = Sandbox::start(&["--seed", "42"]);
    let b = Sandbox::start(&["--seed", "42"]);
    assert_eq!(a.token, b.token);
    assert_eq!(create(&a, "x")["data"]["id"], create(&b, "x")["data"]["id"]);
}

#[test]
fn bad_options_exit_2() {
    for args in [
        vec!["--fail-rate", "2"],
        vec!["--rate-limit", "0"],
        vec!["--token", ""],
    ] {
        let env = TestEnv::bare();
        let mut cmd = env.command();
        cmd.args(["sandbox", "--listen", "127.0.0.1:0"])
            .args(&args)
            .assert()
            .code(2);
    }
}
