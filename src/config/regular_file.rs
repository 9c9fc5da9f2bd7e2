//! Files tfvcs reads for its configuration (the credentials file, a CA bundle), and a journal
//! given to `--undo`, are opened only when they are regular files: a FIFO would block the open, and so every command, until
//! something wrote to it; a device could be read forever.

use std::fs::{File, FileType};
use std::path::Path;

use crate::error::{Exit, Fail, Result};

/// Opens `path` (`what` names it in errors) for reading only when it is a regular file;
/// `None` when there is none. Anything else is exit 2 naming it; a file that exists but cannot
/// be opened is `unreadable` (its exit code). The file is opened non-blocking and checked
/// again, so one swapped in after the first check cannot block either.
pub(crate) fn open_regular_file(path: &Path, what: &str, unreadable: Exit) -> Result<Option<File>> {
    let cannot_read = |e: std::io::Error| {
        Fail::new(
            unreadable,
            format!("cannot read {what} {}: {e}", path.display()),
        )
    };
    let not_regular = |file_type: FileType| {
        Fail::usage(format!(
            "{what} {} is {}, not a regular file: it is not read",
            path.display(),
            file_kind(file_type)
        ))
    };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot_read(e)),
    };
    if !metadata.is_file() {
        return Err(not_regular(metadata.file_type()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(cannot_read)?;
    let file_type = file.metadata().map_err(cannot_read)?.file_type();
    if !file_type.is_file() {
        return Err(not_regular(file_type));
    }
    Ok(Some(file))
}

/// What a file that is not a regular file is, as an error names it.
fn file_kind(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}
