//! Moving to other repositories against a mock TFE (SPEC §10 "Moving to other repositories",
//! "The journal", "Undo"): the map and rule refusals before any request, the exact PATCH per
//! kind with its new identifier, the answer check on it, `--keep-unmapped`, FROM = TO, the
//! journal's lines, place, mode and contents, a process killed mid-run, foreign journals.

use std::path::Path;

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{Value, json};

use super::mock::*;
use super::relink::{FROM_CLIENT, answered, relinked, token_checks, token_side, ws_path};
use crate::common::*;

const WS: &str = "ws-KTuq99JSzgmDSvYj";
const POLSET: &str = "polset-3yVQZvHzf5j3WRJ1";
const MODULE: &str = "mod-PopQnMtYDCcd3PRX";

/// `resource` as the server answers a move to `to` and `identifier`.
fn moved(resource: &Value, to: &str, identifier: &str) -> Value {
    let mut answer = relinked(resource, to);
    answer["attributes"]["vcs-repo"]["identifier"] = json!(identifier);
    answer["attributes"]["vcs-repo"]["display-identifier"] = json!(identifier);
    answer
}

/// A PATCH whose body must be exactly `body`, answered with `answer`.
fn exact_patch(server: &mut ServerGuard, path: &str, body: &str, answer: &Value) -> Mock {
    server
        .mock("PATCH", path)
        .match_header("content-type", "application/vnd.api+json")
        .match_body(Matcher::Exact(body.to_string()))
        .with_status(200)
        .with_body(json!({ "data": answer }).to_string())
        .expect(1)
        .create()
}

/// `token relink FROM --to TO --yes` and `extra`.
fn relink<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    [&["token", "relink", FROM, "--to", TO, "--yes"][..], extra].concat()
}

#[test]
fn bad_maps_and_rules_are_exit_2_naming_the_file_and_line_with_nothing_sent() {
    let dir = TempDir::new();
    let csv = dir.file("moves.csv", "old,new\n# comment\nacme-bb/a,acme/a,extra\n");
    let json = dir.file(
        "moves.json",
        "{\n  \"acme-bb/a\": \"acme/a\",\n  \"acme-bb/b\": 7\n}",
    );
    let dots = dir.file("dots.csv", "acme-bb/a,acme/../a\n");
    let (csv, json, dots) = (
        csv.to_str().unwrap(),
        json.to_str().unwrap(),
        dots.to_str().unwrap(),
    );
    let missing = dir.path().join("nope.csv");
    for (args, message) in [
        (
            relink(&["--map", csv]),
            format!("error: {csv} line 3: 3 fields; each line is old,new"),
        ),
        (
            relink(&["--map", json]),
            format!("error: {json} line 3: invalid type: integer `7`, expected a string"),
        ),
        (
            relink(&["--map", dots]),
            format!(
                "error: {dots} line 1: the new repository \"acme/../a\": it holds a `..` segment"
            ),
        ),
        (
            relink(&["--map", missing.to_str().unwrap()]),
            format!("error: --map {}", missing.display()),
        ),
        (
            relink(&["--rewrite", "acme-bb/"]),
            "error: --rewrite \"acme-bb/\": it has no `=`".to_string(),
        ),
        (
            relink(&["--keep-unmapped"]),
            "--keep-unmapped belongs to a move of repositories".to_string(),
        ),
        (
            vec!["token", "relink", FROM, "--undo", csv, "--yes"],
            "cannot be used with".to_string(),
        ),
        (
            vec!["token", "relink", "--yes"],
            "required arguments were not provided".to_string(),
        ),
    ] {
        refused_before_sending(&args, "", 2, &message);
    }
}

/// The target checks and an organization whose one workspace is on FROM, mocked on `server`
/// (the mocks live as long as the second value).
fn one_workspace(server: &mut ServerGuard) -> (Value, (Vec<Mock>, Org)) {
    let checks = token_checks(server);
    let ws = workspace(WS, "workspace-2", FROM, "");
    let org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .mock(server);
    (ws, (checks, org))
}

/// One resource of each kind on FROM: the workspace by an exact JSON map entry, the policy set
/// and module by prefix rules.
fn three_kinds() -> (Value, Value, Value) {
    (
        workspace(WS, "workspace-2", FROM, ""),
        policy_set(POLSET, "production", FROM),
        module(MODULE, "aurora", "aws", FROM),
    )
}

