//! Bytes kept for later in memory that does not grow without bound: in memory up to
//! [`SPOOL_IN_MEMORY`], then in an unlinked temporary file.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Seek, SeekFrom, Write};

/// Serialised JSON kept in memory before it moves to a temporary file.
pub(crate) const SPOOL_IN_MEMORY: usize = 256 << 10;

/// Bytes kept for later: in memory while small, then in a temporary file that has no name
/// (removed as soon as it is open, so nothing is left behind even on a kill).
#[derive(Default)]
pub(crate) struct Spool {
    pub(super) memory: Vec<u8>,
    pub(super) file: Option<File>,
    len: u64,
}

impl Spool {
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Moves what is in memory to a temporary file; `None` when none can be made (then
    /// everything stays in memory).
    fn spill(&mut self) -> Option<&mut File> {
        if self.file.is_none() {
            let mut file = temporary_file().ok()?;
            file.write_all(&self.memory).ok()?;
            self.memory = Vec::new();
            self.file = Some(file);
        }
        self.file.as_mut()
    }

    pub(crate) fn copy_to(self, out: &mut impl Write) -> io::Result<()> {
        io::copy(&mut self.into_reader()?, out).map(|_| ())
    }

    /// Everything written, read back from the start.
    pub(crate) fn into_reader(mut self) -> io::Result<Box<dyn BufRead>> {
        match self.file.take() {
            Some(mut file) => {
                file.write_all(&self.memory)?;
                file.seek(SeekFrom::Start(0))?;
                Ok(Box::new(BufReader::new(file)))
            }
            None => Ok(Box::new(Cursor::new(self.memory))),
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.memory.extend_from_slice(buf);
        self.len += buf.len() as u64;
        if self.memory.len() >= SPOOL_IN_MEMORY {
            let memory = std::mem::take(&mut self.memory);
            match self.spill() {
                Some(file) => file.write_all(&memory)?,
                None => self.memory = memory,
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A new file in the temporary folder, readable only by us, with no name left in the folder
/// (removed at once on Unix, deleted when closed on Windows).
fn temporary_file() -> io::Result<File> {
    tempfile::tempfile()
}
