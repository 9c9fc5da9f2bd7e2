//! Finding what uses a connection: the API has no filter for it, so every list of the kinds
//! asked for is walked (side by side) and matched locally; a private module listed without a
//! `vcs-repo` is read on its own first (SPEC §10).

use serde_json::Value;

use super::kind::Kind;
use super::resource::Linked;
use crate::error::{Fail, Result};

/// Which items of list number `i` (of the paths asked for) to keep: the rest are dropped as
/// their page is read, so memory grows with what matches, never with what is walked.
pub(crate) type Keep<'a> = dyn Fn(usize, Value) -> Option<Value> + Sync + 'a;

/// What the walk needs from the API.
pub(crate) trait Source {
    /// The items `keep` keeps of every page of each list, in page order; one result per path.
    fn lists(&self, paths: &[String], keep: &Keep) -> Vec<Result<Vec<Value>>>;
    /// Each resource (the `data` of its document); one result per path.
    fn reads(&self, paths: &[String]) -> Vec<Result<Value>>;
}

/// A walk that could not finish: which kind's list or read failed, and how.
#[derive(Debug)]
pub(crate) struct WalkFailure {
    pub(crate) kind: Kind,
    pub(crate) fail: Fail,
}

/// Every resource of `kinds` in `org` that `keep` keeps (`usage`: those whose `vcs-repo`
/// names one of its connections; the doctor: none, counting each as it passes): workspaces,
/// then policy sets, then modules, each in list order. Any list or read that fails fails the
/// walk: a partial answer would look like "nothing else uses it". `keep` sees each resource
/// walked once, as its page is read (a private module listed without its `vcs-repo`: once its
/// own read says), so memory grows with what it keeps, never with what is walked.
pub(crate) fn find_where(
    source: &dyn Source,
    org: &str,
    kinds: &[Kind],
    keep: impl Fn(&Linked) -> bool + Sync,
) -> Result<Vec<Linked>, WalkFailure> {
    let kinds = Kind::asked(kinds);
    let paths: Vec<String> = kinds.iter().map(|k| k.list_path(org)).collect();
    let on_page = |i: usize, item: Value| {
        let linked = Linked::new(kinds[i], item);
        (linked.needs_own_read() || keep(&linked)).then_some(linked.resource)
    };
    let mut found = Vec::new();
    for (kind, list) in kinds.iter().zip(source.lists(&paths, &on_page)) {
        let items = list.map_err(|fail| WalkFailure { kind: *kind, fail })?;
        found.extend(items.into_iter().map(|item| Linked::new(*kind, item)));
    }
    let read = read_unlisted_items(source, org, &mut found)?;
    // Judged on the page already, except the items just read on their own.
    let mut i = 0;
    found.retain(|linked| {
        let kept = !read.contains(&i) || keep(linked);
        i += 1;
        kept
    });
    Ok(found)
}

