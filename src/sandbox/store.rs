//! The sandbox's data and its changes: the tables, the random source for ids, the salt for
//! digests of write-only values, and changes made as transactions — a handler puts and
//! removes rows, then commits; a commit whose state write fails is rolled back whole, so
//! nothing the client was told failed stays in memory.

use std::path::PathBuf;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::journal::{self, Journal};
use super::random::{Rng, hex, os_random};
use super::rows::{Installation, Project};
use super::table::{Row, Tables};
use crate::shared::clock::now_rfc3339;

/// A change not yet committed: what to write, and how to undo it in memory.
struct Pending {
    /// What the state file gets (none when the sandbox keeps no state file).
    record: Option<Value>,
    undo: Box<dyn FnOnce(&mut Tables) + Send + Sync>,
}

pub(crate) struct Store {
    pub(crate) tables: Tables,
    pub(crate) rng: Rng,
    salt: String,
    journal: Option<Journal>,
    pending: Vec<Pending>,
    /// Held while the sandbox runs: no other sandbox may use the same state file.
    _state_lock: Option<std::fs::File>,
}

impl Store {
    /// Locks `path` against other sandboxes, loads it if it exists (removing temporary files a
    /// killed sandbox left), rewrites it whole, and gives a new organization its "Default Project" and GitHub App installation.
    pub(crate) fn open(path: Option<PathBuf>, rng: Rng) -> Result<Store, String> {
        let state_lock = path.as_deref().map(super::state_lock::lock).transpose()?;
        let loaded = match &path {
            Some(p) => {
                journal::remove_stale_temporaries(p);
                journal::load(p)?
            }
            None => None,
        };
        let (salt, tables) = match loaded {
            Some(l) => (l.salt, l.tables),
            None => (hex(&os_random::<16>()), Tables::default()),
        };
        let mut store = Store {
            tables,
            rng,
            salt,
            journal: None,
            pending: Vec::new(),
            _state_lock: state_lock,
        };
        if store.tables.projects.len() == 0 {
            let id = store.new_id::<Project>("prj-");
            store.tables.put(Project {
                id,
                name: "Default Project".into(),
                description: None,
                created_at: now_rfc3339(),
            });
        }
        if store.tables.installations.len() == 0 {
            let id = store.new_id::<Installation>("ghain-");
            let number = 10_000_000 + store.rng.next_u64() % 90_000_000;
            store.tables.put(Installation {
                id,
                installation_id: number,
                name: "sandbox-github-org".into(),
                installation_type: "Organization".into(),
                installation_url: format!("https://github.com/settings/installations/{number}"),
            });
        }
        if let Some(p) = &path {
            store.persist(p)?;
        }
        Ok(store)
    }

    /// From now on keeps the tables in the state file `path`: written whole now, each
    /// committed change appended after.
    pub(crate) fn persist(&mut self, path: &std::path::Path) -> Result<(), String> {
        self.journal = Some(Journal::rewrite(path, &self.salt, &self.tables)?);
        Ok(())
    }

    /// A fresh TFE-shaped id for a row of `T`: the prefix and 16 alphanumerics. (Each kind
    /// has its own prefix, so ids cannot collide across kinds.)
    pub(crate) fn new_id<T: Row>(&mut self, prefix: &str) -> String {
        loop {
            let id = format!("{prefix}{}", self.rng.alphanumeric(16));
            if !self.tables.id_taken::<T>(&id) {
                return id;
            }
        }
    }

