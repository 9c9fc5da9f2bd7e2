//! What a new user does first, as the README says it: the "Try it" block and the CI recipes,
//! run in `bash` exactly as written (only the sandbox is put on a free port), and the first
//! mistake people make with the sandbox (a bare `127.0.0.1:PORT`, meaning https); the scripts
//! find the binary cargo built wherever its target directory is.

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

/// Whether curl is on PATH; in CI it must be (`.ci/run` installs it).
fn have_curl() -> bool {
    let found = Command::new("curl").arg("--version").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI is set but curl is not installed"
    );
    found
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
         GITHUB_PAT=ghp_first NEW_GITHUB_PAT=ghp_second\n{rest}"
    );
    let out = bash(&script);
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("oauth_token_id=ot-"), "{stdout}");
    assert!(stderr.contains("deleted OAuth client oc-"), "{stderr}");
    // A step that fails under `bash -e` ends the job: the README's line stops its sandbox.
    let failing = format!(
        "set -eo pipefail\n{export_line}\n{sandbox_line}\necho \"$TFVCS_SANDBOX_PID\"\nfalse\n"
    );
    let out = bash(&failing);
    assert!(!out.status.success());
    let pid: i32 = stdout_of(&out).trim().parse().unwrap();
    let gone = (0..50).any(|_| {
        // SAFETY: signal 0 only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        std::thread::sleep(std::time::Duration::from_millis(100));
        !alive
    });
    assert!(gone, "the sandbox {pid} is still running");
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

