//! Confirming a change (a delete, a relink, an undo): refused up front when
//! nobody can confirm it, else the details of what changes and a one-line question.

use super::Context;
use crate::error::{Fail, Result};
use crate::output::note;
use crate::prompt;

/// What is being confirmed, as the refusal and the declined answer name it.
pub(crate) struct Change {
    /// `delete`, `relink`.
    pub(crate) verb: &'static str,
    /// `deleted`, `relinked`.
    pub(crate) done: &'static str,
    /// What to pass instead of answering.
    pub(crate) hint: &'static str,
}

pub(crate) const DELETE: Change = Change {
    verb: "delete",
    done: "deleted",
    hint: "pass --yes to delete without asking",
};

pub(crate) const RELINK: Change = Change {
    verb: "relink",
    done: "relinked",
    hint: "pass --yes to relink without asking, or --dry-run to see the PATCHes",
};

pub(crate) const UNDO: Change = Change {
    verb: "undo",
    done: "restored",
    hint: "pass --yes to undo without asking, or --dry-run to see the PATCHes",
};

/// Refuses, before anything is sent, a change that neither `--yes`, `--dry-run` nor a person
/// at a terminal can confirm.
pub(crate) fn ensure_confirmable(
    ctx: &Context,
    change: &Change,
    yes: bool,
    dry_run: bool,
) -> Result<()> {
    if yes || dry_run || prompt::interactive(ctx.config.no_input) {
        return Ok(());
    }
    Err(Fail::usage(format!(
        "refusing to {} without confirmation: not running interactively",
        change.verb
    ))
    .hint(change.hint))
}

/// Shows what changes (one note per line: each is escaped on its own, so a name cannot add a
/// line), then asks a one-line question (default no); declining is exit 1 with nothing changed.
pub(crate) fn ask(change: &Change, details: &[String], question: &str) -> Result<()> {
    for line in details {
        note(line);
    }
    if prompt::confirm(question)? {
        Ok(())
    } else {
        Err(Fail::declined(format!(
            "declined: nothing was {}",
            change.done
        )))
    }
}
