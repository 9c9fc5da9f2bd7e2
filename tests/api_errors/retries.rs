//! SPEC §5, row by row: what is retried, how often (exact request counts), after which wait,
//! and what a retried DELETE's 404 means. The backoff is scaled to milliseconds by the test
//! environment (`TFVCS_BACKOFF_BASE_MS=1`), so these count requests, not seconds.

use super::*;
use crate::common::scripted::{Answer, Scripted, response, truncated};

const TOKEN_ID: &str = "ot-29t7xkUKiNC2XasL";
const CLIENT_PATH: &str = "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K";
const CREATE_PATH: &str = "/api/v2/organizations/my-organization/oauth-clients";

fn token_doc() -> String {
    fixture("token_show_response.json").to_string()
}

fn client_doc() -> String {
    fixture("client_show_response.json").to_string()
}

type Headers<'a> = &'a [(&'a str, &'a str)];

/// `status` for the first `times` requests of `method path`, then `then` (status, body) once.
fn failing_then(
    server: &mut ServerGuard,
    method: &str,
    path: &str,
    failure: (usize, &[(&str, &str)]),
    times: usize,
    then: Option<(usize, String)>,
) -> (Mock, Option<Mock>) {
    let (status, headers) = failure;
    let mut first = server
        .mock(method, path)
        .match_query(Matcher::Any)
        .with_status(status);
    for (name, value) in headers {
        first = first.with_header(*name, value);
    }
    let first = first.expect(times).create();
    let second = then.map(|(status, body)| {
        server
            .mock(method, path)
            .match_query(Matcher::Any)
            .with_status(status)
            .with_header("content-type", "application/vnd.api+json")
            .with_body(body)
            .expect(1)
            .create()
    });
    (first, second)
}

fn show_token(server: &ServerGuard, extra: &[&str]) -> assert_cmd::assert::Assert {
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(extra).args(["token", "show", TOKEN_ID]).assert()
}

fn token_path() -> String {
    format!("/api/v2/oauth-tokens/{TOKEN_ID}")
}

/// The wait (ms) of the first `-v` retry line, after checking what it says failed.
fn first_wait_ms(stderr: &str, after: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("  retry 1 of 5 in "))
        .unwrap_or_else(|| panic!("no retry line: {stderr}"));
    assert!(line.ends_with(&format!("ms, after {after}")), "{stderr}");
    line["  retry 1 of 5 in ".len()..line.find("ms,").unwrap()]
        .parse()
        .unwrap()
}

fn stderr_text(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// Lines of stderr that trace an attempt (`-v`: one per HTTP exchange).
fn attempt_lines(stderr: &str, method: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{method} http")))
        .count()
}

#[test]
fn a_get_answered_503_is_retried_exactly_retries_times() {
    for (retries, requests) in [("0", 1), ("1", 2), ("3", 4)] {
        let mut server = Server::new();
        let (mock, _) = failing_then(
            &mut server,
            "GET",
            &token_path(),
            (503, &[]),
            requests,
            None,
        );
        show_token(&server, &["--retries", retries])
            .code(6)
            .stderr(contains("503 Service Unavailable"));
        mock.assert();
    }
}

#[test]
fn five_retries_by_default_then_exit_6_saying_how_many_attempts() {
    let mut server = Server::new();
    let (mock, _) = failing_then(&mut server, "GET", &token_path(), (502, &[]), 6, None);
    show_token(&server, &[])
        .code(6)
        .stderr(contains("502 Bad Gateway"))
        .stderr(contains("hint: gave up after 6 attempts"));
    mock.assert();
}

#[test]
fn tfvcs_retries_sets_the_budget_too() {
    let mut server = Server::new();
    let (mock, _) = failing_then(&mut server, "GET", &token_path(), (500, &[]), 3, None);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_RETRIES", "2")
        .args(["token", "show", TOKEN_ID])
        .assert()
        .code(6);
    mock.assert();
}

#[test]
fn each_server_error_of_the_table_is_retried_then_succeeds() {
    for status in [500, 502, 503, 504] {
        let mut server = Server::new();
        let (failing, ok) = failing_then(
            &mut server,
            "GET",
            &token_path(),
            (status, &[]),
            2,
            Some((200, token_doc())),
        );
        show_token(&server, &[])
            .success()
            .stdout(contains(TOKEN_ID));
        failing.assert();
        ok.unwrap().assert();
    }
}

#[test]
fn other_statuses_are_not_retried() {
    for (status, code) in [
        (400, 5),
        (401, 4),
        (403, 4),
        (404, 3),
        (409, 5),
        (422, 5),
        (501, 6),
    ] {
        let mut server = Server::new();
        let (mock, _) = failing_then(&mut server, "GET", &token_path(), (status, &[]), 1, None);
        show_token(&server, &[]).code(code);
        mock.assert();
    }
}

#[test]
fn verbose_shows_each_attempt_and_each_wait() {
    let mut server = Server::new();
    let (failing, ok) = failing_then(
        &mut server,
        "GET",
        &token_path(),
        (503, &[]),
        2,
        Some((200, token_doc())),
    );
    let out = show_token(&server, &["-v"]).success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(attempt_lines(&stderr, "GET"), 3, "{stderr}");
    let waits: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("  retry "))
        .collect();
    assert_eq!(waits.len(), 2, "{stderr}");
    assert!(waits[0].starts_with("  retry 1 of 5 in "), "{stderr}");
    assert!(
        waits[0].ends_with("ms, after 503 Service Unavailable"),
        "{stderr}"
    );
    assert!(waits[1].starts_with("  retry 2 of 5 in "), "{stderr}");
    failing.assert();
    ok.unwrap().assert();
}

