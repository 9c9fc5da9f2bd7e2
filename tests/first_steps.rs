//! What a new user does first, as the README says it: the "Try it" block and the CI recipes,
//! run in `bash` exactly as written (only the sandbox is put on a free port), and the first
//! mistake people make with the sandbox (a bare `127.0.0.1:PORT`, meaning https).

use std::path::PathBuf;
use std::process::Command;

use crate::common::*;
use predicates::prelude::*;
use predicates::str::contains;

/// The first ```sh block of the README section headed `heading`.
fn readme_block(heading: &str) -> String {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let section = &readme[readme
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("README has no {heading}"))..];
    let start = section.find("```sh\n").unwrap() + "```sh\n".len();
    let end = start + section[start..].find("```").unwrap();
    section[start..end].to_string()
}

/// Runs `script` in bash with tfvcs on PATH and nothing of the developer's environment.
fn bash(script: &str) -> std::process::Output {
    let bin = tfvcs_bin();
    let home = TempDir::new();
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    environment("bash", home.path(), &[("PATH", path)])
        .args(["--norc", "--noprofile", "-c", script])
        .current_dir(home.path())
        .output()
        .unwrap()
}

/// The sandbox on a free port instead of 8990, which another run may hold.
fn on_a_free_port(block: &str) -> String {
    assert!(block.contains("tfvcs sandbox --detach"), "{block}");
    block.replace(
        "tfvcs sandbox --detach)",
        "tfvcs sandbox --detach --listen 127.0.0.1:0)",
    )
}

#[test]
fn the_readme_try_it_block_works_and_stops_its_sandbox() {
    let block = on_a_free_port(&readme_block("## Try it (no account needed)"));
    let script = format!(
        "set -euo pipefail\n{block}\n\
         for _ in $(seq 50); do kill -0 \"$TFVCS_SANDBOX_PID\" 2>/dev/null || exit 0; sleep 0.1; done\n\
         echo \"the sandbox $TFVCS_SANDBOX_PID is still running\" >&2; exit 1\n"
    );
    let out = bash(&script);
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stderr.contains("created OAuth client oc-"), "{stderr}");
    assert!(
        stdout.contains("demo") && stdout.contains("ot-"),
        "{stdout}"
    );
}

/// Whether jq is on PATH; in CI it must be (`.ci/run` installs it).
fn have_jq() -> bool {
    let found = Command::new("jq").arg("--version").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI is set but jq is not installed"
    );
    found
}

#[test]
fn the_readme_ci_recipes_work_against_the_sandbox() {
    if !have_jq() {
        eprintln!("skipped: jq is not installed");
        return;
    }
    let block = readme_block("## In CI");
    let outputs = TempDir::new();
    let github_output = outputs.path().join("github_output");
    let script = format!(
        "set -euo pipefail\n\
         eval \"$(tfvcs sandbox --detach --listen 127.0.0.1:0 --org my-org)\"\n\
         trap 'kill \"$TFVCS_SANDBOX_PID\"' EXIT\n\
         TFC_API_TOKEN=$TFE_TOKEN GITHUB_PAT=ghp_first NEW_GITHUB_PAT=ghp_second\n\
         GITHUB_OUTPUT={}\n\
         {block}\n\
         tfvcs client list -o id | wc -l\n",
        github_output.display()
    );
    let out = bash(&script);
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    // The token id was captured for the workflow's next step.
    let captured = std::fs::read_to_string(&github_output).unwrap();
    assert!(captured.starts_with("oauth_token_id=ot-"), "{captured}");
    // The loop rotated the one GitHub client (its id printed by -o id), then it was deleted.
    assert!(
        stderr.contains("replaced the personal access token of oc-"),
        "{stderr}"
    );
    assert!(stdout.lines().any(|l| l.starts_with("oc-")), "{stdout}");
    assert!(stderr.contains("deleted OAuth client oc-"), "{stderr}");
    assert_eq!(stdout.lines().last(), Some("0"), "{stdout}");
}

/// The README's way to try the CI recipes offline, exactly as it says: its sandbox line right
/// after the recipe's `export` line, with no CI secret and no organization of its own.
#[test]
fn the_readme_ci_recipes_run_offline_as_the_readme_says() {
    if !have_jq() {
        eprintln!("skipped: jq is not installed");
        return;
    }
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let advice = "Test the same script offline first: `";
    let start = readme
        .find(advice)
        .expect("README says how to test offline")
        + advice.len();
    let sandbox_line = &readme[start..start + readme[start..].find('`').unwrap()];
    assert!(
        readme[start..].starts_with(&format!("{sandbox_line}`\nright after the `export` line")),
        "the README no longer says where the sandbox line goes"
    );
    let block = readme_block("## In CI");
    let (export_line, rest) = block.split_once('\n').unwrap();
    assert!(
        export_line.starts_with("export TFE_TOKEN="),
        "{export_line}"
    );
    let script = format!(
        // Not `set -u`: TFC_API_TOKEN, the CI secret, is unset offline.
        "set -eo pipefail\n{export_line}\n{sandbox_line}\n\
         trap 'kill \"$TFVCS_SANDBOX_PID\"' EXIT\n\
         GITHUB_PAT=ghp_first NEW_GITHUB_PAT=ghp_second\n{rest}"
    );
    let out = bash(&script);
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("oauth_token_id=ot-"), "{stdout}");
    assert!(stderr.contains("deleted OAuth client oc-"), "{stderr}");
}

#[test]
fn a_bare_loopback_host_against_the_sandbox_fails_at_once_with_the_http_hint() {
    let sandbox = Sandbox::start(&[]);
    let bare = sandbox.url.trim_start_matches("http://").to_string();
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    cmd.env("TFE_HOSTNAME", &bare)
        .args(["client", "list"])
        .assert()
        .code(6)
        .stdout("")
        // The TLS handshake fails on the plain-HTTP answer; nothing waits for the timeout.
        .stderr(contains("timed out").not())
        .stderr(contains(format!("wants --hostname http://{bare}")));
}
