//! Reading a journal back for `--undo`: its header must say it is one, of this host and
//! organization (else exit 2), and each line must be one of its events; a last line cut off by
//! a crash mid-write is left out. Every connection a line names must have the shape of its id,
//! checked here so that nothing is sent when one does not.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

use super::{Event, FORMAT, Header};
use crate::config::open_regular_file;
use crate::error::{Exit, Fail, Result};
use crate::linked::Connection;
use crate::linked::connection::{misnamed, named_by};
use crate::linked::kind::Kind;
use crate::linked::undo::target_problem;

/// The most of a journal `--undo` reads: a line is well under a kilobyte, so this holds tens
/// of thousands of resources; more is not a journal.
const MAX_JOURNAL_BYTES: u64 = 64 << 20;

/// A journal read back: its header and its events in the order written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Contents {
    pub(crate) header: Header,
    pub(crate) events: Vec<Event>,
    /// Each connection a before-state names (where an undo puts resources back), with the
    /// first line naming it: each is checked as a relink checks its target.
    pub(crate) targets: Vec<(usize, Connection)>,
}

/// Reads the journal at `path` for an undo on `host` and `organization`. Not a journal
/// (unreadable, bad JSON, another format), or one of another host or organization, is exit
/// 2. A last line without its newline was cut off by a crash mid-write and is left out.
pub(crate) fn read(path: &Path, host: &str, organization: &str) -> Result<Contents> {
    let name = path.display().to_string();
    let not_one = |why: String| Fail::usage(format!("--undo {name}: {why}"));
    // A journal is always a regular file: a FIFO would block the undo forever.
    let file = match open_regular_file(path, "--undo", Exit::Usage)? {
        Some(file) => file,
        None => File::open(path).map_err(|e| not_one(e.to_string()))?,
    };
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
    let mut targets: Vec<(usize, Connection)> = Vec::new();
    for (i, line) in lines {
        let event: Event = serde_json::from_str(line)
            .map_err(|e| not_one(format!("line {}: not a journal line ({e})", i + 1)))?;
        if let Event::Patch { kind, .. } = &event
            && Kind::from_label(kind).is_none()
        {
            return Err(not_one(format!("line {}: unknown kind {kind:?}", i + 1)));
        }
        if let Some(why) = misnamed_connection(&event) {
            return Err(not_one(format!("line {}: {why}", i + 1)));
        }
        if let Event::Patch {
            kind,
            name,
            before,
            sent,
            ..
        } = &event
            && let Some(kind) = Kind::from_label(kind)
            && let Some(why) = target_problem(kind, name, before, sent)
        {
            return Err(not_one(format!("line {}: {why}", i + 1)));
        }
        if let Event::Patch { before, .. } = &event
            && let Some(target) = before
                .as_object()
                .and_then(named_by)
                .and_then(Connection::from_id)
            && !targets.iter().any(|(_, t)| *t == target)
        {
            targets.push((i + 1, target));
        }
        events.push(event);
    }
    Ok(Contents {
        header,
        events,
        targets,
    })
}

/// A connection of the wrong shape in what a line says was before, sent or answered: found
/// here, before anything is sent, rather than on the way (where it would be dropped from a
/// dry run and fail a row of a run after the others were sent).
fn misnamed_connection(event: &Event) -> Option<String> {
    let repos = match event {
        Event::Patch { before, sent, .. } => [("before", before), ("sent", sent)],
        Event::Answer { after, .. } => [("after", after), ("after", &Value::Null)],
    };
    repos
        .into_iter()
        .find_map(|(which, repo)| misnamed(repo.as_object()?).map(|why| format!("{which}: {why}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

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
        let head = serde_json::to_value(Header::sample()).unwrap();
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
