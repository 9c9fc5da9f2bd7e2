//! The new repository of each old one, for a relink that moves repositories (SPEC §10 "Moving
//! to other repositories"): the `--map` file (CSV `old,new` or a JSON object), the
//! `--rewrite OLD=NEW` prefix rules, which rule maps an identifier (an exact entry wins over a
//! prefix, the longest prefix wins), and the checks a new identifier must pass. The file's two
//! formats are read in `file.rs`.

mod file;

use std::io::Read;
use std::path::Path;

use crate::error::{Fail, Result};
use crate::shared::text::is_unsafe;

/// The most a map file may hold. Ten thousand repositories fit in a megabyte; more is a
/// mistake (a log file, `/dev/zero`), refused rather than read to its end.
const MAX_MAP_BYTES: u64 = 16 << 20;

/// One `old → new` entry of the `--map` file, with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) old: String,
    pub(crate) new: String,
    /// Its line in a CSV file (a JSON map's entries have none).
    pub(crate) line: Option<usize>,
}

/// One `--rewrite OLD_PREFIX=NEW_PREFIX` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rewrite {
    pub(crate) old: String,
    pub(crate) new: String,
}

/// Which rule mapped an identifier, to tell the rules that mapped nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rule {
    /// The n-th `--map` entry.
    Entry(usize),
    /// The n-th `--rewrite`.
    Rewrite(usize),
}

/// The rules of one relink: the `--map` entries and the `--rewrite` prefixes.
#[derive(Debug, Default, Clone)]
pub(crate) struct RepoMap {
    /// Where the entries came from, for messages.
    pub(crate) file: Option<String>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) rewrites: Vec<Rewrite>,
}

impl RepoMap {
    /// No `--map` and no `--rewrite`: a relink that keeps every repository.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.rewrites.is_empty()
    }

    /// The new identifier of `old` and the rule that gave it: the exact entry, else the
    /// longest matching prefix; `None` when no rule maps it.
    pub(crate) fn lookup(&self, old: &str) -> Option<(String, Rule)> {
        if let Some(i) = self.entries.iter().position(|e| e.old == old) {
            return Some((self.entries[i].new.clone(), Rule::Entry(i)));
        }
        let (i, rewrite) = self
            .rewrites
            .iter()
            .enumerate()
            .filter(|(_, r)| old.starts_with(&r.old))
            .max_by_key(|(_, r)| r.old.len())?;
        let new = format!("{}{}", rewrite.new, &old[rewrite.old.len()..]);
        Some((new, Rule::Rewrite(i)))
    }

    /// The rule whose result `identifier` is, if any: an entry's new identifier, or one
    /// that starts with a rewrite's new prefix. A resource on the target with such an
    /// identifier has been moved already.
    pub(crate) fn produced(&self, identifier: &str) -> Option<Rule> {
        if let Some(i) = self.entries.iter().position(|e| e.new == identifier) {
            return Some(Rule::Entry(i));
        }
        self.rewrites
            .iter()
            .enumerate()
            .filter(|(_, r)| identifier.starts_with(&r.new))
            .max_by_key(|(_, r)| r.new.len())
            .map(|(i, _)| Rule::Rewrite(i))
    }

    /// One warning per rule that is not in `used`, in the order given.
    pub(crate) fn unused_warnings(&self, used: &[Rule]) -> Vec<String> {
        let file = self.file.as_deref().unwrap_or("--map");
        let entries = self
            .entries
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(&Rule::Entry(*i)))
            .map(|(_, e)| {
                let place = e
                    .line
                    .map_or(file.to_string(), |l| format!("{file} line {l}"));
                format!(
                    "warning: {place}: nothing uses {}; the entry was not applied",
                    e.old
                )
            });
        let rewrites = self
            .rewrites
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(&Rule::Rewrite(*i)))
            .map(|(_, r)| {
                format!(
                    "warning: --rewrite {}={}: no repository starts with {}",
                    r.old, r.new, r.old
                )
            });
        entries.chain(rewrites).collect()
    }

    /// The rules as a journal's header records them.
    pub(crate) fn describe(&self) -> serde_json::Value {
        let entries: serde_json::Map<String, serde_json::Value> = self
            .entries
            .iter()
            .map(|e| (e.old.clone(), e.new.clone().into()))
            .collect();
        let rewrites: Vec<String> = self
            .rewrites
            .iter()
            .map(|r| format!("{}={}", r.old, r.new))
            .collect();
        serde_json::json!({"map": self.file, "entries": entries, "rewrite": rewrites})
    }
}

