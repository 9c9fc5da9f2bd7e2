//! The TFE API: the HTTP client, its retry policy, the documents, the errors, and the paced
//! page walk.

pub mod client;
pub mod error;
pub mod model;
pub mod pages;
pub mod retry;
