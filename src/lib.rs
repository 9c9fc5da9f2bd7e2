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
pub mod linked;
pub mod output;
pub mod payload;
pub mod progress;
pub mod prompt;
pub mod provider;
pub mod proxy;
pub mod redacted;
pub mod sandbox;
pub mod secret;
pub mod shared;
pub mod terminal_text;

use cli::{AuthCommand, Cli, Command, GlobalArgs};
use commands::Context;
use config::Config;
use error::{Fail, Result};

/// Runs the command `cli` names.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Completions(args) => {
            refuse_connection_options(&cli.global, "completions")?;
            output::write_stdout(&generate::completion_script(args.shell))
        }
        Command::Sandbox(args) => {
            refuse_connection_options(&cli.global, "sandbox")?;
            let org = args.org.clone();
            sandbox::run(args, org.as_deref())
        }
        Command::Client(args) => {
            commands::client::run(&Context::new(Config::resolve(&args.global)?), args.command)
        }
        Command::Token(args) => {
            commands::token::run(&Context::new(Config::resolve(&args.global)?), args.command)
        }
        Command::GithubApp(args) => {
            commands::github_app::run(&Context::new(Config::resolve(&args.global)?), args.command)
        }
        Command::Auth(args) => match args.command {
            AuthCommand::Status => {
                commands::auth::status(&Context::new(Config::resolve(&args.global)?))
            }
        },
    }
}

/// `tfvcs --hostname … sandbox`: the connection options are accepted before any noun, but
/// mean nothing to the commands that do not talk to the API.
fn refuse_connection_options(global: &GlobalArgs, command: &str) -> Result<()> {
    match global.first_given() {
        Some(option) => Err(
            Fail::usage(format!("{option} is not an option of tfvcs {command}"))
                .hint(format!("see tfvcs {command} --help")),
        ),
        None => Ok(()),
    }
}
