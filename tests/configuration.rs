//! Where tfvcs finds its host, token and organization (SPEC §2), seen from outside: the
//! header it sends, or that it sends nothing.

use crate::common::*;
use mockito::{Matcher, Server};
use predicates::str::contains;

const SHOW_PATH: &str = "/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL";

fn token_mock(server: &mut mockito::ServerGuard, token: &str) -> mockito::Mock {
    server
        .mock("GET", SHOW_PATH)
        .match_header("authorization", format!("Bearer {token}").as_str())
        .with_status(200)
        .with_body(fixture("token_show_response.json").to_string())
        .expect(1)
        .create()
}

#[test]
fn no_token_exits_4_naming_the_host_and_sends_nothing() {
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    let host = server.host_with_port();
    for args in [
        vec!["client", "list"],
        vec!["client", "show", "oc-XKFwG6ggfA9n7t1K"],
        vec!["token", "list", "oc-XKFwG6ggfA9n7t1K"],
        vec!["token", "show", "ot-29t7xkUKiNC2XasL"],
        vec!["auth", "status"],
    ] {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.env_remove("TFE_TOKEN")
            .args(&args)
            .assert()
            .code(4)
            .stderr(contains(format!("error: no API token found for {host}")))
            .stderr(contains(format!(
                "hint: run `terraform login {host}`, or set TFE_TOKEN"
            )));
    }
    any.assert();
}

#[test]
fn plain_http_to_a_remote_host_is_refused_before_sending() {
    let env = TestEnv::server("http://tfe.example.com");
    let mut cmd = env.command();
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(2)
        .stderr(contains("refusing http:// for tfe.example.com"));
}

#[test]
fn the_hostname_flag_wins_over_the_environment() {
    let mut server = Server::new();
    let mock = token_mock(&mut server, TOKEN);
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    cmd.args([
        "--hostname",
        &server.url(),
        "token",
        "show",
        "ot-29t7xkUKiNC2XasL",
        "-o",
        "id",
    ])
    .assert()
    .success();
    mock.assert();
}

#[test]
fn tfe_address_is_used_when_tfe_hostname_is_unset() {
    let mut server = Server::new();
    let mock = token_mock(&mut server, TOKEN);
    let env = TestEnv::server("unused");
    let mut cmd = env.command();
    cmd.env_remove("TFE_HOSTNAME")
        .env("TFE_ADDRESS", server.url())
        .args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "id"])
        .assert()
        .success();
    mock.assert();
}

#[test]
fn a_base_path_in_the_url_replaces_api_v2() {
    let mut server = Server::new();
    let mock = server
        .mock("GET", "/tfe/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL")
        .with_status(200)
        .with_body(fixture("token_show_response.json").to_string())
        .create();
    let env = TestEnv::server(&format!("{}/tfe/api/v2/", server.url()));
    let mut cmd = env.command();
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "id"])
        .assert()
        .success();
    mock.assert();
}

#[test]
fn tf_token_variable_for_the_host_is_found_without_tfe_token() {
    // Nothing listens on 127.0.0.2:80, so the check fails (exit 6), but the facts show where
    // the token came from: the variable whose name encodes the host.
    let env = TestEnv::server("http://127.0.0.2");
    let mut cmd = env.command();
    cmd.env_remove("TFE_TOKEN")
        .env("TF_TOKEN_127_0_0_2", "from-tf-token")
        .env("TF_TOKEN_app_terraform_io", "other")
        .args(["--timeout", "5", "auth", "status"])
        .assert()
        .code(6)
        .stdout(contains(
            "Token from    the environment variable TF_TOKEN_127_0_0_2\n",
        ))
        .stdout(contains("from-tf-token").not());
}

