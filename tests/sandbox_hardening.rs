//! The sandbox as a server people leave running (SPEC §9): slow, stalled and idle clients
//! never stop it from serving others, it never loses its listener, kept-alive connections
//! see no added delay, bodies are bounded and read only after the token check, the state
//! file is private and salted, the request log is escaped, `--detach` returns once it
//! listens, and it listens only on loopback, saying what to do when the address is taken.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::json;

fn address(sandbox: &Sandbox) -> String {
    sandbox.url.trim_start_matches("http://").to_string()
}

fn connect(address: &str) -> TcpStream {
    let stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
}

/// Reads one response: its status and body.
fn read_response(reader: &mut BufReader<&TcpStream>) -> (u16, String) {
    let mut status_line = String::new();
    reader.read_line(&mut status_line).unwrap();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {status_line:?}"));
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn get_request(sandbox: &Sandbox, path: &str) -> String {
    format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\n\r\n",
        address(sandbox),
        sandbox.token
    )
}

fn client_list_succeeds(sandbox: &Sandbox) {
    let env = TestEnv::sandbox(sandbox);
    let mut cmd = env.command();
    cmd.args(["--retries", "0", "client", "list", "-o", "json"])
        .assert()
        .success();
}

#[test]
fn stalled_bodies_and_idle_connections_do_not_stop_a_client_list() {
    let sandbox = Sandbox::start(&[]);
    let addr = address(&sandbox);
    let idle: Vec<TcpStream> = (0..200).map(|_| connect(&addr)).collect();
    let stalled_with_token: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = connect(&addr);
            write!(
                s,
                "POST /api/v2/organizations/{}/oauth-clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/vnd.api+json\r\nContent-Length: 100000\r\n\r\n{{",
                sandbox.org, sandbox.token
            )
            .unwrap();
            s
        })
        .collect();
    // Without the token nothing is read: the 401 comes before the body that never will.
    for _ in 0..20 {
        let mut s = connect(&addr);
        write!(
            s,
            "POST /api/v2/organizations/{}/oauth-clients HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.api+json\r\nContent-Length: 100000\r\n\r\n",
            sandbox.org
        )
        .unwrap();
        let (status, _) = read_response(&mut BufReader::new(&s));
        assert_eq!(status, 401);
    }
    client_list_succeeds(&sandbox);
    let reply = sandbox.request("GET", "/api/v2/account/details", None);
    assert_eq!(reply.status, 200);
    drop((idle, stalled_with_token));
}

#[cfg(unix)]
/// Starts the sandbox under `ulimit -n LIMIT`: (process, address, token).
fn start_with_fd_limit(limit: u32) -> (std::process::Child, String, String) {
    let home = TempDir::new();
    let mut child = environment("sh", home.path(), &[])
        .arg("-c")
        .arg(format!(
            "ulimit -n {limit} && exec \"$0\" sandbox --listen 127.0.0.1:0 --token fd-test"
        ))
        .arg(tfvcs_bin())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let address = line
        .trim()
        .strip_prefix("export TFE_HOSTNAME=http://")
        .unwrap()
        .to_string();
    (child, address, "fd-test".into())
}

#[cfg(unix)]
#[test]
fn more_idle_connections_than_file_descriptors_never_kill_the_listener() {
    let (mut child, addr, token) = start_with_fd_limit(64);
    let flood: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(&addr).ok())
        .collect();
    assert!(flood.len() > 64, "the flood got through the backlog");
    // One request on a new connection: its status.
    let account = || {
        let stream = connect(&addr);
        write!(
            &stream,
            "GET /api/v2/account/details HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n"
        )
        .unwrap();
        read_response(&mut BufReader::new(&stream)).0
    };
    for _ in 0..20 {
        assert_eq!(account(), 200, "served while the flood is open");
    }
    drop(flood);
    assert_eq!(account(), 200, "and after it");
    let _ = child.kill();
    let _ = child.wait();
}

