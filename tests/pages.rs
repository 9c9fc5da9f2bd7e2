//! The paced, concurrent list walk (SPEC §4) and how lists print (SPEC §6): request counts,
//! page order when pages answer out of order, nothing partial on stdout when a later page
//! fails, 429s slowing the pacer, and the progress line (on a terminal only).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::*;
use serde_json::{Value, json};

/// How the list server answers page `n` of `total`, asked for the `attempt`-th time (from 1):
/// after a delay, with a status.
type Plan = fn(u64, u64, u64) -> (Duration, u16);

/// A TFE-like list server for `/organizations/my-organization/oauth-tokens`: `count` tokens,
/// 100 a page, each request answered on its own thread after the plan's delay.
struct ListServer {
    url: String,
    server: Arc<tiny_http::Server>,
    /// Page numbers, in the order requests arrived.
    requests: Arc<Mutex<Vec<u64>>>,
    most_in_flight: Arc<AtomicU64>,
    /// How many times each page was asked for.
    asked: Arc<Mutex<HashMap<u64, u64>>>,
}

fn token(i: u64) -> String {
    format!("ot-{i:016}")
}

fn token_resource(i: u64) -> Value {
    json!({"id": token(i), "type": "oauth-tokens",
           "attributes": {"service-provider-user": format!("user-{i}"), "has-ssh-key": false,
                          "created-at": "2024-01-01T00:00:00.000Z"},
           "relationships": {"oauth-client": {"data": {"id": "oc-0000000000000001", "type": "oauth-clients"}}}})
}

impl ListServer {
    fn start(count: u64, plan: Plan, headers: &'static [(&'static str, &'static str)]) -> Self {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let url = format!("http://{}", server.server_addr().to_ip().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let asked = Arc::new(Mutex::new(HashMap::new()));
        let in_flight = Arc::new(AtomicU64::new(0));
        let most_in_flight = Arc::new(AtomicU64::new(0));
        let this = ListServer {
            url,
            server: Arc::clone(&server),
            requests: Arc::clone(&requests),
            most_in_flight: Arc::clone(&most_in_flight),
            asked: Arc::clone(&asked),
        };
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let requests = Arc::clone(&requests);
                let asked = Arc::clone(&asked);
                let in_flight = Arc::clone(&in_flight);
                let most_in_flight = Arc::clone(&most_in_flight);
                std::thread::spawn(move || {
                    let number: u64 = request
                        .url()
                        .split("page%5Bnumber%5D=")
                        .nth(1)
                        .and_then(|n| n.split('&').next())
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(1);
                    requests.lock().unwrap().push(number);
                    let attempt = {
                        let mut asked = asked.lock().unwrap();
                        let count = asked.entry(number).or_insert(0);
                        *count += 1;
                        *count
                    };
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    most_in_flight.fetch_max(now, Ordering::SeqCst);
                    let total = count.div_ceil(100).max(1);
                    let (delay, status) = plan(number, total, attempt);
                    std::thread::sleep(delay);
                    let body = if status == 200 {
                        let items = ((number - 1) * 100..(number * 100).min(count))
                            .map(token_resource)
                            .collect();
                        page(items, number, total, count)
                    } else {
                        json!({"errors": [{"status": status.to_string(), "title": "not found"}]})
                            .to_string()
                    };
                    let mut response = tiny_http::Response::from_string(body)
                        .with_status_code(status)
                        .with_header(
                            "Content-Type: application/vnd.api+json"
                                .parse::<tiny_http::Header>()
                                .unwrap(),
                        );
                    for (name, value) in headers {
                        response.add_header(
                            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
                                .unwrap(),
                        );
                    }
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    let _ = request.respond(response);
                });
            }
        });
        this
    }

    fn requests(&self) -> Vec<u64> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for ListServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn quick(_: u64, _: u64, _: u64) -> (Duration, u16) {
    (Duration::ZERO, 200)
}

/// `tfvcs -v token list -o id`: its output and its stderr (the `-v` trace).
fn traced_token_list(server: &ListServer) -> (std::process::Output, String) {
    let env = TestEnv::server(&server.url);
    let out = env
        .command()
        .args(["-v", "token", "list", "-o", "id"])
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(out.status.success(), "{stderr}");
    (out, stderr)
}

fn token_list(server: &ListServer, output: &str) -> std::process::Output {
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.args(["token", "list", "-o", output]).output().unwrap()
}

#[test]
fn a_list_of_n_items_is_n_over_100_rounded_up_requests_each_page_once() {
    for (count, pages) in [(0, 1), (100, 1), (101, 2), (250, 3), (1_000, 10)] {
        let server = ListServer::start(count, quick, &[]);
        let out = token_list(&server, "id");
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out).lines().count() as u64, count);
        let mut asked: Vec<(u64, u64)> = server.asked.lock().unwrap().clone().into_iter().collect();
        asked.sort();
        assert_eq!(
            asked,
            (1..=pages).map(|p| (p, 1)).collect::<Vec<_>>(),
            "{count} items"
        );
        // Page 1 is asked alone first: only it says how many pages there are.
        assert_eq!(server.requests()[0], 1);
    }
}

