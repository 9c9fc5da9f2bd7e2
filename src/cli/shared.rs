//! Arguments several verbs share, each declared once and flattened where it is used.

use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use super::ids::ClientRef;
use crate::linked::Kind;
use crate::linked::kind::KINDS;

/// `--dry-run` of a verb that sends one request.
#[derive(Debug, Args)]
pub(crate) struct DryRun {
    /// Print the request instead of sending it
    #[arg(long = "dry-run", id = "dry_run")]
    pub(crate) requested: bool,
}

/// `--yes` and `--force` of a delete.
#[derive(Debug, Args)]
pub(crate) struct Confirm {
    /// Delete without asking, if nothing uses it
    #[arg(long, short = 'y')]
    pub(crate) yes: bool,
    /// With --yes, delete even what resources still use (they lose their connection)
    #[arg(long, requires = "yes")]
    pub(crate) force: bool,
}

/// The CLIENT of a verb on one OAuth client.
#[derive(Debug, Args)]
pub(crate) struct ClientArg {
    /// An oc-… id, or a client name (resolved in --org)
    #[arg(value_name = "CLIENT")]
    pub(crate) client: ClientRef,
}

/// `--kind`: the kinds of resource that link a repository through a connection, parsed from
/// the labels of `linked::kind::KINDS`.
#[derive(Debug, Args)]
pub(crate) struct KindFilter {
    /// Only this kind of resource (repeatable) [default: all]
    #[arg(long = "kind", value_name = "KIND", value_parser = kind_parser())]
    pub(crate) kinds: Vec<Kind>,
}

/// Accepts the label of each row of `KINDS`, with its help for `--help` and completions.
fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(
        KINDS
            .iter()
            .map(|s| PossibleValue::new(s.label).help(s.help)),
    )
    .try_map(|label| Kind::from_label(&label).ok_or("not a kind"))
}
