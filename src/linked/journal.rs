//! The journal of a relink or an undo (SPEC §10 "The journal"): JSON Lines, a header, then one
//! line before each PATCH and one after its answer, each on disk before the next request, so
//! that `--undo` knows where every resource was even after a crash. Created `0600` and never
//! over an existing file; it keeps only ids, names and where repositories are, never a secret.
//! Also its reader, which refuses a file that is not a journal of this host and organization.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::kind::Kind;
use super::resource::Linked;
use crate::error::{Fail, Result};
use crate::shared::clock;
use crate::shared::ids::is_path_safe;
use crate::shared::text::is_unsafe;

/// What a journal's first line says it is.
pub(crate) const FORMAT: &str = "tfvcs relink journal 1";

/// The most of a journal `--undo` reads: a line is well under a kilobyte, so this holds tens
/// of thousands of resources; more is not a journal.
const MAX_JOURNAL_BYTES: u64 = 64 << 20;

/// The `vcs-repo` keys a journal keeps: where the repository is and what a PATCH repeats.
/// Nothing else of a resource is written (its webhook URL, for one, has no use here).
const KEPT: [&str; 7] = [
    "identifier",
    "display-identifier",
    "branch",
    "ingress-submodules",
    "tags-regex",
    "oauth-token-id",
    "github-app-installation-id",
];

/// The kept keys of a `vcs-repo` (null when there is none).
pub(crate) fn kept(vcs_repo: Option<&Map<String, Value>>) -> Value {
    match vcs_repo {
        None => Value::Null,
        Some(repo) => Value::Object(
            KEPT.iter()
                .filter_map(|key| Some((key.to_string(), repo.get(*key)?.clone())))
                .collect(),
        ),
    }
}

/// What the journal records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Operation {
    Relink,
    Undo,
}

/// The first line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Header {
    pub(crate) journal: String,
    pub(crate) version: String,
    pub(crate) operation: Operation,
    /// `host[:port]` of the API.
    pub(crate) host: String,
    pub(crate) organization: String,
    /// The connection the resources were on and the one they were moved to (for an undo,
    /// the other way round).
    pub(crate) from: String,
    pub(crate) to: String,
    /// The `--map` and `--rewrite` rules (null without).
    #[serde(default)]
    pub(crate) rules: Value,
    /// For an undo, the journal it reverses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) undoes: Option<String>,
    /// UTC, to the millisecond.
    pub(crate) started: String,
}

impl Header {
    pub(crate) fn new(
        operation: Operation,
        host: &str,
        organization: &str,
        from: &str,
        to: &str,
    ) -> Self {
        Header {
            journal: FORMAT.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            operation,
            host: host.to_string(),
            organization: organization.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            rules: Value::Null,
            undoes: None,
            started: clock::now_rfc3339(),
        }
    }
}

/// A line after the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub(crate) enum Event {
    /// Written, and on disk, before the PATCH of resource `seq` is sent.
    Patch {
        seq: usize,
        kind: String,
        id: String,
        name: String,
        /// The resource's `vcs-repo` as read right before (kept keys only).
        before: Value,
        /// The `vcs-repo` the PATCH sends.
        sent: Value,
    },
    /// Written after the answer to the PATCH of `seq`.
    Answer {
        seq: usize,
        id: String,
        /// The HTTP status; null when no answer came (the connection failed or timed out).
        status: Option<u16>,
        /// The row's result: `relinked`, `restored`, or why not.
        result: String,
        /// The `vcs-repo` the answer returned (kept keys only; null without one).
        after: Value,
    },
}

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

    /// The line before a PATCH; the PATCH may be sent only when this succeeds.
    pub(crate) fn before_patch(
        &self,
        seq: usize,
        linked: &Linked,
        sent: &Value,
    ) -> Result<(), String> {
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

/// A journal read back: its header and its events in the order written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Contents {
    pub(crate) header: Header,
    pub(crate) events: Vec<Event>,
}

