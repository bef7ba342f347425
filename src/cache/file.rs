//! The cache's files, each looked at before it is opened and replaced whole.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// No cache file is read past this size (a part is a folder's worth of statements).
pub(super) const MAX_BYTES: u64 = 1 << 30;

/// Nanoseconds since the epoch (0 before it).
pub(super) fn since_epoch(time: std::time::SystemTime) -> u128 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// A cache file opened for reading, with what a look at it found, if it is a regular file
/// of a sane size. A FIFO is opened without waiting for a writer (where it could not be,
/// it is looked at first) and then refused, as is anything else not a regular file.
pub(super) fn open_regular(file: &Path) -> Option<(fs::File, fs::Metadata)> {
    #[cfg(unix)]
    let opened = {
        use std::os::unix::fs::OpenOptionsExt;
        fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(file)
            .ok()?
    };
    #[cfg(not(unix))]
    let opened = {
        if !fs::metadata(file).ok()?.is_file() {
            return None;
        }
        fs::File::open(file).ok()?
    };
    let meta = opened.metadata().ok()?;
    (meta.is_file() && meta.len() <= MAX_BYTES).then_some((opened, meta))
}

/// The bytes of a cache file, if it is a regular file of a sane size.
pub(super) fn read_bytes(file: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let (opened, _) = open_regular(file)?;
    let mut bytes = Vec::new();
    opened.take(MAX_BYTES).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Puts `bytes` in `file` through a temporary file beside it, renamed over it.
pub(super) fn replace(file: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(file, |out| out.write_all(bytes))
}

/// A temporary file in `file`'s folder (made if missing), to be put in its place.
fn temp_beside(file: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    tempfile::Builder::new()
        .prefix(".hustings-")
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// Writes `bytes` to `file` only if there is no `file`: written whole beside it, then put in
/// its place in one step that fails if something is there already. Returns whether it was
/// put there.
pub(super) fn create_once(file: &Path, bytes: &[u8]) -> io::Result<bool> {
    let mut temp = temp_beside(file)?;
    temp.as_file_mut().write_all(bytes)?;
    temp.as_file().sync_all()?;
    match temp.persist_noclobber(file) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// Writes `file` through `write` into a temporary file beside it, then renamed over it: a
/// crash leaves the old file, or a torn temporary one that nothing reads.
pub(super) fn replace_with(
    file: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut temp = temp_beside(file)?;
    {
        let mut out = io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}
