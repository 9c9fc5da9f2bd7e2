//! Sending the PATCHes of a relink or an undo (SPEC §10 "The journal", "Interrupted"): side by
//! side and paced, each journaled before it is sent and after its answer; none started once
//! SIGINT or SIGTERM came or a journal line could not be written; then the rows, the summary
//! and the exit code (130 or 143 after a signal).

use serde_json::Value;

use crate::api::client::{ApiClient, ApiRequest};
use crate::api::error::ApiError;
use crate::api::pages::{IN_FLIGHT, for_each_concurrent};
use crate::commands::Context;
use crate::commands::failure::{exit_code, reason};
use crate::error::{Exit, Fail, Result};
use crate::interrupt::{Catch, RemoveOnSignal};
use crate::linked::Linked;
use crate::linked::journal::{Header, Journal, place};
use crate::linked::relink::{Outcome, Report};
use crate::output::note;
use crate::prompt;

/// The journal of a run: created before any request (so that a run that could not write one
/// sends nothing), never on `--dry-run`. Its path is printed once the run is sure to send a
/// PATCH: off a terminal before the plan (the first line of stderr), at a terminal once the
/// plan is confirmed. One that never recorded a PATCH (nothing to send, a refusal, a failed
/// check, a declined plan, a signal before the first PATCH) holds only its header and is
/// removed, on a signal before the PATCH phase too.
pub(crate) struct JournalSlot {
    journal: Option<Journal>,
    /// Removes the journal if a signal ends the run before its PATCH phase.
    _remove_on_signal: Option<RemoveOnSignal>,
    announced: bool,
    /// Off a terminal the path comes before the plan, else after the confirmation.
    before_plan: bool,
}

impl JournalSlot {
    /// Creates the journal (`--journal FILE`, else in the default folder), unless `dry_run`.
    pub(crate) fn new(
        ctx: &Context,
        file: Option<&std::path::Path>,
        label: &str,
        header: &Header,
        dry_run: bool,
    ) -> Result<JournalSlot> {
        let journal = match dry_run {
            true => None,
            false => Some(Journal::create(&place(file)?, label, header)?),
        };
        let remove_on_signal = journal.as_ref().map(|j| RemoveOnSignal::install(j.path()));
        Ok(JournalSlot {
            journal,
            _remove_on_signal: remove_on_signal,
            announced: false,
            before_plan: !prompt::interactive(ctx.config.no_input),
        })
    }

    /// Called right before the plan of a run that has PATCHes to send: off a terminal, the
    /// journal's path is printed now, ahead of the plan and its warnings.
    pub(crate) fn before_plan(&mut self) {
        if self.before_plan && self.journal.is_some() {
            self.open();
        }
    }

    /// The journal, its path on stderr if not yet.
    pub(crate) fn open(&mut self) -> &Journal {
        let journal = self
            .journal
            .as_ref()
            .expect("a run that sends has a journal");
        if !self.announced {
            note(&format!("journal: {}", journal.path().display()));
            self.announced = true;
        }
        journal
    }
}

impl Drop for JournalSlot {
    fn drop(&mut self) {
        if let Some(journal) = &self.journal
            && !journal.recorded_a_patch()
        {
            let _ = std::fs::remove_file(journal.path());
        }
    }
}

/// What one PATCH of the run is: the resource it changes (as last read), the request, and
/// the check of a 2xx answer.
pub(crate) struct Send<'a> {
    pub(crate) seq: usize,
    pub(crate) linked: &'a Linked,
    pub(crate) request: ApiRequest,
    pub(crate) check: &'a dyn Fn(&Value) -> std::result::Result<(), String>,
}

/// The PATCH phase of one run.
pub(crate) struct Run<'a> {
    pub(crate) api: &'a ApiClient,
    pub(crate) journal: &'a Journal,
    pub(crate) catch: &'a Catch,
    /// `relinked` or `restored`: what a row that succeeded says.
    pub(crate) verb: &'static str,
}

