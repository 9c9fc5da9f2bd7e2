//! The sandbox's tables: rows in creation order with an index by id, so a lookup is a hash
//! and a page is a slice (work proportional to the page, not the list), and the secondary
//! indexes kept beside them.

use std::collections::HashMap;

use super::rows::{Client, Installation, Module, PolicySet, Project, Row, Token, Workspace};

/// Rows of one kind in creation order. Each row has a sequence number: `rows` is sorted by it
/// and `index` maps an id to it, so a row is found by binary search.
#[derive(Debug)]
pub struct Table<T> {
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

    pub fn get(&self, id: &str) -> Option<&T> {
        self.position(id).map(|i| &self.rows[i].1)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.rows.iter().map(|(_, row)| row)
    }

    /// Rows `start..start + len` in creation order (fewer at the end), without touching the rest.
    pub fn slice(&self, start: usize, len: usize) -> impl Iterator<Item = &T> {
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
pub struct Links {
    /// Client id → its token ids, in creation order.
    pub tokens_of_client: HashMap<String, Vec<String>>,
    /// `ot-…` or `ghain-…` id → the workspaces linked through it, in creation order.
    pub workspaces_of: HashMap<String, Vec<String>>,
    pub workspace_names: HashMap<String, String>,
    /// `name/provider` → module id.
    pub module_keys: HashMap<String, String>,
}

impl Links {
    pub fn change(map: &mut HashMap<String, Vec<String>>, key: &str, id: &str, add: bool) {
        if add {
            map.entry(key.to_string()).or_default().push(id.to_string());
        } else if let Some(ids) = map.get_mut(key) {
            ids.retain(|i| i != id);
            if ids.is_empty() {
                map.remove(key);
            }
        }
    }

    pub fn of<'a>(map: &'a HashMap<String, Vec<String>>, key: &str) -> &'a [String] {
        map.get(key).map(Vec::as_slice).unwrap_or_default()
    }
}

/// Every table of the organization, and the indexes between them.
#[derive(Debug, Default)]
pub struct Tables {
    pub clients: Table<Client>,
    pub tokens: Table<Token>,
    pub projects: Table<Project>,
    pub workspaces: Table<Workspace>,
    pub policy_sets: Table<PolicySet>,
    pub modules: Table<Module>,
    pub installations: Table<Installation>,
    pub links: Links,
}

impl Tables {
    /// Inserts or replaces a row, keeping the indexes; the row it replaced.
    pub fn put<T: Row>(&mut self, row: T) -> Option<T> {
        let (table, links) = T::parts(self);
        table.upsert(row, links)
    }

    /// Removes a row, keeping the indexes; its place and the row.
    pub fn remove<T: Row>(&mut self, id: &str) -> Option<(u64, T)> {
        let (table, links) = T::parts(self);
        let (seq, row) = table.remove(id)?;
        row.index(links, false);
        Some((seq, row))
    }

    pub fn restore<T: Row>(&mut self, seq: u64, row: T) {
        let (table, links) = T::parts(self);
        row.index(links, true);
        table.restore(seq, row);
    }

    /// The tokens of a client, in creation order.
    pub fn tokens_of(&self, client_id: &str) -> impl Iterator<Item = &Token> {
        Links::of(&self.links.tokens_of_client, client_id)
            .iter()
            .filter_map(|id| self.tokens.get(id))
    }

    /// The workspaces linked through a token or installation, in creation order.
    pub fn workspaces_of(&self, connection: &str) -> impl Iterator<Item = &Workspace> {
        Links::of(&self.links.workspaces_of, connection)
            .iter()
            .filter_map(|id| self.workspaces.get(id))
    }

    /// Whether `id` names a row of `T`'s table.
    pub fn id_taken<T: Row>(&self, id: &str) -> bool {
        T::table(self).contains(id)
    }
}
