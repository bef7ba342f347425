//! Walking the folders a voter names: every file below, hidden ones and symlink loops left out.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::roster::LoadError;

/// What tells a folder from every other, however it is reached: its device and inode (one
/// look), else its resolved path.
#[derive(Hash, PartialEq, Eq)]
pub(super) enum FolderId {
    #[cfg(unix)]
    Node(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

impl FolderId {
    fn of(dir: &Path) -> Option<FolderId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let meta = std::fs::metadata(dir).ok()?;
            Some(FolderId::Node(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        dir.canonicalize().ok().map(FolderId::Path)
    }
}

/// Collects the files under `dir`, skipping hidden ones and symlink loops.
pub(super) fn collect_dir(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut HashSet<FolderId>,
    errors: &mut Vec<LoadError>,
) {
    let Some(id) = FolderId::of(dir) else {
        return;
    };
    if !seen.insert(id) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(LoadError::new(dir, None, None, &e.to_string()));
            return;
        }
    };
    // The folder's listing says which entries are folders; only a link is looked up.
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let is_dir = match e.file_type() {
                Ok(kind) if kind.is_symlink() => e.path().is_dir(),
                Ok(kind) => kind.is_dir(),
                Err(_) => e.path().is_dir(),
            };
            Some((e.path(), is_dir))
        })
        .collect();
    paths.sort();
    for (path, is_dir) in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if is_dir {
            collect_dir(&path, files, seen, errors);
        } else {
            files.push(path);
        }
    }
}
