//! A list printed as its pages arrive, in memory that does not grow with the list's length
//! (SPEC §6): `-o json` re-indents each page's items and `included` resources as they come and
//! drops the page; `-o id` keeps the ids; `-o table` keeps its rows (a table needs every row to
//! size its columns).
//!
//! **Complete or absent.** Nothing reaches stdout until every page has arrived: a list whose
//! later pages fail prints nothing on stdout, whatever the format, so a script never reads a
//! truncated document or a short list of ids as if it were whole. The JSON document waits as
//! serialised bytes, in memory up to [`SPOOL_IN_MEMORY`], then in an unlinked temporary file.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};

use serde_json::Value;

use crate::api::pages::{Page, Resource};
use crate::cli::OutputFormat;
use crate::error::{Fail, Result};

/// Serialised JSON kept in memory before it moves to a temporary file.
pub const SPOOL_IN_MEMORY: usize = 256 << 10;

/// One table row per resource.
pub type RowFn = fn(&Value) -> Vec<String>;

/// A list being printed: pages go in with [`ListWriter::page`], everything comes out at
/// [`ListWriter::finish`].
pub struct ListWriter {
    format: OutputFormat,
    header: &'static [&'static str],
    /// What every id starts with (`oc-`, `ot-`): `-o id` prints only ids of that shape.
    id_prefix: &'static str,
    row: RowFn,
    count: usize,
    rows: Vec<Vec<String>>,
    ids: String,
    data: Spool,
    included: Spool,
    included_count: usize,
}

impl ListWriter {
    pub fn new(
        format: OutputFormat,
        header: &'static [&'static str],
        id_prefix: &'static str,
        row: RowFn,
    ) -> Self {
        ListWriter {
            format,
            header,
            id_prefix,
            row,
            count: 0,
            rows: Vec::new(),
            ids: String::new(),
            data: Spool::default(),
            included: Spool::default(),
            included_count: 0,
        }
    }

    /// Takes one page (already de-duplicated by the walk).
    pub fn page(&mut self, page: Page) -> Result<()> {
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
                self.ids.push_str(&super::id_lines(ids, self.id_prefix)?);
                self.count += page.items.len();
            }
            OutputFormat::Table => {
                self.count += page.items.len();
                self.rows
                    .extend(page.items.iter().map(|item| (self.row)(&item.value())));
            }
        }
        Ok(())
    }

    /// Writes the whole list to stdout. An empty list prints nothing but `empty_note` on
    /// stderr (JSON: `{"data": []}`).
    pub fn finish(self, empty_note: &str) -> Result<()> {
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
            OutputFormat::Id => super::write_stdout(&self.ids),
            OutputFormat::Table => {
                let mut table = super::new_table();
                table.set_header(self.header.to_vec());
                for row in self.rows {
                    super::add_row(&mut table, row);
                }
                super::write_stdout(&super::render(table))
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

const INDENT: &[u8] = b"    ";

/// JSON text (valid, as the server sent it) laid out as `serde_json::to_string_pretty` lays
/// out a value, nested below [`INDENT`]: a scan of the bytes that drops whitespace between
/// tokens and adds its own, no parsing. Strings and numbers stay as the server wrote them.
fn reindent(compact: &[u8], out: &mut Vec<u8>) {
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend_from_slice(INDENT);
        out.resize(out.len() + 2 * depth, b' ');
    };
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut i = 0;
    while i < compact.len() {
        let b = compact[i];
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b' ' | b'\n' | b'\r' | b'\t' => {}
            b'{' | b'[' => {
                out.push(b);
                let close = if b == b'{' { b'}' } else { b']' };
                let next = compact[i..]
                    .iter()
                    .position(|c| !c.is_ascii_whitespace())
                    .map(|at| i + at);
                if let Some(at) = next.filter(|at| compact[*at] == close) {
                    out.push(close);
                    i = at + 1;
                } else {
                    depth += 1;
                    newline(out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
}

/// Bytes kept for later: in memory while small, then in a temporary file that has no name
/// (removed as soon as it is open, so nothing is left behind even on a kill).
#[derive(Default)]
struct Spool {
    memory: Vec<u8>,
    file: Option<File>,
    len: u64,
}

impl Spool {
    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Moves what is in memory to a temporary file; `None` when none can be made (then
    /// everything stays in memory).
    fn spill(&mut self) -> Option<&mut File> {
        if self.file.is_none() {
            let mut file = temporary_file().ok()?;
            file.write_all(&self.memory).ok()?;
            self.memory = Vec::new();
            self.file = Some(file);
        }
        self.file.as_mut()
    }

    fn copy_to(mut self, out: &mut impl Write) -> io::Result<()> {
        match self.file.as_mut() {
            Some(file) => {
                file.write_all(&self.memory)?;
                file.seek(SeekFrom::Start(0))?;
                let mut buf = vec![0u8; 64 * 1024];
                loop {
                    let n = file.read(&mut buf)?;
                    if n == 0 {
                        return Ok(());
                    }
                    out.write_all(&buf[..n])?;
                }
            }
            None => out.write_all(&self.memory),
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.memory.extend_from_slice(buf);
        self.len += buf.len() as u64;
        if self.memory.len() >= SPOOL_IN_MEMORY {
            let memory = std::mem::take(&mut self.memory);
            match self.spill() {
                Some(file) => file.write_all(&memory)?,
                None => self.memory = memory,
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A new file in the temporary folder, readable only by us, with no name left in the folder:
/// removed at once on Unix, deleted when closed on Windows.
fn temporary_file() -> io::Result<File> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let path = std::env::temp_dir().join(format!(
        ".tfvcs-list-{}-{nanos}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
        options.custom_flags(FILE_FLAG_DELETE_ON_CLOSE);
    }
    let file = options.open(&path)?;
    #[cfg(unix)]
    std::fs::remove_file(&path)?;
    Ok(file)
}

fn spool_failed(e: io::Error) -> Fail {
    Fail::other(format!("cannot keep the list for printing: {e}"))
}

fn stdout_failed(e: io::Error) -> Fail {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Fail::closed_pipe()
    } else {
        Fail::other(format!("cannot write to stdout: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
