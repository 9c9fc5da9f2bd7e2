//! The failure every command returns: a message, hints, and the exit code of SPEC §5.

use std::fmt;

/// Exit codes, fixed by the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Not a failure: a closed stdout pipe ends quietly.
    Quiet = 0,
    /// Local I/O, unexpected response, declined confirmation.
    Failure = 1,
    /// Usage error or invalid input; nothing was sent.
    Usage = 2,
    /// 404.
    NotFound = 3,
    /// No token, 401, 403.
    Auth = 4,
    /// 400, 409, 415, 422.
    Rejected = 5,
    /// Cannot connect, TLS, timeout, 5xx or 429 after retries.
    Network = 6,
    /// `doctor` found a problem of severity error (with `--strict`, also warning).
    Problems = 7,
    /// Ctrl-C at a prompt, or SIGINT during a relink or an undo.
    Interrupted = 130,
    /// SIGTERM during a relink or an undo.
    Terminated = 143,
}

impl Exit {
    /// Every code, in order (for the man pages' EXIT STATUS).
    pub const ALL: [Exit; 10] = [
        Exit::Quiet,
        Exit::Failure,
        Exit::Usage,
        Exit::NotFound,
        Exit::Auth,
        Exit::Rejected,
        Exit::Network,
        Exit::Problems,
        Exit::Interrupted,
        Exit::Terminated,
    ];

    /// What the code tells a script, as SPEC §5 words it.
    pub(crate) fn meaning(self) -> &'static str {
        match self {
            Exit::Quiet => "Success (also when the reader of stdout went away).",
            Exit::Failure => {
                "Any other failure: local I/O, an unexpected response, a declined confirmation."
            }
            Exit::Usage => "Usage error or invalid input; nothing was sent.",
            Exit::NotFound => {
                "Not found (404; TFE also answers 404 when the token lacks permission)."
            }
            Exit::Auth => "Authentication: no token, 401 or 403.",
            Exit::Rejected => "Rejected by the API: 400, 409, 415 or 422.",
            Exit::Network => {
                "Network or server: cannot connect, TLS, timeout, 5xx or 429 after the retries."
            }
            Exit::Problems => {
                "doctor found at least one problem of severity error (with --strict, also warning)."
            }
            Exit::Interrupted => {
                "Interrupted: Ctrl-C at a prompt (nothing was sent), or SIGINT during a relink or an undo (no further change was sent; the journal says what was)."
            }
            Exit::Terminated => {
                "SIGTERM during a relink or an undo: no further change was sent; the journal says what was."
            }
        }
    }
}

/// A failure with what the user should read and the code the process exits with.
#[derive(Debug)]
pub struct Fail {
    pub exit: Exit,
    /// One line.
    pub message: String,
    /// Lines shown indented under the message (the server's error items).
    pub details: Vec<String>,
    pub hints: Vec<String>,
    /// Whether it is shown as an `error:`; a declined confirmation is not one (SPEC §3).
    pub is_error: bool,
}

impl Fail {
    pub(crate) fn new(exit: Exit, message: impl Into<String>) -> Self {
        Fail {
            exit,
            message: message.into(),
            details: Vec::new(),
            hints: Vec::new(),
            is_error: true,
        }
    }

    /// A confirmation answered no: exit 1, nothing changed, and not reported as an error.
    pub fn declined(message: impl Into<String>) -> Self {
        Fail {
            is_error: false,
            ..Fail::new(Exit::Failure, message)
        }
    }

    /// Invalid input: exit 2, nothing sent.
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Fail::new(Exit::Usage, message)
    }

    /// Local failure: exit 1.
    pub(crate) fn other(message: impl Into<String>) -> Self {
        Fail::new(Exit::Failure, message)
    }

    pub(crate) fn detail(mut self, line: impl Into<String>) -> Self {
        self.details.push(line.into());
        self
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The command has printed what it found (a report and its summary line): exit with
    /// `exit` and print nothing more.
    pub fn reported(exit: Exit) -> Self {
        Fail::new(exit, "")
    }

    /// stdout was closed by its reader (`tfvcs client list | head -1`): not an error.
    pub(crate) fn closed_pipe() -> Self {
        Fail::new(Exit::Quiet, "")
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fail {}

/// The result type of every command.
pub type Result<T, E = Fail> = std::result::Result<T, E>;
