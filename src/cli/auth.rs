//! `tfvcs auth …`: the verbs.

use clap::Subcommand;

use super::examples;

#[derive(Debug, Subcommand)]
pub(crate) enum AuthCommand {
    /// Show the host, organization and where the token comes from, then check the token
    ///
    /// Prints where the token was found (a variable's name or a file's path), never the
    /// token, then checks it with one request (GET /account/details).
    #[command(after_help = examples(&[
        ("The default host, app.terraform.io", "tfvcs auth status"),
        ("A Terraform Enterprise host", "tfvcs auth status --hostname tfe.example.com"),
        ("Where the token came from, in a script", "tfvcs auth status -o json | jq -r .token_source"),
    ]))]
    Status,
}