#[cfg(test)]
impl RepoMap {
    /// `entries` as lines 2, 3, … of `moves.csv` (after its header), and `rewrites`.
    pub(crate) fn of(entries: &[(&str, &str)], rewrites: &[&str]) -> RepoMap {
        RepoMap {
            file: Some("moves.csv".into()),
            entries: entries
                .iter()
                .enumerate()
                .map(|(i, (old, new))| Entry {
                    old: old.to_string(),
                    new: new.to_string(),
                    line: Some(i + 2),
                })
                .collect(),
            rewrites: rewrites
                .iter()
                .map(|r| parse_rewrite(r).expect("a valid rule"))
                .collect(),
        }
    }
}

/// Why `identifier` cannot be a repository identifier: empty, whitespace or control
/// characters (they would reach the server and every log unseen), or a `..` segment.
pub(crate) fn identifier_problem(identifier: &str) -> Option<&'static str> {
    if identifier.is_empty() {
        Some("it is empty")
    } else if identifier
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_unsafe(c))
    {
        Some("it holds whitespace or control characters")
    } else if identifier.split('/').any(|segment| segment == "..") {
        Some("it holds a `..` segment")
    } else {
        None
    }
}

/// Why a module named `name` for `provider` cannot move to `identifier`: TFE keeps a module's
/// name and provider, so its new repository must be `terraform-<provider>-<name>` (the last
/// segment of the identifier, compared without case as hosts treat repository names).
pub(crate) fn module_name_problem(identifier: &str, provider: &str, name: &str) -> Option<String> {
    let repository = identifier.rsplit('/').next().unwrap_or(identifier);
    let wanted = format!("terraform-{provider}-{name}");
    if repository.eq_ignore_ascii_case(&wanted) {
        None
    } else {
        Some(format!(
            "its new repository {repository} is not named {wanted}: TFE keeps a module's name and provider"
        ))
    }
}

/// Parses one `--rewrite OLD_PREFIX=NEW_PREFIX` (exit 2 when malformed).
pub(crate) fn parse_rewrite(value: &str) -> Result<Rewrite> {
    let bad = |why: &str| {
        Fail::usage(format!("--rewrite {value:?}: {why}"))
            .hint("write it as OLD_PREFIX=NEW_PREFIX, as in --rewrite acme-bb/=acme-gh/")
    };
    let Some((old, new)) = value.split_once('=') else {
        return Err(bad("it has no `=`"));
    };
    if old.is_empty() {
        return Err(bad("the old prefix is empty"));
    }
    for part in [old, new] {
        if part
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_unsafe(c))
        {
            return Err(bad("it holds whitespace or control characters"));
        }
    }
    Ok(Rewrite {
        old: old.to_string(),
        new: new.to_string(),
    })
}

/// The rules of a relink from `--map FILE` and the `--rewrite` values, every one checked
/// before any request (exit 2 naming the file and line, or the rule).
pub(crate) fn rules(map_file: Option<&Path>, rewrites: &[String]) -> Result<RepoMap> {
    let mut map = RepoMap::default();
    if let Some(path) = map_file {
        let name = path.display().to_string();
        let text = read_map_file(path, &name)?;
        map.entries = file::parse_map(&text, &name)?;
        map.file = Some(name);
    }
    for value in rewrites {
        let rewrite = parse_rewrite(value)?;
        if let Some(other) = map.rewrites.iter().find(|r| r.old == rewrite.old) {
            if other.new != rewrite.new {
                return Err(Fail::usage(format!(
                    "--rewrite {}: {} is rewritten twice, to {} and to {}",
                    value, rewrite.old, other.new, rewrite.new
                )));
            }
            continue;
        }
        map.rewrites.push(rewrite);
    }
    Ok(map)
}