/// A benchmark-style check, not a timer race: 200 requests on one kept-alive connection all
/// arrive, and on average each takes far less than the 40 ms a Nagle/delayed-ACK stall adds.
#[test]
fn a_kept_alive_connection_adds_no_delay() {
    let sandbox = Sandbox::start(&[]);
    let stream = connect(&address(&sandbox));
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(&stream);
    let request = get_request(&sandbox, "/api/v2/account/details");
    let started = Instant::now();
    for _ in 0..200 {
        (&stream).write_all(request.as_bytes()).unwrap();
        assert_eq!(read_response(&mut reader).0, 200);
    }
    let average = started.elapsed() / 200;
    assert!(
        average < Duration::from_millis(20),
        "{average:?} per request"
    );
    let logged = logged_when(
        || sandbox.stderr.lock().unwrap().clone(),
        |text| text.matches("GET /api/v2/account/details 200").count() >= 200,
    );
    assert_eq!(
        logged.matches("GET /api/v2/account/details 200").count(),
        200,
        "every request served on the one connection"
    );
}

#[test]
fn bodies_are_bounded_and_may_be_chunked() {
    let sandbox = Sandbox::start(&[]);
    let addr = address(&sandbox);
    let path = format!("/api/v2/organizations/{}/oauth-clients", sandbox.org);
    let stream = connect(&addr);
    write!(
        &stream,
        "POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/vnd.api+json\r\nContent-Length: 2000000\r\n\r\n",
        sandbox.token
    )
    .unwrap();
    assert_eq!(read_response(&mut BufReader::new(&stream)).0, 413);
    let body = json!({"data": {"type": "oauth-clients", "attributes": {
        "service-provider": "github", "http-url": "https://github.com",
        "api-url": "https://api.github.com", "oauth-token-string": "x"}}})
    .to_string();
    let (a, b) = body.split_at(body.len() / 2);
    let stream = connect(&addr);
    write!(
        &stream,
        "POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/vnd.api+json\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
        sandbox.token,
        a.len(),
        b.len()
    )
    .unwrap();
    assert_eq!(read_response(&mut BufReader::new(&stream)).0, 201);
    let stream = connect(&addr);
    (&stream).write_all(b"\x01\x02 not http\r\n\r\n").unwrap();
    assert_eq!(read_response(&mut BufReader::new(&stream)).0, 400);
    assert_eq!(
        sandbox.request("GET", &path, None).status,
        200,
        "still serving"
    );
}

