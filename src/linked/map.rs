//! The new repository of each old one, for a relink that moves repositories (SPEC §10 "Moving
//! to other repositories"): the `--map` file (CSV `old,new` or a JSON object), the
//! `--rewrite OLD=NEW` prefix rules, which rule maps an identifier (an exact entry wins over a
//! prefix, the longest prefix wins), and the checks a new identifier must pass.

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
        map.entries = parse_map(&text, &name)?;
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

/// The entries of a map file's text: JSON when its first character (after a byte order mark
/// and blanks) is `{` or `[` (an array is refused there, by name), else CSV. `name` is the file, for messages.
pub(crate) fn parse_map(text: &str, name: &str) -> Result<Vec<Entry>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with(['{', '[']) {
        parse_json(text, name)
    } else {
        parse_csv(text, name)
    }
}

/// Adds `entry` unless it repeats one (the same old repository to the same new one); why not
/// when either repository is not a valid identifier or the old one is mapped elsewhere.
fn add_entry(entries: &mut Vec<Entry>, entry: Entry) -> std::result::Result<(), String> {
    if let Some(why) = identifier_problem(&entry.old) {
        return Err(format!("the old repository {:?}: {why}", entry.old));
    }
    if let Some(why) = identifier_problem(&entry.new) {
        return Err(format!("the new repository {:?}: {why}", entry.new));
    }
    match entries.iter().find(|e| e.old == entry.old) {
        Some(first) if first.new != entry.new => Err(format!(
            "{} is mapped again, to {} ({} maps it to {})",
            entry.old,
            entry.new,
            first
                .line
                .map_or("an earlier entry".to_string(), |l| format!("line {l}")),
            first.new
        )),
        Some(_) => Ok(()),
        None => {
            entries.push(entry);
            Ok(())
        }
    }
}

/// CSV of `old,new`: `#` starts a comment outside quotes, blank lines are skipped, a first
/// line `old,new` is a header, fields may be quoted (`""` is a quote inside), `\r\n` ends a
/// line as `\n` does.
fn parse_csv(text: &str, name: &str) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut first = true;
    for (i, line) in text.split('\n').enumerate() {
        let number = i + 1;
        let at = |why: String| Fail::usage(format!("{name} line {number}: {why}"));
        let line = line.strip_suffix('\r').unwrap_or(line);
        let fields = csv_fields(line).map_err(at)?;
        if fields.is_empty() {
            continue;
        }
        let is_first = std::mem::replace(&mut first, false);
        let [old, new] = <[String; 2]>::try_from(fields)
            .map_err(|fields| at(format!("{} fields; each line is old,new", fields.len())))?;
        if is_first && old.eq_ignore_ascii_case("old") && new.eq_ignore_ascii_case("new") {
            continue;
        }
        let entry = Entry {
            old,
            new,
            line: Some(number),
        };
        add_entry(&mut entries, entry).map_err(at)?;
    }
    Ok(entries)
}

/// The fields of one CSV line, trimmed unless quoted; none for a blank or comment line.
fn csv_fields(line: &str) -> std::result::Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
        let mut field = String::new();
        match chars.peek() {
            None | Some('#') if fields.is_empty() => return Ok(fields),
            Some('"') => {
                chars.next();
                loop {
                    match chars.next() {
                        None => return Err("a quoted field is not closed".into()),
                        Some('"') if chars.next_if_eq(&'"').is_some() => field.push('"'),
                        Some('"') => break,
                        Some(c) => field.push(c),
                    }
                }
                while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
                if !matches!(chars.peek(), None | Some(',') | Some('#')) {
                    return Err("text after a closing quote".into());
                }
            }
            _ => {
                while let Some(c) = chars.next_if(|c| *c != ',' && *c != '#') {
                    if c == '"' {
                        return Err("a quote inside an unquoted field".into());
                    }
                    field.push(c);
                }
                field.truncate(field.trim_end().len());
            }
        }
        fields.push(field);
        match chars.next() {
            Some(',') => {}
            _ => return Ok(fields),
        }
    }
}

/// A JSON object `{"old": "new", …}`. Each entry is checked as its new repository is read,
/// so that an error carries the line serde_json is at; entries of a JSON map have no line of
/// their own.
fn parse_json(text: &str, name: &str) -> Result<Vec<Entry>> {
    use serde::de::{DeserializeSeed, Deserializer as _, MapAccess, Visitor};

    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<Entry>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of old repository to new repository")
        }
        fn visit_map<A: MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(old) = map.next_key::<String>()? {
                map.next_value_seed(NewRepository {
                    old,
                    entries: &mut entries,
                })?;
            }
            Ok(entries)
        }
    }

    /// The value of one entry, added to `entries` while the parser is still at it.
    struct NewRepository<'e> {
        old: String,
        entries: &'e mut Vec<Entry>,
    }
    impl<'de> DeserializeSeed<'de> for NewRepository<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(
            self,
            d: D,
        ) -> std::result::Result<(), D::Error> {
            d.deserialize_str(self)
        }
    }
    impl<'de> Visitor<'de> for NewRepository<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, new: &str) -> std::result::Result<(), E> {
            let entry = Entry {
                old: self.old,
                new: new.to_string(),
                line: None,
            };
            add_entry(self.entries, entry).map_err(E::custom)
        }
    }

    let mut de = serde_json::Deserializer::from_str(text);
    (&mut de)
        .deserialize_map(Entries)
        .and_then(|entries| de.end().map(|()| entries))
        .map_err(|e| Fail::usage(format!("{name} line {}: {}", e.line(), json_reason(&e))))
}

