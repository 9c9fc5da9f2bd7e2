//! tfvcs: manage VCS connections (OAuth clients and OAuth tokens) on HCP Terraform and
//! Terraform Enterprise. `run` (in `commands`) takes parsed arguments and does one command.

// Everything for stdout goes through output.rs, which handles closed pipes.
#![deny(clippy::print_stdout)]

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod generate;
pub mod linked;
pub mod output;
pub mod payload;
pub mod progress;
pub mod prompt;
pub mod provider;
pub mod sandbox;
pub mod secret;
pub mod shared;
pub mod terminal_text;

pub use commands::run;