#[test]
fn the_request_log_escapes_control_characters() {
    let sandbox = Sandbox::start(&[]);
    let stream = connect(&address(&sandbox));
    (&stream)
        .write_all(b"GET /api/v2/x\xc2\x9b31mfake\xe2\x80\xaeevil HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    assert_eq!(read_response(&mut BufReader::new(&stream)).0, 401);
    let logged = logged_when(
        || sandbox.stderr.lock().unwrap().clone(),
        |text| text.contains(" 401"),
    );
    assert!(
        logged.contains("/api/v2/x\\u{9b}31mfake\\u{202e}evil 401"),
        "{logged}"
    );
    assert!(!logged.contains('\u{9b}') && !logged.contains('\u{202e}'));
}

#[test]
fn the_state_file_is_private_salted_and_cleaned_of_stale_temporaries() {
    let dir = TempDir::new();
    let stale = dir.path().join(".state.json.99999.tmp");
    std::fs::write(&stale, "left by a kill -9").unwrap();
    let pat = "pat-SALT-CANARY";
    let mut digests = Vec::new();
    for name in ["state.json", "other.json"] {
        let state = dir.path().join(name);
        let mut sandbox = Sandbox::start(&["--state", state.to_str().unwrap()]);
        let body = json!({"data": {"type": "oauth-clients", "attributes": {
            "service-provider": "github", "http-url": "https://github.com",
            "api-url": "https://api.github.com", "oauth-token-string": pat}}});
        let path = format!("/api/v2/organizations/{}/oauth-clients", sandbox.org);
        assert_eq!(sandbox.request("POST", &path, Some(&body)).status, 201);
        sandbox.kill();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&state).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
        let text = std::fs::read_to_string(&state).unwrap();
        assert!(!text.contains(pat));
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(doc["salt"].as_str().unwrap().len() >= 32);
        let digest = doc["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|c| c["row"]["pat_digest"].as_str())
            .unwrap()
            .to_string();
        assert!(
            digest.starts_with("sha256:") && digest.len() == 7 + 64,
            "{digest}"
        );
        digests.push(digest);
    }
    assert_ne!(
        digests[0], digests[1],
        "the same PAT, a different salt per state file"
    );
    assert!(
        !stale.exists(),
        "stale temporary files are removed at start"
    );
}

#[test]
fn five_hundred_creates_with_state_are_each_kept_after_kill_9() {
    let dir = TempDir::new();
    let state = dir.path().join("state.json");
    let args = ["--state", state.to_str().unwrap(), "--token", "t"];
    let mut first = Sandbox::start(&args);
    let path = format!("/api/v2/organizations/{}/workspaces", first.org);
    for i in 0..500 {
        let body = json!({"data": {"type": "workspaces", "attributes": {"name": format!("w{i}")}}});
        assert_eq!(first.request("POST", &path, Some(&body)).status, 201);
    }
    first.kill();
    let second = Sandbox::start(&args);
    let listed = second.request("GET", &format!("{path}?page%5Bsize%5D=1"), None);
    assert_eq!(listed.body["meta"]["pagination"]["total-count"], 500);
}

#[cfg(unix)]
#[test]
fn a_second_sandbox_on_the_same_state_file_exits_naming_the_first_and_touches_nothing() {
    use std::os::unix::fs::MetadataExt;
    let dir = TempDir::new();
    let state = dir.path().join("state.json");
    let args = ["--state", state.to_str().unwrap(), "--token", "t"];
    let mut first = Sandbox::start(&args);
    let inode = std::fs::metadata(&state).unwrap().ino();
    // Even one that would then fail to listen (the first's address) must not get that far.
    for listen in [address(&first), "127.0.0.1:0".to_string()] {
        let out = TestEnv::bare()
            .command()
            .args(["sandbox", "--listen", &listen])
            .args(args)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let stderr = stderr_of(&out);
        assert!(
            stderr.contains(&format!(
                "{} is in use by another sandbox (pid {})",
                state.display(),
                first.child.id()
            )),
            "{stderr}"
        );
        assert!(stdout_of(&out).is_empty(), "no export lines");
    }
    assert_eq!(
        std::fs::metadata(&state).unwrap().ino(),
        inode,
        "the state file was not replaced"
    );
    // What the first acknowledges after that lands in the file a restart reads.
    let path = format!("/api/v2/organizations/{}/workspaces", first.org);
    let body = json!({"data": {"type": "workspaces", "attributes": {"name": "kept"}}});
    assert_eq!(first.request("POST", &path, Some(&body)).status, 201);
    first.kill();
    let second = Sandbox::start(&args);
    let listed = second.request("GET", &path, None);
    assert_eq!(listed.body["data"][0]["attributes"]["name"], "kept");
}

#[cfg(unix)]
#[test]
fn detach_returns_once_listening_with_the_pid_and_logs_to_a_file() {
    let dir = TempDir::new();
    let log = dir.path().join("sandbox.log");
    let env = TestEnv::bare();
    let mut cmd = env.command();
    let out = cmd
        .args(["sandbox", "--detach", "--listen", "127.0.0.1:0", "--log"])
        .arg(&log)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let stdout = stdout_of(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("export TFE_HOSTNAME=http://127.0.0.1:"));
    assert!(lines[1].starts_with("export TFE_TOKEN="));
    assert_eq!(lines[2], "export TFE_ORGANIZATION=sandbox");
    let pid: i32 = lines[3]
        .strip_prefix("export TFVCS_SANDBOX_PID=")
        .unwrap()
        .parse()
        .unwrap();
    let url = lines[0].strip_prefix("export TFE_HOSTNAME=").unwrap();
    let token = lines[1].strip_prefix("export TFE_TOKEN=").unwrap();
    // Listening already: no sleep, no retry.
    let reply = http(
        "GET",
        &format!("{url}/api/v2/account/details"),
        Some(token),
        None,
        None,
    );
    assert_eq!(reply.status, 200);
    let logged = logged_when(
        || std::fs::read_to_string(&log).unwrap_or_default(),
        |text| text.contains(" 200 "),
    );
    assert!(
        logged.contains("GET /api/v2/account/details 200"),
        "{logged}"
    );
    assert!(!logged.contains(token));
    // SAFETY: kill only sends a signal to the process the sandbox started.
    unsafe {
        libc::kill(pid, libc::SIGTERM);
    }
}

/// A second sandbox on a taken port fails, in the foreground and through `--detach` alike,
/// with the two ways out.
#[test]
fn an_address_in_use_is_exit_1_with_the_ways_out_also_through_detach() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let listen = taken.local_addr().unwrap().to_string();
    let detach: &[&str] = if cfg!(unix) { &["--detach"] } else { &[] };
    for extra in [&[][..], detach] {
        let env = TestEnv::bare();
        let mut cmd = env.command();
        let out = cmd
            .args(["sandbox", "--listen", &listen])
            .args(extra)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {stderr}");
        assert!(
            stderr.contains(&format!("error: cannot listen on {listen}: ")),
            "{stderr}"
        );
        assert!(
            stderr.contains("hint: something already listens there, such as a sandbox started earlier: pick a free port with --listen 127.0.0.1:0, or stop that sandbox"),
            "{extra:?}: {stderr}"
        );
        assert!(stdout_of(&out).is_empty());
    }
}

