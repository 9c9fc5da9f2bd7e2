//! Ids given on the command line, parsed into typed values: each has the TFE shape of its
//! kind (prefix and a path-safe suffix) or parsing fails with a [`Fail`] saying what was given
//! and where it goes. clap carries that failure as the source of its error, and the binary
//! prints it as it prints any other (escaped, a token-looking word redacted), exit 2.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use clap::builder::{StringValueParser, TryMapValueParser, TypedValueParser, ValueParserFactory};

use crate::error::Fail;
use crate::linked::{Connection, Kind};
use crate::shared::ids::has_id_shape;

/// What one kind of id is: its prefix and how a message names it ("an OAuth token").
pub(crate) trait IdKind {
    const PREFIX: &'static str;
    const WHAT: &'static str;
}

macro_rules! id_kinds {
    ($($kind:ident: $prefix:literal, $what:literal;)*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum $kind {}
        impl IdKind for $kind {
            const PREFIX: &'static str = $prefix;
            const WHAT: &'static str = $what;
        }
    )*};
}

id_kinds! {
    OAuthToken: "ot-", "an OAuth token";
    OAuthClient: "oc-", "an OAuth client";
    Installation: "ghain-", "a GitHub App installation";
    Project: "prj-", "a project";
    AgentPool: "apool-", "an agent pool";
}

/// An id of kind `K`, checked: it reads as the string it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Id<K> {
    id: String,
    kind: PhantomData<K>,
}

impl<K: IdKind> Id<K> {
    /// `id` if it has the shape of a `K` id; else the failure naming what was expected.
    pub(crate) fn parse(id: String) -> Result<Self, Fail> {
        if has_id_shape(&id, K::PREFIX) {
            return Ok(Id {
                id,
                kind: PhantomData,
            });
        }
        Err(not_an_id(&id, K::PREFIX, K::WHAT))
    }
}

impl<K> Deref for Id<K> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.id
    }
}

impl<K> AsRef<str> for Id<K> {
    fn as_ref(&self) -> &str {
        &self.id
    }
}

impl<K> fmt::Display for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

/// The parser of a value whose check is `parse`.
type Checked<T> = TryMapValueParser<StringValueParser, fn(String) -> Result<T, Fail>>;

fn checked<T: Clone + Send + Sync + 'static>(parse: fn(String) -> Result<T, Fail>) -> Checked<T> {
    StringValueParser::new().try_map(parse)
}

impl<K: IdKind + Clone + Send + Sync + 'static> ValueParserFactory for Id<K> {
    type Parser = Checked<Self>;
    fn value_parser() -> Self::Parser {
        checked(Self::parse)
    }
}

/// Refuses `id` as a `prefix` id; when an OAuth token was expected, says where a client's id
/// or name, an installation or a resource's id goes.
fn not_an_id(id: &str, prefix: &str, what: &str) -> Fail {
    let fail = Fail::usage(format!("{id:?} is not {what} id (expected {prefix}…)"));
    if prefix != OAuthToken::PREFIX {
        return fail;
    }
    if let Some(hint) = resource_hint(id) {
        return fail.hint(hint);
    }
    let (client, given) = if id.starts_with(OAuthClient::PREFIX) {
        (format!("{id} is an OAuth client"), id.to_string())
    } else if id.starts_with(Installation::PREFIX) {
        return fail.hint(format!(
            "{id} is a GitHub App installation: what uses it is `tfvcs github-app usage {id}`"
        ));
    } else {
        (
            format!("if {id:?} names an OAuth client"),
            format!("{id:?}"),
        )
    };
    fail.hint(format!(
        "{client}: its tokens are `tfvcs token list {given} -o id`, what uses them `tfvcs client usage {given}`"
    ))
}

/// When `id` is the id of a resource that uses a connection (a workspace, …), where the
/// token it uses is found: a token command never takes the resource itself.
fn resource_hint(id: &str) -> Option<String> {
    let spec = Kind::ALL
        .into_iter()
        .map(Kind::spec)
        .find(|spec| has_id_shape(id, spec.id_prefix))?;
    let article = if spec.singular.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    Some(format!(
        "{id} is {article} {}, which uses a connection: token commands take an OAuth token's ot-… id (the oauth-token-id of its vcs-repo); `tfvcs token list -o id` lists the organization's tokens, `tfvcs token usage ot-…` what uses one",
        spec.singular
    ))
}

/// A resource as given: its id, or a name (SPEC §1) looked up in `--org`.
#[derive(Debug, Clone)]
pub(crate) enum NameOrId<K> {
    Id(Id<K>),
    Name(String),
}

/// An OAuth client: its `oc-…` id or its name.
pub(crate) type ClientRef = NameOrId<OAuthClient>;
/// A project: its `prj-…` id or its name.
pub(crate) type ProjectRef = NameOrId<Project>;

