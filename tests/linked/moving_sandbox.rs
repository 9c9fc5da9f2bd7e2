//! Moving to other repositories against `tfvcs sandbox` (SPEC §10 "Moving to other
//! repositories", "The journal", "Undo", "Interrupted"): a Bitbucket-to-GitHub move of every
//! kind from a CSV and its undo, an undo that leaves what changed since, an undo of an undo,
//! and a relink stopped by SIGINT or SIGTERM that a re-run finishes and an undo reverses.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::mock::journal_lines;
use crate::common::*;

fn org_path(sandbox: &Sandbox, rest: &str) -> String {
    format!("/api/v2/organizations/{}/{rest}", sandbox.org)
}

const PAT_CANARY: &str = "pat-MOVE-CANARY-77d2";

/// A connection to `provider` named `name`: its token id.
fn connection(sandbox: &Sandbox, name: &str, provider: &str, url: &str) -> String {
    let body = json!({"data": {"type": "oauth-clients", "attributes": {
        "name": name, "service-provider": provider, "http-url": url, "api-url": url,
        "oauth-token-string": format!("{PAT_CANARY}-{name}")}}});
    let reply = sandbox.request("POST", &org_path(sandbox, "oauth-clients"), Some(&body));
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body["data"]["relationships"]["oauth-tokens"]["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn create(sandbox: &Sandbox, path: &str, body: Value) -> String {
    let reply = sandbox.request("POST", &org_path(sandbox, path), Some(&body));
    assert_eq!(reply.status, 201, "{path}: {:?}", reply.body);
    reply.body["data"]["id"].as_str().unwrap().to_string()
}

fn workspace(sandbox: &Sandbox, name: &str, vcs: Value) -> String {
    create(
        sandbox,
        "workspaces",
        json!({"data": {"type": "workspaces", "attributes": {"name": name, "vcs-repo": vcs}}}),
    )
}

/// The `vcs-repo` of a resource as the sandbox holds it now.
fn vcs_repo(sandbox: &Sandbox, path: &str) -> Value {
    let reply = sandbox.request("GET", path, None);
    assert_eq!(reply.status, 200, "{path}: {:?}", reply.body);
    reply.body["data"]["attributes"]["vcs-repo"].clone()
}

/// tfvcs against the sandbox with `home` as HOME (so journals land in one known place).
fn run_in(sandbox: &Sandbox, home: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let env = TestEnv::sandbox(sandbox);
    let mut cmd = env.command();
    let out = cmd.env("HOME", home).args(args).output().unwrap();
    (out.status.code(), stdout_of(&out), stderr_of(&out))
}

/// The path the first line of stderr names (`journal: PATH`, first off a terminal).
fn journal_of(stderr: &str) -> PathBuf {
    let first = stderr.lines().next().unwrap_or_default();
    PathBuf::from(
        first
            .strip_prefix("journal: ")
            .unwrap_or_else(|| panic!("first line is not the journal: {stderr}")),
    )
}

/// `token relink FROM --to TO --rewrite acme-bb/=acme/ --yes` and `extra` against the sandbox.
fn rewrite_in(
    sandbox: &Sandbox,
    home: &Path,
    (from, to): (&str, &str),
    extra: &[&str],
) -> (Option<i32>, String, String) {
    let relink = ["token", "relink", from, "--to", to, "--yes"];
    let args = [&relink[..], &["--rewrite", "acme-bb/=acme/"], extra].concat();
    run_in(sandbox, home, &args)
}

/// `token relink --undo JOURNAL --yes` against the sandbox.
fn undo_in(sandbox: &Sandbox, home: &Path, journal: &Path) -> (Option<i32>, String, String) {
    run_in(
        sandbox,
        home,
        &[
            "token",
            "relink",
            "--undo",
            journal.to_str().unwrap(),
            "--yes",
        ],
    )
}

fn events<'a>(lines: &'a [Value], event: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["event"] == event).collect()
}

/// A Bitbucket connection and a GitHub one: their token ids.
fn bitbucket_and_github(sandbox: &Sandbox) -> (String, String) {
    (
        connection(
            sandbox,
            "bitbucket",
            "bitbucket_hosted",
            "https://bitbucket.org",
        ),
        connection(sandbox, "github", "github", "https://github.com"),
    )
}

