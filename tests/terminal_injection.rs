//! Server text is never printed raw (SPEC §6): names, ids, URLs, users, dates and error fields
//! carrying ESC, CR, LF, NUL, DEL, a C1 control, U+202E and format characters (U+200B, U+00AD,
//! a tag character) go through every output form
//! (table, `-o json`, `-o id`, `-vv`, errors, notes, the delete confirmation); none reaches
//! the terminal as itself, and none can start a line of its own.

use crate::common::*;
use mockito::{Matcher, Server};
use serde_json::{Value, json};

/// What a hostile server puts in a field: a fake line, a carriage return, "hide what
/// follows", NUL, DEL, a C1 CSI, a right-to-left override, and invisible format characters (a
/// zero-width space, a soft hyphen, a tag character: `prod` and `prod\u{200b}` look alike).
const EVIL: &str = "corp\nFAKE-LINE\r\x1b[8m\0\x7f\u{9b}2J\u{202e}gpj.exe\u{200b}\u{ad}\u{e0041}";
/// None of these may reach stdout or stderr as themselves.
const RAW: [char; 9] = [
    '\x1b',
    '\r',
    '\0',
    '\x7f',
    '\u{9b}',
    '\u{202e}',
    '\u{200b}',
    '\u{ad}',
    '\u{e0041}',
];
/// How EVIL's escape must look where it is shown.
const SHOWN: &str =
    r"corp\nFAKE-LINE\r\u{1b}[8m\0\u{7f}\u{9b}2J\u{202e}gpj.exe\u{200b}\u{ad}\u{e0041}";

const CLIENT: &str = "oc-XKFwG6ggfA9n7t1K";
const TOKEN_ID: &str = "ot-29t7xkUKiNC2XasL";

fn set(doc: &mut Value, pointer: &str, value: &str) {
    let field = doc
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"));
    *field = json!(value);
}

fn client_with(pointer: &str) -> Value {
    let mut doc =
        json!({"data": client_resource(CLIENT, Some("github"), Some("ot-hmAyP66qk2AMVdbJ"))});
    doc["data"]["attributes"]["service-provider-display-name"] = json!("GitHub");
    set(&mut doc, &format!("/data{pointer}"), EVIL);
    doc
}

fn token_with(pointer: &str) -> Value {
    let mut doc = fixture("token_show_response.json");
    set(&mut doc, &format!("/data{pointer}"), EVIL);
    doc
}

fn list_of(doc: Value) -> Value {
    json!({"data": [doc["data"].clone()]})
}

