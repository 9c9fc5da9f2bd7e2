//! Stacks (SPEC §9): list (always paginated, `search[name]`, `filter[project][id]`), show,
//! create (`POST /stacks`, the project in `relationships.project`), update and delete; every
//! one answers 404 when the organization does not have Stacks enabled.

use serde_json::json;

use super::linked::{apply, contains_folded, existing, filtered};
use super::{Api, Outcome, Request, list_reply};
use crate::sandbox::documents::{Page, Reply, not_found, stack_resource};
use crate::sandbox::rows::Stack;
use crate::sandbox::rules;
use crate::shared::clock::now_rfc3339;

impl Api {
    /// Routes a Stack request; `None` when the path is not a Stacks endpoint.
    pub(super) fn stacks(&self, req: &Request, method: &str, segments: &[&str]) -> Option<Outcome> {
        let route = match (method, segments) {
            ("GET", ["organizations", _, "stacks"]) => Route::List,
            ("POST", ["stacks"]) => Route::Create,
            ("GET", ["stacks", id]) => Route::Show(id),
            ("PATCH", ["stacks", id]) => Route::Update(id),
            ("DELETE", ["stacks", id]) => Route::Delete(id),
            _ => return None,
        };
        if !self.read().tables.stacks_enabled() {
            return Some(Err(not_found()));
        }
        Some(match route {
            Route::List => self.list_stacks(req),
            Route::Create => self.write_stack(req, None),
            Route::Show(id) => self.show_stack(id),
            Route::Update(id) => self.write_stack(req, Some(id)),
            Route::Delete(id) => self.delete::<Stack>(id),
        })
    }

    fn list_stacks(&self, req: &Request) -> Outcome {
        let store = self.read();
        let tables = &store.tables;
        let page = Page::or_first(&req.query);
        let search = req.param("search[name]").filter(|s| !s.is_empty());
        let project = req.param("filter[project][id]");
        let (rows, total) = filtered(tables.stacks.iter(), page, |s: &Stack| {
            search.is_none_or(|q| contains_folded(&s.name, q))
                && project.is_none_or(|p| s.project_id == p)
        });
        let doc = list_reply(req, rows.into_iter(), total, page, |s| {
            stack_resource(s, tables)
        });
        Ok(Reply::json(200, doc))
    }

    fn show_stack(&self, id: &str) -> Outcome {
        let store = self.read();
        let stack = store.tables.stacks.get(id).ok_or_else(not_found)?;
        let doc = json!({ "data": stack_resource(stack, &store.tables) });
        Ok(Reply::json(200, doc))
    }

    /// A create (`id` none) or a PATCH of a Stack.
    fn write_stack(&self, req: &Request, id: Option<&str>) -> Outcome {
        let body = rules::parse_body(&req.body)?;
        let mut store = self.lock();
        let previous = existing::<Stack>(&store.tables, id)?;
        let input = rules::stack_input(&body, previous.as_ref(), &store.tables)?;
        let now = now_rfc3339();
        let created = previous.is_none();
        let mut stack = match previous {
            Some(stack) => stack,
            None => Stack {
                id: store.new_id::<Stack>("st-"),
                name: String::new(),
                description: None,
                project_id: String::new(),
                speculative_enabled: false,
                vcs_repo: None,
                created_at: now.clone(),
                updated_at: now.clone(),
            },
        };
        if let Some(name) = input.name {
            stack.name = name;
        }
        if let Some(description) = input.description {
            stack.description = description;
        }
        if let Some(speculative) = input.speculative_enabled {
            stack.speculative_enabled = speculative;
        }
        if let Some(project) = input.project_id {
            stack.project_id = project;
        }
        apply(input.repo, &mut stack.vcs_repo);
        stack.updated_at = now;
        let doc = json!({ "data": stack_resource(&stack, &store.tables) });
        store.put(stack);
        Self::commit(
            &mut store,
            Reply::json(if created { 201 } else { 200 }, doc),
        )
    }
}

/// The Stacks endpoints.
enum Route<'a> {
    List,
    Create,
    Show(&'a str),
    Update(&'a str),
    Delete(&'a str),
}

#[cfg(test)]
mod tests {
    use std::sync::RwLock;

    use super::*;
    use crate::sandbox::random::Rng;
    use crate::sandbox::rows::Settings;
    use crate::sandbox::store::Store;

    fn api(stacks_enabled: bool) -> Api {
        let mut store = Store::open(None, Rng::new(3)).unwrap();
        store.tables.put(Settings {
            id: "o".into(),
            stacks_enabled,
        });
        Api {
            org: "o".into(),
            store: RwLock::new(store),
        }
    }

    fn send(api: &Api, method: &str, path: &str, body: &str) -> Reply {
        api.handle(&Request {
            method: method.into(),
            segments: path.split('/').map(String::from).collect(),
            query: Vec::new(),
            body: body.into(),
            origin: "http://127.0.0.1:1".into(),
        })
    }

    #[test]
    fn an_organization_without_stacks_says_so_and_answers_404_on_every_stacks_endpoint() {
        let project = |api: &Api| api.lock().tables.projects.iter().next().unwrap().id.clone();
        let create = |project: &str| {
            json!({"data": {"type": "stacks", "attributes": {"name": "s"},
                   "relationships": {"project": {"data": {"type": "projects", "id": project}}}}})
            .to_string()
        };
        let on = api(true);
        let created = send(&on, "POST", "stacks", &create(&project(&on)));
        assert_eq!(created.status, 201);
        let org = send(&on, "GET", "organizations/o", "");
        assert_eq!(
            org.body.unwrap()["data"]["attributes"]["stacks-enabled"],
            true
        );

        let off = api(false);
        let org = send(&off, "GET", "organizations/o", "");
        assert_eq!(
            org.body.unwrap()["data"]["attributes"]["stacks-enabled"],
            false
        );
        let body = create(&project(&off));
        for (method, path) in [
            ("GET", "organizations/o/stacks"),
            ("POST", "stacks"),
            ("GET", "stacks/st-0000000000000000"),
            ("PATCH", "stacks/st-0000000000000000"),
            ("DELETE", "stacks/st-0000000000000000"),
        ] {
            assert_eq!(
                send(&off, method, path, &body).status,
                404,
                "{method} {path}"
            );
        }
        assert_eq!(off.lock().tables.stacks.len(), 0, "nothing was created");
        assert_eq!(
            send(&off, "GET", "organizations/o/workspaces", "").status,
            200
        );
    }
}
