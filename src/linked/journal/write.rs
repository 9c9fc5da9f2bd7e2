//! Writing a journal: where it goes (`--journal FILE`, else `$XDG_STATE_HOME/tfvcs/journal/`
//! or `~/.local/state/tfvcs/journal/`), created `0600` and never over an existing file, and
//! each line written whole and synced to disk before the caller goes on.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use serde_json::Value;

use super::{Event, Header, kept};
use crate::error::{Fail, Result};
use crate::linked::resource::Linked;
use crate::shared::clock;
use crate::shared::ids::is_path_safe;
use crate::shared::text::is_unsafe;

/// Where a journal goes: the default folder, or `--journal FILE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Place {
    /// A new file in [`default_folder`], named after the time and `label`.
    Folder(PathBuf),
    File(PathBuf),
}

/// `$XDG_STATE_HOME/tfvcs/journal` (when set to an absolute path, as the XDG rules ask), else
/// `~/.local/state/tfvcs/journal`; `None` without either.
pub(crate) fn default_folder(
    xdg_state_home: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    let state = xdg_state_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            home.filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".local").join("state"))
        })?;
    Some(state.join("tfvcs").join("journal"))
}

/// The place of this run's journal: `--journal FILE`, else the default folder of this
/// process's environment (exit 1 without `XDG_STATE_HOME` or `HOME`: nothing is sent
/// without a journal).
pub(crate) fn place(file: Option<&Path>) -> Result<Place> {
    if let Some(file) = file {
        return Ok(Place::File(file.to_path_buf()));
    }
    default_folder(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
        .map(Place::Folder)
        .ok_or_else(|| {
            Fail::other("no folder for the journal: neither XDG_STATE_HOME nor HOME is set")
                .hint("pass --journal FILE")
        })
}

/// An open journal. Lines are written whole and synced to disk one by one; once a write has
/// failed the journal is broken and the caller sends nothing more.
#[derive(Debug)]
pub(crate) struct Journal {
    path: PathBuf,
    file: Mutex<File>,
    broken: AtomicBool,
    /// A PATCH line is on disk: from then on the journal is kept whatever happens.
    patched: AtomicBool,
}

impl Journal {
    /// Creates the journal (never over an existing file, mode `0600`) and writes its header.
    /// `label` ends the file name in a folder: `<UTC time>-<label>.jsonl`. Any failure is
    /// exit 1, before anything is sent.
    pub(crate) fn create(place: &Place, label: &str, header: &Header) -> Result<Journal> {
        let label = if label.split('-').all(is_path_safe) {
            label
        } else {
            "relink"
        };
        let path = match place {
            Place::File(path) => path.clone(),
            Place::Folder(folder) => {
                make_private_folder(folder)?;
                folder.join(format!("{}-{label}.jsonl", clock::compact(&header.started)))
            }
        };
        let cannot = |e: std::io::Error| {
            Fail::other(format!(
                "cannot create the journal {}: {e}; nothing was sent",
                path.display()
            ))
            .hint("pass --journal FILE with a new file in a folder you can write")
        };
        let file = create_private(&path).map_err(cannot)?;
        if let Place::Folder(folder) = place
            && let Ok(dir) = File::open(folder)
        {
            // The new name is durable only once its folder is synced; the lines are synced
            // one by one, so a failure here loses at most the name, never a line.
            let _ = dir.sync_all();
        }
        let journal = Journal {
            path,
            file: Mutex::new(file),
            broken: AtomicBool::new(false),
            patched: AtomicBool::new(false),
        };
        journal.append(header).map_err(|e| {
            Fail::other(format!(
                "cannot write the journal {}: {e}; nothing was sent",
                journal.path.display()
            ))
        })?;
        Ok(journal)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// A write failed: nothing more may be sent.
    pub(crate) fn is_broken(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }

    /// Whether a PATCH line was written (a PATCH may have been sent).
    pub(crate) fn recorded_a_patch(&self) -> bool {
        self.patched.load(Ordering::SeqCst)
    }

    /// The line before a PATCH; the PATCH may be sent only when this succeeds.
    pub(crate) fn before_patch(
        &self,
        seq: usize,
        linked: &Linked,
        sent: &Value,
    ) -> Result<(), String> {
        // Set before the write: a line half written still means the journal is kept.
        self.patched.store(true, Ordering::SeqCst);
        self.event(&Event::Patch {
            seq,
            kind: linked.kind.label().to_string(),
            id: linked.id().to_string(),
            name: linked.name(),
            before: kept(linked.vcs_repo()),
            sent: kept(sent.as_object()),
        })
    }

    /// The line after a PATCH's answer (`status` none when no answer came).
    pub(crate) fn after_answer(
        &self,
        seq: usize,
        id: &str,
        status: Option<u16>,
        result: &str,
        answer: Option<&Value>,
    ) -> Result<(), String> {
        let after = kept(
            answer
                .and_then(|a| a.pointer("/attributes/vcs-repo"))
                .and_then(Value::as_object),
        );
        self.event(&Event::Answer {
            seq,
            id: id.to_string(),
            status,
            result: result.to_string(),
            after,
        })
    }

    fn event(&self, event: &Event) -> Result<(), String> {
        self.append(event).map_err(|e| {
            self.broken.store(true, Ordering::SeqCst);
            format!("cannot write the journal {}: {e}", self.path.display())
        })
    }

    /// One line, whole, then synced to disk before the caller goes on.
    fn append(&self, value: &impl Serialize) -> std::io::Result<()> {
        let mut line = to_line(value)?;
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        file.write_all(&line)?;
        file.sync_data()
    }
}

#[cfg(unix)]
fn create_private(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// The default folder and its parents, created `0700` when missing.
fn make_private_folder(folder: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder).map_err(|e| {
        Fail::other(format!(
            "cannot create the journal folder {}: {e}; nothing was sent",
            folder.display()
        ))
        .hint("pass --journal FILE with a new file in a folder you can write")
    })
}

/// JSON on one line, with the characters that could drive a terminal (bidirectional marks,
/// C1 controls: the shared unsafe-text rule) written as `\uXXXX`, so that `cat`-ing a journal
/// shows server-sent names as data. serde_json escapes C0 controls itself.
fn to_line(value: &impl Serialize) -> std::io::Result<Vec<u8>> {
    struct Escaping;
    impl serde_json::ser::Formatter for Escaping {
        fn write_string_fragment<W: ?Sized + Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            for c in fragment.chars() {
                if is_unsafe(c) {
                    write!(writer, "\\u{:04x}", c as u32)?;
                } else {
                    writer.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?;
                }
            }
            Ok(())
        }
    }
    let mut out = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, Escaping,
    ))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::*;
    use crate::linked::kind::Kind;
    use serde_json::json;

    fn workspace() -> Linked {
        Linked::new(
            Kind::Workspace,
            json!({"id": "ws-1", "attributes": {"name": "web\u{202e}", "vcs-repo": {
                "identifier": "acme-bb/web", "branch": "main", "ingress-submodules": false,
                "oauth-token-id": "ot-FROM", "webhook-url": "https://x/webhooks/vcs/CANARY-hook",
                "repository-http-url": "https://bitbucket.org/acme-bb/web"}}}),
        )
    }

    #[test]
    fn default_folder_from_xdg_state_home_then_home() {
        assert_eq!(
            default_folder(Some("/state".into()), Some("/home/u".into())),
            Some(PathBuf::from("/state/tfvcs/journal"))
        );
        assert_eq!(
            default_folder(Some("relative".into()), Some("/home/u".into())),
            Some(PathBuf::from("/home/u/.local/state/tfvcs/journal"))
        );
        assert_eq!(
            default_folder(None, Some("/home/u".into())),
            Some(PathBuf::from("/home/u/.local/state/tfvcs/journal"))
        );
        assert_eq!(default_folder(None, Some("".into())), None);
        assert_eq!(default_folder(None, None), None);
    }

    #[test]
    fn lines_are_written_in_order_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("state/tfvcs/journal");
        let head = Header::sample();
        let journal =
            Journal::create(&Place::Folder(folder.clone()), "relink-ot-FROM", &head).unwrap();
        let name = journal
            .path()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(name.ends_with("-relink-ot-FROM.jsonl"), "{name}");
        assert_eq!(
            name.len(),
            "20261204T222109.123Z-relink-ot-FROM.jsonl".len(),
            "{name}"
        );
        assert_eq!(journal.path().parent().unwrap(), folder);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(journal.path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
            let mode = std::fs::metadata(&folder).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        let ws = workspace();
        let sent = json!({"identifier": "acme-gh/web", "branch": "main",
                          "ingress-submodules": false, "oauth-token-id": "ot-TO"});
        journal.before_patch(1, &ws, &sent).unwrap();
        let answer = json!({"id": "ws-1", "attributes": {"vcs-repo": {
            "identifier": "acme-gh/web", "branch": "main", "oauth-token-id": "ot-TO",
            "webhook-url": "https://x/webhooks/vcs/CANARY-hook"}}});
        journal
            .after_answer(1, "ws-1", Some(200), "relinked", Some(&answer))
            .unwrap();
        journal
            .after_answer(2, "ws-2", None, "failed: timed out", None)
            .unwrap();

        let text = std::fs::read_to_string(journal.path()).unwrap();
        assert!(!text.contains("CANARY"), "{text}");
        assert!(!text.contains("bitbucket.org"), "{text}");
        assert!(!text.contains('\u{202e}'), "{text}");
        assert!(text.contains("web\\u202e"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[1],
            r#"{"event":"patch","seq":1,"kind":"workspace","id":"ws-1","name":"web\u202e","before":{"identifier":"acme-bb/web","branch":"main","ingress-submodules":false,"oauth-token-id":"ot-FROM"},"sent":{"identifier":"acme-gh/web","branch":"main","ingress-submodules":false,"oauth-token-id":"ot-TO"}}"#
        );
        assert_eq!(
            lines[2],
            r#"{"event":"answer","seq":1,"id":"ws-1","status":200,"result":"relinked","after":{"identifier":"acme-gh/web","branch":"main","oauth-token-id":"ot-TO"}}"#
        );
        assert_eq!(
            lines[3],
            r#"{"event":"answer","seq":2,"id":"ws-2","status":null,"result":"failed: timed out","after":null}"#
        );

        let read = read(journal.path(), "tfe.example:8443", "acme").unwrap();
        assert_eq!(read.header, head);
        assert!(name.starts_with(&clock::compact(&head.started)), "{name}");
        assert_eq!(read.events.len(), 3);
        assert!(matches!(&read.events[0], Event::Patch { seq: 1, id, .. } if id == "ws-1"));
    }

    #[test]
    fn never_over_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.jsonl");
        std::fs::write(&path, "keep me").unwrap();
        let fail = Journal::create(&Place::File(path.clone()), "relink-ot-A", &Header::sample())
            .unwrap_err();
        assert_eq!(fail.exit, crate::error::Exit::Failure);
        assert!(
            fail.message.contains("nothing was sent"),
            "{}",
            fail.message
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_is_exit_1() {
        let fail = Journal::create(
            &Place::Folder(PathBuf::from("/proc/tfvcs-no/journal")),
            "relink-ot-A",
            &Header::sample(),
        )
        .unwrap_err();
        assert_eq!(fail.exit, crate::error::Exit::Failure);
        assert!(
            fail.message.starts_with("cannot create the journal folder"),
            "{}",
            fail.message
        );
    }
}