fn read_map_file(path: &Path, name: &str) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|e| Fail::usage(format!("--map {name}: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_MAP_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Fail::usage(format!("--map {name}: cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_MAP_BYTES {
        return Err(Fail::usage(format!(
            "--map {name}: more than 16 MiB; this is not a map of repositories"
        )));
    }
    String::from_utf8(bytes).map_err(|e| Fail::usage(format!("--map {name}: not UTF-8 ({e})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_entry_beats_a_prefix_and_the_longest_prefix_wins() {
        let rules = RepoMap::of(
            &[("acme-bb/api", "platform/api-service")],
            &["acme-bb/=acme-gh/", "acme-bb/infra-=acme-gh/infra/infra-"],
        );
        assert_eq!(
            rules.lookup("acme-bb/api"),
            Some(("platform/api-service".into(), Rule::Entry(0)))
        );
        assert_eq!(
            rules.lookup("acme-bb/web"),
            Some(("acme-gh/web".into(), Rule::Rewrite(0)))
        );
        assert_eq!(
            rules.lookup("acme-bb/infra-net"),
            Some(("acme-gh/infra/infra-net".into(), Rule::Rewrite(1)))
        );
        assert_eq!(rules.lookup("other/api"), None);
        assert_eq!(rules.produced("platform/api-service"), Some(Rule::Entry(0)));
        assert_eq!(
            rules.produced("acme-gh/infra/infra-x"),
            Some(Rule::Rewrite(1))
        );
        assert_eq!(rules.produced("acme-bb/web"), None);
    }

    #[test]
    fn unused_rules_are_warned_about() {
        let mut rules = RepoMap::of(&[("a/x", "b/x"), ("a/y", "b/y")], &["c/=d/", "e/=f/"]);
        assert_eq!(
            rules.unused_warnings(&[Rule::Entry(0), Rule::Rewrite(1)]),
            [
                "warning: moves.csv line 3: nothing uses a/y; the entry was not applied",
                "warning: --rewrite c/=d/: no repository starts with c/"
            ]
        );
        rules.file = Some("m.json".into());
        rules.entries[1].line = None;
        assert_eq!(
            rules.unused_warnings(&[Rule::Entry(0), Rule::Rewrite(0), Rule::Rewrite(1)]),
            ["warning: m.json: nothing uses a/y; the entry was not applied"]
        );
    }

    #[test]
    fn rewrites_are_checked() {
        let message = |value: &str| parse_rewrite(value).unwrap_err().message;
        assert_eq!(message("acme"), "--rewrite \"acme\": it has no `=`");
        assert_eq!(
            message("=gh/"),
            "--rewrite \"=gh/\": the old prefix is empty"
        );
        assert_eq!(
            message("a/=b /"),
            "--rewrite \"a/=b /\": it holds whitespace or control characters"
        );
        assert_eq!(
            parse_rewrite("a=b/=c").unwrap(),
            Rewrite {
                old: "a".into(),
                new: "b/=c".into()
            }
        );
        let twice = rules(None, &["a/=b/".into(), "a/=c/".into()]).unwrap_err();
        assert_eq!(
            twice.message,
            "--rewrite a/=c/: a/ is rewritten twice, to b/ and to c/"
        );
        let same = rules(None, &["a/=b/".into(), "a/=b/".into()]).unwrap();
        assert_eq!(same.rewrites.len(), 1);
    }

    #[test]
    fn identifiers_and_module_names() {
        assert_eq!(identifier_problem("acme/api"), None);
        assert_eq!(identifier_problem("org/project/_git/repo"), None);
        assert_eq!(identifier_problem(""), Some("it is empty"));
        for bad in ["a b", "a\tb", "a\u{1b}[2Jb", "a\u{202e}b", "a\u{85}b"] {
            assert_eq!(
                identifier_problem(bad),
                Some("it holds whitespace or control characters"),
                "{bad:?}"
            );
        }
        for bad in ["../x", "a/../b", "a/.."] {
            assert_eq!(identifier_problem(bad), Some("it holds a `..` segment"));
        }
        assert_eq!(identifier_problem("a/..b"), None);
        assert_eq!(
            module_name_problem("acme-gh/terraform-aws-vpc", "aws", "vpc"),
            None
        );
        assert_eq!(
            module_name_problem("org/p/_git/Terraform-AWS-vpc", "aws", "vpc"),
            None
        );
        assert_eq!(
            module_name_problem("acme-gh/vpc-module", "aws", "vpc").unwrap(),
            "its new repository vpc-module is not named terraform-aws-vpc: TFE keeps a module's name and provider"
        );
    }

    #[test]
    fn a_map_file_is_read_and_a_missing_one_is_exit_2() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("moves.csv");
        std::fs::write(&path, "old,new\na/b,c/d\n").unwrap();
        let rules = rules(Some(&path), &["x/=y/".into()]).unwrap();
        assert_eq!(rules.entries.len(), 1);
        assert_eq!(rules.rewrites.len(), 1);
        assert_eq!(
            rules.file.as_deref(),
            Some(path.display().to_string().as_str())
        );
        let missing = super::rules(Some(&dir.path().join("nope.csv")), &[]).unwrap_err();
        assert_eq!(missing.exit, crate::error::Exit::Usage);
        assert!(missing.message.starts_with("--map "), "{}", missing.message);
    }
}