impl ClientRef {
    fn parse(given: String) -> Result<Self, Fail> {
        // SPEC §1 allows names, but no client is meant by an `ot-…` or `ghain-…` id: it is
        // said to be one before anything is looked up.
        if has_id_shape(&given, OAuthToken::PREFIX) {
            return Err(Fail::usage(format!(
                "{given} is an OAuth token, not an OAuth client (oc-… or a client name)"
            ))
            .hint(format!(
                "`tfvcs token show {given}` names its client; `tfvcs token usage {given}` lists what uses it"
            )));
        }
        if has_id_shape(&given, Installation::PREFIX) {
            return Err(Fail::usage(format!(
                "{given} is a GitHub App installation, not an OAuth client (oc-… or a client name)"
            ))
            .hint(format!(
                "`tfvcs github-app show {given}` shows it; `tfvcs github-app usage {given}` lists what uses it"
            )));
        }
        if given.starts_with(OAuthClient::PREFIX) {
            return Id::parse(given).map(ClientRef::Id);
        }
        Ok(ClientRef::Name(given))
    }
}

impl ProjectRef {
    fn parse(given: String) -> Result<Self, Fail> {
        if given.starts_with(Project::PREFIX) {
            Id::parse(given).map(ProjectRef::Id)
        } else if given.trim().is_empty() {
            Err(Fail::usage("an empty project name was given").hint("give a name or a prj-… id"))
        } else {
            Ok(ProjectRef::Name(given))
        }
    }
}

/// `client update --agent-pool`: a pool to attach, or `none` to detach the current one.
#[derive(Debug, Clone)]
pub(crate) enum AgentPoolChange {
    Attach(Id<AgentPool>),
    Detach,
}

impl AgentPoolChange {
    fn parse(given: String) -> Result<Self, Fail> {
        match given.as_str() {
            "none" => Ok(AgentPoolChange::Detach),
            _ => Id::parse(given).map(AgentPoolChange::Attach),
        }
    }
}

/// clap parses each of these with its `parse`.
macro_rules! parsed_by_parse {
    ($($t:ty),*) => {$(
        impl ValueParserFactory for $t {
            type Parser = Checked<Self>;
            fn value_parser() -> Self::Parser {
                checked(Self::parse)
            }
        }
    )*};
}

parsed_by_parse!(ClientRef, ProjectRef, AgentPoolChange);

/// `token relink --to`: an OAuth token or a GitHub App installation.
/// `token relink`'s FROM: a GitHub App installation to move off, else an OAuth token (with the
/// token verbs' wording and hints when it is neither).
pub(crate) fn from_parser() -> Checked<Connection> {
    checked(|given| match Connection::from_id(&given) {
        Some(Connection::GithubApp(id)) => {
            Id::<Installation>::parse(id).map(|id| Connection::GithubApp(id.id))
        }
        _ => Id::<OAuthToken>::parse(given).map(|id| Connection::Token(id.id)),
    })
}

pub(crate) fn connection_parser() -> Checked<Connection> {
    checked(|given| match Connection::from_id(&given) {
        Some(Connection::Token(id)) => {
            Id::<OAuthToken>::parse(id).map(|id| Connection::Token(id.id))
        }
        Some(Connection::GithubApp(id)) => {
            Id::<Installation>::parse(id).map(|id| Connection::GithubApp(id.id))
        }
        None => {
            let fail = Fail::usage(format!(
                "--to {given:?} is neither an OAuth token (ot-…) nor a GitHub App installation (ghain-…)"
            ));
            let hint = if has_id_shape(&given, OAuthClient::PREFIX) {
                Some(format!(
                    "{given} is an OAuth client: its tokens are `tfvcs token list {given} -o id`"
                ))
            } else {
                resource_hint(&given)
            };
            Err(match hint {
                Some(hint) => fail.hint(hint),
                None => fail,
            })
        }
    })
}

/// `token relink --workspace`: a name, or an id of the kind that relink narrows by name, which
/// must have that kind's shape.
pub(crate) fn narrowed_by_name_parser() -> Checked<String> {
    checked(|given| {
        let spec = Kind::narrowed_by_name().spec();
        if given.starts_with(spec.id_prefix) && !has_id_shape(&given, spec.id_prefix) {
            return Err(not_an_id(
                &given,
                spec.id_prefix,
                &format!("a {}", spec.singular),
            ));
        }
        Ok(given)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agent_pool_change_is_none_or_a_pool_id() {
        assert!(matches!(
            AgentPoolChange::parse("none".into()),
            Ok(AgentPoolChange::Detach)
        ));
        assert!(matches!(
            AgentPoolChange::parse("apool-1234567890abcdef".into()),
            Ok(AgentPoolChange::Attach(id)) if &*id == "apool-1234567890abcdef"
        ));
        let refused = AgentPoolChange::parse("None".into()).unwrap_err();
        assert_eq!(
            refused.message,
            "\"None\" is not an agent pool id (expected apool-…)"
        );
    }

    #[test]
    fn a_name_may_look_like_no_id_but_an_id_prefix_must_be_an_id() {
        assert!(
            matches!(ClientRef::parse("ot-a/b".into()), Ok(NameOrId::Name(n)) if n == "ot-a/b")
        );
        assert!(ClientRef::parse("oc-a/b".into()).is_err());
        assert!(matches!(
            ProjectRef::parse("prj-AbCd".into()),
            Ok(NameOrId::Id(_))
        ));
        assert!(ProjectRef::parse(" ".into()).is_err());
    }
}
