//! The tfvcs binary: parse the arguments, run the command, print the failure, exit with its code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tfvcs::error::Exit;

fn main() -> ExitCode {
    let cli = match tfvcs::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { Exit::Usage as u8 } else { 0 });
        }
    };
    match tfvcs::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => {
            if fail.exit != Exit::Quiet {
                let mut err = std::io::stderr().lock();
                let _ = writeln!(err, "error: {}", fail.message);
                for hint in &fail.hints {
                    let _ = writeln!(err, "hint: {hint}");
                }
            }
            ExitCode::from(fail.exit as u8)
        }
    }
}
