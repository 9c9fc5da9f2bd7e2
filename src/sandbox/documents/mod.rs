//! The JSON:API documents the sandbox answers with, shaped like TFE's: replies, error
//! objects, and paginated lists with `meta.pagination` and `links`. Lists are paginated
//! before any resource is built, so a page costs the page, not the list.

mod connections;
mod linked;

use std::cell::Cell;

use serde_json::{Map, Value, json};

use crate::shared::jsonapi::encode_component;
pub(crate) use crate::shared::jsonapi::identifier;

pub(crate) use connections::{
    client_resource, included_for, installation_resource, project_resource, token_resource,
};
pub(crate) use linked::{
    module_list_item, module_resource, policy_set_resource, stack_resource, workspace_resource,
};

pub(crate) const API: &str = "/api/v2";

thread_local! {
    /// How many resources this thread has built into documents: what a page of a long list
    /// costs, counted so tests can show it does not grow with the list.
    static RESOURCES_BUILT: Cell<usize> = const { Cell::new(0) };
}

fn built(resource: Value) -> Value {
    RESOURCES_BUILT.with(|n| n.set(n.get() + 1));
    resource
}

/// Resources built on this thread so far.
#[cfg(test)]
pub(crate) fn resources_built() -> usize {
    RESOURCES_BUILT.with(Cell::get)
}

/// A response before it is written: status, JSON body (none for 204) and extra headers.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) body: Option<Value>,
    pub(crate) headers: Vec<(String, String)>,
}

impl Reply {
    pub(crate) fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            body: Some(body),
            headers: Vec::new(),
        }
    }

    pub(crate) fn no_content() -> Reply {
        Reply {
            status: 204,
            body: None,
            headers: Vec::new(),
        }
    }

    pub(crate) fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

/// One JSON:API error object.
pub(crate) fn error_object(
    status: u16,
    title: &str,
    detail: Option<&str>,
    pointer: Option<&str>,
) -> Value {
    let mut error = Map::new();
    error.insert("status".into(), json!(status.to_string()));
    error.insert("title".into(), json!(title));
    if let Some(detail) = detail {
        error.insert("detail".into(), json!(detail));
    }
    if let Some(pointer) = pointer {
        error.insert("source".into(), json!({ "pointer": pointer }));
    }
    Value::Object(error)
}

pub(crate) fn error(status: u16, title: &str, detail: Option<&str>) -> Reply {
    Reply::json(
        status,
        json!({ "errors": [error_object(status, title, detail, None)] }),
    )
}

pub(crate) fn not_found() -> Reply {
    error(404, "not found", None)
}

pub(crate) fn unauthorized() -> Reply {
    error(401, "unauthorized", None)
}

/// 422 with one error object per invalid member, each with its `source.pointer`.
pub(crate) fn invalid(problems: Vec<(String, String)>) -> Reply {
    let errors: Vec<Value> = problems
        .iter()
        .map(|(pointer, detail)| {
            error_object(422, "invalid attribute", Some(detail), Some(pointer))
        })
        .collect();
    Reply::json(422, json!({ "errors": errors }))
}

/// One page of a list: its number (from 1) and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    pub(crate) number: usize,
    pub(crate) size: usize,
}

impl Page {
    /// The page the query asks for, as TFE reads it (default size 20, at most 100); `None`
    /// when neither parameter is given.
    pub(crate) fn requested(query: &[(String, String)]) -> Option<Page> {
        let get = |key: &str| {
            query
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let (number, size) = (get("page[number]"), get("page[size]"));
        if number.is_none() && size.is_none() {
            return None;
        }
        let number = number
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n >= 1)
            .unwrap_or(1);
        let size = size
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|s| *s >= 1)
            .unwrap_or(20)
            .min(100);
        Some(Page { number, size })
    }

    /// The OAuth lists: no page parameters means everything, on one page.
    pub(crate) fn or_everything(query: &[(String, String)], total: usize) -> Page {
        Page::requested(query).unwrap_or(Page {
            number: 1,
            size: total.max(1),
        })
    }

    /// Workspaces, policy sets, modules: no page parameters means the first 20.
    pub(crate) fn or_first(query: &[(String, String)]) -> Page {
        Page::requested(query).unwrap_or(Page {
            number: 1,
            size: 20,
        })
    }

    pub(crate) fn start(self) -> usize {
        (self.number - 1).saturating_mul(self.size)
    }
}

/// Where a list lives, for its absolute `links`.
pub(crate) struct ListLinks<'a> {
    pub(crate) origin: &'a str,
    pub(crate) path: &'a str,
    pub(crate) query: &'a [(String, String)],
}

/// A list document: `data` (the page's resources, already built), `meta.pagination` for
/// `total` items, and absolute `links` that keep the other query parameters.
pub(crate) fn list_document(data: Vec<Value>, total: usize, page: Page, at: &ListLinks) -> Value {
    let Page { number, size } = page;
    let total_pages = total.div_ceil(size).max(1);
    let kept: String = at
        .query
        .iter()
        .filter(|(k, _)| k != "page[number]" && k != "page[size]")
        .map(|(k, v)| format!("{}={}&", encode_component(k), encode_component(v)))
        .collect();
    let (origin, path) = (at.origin, at.path);
    let link = |n: usize| {
        json!(format!(
            "{origin}{path}?{kept}page%5Bnumber%5D={n}&page%5Bsize%5D={size}"
        ))
    };
    let prev = (number > 1).then(|| number - 1);
    let next = (number < total_pages).then(|| number + 1);
    json!({
        "data": data,
        "links": {
            "self": link(number),
            "first": link(1),
            "prev": prev.map(link),
            "next": next.map(link),
            "last": link(total_pages),
        },
        "meta": { "pagination": {
            "current-page": number,
            "page-size": size,
            "prev-page": prev,
            "next-page": next,
            "total-pages": total_pages,
            "total-count": total,
        } },
    })
}
