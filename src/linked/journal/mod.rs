//! The journal of a relink or an undo (SPEC §10 "The journal"): JSON Lines, a header, then one
//! line before each PATCH and one after its answer, each on disk before the next request, so
//! that `--undo` knows where every resource was even after a crash. Its lines are declared
//! here; `write.rs` creates it (`0600`, never over an existing file) and writes them, keeping
//! only ids, names and where repositories are, never a secret; `read.rs` reads one back for an
//! undo, refusing a file that is not a journal of this host and organization.

mod read;
mod write;

pub(crate) use read::{Contents, read};
pub(crate) use write::{Journal, place};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::shared::clock;

/// What a journal's first line says it is.
pub(crate) const FORMAT: &str = "tfvcs relink journal 1";

/// The `vcs-repo` keys a journal keeps: where the repository is and what a PATCH repeats.
/// Nothing else of a resource is written (its webhook URL, for one, has no use here).
const KEPT: [&str; 7] = [
    "identifier",
    "display-identifier",
    "branch",
    "ingress-submodules",
    "tags-regex",
    "oauth-token-id",
    "github-app-installation-id",
];

/// The kept keys of a `vcs-repo` (null when there is none).
pub(crate) fn kept(vcs_repo: Option<&Map<String, Value>>) -> Value {
    match vcs_repo {
        None => Value::Null,
        Some(repo) => Value::Object(
            KEPT.iter()
                .filter_map(|key| Some((key.to_string(), repo.get(*key)?.clone())))
                .collect(),
        ),
    }
}

/// What the journal records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Operation {
    Relink,
    Undo,
}

/// The first line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Header {
    pub(crate) journal: String,
    pub(crate) version: String,
    pub(crate) operation: Operation,
    /// `host[:port]` of the API.
    pub(crate) host: String,
    pub(crate) organization: String,
    /// The connection the resources were on and the one they were moved to (for an undo,
    /// the other way round).
    pub(crate) from: String,
    pub(crate) to: String,
    /// The `--map` and `--rewrite` rules (null without).
    #[serde(default)]
    pub(crate) rules: Value,
    /// For an undo, the journal it reverses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) undoes: Option<String>,
    /// UTC, to the millisecond.
    pub(crate) started: String,
}

impl Header {
    pub(crate) fn new(
        operation: Operation,
        host: &str,
        organization: &str,
        from: &str,
        to: &str,
    ) -> Self {
        Header {
            journal: FORMAT.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            operation,
            host: host.to_string(),
            organization: organization.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            rules: Value::Null,
            undoes: None,
            started: clock::now_rfc3339(),
        }
    }
}

#[cfg(test)]
impl Header {
    /// A relink's header on `tfe.example:8443` for organization `acme`, `ot-FROM` to `ot-TO`.
    pub(crate) fn sample() -> Header {
        Header::new(
            Operation::Relink,
            "tfe.example:8443",
            "acme",
            "ot-FROM",
            "ot-TO",
        )
    }
}

/// A line after the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub(crate) enum Event {
    /// Written, and on disk, before the PATCH of resource `seq` is sent.
    Patch {
        seq: usize,
        kind: String,
        id: String,
        name: String,
        /// The resource's `vcs-repo` as last read before the PATCH (kept keys only).
        before: Value,
        /// The `vcs-repo` the PATCH sends.
        sent: Value,
    },
    /// Written after the answer to the PATCH of `seq`.
    Answer {
        seq: usize,
        id: String,
        /// The HTTP status; null when no answer came (the connection failed or timed out).
        status: Option<u16>,
        /// The row's result: `relinked`, `restored`, or why not.
        result: String,
        /// The `vcs-repo` the answer returned (kept keys only; null without one).
        after: Value,
    },
}
