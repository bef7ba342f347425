//! Walking the folders a voter names: every file below, hidden ones and symlink loops left out,
//! and a link followed only where it resolves inside the folder named (a cloned repository's
//! `key.md -> ~/.ssh/id_ed25519` or `elections -> /` is no candidate and no way out).

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

/// What a walk of one folder the voter named finds.
pub(super) struct Walk<'a> {
    /// The folder named, resolved: where every link must lead to be followed.
    pub(super) root: PathBuf,
    /// The files found.
    pub(super) files: &'a mut Vec<PathBuf>,
    /// Links that lead out of `root`, with where they lead: not followed.
    pub(super) outside: &'a mut Vec<(PathBuf, PathBuf)>,
    /// Every folder walked already (by any route).
    pub(super) seen: &'a mut HashSet<NodeId>,
    /// Folders that could not be read.
    pub(super) errors: &'a mut Vec<LoadError>,
}

impl Walk<'_> {
    /// Collects the files under `dir`, skipping hidden ones, symlink loops and links that
    /// lead out of the root.
    pub(super) fn collect_dir(&mut self, dir: &Path) {
        let look = if cfg!(unix) {
            Some(std::fs::metadata(dir))
        } else {
            None
        };
        let meta = look.as_ref().and_then(|l| l.as_ref().ok());
        let Some(id) = NodeId::of(dir, meta) else {
            // Never dropped without a word: a folder deeper than a path can name, or gone.
            let why = match look {
                Some(Err(e)) => e.to_string(),
                _ => "cannot be looked at".to_string(),
            };
            self.errors.push(LoadError::new(dir, None, None, &why));
            return;
        };
        if !self.seen.insert(id) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.errors
                    .push(LoadError::new(dir, None, None, &e.to_string()));
                return;
            }
        };
        // The folder's listing says which entries are folders; only a link is looked up.
        let mut paths: Vec<(PathBuf, bool)> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                let is_dir = match e.file_type() {
                    Ok(kind) if kind.is_symlink() => match e.path().canonicalize() {
                        Ok(target) if !target.starts_with(&self.root) => {
                            self.outside.push((e.path(), target));
                            return None;
                        }
                        Ok(target) => target.is_dir(),
                        // A broken link is a file that cannot be read, and said so.
                        Err(_) => false,
                    },
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
                self.collect_dir(&path);
            } else {
                self.files.push(path);
            }
        }
    }
}
