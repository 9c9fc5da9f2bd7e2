//! The tfvcs binary: parse the arguments, run the command, print the failure, exit with its code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tfvcs::cli::argv_secrets::TypedTokens;
use tfvcs::error::{Exit, Fail};
use tfvcs::terminal_text::escape;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // A token typed as an argument by mistake is never repeated by an error message.
    let typed = TypedTokens::in_args(&args);
    let cli = match tfvcs::cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // An argument that parsed but was refused (an id of the wrong shape or kind)
            // carries its failure, worded as the commands word theirs.
            match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<Fail>()) {
                Some(fail) => print_fail(fail, &typed),
                None => usage_error(&e, &typed),
            }
            return ExitCode::from(Exit::Usage as u8);
        }
        Err(e) => {
            // --help and --version, on stdout.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    match tfvcs::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => {
            // An empty message: the command has said everything already (`Fail::reported`).
            if fail.exit != Exit::Quiet && !fail.message.is_empty() {
                print_fail(&fail, &typed);
            }
            ExitCode::from(fail.exit as u8)
        }
    }
}

/// A failure: its message, details and hints. Messages quote server text and input: every
/// line is escaped here, so that no error can fake a line or drive the terminal, whichever
/// path built it.
fn print_fail(fail: &Fail, typed: &TypedTokens) {
    let mut err = std::io::stderr().lock();
    let shown = |text: &str| escape(&typed.scrub(text)).into_owned();
    let label = if fail.is_error { "error: " } else { "" };
    let _ = writeln!(err, "{label}{}", shown(&fail.message));
    for line in &fail.details {
        let _ = writeln!(err, "  {}", shown(line));
    }
    for hint in &fail.hints {
        let _ = writeln!(err, "hint: {}", shown(hint));
    }
}

/// clap's usage error, each line escaped and a token typed as an argument shown as
/// `[redacted]`, then where a secret typed as a flag goes.
fn usage_error(error: &clap::Error, typed: &TypedTokens) {
    let text = error.render().to_string();
    let mut err = std::io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(err, "{}", escape(&typed.scrub(line)));
    }
    if let Some(pointer) = tfvcs::cli::argv_secrets::pointer(error) {
        let _ = writeln!(err, "hint: {pointer}");
    }
}
