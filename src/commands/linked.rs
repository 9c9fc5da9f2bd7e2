//! What the `usage` verbs and `token relink` share: what links a repository through a
//! connection (SPEC §10), found by `linked::walk` over this run's API client, the walk's
//! failure hint naming `--kind`, and the rows (or the note when nothing is found).

use serde_json::Value;

use super::Context;
use super::failure::not_found;
use crate::api::client::{ApiClient, ApiRequest, Method};
use crate::api::model::primary;
use crate::api::pages::{IN_FLIGHT, WalkError, for_each_concurrent};
use crate::api::paths;
use crate::error::{Exit, Fail, Result};
use crate::linked::walk::{self, Keep, Source, WalkFailure};
use crate::linked::{Connection, Kind, Linked};
use crate::output::note;
use crate::progress::Progress;

/// Everything of the kinds `asked` for by `--kind` (none: all) in the organization that names
/// one of `connections`. The organization is read first: one that does not exist is exit 3 in
/// its own words, and what it says it has enabled decides whether a kind that depends on it
/// (Stacks) is walked when `--kind` does not name it; one left out is noted on stderr. A list
/// the server refuses fails the command with a hint naming `--kind` to leave that kind out.
pub(crate) fn find(
    ctx: &Context,
    asked: &[Kind],
    connections: &[Connection],
) -> Result<Vec<Linked>> {
    find_where(ctx, asked, |linked| linked.uses_any(connections)).map(|(found, _)| found)
}

/// Everything of the kinds `asked` for in the organization that `keep` keeps, and the kinds
/// left out because the organization does not enable them; `keep` sees every resource
/// walked. Refusals and kinds left out are as for [`find`].
pub(crate) fn find_where(
    ctx: &Context,
    asked: &[Kind],
    keep: impl Fn(&Linked) -> bool + Sync,
) -> Result<(Vec<Linked>, Vec<Kind>)> {
    let org = ctx.config.require_org()?;
    let read = ApiRequest::new(Method::GET, paths::organization(org));
    let Some(organization) = ctx.document_if_found(&read)? else {
        return Err(Fail::new(
            Exit::NotFound,
            format!("organization {org} does not exist, or this API token cannot see it"),
        )
        .hint("check --org (or TFE_ORGANIZATION); `tfvcs auth status` shows the organization and where the token comes from"));
    };
    let source = ApiSource {
        ctx,
        progress: ctx.progress("pages"),
    };
    let walk = walk::find_where(&source, org, primary(&organization), asked, keep);
    source.progress.finish();
    let walk = walk.map_err(refused_hint)?;
    for (kind, attribute) in &walk.not_enabled {
        let spec = kind.spec();
        note(&format!(
            "note: {} were not walked: organization {org} does not have {attribute}; \
             pass --kind {} to walk them anyway",
            spec.plural, spec.label
        ));
    }
    let not_walked = walk.not_enabled.iter().map(|(kind, _)| *kind).collect();
    Ok((walk.found, not_walked))
}

