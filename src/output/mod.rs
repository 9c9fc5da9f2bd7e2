//! The one writer to stdout: tables, JSON documents, bare ids and dry-run requests (SPEC §6).
//! A closed pipe (`tfvcs client list | head -1`) ends quietly. Lists are printed by
//! `list.rs` as their pages arrive.

mod doctor;
mod github_app;
mod linked;
mod list;
mod long_table;
mod reindent;
mod spool;

pub(crate) use list::ListWriter;

pub(crate) use linked::{relink_plan, undo_plan, usage_table};

use std::io::{IsTerminal, Write};

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde_json::Value;

use crate::api::client::ApiRequest;
use crate::api::model::{ClientView, TokenView, primary};
use crate::cli::OutputFormat;
use crate::error::{Fail, Result};
use crate::shared::ids::has_id_shape;
use crate::terminal_text::{escape, escape_json};

/// Writes `text` to stdout; a reader that went away is not an error.
pub(crate) fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(stdout_failed)
}

/// A failed write to stdout: a reader that went away ends quietly, anything else is exit 1.
fn stdout_failed(e: std::io::Error) -> Fail {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Fail::closed_pipe()
    } else {
        Fail::other(format!("cannot write to stdout: {e}"))
    }
}

/// A one-line note for the person at the terminal, on stderr (never data). It may quote server
/// text, so it is escaped: a line break in it is shown as `\n`, never a second line.
pub(crate) fn note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", escape(text));
}

/// Text of several lines made by tfvcs (a table whose cells are already escaped), one
/// [`note`] per line: a line break in a cell still cannot add a line.
pub(crate) fn notes(text: &str) {
    for line in text.split('\n') {
        note(line);
    }
}

/// JSON, pretty-printed, with what JSON leaves raw but a terminal would act on escaped.
fn pretty(doc: &Value) -> String {
    let s = serde_json::to_string_pretty(doc).expect("JSON values serialise");
    let mut s = escape_json(&s).into_owned();
    s.push('\n');
    s
}

/// A table row, each cell escaped (cells hold server text).
fn add_row(table: &mut Table, cells: Vec<String>) {
    table.add_row(cells.iter().map(|cell| escape(cell).into_owned()));
}

/// `-o id` output: one id a line, and only ids of the shape `prefix` + letters and digits;
/// another id from the server is exit 1 with nothing printed, so that
/// `CLIENT=$(tfvcs … -o id)` never captures a line break, a space or a control character.
fn id_lines<'a>(ids: impl IntoIterator<Item = &'a str>, prefix: &str) -> Result<String> {
    let mut out = String::new();
    for id in ids {
        if !has_id_shape(id, prefix) {
            return Err(Fail::other(format!(
                "the server sent an id that is not of the form {prefix}…: {id:?}"
            ))
            .hint("nothing was printed; -o json shows the whole answer"));
        }
        out.push_str(id);
        out.push('\n');
    }
    Ok(out)
}

fn or_dash(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => "-".to_string(),
    }
}

fn joined(ids: &[String]) -> String {
    if ids.is_empty() {
        "-".to_string()
    } else {
        ids.join(", ")
    }
}

fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => "-".into(),
    }
}

/// A table without borders, as `gh` and `kubectl` print them: wrapped to the terminal's
/// width on a terminal, natural width otherwise.
fn new_table() -> Table {
    let mut table = Table::new();
    table.load_style(presets::NOTHING);
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        if let Some((_, cols)) = console::Term::stdout().size_checked() {
            table
                .set_width(cols)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
    } else {
        table.set_content_arrangement(ContentArrangement::Disabled);
    }
    table
}

fn render(table: Table) -> String {
    render_with_widths(table, &[])
}

/// [`render`], each column's content exactly `widths[i]` wide when given (a long table laid
/// out a chunk at a time, `output/long_table.rs`).
fn render_with_widths(mut table: Table, widths: &[u16]) -> String {
    let count = table.column_count();
    for (i, column) in table.column_iter_mut().enumerate() {
        let right = if i + 1 == count { 0 } else { 2 };
        column.set_padding((0, right));
        column.set_cell_alignment(CellAlignment::Left);
        if let Some(width) = widths.get(i) {
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width + right)));
        } else if i == 0 {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(4)));
        }
    }
    let mut text: String = table
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

fn field_table(rows: Vec<(&str, String)>) -> String {
    let mut table = new_table();
    for (field, value) in rows {
        add_row(&mut table, vec![field.to_string(), value]);
    }
    render(table)
}

/// Prints results in the format chosen with `-o`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Output {
    pub(crate) format: OutputFormat,
}

impl Output {
    pub(crate) fn new(format: OutputFormat) -> Self {
        Output { format }
    }

