//! The sandbox's tables: rows in creation order with an index by id, so a lookup is a hash
//! and a page is a slice (work proportional to the page, not the list), and the secondary
//! indexes kept beside them. `row_kinds!` below is the one list of row kinds: the tables,
//! the state file's kind names, and every walk over all kinds (`Tables::visit`,
//! `Tables::visit_kind`) come from it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::rows::{
    Client, Installation, Module, PolicySet, Project, Settings, Stack, Token, VcsRepo, Workspace,
};

/// A stored resource: its kind in the state file, its id, its table and its index entries.
pub(crate) trait Row:
    Clone + Serialize + for<'de> Deserialize<'de> + Send + Sync + 'static
{
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn parts(tables: &mut Tables) -> (&mut Table<Self>, &mut Links);
    fn table(tables: &Tables) -> &Table<Self>;
    /// Adds (`add`) or removes this row's entries in the secondary indexes.
    fn index(&self, _links: &mut Links, _add: bool) {}
}

/// Something done once per kind of row, whatever its type.
pub(crate) trait Visit {
    fn visit<T: Row>(&mut self);
}

/// The row kinds, in the order the state file lists them: `Type: field = "kind in the state
/// file"`, with the function keeping its secondary indexes when it has any. Adding a kind of
/// row is a line here.
macro_rules! row_kinds {
    ($($row:ident: $field:ident = $kind:literal $(, index: $index:ident)?;)*) => {
        /// Every table of the organization, and the indexes between them.
        #[derive(Debug, Default)]
        pub(crate) struct Tables {
            $(pub $field: Table<$row>,)*
            pub(crate) links: Links,
        }

        impl Tables {
            /// Calls `visitor` once per kind of row, in the state file's order.
            pub(crate) fn visit(visitor: &mut impl Visit) {
                $(visitor.visit::<$row>();)*
            }

            /// Calls `visitor` for the kind the state file names `kind`; `false` for none.
            pub(crate) fn visit_kind(kind: &str, visitor: &mut impl Visit) -> bool {
                match kind {
                    $($kind => visitor.visit::<$row>(),)*
                    _ => return false,
                }
                true
            }
        }

        $(
            impl Row for $row {
                const KIND: &'static str = $kind;
                fn id(&self) -> &str {
                    &self.id
                }
                fn parts(tables: &mut Tables) -> (&mut Table<Self>, &mut Links) {
                    (&mut tables.$field, &mut tables.links)
                }
                fn table(tables: &Tables) -> &Table<Self> {
                    &tables.$field
                }
                $(fn index(&self, links: &mut Links, add: bool) {
                    $index(self, links, add)
                })?
            }
        )*
    };
}

row_kinds! {
    Settings: settings = "organization";
    Project: projects = "project";
    Installation: installations = "github-app-installation";
    Client: clients = "client";
    Token: tokens = "token", index: index_token;
    Workspace: workspaces = "workspace", index: index_workspace;
    PolicySet: policy_sets = "policy-set";
    Module: modules = "module", index: index_module;
    Stack: stacks = "stack", index: index_stack;
}

fn index_token(token: &Token, links: &mut Links, add: bool) {
    Links::change(
        &mut links.tokens_of_client,
        &token.client_id,
        &token.id,
        add,
    );
}

fn index_workspace(workspace: &Workspace, links: &mut Links, add: bool) {
    if add {
        links
            .workspace_names
            .insert(workspace.name.clone(), workspace.id.clone());
    } else {
        links.workspace_names.remove(&workspace.name);
    }
    if let Some(connection) = workspace.vcs_repo.as_ref().and_then(VcsRepo::connection) {
        Links::change(&mut links.workspaces_of, connection, &workspace.id, add);
    }
}

fn index_stack(stack: &Stack, links: &mut Links, add: bool) {
    if let Some(connection) = stack.vcs_repo.as_ref().and_then(VcsRepo::connection) {
        Links::change(&mut links.stacks_of, connection, &stack.id, add);
    }
}

fn index_module(module: &Module, links: &mut Links, add: bool) {
    let key = Module::key(&module.name, &module.provider);
    if add {
        links.module_keys.insert(key, module.id.clone());
    } else {
        links.module_keys.remove(&key);
    }
}

/// Rows of one kind in creation order. Each row has a sequence number: `rows` is sorted by it
/// and `index` maps an id to it, so a row is found by binary search.
#[derive(Debug)]
pub(crate) struct Table<T> {
    rows: Vec<(u64, T)>,
    index: HashMap<String, u64>,
    next: u64,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            rows: Vec::new(),
            index: HashMap::new(),
            next: 0,
        }
    }
}

impl<T: Row> Table<T> {
    fn position(&self, id: &str) -> Option<usize> {
        let seq = self.index.get(id)?;
        self.rows.binary_search_by_key(seq, |(s, _)| *s).ok()
    }

    pub(crate) fn get(&self, id: &str) -> Option<&T> {
        self.position(id).map(|i| &self.rows[i].1)
    }

