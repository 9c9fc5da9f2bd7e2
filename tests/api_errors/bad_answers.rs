//! Answers a broken server, proxy or network gives, table-driven: each ends with its
//! documented exit code (SPEC §5), an `error:` line naming what was wrong (plus `hint:` lines,
//! and at most one indented line of what the server said), and never a panic.

use super::*;
use crate::common::scripted::{Answer, Scripted, truncated};

/// The command run against the bad server.
#[derive(Clone, Copy, Debug)]
enum Cmd {
    /// `token show ot-…`: one GET of one resource.
    Show,
    /// `client list`: GETs of list pages.
    List,
    /// `client update oc-… --name n`: one PATCH.
    Update,
    /// `client delete oc-… --yes`: one DELETE (after the read and walk, answered well).
    Delete,
    /// `client create --provider github`: one POST.
    Create,
}

impl Cmd {
    fn method(self) -> &'static str {
        match self {
            Cmd::Show | Cmd::List => "GET",
            Cmd::Update => "PATCH",
            Cmd::Delete => "DELETE",
            Cmd::Create => "POST",
        }
    }

    fn args(self) -> &'static [&'static str] {
        match self {
            Cmd::Show => &["token", "show", "ot-29t7xkUKiNC2XasL"],
            Cmd::List => &["client", "list"],
            Cmd::Update => &["client", "update", "oc-XKFwG6ggfA9n7t1K", "--name", "n"],
            Cmd::Delete => &["client", "delete", "oc-XKFwG6ggfA9n7t1K", "--yes"],
            Cmd::Create => &["client", "create", "--provider", "github"],
        }
    }
}

/// What the server sends to every request.
enum Serve {
    /// A status, headers and body (mockito).
    Http(usize, Vec<(&'static str, &'static str)>, Vec<u8>),
    /// Raw bytes or a hang-up (a scripted loopback server).
    Raw(Answer),
}

struct Case {
    name: &'static str,
    cmd: Cmd,
    serve: Serve,
    code: i32,
    /// Must appear on stderr.
    says: &'static str,
}

const JSON: (&str, &str) = ("content-type", "application/vnd.api+json");

fn json(status: usize, body: &str) -> Serve {
    Serve::Http(status, vec![JSON], body.as_bytes().to_vec())
}

fn with(status: usize, headers: &[(&'static str, &'static str)], body: &str) -> Serve {
    Serve::Http(status, headers.to_vec(), body.as_bytes().to_vec())
}

fn pages(next: &str, total: &str) -> String {
    format!(
        r#"{{"data":[{{"id":"oc-a","type":"oauth-clients"}}],"meta":{{"pagination":{{"current-page":1,"next-page":{next},"total-pages":{total}}}}}}}"#
    )
}

