//! The sandbox's data: OAuth clients, OAuth tokens and projects of one organization, with the
//! random source for ids, and persistence to a JSON file written atomically after each change.
//! Write-only values (PATs, secrets, keys) are kept only as digests, never in clear.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Client {
    pub id: String,
    pub name: Option<String>,
    pub service_provider: String,
    pub http_url: String,
    pub api_url: String,
    pub key: Option<String>,
    pub rsa_public_key: Option<String>,
    pub organization_scoped: bool,
    pub created_at: String,
    pub uuid: String,
    pub projects: Vec<String>,
    pub agent_pool: Option<String>,
    /// Digests of the write-only `secret` and `private-key`.
    pub secret_digest: Option<String>,
    pub private_key_digest: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Token {
    pub id: String,
    pub client_id: String,
    pub created_at: String,
    pub service_provider_user: String,
    pub pat_digest: String,
    pub ssh_key_digest: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    pub clients: Vec<Client>,
    pub tokens: Vec<Token>,
    pub projects: Vec<Project>,
}

impl State {
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.id == id)
    }

    pub fn client_mut(&mut self, id: &str) -> Option<&mut Client> {
        self.clients.iter_mut().find(|c| c.id == id)
    }

    pub fn tokens_of<'a>(&'a self, client_id: &'a str) -> impl Iterator<Item = &'a Token> + 'a {
        self.tokens.iter().filter(move |t| t.client_id == client_id)
    }

    pub fn has_project(&self, id: &str) -> bool {
        self.projects.iter().any(|p| p.id == id)
    }

    fn id_taken(&self, id: &str) -> bool {
        self.clients.iter().any(|c| c.id == id)
            || self.tokens.iter().any(|t| t.id == id)
            || self.has_project(id)
    }
}

/// splitmix64: small, fast, reproducible from `--seed`. Not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// Seeded from the clock, the process id and an address, for runs without `--seed`.
    pub fn from_entropy() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0) as u64;
        let local = 0u8;
        let address = &local as *const u8 as u64;
        Rng(nanos ^ (u64::from(std::process::id()) << 32) ^ address.rotate_left(17))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn alphanumeric(&mut self, len: usize) -> String {
        const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        (0..len)
            .map(|_| CHARS[(self.next_u64() % CHARS.len() as u64) as usize] as char)
            .collect()
    }

    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            ((b >> 48) & 0x3fff) | 0x8000,
            b & 0xffff_ffff_ffff
        )
    }
}

/// A one-way digest of a write-only value (FNV-1a, 64 bits): enough to tell values apart,
/// useless for recovering them.
pub fn digest(value: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in value.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// Now, as TFE writes timestamps: `2018-04-16T20:42:53.771Z`.
pub fn now_rfc3339() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    rfc3339(since.as_secs() as i64, since.subsec_millis())
}

fn rfc3339(secs: i64, millis: u32) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The state, its random source, and where it persists.
pub struct Store {
    pub state: State,
    pub rng: Rng,
    path: Option<PathBuf>,
}

impl Store {
    /// Loads `path` if it exists; a new organization gets its "Default Project".
    pub fn open(path: Option<PathBuf>, rng: Rng) -> Result<Store, String> {
        let state = match &path {
            Some(p) if p.exists() => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                serde_json::from_str(&text).map_err(|e| {
                    format!(
                        "{} is not a sandbox state file (line {}, column {})",
                        p.display(),
                        e.line(),
                        e.column()
                    )
                })?
            }
            _ => State::default(),
        };
        let mut store = Store { state, rng, path };
        if store.state.projects.is_empty() {
            let id = store.new_id("prj-");
            store.state.projects.push(Project {
                id,
                name: "Default Project".into(),
                created_at: now_rfc3339(),
            });
            store.save()?;
        }
        Ok(store)
    }

    /// A fresh TFE-shaped id: the prefix and 16 alphanumerics.
    pub fn new_id(&mut self, prefix: &str) -> String {
        loop {
            let id = format!("{prefix}{}", self.rng.alphanumeric(16));
            if !self.state.id_taken(&id) {
                return id;
            }
        }
    }

    /// Writes the state to its file, if any: a temporary file beside it, flushed to disk,
    /// then renamed over it, so a kill at any moment leaves the old or the new state whole.
    pub fn save(&self) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        write_atomically(
            path,
            &serde_json::to_vec_pretty(&self.state).expect("state serialises"),
        )
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("state");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc_with_millis() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_523_911_373, 771), "2018-04-16T20:42:53.771Z");
        assert_eq!(rfc3339(951_782_400, 5), "2000-02-29T00:00:00.005Z");
    }

    #[test]
    fn ids_are_tfe_shaped_and_reproducible_from_a_seed() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let id = a.alphanumeric(16);
        assert_eq!(id, b.alphanumeric(16));
        assert_eq!(id.len(), 16);
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()));
    }

    #[test]
    fn digests_differ_and_hide_the_value() {
        assert_ne!(digest("a"), digest("b"));
        assert!(!digest("canary-value").contains("canary"));
    }
}
