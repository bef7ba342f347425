//! Reading a file whole, never more than a cap and never anything but a regular file: a FIFO
//! would block a read forever, a device never end, and a file grown huge would take the
//! memory. Candidates, the voter's own files, a note back from the editor: every file read
//! whole goes through here.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// A folder, FIFO, device or socket.
    NotRegular,
    /// Longer than the cap: how long it is (or what was read of it before the cap).
    TooLarge(u64),
    /// It could not be opened or read.
    Io(io::Error),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotRegular => write!(f, "not a regular file (a FIFO, device or socket)"),
            Refused::TooLarge(len) => write!(f, "{len} bytes"),
            Refused::Io(e) => write!(f, "{e}"),
        }
    }
}

/// The bytes of the regular file at `path`, at most `cap` of them. The file is looked at
/// before it is opened (opening a FIFO would wait for a writer) and again once open (the
/// path may have changed in between), and read no further than the cap.
pub fn read(path: &Path, cap: u64) -> Result<Vec<u8>, Refused> {
    if !std::fs::metadata(path).map_err(Refused::Io)?.is_file() {
        return Err(Refused::NotRegular);
    }
    let file = File::open(path).map_err(Refused::Io)?;
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.is_file() {
        return Err(Refused::NotRegular);
    }
    if meta.len() > cap {
        return Err(Refused::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    if bytes.len() as u64 > cap {
        return Err(Refused::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}
