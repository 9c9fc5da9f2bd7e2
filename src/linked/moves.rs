//! Which repository each resource of a move goes to (SPEC §10 "Moving to other repositories"):
//! the rules applied to what the walk found, the resources already moved, and the refusals
//! (unmapped, a bad new identifier, a module whose new repository breaks its name) that stop
//! the relink before anything is sent.

use serde_json::Value;

use super::connection::Connection;
use super::map::{RepoMap, Rule, identifier_problem, module_name_problem};
use super::resource::Linked;
use crate::error::{Fail, Result};

/// What a move does to one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Move {
    /// Re-pointed, with this identifier in its PATCH.
    To(String),
    /// Unmapped, and `--keep-unmapped` relinks it with its repository unchanged.
    Keep,
    /// Already on the target with a rule's new identifier: listed as done, not patched.
    Done,
}

/// The resources of a move, each with what happens to it, in the order found; and the
/// warnings about rules that matched nothing.
#[derive(Debug, Default)]
pub(crate) struct Moves {
    pub(crate) moves: Vec<(Linked, Move)>,
    pub(crate) warnings: Vec<String>,
}

fn identifier(linked: &Linked) -> &str {
    linked
        .vcs_repo()
        .and_then(|r| r.get("identifier"))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn attribute<'a>(linked: &'a Linked, key: &str) -> &'a str {
    linked
        .resource
        .pointer(&format!("/attributes/{key}"))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// Keeps of `found` what names `from`, and — of a move, which also walks the target — what a
/// rule moved already; the rest names the target without being part of this move.
pub(crate) fn keep_ours(found: &mut Vec<Linked>, rules: &RepoMap, from: &Connection) {
    found.retain(|l| {
        l.uses_any(std::slice::from_ref(from)) || rules.produced(identifier(l)).is_some()
    });
}

