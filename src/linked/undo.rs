//! What an undo puts back (SPEC §10 "Undo"): from a journal, each resource whose PATCH may have
//! changed it, where it was before and where the journal left it; how it stands now decides
//! whether it is restored, already back, or changed since and left alone.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::connection::{Connection, named_by};
use super::journal::{Contents, Event};
use super::kind::{Kind, NameRule};
use super::map::{identifier_problem, module_name_problem};
use super::resource::Linked;

/// Where a resource's repository is: what an undo compares and restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// The `ot-…` or `ghain-…` id (empty when none is named).
    pub(crate) connection: String,
    pub(crate) identifier: String,
    /// Empty for the default branch (sent as `""` or null).
    pub(crate) branch: String,
}

fn text(repo: &Map<String, Value>, key: &str) -> String {
    repo.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

impl Link {
    pub(crate) fn of(vcs_repo: &Map<String, Value>) -> Link {
        Link {
            connection: named_by(vcs_repo).unwrap_or_default().to_string(),
            identifier: text(vcs_repo, "identifier"),
            branch: text(vcs_repo, "branch"),
        }
    }

    /// What differs from `want`, one phrase each: `branch is dev, not main`.
    pub(crate) fn differences(&self, want: &Link) -> Vec<String> {
        let shown = |s: &str| match s {
            "" => "(none)".to_string(),
            s => s.to_string(),
        };
        [
            ("connection", &self.connection, &want.connection),
            ("identifier", &self.identifier, &want.identifier),
            ("branch", &self.branch, &want.branch),
        ]
        .into_iter()
        .filter(|(_, got, want)| got != want)
        .map(|(what, got, want)| format!("{what} is {}, not {}", shown(got), shown(want)))
        .collect()
    }
}

/// Why the before-state of a journal line cannot be where an undo puts `kind`'s resource
/// `name` back: it holds the rules a relink's new repository must pass (a connection, an
/// identifier that is no empty, spaced, control or `..` text, a module's
/// `terraform-<provider>-<name>` when it moves back), since an edited journal would otherwise
/// be sent as is. `sent` is what the journaled PATCH sent.
pub(crate) fn target_problem(
    kind: Kind,
    name: &str,
    before: &Value,
    sent: &Value,
) -> Option<String> {
    let Some(repo) = before.as_object() else {
        return Some("before: names no repository to go back to".into());
    };
    if named_by(repo).is_none() {
        return Some("before: names no connection to go back to".into());
    }
    let identifier = repo.get("identifier").and_then(Value::as_str).unwrap_or("");
    if let Some(why) = identifier_problem(identifier) {
        return Some(format!("before: the identifier {identifier:?}: {why}"));
    }
    // A module's repository is held to its name only when the undo moves it: a relink that
    // kept it (no rule for it) may have found it under any name (a monorepo module).
    let moved = sent.get("identifier").and_then(Value::as_str) != Some(identifier);
    if kind.spec().name == NameRule::NamespaceNameProvider && moved {
        let parts: Vec<&str> = name.splitn(3, '/').collect();
        let [_, module_name, provider] = parts[..] else {
            return Some(format!(
                "the module name {name:?} is not namespace/name/provider"
            ));
        };
        if let Some(why) = module_name_problem(identifier, provider, module_name) {
            return Some(format!("before: {why}"));
        }
    }
    None
}

/// One resource the journal shows a PATCH was sent to, that may need putting back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Restore {
    pub(crate) kind: Kind,
    pub(crate) id: String,
    pub(crate) name: String,
    /// Where it was before the PATCH: what the undo restores.
    pub(crate) before: Link,
    /// The before-state's `branch` as recorded (`None`: it had no such key): an undo sends
    /// exactly that, no `""` for a null or absent branch.
    pub(crate) before_branch: Option<Value>,
    /// Where the journal left it: the answer's `vcs-repo`, or what was sent when no answer
    /// came.
    pub(crate) left: Link,
}