/// Forty workspaces on `token`, `acme-bb/app0` to `acme-bb/app39`; their count.
fn forty_on(sandbox: &Sandbox, token: &str) -> usize {
    for i in 0..40 {
        workspace(
            sandbox,
            &format!("ws{i}"),
            json!({"identifier": format!("acme-bb/app{i}"), "oauth-token-id": token}),
        );
    }
    40
}

/// SPEC §10 "Done when": workspaces, a policy set, a module and a Stack move from Bitbucket
/// to GitHub from a CSV; the undo puts every `vcs-repo` back exactly; undoing again finds them back; the
/// undo's own journal undoes the undo.
#[test]
fn a_bitbucket_to_github_move_from_a_csv_and_its_undo() {
    let sandbox = Sandbox::start(&[]);
    let (bb, gh) = bitbucket_and_github(&sandbox);
    let repo =
        |id: &str, branch: &str| json!({"identifier": id, "branch": branch, "oauth-token-id": bb});
    let mut tagged = repo("acme-bb/web", "");
    tagged["tags-regex"] = json!(r"^v\d+$");
    tagged["ingress-submodules"] = json!(true);
    let paths = [
        format!(
            "/api/v2/workspaces/{}",
            workspace(&sandbox, "api", repo("acme-bb/api", "main"))
        ),
        format!("/api/v2/workspaces/{}", workspace(&sandbox, "web", tagged)),
        format!(
            "/api/v2/policy-sets/{}",
            create(
                &sandbox,
                "policy-sets",
                json!({"data": {"type": "policy-sets", "attributes": {"name": "guards",
                       "kind": "sentinel", "vcs-repo": repo("acme-bb/policies", "main")}}}),
            )
        ),
    ];
    create(
        &sandbox,
        "registry-modules/vcs",
        json!({"data": {"type": "registry-modules", "attributes": {"vcs-repo": {
            "identifier": "acme-bb/terraform-aws-vpc", "display-identifier": "acme-bb/terraform-aws-vpc",
            "oauth-token-id": bb}}}}),
    );
    let module =
        org_path(&sandbox, "registry-modules/private/") + &format!("{}/vpc/aws", sandbox.org);
    let project = sandbox
        .request("GET", &org_path(&sandbox, "projects"), None)
        .body["data"][0]["id"]
        .clone();
    let stack_body = json!({"data": {"type": "stacks", "attributes": {"name": "platform",
        "vcs-repo": repo("acme-bb/platform", "release")},
        "relationships": {"project": {"data": {"type": "projects", "id": project}}}}});
    let reply = sandbox.request("POST", "/api/v2/stacks", Some(&stack_body));
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    let stack = format!(
        "/api/v2/stacks/{}",
        reply.body["data"]["id"].as_str().unwrap()
    );
    let all: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .chain([module.as_str(), stack.as_str()])
        .collect();
    let before: Vec<Value> = all.iter().map(|p| vcs_repo(&sandbox, p)).collect();

    let home = TempDir::new();
    let map = home.file(
        "moves.csv",
        "old,new\r\n# Bitbucket to GitHub\r\nacme-bb/api,acme/api-service\r\n\"acme-bb/web\",acme/web\r\nacme-bb/policies,acme/policies\r\nacme-bb/terraform-aws-vpc,acme/terraform-aws-vpc\r\nacme-bb/platform,acme/platform\r\n",
    );
    let map = map.to_str().unwrap();
    let (code, rows, err) = run_in(
        &sandbox,
        home.path(),
        &["token", "relink", &bb, "--to", &gh, "--map", map, "--yes"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.ends_with("relinked 5 of 5: 2 workspaces, 1 policy set, 1 module, 1 Stack\n"),
        "{err}"
    );
    assert!(
        err.contains("acme-bb/api → acme/api-service"),
        "the plan shows old → new: {err}"
    );
    assert_eq!(rows.matches("relinked").count(), 5, "{rows}");
    let journal = journal_of(&err);
    assert!(
        journal.starts_with(home.path().join(".local/state/tfvcs/journal")),
        "{journal:?}"
    );
    let after: Vec<Value> = all.iter().map(|p| vcs_repo(&sandbox, p)).collect();
    for (was, now) in before.iter().zip(&after) {
        assert_eq!(now["oauth-token-id"], gh.as_str(), "{now}");
        assert_eq!(now["branch"], was["branch"], "{now}");
        assert_eq!(
            now["ingress-submodules"], was["ingress-submodules"],
            "{now}"
        );
        assert_eq!(now["tags-regex"], was["tags-regex"], "{now}");
    }
    let identifiers: Vec<&str> = after
        .iter()
        .map(|v| v["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(
        identifiers,
        [
            "acme/api-service",
            "acme/web",
            "acme/policies",
            "acme/terraform-aws-vpc",
            "acme/platform"
        ]
    );
    let text = std::fs::read_to_string(&journal).unwrap();
    for canary in [sandbox.token.as_str(), PAT_CANARY] {
        assert!(!text.contains(canary), "the journal holds {canary}");
    }
    let lines = journal_lines(&journal);
    assert_eq!(lines.len(), 1 + 2 * 5, "{text}");
    assert_eq!(lines[0]["operation"], "relink");
    assert_eq!(lines[0]["from"], bb.as_str());
    assert_eq!(
        lines[0]["rules"]["entries"]["acme-bb/api"],
        "acme/api-service"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&journal).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Re-running finds everything moved: listed as done, nothing patched.
    let (code, _, err) = run_in(
        &sandbox,
        home.path(),
        &["token", "relink", &bb, "--to", &gh, "--map", map, "--yes"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.ends_with("relinked 0 of 5; 5 already done\n"), "{err}");

    let (code, rows, err) = undo_in(&sandbox, home.path(), &journal);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.ends_with("restored 5 of 5: 2 workspaces, 1 policy set, 1 module, 1 Stack\n"),
        "{err}"
    );
    assert_eq!(rows.matches("restored").count(), 5, "{rows}");
    let undo_journal = journal_of(&err);
    let restored: Vec<Value> = all.iter().map(|p| vcs_repo(&sandbox, p)).collect();
    assert_eq!(restored, before, "every vcs-repo is back exactly");

    let (code, _, err) = undo_in(&sandbox, home.path(), &journal);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.ends_with("restored 0 of 5; 5 already done\n"), "{err}");

    // The undo's journal undoes the undo.
    let (code, _, err) = undo_in(&sandbox, home.path(), &undo_journal);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("restored 5 of 5"), "{err}");
    let again: Vec<Value> = all.iter().map(|p| vcs_repo(&sandbox, p)).collect();
    assert_eq!(again, after, "undoing the undo moves them again");
}

