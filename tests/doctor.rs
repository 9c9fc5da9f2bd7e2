//! `tfvcs doctor` (SPEC §11) against the sandbox started with `--load` and against mocks:
//! every check found when present and absent when not, the exact requests (no request per
//! resource; `--live` one per token in use; `--client` narrows the report, not the walks),
//! the output forms, exit 0 / 7 / the failed request's own code, and the printed fixes, run,
//! clearing what they fix.

use std::collections::BTreeSet;

use crate::common::*;
use mockito::{Matcher, Server};
use serde_json::{Value, json};

fn drifted() -> String {
    format!("{}/examples/drifted-org.json", env!("CARGO_MANIFEST_DIR"))
}

/// `tfvcs ARGS` against the sandbox.
fn run(sandbox: &Sandbox, args: &[&str], stdin: &str) -> std::process::Output {
    TestEnv::sandbox(sandbox)
        .command()
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

/// `doctor -o json` (plus `args`): the exit code and the document.
fn report(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, Value) {
    let out = run(sandbox, &[&["doctor", "-o", "json"], args].concat(), "");
    let doc = serde_json::from_str(&stdout_of(&out))
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    (out.status.code(), doc)
}

/// (check, subject id) of each finding, in report order.
fn findings(doc: &Value) -> Vec<(String, String)> {
    doc["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["check"].as_str().unwrap().to_string(),
                f["subject"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The requests a `-v` run made: method and path with query, the host left out; the four
/// lists the walks make side by side and the module read, sorted (they finish in any order).
fn requests(stderr: &str, url: &str) -> Vec<String> {
    let mut made: Vec<String> = stderr
        .lines()
        .filter(|l| l.starts_with("GET ") || l.starts_with("PATCH "))
        .map(|l| {
            let mut words = l.split(' ');
            let method = words.next().unwrap();
            let target = words.next().unwrap().replace(url, "");
            format!("{method} {target}")
        })
        .collect();
    if made.len() >= 8 {
        made[3..8].sort();
    }
    made
}

const EVERY_CHECK: [(&str, &str); 10] = [
    ("no-token", "oc-github0unfinished"),
    ("ado-global-pat", "oc-azure00000000001"),
    ("vcs-refused", "ot-gitlab00000000001"),
    ("dangling", "ot-gone000000000001"),
    ("app-missing", "ghain-gone0000000001"),
    ("pat-age", "ot-bitbucket0000001"),
    ("many-tokens", "oc-github0twotokens"),
    ("project-scope", "ws-storefront0000001"),
    ("project-scope", "st-edge000000000001"),
    ("unused", "oc-gitlab0leftover01"),
];

#[test]
fn the_drifted_organization_shows_every_check_and_the_printed_fixes_clear_them() {
    let sandbox = Sandbox::start(&["--load", &drifted()]);
    let (code, before) = report(&sandbox, &["--live"]);
    assert_eq!(code, Some(7));
    assert_eq!(findings(&before), pairs(&EVERY_CHECK));
    let meta = &before["meta"];
    assert_eq!(
        *meta,
        json!({"connections": 8,
               "resources": {"workspace": 10, "policy-set": 1, "module": 1, "stack": 2},
               "kinds-walked": ["workspace", "policy-set", "module", "stack"],
               "errors": 5, "warnings": 4, "notes": 1})
    );
    let dangling = &before["data"][3];
    assert_eq!(dangling["severity"], "error");
    assert_eq!(
        dangling["subject"],
        json!({"type": "oauth-tokens", "id": "ot-gone000000000001"})
    );
    assert_eq!(dangling["client"], Value::Null);
    assert_eq!(
        dangling["resources"],
        json!({"workspace": 2, "policy-set": 1, "stack": 1})
    );
    let refused = &before["data"][2];
    assert!(
        refused["detail"]
            .as_str()
            .unwrap()
            .contains("VCS provider error: The VCS provider refused the OAuth token"),
        "{refused}"
    );
    assert_eq!(
        refused["client"],
        json!({"id": "oc-gitlab00000000001", "name": "gitlab"})
    );

    // The fixes the report prints, as a person runs them.
    let fix = |f: &Value| f["fix"].as_str().unwrap().to_string();
    assert_eq!(
        fix(&before["data"][1]),
        "tfvcs client set-pat oc-azure00000000001 --ado-org-name <ORG> --pat-file -"
    );
    for (args, stdin) in [
        (
            vec![
                "client",
                "set-pat",
                "oc-azure00000000001",
                "--ado-org-name",
                "acme",
                "--pat-file",
                "-",
            ],
            "new-org-scoped-ado-pat\n",
        ),
        (
            vec![
                "client",
                "set-pat",
                "oc-gitlab00000000001",
                "--pat-file",
                "-",
            ],
            "glpat-new\n",
        ),
        (
            vec![
                "token",
                "relink",
                "ot-gone000000000001",
                "--to",
                "ot-github0000000001",
                "--yes",
            ],
            "",
        ),
        (
            vec![
                "client",
                "add-projects",
                "oc-github0platform1",
                "prj-apps000000000001",
            ],
            "",
        ),
    ] {
        let out = run(&sandbox, &args, stdin);
        assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
        if args[1] == "relink" {
            assert!(
                stderr_of(&out).contains("relinked 4 of 4: 2 workspaces, 1 policy set, 1 Stack"),
                "{}",
                stderr_of(&out)
            );
        }
    }
    let ledger = sandbox.request("GET", "/api/v2/stacks/st-ledger0000000001", None);
    assert_eq!(
        ledger.body["data"]["attributes"]["vcs-repo"]["oauth-token-id"], "ot-github0000000001",
        "the relink moved the Stack too"
    );
    assert!(fix(&before["data"][3]).starts_with("tfvcs token relink ot-gone000000000001 --to"));
    for scoped in [7, 8] {
        assert_eq!(
            fix(&before["data"][scoped]),
            "tfvcs client add-projects oc-github0platform1 prj-apps000000000001",
            "one attachment serves the workspace and the Stack"
        );
    }

    // What is left is there by design: a connection only the UI can finish, an installation
    // to link again, an old PAT (a rotation keeps created-at), a spare token, an unused client.
    let (code, after) = report(&sandbox, &["--live"]);
    assert_eq!(code, Some(7), "no-token and app-missing are errors");
    assert_eq!(
        findings(&after),
        pairs(&[
            ("no-token", "oc-github0unfinished"),
            ("app-missing", "ghain-gone0000000001"),
            ("pat-age", "ot-bitbucket0000001"),
            ("many-tokens", "oc-github0twotokens"),
            ("unused", "oc-gitlab0leftover01"),
        ])
    );
}

#[test]
fn the_requests_are_the_lists_the_walks_and_one_read_per_installation_and_live_token() {
    let sandbox = Sandbox::start(&["--load", &drifted()]);
    let org = &sandbox.org;
    let base = [
        format!(
            "GET /api/v2/organizations/{org}/oauth-clients?include=oauth_tokens&page%5Bsize%5D=100&page%5Bnumber%5D=1"
        ),
        format!(
            "GET /api/v2/organizations/{org}/oauth-tokens?page%5Bsize%5D=100&page%5Bnumber%5D=1"
        ),
        // The walks: the organization first (SPEC §10), then the four lists side by side and
        // the module read (sorted by `requests`).
        format!("GET /api/v2/organizations/{org}"),
        format!(
            "GET /api/v2/organizations/{org}/policy-sets?page%5Bsize%5D=100&page%5Bnumber%5D=1"
        ),
        format!("GET /api/v2/organizations/{org}/registry-modules/private/{org}/vpc/aws"),
        format!(
            "GET /api/v2/organizations/{org}/registry-modules?page%5Bsize%5D=100&page%5Bnumber%5D=1"
        ),
        format!("GET /api/v2/organizations/{org}/stacks?page%5Bsize%5D=100&page%5Bnumber%5D=1"),
        format!("GET /api/v2/organizations/{org}/workspaces?page%5Bsize%5D=100&page%5Bnumber%5D=1"),
        "GET /api/v2/github-app/installation/ghain-gone0000000001".to_string(),
    ];
    let out = run(&sandbox, &["doctor", "-v"], "");
    assert_eq!(out.status.code(), Some(7));
    let api = sandbox.url.clone();
    assert_eq!(requests(&stderr_of(&out), &api), base);

    // --live: exactly one more per token in use (six of the eight tokens), in any order.
    let out = run(&sandbox, &["doctor", "-v", "--live"], "");
    let made = requests(&stderr_of(&out), &api);
    assert_eq!(made[..base.len()], base);
    let live: BTreeSet<&str> = made[base.len()..].iter().map(String::as_str).collect();
    let expected: BTreeSet<String> = [
        "ot-github0000000001",
        "ot-azure00000000001",
        "ot-gitlab00000000001",
        "ot-bitbucket0000001",
        "ot-github0rotated01",
        "ot-github0platform1",
    ]
    .iter()
    .map(|t| format!("GET /api/v2/oauth-tokens/{t}/authorized-repos?page%5Bsize%5D=1"))
    .collect();
    assert_eq!(made.len(), base.len() + expected.len());
    assert_eq!(live, expected.iter().map(String::as_str).collect());

    // --client narrows the report, not the walks: the same requests.
    let out = run(
        &sandbox,
        &["doctor", "-v", "--client", "github-rotated", "-o", "id"],
        "",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning only: {}",
        stderr_of(&out)
    );
    assert_eq!(requests(&stderr_of(&out), &api), base);
    assert_eq!(stdout_of(&out), "oc-github0twotokens\n");
    assert!(
        stderr_of(&out).ends_with(
            "doctor: 0 errors, 1 warning, 0 notes; 1 connection, 14 resources (10 workspaces, 1 policy set, 1 module, 2 Stacks)\n"
        ),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn the_table_and_the_summary_line() {
    let sandbox = Sandbox::start(&["--load", &drifted()]);
    let out = run(&sandbox, &["doctor"], "");
    assert_eq!(out.status.code(), Some(7));
    let stdout = stdout_of(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10, "a header and nine findings:\n{stdout}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        ["SEVERITY", "CHECK", "SUBJECT", "NAME", "DETAIL", "FIX"]
    );
    let rows: Vec<Vec<&str>> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().take(4).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "error",
            "no-token",
            "oc-github0unfinished",
            "github-oauth-app"
        ]
    );
    assert_eq!(rows[2], ["error", "dangling", "ot-gone000000000001", "-"]);
    assert_eq!(
        rows[8],
        ["note", "unused", "oc-gitlab0leftover01", "gitlab-old"]
    );
    assert_eq!(
        stderr_of(&out),
        "doctor: 4 errors, 4 warnings, 1 note; 8 connections, 14 resources (10 workspaces, 1 policy set, 1 module, 2 Stacks)\n"
    );

    // An organization without Stacks: they are not walked, and a note says so.
    let dir = TempDir::new();
    let file = dir.file(
        "no-stacks.json",
        r#"{"organization": {"stacks-enabled": false}}"#,
    );
    let sandbox = Sandbox::start(&["--load", file.to_str().unwrap()]);
    let out = run(&sandbox, &["doctor"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "note: Stacks were not walked: organization sandbox does not have stacks-enabled; pass --kind stack to walk them anyway\n\
         doctor: no problems found; 0 connections, 0 resources (0 workspaces, 0 policy sets, 0 modules)\n"
    );
}

#[test]
fn a_healthy_organization_has_no_finding_and_exits_0() {
    let dir = TempDir::new();
    let file = dir.file(
        "healthy.json",
        r#"{"clients": [{"id": "oc-gh", "name": "github", "service-provider": "github",
                         "oauth-token-string": "ghp_x", "oauth-tokens": [{"id": "ot-gh"}]}],
            "workspaces": [{"name": "web", "vcs-repo": {"identifier": "acme/web", "oauth-token-id": "ot-gh"}}]}"#,
    );
    let sandbox = Sandbox::start(&["--load", file.to_str().unwrap()]);
    for strict in [&[][..], &["--strict", "--live"]] {
        let out = run(&sandbox, &[&["doctor"], strict].concat(), "");
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "", "no finding, no table");
        assert_eq!(
            stderr_of(&out),
            "doctor: no problems found; 1 connection, 1 resource (1 workspace, 0 policy sets, 0 modules, 0 Stacks)\n"
        );
    }
    let (code, doc) = report(&sandbox, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(doc["data"], json!([]));
}

#[test]
fn strict_max_age_and_id_deduplication() {
    let dir = TempDir::new();
    // One token both revoked and old: two findings about one subject.
    let file = dir.file(
        "org.json",
        r#"{"clients": [{"id": "oc-bb", "service-provider": "bitbucket_hosted", "oauth-token-string": "p",
                         "oauth-tokens": [{"id": "ot-bb", "created-at": "2020-01-01T00:00:00Z", "vcs": "revoked"}]},
                        {"id": "oc-two", "service-provider": "github", "oauth-token-string": "q",
                         "oauth-tokens": [{"id": "ot-t1"}, {"id": "ot-t2"}]}],
            "workspaces": [{"name": "a", "vcs-repo": {"identifier": "o/a", "oauth-token-id": "ot-bb"}},
                           {"name": "b", "vcs-repo": {"identifier": "o/b", "oauth-token-id": "ot-t1"}}]}"#,
    );
    let sandbox = Sandbox::start(&["--load", file.to_str().unwrap()]);
    let out = run(&sandbox, &["doctor", "--live", "-o", "id"], "");
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(stdout_of(&out), "ot-bb\noc-two\n", "each subject once");
    let (_, doc) = report(&sandbox, &["--live"]);
    assert_eq!(
        findings(&doc),
        pairs(&[
            ("vcs-refused", "ot-bb"),
            ("pat-age", "ot-bb"),
            ("many-tokens", "oc-two")
        ])
    );
    // Without --live and with a max age beyond the token's, warnings only: exit 0 unless strict.
    let out = run(&sandbox, &["doctor", "--max-age", "100000"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(!stdout_of(&out).contains("pat-age"));
    assert!(stdout_of(&out).contains("many-tokens"));
    let out = run(&sandbox, &["doctor", "--max-age", "100000", "--strict"], "");
    assert_eq!(out.status.code(), Some(7));
    let (_, doc) = report(&sandbox, &["--max-age", "1000"]);
    assert_eq!(
        findings(&doc)[0],
        ("pat-age".to_string(), "ot-bb".to_string())
    );
}

#[test]
fn kind_limits_the_walks_and_the_counts() {
    let sandbox = Sandbox::start(&["--load", &drifted()]);
    let out = run(&sandbox, &["doctor", "-v", "--kind", "workspace"], "");
    let made = requests(&stderr_of(&out), &sandbox.url);
    assert!(
        !made
            .iter()
            .any(|r| r.contains("policy-sets") || r.contains("registry-modules")),
        "{made:?}"
    );
    let (_, doc) = report(&sandbox, &["--kind", "workspace"]);
    assert_eq!(doc["meta"]["kinds-walked"], json!(["workspace"]));
    let dangling = doc["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "dangling")
        .unwrap();
    assert_eq!(dangling["resources"], json!({"workspace": 2}));
    // The module used ot-github0000000001 too; left unwalked, nothing changes for it.
    assert!(
        !findings(&doc)
            .iter()
            .any(|(c, s)| c == "unused" && s == "oc-github0000000001")
    );
}

#[test]
fn a_client_that_does_not_exist_is_exit_3() {
    let sandbox = Sandbox::start(&["--load", &drifted()]);
    let out = run(&sandbox, &["doctor", "--client", "nope"], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out).contains("no OAuth client named \"nope\" in organization"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");
}

/// The organization's lists named in `lists` (a regex alternation), each answered empty.
fn empty_lists(server: &mut mockito::ServerGuard, lists: &str) -> mockito::Mock {
    server
        .mock(
            "GET",
            Matcher::Regex(format!("/organizations/my-organization/({lists})$")),
        )
        .match_query(Matcher::Any)
        .with_body(r#"{"data": []}"#)
        .create()
}

/// A workspace list of the one workspace `ws`.
fn workspaces_of(server: &mut mockito::ServerGuard, ws: Value) -> mockito::Mock {
    server
        .mock("GET", "/api/v2/organizations/my-organization/workspaces")
        .match_query(Matcher::Any)
        .with_body(page(vec![ws], 1, 1, 1))
        .create()
}

/// `GET /organizations/my-organization`, which the walks read first.
fn organization(server: &mut mockito::ServerGuard) -> mockito::Mock {
    server
        .mock("GET", "/api/v2/organizations/my-organization")
        .with_body(
            r#"{"data": {"id": "my-organization", "type": "organizations", "attributes": {}}}"#,
        )
        .create()
}

/// A mock organization: one GitHub client (named `name`) with two tokens, one used by a
/// workspace.
fn mock_org(server: &mut mockito::ServerGuard, name: &str) -> Vec<mockito::Mock> {
    let mut client = client_resource("oc-XKFwG6ggfA9n7t1K", Some(name), Some("ot-used0000000001"));
    client["relationships"]["oauth-tokens"]["data"] = json!([
        {"type": "oauth-tokens", "id": "ot-used0000000001"},
        {"type": "oauth-tokens", "id": "ot-spare000000001"}]);
    let ws = json!({"id": "ws-KTuq99JSzgmDSvYj", "type": "workspaces", "attributes": {"name": "web",
        "vcs-repo": {"identifier": "acme/web", "oauth-token-id": "ot-used0000000001"}}});
    let list = |server: &mut mockito::ServerGuard, path: &str, items: Vec<Value>| {
        server
            .mock("GET", path)
            .match_query(Matcher::Any)
            .with_status(200)
            .with_body(page(items.clone(), 1, 1, items.len() as u64))
            .expect(1)
            .create()
    };
    vec![
        organization(server),
        list(
            server,
            "/api/v2/organizations/my-organization/oauth-clients",
            vec![client],
        ),
        list(
            server,
            "/api/v2/organizations/my-organization/oauth-tokens",
            vec![],
        ),
        list(
            server,
            "/api/v2/organizations/my-organization/workspaces",
            vec![ws],
        ),
        list(
            server,
            "/api/v2/organizations/my-organization/policy-sets",
            vec![],
        ),
        list(
            server,
            "/api/v2/organizations/my-organization/registry-modules",
            vec![],
        ),
    ]
}

#[test]
fn live_asks_once_per_token_in_use_and_shows_the_refusal_escaped() {
    let mut server = Server::new();
    let lists = mock_org(&mut server, "github");
    let refused = server
        .mock("GET", "/api/v2/oauth-tokens/ot-used0000000001/authorized-repos")
        .match_query(Matcher::Exact("page%5Bsize%5D=1".into()))
        .with_status(422)
        .with_body(r#"{"errors":[{"status":"422","title":"VCS provider error","detail":"Bad credentials\n\u001b[2Jgone"}]}"#)
        .expect(1)
        .create();
    let spare = server
        .mock(
            "GET",
            "/api/v2/oauth-tokens/ot-spare000000001/authorized-repos",
        )
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let out = TestEnv::server(&server.url())
        .command()
        .args(["doctor", "--live"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr_of(&out));
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains(r"VCS provider error: Bad credentials\n\u{1b}[2Jgone"),
        "{stdout}"
    );
    assert!(!stdout.contains('\x1b'));
    lists.iter().for_each(mockito::Mock::assert);
    refused.assert();
    spare.assert();
}

#[test]
fn a_refused_walk_keeps_its_exit_code_and_prints_no_report() {
    for (status, code) in [(403, 4), (404, 3), (500, 6)] {
        let mut server = Server::new();
        let _organization = organization(&mut server);
        let mut client = client_resource("oc-XKFwG6ggfA9n7t1K", Some("github"), None);
        client["relationships"]["oauth-tokens"]["data"] = json!([]);
        let _clients = server
            .mock("GET", "/api/v2/organizations/my-organization/oauth-clients")
            .match_query(Matcher::Any)
            .with_body(page(vec![client], 1, 1, 1))
            .create();
        let _others = empty_lists(&mut server, "oauth-tokens|workspaces|registry-modules");
        let _refused = server
            .mock("GET", "/api/v2/organizations/my-organization/policy-sets")
            .match_query(Matcher::Any)
            .with_status(status)
            .with_body(r#"{"errors":[{"status":"x","title":"refused"}]}"#)
            .create();
        let out = TestEnv::server(&server.url())
            .command()
            .env("TFVCS_RETRIES", "0")
            .args(["doctor"])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(code), "{status}: {err}");
        assert_eq!(stdout_of(&out), "", "no partial report");
        assert!(!err.contains("doctor:"), "no summary: {err}");
        assert!(err.starts_with("error: "), "{err}");
    }
}

#[test]
fn an_installation_read_other_than_404_fails_the_run() {
    let mut server = Server::new();
    let _organization = organization(&mut server);
    let ws = json!({"id": "ws-a", "type": "workspaces", "attributes": {"name": "web",
        "vcs-repo": {"identifier": "acme/web", "github-app-installation-id": "ghain-BYrbNeGQ8nAzKouu"}}});
    let _ws = workspaces_of(&mut server, ws);
    let _others = server
        .mock("GET", Matcher::Regex("/organizations/my-organization/(oauth-clients|oauth-tokens|policy-sets|registry-modules)".into()))
        .with_body(r#"{"data": []}"#)
        .create();
    let _app = server
        .mock(
            "GET",
            "/api/v2/github-app/installation/ghain-BYrbNeGQ8nAzKouu",
        )
        .with_status(403)
        .with_body(r#"{"errors":[{"status":"403","title":"forbidden"}]}"#)
        .expect(1)
        .create();
    let out = TestEnv::server(&server.url())
        .command()
        .args(["doctor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
}

/// On a terminal the reads after the walks show their progress, cleared before the summary;
/// off a terminal (every other test here) nothing of it is written.
#[cfg(unix)]
#[test]
fn progress_on_a_terminal_is_cleared_before_the_summary() {
    let sandbox = Sandbox::start(&["--load", &drifted(), "--latency-ms", "20"]);
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.process();
    cmd.args(["doctor", "--live", "-o", "id"]);
    let (shown, out) = stderr_on_terminal(cmd);
    assert_eq!(out.status.code(), Some(7));
    assert!(shown.contains("\rtokens asked: 6 of 6\x1b[K"), "{shown:?}");
    assert!(
        shown.contains("\r\x1b[Kdoctor: 5 errors, 4 warnings, 1 note;"),
        "cleared before the summary: {shown:?}"
    );
    assert_eq!(
        stdout_of(&out).lines().count(),
        10,
        "ten findings, ten subjects"
    );
}

#[test]
fn an_installation_id_that_would_change_the_path_is_never_read() {
    let mut server = Server::new();
    let _organization = organization(&mut server);
    let ws = json!({"id": "ws-a", "type": "workspaces", "attributes": {"name": "web",
        "vcs-repo": {"identifier": "acme/web", "github-app-installation-id": "ghain-x/../../oauth-clients"}}});
    let _ws = workspaces_of(&mut server, ws);
    let _others = empty_lists(
        &mut server,
        "oauth-clients|oauth-tokens|policy-sets|registry-modules",
    );
    let never = server
        .mock("GET", Matcher::Regex("/github-app/|/oauth-clients/".into()))
        .expect(0)
        .create();
    let out = TestEnv::server(&server.url())
        .command()
        .args(["doctor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("not of the form ghain-…"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");
    never.assert();
}

/// Server text in the report is data: a client's name carrying control characters, a
/// bidirectional override and a fake line is shown escaped in the table and the summary's
/// neighbours, and kept whole (JSON-escaped) in `-o json`.
#[test]
fn server_text_in_the_report_is_shown_escaped() {
    const EVIL: &str = "corp\nFAKE-LINE\r\x1b[8m\u{202e}gpj";
    let mut server = Server::new();
    let _org = mock_org(&mut server, EVIL);
    for form in [&[][..], &["-o", "json"]] {
        let out = TestEnv::server(&server.url())
            .command()
            .arg("doctor")
            .args(form)
            .output()
            .unwrap();
        let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
        assert_eq!(out.status.code(), Some(0), "a warning only: {stderr}");
        for raw in ['\x1b', '\r', '\u{202e}'] {
            assert!(
                !stdout.contains(raw) && !stderr.contains(raw),
                "{form:?}: {stdout:?}"
            );
        }
        assert!(
            !stdout
                .lines()
                .any(|l| l.trim_start().starts_with("FAKE-LINE"))
        );
        if form.is_empty() {
            assert!(
                stdout.contains(r"corp\nFAKE-LINE\r\u{1b}[8m\u{202e}gpj"),
                "{stdout}"
            );
        } else {
            let doc: Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(doc["data"][0]["client"]["name"], EVIL);
        }
    }
}
