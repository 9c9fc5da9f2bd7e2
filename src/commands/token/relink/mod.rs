//! `tfvcs token relink FROM --to TO` (SPEC §10): the target checks, then what uses FROM, the
//! plan and its confirmation, one PATCH per resource with its answer checked, a row per
//! resource and the summary line. Nothing changes before the checks pass.

mod target;

use crate::api::client::ApiClient;
use crate::api::error::ApiError;
use crate::api::pages::{IN_FLIGHT, for_each_concurrent};
use crate::cli::TokenRelinkArgs;
use crate::commands::Context;
use crate::commands::confirm::{self, RELINK, ensure_confirmable};
use crate::commands::failure::{exit_code, reason};
use crate::commands::linked;
use crate::error::{Exit, Fail, Result};
use crate::linked::kind::KINDS;
use crate::linked::relink::{self, Outcome, Report, Step, check_answer, check_unchanged};
use crate::linked::{Connection, Kind, Linked};
use crate::output::{self, note};
use target::check_target;

pub(crate) fn relink(ctx: &Context, args: TokenRelinkArgs) -> Result<()> {
    let to = args.to.clone();
    if to.id() == &*args.from {
        return Err(Fail::usage(format!(
            "FROM and --to are the same connection ({})",
            args.from
        )));
    }
    let kinds = narrowed_kinds(&args)?;
    let org = ctx.config.require_org()?.to_string();
    ensure_confirmable(ctx, &RELINK, args.yes, args.dry_run)?;

    let sides = check_target(ctx, &org, &args.from, &to)?;
    let from = [Connection::Token(args.from.to_string())];
    let found = narrow_to_workspaces(linked::find(ctx, &kinds, &from)?, &args)?;
    let steps = relink::plan(&org, found, &to)?;
    if steps.is_empty() {
        return ctx.out.linked(
            &[],
            &format!(
                "nothing in organization {org} uses {}: nothing to relink",
                args.from
            ),
        );
    }

    output::notes(&output::relink_plan(
        &steps,
        &sides.source_label(),
        &sides.target_label(),
    ));
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
            "Relink {} {resources} from {} to {}?",
            steps.len(),
            args.from,
            to.id()
        );
        confirm::ask(&RELINK, &[], &question)?;
    }

    let api = ctx.api()?;
    let progress = ctx.progress("relinked");
    progress.add_total(steps.len() as u64);
    let outcomes = for_each_concurrent(&steps, IN_FLIGHT, |step| {
        let outcome = patch(api, step, &from[0], &to);
        match outcome {
            Outcome::Relinked(_) => progress.advance(1),
            Outcome::Failed { .. } => progress.fail(),
        }
        outcome
    });
    progress.finish();
    let report = Report {
        rows: steps
            .into_iter()
            .map(|step| step.linked)
            .zip(outcomes)
            .collect(),
    };
    ctx.out.relinked(&report)?;
    note(&report.summary());
    match report.exit() {
        None => Ok(()),
        Some(exit) => Err(Fail::new(
            exit,
            format!(
                "{} of {} not relinked",
                report.rows.len() - report.relinked().count(),
                report.rows.len()
            ),
        )
        .hint("run the same command again to relink what is still on FROM")),
    }
}

/// `--workspace` implies `--kind workspace` and cannot be combined with another kind.
fn narrowed_kinds(args: &TokenRelinkArgs) -> Result<Vec<Kind>> {
    if args.workspaces.is_empty() {
        return Ok(Kind::asked(&args.kind.kinds));
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
fn narrow_to_workspaces(found: Vec<Linked>, args: &TokenRelinkArgs) -> Result<Vec<Linked>> {
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
            "{} {missing:?} does not use {}: nothing was changed",
            by_name.singular, args.from
        ))
        .hint(format!(
            "run `tfvcs token usage {} --kind {}` to see the {} that do",
            args.from, by_name.label, by_name.plural
        )));
    }
    Ok(found
        .into_iter()
        .filter(|l| args.workspaces.iter().any(|w| is_named(l, w)))
        .collect())
}

/// Reads the resource again, and only when it is still as planned sends its PATCH (repeating
/// the settings just read) and checks the answer.
fn patch(api: &ApiClient, step: &Step, from: &Connection, to: &Connection) -> Outcome {
    let failed = |error: &ApiError| Outcome::Failed {
        exit: exit_code(error),
        reason: reason(error),
    };
    let fresh = match api.document(&step.read) {
        Ok(doc) => doc["data"].clone(),
        Err(error) => return failed(&error),
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
    let response = match api.send(&step.patch_for(&fresh, to)) {
        Ok(response) => response,
        Err(error) => return failed(&error),
    };
    let answer = response
        .body
        .as_ref()
        .and_then(|doc| doc.get("data"))
        .filter(|data| data.is_object());
    match answer {
        None => Outcome::Failed {
            exit: Exit::Failure,
            reason: "the answer is not a JSON:API document".into(),
        },
        Some(answer) => match check_answer(&fresh, answer, from, to) {
            Ok(()) => Outcome::Relinked(answer.clone()),
            Err(reason) => Outcome::Failed {
                exit: Exit::Failure,
                reason,
            },
        },
    }
}
