//! How API failures reach the user: every TFE error body shape, each status's exit code and
//! message, and the hints; the retries of SPEC §5 (`retries.rs`); answers a broken server or
//! network gives (`bad_answers.rs`).

mod bad_answers;
mod retries;

use crate::common::*;
use mockito::{Matcher, Mock, Server, ServerGuard};
use predicates::prelude::*;
use predicates::str::contains;

const PATH: &str = "/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL";

fn answer(status: usize, body: &str) -> (mockito::ServerGuard, mockito::Mock) {
    let mut server = Server::new();
    let mock = server
        .mock("GET", PATH)
        .with_status(status)
        .with_header("content-type", "application/vnd.api+json")
        .with_body(body)
        .create();
    (server, mock)
}

fn show_token(server: &mockito::ServerGuard) -> assert_cmd::assert::Assert {
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"]).assert()
}

#[test]
fn unauthorized_exits_4_with_the_token_source_and_a_login_hint() {
    let (server, _m) = answer(
        401,
        r#"{"errors":[{"status":"401","title":"unauthorized"}]}"#,
    );
    let url = format!("{}{PATH}", server.url());
    let host = server.host_with_port();
    show_token(&server)
        .code(4)
        .stdout("")
        .stderr(contains(format!(
            "error: GET {url}: 401 Unauthorized\n  unauthorized\n"
        )))
        .stderr(contains(
            "hint: the API token (from the environment variable TFE_TOKEN) was rejected",
        ))
        .stderr(contains(format!("hint: run `terraform login {host}`")))
        .stderr(contains(TOKEN).not());
}

