//! `tfvcs token relink --undo JOURNAL` (SPEC §10 "Undo"): reads the journal of a relink (or of
//! an undo), finds its resources as `usage` does, and puts back the connection, identifier and
//! branch of each that is still exactly as the journal left it, with the plan, confirmation,
//! journal, signals, rows and summary of a relink.

use std::path::Path;

use serde_json::{Value, json};

use super::run::{self, JournalSlot, Run, Send};
use super::target::check_connection;
use crate::api::client::{ApiRequest, Method};
use crate::cli::TokenRelinkArgs;
use crate::commands::confirm::{self, UNDO, ensure_confirmable};
use crate::commands::{Context, linked};
use crate::error::{Exit, Result};
use crate::linked::journal::{self, Contents, Header, Operation};
use crate::linked::kind::NameRule;
use crate::linked::relink::{Outcome, Report};
use crate::linked::undo::{Link, Restore, Standing, restores};
use crate::linked::{Kind, Linked};
use crate::output::{self, note};

/// One resource of the journal, as it stands now.
struct Row {
    restore: Restore,
    /// The resource now (`None` when the walk no longer finds it on either connection).
    current: Option<Linked>,
    standing: Standing,
    /// Where a restore reads it again (GET) and PATCHes it.
    paths: Option<(String, String)>,
}

impl Row {
    /// What the row shows: the resource now, else what the journal names.
    fn linked(&self) -> Linked {
        self.current.clone().unwrap_or_else(|| {
            let mut attributes = json!({"name": self.restore.name});
            if self.restore.kind.spec().name == NameRule::NamespaceNameProvider {
                let parts: Vec<&str> = self.restore.name.splitn(3, '/').collect();
                if let [namespace, name, provider] = parts[..] {
                    attributes =
                        json!({"namespace": namespace, "name": name, "provider": provider});
                }
            }
            Linked::new(
                self.restore.kind,
                json!({"id": self.restore.id, "attributes": attributes}),
            )
        })
    }
}

pub(crate) fn undo(ctx: &Context, path: &Path, args: &TokenRelinkArgs) -> Result<()> {
    let org = ctx.config.require_org()?.to_string();
    let host = ctx.config.endpoint.host_key();
    let contents = journal::read(path, &host, &org)?;
    ensure_confirmable(ctx, &UNDO, args.yes, args.dry_run)?;
    check_targets(ctx, &org, path, &contents)?;
    let restores = restores(&contents);
    if restores.is_empty() {
        note(&format!(
            "{} records no change that went through: nothing to undo",
            path.display()
        ));
        return Ok(());
    }
    let mut header = Header::new(
        Operation::Undo,
        &host,
        &org,
        &contents.header.to,
        &contents.header.from,
    );
    header.undoes = Some(path.display().to_string());
    let mut journal = JournalSlot::new(
        ctx,
        args.journal.as_deref(),
        &format!("undo-{}", contents.header.from),
        &header,
        args.dry_run,
    )?;

    let mut kinds: Vec<Kind> = restores.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    let found = linked::find(ctx, &kinds, &Restore::connections(&restores))?;
    let rows: Vec<Row> = restores
        .into_iter()
        .map(|restore| {
            let current = found
                .iter()
                .find(|l| l.kind == restore.kind && l.id() == restore.id)
                .cloned();
            let standing = restore.standing(current.as_ref());
            let paths = current.as_ref().and_then(|c| {
                Some((
                    c.kind.read_path(&org, &c.resource)?,
                    c.kind.patch_path(&org, &c.resource)?,
                ))
            });
            Row {
                restore,
                current,
                standing,
                paths,
            }
        })
        .collect();
    let to_restore: Vec<&Row> = rows
        .iter()
        .filter(|r| r.standing == Standing::AsLeft)
        .collect();

    if !to_restore.is_empty() {
        journal.before_plan();
    }
    output::notes(&output::undo_plan(
        &rows
            .iter()
            .map(|r| (r.linked(), &r.restore, &r.standing))
            .collect::<Vec<_>>(),
    ));
    if args.dry_run {
        let base_url = ctx.config.endpoint.base_url();
        for row in &to_restore {
            if let Some(request) = restore_request(row, row.current.as_ref()) {
                output::dry_run(&request, &base_url)?;
            }
        }
        return Ok(());
    }
    if !to_restore.is_empty() && !args.yes {
        let (count, resources) = match to_restore.len() {
            1 => (1, "resource"),
            n => (n, "resources"),
        };
        let question = format!(
            "Restore {count} {resources} as {} recorded them before?",
            path.display()
        );
        confirm::ask(&UNDO, &[], &question)?;
    }

    if to_restore.is_empty() {
        let rows = rows.iter().map(|row| (row.linked(), unsent(row))).collect();
        return run::finish(ctx, &Report { rows }, "restored", None, AGAIN);
    }
    run::send_all(
        ctx,
        &mut journal,
        "restored",
        &rows,
        restore,
        |outcomes| rows.iter().map(Row::linked).zip(outcomes).collect(),
        AGAIN,
    )
}

