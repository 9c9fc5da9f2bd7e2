//! Shared test helpers: a `tfvcs()` command whose environment holds nothing of the developer's
//! (no TFE_* or TF_TOKEN_* variables, no proxies, HOME in a fresh temporary folder), fixtures
//! from the documented samples, and JSON:API list documents.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use assert_cmd::Command;
use serde_json::{Value, json};

pub const TOKEN: &str = "api-token-CANARY-1f3a";
pub const ORG: &str = "my-organization";

/// A temporary folder removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "tfvcs-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `name` with `contents` (mode 0600 on Unix) and returns its path.
    pub fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The binary with an empty environment but `PATH` and a temporary `HOME` (kept alive by the
/// returned `TempDir`), so no real credentials, proxies or settings are ever read.
pub fn tfvcs_bare() -> (Command, TempDir) {
    let home = TempDir::new();
    let mut cmd = Command::cargo_bin("tfvcs").unwrap();
    cmd.env_clear();
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd.env("HOME", home.path());
    (cmd, home)
}

/// The binary pointed at `url` with the test token and organization.
pub fn tfvcs(url: &str) -> (Command, TempDir) {
    let (mut cmd, home) = tfvcs_bare();
    cmd.env("TFE_HOSTNAME", url)
        .env("TFE_TOKEN", TOKEN)
        .env("TFE_ORGANIZATION", ORG);
    (cmd, home)
}

/// The same as `tfvcs`, as a `std::process::Command` (for pipes and processes left running).
pub fn tfvcs_process(url: &str) -> (std::process::Command, TempDir) {
    let home = TempDir::new();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("tfvcs"));
    cmd.env_clear();
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd.env("HOME", home.path())
        .env("TFE_HOSTNAME", url)
        .env("TFE_TOKEN", TOKEN)
        .env("TFE_ORGANIZATION", ORG);
    (cmd, home)
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