#[test]
fn forbidden_exits_4() {
    let (server, _m) = answer(403, r#"{"errors":[{"status":"403","title":"forbidden"}]}"#);
    show_token(&server)
        .code(4)
        .stderr(contains("403 Forbidden"));
}

#[test]
fn not_found_exits_3_and_says_404_may_mean_no_permission() {
    let (server, _m) = answer(404, r#"{"errors":[{"status":"404","title":"not found"}]}"#);
    show_token(&server)
        .code(3)
        .stderr(contains("404 Not Found\n  not found"))
        .stderr(contains(
            "hint: TFE also answers 404 when the token lacks permission",
        ));
}

#[test]
fn unprocessable_exits_5_with_title_detail_and_pointer() {
    let (server, _m) = answer(
        422,
        r#"{"errors":[{"status":"422","title":"invalid attribute","detail":"Ssh key is not a valid key","source":{"pointer":"/data/attributes/ssh-key"}},{"status":"422","title":"invalid attribute","detail":"Second problem"}]}"#,
    );
    show_token(&server).code(5).stderr(contains(
        "422 Unprocessable Entity\n  invalid attribute: Ssh key is not a valid key (at /data/attributes/ssh-key)\n  invalid attribute: Second problem\n",
    ));
}

#[test]
fn bad_request_conflict_and_unsupported_media_type_exit_5() {
    for status in [400, 409, 415] {
        let (server, _m) = answer(status, "{}");
        show_token(&server).code(5);
    }
}

#[test]
fn the_string_array_error_shape_is_shown() {
    let (server, _m) = answer(400, r#"{"errors":["include parameter is invalid"]}"#);
    show_token(&server).code(5).stderr(contains(
        "400 Bad Request\n  include parameter is invalid\n",
    ));
}

#[test]
fn a_numeric_status_in_error_objects_is_accepted() {
    let (server, _m) = answer(
        429,
        r#"{"errors":[{"status":429,"title":"Too many requests","detail":"slow down"}]}"#,
    );
    show_token(&server).code(6).stderr(contains(
        "429 Too Many Requests\n  Too many requests: slow down",
    ));
}

#[test]
fn server_errors_exit_6() {
    let (server, _m) = answer(500, "<html>boom</html>");
    show_token(&server)
        .code(6)
        .stderr(contains("500 Internal Server Error"));
}

#[test]
fn a_refused_connection_exits_6() {
    // Bind then drop a listener: nothing listens on that port any more.
    let port = closed_port();
    let env = TestEnv::server(&format!("http://127.0.0.1:{port}"));
    let mut cmd = env.command();
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(6)
        .stderr(contains(format!("cannot connect to 127.0.0.1:{port}")));
}

#[test]
fn a_timeout_exits_6() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts (the kernel does) and never answers.
    let env = TestEnv::server(&format!("http://127.0.0.1:{port}"));
    let mut cmd = env.command();
    cmd.args(["--timeout", "1", "token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(6)
        .stderr(contains("timed out"));
    drop(listener);
}

#[test]
fn a_success_that_is_not_json_exits_1() {
    let (server, _m) = answer(200, "<html>login page</html>");
    show_token(&server)
        .code(1)
        .stderr(contains("unexpected response (200)"));
}

#[test]
fn an_unexpected_status_exits_1() {
    let mut server = Server::new();
    let _m = server.mock("GET", Matcher::Any).with_status(418).create();
    show_token(&server).code(1);
}

#[test]
fn a_token_with_a_space_newline_or_control_character_is_refused_naming_its_source() {
    for (bad, source) in [
        ("api-token-CANARY\n", "TFE_TOKEN"),
        ("api-token CANARY", "TFE_TOKEN"),
        ("api-token-CANARY\u{7}", "TF_TOKEN_127_0_0_1"),
    ] {
        let mut server = Server::new();
        let nothing = server.mock("GET", Matcher::Any).expect(0).create();
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        // The server URL has a port, which TF_TOKEN_ cannot encode: point at a bare host
        // for that case, which fails before any connection anyway.
        if source == "TFE_TOKEN" {
            cmd.env("TFE_TOKEN", bad);
        } else {
            cmd.env_remove("TFE_TOKEN")
                .env("TFE_HOSTNAME", "http://127.0.0.1")
                .env(source, bad);
        }
        cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!(
                "error: the API token from the environment variable {source} holds a character"
            )))
            .stderr(contains("CANARY").not());
        nothing.assert();
    }
}

#[test]
fn a_bare_loopback_host_that_fails_hints_http() {
    let port = closed_port();
    let env = TestEnv::server(&format!("127.0.0.1:{port}"));
    let mut cmd = env.command();
    cmd.args(["--retries", "0", "token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(6)
        .stderr(contains(format!(
            "hint: 127.0.0.1:{port} is a local address reached over https://: a local server (like `tfvcs sandbox`) wants --hostname http://127.0.0.1:{port}"
        )));
}

#[test]
fn https_to_a_loopback_server_that_never_answers_fails_at_once_with_the_http_hint() {
    // Accepts (the kernel does) and never answers, as a plain-http server does to a TLS hello.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let env = TestEnv::server(&format!("127.0.0.1:{port}"));
    let mut cmd = env.command();
    cmd.args([
        "-v",
        "--timeout",
        "1",
        "token",
        "show",
        "ot-29t7xkUKiNC2XasL",
    ])
    .assert()
    .code(6)
    .stderr(contains("timed out"))
    .stderr(contains("  retry ").not())
    .stderr(contains(format!(
        "hint: 127.0.0.1:{port} is a local address reached over https://"
    )));
    drop(listener);
}

#[test]
fn a_tls_failure_that_is_not_an_unknown_issuer_does_not_hint_ca_cert() {
    // A plain-text answer to a TLS hello is a TLS failure, not a certificate one.
    let server =
        crate::common::scripted::Scripted::start(vec![crate::common::scripted::Answer::Bytes(
            b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".to_vec(),
        )]);
    let host = server.url.trim_start_matches("http://").to_string();
    let env = TestEnv::server(&format!("https://{host}"));
    let mut cmd = env.command();
    cmd.args(["--retries", "0", "token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(6)
        .stderr(contains("TLS failed with"))
        .stderr(contains("--ca-cert").not());
    assert_eq!(server.requests(), ["TLS hello"]);
}

fn token_answer() -> Vec<u8> {
    let body = fixture("token_show_response.json").to_string();
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.api+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[test]
fn a_certificate_from_an_unknown_issuer_is_exit_6_with_the_ca_cert_hint() {
    let server = crate::common::tls::TlsServer::start(token_answer());
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(6)
        .stderr(contains("its certificate is signed by an unknown issuer"))
        .stderr(contains(
            "hint: for a self-hosted TFE with a private CA, pass --ca-cert <PEM FILE>",
        ))
        .stderr(contains("gave up after").not());
    assert_eq!(server.answered(), 0);
}

#[test]
fn with_its_ca_in_ca_cert_the_same_server_is_trusted() {
    let server = crate::common::tls::TlsServer::start(token_answer());
    let env = TestEnv::server(&server.url);
    let mut cmd = env.command();
    cmd.arg("--ca-cert")
        .arg(&server.ca_pem)
        .args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "id"])
        .assert()
        .success()
        .stdout("ot-29t7xkUKiNC2XasL\n");
    assert_eq!(server.answered(), 1);
}