/// Each connection the journal would put resources back on is checked as a relink's target
/// is (it exists; an OAuth token's client belongs to the organization): an edited journal
/// cannot send a resource to another organization's connection. Nothing is sent otherwise.
fn check_targets(ctx: &Context, org: &str, path: &Path, contents: &Contents) -> Result<()> {
    for (line, target) in &contents.targets {
        let named = format!(
            "--undo {}: line {line}: before: {}",
            path.display(),
            target.id()
        );
        check_connection(ctx, org, target, &named).map_err(|mut fail| {
            if fail.exit != Exit::Usage {
                fail.message = format!("{named}: {}", fail.message);
            }
            fail
        })?;
    }
    Ok(())
}

const AGAIN: &str =
    "run the same undo again to finish; rows that changed since are left as they are";

/// The row of a resource that is not to be restored: already back, or changed since.
fn unsent(row: &Row) -> Outcome {
    match &row.standing {
        Standing::Back => Outcome::Done("already back".into()),
        Standing::ChangedSince(why) => Outcome::Failed {
            exit: Exit::Failure,
            reason: why.clone(),
        },
        Standing::AsLeft => Outcome::Failed {
            exit: Exit::Failure,
            reason: "not sent".into(),
        },
    }
}

/// The PATCH that puts `current` back, at the path planned.
fn restore_request(row: &Row, current: Option<&Linked>) -> Option<ApiRequest> {
    let (_, patch) = row.paths.as_ref()?;
    let body = row.restore.body(current?)?;
    Some(ApiRequest::new(Method::PATCH, patch.clone()).body(body))
}

/// One row: done when already back, left alone when changed since; otherwise read again,
/// and restored only if still as the journal left it, with the answer checked.
fn restore(run: &Run, seq: usize, row: &Row) -> Outcome {
    let changed = |reason: String| Outcome::Failed {
        exit: Exit::Failure,
        reason,
    };
    if row.standing != Standing::AsLeft {
        return unsent(row);
    }
    if let Some(stopped) = run.stopped() {
        return stopped;
    }
    let Some((read, _)) = &row.paths else {
        return changed("no path can be built safely from its id or module name".into());
    };
    let fresh = match run
        .api
        .document(&ApiRequest::new(Method::GET, read.clone()))
    {
        Ok(doc) => Linked::new(row.restore.kind, doc["data"].clone()),
        Err(error) => return Run::failed_read(&error),
    };
    if fresh.id() != row.restore.id {
        return changed(format!("the read answered for {}", fresh.id()));
    }
    match row.restore.standing(Some(&fresh)) {
        Standing::Back => return Outcome::Done("already back".into()),
        Standing::ChangedSince(why) => return changed(why),
        Standing::AsLeft => {}
    }
    let Some(request) = restore_request(row, Some(&fresh)) else {
        return changed(format!(
            "the journal names no connection to go back to ({:?})",
            row.restore.before.connection
        ));
    };
    let before = &row.restore.before;
    let id = &row.restore.id;
    let check = |answer: &Value| {
        let answered = answer.get("id").and_then(Value::as_str).unwrap_or("no id");
        if answered != id {
            return Err(format!("the answer is for {answered}, not {id}"));
        }
        let Some(repo) = answer
            .pointer("/attributes/vcs-repo")
            .and_then(Value::as_object)
        else {
            return Err("the answer has no vcs-repo".into());
        };
        let differences = Link::of(repo).differences(before);
        if differences.is_empty() {
            Ok(())
        } else {
            Err(format!("the answer says {}", differences.join("; ")))
        }
    };
    run.send(Send {
        seq,
        linked: &fresh,
        request,
        check: &check,
    })
}
