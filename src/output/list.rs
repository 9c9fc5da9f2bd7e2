//! A list printed as its pages arrive, in memory that does not grow with the list's length
//! (SPEC §6): `-o json` re-indents each page's items and `included` resources as they come and
//! drops the page; `-o id` spools the ids; `-o table` spools its rows and lays them out in a
//! second pass (`long_table.rs`).
//!
//! **Complete or absent.** Nothing reaches stdout until every page has arrived: a list whose
//! later pages fail prints nothing on stdout, whatever the format, so a script never reads a
//! truncated document or a short list of ids as if it were whole. The JSON document waits as
//! serialised bytes in a [`Spool`] (`spool.rs`); items are laid out by `reindent.rs`.

use std::io::{self, Write};

use serde_json::Value;

use super::long_table::LongTable;
use super::reindent::{INDENT, reindent};
use super::spool::Spool;
use super::stdout_failed;
use crate::api::pages::{Page, Resource};
use crate::cli::OutputFormat;
use crate::error::{Fail, Result};

/// One table row per resource.
pub(crate) type RowFn = fn(&Value) -> Vec<String>;

/// A list being printed: pages go in with [`ListWriter::page`], everything comes out at
/// [`ListWriter::finish`].
pub(crate) struct ListWriter {
    format: OutputFormat,
    /// What every id starts with (`oc-`, `ot-`): `-o id` prints only ids of that shape.
    id_prefix: &'static str,
    row: RowFn,
    count: usize,
    table: LongTable,
    ids: Spool,
    data: Spool,
    included: Spool,
    included_count: usize,
}

impl ListWriter {
    pub(crate) fn new(
        format: OutputFormat,
        header: &'static [&'static str],
        id_prefix: &'static str,
        row: RowFn,
    ) -> Self {
        ListWriter {
            format,
            id_prefix,
            row,
            count: 0,
            table: LongTable::new(header),
            ids: Spool::default(),
            data: Spool::default(),
            included: Spool::default(),
            included_count: 0,
        }
    }

    /// Takes one page (already de-duplicated by the walk).
    pub(crate) fn page(&mut self, page: Page) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                for item in &page.items {
                    json_element(&mut self.data, self.count, item).map_err(spool_failed)?;
                    self.count += 1;
                }
                for resource in &page.included {
                    json_element(&mut self.included, self.included_count, resource)
                        .map_err(spool_failed)?;
                    self.included_count += 1;
                }
            }
            OutputFormat::Id => {
                let ids = page.items.iter().map(Resource::id);
                let lines = super::id_lines(ids, self.id_prefix)?;
                self.ids.write_all(lines.as_bytes()).map_err(spool_failed)?;
                self.count += page.items.len();
            }
            OutputFormat::Table => {
                self.count += page.items.len();
                for item in &page.items {
                    self.table
                        .push((self.row)(&item.value()))
                        .map_err(spool_failed)?;
                }
            }
        }
        Ok(())
    }

    /// Writes the whole list to stdout. An empty list prints nothing but `empty_note` on
    /// stderr (JSON: `{"data": []}`).
    pub(crate) fn finish(self, empty_note: &str) -> Result<()> {
        if self.count == 0 && !matches!(self.format, OutputFormat::Json) {
            super::note(empty_note);
            return Ok(());
        }
        match self.format {
            OutputFormat::Json => {
                let mut out = io::stdout().lock();
                let written = write_document(&mut out, self.data, self.included, self.count > 0)
                    .and_then(|()| out.flush());
                written.map_err(stdout_failed)
            }
            OutputFormat::Id => {
                let mut out = io::stdout().lock();
                let written = self.ids.copy_to(&mut out).and_then(|()| out.flush());
                written.map_err(stdout_failed)
            }
            OutputFormat::Table => {
                let mut out = io::stdout().lock();
                let written = self.table.write_to(&mut out).and_then(|()| out.flush());
                written.map_err(stdout_failed)
            }
        }
    }
}

