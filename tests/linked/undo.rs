//! `token relink --undo` against a mock TFE (SPEC §10 "Undo"): what a journal shows went
//! through is restored, what did not counts as already back, what the server refused is left
//! out, what changed since is left alone (exit 1); its own journal; `--dry-run`; server text
//! in its plan escaped.

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{Value, json};

use super::mock::*;
use super::relink::{FROM_CLIENT, TO_CLIENT, token_side, ws_path};
use crate::common::*;

/// A journal written by hand for the mock's host: `seq` 1 sent with no answer line (it went
/// through), 2 sent with its answer lost (it did not), 3 refused (422), 4 answered but changed
/// since.
fn lost_answers_journal(server: &ServerGuard, dir: &TempDir) -> std::path::PathBuf {
    let repo = |identifier: &str, token: &str| {
        json!({"identifier": identifier, "branch": "", "ingress-submodules": false,
               "oauth-token-id": token})
    };
    let patch = |seq: u64, id: &str, name: &str, old: &str, new: &str| {
        json!({"event": "patch", "seq": seq, "kind": "workspace", "id": id, "name": name,
               "before": repo(old, FROM), "sent": repo(new, TO)})
    };
    let lines = [
        json!({"journal": "tfvcs relink journal 1", "version": "0.1.0", "operation": "relink",
               "host": server.host_with_port(), "organization": ORG, "from": FROM, "to": TO,
               "rules": {"rewrite": ["example/=acme/"]}, "started": "2026-12-04T22:21:09.123Z"}),
        patch(1, "ws-aaaaaaaaaaaaaaa1", "a", "example/a", "acme/a"),
        patch(2, "ws-bbbbbbbbbbbbbbb2", "b", "example/b", "acme/b"),
        json!({"event": "answer", "seq": 2, "id": "ws-bbbbbbbbbbbbbbb2", "status": null,
               "result": "failed: timed out", "after": null}),
        patch(3, "ws-ccccccccccccccc3", "c", "example/c", "acme/c"),
        json!({"event": "answer", "seq": 3, "id": "ws-ccccccccccccccc3", "status": 422,
               "result": "failed: 422", "after": null}),
        patch(4, "ws-ddddddddddddddd4", "d", "example/d", "acme/d"),
        json!({"event": "answer", "seq": 4, "id": "ws-ddddddddddddddd4", "status": 200,
               "result": "relinked", "after": repo("acme/d", TO)}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    dir.file("lost.jsonl", &text)
}

/// A workspace named `name` (hostile for `a`) as the server has it now.
fn now(id: &str, name: &str, identifier: &str, token: &str, branch: &str) -> Value {
    let mut ws = workspace(id, name, token, branch);
    ws["attributes"]["vcs-repo"]["identifier"] = json!(identifier);
    ws["attributes"]["vcs-repo"]["display-identifier"] = json!(identifier);
    ws
}

#[test]
fn an_undo_restores_what_went_through_counts_what_did_not_and_leaves_what_changed() {
    for dry_run in [false, true] {
        let mut server = Server::new();
        let dir = TempDir::new();
        let journal = lost_answers_journal(&server, &dir);
        let hostile = "a\u{1b}[2J\u{202e}";
        let a = now("ws-aaaaaaaaaaaaaaa1", hostile, "acme/a", TO, "");
        let b = now("ws-bbbbbbbbbbbbbbb2", "b", "example/b", FROM, "");
        let d = now("ws-ddddddddddddddd4", "d", "acme/d", TO, "dev");
        // Where the journal puts them back is checked as a relink's target.
        let target = token_side(&mut server, FROM, FROM_CLIENT, "github", ORG);
        let _reads = reads_first(&mut server);
        let listed = list(&mut server, WORKSPACES, &[a.clone(), b, d]);
        let _read = get(&mut server, &ws_path("ws-aaaaaaaaaaaaaaa1"), &a);
        let restore = server
            .mock("PATCH", ws_path("ws-aaaaaaaaaaaaaaa1").as_str())
            .match_body(Matcher::Exact(format!(
                r#"{{"data":{{"type":"workspaces","attributes":{{"vcs-repo":{{"identifier":"example/a","branch":"","ingress-submodules":false,"oauth-token-id":"{FROM}"}}}}}}}}"#
            )))
            .with_body(
                json!({"data": now("ws-aaaaaaaaaaaaaaa1", hostile, "example/a", FROM, "")})
                    .to_string(),
            )
            .expect(usize::from(!dry_run))
            .create();
        let others = server
            .mock("PATCH", Matcher::Regex("ws-[bcd]".into()))
            .expect(0)
            .create();
        let env = TestEnv::server(&server.url());
        let home = env.home();
        let mut cmd = env.command();
        cmd.args([
            "token",
            "relink",
            "--undo",
            journal.to_str().unwrap(),
            "--yes",
        ]);
        if dry_run {
            cmd.arg("--dry-run");
        }
        let out = cmd.output().unwrap();
        let (rows, err) = (stdout_of(&out), stderr_of(&out));
        listed.iter().for_each(Mock::assert);
        target.iter().for_each(Mock::assert);
        restore.assert();
        others.assert();
        for text in [&rows, &err] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{202e}'),
                "{text:?}"
            );
        }
        assert!(
            err.contains("acme/a → example/a") && err.contains(&format!("{TO} → {FROM}")),
            "the plan shows now → before: {err}"
        );
        assert!(!err.contains("ws-ccccccccccccccc3") && !rows.contains("ccc3"));
        if dry_run {
            assert_eq!(out.status.code(), Some(0), "{err}");
            assert!(rows.starts_with("PATCH "), "{rows}");
            assert!(
                !home.path().join(".local").exists(),
                "no journal on --dry-run"
            );
            continue;
        }
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("restored 1 of 3: 1 workspace; 1 already done"),
            "{err}"
        );
        for (id, result) in [
            ("ws-aaaaaaaaaaaaaaa1", "restored"),
            ("ws-bbbbbbbbbbbbbbb2", "already back"),
            (
                "ws-ddddddddddddddd4",
                "changed since: branch is dev, not (none)",
            ),
        ] {
            assert!(
                rows.lines().any(|l| l.contains(id) && l.contains(result)),
                "{id}: {result} in {rows}"
            );
        }
        // The undo's own journal: an undo header naming what it undoes, and one PATCH.
        let folder = home.path().join(".local/state/tfvcs/journal");
        let own = std::fs::read_dir(&folder)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let lines = journal_lines(&own);
        assert_eq!(lines[0]["operation"], "undo");
        assert_eq!(lines[0]["undoes"], journal.to_str().unwrap());
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[1]["sent"]["identifier"], "example/a");
    }
}

