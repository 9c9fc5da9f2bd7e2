//! Re-pointing resources from one connection to another (SPEC §10): the plan (one PATCH per
//! resource), the check of each answer, and the outcome with its summary line and exit code.

use serde_json::Value;

use super::connection::Connection;
use super::kind::Kind;
use super::resource::Linked;
use crate::api::client::{ApiRequest, Method};
use crate::error::{Exit, Fail, Result};

/// One resource to relink and the PATCH that does it.
#[derive(Clone)]
pub(crate) struct Step {
    pub(crate) linked: Linked,
    pub(crate) request: ApiRequest,
}

/// One PATCH per resource, in the order found, each repeating the resource's own settings and
/// naming `to`. Fails (exit 1, nothing sent) when a module lacks what its path needs.
pub(crate) fn plan(org: &str, found: Vec<Linked>, to: &Connection) -> Result<Vec<Step>> {
    found
        .into_iter()
        .map(|linked| {
            let path = linked
                .kind
                .patch_path(org, &linked.resource)
                .ok_or_else(|| {
                    Fail::other(format!(
                        "{} {} has no id, namespace, name or provider that a path can be built from safely",
                        linked.kind.label(),
                        linked.id()
                    ))
                })?;
            let empty = serde_json::Map::new();
            let body = linked
                .kind
                .patch_body(linked.vcs_repo().unwrap_or(&empty), to);
            Ok(Step {
                request: ApiRequest::new(Method::PATCH, path).body(body),
                linked,
            })
        })
        .collect()
}

fn text<'a>(repo: Option<&'a serde_json::Map<String, Value>>, key: &str) -> &'a str {
    repo.and_then(|r| r.get(key))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// Checks the server's answer to a relink PATCH: its `vcs-repo` must name `to` and keep the
/// identifier and branch it had (a default branch may read as `""` or null). A module's
/// re-ingestion (`status: pending`) is expected and not checked. The error says what changed.
pub(crate) fn check_answer(
    before: &Linked,
    answer: &Value,
    to: &Connection,
) -> std::result::Result<(), String> {
    let after = Linked::new(before.kind, answer.clone());
    let Some(repo) = after.vcs_repo() else {
        return Err("the answer has no vcs-repo".into());
    };
    if !to.is_named_by(repo) {
        let named = after.connection().unwrap_or("no connection");
        return Err(format!("the answer names {named}, not {}", to.id()));
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

/// What happened to one resource.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    /// Relinked; the resource as the server answered.
    Relinked(Value),
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
                Outcome::Failed { .. } => None,
            })
    }

    /// `relinked N of M`, then the relinked counts per kind that are not zero:
    /// `relinked 4 of 5: 2 workspaces, 1 policy set, 1 module`.
    pub(crate) fn summary(&self) -> String {
        let counts = Kind::counted(self.relinked().map(|(l, _)| l.kind));
        let mut line = format!(
            "relinked {} of {}",
            self.relinked().count(),
            self.rows.len()
        );
        if !counts.is_empty() {
            line.push_str(": ");
            line.push_str(&counts);
        }
        line
    }

    /// The exit code of the first failed resource in plan order; `None` when all succeeded.
    pub(crate) fn exit(&self) -> Option<Exit> {
        self.rows.iter().find_map(|(_, outcome)| match outcome {
            Outcome::Failed { exit, .. } => Some(*exit),
            Outcome::Relinked(_) => None,
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
        let steps = plan("org", vec![ws("ws-a", "main"), ws("ws-b", "")], &to).unwrap();
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
        match plan("org", vec![module], &Connection::Token("ot-TO".into())) {
            Err(fail) => assert_eq!(fail.exit, Exit::Failure),
            Ok(_) => panic!("a module without its path parts was planned"),
        }
    }

    #[test]
    fn an_answer_must_name_the_target_and_keep_identifier_and_branch() {
        let to = Connection::Token("ot-TO".into());
        let before = ws("ws-a", "main");
        assert_eq!(
            check_answer(&before, &answer("ot-TO", "o/r", json!("main")), &to),
            Ok(())
        );
        assert_eq!(
            check_answer(&before, &answer("ot-FROM", "o/r", json!("main")), &to),
            Err("the answer names ot-FROM, not ot-TO".into())
        );
        assert_eq!(
            check_answer(&before, &answer("ot-TO", "o/r", json!("dev")), &to),
            Err("branch changed from main to dev".into())
        );
        assert_eq!(
            check_answer(&before, &answer("ot-TO", "o/x", json!(null)), &to),
            Err("identifier changed from o/r to o/x; branch changed from main to (default)".into())
        );
        let default = ws("ws-b", "");
        assert_eq!(
            check_answer(&default, &answer("ot-TO", "o/r", json!(null)), &to),
            Ok(()),
            "a default branch may come back as null"
        );
        assert!(check_answer(&before, &json!({"id": "ws-a", "attributes": {}}), &to).is_err());
    }

    #[test]
    fn an_app_target_is_checked_by_its_installation_id() {
        let to = Connection::GithubApp("ghain-TO".into());
        let ok = json!({"attributes": {"vcs-repo": {"identifier": "o/r", "branch": "main",
                        "oauth-token-id": null, "github-app-installation-id": "ghain-TO"}}});
        assert_eq!(check_answer(&ws("ws-a", "main"), &ok, &to), Ok(()));
    }

    #[test]
    fn summary_counts_relinked_per_kind_and_exit_is_the_first_failure() {
        let module = Linked::new(Kind::Module, json!({"id": "mod-a"}));
        let policy = Linked::new(Kind::PolicySet, json!({"id": "polset-a"}));
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
            ],
        };
        assert_eq!(
            report.summary(),
            "relinked 4 of 6: 2 workspaces, 1 policy set, 1 module"
        );
        assert_eq!(report.exit(), Some(Exit::Rejected));
        let none = Report::default();
        assert_eq!(none.summary(), "relinked 0 of 0");
        assert_eq!(none.exit(), None);
    }
}
