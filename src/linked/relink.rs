//! Re-pointing resources from one connection to another (SPEC §10): the plan (one PATCH per
//! resource), the check that a resource read again right before its PATCH is still as planned
//! (the plan is a snapshot, and a confirmation can take minutes), the check of each answer,
//! and the outcome with its summary line and exit code.

use serde_json::Value;

use super::connection::Connection;
use super::kind::Kind;
use super::resource::Linked;
use crate::api::client::{ApiRequest, Method};
use crate::error::{Exit, Fail, Result};

/// One resource to relink: as planned, the GET that reads it again, and the PATCH planned.
#[derive(Clone)]
pub(crate) struct Step {
    pub(crate) linked: Linked,
    /// The identifier a move to other repositories sends instead of the resource's own.
    pub(crate) identifier: Option<String>,
    pub(crate) read: ApiRequest,
    pub(crate) request: ApiRequest,
}

impl Step {
    /// The PATCH to send once the resource is read again: the planned path, with a body that
    /// repeats the settings just read (and names the new repository of a move).
    pub(crate) fn patch_for(&self, fresh: &Linked, to: &Connection) -> ApiRequest {
        self.request
            .clone()
            .body(patch_body(&self.moved(fresh), to))
    }

    /// `linked` as the relink leaves it: with the new identifier of a move, else as it is.
    /// What the answer is checked against.
    pub(crate) fn moved(&self, linked: &Linked) -> Linked {
        moved(linked, self.identifier.as_deref())
    }
}

fn moved(linked: &Linked, identifier: Option<&str>) -> Linked {
    let mut moved = linked.clone();
    if let Some(new) = identifier
        && let Some(repo) = moved
            .resource
            .pointer_mut("/attributes/vcs-repo")
            .and_then(Value::as_object_mut)
    {
        repo.insert("identifier".into(), new.into());
    }
    moved
}

fn patch_body(linked: &Linked, to: &Connection) -> Value {
    let empty = serde_json::Map::new();
    linked
        .kind
        .patch_body(linked.vcs_repo().unwrap_or(&empty), to)
}

/// A resource to relink with the new identifier a move gives it (`None`: it keeps its
/// repository).
pub(crate) type Planned = (Linked, Option<String>);

/// One PATCH per resource, in the order found, each repeating the resource's own settings
/// (with the new identifier of a move) and naming `to`. Fails (exit 1, nothing sent) when a
/// module lacks what its path needs.
pub(crate) fn plan(org: &str, found: Vec<Planned>, to: &Connection) -> Result<Vec<Step>> {
    found
        .into_iter()
        .map(|(linked, identifier)| {
            let unsafe_path = || {
                Fail::other(format!(
                    "{} {} has no id, namespace, name or provider that a path can be built from safely",
                    linked.kind.label(),
                    linked.id()
                ))
            };
            let patch = linked
                .kind
                .patch_path(org, &linked.resource)
                .ok_or_else(unsafe_path)?;
            let read = linked
                .kind
                .read_path(org, &linked.resource)
                .ok_or_else(unsafe_path)?;
            let body = patch_body(&moved(&linked, identifier.as_deref()), to);
            Ok(Step {
                read: ApiRequest::new(Method::GET, read),
                request: ApiRequest::new(Method::PATCH, patch).body(body),
                identifier,
                linked,
            })
        })
        .collect()
}

/// A `vcs-repo` value as compared: absent, null and `""` all mean "not set".
fn setting<'a>(repo: Option<&'a serde_json::Map<String, Value>>, key: &str) -> &'a Value {
    match repo.and_then(|r| r.get(key)) {
        None | Some(Value::Null) => &Value::Null,
        Some(Value::String(s)) if s.is_empty() => &Value::Null,
        Some(value) => value,
    }
}

