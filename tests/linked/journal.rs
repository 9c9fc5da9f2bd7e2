//! The journal of a relink against a mock TFE (SPEC §10 "The journal"): its folder
//! (`XDG_STATE_HOME`, else `HOME`; unwritable: exit 1 with nothing sent), none on `--dry-run`,
//! every PATCH the server received journaled before it was sent (a process killed mid-run),
//! a journal of another host or organization refused by `--undo`, and at a terminal a journal
//! shown only once the relink is confirmed.

use std::path::Path;

use mockito::{Matcher, Mock, Server};
use serde_json::{Value, json};

use super::mock::*;
use super::moving::{WS, moved, one_workspace};
use super::relink::{relinked, token_checks, ws_path};
use crate::common::*;

/// A relink that finds one workspace on FROM and patches it; the journal folder comes from
/// `env`.
fn relink_with_env(vars: &[(&str, &Path)]) -> std::process::Output {
    let mut server = Server::new();
    let (ws, _mocks) = one_workspace(&mut server);
    let patch = server
        .mock("PATCH", ws_path(WS).as_str())
        .with_status(200)
        .with_body(json!({ "data": relinked(&ws, TO) }).to_string())
        .expect(1)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    for (key, value) in vars {
        cmd.env(key, value);
    }
    let out = cmd
        .args(["token", "relink", FROM, "--to", TO, "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    patch.assert();
    out
}

fn only_file_in(folder: &Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn the_journal_goes_to_xdg_state_home_else_home_and_an_unwritable_one_sends_nothing() {
    let home = TempDir::new();
    let state = TempDir::new();
    let out = relink_with_env(&[("HOME", home.path()), ("XDG_STATE_HOME", state.path())]);
    let journal = only_file_in(&state.path().join("tfvcs/journal"));
    let name = journal.file_name().unwrap().to_str().unwrap();
    assert!(name.ends_with(&format!("Z-relink-{FROM}.jsonl")), "{name}");
    assert_eq!(
        name.len(),
        format!("20261204T222109.123Z-relink-{FROM}.jsonl").len()
    );
    assert!(stderr_of(&out).starts_with(&format!("journal: {}\n", journal.display())));
    assert!(!home.path().join(".local").exists());

    relink_with_env(&[("HOME", home.path())]);
    only_file_in(&home.path().join(".local/state/tfvcs/journal"));

    // A file where the folder should be: nothing at all is sent.
    let blocked = home.file("blocked", "");
    let mut server = Server::new();
    let mocks: Vec<Mock> = ["GET", "PATCH"]
        .into_iter()
        .map(|m| server.mock(m, Matcher::Any).expect(0).create())
        .collect();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd
        .env("XDG_STATE_HOME", &blocked)
        .args(["token", "relink", FROM, "--to", TO, "--yes"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("error: cannot create the journal folder")
            && err.contains("nothing was sent"),
        "{err}"
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn a_dry_run_writes_no_journal() {
    let mut server = Server::new();
    let (_ws, _mocks) = one_workspace(&mut server);
    let none = no_patch(&mut server);
    let env = TestEnv::server(&server.url());
    let home = env.home();
    let mut cmd = env.command();
    let out = cmd
        .args([
            "token",
            "relink",
            FROM,
            "--to",
            TO,
            "--rewrite",
            "example/=acme/",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains(r#""identifier": "acme/terraform-test-proj""#));
    none.assert();
    assert!(
        !home.path().join(".local").exists(),
        "no journal on --dry-run"
    );
}

/// Runs `relink FROM --to TO --yes --journal journal` against `url` to its end, its process
/// id in `pid` while it runs (for a mock that signals it).
#[cfg(unix)]
fn relink_until_it_ends(
    url: &str,
    journal: &Path,
    pid: &std::sync::atomic::AtomicU32,
) -> std::process::ExitStatus {
    let env = TestEnv::server(url);
    let mut child = env
        .process()
        .args(["token", "relink", FROM, "--to", TO, "--yes", "--journal"])
        .arg(journal)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    pid.store(child.id(), std::sync::atomic::Ordering::SeqCst);
    child.wait().unwrap()
}

/// The journal line before a PATCH is written before the request: a server that kills tfvcs
/// when the fourth PATCH arrives finds every PATCH it received in the journal, and no answer
/// line for a PATCH it never answered.
#[cfg(unix)]
#[test]
fn a_process_killed_mid_run_has_journaled_every_patch_it_sent() {
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::{Arc, Mutex};

    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let workspaces: Vec<Value> = (0..30)
        .map(|i| workspace(&format!("ws-kill{i:02}"), &format!("w{i}"), FROM, ""))
        .collect();
    let _org = Org::default().workspaces(&workspaces).mock(&mut server);
    let pid = Arc::new(AtomicU32::new(0));
    let received = Arc::new(Mutex::new(Vec::<String>::new()));
    let answer = relinked(&workspaces[0], TO);
    let _patch = {
        let (pid, received) = (Arc::clone(&pid), Arc::clone(&received));
        server
            .mock("PATCH", Matcher::Regex("^/api/v2/workspaces/".into()))
            .with_status(200)
            .with_body_from_request(move |request| {
                let mut seen = received.lock().unwrap();
                seen.push(request.path().rsplit('/').next().unwrap().to_string());
                if seen.len() == 4 {
                    // SAFETY: killing the tfvcs process this test started.
                    unsafe {
                        libc::kill(pid.load(Ordering::SeqCst) as i32, libc::SIGKILL);
                    }
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                json!({ "data": answer }).to_string().into_bytes()
            })
            .create()
    };
    let dir = TempDir::new();
    let journal = dir.path().join("killed.jsonl");
    let status = relink_until_it_ends(&server.url(), &journal, &pid);
    assert_eq!(status.code(), None, "killed");

    let received = received.lock().unwrap().clone();
    let lines = journal_lines(&journal);
    let ids = |event: &str| -> Vec<String> {
        lines
            .iter()
            .filter(|l| l["event"] == event)
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (intents, answers) = (ids("patch"), ids("answer"));
    assert!(received.len() >= 4, "{received:?}");
    for id in &received {
        assert!(
            intents.contains(id),
            "{id} was sent without its journal line: {lines:?}"
        );
    }
    assert!(intents.len() < 30, "stopped by the kill: {}", intents.len());
    assert!(
        answers.len() < received.len(),
        "the PATCH answered after the kill has no answer line: {lines:?}"
    );
    for id in &answers {
        assert!(intents.contains(id));
    }
}

#[test]
fn a_journal_of_another_organization_or_host_or_not_one_is_exit_2_with_nothing_sent() {
    let dir = TempDir::new();
    let header = |host: &str, org: &str| {
        json!({"journal": "tfvcs relink journal 1", "version": "0.1.0", "operation": "relink",
               "host": host, "organization": org, "from": FROM, "to": TO,
               "rules": null, "started": "2026-12-04T22:21:09.123Z"})
        .to_string()
            + "\n"
    };
    // refused_before_sending's mock listens on 127.0.0.1 on a port not known here: a journal
    // of another organization or of app.terraform.io is foreign whatever the port.
    let other_org = dir.file("other-org.jsonl", &header("127.0.0.1", "someone-else"));
    let other_host = dir.file("other-host.jsonl", &header("app.terraform.io", ORG));
    let not_one = dir.file("moves.csv", "old,new\na,b\n");
    for (path, message) in [
        (
            &other_org,
            "a journal of organization someone-else on 127.0.0.1, not of my-organization",
        ),
        (
            &other_host,
            "a journal of organization my-organization on app.terraform.io, not of my-organization on 127.0.0.1:",
        ),
        (&not_one, "not a journal of tfvcs token relink"),
    ] {
        refused_before_sending(
            &["token", "relink", "--undo", path.to_str().unwrap(), "--yes"],
            "",
            2,
            message,
        );
    }
}

#[cfg(unix)]
#[test]
fn at_a_terminal_the_journal_comes_after_yes_and_not_at_all_after_no_or_ctrl_c() {
    // Ctrl-C at the prompt is exit 130 with nothing sent, and leaves no journal either.
    for (answer, patched, code) in [
        (&b"n"[..], 0, Some(1)),
        (&b"\x03"[..], 0, Some(130)),
        (&b"y"[..], 1, Some(0)),
    ] {
        let mut server = Server::new();
        let (ws, _mocks) = one_workspace(&mut server);
        let patch = server
            .mock("PATCH", ws_path(WS).as_str())
            .with_body(json!({ "data": moved(&ws, TO, "acme/terraform-test-proj") }).to_string())
            .expect(patched)
            .create();
        let env = TestEnv::server(&server.url());
        let home = env.home();
        let mut cmd = env.process();
        cmd.args([
            "token",
            "relink",
            FROM,
            "--to",
            TO,
            "--rewrite",
            "example/=acme/",
        ]);
        let (exit, seen) = answer_on_terminal(cmd, "Relink 1 resource from", answer);
        assert_eq!(exit, code, "{seen}");
        patch.assert();
        let folder = home.path().join(".local/state/tfvcs/journal");
        if patched == 0 {
            let left = std::fs::read_dir(&folder).map_or(0, |files| files.count());
            assert_eq!(left, 0, "declined: no journal is left");
            assert!(!seen.contains("journal: "), "{seen}");
        } else {
            let asked = seen.find("Relink 1 resource from").unwrap();
            let journal = seen.find("journal: ").expect("the journal's path");
            assert!(asked < journal, "the path comes once confirmed: {seen}");
            assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
        }
    }
}

/// A relink ended by SIGINT or SIGTERM before its first PATCH (during the target checks, or
/// during the walk) ends as the signal ends a process, and leaves no journal behind: it held
/// only its header. The same `--journal FILE` then serves a new run.
#[cfg(unix)]
#[test]
fn a_relink_signalled_before_its_first_patch_leaves_no_journal() {
    use std::os::unix::process::ExitStatusExt;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    let token_path = format!("/api/v2/oauth-tokens/{TO}");
    for (signal, at) in [
        (libc::SIGINT, token_path.as_str()),
        (libc::SIGTERM, token_path.as_str()),
        (libc::SIGINT, WORKSPACES),
    ] {
        let mut server = Server::new();
        let pid = Arc::new(AtomicU32::new(0));
        let _signal = {
            let pid = Arc::clone(&pid);
            server
                .mock("GET", Matcher::Regex(format!("^{at}")))
                .with_body_from_request(move |_| {
                    // SAFETY: signalling the tfvcs process this test started.
                    unsafe {
                        libc::kill(pid.load(Ordering::SeqCst) as i32, signal);
                    }
                    std::thread::sleep(std::time::Duration::from_millis(500));
                    b"{}".to_vec()
                })
                .create()
        };
        let _checks = token_checks(&mut server);
        let _org = Org::default()
            .workspaces(&[workspace("ws-sig01", "w", FROM, "")])
            .mock(&mut server);
        let patches = no_patch(&mut server);
        let dir = TempDir::new();
        let journal = dir.path().join("stopped.jsonl");
        let status = relink_until_it_ends(&server.url(), &journal, &pid);
        assert_eq!(status.signal(), Some(signal), "{at}: {status:?}");
        patches.assert();
        assert!(!journal.exists(), "{at}: a journal of no PATCH is left");

        // The same --journal serves the next run (here, one with nothing to relink).
        let mut server = Server::new();
        let _checks = token_checks(&mut server);
        let _org = Org::default().mock(&mut server);
        let env = TestEnv::server(&server.url());
        let out = env
            .command()
            .args(["token", "relink", FROM, "--to", TO, "--yes", "--journal"])
            .arg(&journal)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    }
}
