//! `tfvcs doctor`'s findings (SPEC §11) without any I/O: what the organization's clients and
//! tokens say (`facts.rs`), what the walks leave behind and the nine checks over them
//! (`checks.rs`), and the report's order, counts and summary line (this file). The command
//! (`commands/doctor.rs`) makes the requests and feeds the answers in.

pub(crate) mod checks;
pub(crate) mod facts;

use std::collections::BTreeMap;

use crate::linked::Kind;

pub(crate) use checks::{Answers, Doctor, Live, Options};
pub(crate) use facts::{ClientFacts, TokenFacts};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// The nine checks, in the order of SPEC §11's table (the order of findings about one client).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Check {
    NoToken,
    Dangling,
    AppMissing,
    AdoGlobalPat,
    VcsRefused,
    PatAge,
    ManyTokens,
    ProjectScope,
    Unused,
}

impl Check {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Check::NoToken => "no-token",
            Check::Dangling => "dangling",
            Check::AppMissing => "app-missing",
            Check::AdoGlobalPat => "ado-global-pat",
            Check::VcsRefused => "vcs-refused",
            Check::PatAge => "pat-age",
            Check::ManyTokens => "many-tokens",
            Check::ProjectScope => "project-scope",
            Check::Unused => "unused",
        }
    }

    pub(crate) fn severity(self) -> Severity {
        match self {
            Check::NoToken
            | Check::Dangling
            | Check::AppMissing
            | Check::AdoGlobalPat
            | Check::VcsRefused => Severity::Error,
            Check::PatAge | Check::ManyTokens | Check::ProjectScope => Severity::Warning,
            Check::Unused => Severity::Note,
        }
    }
}

/// The id a finding is about, with its JSON:API type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subject {
    pub(crate) kind: &'static str,
    pub(crate) id: String,
}

/// The client a finding concerns (none for ids that belong to no client).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClientRef {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub(crate) check: Check,
    pub(crate) subject: Subject,
    pub(crate) client: Option<ClientRef>,
    /// Server text in here is escaped when shown (tables), or by JSON.
    pub(crate) detail: String,
    pub(crate) fix: String,
    /// What it concerns (or takes down), per kind.
    pub(crate) resources: BTreeMap<Kind, usize>,
}

impl Finding {
    pub(crate) fn severity(&self) -> Severity {
        self.check.severity()
    }
}

/// The findings in report order, and what was looked at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    pub(crate) findings: Vec<Finding>,
    /// The connections (clients) reported on.
    pub(crate) connections: usize,
    /// Every resource walked, per kind walked (zero counts included).
    pub(crate) resources: BTreeMap<Kind, usize>,
}

impl Report {
    pub(crate) fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }

    /// Whether the run fails (exit 7): an error, or with `strict` also a warning.
    pub(crate) fn fails(&self, strict: bool) -> bool {
        self.findings.iter().any(|f| match f.severity() {
            Severity::Error => true,
            Severity::Warning => strict,
            Severity::Note => false,
        })
    }

    /// `doctor: E errors, W warnings, N notes; C connections, R resources (per kind)`.
    pub(crate) fn summary(&self) -> String {
        let total: usize = self.resources.values().sum();
        let per_kind: Vec<String> = self
            .resources
            .iter()
            .map(|(kind, n)| counted(*n, kind.spec().singular, kind.spec().plural))
            .collect();
        let looked_at = format!(
            "{}, {} ({})",
            counted(self.connections, "connection", "connections"),
            counted(total, "resource", "resources"),
            per_kind.join(", ")
        );
        if self.findings.is_empty() {
            return format!("doctor: no problems found; {looked_at}");
        }
        format!(
            "doctor: {}, {}, {}; {looked_at}",
            counted(self.count(Severity::Error), "error", "errors"),
            counted(self.count(Severity::Warning), "warning", "warnings"),
            counted(self.count(Severity::Note), "note", "notes"),
        )
    }
}

/// `1 workspace`, `2 workspaces`.
pub(crate) fn counted(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// `2 workspaces, 1 policy set`: the counts that are not zero, in table order.
pub(crate) fn per_kind(counts: &BTreeMap<Kind, usize>) -> String {
    counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(kind, n)| counted(*n, kind.spec().singular, kind.spec().plural))
        .collect::<Vec<_>>()
        .join(", ")
}
