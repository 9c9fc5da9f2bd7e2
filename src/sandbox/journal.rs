//! The `--state` file: a JSON document holding the salt and a list of changes (a row put, a
//! row deleted). At start it is replayed, then rewritten whole (atomically: a `0600`
//! temporary file, synced, renamed over it); after that each committed change is appended in
//! place with one write before the request is answered, so a create costs the create and not
//! the whole state, and nothing acknowledged is lost on `kill -9` (the kernel has it). A
//! background thread syncs appended changes to disk a few milliseconds later, so one disk
//! flush covers every change of those milliseconds instead of each paying its own. The file
//! is rewritten whole again when the appended changes outgrow the rows they describe.

use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};

use super::table::{Row, Tables, Visit};

const FORMAT: &str = "tfvcs-sandbox-state/2";
/// Every state file ends with these bytes; an append overwrites them and writes them again.
const TAIL: &[u8] = b"\n]}\n";

#[derive(Deserialize)]
struct StateFile {
    format: String,
    salt: String,
    changes: Vec<Value>,
}

/// A change as it is written: `{"put": kind, "row": …}` or `{"delete": kind, "id": …}`.
pub(crate) fn put_record<T: Row>(row: &T) -> Value {
    json!({ "put": T::KIND, "row": row })
}

pub(crate) fn delete_record<T: Row>(id: &str) -> Value {
    json!({ "delete": T::KIND, "id": id })
}

pub(crate) struct Journal {
    path: PathBuf,
    file: File,
    len: u64,
    /// Changes appended since the file was last rewritten whole.
    appended: usize,
    /// Whether the change list is empty (the next change is written without a comma).
    empty: bool,
    syncer: Arc<Syncer>,
}

/// Tells the sync thread that appended changes wait for a disk flush.
struct Syncer {
    dirty: Mutex<bool>,
    wake: Condvar,
}

/// How long the sync thread gathers changes before one flush.
const SYNC_BATCH: Duration = Duration::from_millis(5);

/// Starts the thread that flushes `file` a few milliseconds after each append; it ends soon
/// after its journal is dropped.
fn start_syncer(file: File, path: PathBuf) -> Arc<Syncer> {
    let syncer = Arc::new(Syncer {
        dirty: Mutex::new(false),
        wake: Condvar::new(),
    });
    let weak: Weak<Syncer> = Arc::downgrade(&syncer);
    let _ = std::thread::Builder::new()
        .name("sandbox-state-sync".into())
        .spawn(move || {
            loop {
                let Some(syncer) = weak.upgrade() else {
                    return;
                };
                let mut dirty = syncer.dirty.lock().unwrap_or_else(|e| e.into_inner());
                if !*dirty {
                    dirty = syncer
                        .wake
                        .wait_timeout(dirty, Duration::from_secs(1))
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
                if !*dirty {
                    continue;
                }
                drop(dirty);
                std::thread::sleep(SYNC_BATCH);
                *syncer.dirty.lock().unwrap_or_else(|e| e.into_inner()) = false;
                if let Err(e) = file.sync_data() {
                    eprintln!("sandbox: cannot flush {} to disk: {e}", path.display());
                }
            }
        });
    syncer
}

/// What a state file held: the salt (hex) and the tables.
pub(crate) struct Loaded {
    pub(crate) salt: String,
    pub(crate) tables: Tables,
}

fn replay(tables: &mut Tables, change: &Value) -> Result<(), String> {
    /// One change applied to the table of its kind.
    struct Apply<'a> {
        tables: &'a mut Tables,
        change: Change<'a>,
        result: Result<(), String>,
    }
    enum Change<'a> {
        Put(&'a Value),
        Delete(&'a str),
    }
    impl Visit for Apply<'_> {
        fn visit<T: Row>(&mut self) {
            self.result = match self.change {
                Change::Put(row) => T::deserialize(row)
                    .map(|row: T| {
                        self.tables.put(row);
                    })
                    .map_err(|e| format!("a {} row: {e}", T::KIND)),
                Change::Delete(id) => {
                    self.tables.remove::<T>(id);
                    Ok(())
                }
            };
        }
    }
    let (kind, change) =
        if let (Some(kind), Some(row)) = (change["put"].as_str(), change.get("row")) {
            (kind, Change::Put(row))
        } else if let (Some(kind), Some(id)) = (change["delete"].as_str(), change["id"].as_str()) {
            (kind, Change::Delete(id))
        } else {
            return Err("a change that is neither a put nor a delete".into());
        };
    let mut apply = Apply {
        tables,
        change,
        result: Ok(()),
    };
    if !Tables::visit_kind(kind, &mut apply) {
        return Err(format!("unknown kind {kind:?}"));
    }
    apply.result
}