    pub(crate) fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.rows.iter().map(|(_, row)| row)
    }

    /// Rows `start..start + len` in creation order (fewer at the end), without touching the rest.
    pub(crate) fn slice(&self, start: usize, len: usize) -> impl Iterator<Item = &T> {
        let start = start.min(self.rows.len());
        let end = start.saturating_add(len).min(self.rows.len());
        self.rows[start..end].iter().map(|(_, row)| row)
    }

    /// Inserts a new row at the end, or replaces the row with its id in place, keeping the
    /// indexes in `links`; the old row.
    fn upsert(&mut self, row: T, links: &mut Links) -> Option<T> {
        match self.position(row.id()) {
            Some(i) => {
                self.rows[i].1.index(links, false);
                row.index(links, true);
                Some(std::mem::replace(&mut self.rows[i].1, row))
            }
            None => {
                row.index(links, true);
                let seq = self.next;
                self.next += 1;
                self.index.insert(row.id().to_string(), seq);
                self.rows.push((seq, row));
                None
            }
        }
    }

    fn remove(&mut self, id: &str) -> Option<(u64, T)> {
        let i = self.position(id)?;
        self.index.remove(id);
        Some(self.rows.remove(i))
    }

    /// Puts a removed row back where it was.
    fn restore(&mut self, seq: u64, row: T) {
        let i = self.rows.partition_point(|(s, _)| *s < seq);
        self.index.insert(row.id().to_string(), seq);
        self.rows.insert(i, (seq, row));
    }
}

/// Secondary indexes, kept by `Tables` as rows come and go.
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// Client id → its token ids, in creation order.
    pub(crate) tokens_of_client: HashMap<String, Vec<String>>,
    /// `ot-…` or `ghain-…` id → the workspaces linked through it, in creation order.
    pub(crate) workspaces_of: HashMap<String, Vec<String>>,
    pub(crate) workspace_names: HashMap<String, String>,
    /// `ot-…` or `ghain-…` id → the Stacks linked through it, in creation order.
    pub(crate) stacks_of: HashMap<String, Vec<String>>,
    /// `name/provider` → module id.
    pub(crate) module_keys: HashMap<String, String>,
}

impl Links {
    pub(crate) fn change(map: &mut HashMap<String, Vec<String>>, key: &str, id: &str, add: bool) {
        if add {
            map.entry(key.to_string()).or_default().push(id.to_string());
        } else if let Some(ids) = map.get_mut(key) {
            ids.retain(|i| i != id);
            if ids.is_empty() {
                map.remove(key);
            }
        }
    }

    pub(crate) fn of<'a>(map: &'a HashMap<String, Vec<String>>, key: &str) -> &'a [String] {
        map.get(key).map(Vec::as_slice).unwrap_or_default()
    }
}

impl Tables {
    /// The organization's `stacks-enabled`, as `GET /organizations/:org` answers it: true
    /// unless a `--load` settings row says otherwise (TFE's default for an organization).
    pub(crate) fn stacks_enabled(&self) -> bool {
        self.settings.iter().next().is_none_or(|s| s.stacks_enabled)
    }

    /// Inserts or replaces a row, keeping the indexes; the row it replaced.
    pub(crate) fn put<T: Row>(&mut self, row: T) -> Option<T> {
        let (table, links) = T::parts(self);
        table.upsert(row, links)
    }

    /// Removes a row, keeping the indexes; its place and the row.
    pub(crate) fn remove<T: Row>(&mut self, id: &str) -> Option<(u64, T)> {
        let (table, links) = T::parts(self);
        let (seq, row) = table.remove(id)?;
        row.index(links, false);
        Some((seq, row))
    }

    pub(crate) fn restore<T: Row>(&mut self, seq: u64, row: T) {
        let (table, links) = T::parts(self);
        row.index(links, true);
        table.restore(seq, row);
    }

    /// The tokens of a client, in creation order.
    pub(crate) fn tokens_of(&self, client_id: &str) -> impl Iterator<Item = &Token> {
        Links::of(&self.links.tokens_of_client, client_id)
            .iter()
            .filter_map(|id| self.tokens.get(id))
    }

    /// The workspaces linked through a token or installation, in creation order.
    pub(crate) fn workspaces_of(&self, connection: &str) -> impl Iterator<Item = &Workspace> {
        Links::of(&self.links.workspaces_of, connection)
            .iter()
            .filter_map(|id| self.workspaces.get(id))
    }

    /// The Stacks linked through a token or installation, in creation order.
    pub(crate) fn stacks_of(&self, connection: &str) -> impl Iterator<Item = &Stack> {
        Links::of(&self.links.stacks_of, connection)
            .iter()
            .filter_map(|id| self.stacks.get(id))
    }

    /// Whether `id` names a row of `T`'s table.
    pub(crate) fn id_taken<T: Row>(&self, id: &str) -> bool {
        T::table(self).contains(id)
    }
}