/// A journal edit: `value` at `pointer` of line `line`.
type Edit<'a> = (usize, &'a str, Value);

/// The journal of `lost_answers_journal` with each `value` at `pointer` of its line `line`
/// (1 is the header).
fn edited_journal(server: &ServerGuard, dir: &TempDir, edits: &[Edit]) -> std::path::PathBuf {
    let path = lost_answers_journal(server, dir);
    let mut lines = journal_lines(&path);
    for (line, pointer, value) in edits {
        *lines[line - 1].pointer_mut(pointer).unwrap() = value.clone();
    }
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    dir.file("edited.jsonl", &text)
}

/// `--undo journal` and `mode` run against `server`, with the environment it ran in.
fn undo_with(
    server: &ServerGuard,
    journal: &std::path::Path,
    mode: &str,
) -> (TestEnv, std::process::Output) {
    let env = TestEnv::server(&server.url());
    let out = env
        .command()
        .args(["token", "relink", "--undo", journal.to_str().unwrap(), mode])
        .output()
        .unwrap();
    (env, out)
}

/// `--undo` of `journal` (with `--yes`, or `--dry-run`) must be refused with exit 2 and
/// `message` on stderr, before any request.
fn refused_undo(server: &mut ServerGuard, journal: &std::path::Path, message: &str) {
    for mode in ["--yes", "--dry-run"] {
        let requests: Vec<Mock> = ["GET", "PATCH", "POST"]
            .iter()
            .map(|method| server.mock(method, Matcher::Any).expect(0).create())
            .collect();
        let (env, out) = undo_with(server, journal, mode);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{mode}: {err}");
        assert!(err.contains(message), "{mode}: {message:?} in {err}");
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert_eq!(stdout_of(&out), "", "{mode}");
        requests.iter().for_each(Mock::assert);
        assert!(
            !env.home().path().join(".local").exists(),
            "no journal of its own"
        );
    }
}