#[test]
fn tf_token_variable_is_ignored_for_a_host_with_a_port() {
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    let port = server.socket_address().port();
    let env = TestEnv::server(&format!("http://localhost:{port}"));
    let mut cmd = env.command();
    cmd.env_remove("TFE_TOKEN")
        .env("TF_TOKEN_localhost", "x")
        .args(["token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(4);
    any.assert();
}

#[test]
fn credentials_file_under_home_is_used_keyed_by_host_and_port() {
    let mut server = Server::new();
    let mock = token_mock(&mut server, "from-file");
    let host = server.host_with_port();
    let env = TestEnv::server(&server.url());
    let home = env.home();
    let mut cmd = env.command();
    std::fs::create_dir_all(home.path().join(".terraform.d")).unwrap();
    home.file(
        ".terraform.d/credentials.tfrc.json",
        &format!(r#"{{"credentials":{{"{host}":{{"token":"from-file"}},"app.terraform.io":{{"token":"other"}}}}}}"#),
    );
    cmd.env_remove("TFE_TOKEN")
        .args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "id"])
        .assert()
        .success();
    mock.assert();
}

#[test]
fn tfe_token_wins_over_the_credentials_file() {
    let mut server = Server::new();
    let mock = token_mock(&mut server, TOKEN);
    let host = server.host_with_port();
    let env = TestEnv::server(&server.url());
    let home = env.home();
    let mut cmd = env.command();
    std::fs::create_dir_all(home.path().join(".terraform.d")).unwrap();
    home.file(
        ".terraform.d/credentials.tfrc.json",
        &format!(r#"{{"credentials":{{"{host}":{{"token":"file"}}}}}}"#),
    );
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "id"])
        .assert()
        .success();
    mock.assert();
}

/// A value that is not UTF-8 (a byte 0xff), as a garbled shell profile can leave behind.
#[cfg(unix)]
fn not_utf8(text: &str) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(0xff);
    std::ffi::OsString::from_vec(bytes)
}