/// `{"data": [...], "included": [...]}` exactly as `serde_json::to_string_pretty` prints it,
/// `included` only when it holds something.
fn write_document(
    out: &mut impl Write,
    data: Spool,
    included: Spool,
    any_data: bool,
) -> io::Result<()> {
    out.write_all(b"{\n  \"data\": [")?;
    if any_data {
        out.write_all(b"\n")?;
        data.copy_to(out)?;
        out.write_all(b"\n  ]")?;
    } else {
        out.write_all(b"]")?;
    }
    if !included.is_empty() {
        out.write_all(b",\n  \"included\": [\n")?;
        included.copy_to(out)?;
        out.write_all(b"\n  ]")?;
    }
    out.write_all(b"\n}\n")
}

/// Appends array element number `index` (from 0) at the indentation of a pretty document's
/// second level.
fn json_element(spool: &mut Spool, index: usize, resource: &Resource) -> io::Result<()> {
    if index > 0 {
        spool.write_all(b",\n")?;
    }
    spool.write_all(INDENT)?;
    // One item at a time, so escaping it as text costs one item's size.
    let json = crate::terminal_text::escape_json(resource.json());
    let mut pretty = Vec::with_capacity(json.len() * 2);
    reindent(json.as_bytes(), &mut pretty);
    spool.write_all(&pretty)
}

fn spool_failed(e: io::Error) -> Fail {
    Fail::other(format!("cannot keep the list for printing: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::spool::SPOOL_IN_MEMORY;
    use serde_json::json;

    fn resource(value: &Value) -> Resource {
        Resource::from_value(value).unwrap()
    }

    fn document(pages: &[Vec<Value>], included: &[Vec<Value>]) -> String {
        let mut data = Spool::default();
        let mut inc = Spool::default();
        let (mut n, mut m) = (0, 0);
        for page in pages {
            for item in page {
                json_element(&mut data, n, &resource(item)).unwrap();
                n += 1;
            }
        }
        for page in included {
            for item in page {
                json_element(&mut inc, m, &resource(item)).unwrap();
                m += 1;
            }
        }
        let mut out = Vec::new();
        write_document(&mut out, data, inc, n > 0).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_streamed_document_is_byte_for_byte_the_pretty_document() {
        let a = json!({"id": "oc-1", "type": "oauth-clients",
                       "attributes": {"name": "a\nb \"q\" \\ {[,:]} \u{1b} é", "list": [1, {"x": []}, [[]], null, true, -1.5e3],
                                      "empty": {}, "nested": {"a": {"b": {"c": []}}}}});
        let b = json!({"id": "oc-2", "type": "oauth-clients"});
        let t = json!({"id": "ot-1", "type": "oauth-tokens"});
        let got = document(&[vec![a.clone()], vec![b.clone()]], &[vec![t.clone()]]);
        let expected =
            serde_json::to_string_pretty(&json!({"data": [a, b], "included": [t]})).unwrap() + "\n";
        assert_eq!(got, expected);
        assert_eq!(document(&[], &[]), "{\n  \"data\": []\n}\n");
    }

    #[test]
    fn server_text_with_its_own_whitespace_is_laid_out_as_serde_would() {
        let text = "{ \"id\" : \"oc-1\",\n\t\"a\": [ ],  \"b\" : { } , \"c\": [ 1 , { \"d\" : \" x , y \" } ] }";
        let value: Value = serde_json::from_str(text).unwrap();
        let page = crate::api::pages::Page::from_text(&format!("{{\"data\": [{text}]}}")).unwrap();
        let mut spool = Spool::default();
        json_element(&mut spool, 0, &page.items[0]).unwrap();
        let mut out = Vec::new();
        write_document(&mut out, spool, Spool::default(), true).unwrap();
        let expected = serde_json::to_string_pretty(&json!({ "data": [value] })).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn a_large_spool_moves_to_a_file_and_comes_back_whole() {
        let item = json!({"id": "x".repeat(1000)});
        let items: Vec<Value> = (0..3_000).map(|_| item.clone()).collect();
        let mut spool = Spool::default();
        for (i, item) in items.iter().enumerate() {
            json_element(&mut spool, i, &resource(item)).unwrap();
        }
        assert!(spool.file.is_some(), "3 MB should have moved to a file");
        assert!(spool.memory.len() < SPOOL_IN_MEMORY);
        let mut out = Vec::new();
        write_document(&mut out, spool, Spool::default(), true).unwrap();
        let expected = serde_json::to_string_pretty(&json!({ "data": items })).unwrap() + "\n";
        assert!(out == expected.as_bytes());
    }
}
