//! The TFE API: requests, the HTTP client, its retry policy and transport failures, the
//! documents, request bodies that keep secrets typed, the errors, and the paced page walk.

pub mod body;
pub mod client;
pub mod error;
pub mod model;
pub mod pacer;
pub mod page;
pub mod pages;
pub mod paths;
pub mod request;
pub mod retry;
mod transport;
