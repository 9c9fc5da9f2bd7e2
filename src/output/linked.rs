//! Output of `usage` and `relink` (SPEC §10): the rows of what uses a connection, the relink
//! plan shown before asking, and the result of each PATCH. Cells are escaped (`add_row`);
//! `-o id` prints only ids of each kind's shape.

use serde_json::{Value, json};

use super::{Output, add_row, id_lines, new_table, note, or_dash, pretty, render, write_stdout};
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::linked::Linked;
use crate::linked::relink::{Outcome, Report, Step};

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

    /// After the PATCHes: a row per resource with its result; `-o json` the updated
    /// resources; `-o id` the ids relinked, in plan order.
    pub(crate) fn relinked(&self, report: &Report) -> Result<()> {
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
                            Outcome::Relinked(_) => "relinked".to_string(),
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
/// REPOSITORY, BRANCH, FROM → TO, where each side names its provider when the two differ.
/// Its cells are escaped; give it to [`notes`](super::notes), one note per line.
pub(crate) fn relink_plan(steps: &[Step], from: &str, to: &str) -> String {
    let rows = steps
        .iter()
        .map(|s| {
            let l = &s.linked;
            vec![
                l.kind.label().to_string(),
                l.name(),
                or_dash(l.repository()),
                or_dash(l.branch()),
                format!("{from} → {to}"),
            ]
        })
        .collect();
    table(&["KIND", "NAME", "REPOSITORY", "BRANCH", "FROM → TO"], rows)
        .trim_end()
        .to_string()
}