/// A one-item client list whose item nests `levels` deep (the item object is level 1).
fn nested_item(levels: usize) -> String {
    // The item object and `attributes` are two levels; arrays make the rest.
    let deep = "[".repeat(levels - 2) + &"]".repeat(levels - 2);
    format!(r#"{{"data":[{{"id":"oc-a","type":"oauth-clients","attributes":{{"x":{deep}}}}}]}}"#)
}

fn case(name: &'static str, cmd: Cmd, serve: Serve, code: i32, says: &'static str) -> Case {
    Case {
        name,
        cmd,
        serve,
        code,
        says,
    }
}

// One row per bad answer: kept one line each, so the table reads as one.
#[rustfmt::skip]
fn cases() -> Vec<Case> {
    use Cmd::*;
    let html = "<!DOCTYPE html>\n<html><body><h1>Sign in</h1></body></html>\n";
    let token = fixture("token_show_response.json").to_string();
    let cut = truncated("200 OK", &token.as_bytes()[..30], token.len());
    vec![
        // 2xx whose body is not the document expected: exit 1.
        case("truncated JSON", Show, json(200, r#"{"data": {"id": "ot-1""#), 1, "the body is not JSON"),
        case("data null", Show, json(200, r#"{"data": null}"#), 1, "`data` is null"),
        case("no data", Show, json(200, r#"{"meta": {}}"#), 1, "the document has no `data`"),
        case("empty object", Show, json(200, "{}"), 1, "the document has no `data`"),
        case("data an array for one resource", Show, json(200, r#"{"data": []}"#), 1, "`data` is an array, not a resource object"),
        case("data a string", Show, json(200, r#"{"data": "ot-1"}"#), 1, "`data` is a string"),
        case("data a number", Show, json(200, r#"{"data": 7}"#), 1, "`data` is a number"),
        case("resource without id", Show, json(200, r#"{"data": {"type": "oauth-tokens"}}"#), 1, "has no `id`"),
        case("id of the wrong type", Show, json(200, r#"{"data": {"id": 12, "type": "oauth-tokens"}}"#), 1, "has no `id`"),
        case("empty id", Show, json(200, r#"{"data": {"id": "", "type": "oauth-tokens"}}"#), 1, "has no `id`"),
        case("top-level array", Show, json(200, "[]"), 1, "the body is an array, not a JSON:API document"),
        case("top-level string", Show, json(200, r#""ok""#), 1, "the body is a string"),
        case("JSON null", Show, json(200, "null"), 1, "the body is null"),
        case("empty 200", Show, json(200, ""), 1, "the body is empty"),
        case("whitespace 200", Show, json(200, "  \n"), 1, "the body is empty"),
        case("HTML login page", Show, with(200, &[("content-type", "text/html; charset=utf-8")], html), 1, "the body is text/html, not JSON"),
        case("JSON under a text content type", Show, with(200, &[("content-type", "text/plain")], &token), 1, "the body is text/plain, not JSON"),
        case("HTML without a content type", Show, with(200, &[], html), 1, "the body is not JSON"),
        case("invalid UTF-8", Show, Serve::Http(200, vec![JSON], b"{\"data\": {\"id\": \"ot-\xff\xfe\"}}".to_vec()), 1, "the body is not valid UTF-8"),
        case("oversized body", Show, Serve::Http(200, vec![JSON], vec![b' '; 33 * 1024 * 1024]), 1, "the body is larger than 32 MiB"),
        case("PATCH answered with null data", Update, json(200, r#"{"data": null}"#), 1, "PATCH http"),
        case("PATCH answered with HTML", Update, with(200, &[("content-type", "text/html")], html), 1, "PATCH http"),
        case("POST answered 201 without id", Create, json(201, r#"{"data": {"type": "oauth-clients"}}"#), 1, "has no `id`"),
        case("POST answered with an empty 200", Create, json(200, ""), 1, "the body is empty"),
        case("DELETE answered with garbage", Delete, with(200, &[("content-type", "text/html")], html), 1, "DELETE http"),
        // Lists.
        case("list data an object", List, json(200, r#"{"data": {"id": "oc-a"}}"#), 1, "expected a list"),
        case("list item without id", List, json(200, r#"{"data": [{"type": "oauth-clients"}]}"#), 1, "not a resource with an id"),
        case("list answered with HTML", List, with(200, &[("content-type", "text/html")], html), 1, "text/html"),
        case("non-advancing pagination", List, json(200, &pages("1", "3")), 1, "does not advance"),
        case("endless pagination", List, json(200, &pages("2", "50000")), 1, "10000"),
        case("next-page past the cap", List, json(200, &pages("10001", "null")), 1, "10000"),
        case("next-page skipping pages", List, json(200, &pages("5", "5")), 1, "page 1 of 5 gives next-page 5, which skips pages 2 to 4"),
        case("next-page as a string", List, json(200, &pages(r#""2""#, "3")), 1, "meta.pagination.next-page is \"2\", not a non-negative integer"),
        case("total-pages as a float", List, json(200, &pages("2", "3.0")), 1, "meta.pagination.total-pages is 3.0, not a non-negative integer"),
        case("total-count not reached", List, json(200, r#"{"data":[{"id":"oc-a","type":"oauth-clients"}],"meta":{"pagination":{"current-page":1,"next-page":null,"total-pages":1,"total-count":7}}}"#), 1, "the server counts 7 items (total-count) but its pages held 1"),
        case("list item nested 126 levels", List, json(200, &nested_item(126)), 1, "the body nests deeper than 34 levels (a resource may nest 32)"),
        case("list item nested 33 levels", List, json(200, &nested_item(33)), 1, "the body nests deeper than 34 levels (a resource may nest 32)"),
        case("document nested 10,000 levels", Show, json(200, &format!(r#"{{"data": {{"id": "ot-1", "x": {}}}}}"#, "[".repeat(10_000))), 1, "the body nests deeper than 34 levels"),
        case("list item with a number out of range", List, json(200, r#"{"data":[{"id":"oc-a","type":"oauth-clients","attributes":{"n":1e400}}]}"#), 1, "number out of range"),
        // Redirects on every method: exit 1, never followed.
        case("301 on GET", Show, with(301, &[("location", "https://tfe.example.com/api/v2/oauth-tokens/ot-1")], ""), 1, "301 Moved Permanently redirects to https://tfe.example.com"),
        case("302 on a list", List, with(302, &[("location", "/login")], ""), 1, "302 Found redirects to /login"),
        case("307 on PATCH", Update, with(307, &[("location", "https://x.example.com/")], ""), 1, "307 Temporary Redirect redirects"),
        case("308 on DELETE", Delete, with(308, &[("location", "https://x.example.com/")], ""), 1, "308 Permanent Redirect redirects"),
        case("303 on POST", Create, with(303, &[("location", "https://x.example.com/")], ""), 1, "303 See Other redirects"),
        case("redirect without Location", Show, with(302, &[], ""), 1, "(no Location given)"),
        // Error statuses with bodies that are not TFE error documents.
        case("500 HTML page", Show, with(500, &[("content-type", "text/html")], html), 6, "500 Internal Server Error\n  <!DOCTYPE html> <html><body><h1>Sign in</h1></body></html>"),
        case("502 empty", Show, with(502, &[], ""), 6, "502 Bad Gateway"),
        case("503 plain text on PATCH", Update, with(503, &[("content-type", "text/plain")], "down for maintenance"), 6, "503 Service Unavailable\n  down for maintenance"),
        case("504 on DELETE", Delete, with(504, &[], ""), 6, "504 Gateway Timeout"),
        case("503 on POST", Create, with(503, &[], ""), 6, "a POST is never retried"),
        case("401 HTML", Show, with(401, &[("content-type", "text/html")], html), 4, "401 Unauthorized"),
        case("404 plain text", Show, with(404, &[("content-type", "text/plain")], "Not Found"), 3, "404 Not Found\n  Not Found"),
        case("422 HTML", Update, with(422, &[("content-type", "text/html")], html), 5, "422 Unprocessable Entity"),
        case("418 teapot", Show, json(418, "{}"), 1, "418 I'm a teapot"),
        case("429 asking to wait an hour", Show, with(429, &[("retry-after", "3600")], ""), 6, "429 Too Many Requests"),
        // Network failures: exit 6.
        case("body cut off on GET", Show, Serve::Raw(cut.clone()), 6, "was cut off"),
        case("body cut off on a list", List, Serve::Raw(cut.clone()), 6, "was cut off"),
        case("body cut off on POST", Create, Serve::Raw(cut), 6, "a POST is never retried"),
        case("connection closed without an answer", Show, Serve::Raw(Answer::Hangup), 6, "GET http"),
        case("not HTTP at all", Show, Serve::Raw(Answer::Bytes(b"SSH-2.0-OpenSSH_9.6\r\n".to_vec())), 6, "GET http"),
    ]
}

fn run_case(case: &Case) {
    let mut mock_server = None;
    let mut scripted = None;
    let url = match &case.serve {
        Serve::Http(status, headers, body) => {
            let mut server = Server::new();
            let mut mock = server
                .mock(case.cmd.method(), Matcher::Any)
                .with_status(*status);
            for (name, value) in headers {
                mock = mock.with_header(*name, value);
            }
            let _mock = mock.with_body(body).create();
            // A delete reads the client and walks what uses it first (SPEC §3).
            let read_first = matches!(case.cmd, Cmd::Delete).then(|| {
                crate::linked::mock::unused(
                    &mut server,
                    "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
                    &fixture("client_show_response.json")["data"],
                )
            });
            let url = server.url();
            mock_server = Some((server, _mock, read_first));
            url
        }
        Serve::Raw(answer) => {
            let server = Scripted::start(vec![answer.clone()]);
            let url = server.url.clone();
            scripted = Some(server);
            url
        }
    };
    let env = TestEnv::server(&url);
    let mut cmd = env.command();
    let out = cmd
        .env("TFVCS_PAT", "ghp_CANARY_pat")
        .args(["--retries", "1"])
        .args(case.cmd.args())
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    let name = case.name;
    assert_eq!(out.status.code(), Some(case.code), "{name}: {stderr}");
    assert!(stderr.contains(case.says), "{name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    assert!(!stderr.contains(TOKEN), "{name}: {stderr}");
    assert!(!stderr.contains("CANARY_pat"), "{name}: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].starts_with("error: "), "{name}: {stderr}");
    let said = lines[1..].iter().filter(|l| l.starts_with("  ")).count();
    assert!(
        said <= 1,
        "{name}: more than one line of server text: {stderr}"
    );
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.starts_with("hint: ") || l.starts_with("  ")),
        "{name}: {stderr}"
    );
    if case.code != 0
        && matches!(
            case.cmd,
            Cmd::Show | Cmd::Update | Cmd::Delete | Cmd::Create
        )
    {
        assert_eq!(stdout_of(&out), "", "{name}");
    }
    drop(mock_server);
    drop(scripted);
}

#[test]
fn every_bad_answer_has_its_exit_code_and_a_one_line_error() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for case in &cases {
        run_case(case);
    }
}

#[test]
fn a_list_item_nested_32_levels_is_listed() {
    let mut server = Server::new();
    let _list = server
        .mock("GET", mockito::Matcher::Any)
        .with_header("content-type", "application/vnd.api+json")
        .with_body(nested_item(32))
        .create();
    let env = TestEnv::server(&server.url());
    let out = env
        .command()
        .args(["client", "list", "-o", "id"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "oc-a\n");
}

/// `token show` against `server`: exit 1 after one request (not retried); its stderr.
fn refused_once(server: &Scripted) -> String {
    let env = TestEnv::server(&server.url);
    let out = env
        .command()
        .args(["--retries", "2", "token", "show", "ot-29t7xkUKiNC2XasL"])
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(server.requests().len(), 1, "not retried: {stderr}");
    stderr
}

/// A 3xx whose `Location` holds a control character is not valid HTTP, and the HTTP library
/// refuses the whole answer before tfvcs sees its status. It is still a redirect (SPEC §2):
/// exit 1, not retried, its status and Location shown escaped, with the --hostname hint.
#[test]
fn a_redirect_whose_location_holds_a_control_character_is_still_a_redirect() {
    use crate::common::scripted::response;
    let server = Scripted::start(vec![response(
        "302 Found",
        &[(
            "Location",
            "https://elsewhere.example.com/\x1b]0;owned\x07\x1b[2J",
        )],
        b"",
    )]);
    let stderr = refused_once(&server);
    assert_eq!(
        stderr,
        format!(
            "error: GET {}/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL: 302 Found redirects to https://elsewhere.example.com/\\u{{1b}}]0;owned\\u{{7}}\\u{{1b}}[2J; redirects are not followed\n\
             hint: tfvcs never follows redirects: point --hostname at the final URL (scheme, host and API path)\n",
            server.url
        )
    );
}

/// Any other answer with such a header is not valid HTTP either: exit 1 (an answer, not a
/// network failure), not retried, the header's raw value never printed.
#[test]
fn another_answer_with_a_control_character_in_a_header_is_exit_1() {
    use crate::common::scripted::response;
    let server = Scripted::start(vec![response(
        "200 OK",
        &[("X-Note", "\x1b[2Jowned")],
        b"{}",
    )]);
    let stderr = refused_once(&server);
    assert_eq!(
        stderr,
        format!(
            "error: GET {}/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL: the answer is not valid HTTP (a header value holds a control character)\n",
            server.url
        )
    );
}
