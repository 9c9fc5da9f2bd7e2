//! tfvcs: manage VCS connections (OAuth clients and OAuth tokens) on HCP Terraform and
//! Terraform Enterprise. `run` takes parsed arguments and does one command.

// Everything for stdout goes through output.rs, which handles closed pipes.
#![deny(clippy::print_stdout)]

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod generate;
pub mod output;
pub mod progress;
pub mod prompt;
pub mod provider;
pub mod proxy;
pub mod sandbox;
pub mod secret;
pub mod shared;

use cli::{AuthCommand, Cli, Command};
use commands::Context;
use config::Config;
use error::Result;

/// Runs the command `cli` names.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Completions { shell } => output::write_stdout(&generate::completion_script(shell)),
        Command::Sandbox(args) => sandbox::run(args, cli.global.org.as_deref()),
        Command::Client(command) => {
            commands::client::run(&Context::new(Config::resolve(&cli.global)?), command)
        }
        Command::Token(command) => {
            commands::token::run(&Context::new(Config::resolve(&cli.global)?), command)
        }
        Command::Auth(AuthCommand::Status) => {
            commands::auth::status(&Context::new(Config::resolve(&cli.global)?))
        }
    }
}