/// The sandbox's token and data are for this machine: an address other machines reach is
/// refused before anything listens (it used to bind every interface and print 127.0.0.1).
#[test]
fn a_listen_address_that_is_not_loopback_is_refused_with_exit_2() {
    for listen in ["0.0.0.0:0", "[::]:0"] {
        for detach in [false, true] {
            let env = TestEnv::bare();
            let mut cmd = env.command();
            cmd.args(["sandbox", "--listen", listen]);
            if detach {
                cmd.arg("--detach");
            }
            let out = cmd.timeout(Duration::from_secs(30)).output().unwrap();
            let stderr = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{listen}: {stderr}");
            assert!(stderr.contains("error: refusing to listen on "), "{stderr}");
            assert!(stderr.contains("for this machine only"), "{stderr}");
            assert!(
                stderr.contains("hint: give a loopback host:port"),
                "{stderr}"
            );
            assert!(stdout_of(&out).is_empty(), "{listen}");
        }
    }
}

#[cfg(unix)]
#[test]
fn detach_export_lines_are_shell_quoted_whatever_the_token_holds() {
    for token in ["x;echo${IFS}INJECTED", "a\"b", "it's`id`$(id)", "p|q&r>s"] {
        let home = TempDir::new();
        let out = environment("sh", home.path(), &[("T", token.to_string())])
            .arg("-c")
            .arg(
                "eval \"$(\"$0\" sandbox --detach --listen 127.0.0.1:0 --token \"$T\")\" || exit 9
                 kill \"$TFVCS_SANDBOX_PID\" || exit 8
                 printf '%s' \"$TFE_TOKEN\"",
            )
            .arg(tfvcs_bin())
            .output()
            .unwrap();
        assert!(out.status.success(), "{token}: {}", stderr_of(&out));
        assert_eq!(stdout_of(&out), token, "the token comes back as given");
    }
}

#[test]
fn a_deeply_nested_body_is_refused_and_the_server_stays_up() {
    let sandbox = Sandbox::start(&[]);
    let path = format!("/api/v2/organizations/{}/workspaces", sandbox.org);
    for deep in [
        format!("{}{}", "[".repeat(127), "]".repeat(127)),
        format!("{}1{}", "{\"a\":".repeat(127), "}".repeat(127)),
    ] {
        let stream = connect(&address(&sandbox));
        write!(
            &stream,
            "POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/vnd.api+json\r\nContent-Length: {}\r\n\r\n{deep}",
            sandbox.token,
            deep.len()
        )
        .unwrap();
        assert_eq!(read_response(&mut BufReader::new(&stream)).0, 400);
    }
    assert_eq!(sandbox.request("GET", &path, None).status, 200);
}