/// Checks the resource as read again right before its PATCH against the plan: it must be the
/// same resource, still name `from`, and hold the settings the PATCH repeats unchanged (a
/// branch moved, or the resource re-linked elsewhere, while the confirmation waited would
/// otherwise be written back over). Returns it as read; the error is the row's reason.
pub(crate) fn check_unchanged(
    planned: &Linked,
    fresh: &Value,
    from: &Connection,
) -> std::result::Result<Linked, String> {
    let changed = |what: String| Err(format!("changed since the plan: {what}"));
    let fresh = Linked::new(planned.kind, fresh.clone());
    if fresh.id() != planned.id() {
        return changed(format!("the read answered for {}", fresh.id()));
    }
    let Some(repo) = fresh.vcs_repo() else {
        return changed("it no longer links a repository".into());
    };
    if !from.is_named_by(repo) {
        let named = fresh.connection().unwrap_or("no connection");
        return changed(format!("it now uses {named}, not {}", from.id()));
    }
    let differences: Vec<String> = planned
        .kind
        .spec()
        .repeats
        .iter()
        .filter_map(|repeat| {
            let (was, now) = (
                setting(planned.vcs_repo(), repeat.key),
                setting(Some(repo), repeat.key),
            );
            (was != now).then(|| format!("{} is now {now} (was {was})", repeat.key))
        })
        .collect();
    if differences.is_empty() {
        Ok(fresh)
    } else {
        changed(differences.join("; "))
    }
}

fn text<'a>(repo: Option<&'a serde_json::Map<String, Value>>, key: &str) -> &'a str {
    repo.and_then(|r| r.get(key))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// Checks the server's answer to a relink PATCH: it must be for the resource patched, its
/// `vcs-repo` must name `to` and no longer name `from` (under any key; unless they are the same,
/// as in a move of repositories on one connection), and keep the identifier (the new one of a
/// move: see [`Step::moved`]) and branch it had (a default branch may read as `""` or null). A module's
/// re-ingestion (`status: pending`) is expected and not checked. The error says what is wrong.
pub(crate) fn check_answer(
    before: &Linked,
    answer: &Value,
    from: &Connection,
    to: &Connection,
) -> std::result::Result<(), String> {
    let after = Linked::new(before.kind, answer.clone());
    if after.id() != before.id() {
        return Err(format!(
            "the answer is for {}, not {}",
            shown_id(after.id()),
            before.id()
        ));
    }
    let Some(repo) = after.vcs_repo() else {
        return Err("the answer has no vcs-repo".into());
    };
    if !to.is_named_by(repo) {
        let named = after.connection().unwrap_or("no connection");
        return Err(format!("the answer names {named}, not {}", to.id()));
    }
    if from != to
        && ["oauth-token-id", "github-app-installation-id"]
            .iter()
            .any(|key| repo.get(*key).and_then(Value::as_str) == Some(from.id()))
    {
        return Err(format!("the answer still names {}", from.id()));
    }
    let mut changed = Vec::new();
    for key in ["identifier", "branch"] {
        let (was, now) = (text(before.vcs_repo(), key), text(Some(repo), key));
        if was != now {
            let shown = |s: &str| {
                if s.is_empty() {
                    "(default)".to_string()
                } else {
                    s.to_string()
                }
            };
            changed.push(format!(
                "{key} changed from {} to {}",
                shown(was),
                shown(now)
            ));
        }
    }
    if changed.is_empty() {
        Ok(())
    } else {
        Err(changed.join("; "))
    }
}

fn shown_id(id: &str) -> &str {
    if id.is_empty() { "no id" } else { id }
}

/// What happened to one resource.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    /// Relinked (or restored); the resource as the server answered.
    Relinked(Value),
    /// Nothing to send: already where the run puts it (`already moved`, `already back`).
    Done(String),
    /// Not relinked (or relinked wrongly): the exit code it stands for and why.
    Failed { exit: Exit, reason: String },
}

/// Every step's outcome, in plan order.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) rows: Vec<(Linked, Outcome)>,
}

impl Report {
    pub(crate) fn relinked(&self) -> impl Iterator<Item = (&Linked, &Value)> {
        self.rows
            .iter()
            .filter_map(|(linked, outcome)| match outcome {
                Outcome::Relinked(answer) => Some((linked, answer)),
                Outcome::Done(_) | Outcome::Failed { .. } => None,
            })
    }

