//! `tfvcs doctor` (SPEC §11): the reads §11 lists and no others — the clients with their
//! tokens, the organization's tokens, the walks `usage` makes, each GitHub App installation a
//! resource names and, with `--live`, one `authorized-repos` page per token in use — fed to
//! the checks of `crate::doctor`; then the report, its summary line, and exit 0 or 7. Any
//! request that fails fails the command with its own exit code, and no report is printed.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use serde_json::Value;

use super::Context;
use super::failure::reason;
use super::linked::find_where;
use super::resolve::the_one_named;
use crate::api::client::{ApiRequest, Method};
use crate::api::error::ApiError;
use crate::api::pages::{IN_FLIGHT, for_each_concurrent};
use crate::api::paths;
use crate::cli::DoctorArgs;
use crate::doctor::facts::today;
use crate::doctor::{Answers, ClientFacts, Doctor, Live, Options, TokenFacts};
use crate::error::{Exit, Fail, Result};
use crate::linked::Kind;
use crate::output::note;
use crate::shared::ids::has_id_shape;

pub(crate) fn run(ctx: &Context, args: DoctorArgs) -> Result<()> {
    let org = ctx.config.require_org()?.to_string();
    let kinds = Kind::asked(&args.kind.kinds);
    let clients = read_list(
        ctx,
        ApiRequest::new(Method::GET, paths::organization_clients(&org))
            .query("include", "oauth_tokens"),
        ClientFacts::from_resource,
    )?;
    let only_clients = pick_clients(&clients, &args.clients, &org)?;
    let tokens = read_list(
        ctx,
        ApiRequest::new(Method::GET, paths::organization_tokens(&org)),
        TokenFacts::from_resource,
    )?;
    // The walks may judge items on several threads: each is counted under the lock and dropped.
    let doctor = Mutex::new(Doctor::new(clients, tokens, &kinds));
    let (_, not_walked) = find_where(ctx, &args.kind.kinds, |linked| {
        doctor
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .observe(linked);
        false
    })?;
    let mut doctor = doctor.into_inner().unwrap_or_else(|e| e.into_inner());
    for kind in not_walked {
        doctor.not_walked(kind);
    }
    let answers = Answers {
        missing_installations: missing_installations(ctx, &doctor.installations())?,
        live: if args.live {
            live(ctx, &doctor.tokens_in_use())?
        } else {
            HashMap::new()
        },
    };
    let report = doctor.report(
        &answers,
        &Options {
            max_age_days: i64::from(args.max_age),
            today: today(),
            only_clients,
        },
    );
    ctx.out.doctor(&report)?;
    note(&report.summary());
    if report.fails(args.strict) {
        Err(Fail::reported(Exit::Problems))
    } else {
        Ok(())
    }
}

/// Every item of every page of a list, each read into what the checks need as it arrives.
fn read_list<T>(ctx: &Context, request: ApiRequest, read: fn(&Value) -> T) -> Result<Vec<T>> {
    let progress = ctx.progress("pages");
    let mut items = Vec::new();
    ctx.walk(&request, &progress, |page| {
        items.extend(page.items.iter().map(|r| read(&r.value())));
        Ok(())
    })?;
    progress.finish();
    Ok(items)
}

/// The ids of the clients `--client` names (an `oc-…` id or a name), found in the list just
/// read: none is exit 3, a name that several clients share exit 2.
fn pick_clients(clients: &[ClientFacts], asked: &[String], org: &str) -> Result<Vec<String>> {
    asked
        .iter()
        .map(|reference| {
            let matches: Vec<_> = clients
                .iter()
                .filter(|c| &c.id == reference || c.name.as_deref() == Some(reference))
                .map(ClientFacts::view)
                .collect();
            the_one_named(reference, org, &matches)
        })
        .collect()
}

/// One GET per id, side by side under the run's pacer with a progress line `label`: the
/// answers in the ids' order. Each id is a server's, about to go into a path: one not of the
/// form `prefix`… is exit 1, and nothing is sent.
fn read_each(
    ctx: &Context,
    ids: &[String],
    prefix: &str,
    label: &'static str,
    request: impl Fn(&str) -> ApiRequest + Sync,
) -> Result<Vec<std::result::Result<Value, ApiError>>> {
    if let Some(id) = ids.iter().find(|id| !has_id_shape(id, prefix)) {
        return Err(Fail::other(format!(
            "the server sent an id that is not of the form {prefix}…: {id:?}; it was not read"
        )));
    }
    let api = ctx.api()?;
    let progress = ctx.progress(label);
    progress.add_total(ids.len() as u64);
    let answers = for_each_concurrent(ids, IN_FLIGHT, |id| {
        let answer = api.any_document(&request(id));
        progress.advance(1);
        answer
    });
    progress.finish();
    Ok(answers)
}

/// `GET /github-app/installation/:id` for each installation named: those that answer 404.
fn missing_installations(ctx: &Context, ids: &[String]) -> Result<HashSet<String>> {
    let answers = read_each(ctx, ids, "ghain-", "installations read", |id| {
        ApiRequest::new(Method::GET, paths::github_app_installation(id))
    })?;
    let mut missing = HashSet::new();
    for (id, answer) in ids.iter().zip(answers) {
        match answer {
            Ok(_) => {}
            Err(e) if e.status() == Some(404) => {
                missing.insert(id.clone());
            }
            Err(e) => return Err(ctx.fail(e)),
        }
    }
    Ok(missing)
}

/// `--live`: one `GET /oauth-tokens/:id/authorized-repos?page[size]=1` per token in use. A
/// refusal (400, 422: the VCS said no) is a finding; any other failure fails the command.
fn live(ctx: &Context, tokens: &[String]) -> Result<HashMap<String, Live>> {
    let answers = read_each(ctx, tokens, "ot-", "tokens asked", |id| {
        ApiRequest::new(Method::GET, paths::token_authorized_repos(id)).query("page[size]", "1")
    })?;
    let mut live = HashMap::new();
    for (id, answer) in tokens.iter().zip(answers) {
        let said = match answer {
            Ok(doc) if doc["data"].is_array() => Live::Ok,
            Ok(_) => {
                return Err(Fail::other(format!(
                    "GET /oauth-tokens/{id}/authorized-repos: `data` is not a list of repositories"
                )));
            }
            Err(
                e @ ApiError::Status {
                    status: 400 | 422, ..
                },
            ) => Live::Refused(reason(&e)),
            Err(e) => return Err(ctx.fail(e)),
        };
        live.insert(id.clone(), said);
    }
    Ok(live)
}
