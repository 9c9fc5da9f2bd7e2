//! Output of `tfvcs doctor` (SPEC §11): the findings as a table (SEVERITY, CHECK, SUBJECT,
//! NAME, DETAIL, FIX; none: no table), as one JSON document with `meta`, or as the subject
//! ids, each once. Cells are escaped; `-o id` prints only ids of their type's shape.

use serde_json::{Map, Value, json};

use super::{Output, add_row, id_lines, new_table, pretty, render, write_stdout};
use crate::cli::OutputFormat;
use crate::doctor::{Finding, Report, Severity};
use crate::error::Result;
use crate::linked::Kind;
use crate::linked::kind::KINDS;

/// What a subject's id starts with, by its JSON:API type.
fn prefix(kind: &str) -> &'static str {
    match kind {
        "oauth-clients" => "oc-",
        "oauth-tokens" => "ot-",
        "github-app-installations" => "ghain-",
        resource => KINDS
            .iter()
            .find(|spec| spec.resource_type == resource)
            .map_or("", |spec| spec.id_prefix),
    }
}

/// `{"workspace": 2, "policy-set": 1}`: counts by `--kind` label, in table order.
fn by_label(counts: &std::collections::BTreeMap<Kind, usize>) -> Value {
    let map: Map<String, Value> = counts
        .iter()
        .map(|(kind, n)| (kind.label().to_string(), json!(n)))
        .collect();
    Value::Object(map)
}

fn finding_json(f: &Finding) -> Value {
    json!({
        "severity": f.severity().label(),
        "check": f.check.name(),
        "subject": {"type": f.subject.kind, "id": f.subject.id},
        "client": f.client.as_ref().map(|c| json!({"id": c.id, "name": c.name})),
        "detail": f.detail,
        "fix": f.fix,
        "resources": by_label(&f.resources),
    })
}

impl Output {
    pub(crate) fn doctor(&self, report: &Report) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                let data: Vec<Value> = report.findings.iter().map(finding_json).collect();
                let kinds: Vec<&str> = report.resources.keys().map(|k| k.label()).collect();
                write_stdout(&pretty(&json!({
                    "data": data,
                    "meta": {
                        "connections": report.connections,
                        "resources": by_label(&report.resources),
                        "kinds-walked": kinds,
                        "errors": report.count(Severity::Error),
                        "warnings": report.count(Severity::Warning),
                        "notes": report.count(Severity::Note),
                    },
                })))
            }
            OutputFormat::Id => {
                let mut seen = std::collections::HashSet::new();
                let mut out = String::new();
                for f in &report.findings {
                    if seen.insert(f.subject.id.as_str()) {
                        out.push_str(&id_lines([f.subject.id.as_str()], prefix(f.subject.kind))?);
                    }
                }
                write_stdout(&out)
            }
            OutputFormat::Table if report.findings.is_empty() => Ok(()),
            OutputFormat::Table => {
                let mut table = new_table();
                table.set_header(["SEVERITY", "CHECK", "SUBJECT", "NAME", "DETAIL", "FIX"]);
                for f in &report.findings {
                    let name = f
                        .client
                        .as_ref()
                        .and_then(|c| c.name.clone())
                        .unwrap_or_else(|| "-".into());
                    add_row(
                        &mut table,
                        vec![
                            f.severity().label().to_string(),
                            f.check.name().to_string(),
                            f.subject.id.clone(),
                            name,
                            f.detail.clone(),
                            f.fix.clone(),
                        ],
                    );
                }
                write_stdout(&render(table))
            }
        }
    }
}