    /// A salted SHA-256 digest of a write-only value: enough to tell values apart, useless
    /// for recovering them or for checking guesses without the salt.
    pub(crate) fn digest(&self, value: &str) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.salt.as_bytes());
        hasher.update([0u8]);
        hasher.update(value.as_bytes());
        format!("sha256:{}", hex(&hasher.finalize()))
    }

    /// Inserts or replaces a row, as part of the transaction.
    pub(crate) fn put<T: Row>(&mut self, row: T) {
        let record = self.journal.is_some().then(|| journal::put_record(&row));
        let id = row.id().to_string();
        let undo: Box<dyn FnOnce(&mut Tables) + Send + Sync> = match self.tables.put(row) {
            Some(old) => Box::new(move |t: &mut Tables| {
                t.put(old);
            }),
            None => Box::new(move |t: &mut Tables| {
                t.remove::<T>(&id);
            }),
        };
        self.pending.push(Pending { record, undo });
    }

    /// Removes a row, as part of the transaction; the row, if there was one.
    pub(crate) fn remove<T: Row>(&mut self, id: &str) -> Option<T> {
        let (seq, row) = self.tables.remove::<T>(id)?;
        let kept = row.clone();
        self.pending.push(Pending {
            record: self
                .journal
                .is_some()
                .then(|| journal::delete_record::<T>(id)),
            undo: Box::new(move |t: &mut Tables| t.restore(seq, kept)),
        });
        Some(row)
    }

    /// Writes the transaction's changes (when persisting); on failure undoes them in memory.
    pub(crate) fn commit(&mut self) -> Result<(), String> {
        let Some(journal) = &mut self.journal else {
            self.pending.clear();
            return Ok(());
        };
        if self.pending.is_empty() {
            return Ok(());
        }
        let records: Vec<Value> = self
            .pending
            .iter_mut()
            .filter_map(|p| p.record.take())
            .collect();
        if let Err(e) = journal.append(&records) {
            self.rollback();
            return Err(e);
        }
        self.pending.clear();
        if journal.wants_rewrite(&self.tables) {
            match Journal::rewrite(journal.path(), &self.salt, &self.tables) {
                Ok(fresh) => *journal = fresh,
                // The appended file is still whole and current: keep appending to it.
                Err(e) => eprintln!("sandbox: {e}"),
            }
        }
        Ok(())
    }

    /// Makes every later state write fail, as a full disk would.
    #[cfg(test)]
    pub(crate) fn fail_state_writes(&mut self) {
        self.journal.as_mut().expect("a state file").fail_appends();
    }

    /// Undoes every uncommitted change, newest first.
    pub(crate) fn rollback(&mut self) {
        while let Some(pending) = self.pending.pop() {
            (pending.undo)(&mut self.tables);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_salted_and_hide_the_value() {
        let a = Store::open(None, Rng::new(1)).unwrap();
        let b = Store::open(None, Rng::new(1)).unwrap();
        assert_ne!(a.digest("a"), a.digest("b"));
        assert_ne!(a.digest("a"), b.digest("a"), "a salt per store");
        assert!(a.digest("canary-value").starts_with("sha256:"));
        assert!(!a.digest("canary-value").contains("canary"));
    }

    #[test]
    fn a_failed_state_write_rolls_the_change_back() {
        let dir = std::env::temp_dir().join(format!("tfvcs-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let _ = std::fs::remove_file(&path);
        let mut store = Store::open(Some(path.clone()), Rng::new(3)).unwrap();
        let before = std::fs::read(&path).unwrap();
        store.fail_state_writes();
        store.put(Project {
            id: "prj-new".into(),
            name: "new".into(),
            description: None,
            created_at: String::new(),
        });
        assert!(store.commit().is_err());
        assert!(
            store.tables.projects.get("prj-new").is_none(),
            "rolled back in memory"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before, "and on disk");
        assert!(
            Store::open(Some(path.clone()), Rng::new(4)).is_err(),
            "locked while the first store has it"
        );
        drop(store);
        let reopened = Store::open(Some(path), Rng::new(4)).unwrap();
        assert_eq!(reopened.tables.projects.len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_rollback_restores_rows_in_place() {
        let mut store = Store::open(None, Rng::new(2)).unwrap();
        let project = |id: &str| Project {
            id: id.into(),
            name: id.into(),
            description: None,
            created_at: String::new(),
        };
        for id in ["prj-a", "prj-b", "prj-c"] {
            store.put(project(id));
        }
        store.commit().unwrap();
        store.remove::<Project>("prj-b");
        store.put(project("prj-d"));
        let mut renamed = project("prj-a");
        renamed.name = "renamed".into();
        store.put(renamed);
        store.rollback();
        let names: Vec<&str> = store
            .tables
            .projects
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Default Project", "prj-a", "prj-b", "prj-c"]);
        assert!(store.tables.projects.get("prj-b").is_some());
        assert!(store.tables.projects.get("prj-d").is_none());
    }
}