/// Reads a state file; `None` when there is none yet.
pub(crate) fn load(path: &Path) -> Result<Option<Loaded>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let not_state = |why: String| format!("{} is not a sandbox state file ({why})", path.display());
    let file: StateFile = match serde_json::from_str(&text) {
        Ok(file) => file,
        Err(e) => without_a_torn_last_commit(&text)
            .ok_or_else(|| not_state(format!("line {}, column {}", e.line(), e.column())))?,
    };
    if file.format != FORMAT {
        return Err(not_state(format!(
            "format {:?}, expected {FORMAT:?}",
            file.format
        )));
    }
    let mut tables = Tables::default();
    for change in &file.changes {
        replay(&mut tables, change).map_err(not_state)?;
    }
    Ok(Some(Loaded {
        salt: file.salt,
        tables,
    }))
}

/// Removes temporary files a killed sandbox left beside the state file.
pub(crate) fn remove_stale_temporaries(path: &Path) {
    let (dir, name) = parts(path);
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&prefix) && file_name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

pub(crate) fn parts(path: &Path) -> (&Path, String) {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state".into());
    (dir, name)
}

/// Every row of every table, as the puts that recreate them.
fn snapshot(tables: &Tables) -> Vec<Value> {
    struct Puts<'a> {
        tables: &'a Tables,
        out: Vec<Value>,
    }
    impl Visit for Puts<'_> {
        fn visit<T: Row>(&mut self) {
            self.out
                .extend(T::table(self.tables).iter().map(put_record));
        }
    }
    let mut puts = Puts {
        tables,
        out: Vec::new(),
    };
    Tables::visit(&mut puts);
    puts.out
}

fn row_count(tables: &Tables) -> usize {
    struct Count<'a> {
        tables: &'a Tables,
        rows: usize,
    }
    impl Visit for Count<'_> {
        fn visit<T: Row>(&mut self) {
            self.rows += T::table(self.tables).len();
        }
    }
    let mut count = Count { tables, rows: 0 };
    Tables::visit(&mut count);
    count.rows
}

/// The bytes that append `records` in place of the tail.
/// One commit's changes are one line, so a write cut short by a kill can only leave the
/// last commit incomplete, and `load` drops it whole.
fn appended_bytes(records: &[Value], first: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    for (i, record) in records.iter().enumerate() {
        bytes.extend_from_slice(match (i, first) {
            (0, true) => b"\n",
            (0, false) => b"\n,",
            _ => b",",
        });
        serde_json::to_writer(&mut bytes, record).expect("records serialise");
    }
    bytes.extend_from_slice(TAIL);
    bytes
}

/// Reads a state file whose last line (one commit, never answered) was cut short.
fn without_a_torn_last_commit(text: &str) -> Option<StateFile> {
    let cut = text.trim_end().rfind('\n')?;
    serde_json::from_str(&format!(
        "{}{}",
        &text[..cut],
        std::str::from_utf8(TAIL).ok()?
    ))
    .ok()
}

fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