/// Writes `request` on a new connection: the status of the answer, and whether the sandbox
/// then closed the connection (nothing more is read from it).
fn answer_then_closed(addr: &str, request: &[u8]) -> (u16, bool) {
    let stream = connect(addr);
    (&stream).write_all(request).unwrap();
    let mut reader = BufReader::new(&stream);
    let (status, _) = read_response(&mut reader);
    let mut rest = Vec::new();
    let closed = reader.read_to_end(&mut rest).is_ok() && rest.is_empty();
    (status, closed)
}

#[cfg(unix)]
#[test]
fn chunk_sizes_near_two_to_the_64_are_refused_and_never_leak_a_connection_slot() {
    // 72 descriptors: a cap of 8 connections, so a leaked slot per request would show at once.
    let (mut child, addr, token) = start_with_fd_limit(72);
    let post = format!(
        "POST /api/v2/organizations/sandbox/oauth-clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/vnd.api+json\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    for _ in 0..20 {
        let request = format!("{post}1\r\n{{\r\nffffffffffffffff\r\n");
        assert_eq!(
            answer_then_closed(&addr, request.as_bytes()),
            (413, true),
            "a chunk past the body limit"
        );
    }
    let request = format!("{post}1ffffffffffffffff\r\n");
    assert_eq!(
        answer_then_closed(&addr, request.as_bytes()),
        (400, true),
        "a size that does not fit in a number"
    );
    let request = format!("{post}+1\r\n{{\r\n");
    assert_eq!(answer_then_closed(&addr, request.as_bytes()).0, 400);
    let ping = format!(
        "GET /api/v2/account/details HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    assert_eq!(
        answer_then_closed(&addr, ping.as_bytes()),
        (200, true),
        "every slot was given back"
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// Stalled bodies (the head sent with the token, the body never) past the connection cap do
/// not shut others out: a connection waiting for its body is closed to make room like an idle
/// one, rather than holding its slot until its 10 s deadline.
#[cfg(unix)]
#[test]
fn stalled_bodies_past_the_connection_cap_do_not_shut_others_out() {
    // 72 descriptors: a cap of 8 connections.
    let (mut child, addr, token) = start_with_fd_limit(72);
    let stalled: Vec<TcpStream> = (0..12)
        .map(|_| {
            let stream = connect(&addr);
            write!(
                &stream,
                "POST /api/v2/organizations/sandbox/oauth-clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/vnd.api+json\r\nContent-Length: 100000\r\n\r\n{{"
            )
            .unwrap();
            // Let the sandbox read the head, so the connection is waiting for its body.
            std::thread::sleep(Duration::from_millis(50));
            stream
        })
        .collect();
    let ping = format!(
        "GET /api/v2/account/details HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    for _ in 0..5 {
        assert_eq!(answer_then_closed(&addr, ping.as_bytes()), (200, true));
    }
    drop(stalled);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_body_framed_two_ways_is_refused_and_its_connection_closed() {
    let sandbox = Sandbox::start(&[]);
    let addr = address(&sandbox);
    let head = format!(
        "POST /api/v2/organizations/{}/oauth-clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/vnd.api+json\r\n",
        sandbox.org, sandbox.token
    );
    // What follows the head would be a second request to a server that read the other framing.
    let smuggled = get_request(&sandbox, "/api/v2/account/details");
    for framing in [
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        "Content-Length: 5\r\nContent-Length: 0\r\n",
        "Content-Length: 5, 0\r\n",
        "Content-Length: +5\r\n",
        "Transfer-Encoding: gzip\r\n",
    ] {
        let request = format!("{head}{framing}\r\n0\r\n\r\n{smuggled}");
        assert_eq!(
            answer_then_closed(&addr, request.as_bytes()),
            (400, true),
            "{framing:?}"
        );
    }
    // The same length twice is one framing (RFC 9112 allows it).
    let request = format!(
        "GET /api/v2/account/details HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Length: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        sandbox.token
    );
    assert_eq!(answer_then_closed(&addr, request.as_bytes()), (200, true));
    let logged = logged_when(
        || sandbox.stderr.lock().unwrap().clone(),
        |text| text.contains("GET /api/v2/account/details 200"),
    );
    assert_eq!(
        logged.matches("GET /api/v2/account/details").count(),
        1,
        "no smuggled request was served: {logged}"
    );
}
