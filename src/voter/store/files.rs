//! Files in the voter's folder: atomic writes, names for files set aside, private modes.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that a crash at any moment leaves the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".hustings-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    set_private(temp.as_file())?;
    temp.persist(path).map_err(|e| e.error)?;
    File::open(dir)?.sync_all()
}

/// Reads a file of the voter's folder; anything but a regular file (a FIFO would block the
/// read for ever) is an error, and a missing one is "not found" as usual.
pub(super) fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    use crate::bounded::Refused;
    crate::bounded::read(path, MAX_VOTER_FILE).map_err(|refused| match refused {
        Refused::Io(e) => e,
        Refused::NotRegular => io::Error::other("not a regular file"),
        Refused::TooLarge(len) => io::Error::other(format!(
            "{len} bytes, more than the {MAX_VOTER_FILE} a file of your notes may have"
        )),
    })
}

/// The largest ballot, place or voter file read: notes of a whole election fit many times.
pub const MAX_VOTER_FILE: u64 = 16 * 1024 * 1024;

/// A free name beside `path` for a file set aside.
pub(super) fn aside_path(path: &Path) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut n = 0;
    loop {
        let candidate = PathBuf::from(format!(
            "{}.unreadable-{stamp}{}",
            path.display(),
            if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            }
        ));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

/// Makes the voter's folder ready: a missing one is created private (0700); an existing one
/// keeps its mode, since it may be shared on purpose, and a warning says when others can
/// read it.
pub(super) fn prepare_dir(dir: &Path) -> io::Result<Option<String>> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(open_to_others(&meta).map(|mode| {
            format!(
                "{} can be read by others (mode {mode:o}): your notes are only as private as it is",
                dir.display()
            )
        })),
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a file is in the way of the folder",
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            create_private_dir(dir)?;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The mode of a folder others may read or enter, if it is one.
fn open_to_others(meta: &fs::Metadata) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // Only the folder made here is set private; the umask may have narrowed it further.
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Opens (creating, 0600) a lock file, never through a symbolic link: a link planted in
/// its place fails to open instead of handing its target to chmod.
pub(super) fn open_lock(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    set_private(&file)?;
    Ok(file)
}

/// How old a temporary file of ours must be before it is taken for one a killed save left.
pub(super) const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files of our own pattern (`.hustings-*.tmp`) older than
/// [`STALE_TEMP`]: what a save killed half-way leaves. Returns how many went.
pub(super) fn sweep_temp_files(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut swept = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".hustings-") && name.ends_with(".tmp")) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_TEMP);
        if stale && fs::remove_file(entry.path()).is_ok() {
            swept += 1;
        }
    }
    swept
}

pub(super) fn set_private(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Ok(())
    }
}