/// One hostile answer: the command, what the server sends, and whether it is the id that is
/// hostile (then `-o id` must refuse with exit 1).
struct Case {
    what: &'static str,
    args: Vec<&'static str>,
    status: usize,
    body: String,
    hostile_id: bool,
    /// Whether the table shows the hostile field (a list has fewer columns than a show).
    shown: bool,
    /// GETs answered before everything else gets `body`: (path, their answer).
    first: Vec<(&'static str, String)>,
}

/// The same hostile resource answered to a show and, as a one-item list, to a list.
fn push_show_and_list(
    cases: &mut Vec<Case>,
    what: &'static str,
    doc: Value,
    show: Vec<&'static str>,
    list: Vec<&'static str>,
    hostile_id: bool,
    shown_in_list: bool,
) {
    cases.push(Case {
        what,
        args: show,
        status: 200,
        body: doc.to_string(),
        hostile_id,
        shown: true,
        first: Vec::new(),
    });
    cases.push(Case {
        what,
        args: list,
        status: 200,
        body: list_of(doc).to_string(),
        hostile_id,
        shown: shown_in_list,
        first: Vec::new(),
    });
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let client_fields = [
        ("client name", "/attributes/name", false),
        ("client id", "/id", true),
        ("client http-url", "/attributes/http-url", false),
        ("client api-url", "/attributes/api-url", false),
        ("client created-at", "/attributes/created-at", false),
        (
            "client provider name",
            "/attributes/service-provider-display-name",
            false,
        ),
        ("client callback-url", "/attributes/callback-url", false),
        (
            "client token id",
            "/relationships/oauth-tokens/data/0/id",
            false,
        ),
    ];
    for (what, pointer, hostile_id) in client_fields {
        // A list has no API URL, callback URL or provider display name column.
        let in_list = !["api-url", "callback", "display"]
            .iter()
            .any(|f| pointer.contains(f));
        let show = vec!["client", "show", CLIENT];
        push_show_and_list(
            &mut cases,
            what,
            client_with(pointer),
            show,
            vec!["client", "list"],
            hostile_id,
            in_list,
        );
    }
    let token_fields = [
        ("token user", "/attributes/service-provider-user", false),
        ("token id", "/id", true),
        ("token created-at", "/attributes/created-at", false),
        (
            "token client id",
            "/relationships/oauth-client/data/id",
            false,
        ),
    ];
    for (what, pointer, hostile_id) in token_fields {
        let show = vec!["token", "show", TOKEN_ID];
        push_show_and_list(
            &mut cases,
            what,
            token_with(pointer),
            show,
            vec!["token", "list", CLIENT],
            hostile_id,
            true,
        );
    }
    let error_docs = [
        (
            "error title",
            json!({"errors": [{"status": "422", "title": EVIL}]}),
        ),
        (
            "error detail",
            json!({"errors": [{"status": "422", "title": "invalid", "detail": EVIL}]}),
        ),
        (
            "error pointer",
            json!({"errors": [{"status": "422", "title": "invalid", "source": {"pointer": EVIL}}]}),
        ),
        ("error string", json!({"errors": [EVIL]})),
        ("error message", json!({"message": EVIL})),
    ];
    for (what, doc) in error_docs {
        cases.push(Case {
            what,
            args: vec!["client", "show", CLIENT],
            status: 422,
            body: doc.to_string(),
            hostile_id: false,
            shown: true,
            first: Vec::new(),
        });
    }
    // A Stack row of `usage`: every GET is answered with the one-Stack list.
    let stack_fields = [
        ("stack name", "/attributes/name", false),
        ("stack id", "/id", true),
        ("stack repository", "/attributes/vcs-repo/identifier", false),
        ("stack branch", "/attributes/vcs-repo/branch", false),
    ];
    for (what, pointer, hostile_id) in stack_fields {
        let mut stack = json!({"id": "st-kJcSJemafdBCPw3B", "type": "stacks", "attributes": {
            "name": "platform", "vcs-repo": {"identifier": "acme/platform", "branch": "main",
            "oauth-token-id": TOKEN_ID}}});
        set(&mut stack, pointer, EVIL);
        cases.push(Case {
            what,
            args: vec!["token", "usage", TOKEN_ID, "--kind", "stack"],
            status: 200,
            body: json!({ "data": [stack] }).to_string(),
            hostile_id,
            shown: true,
            // `usage` reads the token and the organization before it walks.
            first: vec![
                (
                    "/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL",
                    fixture("token_show_response.json").to_string(),
                ),
                (
                    "/api/v2/organizations/my-organization",
                    json!({"data": {"id": "my-organization", "type": "organizations"}}).to_string(),
                ),
            ],
        });
    }
    cases.push(Case {
        what: "error text body",
        args: vec!["token", "show", TOKEN_ID],
        status: 502,
        body: format!("<html>{EVIL}</html>"),
        hostile_id: false,
        shown: true,
        first: Vec::new(),
    });
    cases.push(Case {
        what: "user name in auth status",
        args: vec!["auth", "status"],
        status: 200,
        body: json!({"data": {"id": "user-1", "type": "users", "attributes": {"username": EVIL}}})
            .to_string(),
        hostile_id: false,
        shown: true,
        first: Vec::new(),
    });
    cases.push(Case {
        what: "id in a created client's note",
        args: vec!["client", "create", "--provider", "github"],
        status: 201,
        body: client_with("/id").to_string(),
        hostile_id: true,
        shown: true,
        first: Vec::new(),
    });
    // Every list is the one client (the walks included): its token is named by nothing, a
    // note whose NAME is the hostile name.
    cases.push(Case {
        what: "client name in a doctor finding",
        args: vec!["doctor"],
        status: 200,
        body: list_of(client_with("/attributes/name")).to_string(),
        hostile_id: false,
        shown: true,
        first: Vec::new(),
    });
    cases.push(Case {
        what: "name in a set-pat answer",
        args: vec!["client", "set-pat", CLIENT],
        status: 200,
        body: client_with("/attributes/name").to_string(),
        hostile_id: false,
        shown: true,
        first: Vec::new(),
    });
    cases
}

/// Whether some string in `doc` holds EVIL as it was sent.
fn holds_evil(doc: &Value) -> bool {
    match doc {
        Value::String(s) => s.contains(EVIL),
        Value::Array(items) => items.iter().any(holds_evil),
        Value::Object(map) => map.values().any(holds_evil),
        _ => false,
    }
}

fn assert_safe(what: &str, form: &[&str], stream: &str, text: &str) {
    for c in RAW {
        assert!(
            !text.contains(c),
            "{what} {form:?}: {stream} has a raw {c:?}:\n{text:?}"
        );
    }
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with("FAKE-LINE"),
            "{what} {form:?}: {stream} has a faked line:\n{text}"
        );
    }
}