/// Replaces each private item listed without a `vcs-repo` (a module) by its own GET; the
/// places of those it read.
fn read_unlisted_items(
    source: &dyn Source,
    org: &str,
    found: &mut [Linked],
) -> Result<Vec<usize>, WalkFailure> {
    // An item whose path cannot be built fails the walk rather than being left out: left
    // out, it would look like an item that uses nothing.
    let unread: Vec<(usize, String)> = found
        .iter()
        .enumerate()
        .filter(|(_, linked)| linked.needs_own_read())
        .map(
            |(i, linked)| match linked.kind.read_path(org, &linked.resource) {
                Some(path) => Ok((i, path)),
                None => Err(WalkFailure {
                    kind: linked.kind,
                    fail: Fail::other(format!(
                        "{} {} has no {} that a path can be built from safely, so what it \
                         links cannot be read",
                        linked.kind.spec().singular,
                        linked.id(),
                        linked.kind.path_parts()
                    )),
                }),
            },
        )
        .collect::<Result<_, _>>()?;
    let paths: Vec<String> = unread.iter().map(|(_, path)| path.clone()).collect();
    for ((i, _), read) in unread.iter().zip(source.reads(&paths)) {
        let kind = found[*i].kind;
        let item = read.map_err(|fail| WalkFailure { kind, fail })?;
        found[*i] = Linked::new(kind, item);
    }
    Ok(unread.into_iter().map(|(i, _)| i).collect())
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use super::*;
    use crate::error::Exit;
    use crate::linked::Connection;
    use serde_json::json;

    /// Lists and reads answered from maps, recording what was asked.
    #[derive(Default)]
    struct Fake {
        lists: HashMap<String, Vec<Value>>,
        reads: HashMap<String, Value>,
        asked: RefCell<Vec<String>>,
        /// The ids of the items `keep` kept, as the lists were walked.
        kept: RefCell<Vec<String>>,
    }

    impl Source for Fake {
        fn lists(&self, paths: &[String], keep: &Keep) -> Vec<Result<Vec<Value>>> {
            paths
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    self.asked.borrow_mut().push(format!("list {p}"));
                    let list = self
                        .lists
                        .get(p)
                        .cloned()
                        .ok_or_else(|| Fail::new(Exit::NotFound, format!("GET {p}: 404")))?;
                    let kept: Vec<Value> =
                        list.into_iter().filter_map(|item| keep(i, item)).collect();
                    self.kept
                        .borrow_mut()
                        .extend(kept.iter().map(|k| k["id"].to_string()));
                    Ok(kept)
                })
                .collect()
        }
        fn reads(&self, paths: &[String]) -> Vec<Result<Value>> {
            paths
                .iter()
                .map(|p| {
                    self.asked.borrow_mut().push(format!("read {p}"));
                    Ok(self.reads[p].clone())
                })
                .collect()
        }
    }

    fn linked(id: &str, token: &str) -> Value {
        json!({"id": id, "attributes": {"name": id, "vcs-repo": {"identifier": "o/r", "oauth-token-id": token}}})
    }

    fn fake() -> Fake {
        let mut fake = Fake::default();
        fake.lists.insert(
            "/organizations/org/workspaces".into(),
            vec![
                linked("ws-a", "ot-FROM"),
                linked("ws-b", "ot-OTHER"),
                linked("ws-c", "ot-FROM"),
            ],
        );
        fake.lists.insert(
            "/organizations/org/policy-sets".into(),
            vec![linked("polset-a", "ot-FROM")],
        );
        fake.lists.insert(
            "/organizations/org/registry-modules".into(),
            vec![
                json!({"id": "mod-a", "attributes": {"name": "vpc", "namespace": "org",
                       "provider": "aws", "registry-name": "private"}}),
                json!({"id": "mod-p", "attributes": {"name": "consul", "namespace": "hashicorp",
                       "provider": "aws", "registry-name": "public"}}),
            ],
        );
        fake.reads.insert(
            "/organizations/org/registry-modules/private/org/vpc/aws".into(),
            json!({"id": "mod-a", "attributes": {"name": "vpc", "namespace": "org",
                   "provider": "aws", "registry-name": "private",
                   "vcs-repo": {"identifier": "o/terraform-aws-vpc", "oauth-token-id": "ot-FROM"}}}),
        );
        fake
    }

    fn find(
        source: &dyn Source,
        org: &str,
        kinds: &[Kind],
        connections: &[Connection],
    ) -> Result<Vec<Linked>, WalkFailure> {
        find_where(source, org, kinds, |linked| linked.uses_any(connections))
    }

    fn ids(found: &[Linked]) -> Vec<&str> {
        found.iter().map(Linked::id).collect()
    }

    #[test]
    fn finds_every_kind_in_table_order_and_reads_unlisted_private_modules() {
        let fake = fake();
        let from = [Connection::Token("ot-FROM".into())];
        // Asked for in another order: rows still come workspaces, policy sets, modules.
        let found = find(
            &fake,
            "org",
            &[Kind::Module, Kind::Workspace, Kind::PolicySet],
            &from,
        )
        .unwrap();
        assert_eq!(ids(&found), ["ws-a", "ws-c", "polset-a", "mod-a"]);
        assert_eq!(
            found[3].repository(),
            Some("o/terraform-aws-vpc"),
            "the module as its own GET returned it"
        );
        assert_eq!(
            *fake.asked.borrow(),
            [
                "list /organizations/org/workspaces",
                "list /organizations/org/policy-sets",
                "list /organizations/org/registry-modules",
                "read /organizations/org/registry-modules/private/org/vpc/aws",
            ]
        );
    }

    #[test]
    fn only_matching_items_and_unread_private_modules_are_kept_from_the_pages() {
        let fake = fake();
        find(
            &fake,
            "org",
            &Kind::ALL,
            &[Connection::Token("ot-FROM".into())],
        )
        .unwrap();
        // ws-b (another token) and mod-p (public) were dropped as their page was read.
        assert_eq!(
            *fake.kept.borrow(),
            ["\"ws-a\"", "\"ws-c\"", "\"polset-a\"", "\"mod-a\""]
        );
    }

    #[test]
    fn a_kind_not_asked_for_is_not_listed() {
        let fake = fake();
        let found = find(
            &fake,
            "org",
            &[Kind::Workspace],
            &[Connection::Token("ot-FROM".into())],
        )
        .unwrap();
        assert_eq!(ids(&found), ["ws-a", "ws-c"]);
        assert_eq!(*fake.asked.borrow(), ["list /organizations/org/workspaces"]);
    }

    #[test]
    fn a_private_module_whose_path_cannot_be_built_fails_the_walk() {
        for name in [None, Some(".."), Some("a/b")] {
            let mut fake = fake();
            let mut module = json!({"id": "mod-b", "attributes": {"namespace": "org",
                                    "provider": "aws", "registry-name": "private"}});
            if let Some(name) = name {
                module["attributes"]["name"] = json!(name);
            }
            fake.lists
                .get_mut("/organizations/org/registry-modules")
                .unwrap()
                .push(module);
            let failure = find(
                &fake,
                "org",
                &Kind::ALL,
                &[Connection::Token("ot-FROM".into())],
            )
            .unwrap_err();
            assert_eq!(failure.kind, Kind::Module, "{name:?}");
            assert_eq!(failure.fail.exit, Exit::Failure);
            assert!(
                failure.fail.message.contains("mod-b"),
                "{}",
                failure.fail.message
            );
            assert!(!fake.asked.borrow().iter().any(|a| a.starts_with("read")));
        }
    }

    #[test]
    fn a_refused_list_fails_the_walk_naming_its_kind() {
        let mut fake = fake();
        fake.lists.remove("/organizations/org/policy-sets");
        let failure = find(
            &fake,
            "org",
            &Kind::ALL,
            &[Connection::Token("ot-FROM".into())],
        )
        .unwrap_err();
        assert_eq!(failure.kind, Kind::PolicySet);
        assert_eq!(failure.fail.exit, Exit::NotFound);
    }
}