#[test]
fn pages_answering_out_of_order_print_in_page_order() {
    // Page 2 answers last of all: 9 pages, each earlier page slower than the next.
    fn early_pages_slowest(n: u64, total: u64, _: u64) -> (Duration, u16) {
        (Duration::from_millis(40 * (total - n)), 200)
    }
    let server = ListServer::start(900, early_pages_slowest, &[]);
    let out = token_list(&server, "id");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let expected: String = (0..900).map(|i| token(i) + "\n").collect();
    assert_eq!(stdout_of(&out), expected);
    // The walk really overlapped requests (else order would be trivial).
    assert!(server.most_in_flight.load(Ordering::SeqCst) > 1);
    // JSON keeps the same order.
    let out = token_list(&server, "json");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = doc["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 900);
    assert_eq!(ids[0], token(0));
    assert_eq!(ids[899], token(899));
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_multi_page_json_list_is_the_same_document_the_pages_add_up_to() {
    let server = ListServer::start(250, quick, &[]);
    let out = token_list(&server, "json");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let expected = json!({"data": (0..250).map(token_resource).collect::<Vec<_>>()});
    assert_eq!(
        stdout_of(&out),
        serde_json::to_string_pretty(&expected).unwrap() + "\n"
    );
}

#[test]
fn a_list_whose_later_page_fails_prints_nothing_on_stdout() {
    // Page 4 of 6 is refused: the first three pages were already fetched and kept.
    fn fourth_page_missing(n: u64, _: u64, _: u64) -> (Duration, u16) {
        (Duration::ZERO, if n == 4 { 404 } else { 200 })
    }
    let server = ListServer::start(600, fourth_page_missing, &[]);
    for output in ["json", "id", "table"] {
        let out = token_list(&server, output);
        assert_eq!(out.status.code(), Some(3), "-o {output}");
        assert_eq!(
            stdout_of(&out),
            "",
            "-o {output}: nothing partial on stdout"
        );
        assert!(stderr_of(&out).contains("404"), "{}", stderr_of(&out));
    }
}

#[test]
fn a_429_mid_walk_slows_the_pacer_down_and_the_page_is_retried() {
    fn third_page_limited_once(n: u64, _: u64, attempt: u64) -> (Duration, u16) {
        (
            Duration::ZERO,
            if n == 3 && attempt == 1 { 429 } else { 200 },
        )
    }
    let server = ListServer::start(500, third_page_limited_once, &[("X-RateLimit-Limit", "30")]);
    let (out, stderr) = traced_token_list(&server);
    assert_eq!(
        stdout_of(&out),
        (0..500).map(|i| token(i) + "\n").collect::<String>()
    );
    // 30 a second less one of margin is 29; the 429 halves it.
    assert!(
        stderr.contains("page%5Bnumber%5D=3 429: pacing down to 14 requests per second"),
        "{stderr}"
    );
    // Five pages, and page 3 once more.
    assert_eq!(server.requests().len(), 6);
    assert_eq!(server.asked.lock().unwrap()[&3], 2);
}

#[test]
fn a_spent_budget_holds_each_next_request_until_the_reset() {
    // Every answer says nothing remains for half a second: each later page waits for it.
    let server = ListServer::start(
        300,
        quick,
        &[
            ("X-RateLimit-Limit", "30"),
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", "0.5"),
        ],
    );
    let started = std::time::Instant::now();
    let (out, stderr) = traced_token_list(&server);
    assert_eq!(stdout_of(&out).lines().count(), 300);
    assert_eq!(server.requests().len(), 3);
    // Two pacing decisions: pages 2 and 3 each waited for a reset (page 1's at least).
    assert_eq!(
        stderr.matches("rate-limit budget is spent; waited").count(),
        2,
        "{stderr}"
    );
    assert!(started.elapsed() >= Duration::from_millis(450));
}

#[test]
fn without_rate_limit_headers_at_most_20_requests_a_second() {
    let server = ListServer::start(2_500, quick, &[]);
    let started = std::time::Instant::now();
    let out = token_list(&server, "id");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(server.requests().len(), 25);
    // 25 starts, one every 50 ms at the most.
    assert!(started.elapsed() >= Duration::from_millis(24 * 50));
}

#[test]
fn a_rate_limit_below_one_a_second_or_not_a_number_is_ignored() {
    // 1e-30 made the pacer panic; 0.001 spaced requests 1,500 s apart.
    for limit in ["1e-30", "0.001", "0", "NaN", "-3", "thirty"] {
        let headers = [
            ("X-RateLimit-Limit", limit),
            ("X-RateLimit-Remaining", "1e-30"),
            ("X-RateLimit-Reset", "1e300"),
        ];
        let headers: &'static [(&str, &str)] = Box::leak(Box::new(headers));
        let server = ListServer::start(300, quick, headers);
        let started = std::time::Instant::now();
        let out = token_list(&server, "id");
        assert!(out.status.success(), "{limit}: {}", stderr_of(&out));
        assert_eq!(stdout_of(&out).lines().count(), 300, "{limit}");
        // No wait on a number that means nothing (a reset of 1e300 s is not waited).
        assert!(started.elapsed() < Duration::from_secs(20), "{limit}");
    }
}

#[test]
fn a_list_paced_by_the_sandboxs_rate_limit_provokes_no_429() {
    // 40 pages at --rate-limit 30: unpaced, eight requests in flight would pass 30 a second.
    let sandbox = Sandbox::start(&["--populate", "4000", "--rate-limit", "30"]);
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    let out = cmd.args(["token", "list", "-o", "id"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 4000);
    // Each log line is written just after its response: wait for the last one.
    let log = logged_when(
        || sandbox.stderr.lock().unwrap().clone(),
        |log| log.matches("/oauth-tokens?").count() >= 40,
    );
    let lists: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("/oauth-tokens?"))
        .collect();
    assert_eq!(lists.len(), 40, "{log}");
    assert!(lists.iter().all(|l| l.contains(" 200 ")), "{log}");
}

/// Runs `tfvcs token list` with stderr on a new pseudo-terminal; returns what the terminal
/// showed and the process's stdout.
#[cfg(unix)]
fn on_a_terminal(server: &ListServer) -> (String, String) {
    let env = TestEnv::server(&server.url);
    let mut cmd = env.process();
    cmd.args(["token", "list", "-o", "id"]);
    let (shown, out) = stderr_on_terminal(cmd);
    assert!(out.status.success());
    (shown, stdout_of(&out))
}

#[cfg(unix)]
#[test]
fn a_multi_page_list_shows_progress_on_a_terminal_and_clears_it() {
    fn slow(_: u64, _: u64, _: u64) -> (Duration, u16) {
        (Duration::from_millis(100), 200)
    }
    let server = ListServer::start(500, slow, &[]);
    let (terminal, stdout) = on_a_terminal(&server);
    assert!(terminal.contains("\rpages: 1 of 5\x1b[K"), "{terminal:?}");
    assert!(terminal.contains("\rpages: 5 of 5\x1b[K"), "{terminal:?}");
    // Cleared at the end: the last thing written erases the line.
    assert!(terminal.ends_with("\r\x1b[K"), "{terminal:?}");
    assert_eq!(stdout.lines().count(), 500);
}

#[cfg(unix)]
#[test]
fn a_one_page_list_shows_no_progress_even_on_a_terminal() {
    let server = ListServer::start(50, quick, &[]);
    let (terminal, _) = on_a_terminal(&server);
    assert_eq!(terminal, "");
}

#[test]
fn off_a_terminal_a_multi_page_list_writes_no_carriage_return_or_escape() {
    fn slow(_: u64, _: u64, _: u64) -> (Duration, u16) {
        (Duration::from_millis(50), 200)
    }
    let server = ListServer::start(500, slow, &[]);
    // stderr a pipe.
    let out = token_list(&server, "id");
    assert!(out.status.success());
    assert_eq!(out.stderr, b"");
    // stderr a file.
    let dir = TempDir::new();
    let path = dir.path().join("stderr");
    let env = TestEnv::server(&server.url);
    let mut cmd = env.process();
    let status = cmd
        .args(["token", "list"])
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&path).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    let written = std::fs::read(&path).unwrap();
    assert!(
        !written.contains(&b'\r') && !written.contains(&0x1b),
        "{written:?}"
    );
}

#[test]
fn an_item_or_included_resource_on_two_pages_is_printed_once() {
    // The list moved while it was walked: page 2 repeats page 1's last client, and both pages
    // include the same token.
    let mut server = mockito::Server::new();
    let path = "/api/v2/organizations/my-organization/oauth-clients";
    let shared_token = json!({"id": "ot-0000000000000001", "type": "oauth-tokens"});
    let first: Vec<Value> = (0..100)
        .map(|i| client_resource(&format!("oc-{i:016}"), None, Some("ot-0000000000000001")))
        .collect();
    let second = vec![
        first[99].clone(),
        client_resource("oc-0000000000000100", None, None),
    ];
    let body = |items: Vec<Value>, n: u64| {
        let mut doc: Value = serde_json::from_str(&page(items, n, 2, 101)).unwrap();
        doc["included"] = json!([shared_token]);
        doc.to_string()
    };
    for (n, items) in [(1, first.clone()), (2, second)] {
        server
            .mock("GET", path)
            .match_query(mockito::Matcher::Exact(page_query(
                "include=oauth_tokens&",
                n,
            )))
            .with_header("content-type", "application/vnd.api+json")
            .with_body(body(items, n))
            .expect(1)
            .create();
    }
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd.args(["client", "list", "-o", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mut data = first;
    data.push(client_resource("oc-0000000000000100", None, None));
    let expected = json!({"data": data, "included": [shared_token]});
    assert_eq!(
        stdout_of(&out),
        serde_json::to_string_pretty(&expected).unwrap() + "\n"
    );
}