/// A refused list (401, 403, 404) gets a hint naming the `--kind` flags that leave its kind
/// out.
fn refused_hint(failure: WalkFailure) -> Fail {
    let WalkFailure {
        kind,
        walking,
        fail,
    } = failure;
    if !matches!(fail.exit, Exit::Auth | Exit::NotFound) {
        return fail;
    }
    let spec = kind.spec();
    let others: Vec<Kind> = walking.iter().copied().filter(|k| *k != kind).collect();
    let flags = if others.is_empty() {
        Kind::ALL
            .into_iter()
            .filter(|k| *k != kind)
            .map(|k| format!("--kind {}", k.label()))
            .collect::<Vec<_>>()
            .join(" or ")
    } else {
        others
            .iter()
            .map(|k| format!("--kind {}", k.label()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    fail.hint(format!(
        "the {} could not be listed, so this is not a complete answer; to leave {} out, pass {flags}",
        spec.plural, spec.plural
    ))
}

/// The walk over this run's API client: the lists side by side, each page paced by the run's
/// one pacer (`api/pages.rs`), and the module reads likewise; one progress line for all.
struct ApiSource<'a> {
    ctx: &'a Context,
    progress: Progress,
}

impl ApiSource<'_> {
    fn api(&self) -> Result<&ApiClient> {
        self.ctx.api()
    }
}

impl Source for ApiSource<'_> {
    fn lists(&self, paths: &[String], keep: &Keep) -> Vec<Result<Vec<Value>>> {
        let api = match self.api() {
            Ok(api) => api,
            Err(fail) => return vec![Err(fail)],
        };
        let walked: Vec<std::result::Result<Vec<Value>, WalkError<Fail>>> =
            std::thread::scope(|scope| {
                let walks: Vec<_> = paths
                    .iter()
                    .enumerate()
                    .map(|(i, path)| {
                        scope.spawn(move || {
                            let mut items = Vec::new();
                            let request = ApiRequest::new(Method::GET, path.clone());
                            api.walk(&request, &self.progress, |page| {
                                items.extend(
                                    page.items.iter().filter_map(|item| keep(i, item.value())),
                                );
                                Ok::<(), Fail>(())
                            })
                            .map(|_| items)
                        })
                    })
                    .collect();
                walks
                    .into_iter()
                    .map(|walk| walk.join().expect("a list walk panicked"))
                    .collect()
            });
        walked
            .into_iter()
            .map(|result| {
                result.map_err(|e| match e {
                    WalkError::Api(e) => self.ctx.fail(e),
                    WalkError::Deliver(fail) => fail,
                })
            })
            .collect()
    }

    fn reads(&self, paths: &[String]) -> Vec<Result<Value>> {
        let api = match self.api() {
            Ok(api) => api,
            Err(fail) => return vec![Err(fail)],
        };
        self.progress.add_total(paths.len() as u64);
        for_each_concurrent(paths, IN_FLIGHT, |path| {
            let read = api.document(&ApiRequest::new(Method::GET, path.clone()));
            self.progress.advance(1);
            read
        })
        .into_iter()
        .map(|read| {
            read.map(|doc| primary(&doc).clone())
                .map_err(|e| self.ctx.fail(e))
        })
        .collect()
    }
}

/// The connections given on the command line that do not exist, each read first (SPEC §10).
pub(crate) fn not_existing(ctx: &Context, connections: &[Connection]) -> Result<Vec<Connection>> {
    let mut missing = Vec::new();
    for connection in connections {
        let path = match connection {
            Connection::Token(id) => paths::token(id),
            Connection::GithubApp(id) => paths::github_app_installation(id),
        };
        if ctx
            .document_if_found(&ApiRequest::new(Method::GET, path))?
            .is_none()
        {
            missing.push(connection.clone());
        }
    }
    Ok(missing)
}

/// After the walk, each connection that does not exist: exit 3, unless resources still name
/// it (how a deleted connection leaves them), then a note saying so and how to relink them.
pub(crate) fn answer_for_missing(missing: &[Connection], found: &[Linked]) -> Result<()> {
    for connection in missing {
        let id = connection.id();
        if !found.iter().any(|l| l.connection() == Some(id)) {
            return Err(not_found(connection.what(), id));
        }
    }
    for connection in missing {
        note(&format!(
            "note: {} {} no longer exists; what still names it has no working connection: move it with `tfvcs token relink {} --to <ot-…|ghain-…>`",
            connection.what(),
            connection.id(),
            connection.id()
        ));
    }
    Ok(())
}

pub(crate) fn print(ctx: &Context, found: &[Linked], ids: &[impl AsRef<str>]) -> Result<()> {
    let org = ctx.config.require_org()?;
    let ids: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
    ctx.out.linked(
        found,
        &format!("nothing in organization {org} uses {}", ids.join(", ")),
    )
}