#[test]
fn each_kind_is_patched_with_its_new_identifier_byte_for_byte_and_journaled() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let (ws, set, aurora) = three_kinds();
    let org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .policy_sets(std::slice::from_ref(&set))
        .modules(std::slice::from_ref(&aurora))
        .mock(&mut server);
    let patches = [
        exact_patch(
            &mut server,
            &ws_path(WS),
            &format!(
                r#"{{"data":{{"type":"workspaces","attributes":{{"vcs-repo":{{"identifier":"acme/test-proj","branch":"","ingress-submodules":false,"oauth-token-id":"{TO}"}}}}}}}}"#
            ),
            &moved(&ws, TO, "acme/test-proj"),
        ),
        exact_patch(
            &mut server,
            &format!("/api/v2/policy-sets/{POLSET}"),
            &format!(
                r#"{{"data":{{"type":"policy-sets","attributes":{{"vcs-repo":{{"identifier":"acme/my-policy-sets","branch":"master","ingress-submodules":false,"oauth-token-id":"{TO}"}}}}}}}}"#
            ),
            &moved(&set, TO, "acme/my-policy-sets"),
        ),
        exact_patch(
            &mut server,
            &module_path("aurora", "aws"),
            &format!(
                r#"{{"data":{{"type":"registry-modules","attributes":{{"vcs-repo":{{"identifier":"acme/terraform-aws-aurora","oauth-token-id":"{TO}"}}}}}}}}"#
            ),
            &moved(&aurora, TO, "acme/terraform-aws-aurora"),
        ),
    ];
    let dir = TempDir::new();
    let map = dir.file(
        "moves.json",
        r#"{"example/terraform-test-proj": "acme/test-proj", "gone/x": "acme/x"}"#,
    );
    let journal = dir.path().join("move.jsonl");
    let (map_arg, journal_arg) = (map.to_str().unwrap(), journal.to_str().unwrap());
    let out = run(
        &server.url(),
        &relink(&[
            "--map",
            map_arg,
            "--rewrite",
            "hashicorp/=acme/",
            "--rewrite",
            "lafentres/=acme/",
            "--journal",
            journal_arg,
        ]),
    );
    let err = &out.stderr;
    assert_eq!(out.code, Some(0), "{err}");
    patches.iter().for_each(Mock::assert);
    org.assert();
    assert_eq!(
        err.lines().next(),
        Some(format!("journal: {}", journal.display()).as_str()),
        "off a terminal the journal is the first line: {err}"
    );
    assert!(
        err.contains(&format!(
            "warning: {}: nothing uses gone/x; the entry was not applied",
            map.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("example/terraform-test-proj → acme/test-proj"),
        "{err}"
    );
    assert!(
        err.ends_with("relinked 3 of 3: 1 workspace, 1 policy set, 1 module\n"),
        "{err}"
    );

    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(!text.contains(TOKEN), "the API token is in the journal");
    assert!(
        !text.contains("webhooks"),
        "only where repositories are: {text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&journal).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let lines = journal_lines(&journal);
    assert_eq!(lines.len(), 7, "{text}");
    let header = &lines[0];
    assert_eq!(header["journal"], "tfvcs relink journal 1");
    assert_eq!(header["operation"], "relink");
    assert_eq!(header["organization"], ORG);
    assert_eq!((&header["from"], &header["to"]), (&json!(FROM), &json!(TO)));
    assert_eq!(
        header["rules"]["rewrite"],
        json!(["hashicorp/=acme/", "lafentres/=acme/"])
    );
    for (seq, id, before, after) in [
        (1, WS, "example/terraform-test-proj", "acme/test-proj"),
        (2, POLSET, "hashicorp/my-policy-sets", "acme/my-policy-sets"),
        (
            3,
            MODULE,
            "lafentres/terraform-aws-aurora",
            "acme/terraform-aws-aurora",
        ),
    ] {
        let at = |event: &str| {
            lines
                .iter()
                .position(|l| l["event"] == event && l["seq"] == seq)
                .unwrap_or_else(|| panic!("no {event} line for {seq}: {text}"))
        };
        let (intent, answer) = (at("patch"), at("answer"));
        assert!(intent < answer, "the intent comes first: {text}");
        let (intent, answer) = (&lines[intent], &lines[answer]);
        assert_eq!(intent["id"], id);
        assert_eq!(intent["before"]["identifier"], before);
        assert_eq!(intent["before"]["oauth-token-id"], FROM);
        assert_eq!(intent["sent"]["identifier"], after);
        assert_eq!(intent["sent"]["oauth-token-id"], TO);
        assert_eq!(answer["status"], 200);
        assert_eq!(answer["result"], "relinked");
        assert_eq!(answer["after"]["identifier"], after);
    }
}

#[test]
fn an_answer_keeping_the_old_identifier_fails_its_row() {
    let mut server = Server::new();
    let (ws, _mocks) = one_workspace(&mut server);
    let _patch = answered(
        server.mock("PATCH", ws_path(WS).as_str()),
        &relinked(&ws, TO),
    );
    let out = run(&server.url(), &relink(&["--rewrite", "example/=acme/"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "failed: identifier changed from acme/terraform-test-proj to example/terraform-test-proj"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn unmapped_misnamed_and_invalid_moves_are_refused_with_nothing_patched() {
    let (ws, set, aurora) = three_kinds();
    for (rules, detail) in [
        (
            vec![
                "--rewrite",
                "example/=acme/",
                "--rewrite",
                "lafentres/=acme/",
            ],
            "policy-set production (hashicorp/my-policy-sets): no rule maps its repository",
        ),
        (
            vec![
                "--rewrite",
                "example/=acme/",
                "--rewrite",
                "hashicorp/=acme/",
                "--rewrite",
                "lafentres/terraform-aws-=acme/aws-",
            ],
            "module my-organization/aurora/aws (lafentres/terraform-aws-aurora): its new repository aws-aurora is not named terraform-aws-aurora",
        ),
        (
            vec!["--rewrite", "example/=../", "--keep-unmapped"],
            "workspace workspace-2 (example/terraform-test-proj): the new repository \"../terraform-test-proj\": it holds a `..` segment",
        ),
    ] {
        let mut server = Server::new();
        let _checks = token_checks(&mut server);
        let _org = Org::default()
            .workspaces(std::slice::from_ref(&ws))
            .policy_sets(std::slice::from_ref(&set))
            .modules(std::slice::from_ref(&aurora))
            .mock(&mut server);
        let none = no_patch(&mut server);
        let dir = TempDir::new();
        let journal = dir.path().join("j.jsonl");
        let args = [
            &["token", "relink", FROM, "--to", TO, "--yes", "--journal"][..],
            &[journal.to_str().unwrap()],
            &rules,
        ]
        .concat();
        let out = run(&server.url(), &args);
        let err = &out.stderr;
        assert_eq!(out.code, Some(2), "{rules:?}: {err}");
        assert!(
            err.contains("cannot be moved; nothing was changed"),
            "{err}"
        );
        assert!(err.contains(detail), "{rules:?}: {err}");
        none.assert();
        let lines = journal_lines(&journal);
        assert_eq!(lines.len(), 1, "a header and no PATCH: {lines:?}");
    }
}

#[test]
fn keep_unmapped_relinks_the_unmapped_with_their_repositories_unchanged() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let ws = workspace(WS, "workspace-2", FROM, "");
    let set = policy_set(POLSET, "production", FROM);
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .policy_sets(std::slice::from_ref(&set))
        .mock(&mut server);
    let _ws = exact_patch(
        &mut server,
        &ws_path(WS),
        &format!(
            r#"{{"data":{{"type":"workspaces","attributes":{{"vcs-repo":{{"identifier":"acme/terraform-test-proj","branch":"","ingress-submodules":false,"oauth-token-id":"{TO}"}}}}}}}}"#
        ),
        &moved(&ws, TO, "acme/terraform-test-proj"),
    );
    let _set = exact_patch(
        &mut server,
        &format!("/api/v2/policy-sets/{POLSET}"),
        &format!(
            r#"{{"data":{{"type":"policy-sets","attributes":{{"vcs-repo":{{"identifier":"hashicorp/my-policy-sets","branch":"master","ingress-submodules":false,"oauth-token-id":"{TO}"}}}}}}}}"#
        ),
        &relinked(&set, TO),
    );
    let out = run(
        &server.url(),
        &relink(&["--rewrite", "example/=acme/", "--keep-unmapped"]),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("relinked 2 of 2"));
}

#[test]
fn from_equal_to_to_with_a_rewrite_moves_the_repository_on_the_same_token() {
    let mut server = Server::new();
    let mut checks = token_side(&mut server, FROM, FROM_CLIENT, "github", ORG);
    checks.extend(token_side(&mut server, FROM, FROM_CLIENT, "github", ORG));
    let ws = workspace(WS, "workspace-2", FROM, "main");
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .mock(&mut server);
    let patch = exact_patch(
        &mut server,
        &ws_path(WS),
        &format!(
            r#"{{"data":{{"type":"workspaces","attributes":{{"vcs-repo":{{"identifier":"renamed/terraform-test-proj","branch":"main","ingress-submodules":false,"oauth-token-id":"{FROM}"}}}}}}}}"#
        ),
        &moved(&ws, FROM, "renamed/terraform-test-proj"),
    );
    let out = run(
        &server.url(),
        &[
            "token",
            "relink",
            FROM,
            "--to",
            FROM,
            "--rewrite",
            "example/=renamed/",
            "--yes",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    patch.assert();
}

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
    let env = TestEnv::server(&server.url());
    let mut cmd = env.process();
    let mut child = cmd
        .args(["token", "relink", FROM, "--to", TO, "--yes", "--journal"])
        .arg(&journal)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    pid.store(child.id(), Ordering::SeqCst);
    let status = child.wait().unwrap();
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
fn at_a_terminal_the_journal_comes_after_yes_and_not_at_all_after_no() {
    for (answer, patched, code) in [(b"n", 0, 1), (b"y", 1, 0)] {
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
        let (exit, seen) = answer_on_terminal(cmd, "Relink 1 resource(s)", answer);
        assert_eq!(exit, Some(code), "{seen}");
        patch.assert();
        let folder = home.path().join(".local/state/tfvcs/journal");
        if patched == 0 {
            let left = std::fs::read_dir(&folder).map_or(0, |files| files.count());
            assert_eq!(left, 0, "declined: no journal is left");
            assert!(!seen.contains("journal: "), "{seen}");
        } else {
            let asked = seen.find("Relink 1 resource(s)").unwrap();
            let journal = seen.find("journal: ").expect("the journal's path");
            assert!(asked < journal, "the path comes once confirmed: {seen}");
            assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
        }
    }
}

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

#[test]
fn server_text_in_a_move_plan_is_escaped() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let mut ws = workspace(WS, "evil\nrelinked 9 of 9\u{1b}[2J", FROM, "");
    ws["attributes"]["vcs-repo"]["display-identifier"] = json!("o/r\u{202e}");
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .mock(&mut server);
    let _p = answered(
        server.mock("PATCH", ws_path(WS).as_str()),
        &moved(&ws, TO, "acme/terraform-test-proj"),
    );
    let out = run(&server.url(), &relink(&["--rewrite", "example/=acme/"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for text in [&out.stdout, &out.stderr] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
    }
    assert!(
        out.stderr
            .contains(r"o/r\u{202e} → acme/terraform-test-proj")
    );
}

#[test]
fn with_workspace_only_that_one_moves_and_the_others_are_not_judged() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let web = workspace(WS, "web", FROM, "");
    let mut tools = workspace("ws-6jrRyVDv1J8zQMB5", "tools", FROM, "");
    tools["attributes"]["vcs-repo"]["identifier"] = json!("elsewhere/tools");
    let _org = Org::default()
        .workspaces(&[web.clone(), tools])
        .mock(&mut server);
    let patch = exact_patch(
        &mut server,
        &ws_path(WS),
        &format!(
            r#"{{"data":{{"type":"workspaces","attributes":{{"vcs-repo":{{"identifier":"acme/terraform-test-proj","branch":"","ingress-submodules":false,"oauth-token-id":"{TO}"}}}}}}}}"#
        ),
        &moved(&web, TO, "acme/terraform-test-proj"),
    );
    let out = run(
        &server.url(),
        &relink(&["--rewrite", "example/=acme/", "--workspace", "web"]),
    );
    assert_eq!(
        out.code,
        Some(0),
        "tools, unmapped, is not part of it: {}",
        out.stderr
    );
    patch.assert();
    assert!(
        out.stderr.contains("relinked 1 of 1: 1 workspace"),
        "{}",
        out.stderr
    );
}
