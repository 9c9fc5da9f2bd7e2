//! Finding what uses a connection: the API has no filter for it, so every list of the kinds
//! asked for is walked (side by side) and matched locally; a private module listed without a
//! `vcs-repo` is read on its own first, and a kind the organization must enable (Stacks) is
//! walked only when its organization document says it is, or when `--kind` names it
//! (SPEC §10).

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
    /// The kinds being walked.
    pub(crate) walking: Vec<Kind>,
    pub(crate) fail: Fail,
}

/// What a walk found, and which kinds it walked and left out.
#[derive(Debug)]
pub(crate) struct Walk {
    /// What `keep` kept, kind by kind in table order, each in list order.
    pub(crate) found: Vec<Linked>,
    /// Kinds not walked because the organization does not enable them (and `--kind` did not
    /// ask for them), each with the organization attribute that said so.
    pub(crate) not_enabled: Vec<NotEnabled>,
}

/// A kind and the organization attribute it depends on.
pub(crate) type NotEnabled = (Kind, &'static str);

/// Every resource of the kinds `asked` for (none: all) in `org` that `keep` keeps (`usage`:
/// those whose `vcs-repo` names one of its connections; the doctor: none, counting each as it
/// passes): workspaces, then policy sets, then modules, then Stacks, each in list order. A
/// kind the organization must enable (Stacks) and `asked` does not name is walked only when
/// `organization` (its `GET /organizations/:org`) says it is enabled. Any list or read that
/// fails fails the walk: a partial answer would look like "nothing else uses it". `keep` sees
/// each resource walked once, as its page is read (a private module listed without its
/// `vcs-repo`: once its own read says), so memory grows with what it keeps, never with what
/// is walked.
pub(crate) fn find_where(
    source: &dyn Source,
    org: &str,
    organization: &Value,
    asked: &[Kind],
    keep: impl Fn(&Linked) -> bool + Sync,
) -> Result<Walk, WalkFailure> {
    let (walked, not_enabled) = kinds_to_walk(organization, asked);
    let paths: Vec<String> = walked.iter().map(|k| k.list_path(org)).collect();
    let on_page = |i: usize, item: Value| {
        let linked = Linked::new(walked[i], item);
        (linked.needs_own_read() || keep(&linked)).then_some(linked.resource)
    };
    let mut found = Vec::new();
    for (kind, list) in walked.iter().zip(source.lists(&paths, &on_page)) {
        let items = list.map_err(|fail| WalkFailure {
            kind: *kind,
            walking: walked.clone(),
            fail,
        })?;
        found.extend(items.into_iter().map(|item| Linked::new(*kind, item)));
    }
    let read = read_unlisted_items(source, org, &mut found).map_err(|failure| WalkFailure {
        walking: walked.clone(),
        ..failure
    })?;
    // Judged on the page already, except the items just read on their own.
    let mut i = 0;
    found.retain(|linked| {
        let kept = !read.contains(&i) || keep(linked);
        i += 1;
        kept
    });
    Ok(Walk { found, not_enabled })
}

/// The kinds asked for, less those the organization must enable, has not (its attribute is
/// absent, null or anything but `true`: an older TFE has no such attribute), and `--kind`
/// did not name.
fn kinds_to_walk(organization: &Value, asked: &[Kind]) -> (Vec<Kind>, Vec<NotEnabled>) {
    let kinds = Kind::asked(asked);
    let not_enabled: Vec<NotEnabled> = kinds
        .iter()
        .filter(|kind| !asked.contains(kind))
        .filter_map(|kind| Some((*kind, kind.spec().walked_when_organization_says?)))
        .filter(|(_, attribute)| {
            organization.pointer(&format!("/attributes/{attribute}")) != Some(&Value::Bool(true))
        })
        .collect();
    let walked = kinds
        .into_iter()
        .filter(|kind| !not_enabled.iter().any(|(k, _)| k == kind))
        .collect();
    (walked, not_enabled)
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
                    walking: Vec::new(),
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
        let item = read.map_err(|fail| WalkFailure {
            kind,
            walking: Vec::new(),
            fail,
        })?;
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
                    self.reads
                        .get(p)
                        .cloned()
                        .ok_or_else(|| Fail::new(Exit::NotFound, format!("GET {p}: 404")))
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
        fake.lists.insert(
            "/organizations/org/stacks".into(),
            vec![linked("st-b", "ot-OTHER"), linked("st-a", "ot-FROM")],
        );
        fake.reads.insert(
            "/organizations/org/registry-modules/private/org/vpc/aws".into(),
            json!({"id": "mod-a", "attributes": {"name": "vpc", "namespace": "org",
                   "provider": "aws", "registry-name": "private",
                   "vcs-repo": {"identifier": "o/terraform-aws-vpc", "oauth-token-id": "ot-FROM"}}}),
        );
        fake
    }

    fn enabled() -> Value {
        json!({"id": "org", "type": "organizations", "attributes": {"stacks-enabled": true}})
    }

    /// What `usage` asks of the walk: the resources naming one of `connections`.
    fn find(
        source: &dyn Source,
        org: &str,
        organization: &Value,
        asked: &[Kind],
        connections: &[Connection],
    ) -> Result<Walk, WalkFailure> {
        find_where(source, org, organization, asked, |linked| {
            linked.uses_any(connections)
        })
    }

    fn ids(found: &[Linked]) -> Vec<&str> {
        found.iter().map(Linked::id).collect()
    }

    #[test]
    fn finds_every_kind_in_table_order_and_reads_unlisted_private_modules() {
        let fake = fake();
        let from = [Connection::Token("ot-FROM".into())];
        // Asked for in another order: rows still come workspaces, policy sets, modules, Stacks.
        let walk = find(
            &fake,
            "org",
            &enabled(),
            &[Kind::Stack, Kind::Module, Kind::Workspace, Kind::PolicySet],
            &from,
        )
        .unwrap();
        let found = walk.found;
        assert_eq!(ids(&found), ["ws-a", "ws-c", "polset-a", "mod-a", "st-a"]);
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
                "list /organizations/org/stacks",
                "read /organizations/org/registry-modules/private/org/vpc/aws",
            ],
            "--kind stack asks for Stacks: the organization is not read"
        );
    }

    #[test]
    fn stacks_are_walked_without_kind_only_when_the_organization_enables_them() {
        let from = [Connection::Token("ot-FROM".into())];
        let on = fake();
        let walk = find(&on, "org", &enabled(), &[], &from).unwrap();
        assert_eq!(
            ids(&walk.found),
            ["ws-a", "ws-c", "polset-a", "mod-a", "st-a"]
        );
        assert!(walk.not_enabled.is_empty());
        assert!(
            on.asked
                .borrow()
                .contains(&"list /organizations/org/stacks".to_string())
        );

        let disabled = json!({"attributes": {"stacks-enabled": false}});
        for organization in [
            disabled.clone(),
            json!({"attributes": {"name": "org"}}),
            json!({"attributes": {"stacks-enabled": "true"}}),
            json!({}),
        ] {
            let off = fake();
            let walk = find(&off, "org", &organization, &[], &from).unwrap();
            assert_eq!(
                ids(&walk.found),
                ["ws-a", "ws-c", "polset-a", "mod-a"],
                "{organization}"
            );
            assert_eq!(walk.not_enabled, [(Kind::Stack, "stacks-enabled")]);
            assert!(
                !off.asked.borrow().iter().any(|a| a.ends_with("/stacks")),
                "{organization}: no request to the Stacks list"
            );
        }

        let asked = fake();
        let walk = find(&asked, "org", &disabled, &[Kind::Stack], &from).unwrap();
        assert_eq!(ids(&walk.found), ["st-a"]);
        assert!(walk.not_enabled.is_empty());
        assert_eq!(
            *asked.asked.borrow(),
            ["list /organizations/org/stacks"],
            "--kind stack walks them whatever the organization says"
        );
    }

    #[test]
    fn only_matching_items_and_unread_private_modules_are_kept_from_the_pages() {
        let fake = fake();
        find(
            &fake,
            "org",
            &enabled(),
            &Kind::ALL,
            &[Connection::Token("ot-FROM".into())],
        )
        .unwrap();
        // ws-b (another token), mod-p (public) and st-b (another token) were dropped as their
        // page was read.
        assert_eq!(
            *fake.kept.borrow(),
            [
                "\"ws-a\"",
                "\"ws-c\"",
                "\"polset-a\"",
                "\"mod-a\"",
                "\"st-a\""
            ]
        );
    }

    #[test]
    fn a_kind_not_asked_for_is_not_listed() {
        let fake = fake();
        let found = find(
            &fake,
            "org",
            &enabled(),
            &[Kind::Workspace],
            &[Connection::Token("ot-FROM".into())],
        )
        .unwrap()
        .found;
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
                &enabled(),
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
            &enabled(),
            &Kind::ALL,
            &[Connection::Token("ot-FROM".into())],
        )
        .unwrap_err();
        assert_eq!(failure.kind, Kind::PolicySet);
        assert_eq!(failure.fail.exit, Exit::NotFound);
    }
}
