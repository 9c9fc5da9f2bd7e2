//! What the sandbox accepts in request bodies, with TFE's rules. This file holds the
//! helpers every body shares (JSON, `data` of a type, typed attributes); `clients.rs`,
//! `linked.rs` and `stacks.rs` the rules per resource. Every refusal is a 422 naming the
//! member with `source.pointer`.

mod clients;
mod linked;
mod stacks;
mod vcs_repo;

pub(crate) use clients::{
    client_create, client_update, project_create, project_list, token_update,
};
pub(crate) use linked::{
    module_create, module_naming, module_update, policy_set_input, workspace_input,
};
pub(crate) use stacks::stack_input;
pub(crate) use vcs_repo::RepoChange;

use serde_json::{Map, Value};

use super::documents::{Reply, error, invalid};
use super::table::Tables;

pub(crate) type Problems = Vec<(String, String)>;

/// The body as JSON; an empty body is `null` (DELETEs may send none).
pub(crate) fn parse_body(text: &str) -> Result<Value, Reply> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    if nesting_depth(text) > MAX_NESTING {
        return Err(error(
            400,
            "bad request",
            Some(&format!("the body nests deeper than {MAX_NESTING} levels")),
        ));
    }
    serde_json::from_str(text).map_err(|e| {
        error(
            400,
            "bad request",
            Some(&format!(
                "the body is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            )),
        )
    })
}

/// JSON:API bodies nest a handful of levels; a parser asked to recurse much deeper could
/// exhaust a connection thread's stack and stop the whole process.
const MAX_NESTING: usize = 32;

/// The deepest nesting of arrays and objects in `text`, brackets inside strings not counted.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for byte in text.bytes() {
        match (in_string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// `data` of the given type, or a 422.
pub(super) fn data_of<'a>(body: &'a Value, kind: &str) -> Result<&'a Map<String, Value>, Reply> {
    let Some(data) = body.get("data").and_then(Value::as_object) else {
        return Err(invalid(vec![(
            "/data".into(),
            "data must be an object".into(),
        )]));
    };
    match data.get("type").and_then(Value::as_str) {
        Some(t) if t == kind => Ok(data),
        _ => Err(invalid(vec![(
            "/data/type".into(),
            format!("type must be \"{kind}\""),
        )])),
    }
}

pub(super) fn attributes(data: &Map<String, Value>) -> Map<String, Value> {
    data.get("attributes")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// `Some(Some(text))` for a string, `Some(None)` for null, `None` when absent; other types are
/// a problem.
pub(super) fn optional_text(
    attrs: &Map<String, Value>,
    key: &str,
    problems: &mut Problems,
) -> Option<Option<String>> {
    match attrs.get(key)? {
        Value::Null => Some(None),
        Value::String(s) => Some(Some(s.clone())),
        _ => {
            problems.push((
                format!("/data/attributes/{key}"),
                format!("{key} must be a string"),
            ));
            None
        }
    }
}

pub(super) fn required_text(
    attrs: &Map<String, Value>,
    key: &str,
    problems: &mut Problems,
) -> Option<String> {
    let value = optional_text(attrs, key, problems).flatten();
    require(value, key, problems)
}

/// `value` if it is not blank; otherwise a "can't be blank" problem (unless `key` already
/// has one).
pub(super) fn require(value: Option<String>, key: &str, problems: &mut Problems) -> Option<String> {
    let pointer = format!("/data/attributes/{key}");
    match value {
        Some(s) if !s.trim().is_empty() => Some(s),
        _ => {
            if !problems.iter().any(|(p, _)| *p == pointer) {
                problems.push((pointer, format!("{key} can't be blank")));
            }
            None
        }
    }
}

pub(super) fn optional_bool(
    attrs: &Map<String, Value>,
    key: &str,
    problems: &mut Problems,
) -> Option<bool> {
    match attrs.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::Null => None,
        _ => {
            problems.push((
                format!("/data/attributes/{key}"),
                format!("{key} must be true or false"),
            ));
            None
        }
    }
}

/// The ids of `relationships.projects.data`, each an existing project.
pub(super) fn project_relationship(
    data: &Map<String, Value>,
    tables: &Tables,
    problems: &mut Problems,
) -> Option<Vec<String>> {
    let rel = data.get("relationships")?.get("projects")?;
    let pointer = "/data/relationships/projects/data";
    let Some(items) = rel.get("data").and_then(Value::as_array) else {
        problems.push((
            pointer.into(),
            "projects must be an array of project identifiers".into(),
        ));
        return None;
    };
    project_ids(items, tables, pointer, problems)
}

pub(super) fn project_ids(
    items: &[Value],
    tables: &Tables,
    pointer: &str,
    problems: &mut Problems,
) -> Option<Vec<String>> {
    let mut ids = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str);
        match (item.get("type").and_then(Value::as_str), id) {
            (Some("projects"), Some(id)) if tables.projects.contains(id) => {
                if !ids.iter().any(|seen| seen == id) {
                    ids.push(id.to_string());
                }
            }
            (Some("projects"), Some(id)) => {
                problems.push((format!("{pointer}/{i}"), format!("project {id} not found")))
            }
            _ => problems.push((
                format!("{pointer}/{i}"),
                "must be {\"type\": \"projects\", \"id\": …}".into(),
            )),
        }
    }
    Some(ids)
}

/// `relationships.agent-pool.data`: `Some(None)` to detach, `Some(Some(id))` to attach.
pub(super) fn agent_pool_relationship(
    data: &Map<String, Value>,
    problems: &mut Problems,
) -> Option<Option<String>> {
    let rel = data.get("relationships")?.get("agent-pool")?;
    match rel.get("data") {
        Some(Value::Null) | None => Some(None),
        Some(item) => match (
            item.get("type").and_then(Value::as_str),
            item.get("id").and_then(Value::as_str),
        ) {
            (Some("agent-pools"), Some(id)) if id.starts_with("apool-") && id.len() > 6 => {
                Some(Some(id.to_string()))
            }
            _ => {
                problems.push((
                    "/data/relationships/agent-pool/data".into(),
                    "must be an agent pool identifier".into(),
                ));
                None
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_and_bounded() {
        assert_eq!(nesting_depth(r#"{"data":{"a":[1,{"b":"[[[{{"}]}}"#), 4);
        assert_eq!(nesting_depth(r#"{"s":"a\"[[["}"#), 1);
        let deep = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert_eq!(parse_body(&deep).unwrap_err().status, 400);
        assert!(parse_body(r#"{"data":{"type":"x"}}"#).is_ok());
    }
}
