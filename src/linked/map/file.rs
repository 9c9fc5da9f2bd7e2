//! The two formats of a `--map` file: CSV `old,new` lines (a header, `#` comments, quotes,
//! CRLF) and a JSON object `{"old": "new"}`; every entry checked as it is read, with the file
//! and line in each error.

use super::{Entry, identifier_problem};
use crate::error::{Fail, Result};

/// The entries of a map file's text: JSON when its first character (after a byte order mark
/// and blanks) is `{` or `[` (an array is refused there, by name), else CSV. `name` is the file, for messages.
pub(super) fn parse_map(text: &str, name: &str) -> Result<Vec<Entry>> {
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
}
