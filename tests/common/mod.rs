//! Shared test helpers: a [`TestEnv`] whose commands hold nothing of the developer's
//! environment (no TFE_* or TF_TOKEN_* variables, no proxies, HOME in a fresh temporary
//! folder), the sandbox started the same way, fixtures from the documented samples, and
//! JSON:API list documents.
#![allow(dead_code)]

pub mod scripted;
pub mod tls;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Value, json};

pub const TOKEN: &str = "api-token-CANARY-1f3a";
pub const ORG: &str = "my-organization";

/// A temporary folder removed on drop, with a helper to write private files into it.
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    pub fn new() -> Self {
        TempDir(
            tempfile::Builder::new()
                .prefix("tfvcs-test-")
                .tempdir()
                .unwrap(),
        )
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// Writes `name` with `contents` (mode 0600 on Unix) and returns its path.
    pub fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, contents).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        path
    }
}

/// The environment every tfvcs process of the tests gets, and nothing else: `PATH`, a fresh
/// `HOME` (so no real credentials, proxies or settings are read), a retry backoff of
/// milliseconds instead of seconds (`TFVCS_BACKOFF_BASE_MS`), so retry tests count requests
/// without sleeping, then `vars`. Every process a test starts (tfvcs commands and the sandbox)
/// is built here; `program` is tfvcs itself or a shell that runs it.
pub fn environment(
    program: impl AsRef<std::ffi::OsStr>,
    home: &Path,
    vars: &[(&str, String)],
) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.env_clear()
        .env("HOME", home)
        .env("TFVCS_BACKOFF_BASE_MS", "1");
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd.envs(vars.iter().map(|(k, v)| (k, v)));
    cmd
}

/// The tfvcs binary under test.
pub fn tfvcs_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tfvcs")
}

/// One test's tfvcs: its own `HOME`, and the server it talks to (if any); each command it
/// builds gets [`environment`].
pub struct TestEnv {
    home: TempDir,
    vars: Vec<(&'static str, String)>,
}

/// What a finished tfvcs process returned.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl TestEnv {
    /// No server: the bare environment.
    pub fn bare() -> TestEnv {
        TestEnv {
            home: TempDir::new(),
            vars: Vec::new(),
        }
    }

    /// Pointed at `url` with the test token and organization.
    pub fn server(url: &str) -> TestEnv {
        TestEnv::with(url, TOKEN, ORG)
    }

    /// Pointed at `sandbox`, as its export lines say.
    pub fn sandbox(sandbox: &Sandbox) -> TestEnv {
        TestEnv::with(&sandbox.url, &sandbox.token, &sandbox.org)
    }

    fn with(url: &str, token: &str, org: &str) -> TestEnv {
        TestEnv {
            home: TempDir::new(),
            vars: vec![
                ("TFE_HOSTNAME", url.to_string()),
                ("TFE_TOKEN", token.to_string()),
                ("TFE_ORGANIZATION", org.to_string()),
            ],
        }
    }

    /// The `HOME` of every command of this environment.
    pub fn home(&self) -> &TempDir {
        &self.home
    }

    /// tfvcs as an `assert_cmd` command.
    pub fn command(&self) -> Command {
        Command::from_std(self.process())
    }

    /// tfvcs as a `std::process::Command` (for pipes and processes left running).
    pub fn process(&self) -> std::process::Command {
        environment(tfvcs_bin(), self.home.path(), &self.vars)
    }

    /// Runs tfvcs with `args` and no stdin.
    #[must_use]
    pub fn run(&self, args: &[&str]) -> Run {
        let out = self.command().args(args).output().unwrap();
        Run {
            code: out.status.code(),
            stdout: stdout_of(&out),
            stderr: stderr_of(&out),
        }
    }
}

/// A loopback port nothing listens on (bound, then released).
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A documented sample from `tests/fixtures/`.
pub fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A list document with TFE's `meta.pagination` for `page` of `total_pages`.
pub fn page(items: Vec<Value>, page: u64, total_pages: u64, total_count: u64) -> String {
    let next = if page < total_pages {
        json!(page + 1)
    } else {
        Value::Null
    };
    let prev = if page > 1 {
        json!(page - 1)
    } else {
        Value::Null
    };
    json!({
        "data": items,
        "links": {},
        "meta": {"pagination": {"current-page": page, "page-size": 100, "prev-page": prev,
                                "next-page": next, "total-pages": total_pages, "total-count": total_count}}
    })
    .to_string()
}

/// An OAuth client resource like the documented sample, with this id, name and token.
pub fn client_resource(id: &str, name: Option<&str>, token: Option<&str>) -> Value {
    let mut client = fixture("client_create_response.json")["data"].clone();
    client["id"] = json!(id);
    if let Some(name) = name {
        client["attributes"]["name"] = json!(name);
    }
    if let Some(token) = token {
        client["relationships"]["oauth-tokens"]["data"] =
            json!([{"id": token, "type": "oauth-tokens"}]);
    }
    client
}