#[cfg(unix)]
#[test]
fn a_variable_that_is_not_utf8_is_refused_rather_than_skipped() {
    // Skipping TFE_HOSTNAME would send the token to app.terraform.io; skipping TFE_TOKEN would
    // send the credentials file's token instead; skipping NO_PROXY would go through the proxy.
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    let host = server.host_with_port();
    for name in [
        "TFE_HOSTNAME",
        "TFE_TOKEN",
        "TFE_ORGANIZATION",
        "NO_PROXY",
        "https_proxy",
    ] {
        let env = TestEnv::server(&server.url());
        let home = env.home();
        let mut cmd = env.command();
        std::fs::create_dir_all(home.path().join(".terraform.d")).unwrap();
        home.file(
            ".terraform.d/credentials.tfrc.json",
            &format!(r#"{{"credentials":{{"{host}":{{"token":"file"}}}}}}"#),
        );
        cmd.env(name, not_utf8("CANARY-value"))
            .args(["token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!("error: {name} is not valid UTF-8")))
            .stderr(contains("CANARY").not());
    }
    any.assert();
}

#[test]
fn the_org_flag_and_its_alias_win_over_tfe_organization() {
    for flag in ["--org", "--organization"] {
        let mut server = Server::new();
        let mock = server
            .mock("GET", "/api/v2/organizations/other-org/oauth-clients")
            .match_query(Matcher::Any)
            .with_status(200)
            .with_body(page(vec![], 1, 1, 0))
            .expect(1)
            .create();
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.args([flag, "other-org", "client", "list"])
            .assert()
            .success();
        mock.assert();
    }
}

#[test]
fn help_shows_the_command_tree_and_examples() {
    let env = TestEnv::bare();
    let mut cmd = env.command();
    cmd.arg("--help")
        .assert()
        .success()
        .stdout(
            contains("client")
                .and(contains("token"))
                .and(contains("auth"))
                .and(contains("sandbox")),
        )
        .stdout(contains("EXAMPLES:"));
}

#[test]
fn help_never_prints_live_environment_values() {
    let env = TestEnv::bare();
    let mut cmd = env.command();
    cmd.env("TFVCS_OUTPUT", "json")
        .env("SSL_CERT_FILE", "/secret/canary.pem")
        .env("TFE_TOKEN", TOKEN)
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("canary").not())
        .stdout(contains(TOKEN).not());
}

use predicates::prelude::*;

#[test]
fn an_unusable_ca_bundle_is_a_usage_error_before_sending() {
    // An https:// host where nothing listens: the bundle is checked before any connection.
    let https = format!("https://127.0.0.1:{}", closed_port());
    let dir = TempDir::new();
    let junk = dir.file("junk.pem", "not a certificate\n");
    for (path, message) in [
        (
            "/nonexistent/ca.pem".to_string(),
            "cannot read --ca-cert /nonexistent/ca.pem",
        ),
        (junk.display().to_string(), "no PEM certificate found"),
    ] {
        let env = TestEnv::server(&https);
        let mut cmd = env.command();
        cmd.args(["--ca-cert", &path, "token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .code(2)
            .stderr(contains(message));
        let env = TestEnv::server(&https);
        let mut cmd = env.command();
        cmd.env("SSL_CERT_FILE", &path)
            .args(["token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .code(2)
            .stderr(contains(message.replace("--ca-cert", "SSL_CERT_FILE")))
            .stderr(contains("--ca-cert").not());
    }
}

/// SPEC §2: a CA bundle matters only for https://. A broken SSL_CERT_FILE left in the
/// environment does not stop a command aimed at an http:// loopback server (the sandbox).
#[test]
fn a_broken_ssl_cert_file_does_not_matter_to_an_http_loopback_server() {
    let mut server = Server::new();
    let show = server
        .mock("GET", "/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL")
        .with_header("content-type", "application/vnd.api+json")
        .with_body(fixture("token_show_response.json").to_string())
        .expect(2)
        .create();
    let dir = TempDir::new();
    let junk = dir.file("junk.pem", "not a certificate\n");
    for bundle in ["/nonexistent/ca.pem".into(), junk.display().to_string()] {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.env("SSL_CERT_FILE", &bundle)
            .args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "id"])
            .assert()
            .success();
    }
    show.assert();
}

/// SPEC §2: the credentials file and a CA bundle must be regular files. A FIFO would block
/// every command (`--dry-run` included) until something wrote to it.
#[cfg(unix)]
#[test]
fn a_fifo_as_credentials_file_or_ca_bundle_is_refused_not_waited_on() {
    let dir = TempDir::new();
    let fifo = dir.path().join("fifo");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads the NUL-terminated path it is given.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let https = format!("https://127.0.0.1:{}", closed_port());
    let env = TestEnv::server(&https);
    let mut by_flag = env.command();
    by_flag.arg("--ca-cert").arg(&fifo);
    let mut by_variable = env.command();
    by_variable.env("SSL_CERT_FILE", &fifo);
    for (mut cmd, named) in [(by_flag, "--ca-cert"), (by_variable, "SSL_CERT_FILE")] {
        cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(contains(format!(
                "{named} {} is a FIFO, not a regular file",
                fifo.display()
            )));
    }
    let env = TestEnv::bare();
    let mut cmd = env.command();
    let terraform_d = env.home().path().join(".terraform.d");
    std::fs::create_dir(&terraform_d).unwrap();
    let credentials = terraform_d.join("credentials.tfrc.json");
    let c_path = std::ffi::CString::new(credentials.to_str().unwrap()).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    cmd.env("TFE_HOSTNAME", &https)
        .env("TFE_ORGANIZATION", ORG)
        .args([
            "client",
            "update",
            "oc-XKFwG6ggfA9n7t1K",
            "--name",
            "n",
            "--dry-run",
        ])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains(format!(
            "the credentials file {} is a FIFO, not a regular file",
            credentials.display()
        )));
}

#[cfg(unix)]
#[test]
fn an_endless_ca_bundle_is_refused_not_read_until_memory_runs_out() {
    let env = TestEnv::server(&format!("https://127.0.0.1:{}", closed_port()));
    let mut cmd = env.command();
    cmd.args([
        "--ca-cert",
        "/dev/zero",
        "token",
        "show",
        "ot-29t7xkUKiNC2XasL",
    ])
    .timeout(std::time::Duration::from_secs(60))
    .assert()
    .code(2)
    .stderr(contains(
        "error: --ca-cert /dev/zero is a device, not a regular file: it is not read",
    ));
    // A regular file past 16 MiB (sparse: nothing is written) is refused unread too.
    let dir = TempDir::new();
    let huge = dir.path().join("huge.pem");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(17 << 20)
        .unwrap();
    let env = TestEnv::server(&format!("https://127.0.0.1:{}", closed_port()));
    let mut cmd = env.command();
    cmd.arg("--ca-cert")
        .arg(&huge)
        .args(["token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .code(2)
        .stderr(contains("more than 16 MiB; this is not a CA bundle"));
}

#[test]
fn a_url_with_credentials_is_refused_without_repeating_them() {
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    let host = server.host_with_port();
    for hostname in [
        format!("https://user:SECRET-CANARY@{host}"),
        format!("http://SECRET-CANARY@{host}"),
        format!("SECRET-CANARY:x@{host}"),
        format!("ftp://user:SECRET-CANARY@{host}"),
        format!("https://user:SECRET/CANARY@{host}"),
        format!("https://user:SECRET-CANARY@{host}:notaport/api?x"),
    ] {
        for via_flag in [false, true] {
            let env = TestEnv::server(&server.url());
            let mut cmd = env.command();
            if via_flag {
                cmd.args(["--hostname", &hostname]);
            } else {
                cmd.env("TFE_HOSTNAME", &hostname);
            }
            let out = cmd
                .args(["token", "show", "ot-29t7xkUKiNC2XasL"])
                .output()
                .unwrap();
            let stderr = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{hostname}: {stderr}");
            assert!(
                stderr.contains("user name or password"),
                "{hostname}: {stderr}"
            );
            for typed in ["SECRET", "CANARY", "user:"] {
                assert!(!stderr.contains(typed), "{hostname}: {stderr}");
            }
        }
    }
    any.assert();
}

/// A listener on loopback standing in for a proxy: keeps the request head of every connection
/// it gets and refuses each with 403.
struct FakeProxy {
    url: String,
    seen: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl FakeProxy {
    fn start() -> FakeProxy {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&seen);
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && head.len() < 65536 {
                    match stream.read(&mut byte) {
                        Ok(1) => head.push(byte[0]),
                        _ => break,
                    }
                }
                sink.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&head).into_owned());
                let _ = stream.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
            }
        });
        FakeProxy { url, seen }
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

const PROXY_VARIABLES: [&str; 6] = [
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
];

#[test]
fn a_loopback_host_is_never_sent_through_a_proxy() {
    let proxy = FakeProxy::start();
    let mut server = Server::new();
    let mock = server
        .mock("GET", SHOW_PATH)
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_status(200)
        .with_body(fixture("token_show_response.json").to_string())
        .expect(PROXY_VARIABLES.len() + 1)
        .create();
    // Each variable alone, then all of them together.
    let mut settings: Vec<Vec<&str>> = PROXY_VARIABLES.iter().map(|v| vec![*v]).collect();
    settings.push(PROXY_VARIABLES.to_vec());
    for names in settings {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        for name in &names {
            cmd.env(name, &proxy.url);
        }
        cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .success()
            .stdout(contains("ot-29t7xkUKiNC2XasL"));
        assert_eq!(proxy.seen(), Vec::<String>::new(), "{names:?}");
    }
    mock.assert();
}

#[test]
fn other_hosts_go_through_the_https_proxy_with_connect() {
    // The proxy refuses the tunnel, so nothing leaves the machine; what it saw is the point.
    let proxy = FakeProxy::start();
    for name in ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"] {
        let env = TestEnv::server("tfe.example.invalid");
        let mut cmd = env.command();
        let out = cmd
            .env(name, &proxy.url)
            .args(["--retries", "0", "token", "show", "ot-29t7xkUKiNC2XasL"])
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{name}");
        let seen = proxy.seen();
        let last = seen
            .last()
            .unwrap_or_else(|| panic!("{name}: proxy not used"));
        assert!(
            last.starts_with("CONNECT tfe.example.invalid:443 HTTP/1.1\r\n"),
            "{name}: {last}"
        );
        // The tunnel request carries no credentials: the token only travels inside TLS.
        assert!(!last.contains(TOKEN), "{name}: {last}");
    }
}