    /// How many rows were already done.
    pub(crate) fn done(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Done(_)))
            .count()
    }

    /// `relinked N of M`, then the relinked counts per kind that are not zero, then how many
    /// were already done: `relinked 4 of 6: 2 workspaces, 1 policy set, 1 module; 1 already
    /// done`. `verb` is `relinked` or `restored`.
    pub(crate) fn summary(&self, verb: &str) -> String {
        let counts = Kind::counted(self.relinked().map(|(l, _)| l.kind));
        let mut line = format!("{verb} {} of {}", self.relinked().count(), self.rows.len());
        if !counts.is_empty() {
            line.push_str(": ");
            line.push_str(&counts);
        }
        let done = self.done();
        if done > 0 {
            line.push_str(&format!("; {done} already done"));
        }
        line
    }

    /// The exit code of the first failed resource in plan order; `None` when all succeeded.
    pub(crate) fn exit(&self) -> Option<Exit> {
        self.rows.iter().find_map(|(_, outcome)| match outcome {
            Outcome::Failed { exit, .. } => Some(*exit),
            Outcome::Relinked(_) | Outcome::Done(_) => None,
        })
    }
}

/// How many of `kind` the plan holds (for the note about runs on workspaces).
pub(crate) fn count_of(steps: &[Step], kind: Kind) -> usize {
    steps.iter().filter(|s| s.linked.kind == kind).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ws(id: &str, branch: &str) -> Linked {
        Linked::new(
            Kind::Workspace,
            json!({"id": id, "attributes": {"name": id, "vcs-repo": {
                "identifier": "o/r", "branch": branch, "ingress-submodules": false,
                "oauth-token-id": "ot-FROM"}}}),
        )
    }

    fn answer(token: &str, identifier: &str, branch: Value) -> Value {
        json!({"id": "ws-a", "attributes": {"vcs-repo": {
            "identifier": identifier, "branch": branch, "oauth-token-id": token}}})
    }

    #[test]
    fn plan_has_one_patch_per_resource_in_order() {
        let to = Connection::Token("ot-TO".into());
        let steps = plan(
            "org",
            vec![(ws("ws-a", "main"), None), (ws("ws-b", ""), None)],
            &to,
        )
        .unwrap();
        let paths: Vec<&str> = steps.iter().map(|s| s.request.path.as_str()).collect();
        assert_eq!(paths, ["/workspaces/ws-a", "/workspaces/ws-b"]);
        assert_eq!(steps[0].request.method, Method::PATCH);
        assert_eq!(
            steps[0].request.body.as_ref().unwrap().redacted()["data"]["attributes"]["vcs-repo"],
            json!({"identifier": "o/r", "branch": "main", "ingress-submodules": false,
                   "oauth-token-id": "ot-TO"})
        );
    }

    #[test]
    fn a_module_without_its_path_parts_fails_the_plan() {
        let module = Linked::new(
            Kind::Module,
            json!({"id": "mod-x", "attributes": {"vcs-repo": {}}}),
        );
        match plan(
            "org",
            vec![(module, None)],
            &Connection::Token("ot-TO".into()),
        ) {
            Err(fail) => assert_eq!(fail.exit, Exit::Failure),
            Ok(_) => panic!("a module without its path parts was planned"),
        }
    }

    #[test]
    fn an_answer_must_name_the_target_and_keep_identifier_and_branch() {
        let (from, to) = (
            Connection::Token("ot-FROM".into()),
            Connection::Token("ot-TO".into()),
        );
        let before = ws("ws-a", "main");
        assert_eq!(
            check_answer(&before, &answer("ot-TO", "o/r", json!("main")), &from, &to),
            Ok(())
        );
        assert_eq!(
            check_answer(
                &before,
                &answer("ot-FROM", "o/r", json!("main")),
                &from,
                &to
            ),
            Err("the answer names ot-FROM, not ot-TO".into())
        );
        assert_eq!(
            check_answer(&before, &answer("ot-TO", "o/r", json!("dev")), &from, &to),
            Err("branch changed from main to dev".into())
        );
        assert_eq!(
            check_answer(&before, &answer("ot-TO", "o/x", json!(null)), &from, &to),
            Err("identifier changed from o/r to o/x; branch changed from main to (default)".into())
        );
        let default = ws("ws-a", "");
        assert_eq!(
            check_answer(&default, &answer("ot-TO", "o/r", json!(null)), &from, &to),
            Ok(()),
            "a default branch may come back as null"
        );
        assert!(
            check_answer(
                &before,
                &json!({"id": "ws-a", "attributes": {}}),
                &from,
                &to
            )
            .is_err()
        );
    }

    #[test]
    fn a_stack_answered_with_its_branch_fallen_back_to_the_default_fails_naming_it() {
        let stack = Linked::new(
            Kind::Stack,
            json!({"id": "st-a", "attributes": {"name": "platform", "vcs-repo": {
                "identifier": "acme/platform", "branch": "release", "oauth-token-id": "ot-FROM"}}}),
        );
        let (from, to) = (
            Connection::Token("ot-FROM".into()),
            Connection::Token("ot-TO".into()),
        );
        let fallen = |branch: Value| {
            json!({"id": "st-a", "attributes": {"vcs-repo": {
                "identifier": "acme/platform", "branch": branch, "oauth-token-id": "ot-TO"}}})
        };
        assert_eq!(
            check_answer(&stack, &fallen(json!("")), &from, &to),
            Err("branch changed from release to (default)".into())
        );
        assert_eq!(
            check_answer(&stack, &fallen(json!("main")), &from, &to),
            Err("branch changed from release to main".into())
        );
        assert_eq!(
            check_answer(&stack, &fallen(json!("release")), &from, &to),
            Ok(())
        );
    }

    #[test]
    fn an_app_target_is_checked_by_its_installation_id_and_must_drop_the_token() {
        let (from, to) = (
            Connection::Token("ot-FROM".into()),
            Connection::GithubApp("ghain-TO".into()),
        );
        let ok = json!({"id": "ws-a", "attributes": {"vcs-repo": {"identifier": "o/r", "branch": "main",
                        "oauth-token-id": null, "github-app-installation-id": "ghain-TO"}}});
        assert_eq!(check_answer(&ws("ws-a", "main"), &ok, &from, &to), Ok(()));
        let both = json!({"id": "ws-a", "attributes": {"vcs-repo": {"identifier": "o/r", "branch": "main",
                        "oauth-token-id": "ot-FROM", "github-app-installation-id": "ghain-TO"}}});
        assert_eq!(
            check_answer(&ws("ws-a", "main"), &both, &from, &to),
            Err("the answer still names ot-FROM".into())
        );
    }

    #[test]
    fn an_answer_for_another_resource_fails() {
        let (from, to) = (
            Connection::Token("ot-FROM".into()),
            Connection::Token("ot-TO".into()),
        );
        let mut other = answer("ot-TO", "o/r", json!("main"));
        other["id"] = json!("ws-b");
        assert_eq!(
            check_answer(&ws("ws-a", "main"), &other, &from, &to),
            Err("the answer is for ws-b, not ws-a".into())
        );
        other.as_object_mut().unwrap().remove("id");
        assert_eq!(
            check_answer(&ws("ws-a", "main"), &other, &from, &to),
            Err("the answer is for no id, not ws-a".into())
        );
    }

    #[test]
    fn a_resource_read_again_must_still_be_as_planned() {
        let from = Connection::Token("ot-FROM".into());
        let planned = ws("ws-a", "main");
        let fresh = |token: &str, branch: Value| {
            json!({"id": "ws-a", "attributes": {"name": "ws-a", "vcs-repo": {
                "identifier": "o/r", "branch": branch, "ingress-submodules": false,
                "oauth-token-id": token, "webhook-url": "changed, not repeated"}}})
        };
        assert!(check_unchanged(&planned, &fresh("ot-FROM", json!("main")), &from).is_ok());
        assert_eq!(
            check_unchanged(&planned, &fresh("ot-FROM", json!("release")), &from).err(),
            Some(r#"changed since the plan: branch is now "release" (was "main")"#.into())
        );
        assert_eq!(
            check_unchanged(&planned, &fresh("ot-OTHER", json!("main")), &from).err(),
            Some("changed since the plan: it now uses ot-OTHER, not ot-FROM".into())
        );
        let detached = json!({"id": "ws-a", "attributes": {"vcs-repo": null}});
        assert_eq!(
            check_unchanged(&planned, &detached, &from).err(),
            Some("changed since the plan: it no longer links a repository".into())
        );
        let mut other = fresh("ot-FROM", json!("main"));
        other["id"] = json!("ws-b");
        assert_eq!(
            check_unchanged(&planned, &other, &from).err(),
            Some("changed since the plan: the read answered for ws-b".into())
        );
        let default = ws("ws-b", "");
        let mut null_branch = fresh("ot-FROM", Value::Null);
        null_branch["id"] = json!("ws-b");
        assert!(
            check_unchanged(&default, &null_branch, &from).is_ok(),
            "a default branch may read as \"\" or null"
        );
    }

    #[test]
    fn summary_counts_relinked_per_kind_and_exit_is_the_first_failure() {
        let module = Linked::new(Kind::Module, json!({"id": "mod-a"}));
        let policy = Linked::new(Kind::PolicySet, json!({"id": "polset-a"}));
        let stack = Linked::new(Kind::Stack, json!({"id": "st-a"}));
        let report = Report {
            rows: vec![
                (ws("ws-a", ""), Outcome::Relinked(json!({}))),
                (
                    ws("ws-b", ""),
                    Outcome::Failed {
                        exit: Exit::Rejected,
                        reason: "422".into(),
                    },
                ),
                (ws("ws-c", ""), Outcome::Relinked(json!({}))),
                (policy, Outcome::Relinked(json!({}))),
                (
                    module.clone(),
                    Outcome::Failed {
                        exit: Exit::Failure,
                        reason: "branch changed".into(),
                    },
                ),
                (module, Outcome::Relinked(json!({}))),
                (stack.clone(), Outcome::Relinked(json!({}))),
                (stack.clone(), Outcome::Relinked(json!({}))),
            ],
        };
        assert_eq!(
            report.summary("relinked"),
            "relinked 6 of 8: 2 workspaces, 1 policy set, 1 module, 2 Stacks"
        );
        let one = Report {
            rows: vec![(stack, Outcome::Relinked(json!({})))],
        };
        assert_eq!(one.summary("relinked"), "relinked 1 of 1: 1 Stack");
        assert_eq!(report.exit(), Some(Exit::Rejected));
        let none = Report::default();
        assert_eq!(none.summary("restored"), "restored 0 of 0");
        assert_eq!(none.exit(), None);
    }

    #[test]
    fn a_move_patches_and_checks_the_new_identifier_only() {
        let (from, to) = (
            Connection::Token("ot-FROM".into()),
            Connection::Token("ot-TO".into()),
        );
        let before = ws("ws-a", "main");
        let steps = plan("org", vec![(before.clone(), Some("gh/r".into()))], &to).unwrap();
        let body = |request: &ApiRequest| {
            serde_json::to_string(&request.body.as_ref().unwrap().redacted()).unwrap()
        };
        let expected = r#"{"data":{"type":"workspaces","attributes":{"vcs-repo":{"identifier":"gh/r","branch":"main","ingress-submodules":false,"oauth-token-id":"ot-TO"}}}}"#;
        assert_eq!(body(&steps[0].request), expected);
        assert_eq!(body(&steps[0].patch_for(&before, &to)), expected);
        let expect = steps[0].moved(&before);
        assert_eq!(
            check_answer(&expect, &answer("ot-TO", "gh/r", json!("main")), &from, &to),
            Ok(())
        );
        assert_eq!(
            check_answer(&expect, &answer("ot-TO", "o/r", json!("main")), &from, &to),
            Err("identifier changed from gh/r to o/r".into())
        );
        // On one connection the answer names FROM, which is also TO.
        assert_eq!(
            check_answer(
                &expect,
                &answer("ot-FROM", "gh/r", json!("main")),
                &from,
                &from
            ),
            Ok(())
        );
    }

    #[test]
    fn done_rows_succeed_and_are_counted_apart() {
        let report = Report {
            rows: vec![
                (ws("ws-a", ""), Outcome::Relinked(json!({}))),
                (ws("ws-b", ""), Outcome::Done("already moved".into())),
            ],
        };
        assert_eq!(
            report.summary("relinked"),
            "relinked 1 of 2: 1 workspace; 1 already done"
        );
        assert_eq!(report.exit(), None);
    }
}
