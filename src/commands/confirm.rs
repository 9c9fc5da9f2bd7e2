//! Confirming a delete: refused up front when nobody can confirm it, else the details of
//! what goes and a one-line question. Shared by `client delete` and `token delete`.

use super::Context;
use crate::error::{Fail, Result};
use crate::output::note;
use crate::prompt;

/// Refuses, before anything is sent, a delete that neither `--yes`, `--dry-run` nor a person
/// at a terminal can confirm.
pub fn ensure_confirmable(ctx: &Context, yes: bool, dry_run: bool) -> Result<()> {
    if yes || dry_run || prompt::interactive(ctx.config.no_input) {
        return Ok(());
    }
    Err(
        Fail::usage("refusing to delete without confirmation: not running interactively")
            .hint("pass --yes to delete without asking"),
    )
}

/// Shows what goes (one note per line: each is escaped on its own, so a name cannot add a
/// line), then asks a one-line question (default no); declining is exit 1 with nothing deleted.
pub fn ask_delete(details: &[String], question: &str) -> Result<()> {
    for line in details {
        note(line);
    }
    if prompt::confirm(question)? {
        Ok(())
    } else {
        Err(Fail::other("not deleted: declined"))
    }
}