#[test]
fn server_text_never_reaches_the_terminal_raw() {
    let forms: [&[&str]; 4] = [&[], &["-o", "json"], &["-o", "id"], &["-vv"]];
    let mut checked = 0;
    for case in cases() {
        for form in forms {
            // `auth status -o id` is a usage error: it has no id to print.
            if case.args == ["auth", "status"] && form == ["-o", "id"] {
                continue;
            }
            let mut server = Server::new();
            for (path, body) in &case.first {
                server
                    .mock("GET", *path)
                    .with_status(200)
                    .with_body(body)
                    .create();
            }
            // The organization, which the walks read first (doctor): a resource, whatever
            // the lists answer. Created first, so it is matched before the catch-alls.
            server
                .mock("GET", "/api/v2/organizations/my-organization")
                .with_body(r#"{"data": {"id": "my-organization", "type": "organizations"}}"#)
                .create();
            for method in ["GET", "POST", "PATCH", "DELETE"] {
                server
                    .mock(method, Matcher::Any)
                    .with_status(case.status)
                    .with_body(&case.body)
                    .create();
            }
            let env = TestEnv::server(&server.url());
            let mut cmd = env.command();
            let out = cmd
                .env("TFVCS_PAT", "pat-value")
                .args(&case.args)
                .args(form)
                .output()
                .unwrap();
            let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
            assert_safe(case.what, form, "stdout", &stdout);
            assert_safe(case.what, form, "stderr", &stderr);
            let code = out.status.code();
            let json = form == ["-o", "json"];
            let id = form == ["-o", "id"];
            match case.status {
                200 | 201 if id && case.hostile_id => {
                    assert_eq!(code, Some(1), "{} {form:?}: {stderr}", case.what);
                    assert_eq!(stdout, "", "{} {form:?}", case.what);
                    assert!(
                        stderr.contains("not of the form"),
                        "{}: {stderr}",
                        case.what
                    );
                }
                200 | 201 => {
                    assert_eq!(code, Some(0), "{} {form:?}: {stderr}", case.what);
                    if json {
                        // The same document, escaped by JSON itself.
                        let printed: Value = serde_json::from_str(&stdout).unwrap();
                        assert!(holds_evil(&printed), "{} {form:?}: {stdout}", case.what);
                    } else if !id && case.shown {
                        let shown = format!("{stdout}{stderr}");
                        assert!(shown.contains(SHOWN), "{} {form:?}:\n{shown}", case.what);
                    }
                }
                _ => {
                    assert_ne!(code, Some(0), "{} {form:?}", case.what);
                    assert!(
                        stderr.lines().any(|l| l.starts_with("error: ")),
                        "{}: {stderr}",
                        case.what
                    );
                    // An error excerpt collapses whitespace; the rest is shown escaped.
                    assert!(
                        stderr.contains(r"\u{1b}[8m\0\u{7f}\u{9b}2J\u{202e}gpj.exe"),
                        "{} {form:?}:\n{stderr}",
                        case.what
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 100, "{checked}");
}

#[cfg(unix)]
#[test]
fn the_delete_confirmation_shows_server_names_escaped() {
    use std::io::{Read, Write};
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;

    use crate::linked::mock::{Org, workspace};
    let mut server = Server::new();
    let doc = client_with("/attributes/name");
    // What uses it is listed before the question: a workspace with a hostile name.
    let org = Org::default()
        .workspaces(&[
            workspace("ws-KTuq99JSzgmDSvYj", EVIL, "ot-hmAyP66qk2AMVdbJ", ""),
            workspace("ws-plain0000000000", "ws-plain", "ot-hmAyP66qk2AMVdbJ", ""),
        ])
        .mock(&mut server);
    let show = server
        .mock("GET", format!("/api/v2/oauth-clients/{CLIENT}").as_str())
        .match_query(Matcher::Any)
        .with_status(200)
        .with_body(doc.to_string())
        .expect(1)
        .create();
    let delete = server.mock("DELETE", Matcher::Any).expect(0).create();

    let (mut controller, terminal) = open_pty();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.process();
    cmd.args(["client", "delete", CLIENT])
        .stdin(Stdio::from(terminal.try_clone().unwrap()))
        .stdout(Stdio::from(terminal.try_clone().unwrap()))
        .stderr(Stdio::from(terminal));
    // SAFETY: setsid is async-signal-safe; the child gets a session of its own, as a shell
    // would give it, so the terminal is its own.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    let reader = {
        let mut controller = controller.try_clone().unwrap();
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            let mut buf = [0u8; 4096];
            // Ends with EIO once the child has gone and the terminal end is closed.
            while let Ok(n) = controller.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.extend_from_slice(&buf[..n]);
                if String::from_utf8_lossy(&seen).contains("nothing was deleted") {
                    break;
                }
            }
            String::from_utf8_lossy(&seen).into_owned()
        })
    };
    // Answer once the question is up.
    std::thread::sleep(std::time::Duration::from_millis(500));
    controller.write_all(b"n").unwrap();
    let status = child.wait().unwrap();
    let seen = reader.join().unwrap();
    assert_eq!(status.code(), Some(1), "{seen}");
    show.assert();
    org.assert();
    delete.assert();
    // The question itself is drawn by the prompt library (its own cursor moves); everything
    // before it is the details tfvcs wrote.
    // The terminal turns each line break into CR LF: those are its own, not the server's.
    let seen = seen.replace("\r\n", "\n");
    let details = &seen[..seen.find("Delete OAuth client").unwrap_or(seen.len())];
    assert!(details.contains(SHOWN), "{details:?}");
    assert_safe("delete confirmation", &[], "terminal", details);
    assert!(!details.contains("Nothing uses it."), "{details}");
    assert!(details.contains("Used by 2 workspaces:"), "{details}");
}