#[test]
fn without_verbose_retries_are_silent() {
    let mut server = Server::new();
    let (_f, _ok) = failing_then(
        &mut server,
        "GET",
        &token_path(),
        (503, &[]),
        1,
        Some((200, token_doc())),
    );
    show_token(&server, &["-o", "id"])
        .success()
        .stdout(format!("{TOKEN_ID}\n"))
        .stderr("");
}

#[test]
fn a_429_waits_retry_after_else_the_rate_limit_reset_else_the_backoff() {
    // The wait shown by -v: the server's, plus at most the (test-scaled, 1 ms) jitter.
    let cases: [(Headers, std::ops::RangeInclusive<u64>); 4] = [
        (
            &[("retry-after", "1"), ("x-ratelimit-reset", "7")],
            1000..=1001,
        ),
        // A date already past: no wait at all, but a retry.
        (&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")], 0..=1),
        (&[("x-ratelimit-reset", "0.025")], 25..=26),
        (&[], 0..=1),
    ];
    for (headers, wait) in cases {
        let mut server = Server::new();
        let (failing, ok) = failing_then(
            &mut server,
            "GET",
            &token_path(),
            (429, headers),
            1,
            Some((200, token_doc())),
        );
        let waited = first_wait_ms(
            &stderr_text(&show_token(&server, &["-v"]).success()),
            "429 Too Many Requests",
        );
        assert!(wait.contains(&waited), "{headers:?}: {waited}ms");
        failing.assert();
        ok.unwrap().assert();
    }
}

#[test]
fn a_429_asking_for_more_than_a_minute_is_not_waited_for() {
    let mut server = Server::new();
    let (failing, _) = failing_then(
        &mut server,
        "GET",
        &token_path(),
        (429, &[("retry-after", "3600")]),
        1,
        None,
    );
    show_token(&server, &["-v"])
        .code(6)
        .stderr(contains("the server asks to wait 3600.0s"));
    failing.assert();
}

#[test]
fn a_post_answered_429_is_retried_as_it_was_not_processed() {
    let mut server = Server::new();
    let (failing, ok) = failing_then(
        &mut server,
        "POST",
        CREATE_PATH,
        (429, &[("retry-after", "0")]),
        1,
        Some((201, fixture("client_create_response.json").to_string())),
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", "ghp_canary")
        .args(["client", "create", "--provider", "github", "-o", "id"])
        .assert()
        .success()
        .stdout("oc-XKFwG6ggfA9n7t1K\n");
    failing.assert();
    ok.unwrap().assert();
}

#[test]
fn a_post_answered_503_is_sent_once_and_says_how_to_check() {
    for status in [500, 502, 503, 504] {
        let mut server = Server::new();
        let (mock, _) = failing_then(&mut server, "POST", CREATE_PATH, (status, &[]), 1, None);
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.env("TFVCS_PAT", "ghp_canary")
            .args(["--retries", "5", "client", "create", "--provider", "github"])
            .assert()
            .code(6)
            .stderr(contains("hint: a POST is never retried"))
            .stderr(contains("tfvcs client list"))
            .stderr(contains("gave up after").not());
        mock.assert();
    }
}

/// The client a delete reads first, in an organization where nothing uses it (SPEC §3).
fn unused_client(server: &mut ServerGuard) -> crate::linked::mock::Org {
    crate::linked::mock::unused(
        server,
        CLIENT_PATH,
        &fixture("client_show_response.json")["data"],
    )
}

#[test]
fn a_patch_or_delete_answered_503_is_retried() {
    let update = ["client", "update", "oc-XKFwG6ggfA9n7t1K", "--name", "n"];
    let delete = ["client", "delete", "oc-XKFwG6ggfA9n7t1K", "--yes"];
    for (method, args, then) in [
        ("PATCH", &update[..], (200, client_doc())),
        ("DELETE", &delete[..], (204, String::new())),
    ] {
        let mut server = Server::new();
        let _read_first = (method == "DELETE").then(|| unused_client(&mut server));
        let (failing, ok) =
            failing_then(&mut server, method, CLIENT_PATH, (503, &[]), 2, Some(then));
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.args(args).assert().success();
        failing.assert();
        ok.unwrap().assert();
    }
}

#[test]
fn a_delete_whose_retry_gets_404_is_done() {
    let mut server = Server::new();
    let _read_first = unused_client(&mut server);
    let (failing, gone) = failing_then(
        &mut server,
        "DELETE",
        CLIENT_PATH,
        (503, &[]),
        1,
        Some((
            404,
            r#"{"errors":[{"status":"404","title":"not found"}]}"#.into(),
        )),
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "delete",
        "oc-XKFwG6ggfA9n7t1K",
        "--yes",
        "-o",
        "id",
    ])
    .assert()
    .success()
    .stdout("oc-XKFwG6ggfA9n7t1K\n");
    failing.assert();
    gone.unwrap().assert();
}

#[test]
fn a_delete_whose_first_answer_is_lost_and_whose_retry_gets_404_exits_0() {
    let json = [("Content-Type", "application/vnd.api+json")];
    let mut token = fixture("token_show_response.json");
    token["data"]["id"] = serde_json::json!(TOKEN_ID);
    let empty_list = response("200 OK", &json, br#"{"data": []}"#);
    // The reads and the walk first (SPEC §3): the token, the organization, one empty list
    // per kind (workspaces, policy sets, modules); then the DELETE.
    let organization = br#"{"data": {"id": "my-organization", "type": "organizations"}}"#;
    let mut answers = vec![
        response("200 OK", &json, token.to_string().as_bytes()),
        response("200 OK", &json, organization),
    ];
    answers.extend([empty_list.clone(), empty_list.clone(), empty_list]);
    let server = Scripted::start(
        [
            answers,
            vec![
                Answer::Hangup,
                response(
                    "404 Not Found",
                    &[("Content-Type", "application/vnd.api+json")],
                    br#"{"errors":[{"status":"404","title":"not found"}]}"#,
                ),
            ],
        ]
        .concat(),
    );
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.args(["token", "delete", TOKEN_ID, "--yes"])
        .assert()
        .success();
    let path = format!("/api/v2/oauth-tokens/{TOKEN_ID}");
    let requests = server.requests();
    assert_eq!(requests[0], format!("GET {path}"));
    assert_eq!(
        requests[requests.len() - 2..],
        [format!("DELETE {path}"), format!("DELETE {path}")]
    );
}

#[test]
fn a_delete_answered_404_at_once_is_not_found() {
    let mut server = Server::new();
    let _read_first = unused_client(&mut server);
    let (mock, _) = failing_then(&mut server, "DELETE", CLIENT_PATH, (404, &[]), 1, None);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "delete", "oc-XKFwG6ggfA9n7t1K", "--yes"])
        .assert()
        .code(3);
    mock.assert();
}