impl Run<'_> {
    /// Why nothing more may be sent: a signal came, or the journal cannot be written.
    pub(crate) fn stopped(&self) -> Option<Outcome> {
        if let Some(exit) = self.catch.caught() {
            return Some(Outcome::Failed {
                exit,
                reason: "not sent: interrupted".into(),
            });
        }
        self.journal.is_broken().then(|| Outcome::Failed {
            exit: Exit::Failure,
            reason: "not sent: the journal could not be written".into(),
        })
    }

    /// The answer's failure as a row, journaled.
    pub(crate) fn failed_read(error: &ApiError) -> Outcome {
        Outcome::Failed {
            exit: exit_code(error),
            reason: reason(error),
        }
    }

    /// Sends one PATCH between its two journal lines: the first on disk before the request
    /// (or nothing is sent), the second with the status, the row's result and the `vcs-repo`
    /// answered.
    pub(crate) fn send(&self, send: Send) -> Outcome {
        let sent = send
            .request
            .body
            .as_ref()
            .map(|b| b.redacted())
            .and_then(|doc| doc.pointer("/data/attributes/vcs-repo").cloned())
            .unwrap_or(Value::Null);
        if let Err(why) = self.journal.before_patch(send.seq, send.linked, &sent) {
            return Outcome::Failed {
                exit: Exit::Failure,
                reason: format!("not sent: {why}"),
            };
        }
        let (status, outcome, answer) = match self.api.send(&send.request) {
            Err(error) => {
                let status = match &error {
                    ApiError::Status { status, .. } | ApiError::Redirect { status, .. } => {
                        Some(*status)
                    }
                    ApiError::Unexpected { status, .. } => Some(*status),
                    ApiError::Transport { .. } | ApiError::Malformed { .. } => None,
                };
                (status, Self::failed_read(&error), None)
            }
            Ok(response) => {
                let answer = response
                    .body
                    .as_ref()
                    .and_then(|doc| doc.get("data"))
                    .filter(|data| data.is_object())
                    .cloned();
                let outcome = match &answer {
                    None => Outcome::Failed {
                        exit: Exit::Failure,
                        reason: "the answer is not a JSON:API document".into(),
                    },
                    Some(answer) => match (send.check)(answer) {
                        Ok(()) => Outcome::Relinked(answer.clone()),
                        Err(reason) => Outcome::Failed {
                            exit: Exit::Failure,
                            reason,
                        },
                    },
                };
                (Some(response.status), outcome, answer)
            }
        };
        let result = match &outcome {
            Outcome::Relinked(_) => self.verb.to_string(),
            Outcome::Done(text) => text.clone(),
            Outcome::Failed { reason, .. } => format!("failed: {reason}"),
        };
        if let Err(why) =
            self.journal
                .after_answer(send.seq, send.linked.id(), status, &result, answer.as_ref())
        {
            // The PATCH went out: its row stays as answered, but nothing more is sent.
            note(&format!("error: {why}"));
        }
        outcome
    }
}

/// The PATCH phase of a run: the journal created (if not yet) and its path shown, signals
/// caught, `task` run over `items` as [`each`] does, then the rows `rows` makes of the
/// outcomes, the summary and the exit as [`finish`] gives them.
pub(crate) fn send_all<T: Sync>(
    ctx: &Context,
    slot: &mut JournalSlot,
    verb: &'static str,
    items: &[T],
    task: impl Fn(&Run, usize, &T) -> Outcome + Sync,
    rows: impl FnOnce(Vec<Outcome>) -> Vec<(Linked, Outcome)>,
    again: &str,
) -> Result<()> {
    let journal = slot.open();
    let catch = Catch::install();
    let run = Run {
        api: ctx.api()?,
        journal,
        catch: &catch,
        verb,
    };
    let outcomes = each(ctx, verb, items, |seq, item| task(&run, seq, item));
    let report = Report {
        rows: rows(outcomes),
    };
    finish(ctx, &report, verb, Some((&catch, journal)), again)
}

/// Runs `task` over `items` side by side (paced by the API client), with one progress line;
/// `task` gets each item's 1-based place in the plan, the journal's `seq`.
fn each<T: Sync>(
    ctx: &Context,
    verb: &'static str,
    items: &[T],
    task: impl Fn(usize, &T) -> Outcome + Sync,
) -> Vec<Outcome> {
    let progress = ctx.progress(verb);
    progress.add_total(items.len() as u64);
    let numbered: Vec<(usize, &T)> = items.iter().enumerate().map(|(i, t)| (i + 1, t)).collect();
    let outcomes = for_each_concurrent(&numbered, IN_FLIGHT, |(seq, item)| {
        let outcome = task(*seq, item);
        match outcome {
            Outcome::Relinked(_) | Outcome::Done(_) => progress.advance(1),
            Outcome::Failed { .. } => progress.fail(),
        }
        outcome
    });
    progress.finish();
    outcomes
}

/// The rows, the summary line, and the exit: 130 or 143 after a signal caught during the
/// PATCHes (with how to finish or undo), else that of the first failed row.
pub(crate) fn finish(
    ctx: &Context,
    report: &Report,
    verb: &'static str,
    sent: Option<(&Catch, &Journal)>,
    again: &str,
) -> Result<()> {
    ctx.out.relinked(report, verb)?;
    note(&report.summary(verb));
    if let Some((catch, journal)) = sent
        && let Some(exit) = catch.caught()
    {
        let not_sent = report
            .rows
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Failed { reason, .. } if reason.starts_with("not sent")))
            .count();
        let signal = if exit == Exit::Terminated {
            "terminated"
        } else {
            "interrupted"
        };
        let fail = Fail::new(
            exit,
            format!("{signal}: {not_sent} of {} not sent", report.rows.len()),
        )
        .hint(again.to_string());
        // A journal of no PATCH is removed: nothing to put back.
        return Err(match journal.recorded_a_patch() {
            true => fail.hint(format!(
                "to put back what was done: tfvcs token relink --undo {}",
                journal.path().display()
            )),
            false => fail,
        });
    }
    match report.exit() {
        None => Ok(()),
        Some(exit) => Err(Fail::new(
            exit,
            format!(
                "{} of {} not {verb}",
                report.rows.len() - report.relinked().count() - report.done(),
                report.rows.len()
            ),
        )
        .hint(again.to_string())),
    }
}