/// The query string tfvcs sends for page `n` of a list.
pub fn page_query(prefix: &str, n: u64) -> String {
    format!("{prefix}page%5Bsize%5D=100&page%5Bnumber%5D={n}")
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A `tfvcs sandbox` process on a free loopback port, killed when dropped.
pub struct Sandbox {
    pub child: std::process::Child,
    pub url: String,
    pub token: String,
    pub org: String,
    /// Everything the sandbox wrote on stderr, gathered by a thread.
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
    _home: TempDir,
}

impl Sandbox {
    /// Starts `tfvcs sandbox --listen 127.0.0.1:0` with `extra` options and reads its three
    /// export lines.
    pub fn start(extra: &[&str]) -> Sandbox {
        use std::io::{BufRead, BufReader, Read};
        let home = TempDir::new();
        let mut child = environment(tfvcs_bin(), home.path(), &[])
            .args(["sandbox", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut exports = Vec::new();
        for _ in 0..3 {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            exports.push(line.trim_end().to_string());
        }
        let value = |name: &str| {
            exports
                .iter()
                .find_map(|l| l.strip_prefix(&format!("export {name}=")))
                .unwrap_or_else(|| panic!("no {name} in {exports:?}"))
                .to_string()
        };
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = std::sync::Arc::clone(&stderr);
        let mut pipe = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Sandbox {
            _home: home,
            url: value("TFE_HOSTNAME"),
            token: value("TFE_TOKEN"),
            org: value("TFE_ORGANIZATION"),
            child,
            stderr,
        }
    }

    /// A raw request to the sandbox: status, headers of interest and JSON body.
    pub fn request(&self, method: &str, path: &str, body: Option<&Value>) -> Http {
        http(
            method,
            &format!("{}{path}", self.url),
            Some(&self.token),
            body,
            Some("application/vnd.api+json"),
        )
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.kill();
    }
}

/// What a raw HTTP exchange returned.
#[derive(Debug)]
pub struct Http {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
}

impl Http {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP request with ureq, statuses returned rather than turned into errors.
pub fn http(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<&Value>,
    content_type: Option<&str>,
) -> Http {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .build()
        .into();
    let mut request = ureq::http::Request::builder().method(method).uri(url);
    if let Some(token) = token {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    if let Some(ct) = content_type {
        request = request.header("Content-Type", ct);
    }
    let bytes = body
        .map(|b| serde_json::to_vec(b).unwrap())
        .unwrap_or_default();
    let mut response = agent.run(request.body(bytes).unwrap()).unwrap();
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    Http {
        status,
        headers,
        body,
    }
}

/// A pseudo-terminal pair: tfvcs gets the terminal end as stdin, stdout and stderr (so it
/// prompts), the test keeps the other end to type and read.
#[cfg(unix)]
pub fn open_pty() -> (std::fs::File, std::fs::File) {
    use std::os::fd::FromRawFd;
    let (mut controller, mut terminal) = (0, 0);
    // SAFETY: openpty writes two new descriptors into the pointers given.
    let rc = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors are fresh and owned by nothing else.
    unsafe {
        (
            std::fs::File::from_raw_fd(controller),
            std::fs::File::from_raw_fd(terminal),
        )
    }
}

/// Runs `cmd` on a pseudo-terminal of its own session (as a shell would), types `answer` once
/// `question` is shown, and returns its exit code and everything it wrote (line ends as `\n`).
#[cfg(unix)]
pub fn answer_on_terminal(
    cmd: std::process::Command,
    question: &str,
    answer: &[u8],
) -> (Option<i32>, String) {
    answer_on_terminal_after(cmd, question, || {}, answer)
}

/// As [`answer_on_terminal`], running `meanwhile` while the question waits for its answer (a
/// slow confirmation, during which the world changes).
#[cfg(unix)]
pub fn answer_on_terminal_after(
    mut cmd: std::process::Command,
    question: &str,
    meanwhile: impl FnOnce(),
    answer: &[u8],
) -> (Option<i32>, String) {
    use std::io::{Read, Write};
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    let (mut controller, terminal) = open_pty();
    cmd.stdin(Stdio::from(terminal.try_clone().unwrap()))
        .stdout(Stdio::from(terminal.try_clone().unwrap()))
        .stderr(Stdio::from(terminal));
    // SAFETY: setsid and ioctl are async-signal-safe; the child gets a session of its own,
    // with the terminal as its controlling terminal (so Ctrl-C typed there is a SIGINT).
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY as _, 0);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    let (asked_tx, asked_rx) = std::sync::mpsc::channel();
    let question = question.to_string();
    let reader = {
        let mut controller = controller.try_clone().unwrap();
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            let mut buf = [0u8; 4096];
            // Ends with EIO once the child has gone and the terminal end is closed.
            while let Ok(n) = controller.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.extend_from_slice(&buf[..n]);
                if String::from_utf8_lossy(&seen).contains(&question) {
                    let _ = asked_tx.send(());
                }
            }
            String::from_utf8_lossy(&seen).into_owned()
        })
    };
    if asked_rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .is_ok()
    {
        meanwhile();
        controller.write_all(answer).unwrap();
    }
    let status = child.wait().unwrap();
    drop(controller);
    let seen = reader.join().unwrap();
    (status.code(), seen.replace("\r\n", "\n"))
}

/// What `read` returns once `done` holds of it, waiting up to 10 s: a log line is written
/// just after its response, so a client can read the response first.
pub fn logged_when(read: impl Fn() -> String, done: impl Fn(&str) -> bool) -> String {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let text = read();
        if done(&text) || std::time::Instant::now() > until {
            return text;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Runs `cmd` with only stderr on a new pseudo-terminal (stdout stays a pipe, as in
/// `tfvcs … -o id | …`); returns everything the terminal showed and the process's output.
#[cfg(unix)]
pub fn stderr_on_terminal(mut cmd: std::process::Command) -> (String, std::process::Output) {
    use std::io::Read;
    let (mut controller, terminal) = open_pty();
    let child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::from(terminal))
        .spawn()
        .unwrap();
    // Drop our copy of the terminal end (held by the Command), so reading the controller ends
    // (EIO on Linux) once the child exits.
    drop(cmd);
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = controller.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&seen).into_owned()
    });
    let out = child.wait_with_output().unwrap();
    (reader.join().unwrap(), out)
}
