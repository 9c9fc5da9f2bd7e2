//! Where secrets and payloads are read from (SPEC §3 "Secrets"): a value typed where a path
//! belongs is never echoed, reads are bounded, pipes work, and only secret regular files that
//! others can read are warned about.

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::*;
use predicates::str::contains;

const CLIENT: &str = "oc-XKFwG6ggfA9n7t1K";
const TOKEN_ID: &str = "ot-hmAyP66qk2AMVdbJ";
const KEY: &str = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";

/// The secret options, each with the command that takes it (and a dry run, so nothing is sent
/// even when the read succeeds).
fn secret_options(value: &str) -> Vec<Vec<String>> {
    let v = value.to_string();
    let s = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        [
            s(&["client", "create", "--provider", "github", "--pat-file"]),
            vec![v.clone()],
        ]
        .concat(),
        [
            s(&["client", "set-pat", CLIENT, "--pat-file"]),
            vec![v.clone()],
        ]
        .concat(),
        [
            s(&["client", "update", CLIENT, "--secret-file"]),
            vec![v.clone()],
        ]
        .concat(),
        [
            s(&[
                "client",
                "create",
                "--provider",
                "ado_server",
                "--http-url",
                "https://ado.example.com",
                "--pat-file",
                "-",
                "--private-key-file",
            ]),
            vec![v.clone()],
        ]
        .concat(),
        [
            s(&["token", "set-ssh-key", TOKEN_ID, "--ssh-key-file"]),
            vec![v],
        ]
        .concat(),
    ]
}

#[test]
fn a_secret_typed_where_a_path_belongs_is_never_echoed() {
    // A PAT or key pasted in place of a path: no such file, and the message must not say it.
    for value in [
        "ghp_CANARY0123456789abcdefABCDEF",
        "glpat-CANARY/with/slashes",
        &format!("CANARY{}", "x".repeat(300)),
    ] {
        for args in secret_options(value) {
            let env = TestEnv::server("http://127.0.0.1:9");
            let mut cmd = env.command();
            let out = cmd
                .args(&args)
                .arg("--dry-run")
                .write_stdin("pat-from-stdin")
                .output()
                .unwrap();
            let stderr = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(!stderr.contains("CANARY"), "{args:?}: {stderr}");
            assert!(!stdout_of(&out).contains("CANARY"), "{args:?}");
            let option = &args[args.len() - 2];
            assert!(
                stderr.contains(&format!("{option} -")),
                "{args:?}: the hint should suggest {option} -: {stderr}"
            );
        }
    }
}

#[test]
fn a_missing_payload_or_public_key_file_is_named() {
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    cmd.args(["client", "create", "--payload", "/nonexistent/payload.json"])
        .assert()
        .code(2)
        .stderr(contains("/nonexistent/payload.json"));
}

#[test]
fn endless_sources_are_refused_after_one_mebibyte() {
    let mut cases = secret_options("/dev/zero");
    cases.push(
        ["client", "create", "--payload", "/dev/zero"]
            .map(String::from)
            .to_vec(),
    );
    for args in cases {
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        let started = Instant::now();
        let out = cmd
            .args(&args)
            .arg("--dry-run")
            .write_stdin("pat-from-stdin")
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("more than 1 MiB"), "{args:?}: {stderr}");
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?}");
    }
}

#[test]
fn stdin_larger_than_one_mebibyte_is_refused() {
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    cmd.args(["client", "create", "--payload", "-", "--dry-run"])
        .write_stdin(" ".repeat((1 << 20) + 1))
        .assert()
        .code(2)
        .stderr(contains("--payload stdin: more than 1 MiB"));
}

#[test]
fn a_payload_of_exactly_one_mebibyte_is_read() {
    let doc = r#"{"data":{"type":"oauth-clients","attributes":{"service-provider":"github"}}}"#;
    let padded = format!("{doc}{}", " ".repeat((1 << 20) - doc.len()));
    assert_eq!(padded.len(), 1 << 20);
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", "pat-value")
        .args(["client", "create", "--payload", "-", "--dry-run"])
        .write_stdin(padded)
        .assert()
        .success()
        .stdout(contains("POST http://127.0.0.1:9/api/v2/organizations/"));
}