    /// One OAuth client: show, create, update, set-pat.
    pub(crate) fn client(&self, doc: &Value) -> Result<()> {
        let client = ClientView::from_resource(primary(doc));
        match self.format {
            OutputFormat::Json => write_stdout(&pretty(doc)),
            OutputFormat::Id => write_stdout(&id_lines([client.id.as_str()], "oc-")?),
            OutputFormat::Table => write_stdout(&field_table(client_fields(&client))),
        }
    }

    /// A list of OAuth clients, to be given its pages.
    pub(crate) fn clients(&self) -> ListWriter {
        const HEADER: &[&str] = &["ID", "NAME", "PROVIDER", "HTTP URL", "TOKEN IDS", "CREATED"];
        ListWriter::new(self.format, HEADER, "oc-", |resource| {
            let c = ClientView::from_resource(resource);
            vec![
                c.id.clone(),
                or_dash(c.name.as_deref()),
                or_dash(c.provider.as_deref()),
                or_dash(c.http_url.as_deref()),
                joined(&c.token_ids),
                or_dash(c.created_at.as_deref()),
            ]
        })
    }

    /// One OAuth token: show, set-ssh-key.
    pub(crate) fn token(&self, doc: &Value) -> Result<()> {
        let token = TokenView::from_resource(primary(doc));
        match self.format {
            OutputFormat::Json => write_stdout(&pretty(doc)),
            OutputFormat::Id => write_stdout(&id_lines([token.id.as_str()], "ot-")?),
            OutputFormat::Table => write_stdout(&field_table(vec![
                ("ID", token.id.clone()),
                ("Client", or_dash(token.client_id.as_deref())),
                ("User", or_dash(token.user.as_deref())),
                ("SSH key", yes_no(token.has_ssh_key)),
                ("Created", or_dash(token.created_at.as_deref())),
            ])),
        }
    }

    /// A list of OAuth tokens, to be given its pages.
    pub(crate) fn tokens(&self) -> ListWriter {
        const HEADER: &[&str] = &["ID", "CLIENT", "USER", "SSH KEY", "CREATED"];
        ListWriter::new(self.format, HEADER, "ot-", |resource| {
            let t = TokenView::from_resource(resource);
            vec![
                t.id.clone(),
                or_dash(t.client_id.as_deref()),
                or_dash(t.user.as_deref()),
                yes_no(t.has_ssh_key),
                or_dash(t.created_at.as_deref()),
            ]
        })
    }

    /// After a delete: stdout carries only the id (of the shape `prefix`…), and only with
    /// `-o id`.
    pub(crate) fn deleted(&self, id: &str, what: &str, prefix: &str) -> Result<()> {
        note(&format!("deleted {what} {id}"));
        self.id_only(id, prefix)
    }

    /// With `-o id`, the id (of the shape `prefix`…) of what a command changed; otherwise
    /// nothing.
    pub(crate) fn id_only(&self, id: &str, prefix: &str) -> Result<()> {
        match self.format {
            OutputFormat::Id => write_stdout(&id_lines([id], prefix)?),
            _ => Ok(()),
        }
    }

    /// Plain facts (for `auth status`): a field table, or a JSON object of the same facts.
    pub(crate) fn facts(&self, rows: Vec<(&str, String)>, json: &Value) -> Result<()> {
        match self.format {
            OutputFormat::Json => write_stdout(&pretty(json)),
            _ => write_stdout(&field_table(rows)),
        }
    }
}

/// `--dry-run`: the request that would be sent, secrets redacted, whatever `-o` says.
pub(crate) fn dry_run(request: &ApiRequest, base_url: &str) -> Result<()> {
    let mut text = format!("{} {}\n", request.method.as_str(), request.url(base_url));
    if let Some(body) = &request.body {
        text.push_str(&escape_json(&body.redacted_text(true)));
        text.push('\n');
    }
    write_stdout(&text)
}

fn client_fields(c: &ClientView) -> Vec<(&'static str, String)> {
    vec![
        ("ID", c.id.clone()),
        ("Name", or_dash(c.name.as_deref())),
        (
            "Provider",
            or_dash(c.provider_display_name.as_deref().or(c.provider.as_deref())),
        ),
        ("HTTP URL", or_dash(c.http_url.as_deref())),
        ("API URL", or_dash(c.api_url.as_deref())),
        ("Organization", or_dash(c.organization.as_deref())),
        ("Organization scoped", yes_no(c.organization_scoped)),
        ("Projects", joined(&c.projects)),
        ("Agent pool", or_dash(c.agent_pool.as_deref())),
        ("Token IDs", joined(&c.token_ids)),
        ("Callback URL", or_dash(c.callback_url.as_deref())),
        ("Created", or_dash(c.created_at.as_deref())),
    ]
}
