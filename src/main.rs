//! The tfvcs binary: parse the arguments, run the command, print the failure, exit with its code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tfvcs::error::Exit;
use tfvcs::terminal_text::escape;

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
                // Messages quote server text and input: every line is escaped here, so that no
                // error can fake a line or drive the terminal, whichever path built it.
                let mut err = std::io::stderr().lock();
                let _ = writeln!(err, "error: {}", escape(&fail.message));
                for line in &fail.details {
                    let _ = writeln!(err, "  {}", escape(line));
                }
                for hint in &fail.hints {
                    let _ = writeln!(err, "hint: {}", escape(hint));
                }
            }
            ExitCode::from(fail.exit as u8)
        }
    }
}
