//! `tfvcs token relink FROM --to TO` (SPEC §10): the target checks, then what uses FROM, the
//! plan (with the new repositories of a move, `--map` and `--rewrite`) and its confirmation,
//! the journal, one PATCH per resource with its answer checked, a row per resource and the
//! summary line. Nothing changes before the checks pass. `--undo` is in `undo.rs`, the PATCH
//! phase both share in `run.rs`.

mod run;
mod target;
mod undo;

use crate::cli::TokenRelinkArgs;
use crate::commands::Context;
use crate::commands::confirm::{self, RELINK, ensure_confirmable};
use crate::commands::linked;
use crate::error::{Exit, Fail, Result};
use crate::linked::journal::{Header, Operation};
use crate::linked::kind::KINDS;
use crate::linked::map::{self, RepoMap};
use crate::linked::moves::{self, Move};
use crate::linked::relink::{self, Outcome, Planned, Report, Step, check_answer, check_unchanged};
use crate::linked::{Connection, Kind, Linked};
use crate::output::{self, note};
use run::{JournalSlot, Run, Send};
use target::check_target;

pub(crate) fn relink(ctx: &Context, args: TokenRelinkArgs) -> Result<()> {
    if let Some(journal) = &args.undo {
        return undo::undo(ctx, journal, &args);
    }
    let (Some(from), Some(to)) = (args.from.clone(), args.to.clone()) else {
        return Err(Fail::usage(
            "FROM and --to are needed, unless --undo is given",
        ));
    };
    let from_id = from.id();
    let rules = map::rules(args.map.as_deref(), &args.rewrite)?;
    if args.keep_unmapped && rules.is_empty() {
        let why = match &args.map {
            Some(map) => format!("the map {} has no entries", map.display()),
            None => "pass --map or --rewrite too".to_string(),
        };
        return Err(Fail::usage(format!(
            "--keep-unmapped belongs to a move of repositories: {why}"
        )));
    }
    if to.id() == from_id && rules.is_empty() {
        return Err(
            Fail::usage(format!("FROM and --to are the same connection ({from_id})"))
                .hint("to move repositories on one connection, pass --map or --rewrite"),
        );
    }
    let kinds = narrowed_kinds(&args)?;
    let org = ctx.config.require_org()?.to_string();
    ensure_confirmable(ctx, &RELINK, args.yes, args.dry_run)?;
    let mut header = Header::new(
        Operation::Relink,
        &ctx.config.endpoint.host_key(),
        &org,
        from_id,
        to.id(),
    );
    if !rules.is_empty() {
        header.rules = rules.describe();
        header.rules["keep-unmapped"] = args.keep_unmapped.into();
    }
    let mut journal = JournalSlot::new(
        ctx,
        args.journal.as_deref(),
        &format!("relink-{from_id}"),
        &header,
        args.dry_run,
    )?;

    let mut sides = check_target(ctx, &org, &from, &to)?;
    let mut connections = vec![from.clone()];
    if !rules.is_empty() && from != to {
        // What already moved names TO: found, to be listed as done.
        connections.push(to.clone());
    }
    let mut found = linked::find(ctx, &kinds, &connections)?;
    moves::keep_ours(&mut found, &rules, &from);
    let found = narrow_to_workspaces(found, &args, from_id)?;
    let (planned, done, warnings) = decide(found, &rules, &from, &to, args.keep_unmapped)?;
    let steps = relink::plan(&org, planned, &to)?;
    if steps.is_empty()
        && done.is_empty()
        && let Some(gone) = sides.from_gone.take()
    {
        return Err(gone);
    }
    if steps.is_empty() && done.is_empty() {
        return ctx.out.linked(
            &[],
            &format!("nothing in organization {org} uses {from_id}: nothing to relink"),
        );
    }

    if !steps.is_empty() {
        journal.before_plan();
    }
    for warning in &warnings {
        note(warning);
    }
    if sides.from_gone.is_some() {
        note(&format!(
            "note: {from_id} no longer exists; {} still {} it",
            crate::doctor::counted(steps.len(), "resource", "resources"),
            if steps.len() == 1 { "names" } else { "name" }
        ));
    }
    output::notes(&output::relink_plan(
        &steps,
        &done,
        &sides.source_label(),
        &sides.target_label(),
    ));
    let done_rows = || {
        done.iter()
            .map(|l| (l.clone(), Outcome::Done("already moved".into())))
            .collect::<Vec<_>>()
    };
    if steps.is_empty() {
        let report = Report { rows: done_rows() };
        return run::finish(ctx, &report, "relinked", None, AGAIN);
    }
    for spec in KINDS.iter().filter(|s| s.queues_runs) {
        if relink::count_of(&steps, spec.kind) > 0 {
            note(&format!(
                "note: TFE may queue a run on each relinked {}",
                spec.singular
            ));
        }
    }
    if args.dry_run {
        let base_url = ctx.config.endpoint.base_url();
        for step in &steps {
            output::dry_run(&step.request, &base_url)?;
        }
        return Ok(());
    }
    if !args.yes {
        let resources = if steps.len() == 1 {
            "resource"
        } else {
            "resources"
        };
        let question = format!(
            "Relink {} {resources} from {from_id} to {}?",
            steps.len(),
            to.id()
        );
        confirm::ask(&RELINK, &[], &question)?;
    }

    run::send_all(
        ctx,
        &mut journal,
        "relinked",
        &steps,
        |run, seq, step| patch(run, seq, step, &from, &to),
        |outcomes| {
            let mut rows: Vec<(Linked, Outcome)> = steps
                .iter()
                .map(|step| step.linked.clone())
                .zip(outcomes)
                .collect();
            rows.extend(done_rows());
            rows
        },
        AGAIN,
    )
}

