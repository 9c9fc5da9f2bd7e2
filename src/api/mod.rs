//! The TFE API: the HTTP client, the documents, and the errors.

pub mod client;
pub mod error;
pub mod model;