#[test]
fn a_journal_naming_a_connection_of_the_wrong_shape_is_refused_before_anything_is_sent() {
    for (line, pointer, value, message) in [
        (
            3,
            "/sent/oauth-token-id",
            json!("ot-../x"),
            "line 3: sent: oauth-token-id \"ot-../x\" is not an OAuth token id",
        ),
        (
            2,
            "/before/oauth-token-id",
            json!("ghain-abc"),
            "line 2: before: oauth-token-id \"ghain-abc\" is not an OAuth token id",
        ),
        (
            8,
            "/after/oauth-token-id",
            json!(7),
            "line 8: after: oauth-token-id 7 is not an OAuth token id",
        ),
    ] {
        let mut server = Server::new();
        let dir = TempDir::new();
        let journal = edited_journal(&server, &dir, &[(line, pointer, value)]);
        refused_undo(&mut server, &journal, message);
    }
}

#[test]
fn a_journal_whose_before_state_breaks_the_rules_of_a_new_repository_is_refused() {
    let hostile = "acme/../evil\u{1b}[31m x";
    let cases: [(&[Edit], &str); 6] = [
        (
            &[(2, "/before/identifier", json!(hostile))],
            "line 2: before: the identifier \"acme/../evil\\u{1b}[31m x\": it holds whitespace or control characters",
        ),
        (
            &[(2, "/before/identifier", json!("acme/../evil"))],
            "line 2: before: the identifier \"acme/../evil\": it holds a `..` segment",
        ),
        (
            &[(3, "/before/identifier", json!(""))],
            "line 3: before: the identifier \"\": it is empty",
        ),
        (
            &[(2, "/before", Value::Null)],
            "line 2: before: names no repository to go back to",
        ),
        (
            &[(2, "/before/oauth-token-id", json!(""))],
            "line 2: before: names no connection to go back to",
        ),
        (
            &[
                (2, "/kind", json!("module")),
                (2, "/name", json!("acme/vpc/aws")),
                (2, "/before/identifier", json!("example/vpc-module")),
            ],
            "line 2: before: its new repository vpc-module is not named terraform-aws-vpc",
        ),
    ];
    for (edits, message) in cases {
        let mut server = Server::new();
        let dir = TempDir::new();
        let journal = edited_journal(&server, &dir, edits);
        refused_undo(&mut server, &journal, message);
    }
}

#[test]
fn a_journal_putting_resources_back_on_another_organizations_connection_is_refused() {
    let other = "ot-OTHERorgTOKEN01";
    for mode in ["--yes", "--dry-run"] {
        let mut server = Server::new();
        let dir = TempDir::new();
        let journal = edited_journal(
            &server,
            &dir,
            &[(5, "/before/oauth-token-id", json!(other))],
        );
        let mut checks = token_side(&mut server, FROM, FROM_CLIENT, "github", ORG);
        checks.extend(token_side(
            &mut server,
            other,
            TO_CLIENT,
            "github",
            "evil-org",
        ));
        let untouched: Vec<Mock> = ["PATCH", "POST"]
            .iter()
            .map(|method| server.mock(method, Matcher::Any).expect(0).create())
            .collect();
        let walk = server
            .mock("GET", Matcher::Regex("/workspaces".into()))
            .expect(0)
            .create();
        let _reads = reads_first(&mut server);
        let (env, out) = undo_with(&server, &journal, mode);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{mode}: {err}");
        assert!(
            err.contains(&format!(
                "line 5: before: {other} belongs to organization evil-org, not to organization {ORG}"
            )),
            "{err}"
        );
        assert_eq!(stdout_of(&out), "");
        untouched.iter().for_each(Mock::assert);
        walk.assert();
        assert!(
            !env.home().path().join(".local").exists(),
            "no journal left"
        );
    }
}

/// A journal is a regular file: a FIFO given to `--undo` is refused at once (exit 2, naming
/// it) instead of blocking the undo until something writes to it.
#[cfg(unix)]
#[test]
fn a_fifo_given_to_undo_is_refused_without_blocking() {
    let server = Server::new();
    let dir = TempDir::new();
    let fifo = dir.path().join("journal.fifo");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: creating a FIFO in the test's own folder.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let env = TestEnv::server(&server.url());
    let mut child = env
        .process()
        .args(["token", "relink", "--undo", fifo.to_str().unwrap(), "--yes"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("--undo of a FIFO blocked");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "--undo {} is a FIFO, not a regular file",
            fifo.display()
        )),
        "{err}"
    );
}
