//! `--detach`: the sandbox as a background process. This process starts a copy of itself
//! (same options, in its own session so a closing terminal does not stop it), waits for its
//! export lines — printed once it listens — and prints them with
//! `export TFVCS_SANDBOX_PID=<pid>`; a copy that fails to start passes its error back.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use super::log::Log;
use crate::error::{Exit, Fail, Result};

/// Starts the background copy and returns once it listens.
#[cfg(unix)]
pub(crate) fn start() -> Result<()> {
    use std::os::unix::process::CommandExt;
    let program = std::env::current_exe()
        .map_err(|e| Fail::other(format!("cannot find the tfvcs program: {e}")))?;
    let args: Vec<_> = std::env::args_os()
        .skip(1)
        .filter(|a| a != "--detach")
        .chain([std::ffi::OsString::from("--detached")])
        .collect();
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setsid is async-signal-safe and touches nothing of the parent.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command
        .spawn()
        .map_err(|e| Fail::other(format!("cannot start the sandbox: {e}")))?;
    let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
    let mut exports = String::new();
    for _ in 0..3 {
        let mut line = String::new();
        if stdout.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        exports.push_str(&line);
    }
    if exports.lines().count() < 3 {
        let mut text = String::new();
        if let Some(mut err) = child.stderr.take() {
            let _ = err.read_to_string(&mut text);
        }
        let status = child.wait().ok().and_then(|s| s.code());
        let message = text
            .lines()
            .find_map(|l| l.strip_prefix("error: "))
            .unwrap_or("the sandbox stopped before it listened")
            .to_string();
        let exit = if status == Some(Exit::Usage as i32) {
            Exit::Usage
        } else {
            Exit::Failure
        };
        let hints = text.lines().filter_map(|l| l.strip_prefix("hint: "));
        return Err(hints.fold(Fail::new(exit, message), Fail::hint));
    }
    let mut out = std::io::stdout().lock();
    let pid = super::exports::line("TFVCS_SANDBOX_PID", &child.id().to_string());
    let _ = write!(out, "{exports}{pid}");
    let _ = out.flush();
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn start() -> Result<()> {
    Err(Fail::usage(
        "--detach needs a Unix system; run the sandbox in its own terminal",
    ))
}

/// In the background copy, once the export lines are out: stderr becomes the log file (or
/// nowhere), so nothing written later reaches the pipe the starting process has closed.
#[cfg(unix)]
pub(crate) fn settle(log_file: Option<File>) -> Log {
    use std::os::fd::AsRawFd;
    let logs = log_file.is_some();
    let target = match log_file {
        Some(file) => Some(file),
        None => File::options().write(true).open("/dev/null").ok(),
    };
    if let Some(target) = target {
        // SAFETY: dup2 onto fd 2 replaces stderr; both descriptors are valid and owned here.
        unsafe {
            libc::dup2(target.as_raw_fd(), 2);
        }
    }
    if logs { Log::Stderr } else { Log::Nowhere }
}

#[cfg(not(unix))]
pub(crate) fn settle(log_file: Option<File>) -> Log {
    match log_file {
        Some(file) => Log::File(std::sync::Mutex::new(file)),
        None => Log::Nowhere,
    }
}