/// serde_json's message without its own " at line L column C" (the line is given first).
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(entries: &[Entry]) -> Vec<(&str, &str, usize)> {
        entries
            .iter()
            .map(|e| (e.old.as_str(), e.new.as_str(), e.line.unwrap_or(0)))
            .collect()
    }

    fn error(result: Result<Vec<Entry>>) -> String {
        match result {
            Err(fail) => {
                assert_eq!(fail.exit, crate::error::Exit::Usage);
                fail.message
            }
            Ok(entries) => panic!("parsed: {entries:?}"),
        }
    }

    #[test]
    fn csv_with_header_comments_quotes_and_crlf() {
        let text = "\u{feff}old,new\r\n# Bitbucket to GitHub\r\n\r\nacme-bb/api, acme-gh/api # moved in May\r\n\"acme-bb/web\",\"acme-gh/web\"\r\n  \"acme-bb/a,b\" , acme-gh/ab\r\n";
        let entries = parse_map(text, "moves.csv").unwrap();
        assert_eq!(
            pairs(&entries),
            [
                ("acme-bb/api", "acme-gh/api", 4),
                ("acme-bb/web", "acme-gh/web", 5),
                ("acme-bb/a,b", "acme-gh/ab", 6)
            ]
        );
    }

    #[test]
    fn csv_without_header_and_a_quote_inside_quotes() {
        let entries = parse_map("a/\"\"x,b/y\nc/d,e/f", "m.csv");
        assert!(entries.is_err(), "a quote in an unquoted field is refused");
        let entries = parse_map("\"a/\"\"x\",b/y\nc/d,e/f", "m.csv").unwrap();
        assert_eq!(pairs(&entries), [("a/\"x", "b/y", 1), ("c/d", "e/f", 2)]);
    }

    #[test]
    fn a_header_is_only_the_first_line() {
        let entries = parse_map("a/b,c/d\nold,new\n", "m.csv").unwrap();
        assert_eq!(pairs(&entries), [("a/b", "c/d", 1), ("old", "new", 2)]);
    }

    #[test]
    fn bad_csv_lines_name_the_file_and_line() {
        assert_eq!(
            error(parse_map("old,new\na/b,c/d\na/x\n", "m.csv")),
            "m.csv line 3: 1 fields; each line is old,new"
        );
        assert_eq!(
            error(parse_map("a/b,c/d,e/f\n", "m.csv")),
            "m.csv line 1: 3 fields; each line is old,new"
        );
        assert_eq!(
            error(parse_map("a/b,\"c/d\n", "m.csv")),
            "m.csv line 1: a quoted field is not closed"
        );
        assert_eq!(
            error(parse_map("a/b,\"c/d\"x\n", "m.csv")),
            "m.csv line 1: text after a closing quote"
        );
        assert_eq!(
            error(parse_map("# x\na/b,\n", "m.csv")),
            "m.csv line 2: the new repository \"\": it is empty"
        );
        assert_eq!(
            error(parse_map("a/b,c/../d\n", "m.csv")),
            "m.csv line 1: the new repository \"c/../d\": it holds a `..` segment"
        );
        assert_eq!(
            error(parse_map("a/b,\"c/d e\"\n", "m.csv")),
            "m.csv line 1: the new repository \"c/d e\": it holds whitespace or control characters"
        );
        assert_eq!(
            error(parse_map("a/b,c/d\n\na/b,c/e\n", "m.csv")),
            "m.csv line 3: a/b is mapped again, to c/e (line 1 maps it to c/d)"
        );
        let same_twice = parse_map("a/b,c/d\na/b,c/d\n", "m.csv").unwrap();
        assert_eq!(pairs(&same_twice), [("a/b", "c/d", 1)]);
    }

    #[test]
    fn json_object_with_lines() {
        let text = "\u{feff} {\n  \"acme-bb/api\": \"acme-gh/api\",\n  \"acme-bb/web\": \"acme-gh/web\",\n  \"acme-bb/api\": \"acme-gh/api\"\n}\n";
        let entries = parse_map(text, "m.json").unwrap();
        assert_eq!(
            pairs(&entries),
            [
                ("acme-bb/api", "acme-gh/api", 0),
                ("acme-bb/web", "acme-gh/web", 0)
            ]
        );
    }

    #[test]
    fn bad_json_names_the_file_and_line() {
        assert_eq!(
            error(parse_map("{\n \"a/b\": \"c/d\",\n \"e/f\": 3\n}", "m.json")),
            "m.json line 3: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            error(parse_map(
                "{\n \"a/b\": \"c/d\"\n \"e/f\": \"g/h\"\n}",
                "m.json"
            )),
            "m.json line 3: expected `,` or `}`"
        );
        assert_eq!(
            error(parse_map(
                "{\n\"a/b\": \"c/d\",\n\"e/f\": \"g /h\"}",
                "m.json"
            )),
            "m.json line 3: the new repository \"g /h\": it holds whitespace or control characters"
        );
        assert_eq!(
            error(parse_map("[\"a/b\"]", "m.json")),
            "m.json line 1: invalid type: sequence, expected an object of old repository to new repository"
        );
        assert_eq!(
            error(parse_map("{\"a/b\": \"c/d\"}\n[]", "m.json")),
            "m.json line 2: trailing characters"
        );
        assert_eq!(
            error(parse_map(
                "{\n\"a/b\": \"c/d\",\n\"a/b\": \"c/e\"\n}",
                "m.json"
            )),
            "m.json line 3: a/b is mapped again, to c/e (an earlier entry maps it to c/d)"
        );
    }

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
