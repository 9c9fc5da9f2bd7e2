//! What links a repository through a connection (SPEC §10): the kinds (workspaces, policy
//! sets, private registry modules) as one table, the walk that finds which of them name a
//! connection, and the relink plan with its answer check. No command-line types in here.

pub mod connection;
pub mod kind;
pub mod relink;
pub mod resource;
pub mod walk;

pub use connection::Connection;
pub use kind::Kind;
pub use resource::Linked;
