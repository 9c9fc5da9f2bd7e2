//! What links a repository through a connection (SPEC §10): the kinds (workspaces, policy
//! sets, private registry modules, Stacks) as one table, the walk that finds which of them name a
//! connection, the relink plan with its answer check, the repository map of a move to other
//! repositories, the journal of each run and what an undo puts back. No command-line types in
//! here.

pub(crate) mod connection;
pub(crate) mod journal;
pub(crate) mod kind;
pub(crate) mod map;
pub(crate) mod moves;
pub(crate) mod relink;
pub(crate) mod resource;
pub(crate) mod undo;
pub(crate) mod walk;

pub(crate) use connection::Connection;
pub(crate) use kind::Kind;
pub(crate) use resource::Linked;