/// SPEC §5: after 429s alone the DELETE was never processed, so a 404 on its retry means the
/// id never existed (exit 3), not that an earlier attempt deleted it.
#[test]
fn a_delete_whose_retry_after_a_429_gets_404_is_not_found() {
    let mut server = Server::new();
    let _read_first = unused_client(&mut server);
    let (limited, gone) = failing_then(
        &mut server,
        "DELETE",
        CLIENT_PATH,
        (429, &[("Retry-After", "0")]),
        1,
        Some((
            404,
            r#"{"errors":[{"status":"404","title":"not found"}]}"#.into(),
        )),
    );
    let out =
        TestEnv::server(&server.url()).run(&["client", "delete", "oc-XKFwG6ggfA9n7t1K", "--yes"]);
    assert_eq!(out.code, Some(3), "{}", out.stderr);
    assert!(out.stderr.contains("404"), "{}", out.stderr);
    assert!(!out.stderr.contains("deleted"), "{}", out.stderr);
    limited.assert();
    gone.unwrap().assert();
}

#[test]
fn a_lost_answer_to_a_get_is_retried() {
    let server = Scripted::start(vec![
        Answer::Hangup,
        response(
            "200 OK",
            &[("Content-Type", "application/vnd.api+json")],
            token_doc().as_bytes(),
        ),
    ]);
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.args(["token", "show", TOKEN_ID, "-o", "id"])
        .assert()
        .success()
        .stdout(format!("{TOKEN_ID}\n"));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_lost_answer_to_a_post_is_not_retried() {
    let server = Scripted::start(vec![Answer::Hangup]);
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", "ghp_canary")
        .args(["client", "create", "--provider", "github"])
        .assert()
        .code(6)
        .stderr(contains("hint: a POST is never retried"));
    assert_eq!(
        server.requests(),
        ["POST /api/v2/organizations/my-organization/oauth-clients"]
    );
}

#[test]
fn a_body_cut_off_is_a_network_error_and_retried() {
    let body = token_doc();
    let server = Scripted::start(vec![
        truncated("200 OK", &body.as_bytes()[..40], body.len()),
        response(
            "200 OK",
            &[("Content-Type", "application/vnd.api+json")],
            body.as_bytes(),
        ),
    ]);
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.args(["token", "show", TOKEN_ID, "-o", "id"])
        .assert()
        .success()
        .stdout(format!("{TOKEN_ID}\n"));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_body_always_cut_off_exits_6_after_the_retries() {
    let body = token_doc();
    let server = Scripted::start(vec![truncated(
        "200 OK",
        &body.as_bytes()[..40],
        body.len(),
    )]);
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.args(["--retries", "2", "token", "show", TOKEN_ID])
        .assert()
        .code(6)
        .stderr(contains("was cut off"))
        .stderr(contains("unexpected response").not());
    assert_eq!(server.requests().len(), 3);
}

/// Nothing listens on a loopback port that refuses (a stopped sandbox): retrying cannot help,
/// so the first refusal is the answer, with what to do (the real backoff is left in place, so
/// a retry would be seen waiting).
#[test]
fn a_refused_loopback_connection_is_not_retried_and_says_how_to_start_a_sandbox() {
    let port = closed_port();
    let env = TestEnv::server(&format!("http://127.0.0.1:{port}"));
    let mut cmd = env.command();
    let out = cmd
        .env_remove("TFVCS_BACKOFF_BASE_MS")
        .args(["-v", "token", "show", TOKEN_ID])
        .assert()
        .code(6)
        .stderr(contains(format!(": cannot connect to 127.0.0.1:{port}")))
        .stderr(contains(format!(
            "hint: nothing listens on 127.0.0.1:{port} (not retried): no server, such as a sandbox, is running on that port"
        )))
        .stderr(contains(format!(
            "hint: start one there with `eval \"$(tfvcs sandbox --detach --listen 127.0.0.1:{port})\"`"
        )))
        .stderr(contains("retry").not())
        .stderr(contains("gave up").not());
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(attempt_lines(&stderr, "GET"), 1, "{stderr}");
}

#[test]
fn a_redirect_is_neither_followed_nor_retried() {
    let mut server = Server::new();
    let redirect = server
        .mock("GET", token_path().as_str())
        .with_status(301)
        .with_header("location", "https://elsewhere.example.com/api/v2/x")
        .expect(1)
        .create();
    let elsewhere = server.mock("GET", "/api/v2/x").expect(0).create();
    show_token(&server, &[])
        .code(1)
        .stderr(contains(
            "301 Moved Permanently redirects to https://elsewhere.example.com/api/v2/x",
        ))
        .stderr(contains("hint: tfvcs never follows redirects"));
    redirect.assert();
    elsewhere.assert();
}