/// Two workspaces moved with `--rewrite` on the same connection (a re-run finds both done);
/// one's branch then changes. The undo restores the other and leaves it: `changed since`,
/// exit 1.
#[test]
fn an_undo_leaves_what_changed_since_and_exits_1() {
    let sandbox = Sandbox::start(&[]);
    let gh = connection(&sandbox, "github", "github", "https://github.com");
    let repo = |id: &str| json!({"identifier": id, "branch": "main", "oauth-token-id": gh});
    let kept = workspace(&sandbox, "kept", repo("acme-old/kept"));
    let moved = workspace(&sandbox, "moved", repo("acme-old/moved"));
    let home = TempDir::new();
    let rename = ["token", "relink", &gh, "--to", &gh];
    let rename = [&rename[..], &["--rewrite", "acme-old/=acme/", "--yes"]].concat();
    let (code, _, err) = run_in(&sandbox, home.path(), &rename);
    assert_eq!(code, Some(0), "{err}");
    let journal = journal_of(&err);
    let path = |id: &str| format!("/api/v2/workspaces/{id}");
    assert_eq!(vcs_repo(&sandbox, &path(&kept))["identifier"], "acme/kept");
    // On one connection a re-run finds them by their new names: done, nothing sent.
    let (code, _, err) = run_in(&sandbox, home.path(), &rename);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("relinked 0 of 2; 2 already done"), "{err}");
    let change = json!({"data": {"type": "workspaces", "attributes": {"vcs-repo": {
        "identifier": "acme/moved", "branch": "release", "oauth-token-id": gh}}}});
    assert_eq!(
        sandbox
            .request("PATCH", &path(&moved), Some(&change))
            .status,
        200
    );

    let (code, rows, err) = undo_in(&sandbox, home.path(), &journal);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("restored 1 of 2: 1 workspace"), "{err}");
    assert!(
        rows.lines().any(
            |l| l.contains("moved") && l.contains("changed since: branch is release, not main")
        ),
        "{rows}"
    );
    assert_eq!(
        vcs_repo(&sandbox, &path(&kept))["identifier"],
        "acme-old/kept"
    );
    let left = vcs_repo(&sandbox, &path(&moved));
    assert_eq!(left["identifier"], "acme/moved", "left as it is");
    assert_eq!(left["branch"], "release");
}