/// Applies `rules` to `found` (what names FROM, and — when FROM is not TO — what names TO,
/// among which only the resources already moved are kept). Refuses (exit 2, nothing sent)
/// when a resource on FROM is unmapped and `keep_unmapped` is off, a new identifier is not
/// valid, a module's new repository is not `terraform-<provider>-<name>`, or — with FROM = TO,
/// where a re-run walks the same connection — a new identifier that a rule would move again.
pub(crate) fn decide(
    found: Vec<Linked>,
    rules: &RepoMap,
    from: &Connection,
    to: &Connection,
    keep_unmapped: bool,
) -> Result<Moves> {
    let same = from == to;
    let mut used: Vec<Rule> = Vec::new();
    let mut moves = Vec::new();
    let mut refused: Vec<String> = Vec::new();
    for linked in found {
        let old = identifier(&linked).to_string();
        let on_from = linked.uses_any(std::slice::from_ref(from));
        if !on_from {
            // On TO: ours only when a rule produced its identifier.
            if let Some(rule) = rules.produced(&old) {
                used.push(rule);
                moves.push((linked, Move::Done));
            }
            continue;
        }
        let describe =
            |linked: &Linked| format!("{} {} ({old})", linked.kind.label(), linked.name());
        let decided = match rules.lookup(&old) {
            Some((new, rule)) => {
                used.push(rule);
                if let Some(why) = identifier_problem(&new) {
                    refused.push(format!(
                        "{}: the new repository {new:?}: {why}",
                        describe(&linked)
                    ));
                    continue;
                }
                if same && new == old {
                    Move::Done
                } else {
                    if same
                        && let Some((again, _)) = rules.lookup(&new)
                        && again != new
                    {
                        refused.push(format!(
                            "{}: its new repository {new} would be moved again, to {again}: with FROM = TO a re-run would move it twice",
                            describe(&linked)
                        ));
                        continue;
                    }
                    if linked.kind.spec().repository_named_after_it
                        && let Some(why) = module_name_problem(
                            &new,
                            attribute(&linked, "provider"),
                            attribute(&linked, "name"),
                        )
                    {
                        refused.push(format!("{}: {why}", describe(&linked)));
                        continue;
                    }
                    Move::To(new)
                }
            }
            None => match rules.produced(&old) {
                Some(rule) if same => {
                    used.push(rule);
                    Move::Done
                }
                _ if keep_unmapped => Move::Keep,
                _ => {
                    refused.push(format!(
                        "{}: no rule maps its repository",
                        describe(&linked)
                    ));
                    continue;
                }
            },
        };
        moves.push((linked, decided));
    }
    if let Some(first) = refused.first() {
        let mut fail = Fail::usage(format!(
            "{} of the resources cannot be moved; nothing was changed",
            refused.len()
        ));
        for line in &refused {
            fail = fail.detail(line.clone());
        }
        if first.ends_with("no rule maps its repository") {
            fail = fail.hint(
                "add them to the --map file, or pass --keep-unmapped to relink them with their repositories unchanged",
            );
        }
        return Err(fail);
    }
    // With FROM = TO, an unmapped resource kept as it is has nothing to change.
    if same {
        moves.retain(|(_, m)| *m != Move::Keep);
    }
    Ok(Moves {
        warnings: rules.unused_warnings(&used),
        moves,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linked::Kind;
    use serde_json::json;

    fn rules(entries: &[(&str, &str)], rewrites: &[&str]) -> RepoMap {
        RepoMap::of(entries, rewrites)
    }

    fn ws(name: &str, identifier: &str, connection: &str) -> Linked {
        Linked::new(
            Kind::Workspace,
            json!({"id": format!("ws-{name}"), "attributes": {"name": name, "vcs-repo": {
                "identifier": identifier, "branch": "", "oauth-token-id": connection}}}),
        )
    }

    fn module(name: &str, provider: &str, identifier: &str) -> Linked {
        Linked::new(
            Kind::Module,
            json!({"id": format!("mod-{name}"), "attributes": {"name": name, "provider": provider,
                "namespace": "acme", "vcs-repo": {"identifier": identifier,
                "oauth-token-id": "ot-FROM"}}}),
        )
    }

    fn token(id: &str) -> Connection {
        Connection::Token(id.into())
    }

    fn outcome(moves: &Moves) -> Vec<(String, Move)> {
        moves
            .moves
            .iter()
            .map(|(l, m)| (l.id().to_string(), m.clone()))
            .collect()
    }

    fn refusal(result: Result<Moves>) -> Fail {
        match result {
            Err(fail) => {
                assert_eq!(fail.exit, crate::error::Exit::Usage);
                fail
            }
            Ok(moves) => panic!("not refused: {:?}", outcome(&moves)),
        }
    }

    #[test]
    fn each_resource_gets_its_rule_and_unused_entries_are_warned() {
        let found = vec![
            ws("api", "acme-bb/api", "ot-FROM"),
            ws("web", "acme-bb/web", "ot-FROM"),
            module("vpc", "aws", "acme-bb/terraform-aws-vpc"),
            ws("moved", "acme-gh/old", "ot-TO"),
            ws("theirs", "someone/else", "ot-TO"),
        ];
        let rules = rules(
            &[("acme-bb/api", "platform/api"), ("acme-bb/gone", "x/gone")],
            &["acme-bb/=acme-gh/"],
        );
        let moves = decide(found, &rules, &token("ot-FROM"), &token("ot-TO"), false).unwrap();
        assert_eq!(
            outcome(&moves),
            [
                ("ws-api".into(), Move::To("platform/api".into())),
                ("ws-web".into(), Move::To("acme-gh/web".into())),
                (
                    "mod-vpc".into(),
                    Move::To("acme-gh/terraform-aws-vpc".into())
                ),
                ("ws-moved".into(), Move::Done),
            ]
        );
        assert_eq!(
            moves.warnings,
            ["warning: moves.csv line 3: nothing uses acme-bb/gone; the entry was not applied"]
        );
    }

    #[test]
    fn unmapped_resources_are_refused_unless_kept() {
        let found = || {
            vec![
                ws("api", "acme-bb/api", "ot-FROM"),
                ws("tools", "tools/cli", "ot-FROM"),
            ]
        };
        let rules = rules(&[], &["acme-bb/=acme-gh/"]);
        let fail = refusal(decide(
            found(),
            &rules,
            &token("ot-FROM"),
            &token("ot-TO"),
            false,
        ));
        assert_eq!(
            fail.message,
            "1 of the resources cannot be moved; nothing was changed"
        );
        assert_eq!(
            fail.details,
            ["workspace tools (tools/cli): no rule maps its repository"]
        );
        assert!(fail.hints[0].contains("--keep-unmapped"));
        let kept = decide(found(), &rules, &token("ot-FROM"), &token("ot-TO"), true).unwrap();
        assert_eq!(
            outcome(&kept),
            [
                ("ws-api".into(), Move::To("acme-gh/api".into())),
                ("ws-tools".into(), Move::Keep)
            ]
        );
    }

    #[test]
    fn modules_keep_their_name_and_new_identifiers_must_be_valid() {
        let rules = rules(
            &[("acme-bb/terraform-aws-vpc", "acme-gh/vpc")],
            &["bb/=gh/../"],
        );
        let found = vec![
            module("vpc", "aws", "acme-bb/terraform-aws-vpc"),
            ws("web", "bb/web", "ot-FROM"),
        ];
        let fail = refusal(decide(
            found,
            &rules,
            &token("ot-FROM"),
            &token("ot-TO"),
            false,
        ));
        assert_eq!(
            fail.details,
            [
                "module acme/vpc/aws (acme-bb/terraform-aws-vpc): its new repository vpc is not named terraform-aws-vpc: TFE keeps a module's name and provider",
                "workspace web (bb/web): the new repository \"gh/../web\": it holds a `..` segment",
            ]
        );
        assert!(fail.hints.is_empty());
    }

    #[test]
    fn with_from_equal_to_moved_ones_are_done_and_chains_refused() {
        let same = token("ot-FROM");
        let found = vec![
            ws("new", "acme-gh/api", "ot-FROM"),
            ws("old", "acme-bb/web", "ot-FROM"),
            ws("tools", "tools/cli", "ot-FROM"),
        ];
        let rules = rules(&[], &["acme-bb/=acme-gh/"]);
        let moves = decide(found, &rules, &same, &same, true).unwrap();
        assert_eq!(
            outcome(&moves),
            [
                ("ws-new".into(), Move::Done),
                ("ws-old".into(), Move::To("acme-gh/web".into()))
            ],
            "an unmapped one kept as it is has nothing to change"
        );
        assert!(moves.warnings.is_empty());

        let chain = self::rules(&[("a/x", "a/y"), ("a/y", "a/z")], &[]);
        let fail = refusal(decide(
            vec![ws("x", "a/x", "ot-FROM")],
            &chain,
            &same,
            &same,
            false,
        ));
        assert_eq!(
            fail.details,
            [
                "workspace x (a/x): its new repository a/y would be moved again, to a/z: with FROM = TO a re-run would move it twice"
            ]
        );
        let swap = decide(
            vec![ws("x", "a/x", "ot-FROM")],
            &chain,
            &same,
            &token("ot-TO"),
            false,
        )
        .unwrap();
        assert_eq!(outcome(&swap), [("ws-x".into(), Move::To("a/y".into()))]);
    }
}
