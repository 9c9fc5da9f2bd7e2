//! What `client delete` and `token delete` share (SPEC §3). TFE's own count names at most 25
//! workspaces and nothing else, so before anything is asked or sent the `usage` walk over
//! every kind finds what uses the connection; the prompt lists it; `--yes` deletes only what
//! nothing uses (with `--force`, anything); `--dry-run` walks and prints the request; after
//! the delete, the counts per kind of what lost its connection.

use super::Context;
use super::confirm::{self, DELETE};
use super::linked::find;
use crate::api::client::ApiRequest;
use crate::cli::Confirm;
use crate::error::{Fail, Result};
use crate::linked::{Connection, Kind, Linked};
use crate::output::{note, notes, usage_table};

/// The connection about to be deleted.
pub(crate) struct Doomed<'a> {
    /// `OAuth client`, `OAuth token`.
    pub(crate) what: &'static str,
    pub(crate) id: &'a str,
    /// The shape of its id, for `-o id`.
    pub(crate) prefix: &'static str,
    /// What it is, one line each, shown before the question.
    pub(crate) described: Vec<String>,
    /// What a resource that uses it names (a client: each of its tokens).
    pub(crate) connections: Vec<Connection>,
    /// The command that lists what uses it.
    pub(crate) usage: String,
}

/// Walks, then asks or checks `--yes`/`--force`, then sends `request` (or prints it).
pub(crate) fn delete(
    ctx: &Context,
    doomed: Doomed,
    confirm: &Confirm,
    dry_run: bool,
    request: &ApiRequest,
) -> Result<()> {
    // Nothing can name a client without tokens: no walk is needed to know nothing uses it.
    let found = if doomed.connections.is_empty() {
        Vec::new()
    } else {
        find(ctx, &[], &doomed.connections)?
    };
    let counts = Kind::counted(found.iter().map(|l| l.kind));
    let (what, id) = (doomed.what, doomed.id);
    // "1 workspace still uses it", "2 workspaces still use it".
    let (uses, them, they_lose, their) = if found.len() == 1 {
        ("uses", "it", "it loses", "its")
    } else {
        ("use", "them", "they lose", "their")
    };
    if dry_run {
        describe(&doomed, &found);
        return ctx.send_or_print(request, true).map(|_| ());
    }
    if !confirm.yes {
        describe(&doomed, &found);
        let question = if found.is_empty() {
            format!("Delete {what} {id}?")
        } else {
            format!("Delete {what} {id}, leaving {counts} without {their} connection?")
        };
        confirm::ask(&DELETE, &[], &question)?;
    } else if !found.is_empty() && !confirm.force {
        return Err(Fail::usage(format!(
            "refusing to delete {what} {id}: {counts} still {uses} it"
        ))
        .hint(format!("see {them} with `{}`", doomed.usage))
        .hint(format!("relink {them} first (tfvcs token relink), or pass --force too to delete it anyway: {they_lose} {their} connection")));
    }
    ctx.send_or_print(request, false)?;
    ctx.out.deleted(id, what, doomed.prefix)?;
    if !found.is_empty() {
        note(&format!("lost their connection: {counts}"));
    }
    Ok(())
}

/// What goes and what uses it, on stderr: the rows as `usage` prints them, or that nothing
/// uses it.
fn describe(doomed: &Doomed, found: &[Linked]) {
    for line in &doomed.described {
        note(line);
    }
    if found.is_empty() {
        note("Nothing uses it.");
    } else {
        note(&format!(
            "Used by {}:",
            Kind::counted(found.iter().map(|l| l.kind))
        ));
        notes(usage_table(found).trim_end());
    }
}
