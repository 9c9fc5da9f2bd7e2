//! What links a repository through a connection (SPEC §10): the kinds (workspaces, policy
//! sets, private registry modules) as one table, the walk that finds which of them name a
//! connection, and the relink plan with its answer check. No command-line types in here.

pub(crate) mod connection;
pub(crate) mod kind;
pub(crate) mod map;
pub(crate) mod relink;
pub(crate) mod resource;
pub(crate) mod walk;

pub(crate) use connection::Connection;
pub(crate) use kind::Kind;
pub(crate) use resource::Linked;