/// A source that is a pipe named by path (what `<(vault read …)` gives): read to its end.
#[test]
fn a_pipe_given_by_path_is_read() {
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.process();
    let mut child = cmd
        .args([
            "client",
            "create",
            "--provider",
            "github",
            "--pat-file",
            "/dev/stdin",
            "--dry-run",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        // Written in pieces, as a slow producer would.
        for piece in ["pat-", "from-", "a-pipe\n"] {
            stdin.write_all(piece.as_bytes()).unwrap();
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains(r#""oauth-token-string": "[redacted]""#));
    assert!(!stderr_of(&out).contains("warning"), "{}", stderr_of(&out));
}

#[cfg(unix)]
fn chmod(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn only_secret_regular_files_readable_by_others_are_warned_about() {
    let dir = TempDir::new();
    let pat = dir.file("pat", "pat-value\n");
    let key = dir.file("key", KEY);
    let public = dir.file(
        "pub",
        "-----BEGIN PUBLIC KEY-----\nPUB\n-----END PUBLIC KEY-----\n",
    );
    let secret = dir.file("secret", "s3cret");
    let with_pat = dir.file(
        "with-pat.json",
        r#"{"data":{"type":"oauth-clients","attributes":{"service-provider":"github","oauth-token-string":"pat-value"}}}"#,
    );
    let without_pat = dir.file(
        "without-pat.json",
        r#"{"data":{"type":"oauth-clients","attributes":{"service-provider":"github"}}}"#,
    );
    for path in [&pat, &key, &public, &secret, &with_pat, &without_pat] {
        chmod(path, 0o644);
    }
    let p = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let s = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    // (arguments, the file that must be warned about or None)
    let cases: Vec<(Vec<String>, Option<String>)> = vec![
        (
            [
                s(&["client", "create", "--provider", "github", "--pat-file"]),
                vec![p(&pat)],
            ]
            .concat(),
            Some(p(&pat)),
        ),
        (
            [
                s(&["token", "set-ssh-key", TOKEN_ID, "--ssh-key-file"]),
                vec![p(&key)],
            ]
            .concat(),
            Some(p(&key)),
        ),
        (
            [
                s(&["client", "update", CLIENT, "--secret-file"]),
                vec![p(&secret)],
            ]
            .concat(),
            Some(p(&secret)),
        ),
        (
            [s(&["client", "create", "--payload"]), vec![p(&with_pat)]].concat(),
            Some(p(&with_pat)),
        ),
        (
            [
                s(&["client", "update", CLIENT, "--rsa-public-key-file"]),
                vec![p(&public)],
            ]
            .concat(),
            None,
        ),
        (
            [s(&["client", "create", "--payload"]), vec![p(&without_pat)]].concat(),
            None,
        ),
    ];
    for (args, warned) in cases {
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        let out = cmd
            .env("TFVCS_PAT", "pat-value")
            .args(&args)
            .arg("--dry-run")
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        match warned {
            Some(path) => assert!(
                stderr.contains(&format!("warning: {path} is readable by group or others")),
                "{args:?}: {stderr}"
            ),
            None => assert!(!stderr.contains("warning"), "{args:?}: {stderr}"),
        }
    }
    // A directory or a device is not a secret file: an error perhaps, but no warning.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    chmod(&sub, 0o755);
    for path in [p(&sub), "/dev/null".to_string()] {
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        let out = cmd
            .args([
                "client",
                "create",
                "--provider",
                "github",
                "--pat-file",
                &path,
            ])
            .arg("--dry-run")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(
            !stderr_of(&out).contains("warning"),
            "{path}: {}",
            stderr_of(&out)
        );
    }
}

/// An `openssh-key-v1` key whose cipher is `cipher`, its base64 wrapped at 70 columns as
/// ssh-keygen writes it; the private part carries a canary.
fn openssh_key(cipher: &str) -> String {
    use base64::Engine as _;
    let mut blob = b"openssh-key-v1\0".to_vec();
    for field in [cipher, "none", ""] {
        blob.extend((field.len() as u32).to_be_bytes());
        blob.extend(field.as_bytes());
    }
    blob.extend(b"\0\0\0\x01privkey-CANARY-b64-padding-to-make-several-lines-of-base64-text");
    let b64 = base64::engine::general_purpose::STANDARD.encode(&blob);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(70)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN OPENSSH PRIVATE KEY-----\n{}\n-----END OPENSSH PRIVATE KEY-----\n",
        lines.join("\n")
    )
}

#[test]
fn a_damaged_ssh_key_is_refused_without_quoting_it() {
    let rsa = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAprivkeyCANARY\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n";
    let encrypted = openssh_key("aes256-ctr");
    assert!(encrypted.matches('\n').count() > 3);
    // (what was done to the key, the key text, what the message must say)
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "line breaks written as \\n text (JSON, CI variables)",
            rsa.replace('\n', "\\n"),
            "\\n",
        ),
        (
            "an OpenSSH key with \\r\\n written as text",
            openssh_key("none").replace('\n', "\\r\\n"),
            "\\n",
        ),
        (
            "one line, no END marker",
            rsa.replace('\n', " ")
                .replace("-----END RSA PRIVATE KEY----- ", ""),
            "END",
        ),
        (
            "an encrypted OpenSSH key with its line breaks turned into spaces",
            encrypted.replace('\n', " "),
            "passphrase",
        ),
        (
            "an encrypted OpenSSH key with only its base64 lines joined by spaces",
            {
                let lines: Vec<&str> = encrypted.lines().collect();
                let last = lines.len() - 1;
                format!(
                    "{}\n{}\n{}\n",
                    lines[0],
                    lines[1..last].join(" "),
                    lines[last]
                )
            },
            "passphrase",
        ),
        (
            "an unencrypted key with its line breaks turned into spaces",
            openssh_key("none").replace('\n', " "),
            "line breaks",
        ),
        (
            "a BEGIN marker never closed",
            "-----BEGIN privkey-CANARY".to_string(),
            "not a PEM private key",
        ),
        (
            "a label that is not a key",
            "-----BEGIN PRIVKEY CANARY-----\nAAAA\n-----END PRIVKEY CANARY-----\n".to_string(),
            "not a private key",
        ),
        (
            "the public half",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIprivkeyCANARY user@host\n".to_string(),
            "public key",
        ),
    ];
    let set_ssh_key = |key: String| {
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        cmd.args(["token", "set-ssh-key", TOKEN_ID])
            .args(["--ssh-key-file", "-", "--dry-run"])
            .write_stdin(key)
            .output()
            .unwrap()
    };
    for (what, key, says) in cases {
        let out = set_ssh_key(key);
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{what}: {stderr}");
        assert!(
            stderr.contains(says),
            "{what}: expected {says:?} in {stderr}"
        );
        assert!(!stderr.contains("CANARY"), "{what}: {stderr}");
        assert!(!stderr.contains("MIIE"), "{what}: {stderr}");
        assert!(!stdout_of(&out).contains("CANARY"), "{what}");
    }
    // The same keys, intact, are accepted.
    for key in [
        rsa.to_string(),
        openssh_key("none"),
        rsa.replace('\n', "\r\n"),
    ] {
        let out = set_ssh_key(key);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    }
}

/// An empty TFVCS_PAT is a PAT that was meant and lost (`TFVCS_PAT="$SECRET"` with no such CI
/// secret): said as such, not as a missing PAT with the hint to set TFVCS_PAT.
#[test]
fn an_empty_tfvcs_pat_is_set_but_empty() {
    for args in [
        &["client", "create", "--provider", "github"][..],
        &["client", "set-pat", "oc-XKFwG6ggfA9n7t1K"],
    ] {
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        let out = cmd.env("TFVCS_PAT", "").args(args).output().unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: TFVCS_PAT is set but empty\nhint: set it to the PAT (in CI: check that the secret it is read from exists), or unset it and pass --pat-file -\n"),
            "{stderr}"
        );
    }
}

/// Ctrl-C at the hidden PAT prompt: exit 130, nothing sent, and a word saying so.
#[cfg(unix)]
#[test]
fn ctrl_c_at_the_pat_prompt_says_nothing_was_sent() {
    let mut server = mockito::Server::new();
    let nothing = server
        .mock("POST", mockito::Matcher::Any)
        .expect(0)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.process();
    cmd.args(["client", "create", "--provider", "github"]);
    let (code, seen) = answer_on_terminal(cmd, "Personal access token", b"\x03");
    assert_eq!(code, Some(130), "{seen}");
    assert!(
        seen.ends_with("\ninterrupted; nothing was sent\n"),
        "{seen:?}"
    );
    nothing.assert();
}
