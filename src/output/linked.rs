//! Output of `usage` and `relink` (SPEC §10): the rows of what uses a connection, the relink
//! and undo plans shown before asking, and the result of each PATCH. Cells are escaped (`add_row`);
//! `-o id` prints only ids of each kind's shape.

use serde_json::{Value, json};

use super::{Output, add_row, id_lines, new_table, note, or_dash, pretty, render, write_stdout};
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::linked::Linked;
use crate::linked::relink::{Outcome, Report, Step};
use crate::linked::undo::{Link, Restore, Standing};

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut table = new_table();
    table.set_header(header.to_vec());
    for row in rows {
        add_row(&mut table, row);
    }
    render(table)
}

/// One id a line, each of its kind's shape (else exit 1 with nothing printed).
fn ids<'a>(found: impl Iterator<Item = &'a Linked>) -> Result<String> {
    let mut out = String::new();
    for linked in found {
        out.push_str(&id_lines([linked.id()], linked.kind.spec().id_prefix)?);
    }
    Ok(out)
}

/// The rows of what uses a connection, as `usage` prints them (also shown before a delete).
pub(crate) fn usage_table(found: &[Linked]) -> String {
    let rows = found
        .iter()
        .map(|l| {
            vec![
                l.kind.label().to_string(),
                l.name(),
                l.id().to_string(),
                or_dash(l.repository()),
                or_dash(l.branch()),
                or_dash(l.connection()),
            ]
        })
        .collect();
    table(
        &["KIND", "NAME", "ID", "REPOSITORY", "BRANCH", "CONNECTION"],
        rows,
    )
}

impl Output {
    /// What uses a connection: KIND, NAME, ID, REPOSITORY, BRANCH, CONNECTION; `-o json` the
    /// resources as sent; `-o id` their ids. None: a note on stderr (`{"data": []}` in JSON).
    pub(crate) fn linked(&self, found: &[Linked], empty_note: &str) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                let data: Vec<Value> = found.iter().map(|l| l.resource.clone()).collect();
                write_stdout(&pretty(&json!({ "data": data })))
            }
            _ if found.is_empty() => {
                note(empty_note);
                Ok(())
            }
            OutputFormat::Id => write_stdout(&ids(found.iter())?),
            OutputFormat::Table => write_stdout(&usage_table(found)),
        }
    }

    /// After the PATCHes: a row per resource with its result (`verb` for a success:
    /// `relinked`, `restored`); `-o json` the updated resources; `-o id` the ids relinked, in
    /// plan order.
    pub(crate) fn relinked(&self, report: &Report, verb: &str) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                let data: Vec<Value> = report.relinked().map(|(_, a)| a.clone()).collect();
                write_stdout(&pretty(&json!({ "data": data })))
            }
            OutputFormat::Id => write_stdout(&ids(report.relinked().map(|(l, _)| l))?),
            OutputFormat::Table => {
                let rows = report
                    .rows
                    .iter()
                    .map(|(l, outcome)| {
                        let result = match outcome {
                            Outcome::Relinked(_) => verb.to_string(),
                            Outcome::Done(what) => what.clone(),
                            Outcome::Failed { reason, .. } => format!("failed: {reason}"),
                        };
                        vec![
                            l.kind.label().to_string(),
                            l.name(),
                            l.id().to_string(),
                            result,
                        ]
                    })
                    .collect();
                write_stdout(&table(&["KIND", "NAME", "ID", "RESULT"], rows))
            }
        }
    }
}

/// The plan shown before asking (on stderr, so stdout keeps only results): KIND, NAME,
/// REPOSITORY (`old → new` in a move), BRANCH, FROM → TO, where each side names its provider
/// when the two differ; then the resources a move finds already done. Its cells are escaped;
/// give it to [`notes`](super::notes), one note per line.
pub(crate) fn relink_plan(steps: &[Step], done: &[Linked], from: &str, to: &str) -> String {
    let rows = steps
        .iter()
        .map(|s| {
            let l = &s.linked;
            let repository = match &s.identifier {
                Some(new) => format!("{} → {new}", or_dash(l.repository())),
                None => or_dash(l.repository()),
            };
            vec![
                l.kind.label().to_string(),
                l.name(),
                repository,
                or_dash(l.branch()),
                format!("{from} → {to}"),
            ]
        })
        .chain(done.iter().map(|l| {
            vec![
                l.kind.label().to_string(),
                l.name(),
                or_dash(l.repository()),
                or_dash(l.branch()),
                "done: already moved".to_string(),
            ]
        }))
        .collect();
    table(&["KIND", "NAME", "REPOSITORY", "BRANCH", "FROM → TO"], rows)
        .trim_end()
        .to_string()
}

/// The plan of an undo (on stderr): KIND, NAME, then REPOSITORY, BRANCH and CONNECTION as
/// `now → before` where a restore changes them, and UNDO: `restore`, `done: already back`, or
/// why it is left alone (`changed since: …`). Cells are escaped, as in [`relink_plan`].
pub(crate) fn undo_plan(rows: &[(Linked, &Restore, &Standing)]) -> String {
    let rows = rows
        .iter()
        .map(|(linked, restore, standing)| {
            let now = linked.vcs_repo().map_or(restore.left.clone(), Link::of);
            let cell = |now: &str, before: &str| {
                let shown = |s: &str| {
                    if s.is_empty() {
                        "-".to_string()
                    } else {
                        s.to_string()
                    }
                };
                if *standing == &Standing::AsLeft && now != before {
                    format!("{} → {}", shown(now), shown(before))
                } else {
                    shown(now)
                }
            };
            let undo = match standing {
                Standing::AsLeft => "restore".to_string(),
                Standing::Back => "done: already back".to_string(),
                Standing::ChangedSince(why) => why.clone(),
            };
            vec![
                linked.kind.label().to_string(),
                linked.name(),
                cell(&now.identifier, &restore.before.identifier),
                cell(&now.branch, &restore.before.branch),
                cell(&now.connection, &restore.before.connection),
                undo,
            ]
        })
        .collect();
    table(
        &["KIND", "NAME", "REPOSITORY", "BRANCH", "CONNECTION", "UNDO"],
        rows,
    )
    .trim_end()
    .to_string()
}
