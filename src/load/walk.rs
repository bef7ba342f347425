//! Walking the folders a voter names: every file below, hidden ones and symlink loops left out.

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use crate::roster::LoadError;

/// What is the same for every route to one file or folder: its device and inode (one
/// look-up, where resolving each link of its path takes one per folder), else its resolved
/// path.
#[derive(Hash, PartialEq, Eq)]
pub(super) enum NodeId {
    #[cfg(unix)]
    Node(u64, u64),
    Path(PathBuf),
}

impl NodeId {
    /// The identity of `path`, from what a look at it found (`meta`), else from its resolved
    /// path; `None` if neither can be had.
    pub(super) fn of(path: &Path, meta: Option<&Metadata>) -> Option<NodeId> {
        #[cfg(unix)]
        if let Some(meta) = meta {
            use std::os::unix::fs::MetadataExt;
            return Some(NodeId::Node(meta.dev(), meta.ino()));
        }
        #[cfg(not(unix))]
        let _ = meta;
        path.canonicalize().ok().map(NodeId::Path)
    }
}

/// Collects the files under `dir`, skipping hidden ones and symlink loops.
pub(super) fn collect_dir(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut HashSet<NodeId>,
    errors: &mut Vec<LoadError>,
) {
    let look = if cfg!(unix) {
        std::fs::metadata(dir).ok()
    } else {
        None
    };
    let Some(id) = NodeId::of(dir, look.as_ref()) else {
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
    // In path order: entries of one folder differ in their names alone, compared as bytes
    // (comparing whole paths parses every component of both, again and again).
    paths.sort_by(|(a, _), (b, _)| a.file_name().cmp(&b.file_name()));
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
