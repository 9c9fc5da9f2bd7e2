//! Questions asked at a terminal: hidden input for a PAT and yes/no confirmations. Every
//! caller checks `interactive()` first and has a non-interactive path; Ctrl-C at a prompt
//! restores the terminal (echo and cursor), removes a relink's header-only journal, says so and
//! exits 130 with nothing sent.

use std::io::{ErrorKind, IsTerminal};

use console::Term;
use dialoguer::{Confirm, Password};

use crate::error::{Exit, Fail, Result};
use crate::terminal_text::escape;

/// A prompt may be shown: stdin and stderr are terminals and `--no-input` is off.
pub(crate) fn interactive(no_input: bool) -> bool {
    !no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn interrupted() -> Fail {
    Fail::new(Exit::Interrupted, "interrupted; nothing was sent")
}

fn prompt_failed(e: dialoguer::Error) -> Fail {
    let dialoguer::Error::IO(io) = e;
    if io.kind() == ErrorKind::Interrupted {
        interrupted()
    } else {
        Fail::other(format!("cannot read from the terminal: {io}"))
    }
}

/// Reads a line without echo. The text is never shown.
pub(crate) fn hidden(prompt: &str) -> Result<String> {
    let _restore = sigint::RestoreTerminalOnInterrupt::install();
    Password::new()
        .with_prompt(escape(prompt))
        .allow_empty_password(true)
        .interact_on(&Term::stderr())
        .map_err(prompt_failed)
}

/// Asks a yes/no question whose default is no.
pub(crate) fn confirm(prompt: &str) -> Result<bool> {
    // The question hides the cursor and reads a key in raw mode, where Ctrl-C is a byte that
    // the terminal library turns back into SIGINT: the same handler shows the cursor again.
    let _restore = sigint::RestoreTerminalOnInterrupt::install();
    Confirm::new()
        .with_prompt(escape(prompt))
        .default(false)
        .interact_on(&Term::stderr())
        .map_err(prompt_failed)
}

#[cfg(unix)]
mod sigint {
    //! A prompt changes the terminal (the hidden one turns echo off, a confirmation hides the
    //! cursor) but leaves Ctrl-C a signal: while it runs, SIGINT restores the saved terminal
    //! settings, shows the cursor, says why it stopped and exits 130.
    use std::sync::OnceLock;

    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    extern "C" fn on_sigint(_: libc::c_int) {
        // A relink's journal that holds only its header goes too: nothing was sent.
        crate::interrupt::remove_pending_file();
        if let Some(saved) = SAVED.get() {
            // SAFETY: tcsetattr and _exit are async-signal-safe; `saved` is initialised.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved);
            }
        }
        // Cursor shown (ESC[?25h, harmless if it was not hidden), then the same words as
        // `interrupted()`: the terminal shows why it stopped.
        const INTERRUPTED: &[u8] = b"\x1b[?25h\ninterrupted; nothing was sent\n";
        unsafe {
            libc::write(
                libc::STDERR_FILENO,
                INTERRUPTED.as_ptr().cast(),
                INTERRUPTED.len(),
            );
            libc::_exit(130);
        }
    }

    /// The SIGINT handler in place before the prompt, put back after it.
    pub(crate) struct RestoreTerminalOnInterrupt(libc::sighandler_t);

    impl RestoreTerminalOnInterrupt {
        pub(crate) fn install() -> Self {
            // SAFETY: plain libc calls on stdin (a terminal here) with valid pointers.
            unsafe {
                let mut current = std::mem::MaybeUninit::<libc::termios>::uninit();
                if libc::tcgetattr(libc::STDIN_FILENO, current.as_mut_ptr()) == 0 {
                    let _ = SAVED.set(current.assume_init());
                }
                let before =
                    libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
                RestoreTerminalOnInterrupt(before)
            }
        }
    }

    impl Drop for RestoreTerminalOnInterrupt {
        fn drop(&mut self) {
            // SAFETY: restores the disposition the prompt found (the default, or a relink's
            // removal of its header-only journal).
            unsafe {
                let before = match self.0 {
                    libc::SIG_ERR => libc::SIG_DFL,
                    before => before,
                };
                libc::signal(libc::SIGINT, before);
            }
        }
    }
}

#[cfg(not(unix))]
mod sigint {
    pub(crate) struct RestoreTerminalOnInterrupt;
    impl RestoreTerminalOnInterrupt {
        pub(crate) fn install() -> Self {
            RestoreTerminalOnInterrupt
        }
    }
}
