//! The TFE API: requests, the HTTP client, its retry policy and transport failures, the
//! documents, request bodies that keep secrets typed, the errors, and the paced page walk.

pub mod body;
pub(crate) mod client;
pub(crate) mod error;
pub(crate) mod model;
pub mod nesting;
pub(crate) mod pacer;
pub mod page;
pub(crate) mod pages;
pub(crate) mod paths;
mod raw_head;
pub(crate) mod request;
pub(crate) mod retry;
mod transport;