/// A `cargo` for the scripts to find first on PATH: `cargo build` puts, in `$CARGO_TARGET_DIR`,
/// a `tfvcs` that notes each run in `runs` before running the real one, and prints cargo's
/// artifact message for it (the format of `--message-format=json`); anything else only notes
/// its arguments in `calls`. So a script that looks for its binary anywhere but where cargo
/// says it built it never runs the noted one.
fn cargo_building_into_the_target_dir(dir: &std::path::Path) -> PathBuf {
    let real = assert_cmd::cargo::cargo_bin("tfvcs");
    let shims = dir.join("shims");
    std::fs::create_dir_all(&shims).unwrap();
    let cargo = shims.join("cargo");
    std::fs::write(
        &cargo,
        format!(
            r#"#!/bin/sh
echo "$*" >>"{dir}/calls"
[ "$1" = build ] || exit 0
mkdir -p "$CARGO_TARGET_DIR/debug"
printf '#!/bin/sh\necho run >>"{dir}/runs"\nexec "{real}" "$@"\n' >"$CARGO_TARGET_DIR/debug/tfvcs"
chmod +x "$CARGO_TARGET_DIR/debug/tfvcs"
printf '%s\n' '{{"reason":"compiler-artifact","package_id":"path+file:///src#tfvcs@0.1.0","manifest_path":"/src/Cargo.toml","target":{{"kind":["lib"],"crate_types":["lib"],"name":"tfvcs","src_path":"/src/src/lib.rs","edition":"2024","doc":true,"doctest":true,"test":true}},"profile":{{"opt_level":"0","debuginfo":2,"debug_assertions":true,"overflow_checks":true,"test":false}},"features":[],"filenames":["'"$CARGO_TARGET_DIR"'/debug/libtfvcs.rlib"],"executable":null,"fresh":true}}'
printf '%s\n' '{{"reason":"compiler-artifact","package_id":"path+file:///src#tfvcs@0.1.0","manifest_path":"/src/Cargo.toml","target":{{"kind":["bin"],"crate_types":["bin"],"name":"tfvcs","src_path":"/src/src/main.rs","edition":"2024","doc":true,"doctest":false,"test":true}},"profile":{{"opt_level":"0","debuginfo":"line-tables-only","debug_assertions":true,"overflow_checks":true,"test":false}},"features":[],"filenames":["'"$CARGO_TARGET_DIR"'/debug/tfvcs"],"executable":"'"$CARGO_TARGET_DIR"'/debug/tfvcs","fresh":true}}'
printf '%s\n' '{{"reason":"build-finished","success":true}}'
"#,
            dir = dir.display(),
            real = real.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    shims
}

#[test]
fn the_demo_runs_the_binary_cargo_built_in_cargo_target_dir() {
    if !have_curl() {
        eprintln!("skipped: curl is not installed");
        return;
    }
    let dir = TempDir::new();
    let shims = cargo_building_into_the_target_dir(dir.path());
    let out = Command::new(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/demo.sh"))
        .env_clear()
        .env(
            "PATH",
            format!(
                "{}:{}",
                shims.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("HOME", dir.path())
        .env("CARGO_TARGET_DIR", dir.path().join("elsewhere"))
        .output()
        .unwrap();
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let calls = std::fs::read_to_string(dir.path().join("calls")).unwrap();
    assert!(calls.starts_with("build --locked"), "{calls}");
    // Every tfvcs step of the demo ran the binary cargo said it built.
    let runs = std::fs::read_to_string(dir.path().join("runs")).unwrap_or_default();
    // (18 runs as written; any step run by another binary would leave this empty.)
    assert!(runs.lines().count() >= 10, "{runs:?}\n{stderr}");
}

/// test.sh runs the whole suite (this test among it) and installs pytfe, so it is not run from
/// here: what it shares with the demo is the one way of finding the binary.
#[test]
fn the_scripts_find_tfvcs_where_cargo_built_it() {
    let scripts = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts");
    for script in ["test.sh", "demo.sh", "bench.sh", "faults.sh", "package.sh"] {
        let text = std::fs::read_to_string(scripts.join(script)).unwrap();
        assert!(
            text.contains("tfvcs-bin.sh"),
            "{script} does not use tfvcs-bin.sh"
        );
        assert!(
            !text.contains("target/debug/") && !text.contains("target/release/"),
            "{script} names a target directory of its own"
        );
    }
}

/// The README's "Try usage and relink offline" block, run as written (only the sandbox is put
/// on a free port): the delete is refused while the three resources use the old connection,
/// the relink moves all three, and the delete then goes through.
#[test]
fn the_readme_usage_and_relink_block_works_as_written() {
    if !have_curl() {
        eprintln!("skipped: curl is not installed");
        return;
    }
    let block = on_a_free_port(&readme_block("## Try usage and relink offline"));
    let out = bash(&format!("set -euo pipefail\n{block}"));
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("error: refusing to delete OAuth client oc-")
            && stderr.contains(": 1 workspace, 1 policy set, 1 module still use it"),
        "{stderr}"
    );
    assert!(
        stderr.contains("relinked 3 of 3: 1 workspace, 1 policy set, 1 module"),
        "{stderr}"
    );
    assert!(stderr.contains("deleted OAuth client oc-"), "{stderr}");
    for name in ["web", "guards", "my-organization/vpc/aws"] {
        let name = name.replace("my-organization", "sandbox");
        assert!(stdout.matches(&name).count() >= 2, "{name}: {stdout}");
    }
}

#[test]
fn the_readme_doctor_block_reports_every_check_of_the_example_organization() {
    let block = readme_block("## Is every connection healthy?");
    assert!(
        block.contains("--load examples/drifted-org.json"),
        "{block}"
    );
    let bin = assert_cmd::cargo::cargo_bin("tfvcs");
    let home = TempDir::new();
    let out = Command::new("bash")
        .args([
            "--norc",
            "--noprofile",
            "-c",
            &format!("set -uo pipefail\n{block}"),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.parent().unwrap().display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("HOME", home.path())
        .output()
        .unwrap();
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert_eq!(
        out.status.code(),
        Some(0),
        "the sandbox was stopped: {stderr}"
    );
    for check in [
        "no-token",
        "dangling",
        "app-missing",
        "ado-global-pat",
        "vcs-refused",
        "pat-age",
        "many-tokens",
        "project-scope",
        "unused",
    ] {
        assert!(stdout.contains(check), "{check}:\n{stdout}");
    }
    assert!(
        stderr.contains("doctor: 5 errors, 4 warnings, 1 note; 8 connections, 14 resources (10 workspaces, 1 policy set, 1 module, 2 Stacks)"),
        "{stderr}"
    );
}
