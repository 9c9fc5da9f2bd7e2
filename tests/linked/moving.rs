//! Moving to other repositories against a mock TFE (SPEC §10 "Moving to other repositories"):
//! the map and rule refusals before any request, the exact PATCH per kind with its new
//! identifier and the journal's lines for it, the answer check on the identifier,
//! `--keep-unmapped`, FROM = TO, `--workspace`, server text in the plan escaped. The journal's
//! place and the undo have files of their own.

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{Value, json};

use super::mock::*;
use super::relink::{FROM_CLIENT, answered, relinked, token_checks, token_side, ws_path};
use crate::common::*;

pub const WS: &str = "ws-KTuq99JSzgmDSvYj";
pub const POLSET: &str = "polset-3yVQZvHzf5j3WRJ1";
pub const MODULE: &str = "mod-PopQnMtYDCcd3PRX";

/// `resource` as the server answers a move to `to` and `identifier`.
pub fn moved(resource: &Value, to: &str, identifier: &str) -> Value {
    let mut answer = relinked(resource, to);
    answer["attributes"]["vcs-repo"]["identifier"] = json!(identifier);
    answer["attributes"]["vcs-repo"]["display-identifier"] = json!(identifier);
    answer
}

/// A PATCH whose body must be exactly `body`, answered with `answer`.
pub fn exact_patch(server: &mut ServerGuard, path: &str, body: &str, answer: &Value) -> Mock {
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
pub fn relink<'a>(extra: &[&'a str]) -> Vec<&'a str> {
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
    let empty = dir.file("empty.csv", "old,new\n# nothing yet\n");
    let empty = empty.to_str().unwrap();
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
            "--keep-unmapped belongs to a move of repositories: pass --map or --rewrite too"
                .to_string(),
        ),
        (
            relink(&["--keep-unmapped", "--map", empty]),
            format!(
                "--keep-unmapped belongs to a move of repositories: the map {empty} has no entries"
            ),
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
pub fn one_workspace(server: &mut ServerGuard) -> (Value, (Vec<Mock>, Org)) {
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
        assert!(
            !journal.exists(),
            "a journal that recorded nothing is removed"
        );
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
