//! tfvcs: manage VCS connections (OAuth clients and OAuth tokens) on HCP Terraform and
//! Terraform Enterprise. `run` (in `commands`) takes parsed arguments and does one command.

// Everything for stdout goes through output/, which handles closed pipes.
// Items are `pub(crate)` unless the binary, the tests or the fuzz targets reach them, so that
// rustc reports what nothing uses.
#![deny(clippy::print_stdout)]

pub mod api;
pub mod cli;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod doctor;
pub mod error;
pub mod generate;
pub(crate) mod interrupt;
pub(crate) mod linked;
pub(crate) mod output;
pub mod payload;
pub(crate) mod progress;
pub(crate) mod prompt;
pub(crate) mod provider;
pub(crate) mod sandbox;
pub mod secret;
pub mod shared;
pub mod terminal_text;

pub use commands::run;