/// Reads the journal at `path` for an undo on `host` and `organization`. Not a journal
/// (unreadable, bad JSON, another format), or one of another host or organization, is exit
/// 2. A last line without its newline was cut off by a crash mid-write and is left out.
pub(crate) fn read(path: &Path, host: &str, organization: &str) -> Result<Contents> {
    let name = path.display().to_string();
    let not_one = |why: String| Fail::usage(format!("--undo {name}: {why}"));
    let file = File::open(path).map_err(|e| not_one(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_JOURNAL_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| not_one(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_JOURNAL_BYTES {
        return Err(not_one("more than 64 MiB: not a journal".into()));
    }
    let text = String::from_utf8(bytes).map_err(|e| not_one(format!("not UTF-8 ({e})")))?;
    let complete = match text.rfind('\n') {
        Some(end) => &text[..end],
        None => "",
    };
    let mut lines = complete.split('\n').enumerate();
    let header: Header = lines
        .next()
        .and_then(|(_, line)| serde_json::from_str(line).ok())
        .filter(|h: &Header| h.journal == FORMAT)
        .ok_or_else(|| not_one("not a journal of tfvcs token relink".into()))?;
    if header.host != host || header.organization != organization {
        return Err(not_one(format!(
            "a journal of organization {} on {}, not of {organization} on {host}",
            header.organization, header.host
        ))
        .hint("run the undo with the host and organization of the relink"));
    }
    let mut events = Vec::new();
    for (i, line) in lines {
        let event: Event = serde_json::from_str(line)
            .map_err(|e| not_one(format!("line {}: not a journal line ({e})", i + 1)))?;
        if let Event::Patch { kind, .. } = &event
            && Kind::from_label(kind).is_none()
        {
            return Err(not_one(format!("line {}: unknown kind {kind:?}", i + 1)));
        }
        events.push(event);
    }
    Ok(Contents { header, events })
}

#[cfg(test)]
mod tests {
    use super::*;
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

    fn header() -> Header {
        Header::new(
            Operation::Relink,
            "tfe.example:8443",
            "acme",
            "ot-FROM",
            "ot-TO",
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
        let head = header();
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
        let fail =
            Journal::create(&Place::File(path.clone()), "relink-ot-A", &header()).unwrap_err();
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
            &header(),
        )
        .unwrap_err();
        assert_eq!(fail.exit, crate::error::Exit::Failure);
        assert!(
            fail.message.starts_with("cannot create the journal folder"),
            "{}",
            fail.message
        );
    }

    fn journal_text(lines: &[Value]) -> String {
        lines.iter().map(|l| format!("{l}\n")).collect()
    }

    #[test]
    fn the_reader_refuses_what_is_not_a_journal_of_this_organization() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let head = serde_json::to_value(header()).unwrap();
        let message = |path: &Path| {
            let fail = read(path, "tfe.example:8443", "acme").unwrap_err();
            assert_eq!(fail.exit, crate::error::Exit::Usage);
            fail.message
        };
        let csv = write("map.csv", "old,new\na,b\n");
        assert!(message(&csv).ends_with("not a journal of tfvcs token relink"));
        let other_org = write("o.jsonl", &journal_text(std::slice::from_ref(&head)));
        assert!(read(&other_org, "tfe.example:8443", "acme").is_ok());
        let fail = read(&other_org, "tfe.example:8443", "other").unwrap_err();
        assert_eq!(
            fail.message,
            format!(
                "--undo {}: a journal of organization acme on tfe.example:8443, not of other on tfe.example:8443",
                other_org.display()
            )
        );
        assert!(read(&other_org, "app.terraform.io", "acme").is_err());
        let bad_line = write(
            "b.jsonl",
            &journal_text(&[head.clone(), json!({"event": "patch", "seq": 1})]),
        );
        assert!(message(&bad_line).contains(": line 2: not a journal line"));
        let bad_kind = write(
            "k.jsonl",
            &journal_text(&[
                head.clone(),
                json!({"event": "patch", "seq": 1, "kind": "stackz", "id": "x", "name": "x",
                       "before": null, "sent": null}),
            ]),
        );
        assert!(message(&bad_kind).ends_with("line 2: unknown kind \"stackz\""));
        let cut = format!(
            "{}{{\"event\":\"answer\",\"seq\":1,\"id\":\"ws-1\",\"sta",
            journal_text(&[head])
        );
        let cut = write("c.jsonl", &cut);
        assert_eq!(read(&cut, "tfe.example:8443", "acme").unwrap().events, []);
    }
}