impl Journal {
    /// Writes the whole state to `path` atomically and keeps it open for appends.
    pub(crate) fn rewrite(path: &Path, salt: &str, tables: &Tables) -> Result<Journal, String> {
        let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
        let (dir, name) = parts(path);
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let records = snapshot(tables);
        let mut bytes = serde_json::to_vec(&json!({ "format": FORMAT, "salt": salt }))
            .expect("the head serialises");
        bytes.pop(); // the closing brace: the changes follow
        bytes.extend_from_slice(b",\"changes\":[");
        bytes.extend_from_slice(&appended_bytes(&records, true));
        let written = (|| {
            let mut file = create_private(&tmp)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)?;
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
            OpenOptions::new().write(true).open(path)
        })();
        let file = written.map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(e)
        })?;
        let syncer = start_syncer(
            file.try_clone()
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
            path.to_path_buf(),
        );
        Ok(Journal {
            path: path.to_path_buf(),
            syncer,
            file,
            len: bytes.len() as u64,
            appended: 0,
            empty: records.is_empty(),
        })
    }

    /// Appends committed changes (the sync thread flushes them to disk a few milliseconds
    /// later). On failure the file is put back as it was.
    pub(crate) fn append(&mut self, records: &[Value]) -> Result<(), String> {
        let bytes = appended_bytes(records, self.empty);
        let at = self.len - TAIL.len() as u64;
        let result = (|| {
            self.file.seek(SeekFrom::Start(at))?;
            self.file.write_all(&bytes)
        })();
        if let Err(e) = result {
            // Best effort: the old tail back, the partial append cut off.
            let _ = self
                .file
                .seek(SeekFrom::Start(at))
                .and_then(|_| self.file.write_all(TAIL))
                .and_then(|_| self.file.set_len(self.len));
            return Err(format!("cannot write {}: {e}", self.path.display()));
        }
        self.len = at + bytes.len() as u64;
        self.appended += records.len();
        self.empty &= records.is_empty();
        *self.syncer.dirty.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.syncer.wake.notify_one();
        Ok(())
    }

    /// Whether the appended changes outgrew the rows enough to rewrite the file whole.
    pub(crate) fn wants_rewrite(&self, tables: &Tables) -> bool {
        self.appended > 2 * row_count(tables) + 1000
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every later append fail, as a full disk would.
    #[cfg(test)]
    pub(crate) fn fail_appends(&mut self) {
        self.file = File::open(&self.path).expect("the state file exists");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::rows::Project;

    fn project(id: &str) -> Project {
        Project {
            id: id.into(),
            name: id.into(),
            description: None,
            created_at: String::new(),
        }
    }

    #[test]
    fn a_commit_cut_short_by_a_kill_is_dropped_whole() {
        let dir = std::env::temp_dir().join(format!("tfvcs-journal-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let mut tables = Tables::default();
        tables.put(project("prj-a"));
        let mut journal = Journal::rewrite(&path, "00", &tables).unwrap();
        journal.append(&[put_record(&project("prj-b"))]).unwrap();
        journal
            .append(&[put_record(&project("prj-c")), put_record(&project("prj-d"))])
            .unwrap();
        let whole = std::fs::read_to_string(&path).unwrap();
        let ids = |text: &str| -> Vec<String> {
            std::fs::write(&path, text).unwrap();
            let loaded = load(&path).unwrap().unwrap();
            loaded
                .tables
                .projects
                .iter()
                .map(|p| p.id.clone())
                .collect()
        };
        assert_eq!(ids(&whole), ["prj-a", "prj-b", "prj-c", "prj-d"]);
        // Cut inside the second record of the last commit: neither of its records is kept.
        let cut = whole.rfind("prj-d").unwrap();
        assert_eq!(ids(&whole[..cut]), ["prj-a", "prj-b"]);
        assert!(load(&path).is_ok());
        std::fs::write(&path, "{\"format\":").unwrap();
        assert!(load(&path).is_err(), "anything else is still refused");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