/// Every resource whose PATCH the journal shows answered 2xx (whether or not it then passed
/// the answer check), or sent with its answer lost (no answer line, no status, or a 5xx that
/// may hide an attempt that went through), in the order of the run's plan. One the server refused (4xx) was
/// not changed and is left out.
pub(crate) fn restores(contents: &Contents) -> Vec<Restore> {
    let answers: HashMap<usize, (Option<u16>, &Value)> = contents
        .events
        .iter()
        .filter_map(|event| match event {
            Event::Answer {
                seq, status, after, ..
            } => Some((*seq, (*status, after))),
            Event::Patch { .. } => None,
        })
        .collect();
    // In the order of the run's plan (its PATCHes may have gone out side by side).
    let mut patches: Vec<&Event> = contents
        .events
        .iter()
        .filter(|e| matches!(e, Event::Patch { .. }))
        .collect();
    patches.sort_by_key(|e| match e {
        Event::Patch { seq, .. } | Event::Answer { seq, .. } => *seq,
    });
    let mut restores: Vec<Restore> = Vec::new();
    let mut found: HashMap<(Kind, &str), usize> = HashMap::new();
    for event in patches {
        let Event::Patch {
            seq,
            kind,
            id,
            name,
            before,
            sent,
        } = event
        else {
            continue;
        };
        let (Some(kind), Some(before)) = (Kind::from_label(kind), before.as_object()) else {
            continue;
        };
        let sent_over_before = {
            let mut repo = before.clone();
            if let Some(sent) = sent.as_object() {
                repo.extend(sent.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            Link::of(&repo)
        };
        let left = match answers.get(seq) {
            Some((Some(status), _)) if (400..500).contains(status) => continue,
            Some((Some(status), after)) if (200..300).contains(status) => {
                after.as_object().map_or(sent_over_before, Link::of)
            }
            _ => sent_over_before,
        };
        match found.get(&(kind, id.as_str())) {
            // Sent twice (it cannot be in one run): it was first where the first line says,
            // and is last where the last one left it.
            Some(&i) => restores[i].left = left,
            None => {
                found.insert((kind, id.as_str()), restores.len());
                restores.push(Restore {
                    kind,
                    id: id.clone(),
                    name: name.clone(),
                    before: Link::of(before),
                    before_branch: before.get("branch").cloned(),
                    left,
                });
            }
        }
    }
    restores
}

/// How a resource stands against its journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Exactly as the journal left it: it is put back.
    AsLeft,
    /// Already where it was before: done, nothing sent.
    Back,
    /// Changed otherwise since: not touched; why.
    ChangedSince(String),
}

impl Restore {
    /// How `current` (the resource now, `None` when it names neither connection any more)
    /// stands. A resource back where it was counts as back even when the journal also left
    /// it there (a PATCH whose answer was lost and that never went through).
    pub(crate) fn standing(&self, current: Option<&Linked>) -> Standing {
        let Some(repo) = current.and_then(Linked::vcs_repo) else {
            // Each connection named once: a journal whose PATCH named none left it where it was.
            let mut on = vec![self.left.connection.as_str()];
            if self.before.connection != self.left.connection {
                on.push(&self.before.connection);
            }
            on.retain(|c| !c.is_empty());
            return Standing::ChangedSince(format!(
                "changed since: it is no longer on {}",
                on.join(" or ")
            ));
        };
        let now = Link::of(repo);
        if now == self.before {
            Standing::Back
        } else if now == self.left {
            Standing::AsLeft
        } else {
            Standing::ChangedSince(format!(
                "changed since: {}",
                now.differences(&self.left).join("; ")
            ))
        }
    }

    /// The PATCH that puts `current` back: its own settings repeated as a relink's are, with
    /// the identifier and branch it had and its connection as the target. `None` when the
    /// journal names no connection it could go back to.
    pub(crate) fn body(&self, current: &Linked) -> Option<Value> {
        let target = Connection::from_id(&self.before.connection)?;
        let mut repo = current.vcs_repo().cloned().unwrap_or_default();
        repo.insert("identifier".into(), self.before.identifier.clone().into());
        match &self.before_branch {
            Some(branch) => repo.insert("branch".into(), branch.clone()),
            None => repo.remove("branch"),
        };
        Some(self.kind.patch_body(&repo, &target))
    }

    /// The connections the walk looks for: where the journal left them and where they were.
    pub(crate) fn connections(restores: &[Restore]) -> Vec<Connection> {
        let mut found: Vec<Connection> = Vec::new();
        for restore in restores {
            for id in [&restore.left.connection, &restore.before.connection] {
                if let Some(c) = Connection::from_id(id)
                    && !found.contains(&c)
                {
                    found.push(c);
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linked::journal::{Header, Operation};
    use serde_json::json;

    fn link(connection: &str, identifier: &str, branch: &str) -> Link {
        Link {
            connection: connection.into(),
            identifier: identifier.into(),
            branch: branch.into(),
        }
    }

    fn patch(seq: usize, id: &str, kind: &str) -> Event {
        Event::Patch {
            seq,
            kind: kind.into(),
            id: id.into(),
            name: id.into(),
            before: json!({"identifier": "bb/x", "branch": "main", "oauth-token-id": "ot-FROM",
                           "ingress-submodules": false}),
            sent: json!({"identifier": "gh/x", "branch": "main", "oauth-token-id": "ot-TO",
                         "ingress-submodules": false}),
        }
    }

    fn answer(seq: usize, id: &str, status: Option<u16>, after: Value) -> Event {
        Event::Answer {
            seq,
            id: id.into(),
            status,
            result: "x".into(),
            after,
        }
    }

    fn contents(events: Vec<Event>) -> Contents {
        Contents {
            targets: Vec::new(),
            header: Header::new(Operation::Relink, "h", "o", "ot-FROM", "ot-TO"),
            events,
        }
    }

    #[test]
    fn answered_lost_and_unanswered_patches_are_restored_refused_ones_not() {
        let journal = contents(vec![
            patch(1, "ws-ok", "workspace"),
            patch(2, "ws-refused", "workspace"),
            patch(3, "ws-lost", "workspace"),
            patch(4, "polset-5xx", "policy-set"),
            answer(
                1,
                "ws-ok",
                Some(200),
                json!({"identifier": "gh/x", "branch": "dev", "oauth-token-id": "ot-TO"}),
            ),
            answer(2, "ws-refused", Some(422), Value::Null),
            answer(3, "ws-lost", None, Value::Null),
            answer(4, "polset-5xx", Some(503), Value::Null),
            patch(5, "mod-unanswered", "module"),
        ]);
        let restores = restores(&journal);
        let ids: Vec<&str> = restores.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["ws-ok", "ws-lost", "polset-5xx", "mod-unanswered"]);
        assert_eq!(restores[0].before, link("ot-FROM", "bb/x", "main"));
        assert_eq!(
            restores[0].left,
            link("ot-TO", "gh/x", "dev"),
            "left as the answer says"
        );
        assert_eq!(
            restores[1].left,
            link("ot-TO", "gh/x", "main"),
            "left as sent"
        );
        assert_eq!(restores[3].kind, Kind::Module);
    }

    #[test]
    fn restores_come_in_plan_order_whatever_order_the_lines_were_written_in() {
        let journal = contents(vec![
            patch(3, "ws-c", "workspace"),
            patch(1, "ws-a", "workspace"),
            patch(2, "ws-b", "workspace"),
        ]);
        let ids: Vec<String> = restores(&journal).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["ws-a", "ws-b", "ws-c"]);
    }

    #[test]
    fn a_module_patch_without_a_branch_leaves_the_branch_it_had() {
        let journal = contents(vec![Event::Patch {
            seq: 1,
            kind: "module".into(),
            id: "mod-1".into(),
            name: "o/vpc/aws".into(),
            before: json!({"identifier": "bb/terraform-aws-vpc", "branch": "",
                           "oauth-token-id": "ot-FROM"}),
            sent: json!({"identifier": "gh/terraform-aws-vpc", "oauth-token-id": "ot-TO"}),
        }]);
        assert_eq!(
            restores(&journal)[0].left,
            link("ot-TO", "gh/terraform-aws-vpc", "")
        );
    }

    fn current(connection: &str, identifier: &str, branch: Value) -> Linked {
        Linked::new(
            Kind::Workspace,
            json!({"id": "ws-ok", "attributes": {"name": "web", "vcs-repo": {
                "identifier": identifier, "branch": branch, "ingress-submodules": true,
                "tags-regex": "^v", "oauth-token-id": connection}}}),
        )
    }

    #[test]
    fn standing_as_left_back_or_changed_since() {
        let restore = Restore {
            kind: Kind::Workspace,
            id: "ws-ok".into(),
            name: "web".into(),
            before: link("ot-FROM", "bb/x", "main"),
            before_branch: Some(json!("main")),
            left: link("ot-TO", "gh/x", ""),
        };
        assert_eq!(
            restore.standing(Some(&current("ot-TO", "gh/x", Value::Null))),
            Standing::AsLeft
        );
        assert_eq!(
            restore.standing(Some(&current("ot-FROM", "bb/x", json!("main")))),
            Standing::Back
        );
        assert_eq!(
            restore.standing(Some(&current("ot-TO", "gh/y", json!("dev")))),
            Standing::ChangedSince(
                "changed since: identifier is gh/y, not gh/x; branch is dev, not (none)".into()
            )
        );
        assert_eq!(
            restore.standing(None),
            Standing::ChangedSince("changed since: it is no longer on ot-TO or ot-FROM".into())
        );
        let stayed = Restore {
            left: restore.before.clone(),
            ..restore
        };
        assert_eq!(
            stayed.standing(None),
            Standing::ChangedSince("changed since: it is no longer on ot-FROM".into())
        );
    }

    #[test]
    fn the_body_puts_back_connection_identifier_and_branch_and_repeats_the_rest() {
        let restore = Restore {
            kind: Kind::Workspace,
            id: "ws-ok".into(),
            name: "web".into(),
            before: link("ghain-OLD", "bb/x", "main"),
            before_branch: Some(json!("main")),
            left: link("ot-TO", "gh/x", "main"),
        };
        let body = restore
            .body(&current("ot-TO", "gh/x", json!("main")))
            .unwrap();
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"data":{"type":"workspaces","attributes":{"vcs-repo":{"identifier":"bb/x","branch":"main","ingress-submodules":true,"tags-regex":"^v","github-app-installation-id":"ghain-OLD","oauth-token-id":null}}}}"#
        );
        assert_eq!(
            Restore::connections(&[restore]),
            [
                Connection::Token("ot-TO".into()),
                Connection::GithubApp("ghain-OLD".into())
            ]
        );
    }

    #[test]
    fn the_body_restores_exactly_the_branch_key_the_before_state_had() {
        let journal = contents(vec![Event::Patch {
            seq: 1,
            kind: "policy-set".into(),
            id: "polset-1".into(),
            name: "prod".into(),
            before: json!({"identifier": "bb/p", "branch": null, "oauth-token-id": "ot-FROM"}),
            sent: json!({"identifier": "gh/p", "oauth-token-id": "ot-TO"}),
        }]);
        let restore = &restores(&journal)[0];
        let now = Linked::new(
            Kind::PolicySet,
            json!({"id": "polset-1", "attributes": {"name": "prod", "vcs-repo": {
                "identifier": "gh/p", "branch": null, "oauth-token-id": "ot-TO"}}}),
        );
        let body = restore.body(&now).unwrap();
        assert_eq!(
            body.pointer("/data/attributes/vcs-repo").unwrap(),
            &json!({"identifier": "bb/p", "oauth-token-id": "ot-FROM"}),
            "a null branch is not sent as \"\""
        );
    }

    #[test]
    fn a_module_is_held_to_its_name_only_when_the_undo_moves_its_repository() {
        let repo = |identifier: &str| json!({"identifier": identifier, "oauth-token-id": "ot-A"});
        let moved = target_problem(
            Kind::Module,
            "acme/vpc/aws",
            &repo("bb/vpc-module"),
            &repo("gh/vpc-module"),
        );
        assert_eq!(
            moved.as_deref(),
            Some(
                "before: its new repository vpc-module is not named terraform-aws-vpc: TFE keeps a module's name and provider"
            )
        );
        let kept = repo("bb/vpc-module");
        assert_eq!(
            target_problem(Kind::Module, "acme/vpc/aws", &kept, &kept),
            None
        );
        assert!(
            target_problem(
                Kind::Module,
                "acme/vpc/aws",
                &repo("bb/../x"),
                &repo("bb/../x")
            )
            .is_some()
        );
    }
}
