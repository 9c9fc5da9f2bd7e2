//! The lock that keeps a `--state` file to one sandbox: an exclusive advisory lock, taken
//! before the file is read and held until the process ends. It sits on a lock file beside the
//! state file (`.<name>.lock`), not on the state file itself, because the state file is
//! replaced by a rename whenever it is rewritten whole and a lock belongs to the file it was
//! taken on: a second sandbox would find the new file unlocked. The lock file holds the
//! holder's pid, so the one refused can say which process to stop.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Takes the lock for the state file at `path`; an error names the sandbox holding it.
pub(crate) fn lock(path: &Path) -> Result<File, String> {
    let (dir, name) = super::journal::parts(path);
    let lock_path = dir.join(format!(".{name}.lock"));
    let fail = |e: std::io::Error| format!("cannot lock {}: {e}", lock_path.display());
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&lock_path).map_err(fail)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = match holder.trim().parse::<u32>() {
                Ok(pid) => format!("another sandbox (pid {pid})"),
                Err(_) => "another sandbox".to_string(),
            };
            return Err(format!(
                "{} is in use by {holder}; stop it, or give this one another --state file",
                path.display()
            ));
        }
        Err(TryLockError::Error(e)) => return Err(fail(e)),
    }
    file.set_len(0)
        .and_then(|_| file.seek(SeekFrom::Start(0)))
        .and_then(|_| writeln!(file, "{}", std::process::id()))
        .map_err(fail)?;
    Ok(file)
}