const AGAIN: &str = "run the same command again to relink what is still on FROM";

/// Each resource with the new identifier its move gives it (none without rules), those
/// already moved, and the warnings about rules that matched nothing. Refusals are exit 2,
/// nothing sent.
fn decide(
    found: Vec<Linked>,
    rules: &RepoMap,
    from: &Connection,
    to: &Connection,
    keep_unmapped: bool,
) -> Result<(Vec<Planned>, Vec<Linked>, Vec<String>)> {
    if rules.is_empty() {
        let planned = found.into_iter().map(|l| (l, None)).collect();
        return Ok((planned, Vec::new(), Vec::new()));
    }
    let decided = moves::decide(found, rules, from, to, keep_unmapped)?;
    let mut planned = Vec::new();
    let mut done = Vec::new();
    for (linked, decided) in decided.moves {
        match decided {
            Move::To(new) => planned.push((linked, Some(new))),
            Move::Keep => planned.push((linked, None)),
            Move::Done => done.push(linked),
        }
    }
    Ok((planned, done, decided.warnings))
}

/// `--workspace` implies `--kind workspace` and cannot be combined with another kind.
fn narrowed_kinds(args: &TokenRelinkArgs) -> Result<Vec<Kind>> {
    if args.workspaces.is_empty() {
        return Ok(args.kind.kinds.clone());
    }
    let by_name = Kind::narrowed_by_name();
    if args.kind.kinds.iter().any(|k| *k != by_name) {
        return Err(Fail::usage(format!(
            "--{} narrows the relink to {}: it cannot be combined with another --kind",
            by_name.label(),
            by_name.spec().plural
        )));
    }
    Ok(vec![by_name])
}

/// With `--workspace`, only those workspaces; each must use FROM (exit 2 otherwise).
fn narrow_to_workspaces(
    found: Vec<Linked>,
    args: &TokenRelinkArgs,
    from: &str,
) -> Result<Vec<Linked>> {
    if args.workspaces.is_empty() {
        return Ok(found);
    }
    let is_named = |l: &Linked, w: &str| l.id() == w || l.name() == w;
    if let Some(missing) = args
        .workspaces
        .iter()
        .find(|w| !found.iter().any(|l| is_named(l, w)))
    {
        let by_name = Kind::narrowed_by_name().spec();
        return Err(Fail::usage(format!(
            "{} {missing:?} does not use {from}: nothing was changed",
            by_name.singular
        ))
        .hint(format!(
            "run `tfvcs token usage {from} --kind {}` to see the {} that do",
            by_name.label, by_name.plural
        )));
    }
    Ok(found
        .into_iter()
        .filter(|l| args.workspaces.iter().any(|w| is_named(l, w)))
        .collect())
}

/// Reads the resource again, and only when it is still as planned sends its PATCH (repeating
/// the settings just read, with the new identifier of a move), journaled around it, and checks
/// the answer.
fn patch(run: &Run, seq: usize, step: &Step, from: &Connection, to: &Connection) -> Outcome {
    if let Some(stopped) = run.stopped() {
        return stopped;
    }
    let fresh = match run.api.document(&step.read) {
        Ok(doc) => doc["data"].clone(),
        Err(error) => return Run::failed_read(&error),
    };
    let fresh = match check_unchanged(&step.linked, &fresh, from) {
        Ok(fresh) => fresh,
        Err(reason) => {
            return Outcome::Failed {
                exit: Exit::Failure,
                reason,
            };
        }
    };
    let expected = step.moved(&fresh);
    let check = |answer: &serde_json::Value| check_answer(&expected, answer, from, to);
    run.send(Send {
        seq,
        linked: &fresh,
        request: step.patch_for(&fresh, to),
        check: &check,
    })
}
