//! What both the client side and the sandbox need: id shapes and path-safe names, the
//! organization-name rule, private-key checks, JSON:API URL helpers and UTC timestamps. Nothing here knows
//! about the command line: each check returns a plain reason, and the caller words the error.

pub(crate) mod clock;
pub(crate) mod ids;
pub(crate) mod jsonapi;
pub(crate) mod org;
pub mod pem;
pub(crate) mod text;
