//! Output of `github-app list` and `github-app show`: ID, NAME, INSTALLATION ID, TYPE, URL.

use serde_json::{Value, json};

use super::{
    Output, add_row, field_table, id_lines, new_table, note, pretty, render, write_stdout,
};
use crate::api::model::primary;
use crate::cli::OutputFormat;
use crate::error::Result;

/// The fields of a `github-app-installations` resource, in column order.
fn fields(resource: &Value) -> [(&'static str, String); 5] {
    let text = |key: &str| match resource.pointer(&format!("/attributes/{key}")) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        // `installation-id` is GitHub's integer id.
        Some(Value::Number(n)) => n.to_string(),
        _ => "-".to_string(),
    };
    [
        (
            "ID",
            resource
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("-")
                .to_string(),
        ),
        ("Name", text("name")),
        ("Installation ID", text("installation-id")),
        ("Type", text("installation-type")),
        ("URL", text("installation-url")),
    ]
}

impl Output {
    /// GitHub App installations; none prints `empty_note` on stderr (`{"data": []}` in JSON).
    pub(crate) fn github_apps(&self, installations: &[Value], empty_note: &str) -> Result<()> {
        match self.format {
            OutputFormat::Json => write_stdout(&pretty(&json!({ "data": installations }))),
            _ if installations.is_empty() => {
                note(empty_note);
                Ok(())
            }
            OutputFormat::Id => {
                let ids: Vec<String> = installations
                    .iter()
                    .map(|i| fields(i)[0].1.clone())
                    .collect();
                write_stdout(&id_lines(ids.iter().map(String::as_str), "ghain-")?)
            }
            OutputFormat::Table => {
                let mut table = new_table();
                table.set_header(vec!["ID", "NAME", "INSTALLATION ID", "TYPE", "URL"]);
                for installation in installations {
                    add_row(
                        &mut table,
                        fields(installation).map(|(_, value)| value).to_vec(),
                    );
                }
                write_stdout(&render(table))
            }
        }
    }

    /// One GitHub App installation, as a two-column table.
    pub(crate) fn github_app(&self, doc: &Value) -> Result<()> {
        let fields = fields(primary(doc));
        match self.format {
            OutputFormat::Json => write_stdout(&pretty(doc)),
            OutputFormat::Id => write_stdout(&id_lines([fields[0].1.as_str()], "ghain-")?),
            OutputFormat::Table => write_stdout(&field_table(fields.to_vec())),
        }
    }
}