/// Waits until `path` holds at least `answers` answer lines.
fn wait_for_answers(path: &Path, answers: usize, child: &mut std::process::Child) {
    let start = std::time::Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.matches("\"event\":\"answer\"").count() >= answers {
            return;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("tfvcs ended ({status}) before {answers} answers: {text}");
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "no {answers} answers in {text}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Runs tfvcs with `args` and `--journal journal` against `sandbox`, and sends it `signal` once
/// the journal holds three answers.
#[cfg(unix)]
fn signalled(
    sandbox: &Sandbox,
    args: &[&str],
    journal: &Path,
    signal: i32,
) -> std::process::Output {
    let env = TestEnv::sandbox(sandbox);
    let mut cmd = env.process();
    cmd.args(args)
        .arg("--journal")
        .arg(journal)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    wait_for_answers(journal, 3, &mut child);
    // SAFETY: signalling the child this test started.
    unsafe {
        libc::kill(child.id() as i32, signal);
    }
    child.wait_with_output().unwrap()
}

/// SPEC §10 "Interrupted": a signal between PATCHes of a slow relink stops it: exit 130
/// (SIGINT) or 143 (SIGTERM), every PATCH sent journaled with its answer, a summary that counts
/// what was done, rows for what was not sent. Re-running finishes; `--undo` of the partial
/// journal restores exactly what it moved.
#[cfg(unix)]
#[test]
fn a_signal_stops_a_relink_that_a_rerun_finishes_and_an_undo_reverses() {
    for (signal, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let sandbox = Sandbox::start(&["--latency-ms", "60"]);
        let (bb, gh) = bitbucket_and_github(&sandbox);
        let count = forty_on(&sandbox, &bb);
        let home = TempDir::new();
        let journal = home.path().join("move.jsonl");
        let relink = ["token", "relink", &bb, "--to", &gh, "--yes"];
        let out = signalled(
            &sandbox,
            &[&relink[..], &["--rewrite", "acme-bb/=acme/"]].concat(),
            &journal,
            signal,
        );
        let (rows, err) = (stdout_of(&out), stderr_of(&out));
        assert_eq!(out.status.code(), Some(code), "{err}");

        let lines = journal_lines(&journal);
        let (patches, answers) = (events(&lines, "patch"), events(&lines, "answer"));
        assert!(
            patches.len() < count,
            "stopped early: {} sent",
            patches.len()
        );
        assert_eq!(
            answers.len(),
            patches.len(),
            "every PATCH sent has its answer journaled"
        );
        assert!(answers.iter().all(|a| a["status"] == 200), "{lines:?}");
        let done = answers.len();
        assert!(
            err.contains(&format!("relinked {done} of {count}: {done} workspaces")),
            "{err}"
        );
        let signal_word = if code == 130 {
            "interrupted"
        } else {
            "terminated"
        };
        assert!(
            err.contains(&format!(
                "error: {signal_word}: {} of {count} not sent",
                count - done
            )),
            "{err}"
        );
        assert_eq!(rows.matches("relinked").count(), done, "{rows}");
        assert_eq!(
            rows.matches("not sent: interrupted").count(),
            count - done,
            "{rows}"
        );
        let (_, still, _) = run_in(&sandbox, home.path(), &["token", "usage", &bb, "-o", "id"]);
        assert_eq!(still.lines().count(), count - done, "what the summary says");

        let (again, _, err) = rewrite_in(&sandbox, home.path(), (&bb, &gh), &[]);
        assert_eq!(again, Some(0), "{err}");
        assert!(
            err.contains(&format!(
                "relinked {} of {count}: {} workspaces; {done} already done",
                count - done,
                count - done
            )),
            "{err}"
        );

        let (undone, _, err) = undo_in(&sandbox, home.path(), &journal);
        assert_eq!(undone, Some(0), "{err}");
        assert!(err.contains(&format!("restored {done} of {done}")), "{err}");
        let (_, back, _) = run_in(&sandbox, home.path(), &["token", "usage", &bb, "-o", "id"]);
        assert_eq!(
            back.lines().count(),
            done,
            "exactly those it moved are back"
        );
        let (_, table, _) = run_in(&sandbox, home.path(), &["token", "usage", &bb]);
        assert_eq!(table.matches("acme-bb/app").count(), done, "{table}");
    }
}

/// SPEC §10 "Undo", "Interrupted": an undo stopped by SIGINT has restored what it sent (exit
/// 130); running it again restores the rest, and counts those already back as done.
#[cfg(unix)]
#[test]
fn an_interrupted_undo_is_finished_by_running_it_again() {
    let sandbox = Sandbox::start(&["--latency-ms", "60"]);
    let (bb, gh) = bitbucket_and_github(&sandbox);
    let count = forty_on(&sandbox, &bb);
    let home = TempDir::new();
    let relinked = home.path().join("move.jsonl");
    let journal_arg = relinked.to_str().unwrap();
    let (code, _, err) = rewrite_in(
        &sandbox,
        home.path(),
        (&bb, &gh),
        &["--journal", journal_arg],
    );
    assert_eq!(code, Some(0), "{err}");

    let undo_journal = home.path().join("undo.jsonl");
    let undo = [
        "token",
        "relink",
        "--undo",
        relinked.to_str().unwrap(),
        "--yes",
    ];
    let out = signalled(&sandbox, &undo, &undo_journal, libc::SIGINT);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    let restored = events(&journal_lines(&undo_journal), "answer").len();
    assert!(restored < count, "stopped early: {restored}");
    assert!(
        err.contains(&format!("restored {restored} of {count}")),
        "{err}"
    );
    let back = |home: &Path| {
        let (_, ids, _) = run_in(&sandbox, home, &["token", "usage", &bb, "-o", "id"]);
        ids.lines().count()
    };
    assert_eq!(back(home.path()), restored);

    let (code, _, err) = undo_in(&sandbox, home.path(), &relinked);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(&format!(
            "restored {} of {count}: {} workspaces; {restored} already done",
            count - restored,
            count - restored
        )),
        "{err}"
    );
    assert_eq!(back(home.path()), count);
}

/// SPEC §10 "No lost update" in a move: a workspace renamed while the confirmation waits is
/// read again, left as it now is (`changed since the plan`, exit 1) and not journaled; the
/// other moves, and the journal holds only its PATCH.
#[cfg(unix)]
#[test]
fn a_move_leaves_what_changed_while_the_confirmation_waited() {
    let sandbox = Sandbox::start(&[]);
    let (bb, gh) = bitbucket_and_github(&sandbox);
    let repo = |id: &str| json!({"identifier": id, "branch": "main", "oauth-token-id": bb});
    let kept = workspace(&sandbox, "kept", repo("acme-bb/kept"));
    let renamed = workspace(&sandbox, "renamed", repo("acme-bb/renamed"));
    let path = |id: &str| format!("/api/v2/workspaces/{id}");
    let home = TempDir::new();
    let journal = home.path().join("move.jsonl");
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.process();
    cmd.args([
        "token",
        "relink",
        &bb,
        "--to",
        &gh,
        "--rewrite",
        "acme-bb/=acme/",
    ])
    .arg("--journal")
    .arg(&journal);
    let (code, seen) = answer_on_terminal_after(
        cmd,
        "Relink 2 resources",
        || {
            let body = json!({"data": {"type": "workspaces", "attributes": {
                "vcs-repo": repo("acme-bb/elsewhere")}}});
            let reply = sandbox.request("PATCH", &path(&renamed), Some(&body));
            assert_eq!(reply.status, 200, "{:?}", reply.body);
        },
        b"y",
    );
    assert_eq!(code, Some(1), "{seen}");
    assert!(seen.contains("relinked 1 of 2: 1 workspace"), "{seen}");
    assert!(
        seen.lines().any(|l| l.contains("renamed")
            && l.contains(r#"changed since the plan: identifier is now "acme-bb/elsewhere""#)),
        "{seen}"
    );
    assert_eq!(vcs_repo(&sandbox, &path(&kept))["identifier"], "acme/kept");
    let left = vcs_repo(&sandbox, &path(&renamed));
    assert_eq!(left["identifier"], "acme-bb/elsewhere");
    assert_eq!(left["oauth-token-id"], bb.as_str());
    let lines = journal_lines(&journal);
    let patched: Vec<&Value> = events(&lines, "patch");
    assert_eq!(patched.len(), 1, "{lines:?}");
    assert_eq!(patched[0]["id"], kept.as_str());
}
