//! The texts a shelf keeps beside its entries, read when first asked for: a warm load
//! knows every candidate's name without reading a word of their statements.

use std::cell::RefCell;
use std::fs;
use std::path::PathBuf;

use super::file::{open_regular, since_epoch};
use crate::roster::text::{Shelf, hash};

/// A shelf whose texts wait to be read, as it was when its entries were read.
pub(super) struct Kept {
    path: PathBuf,
    identity: Identity,
    /// What its texts were hashed with.
    seed: u64,
}

/// What tells one shelf file from another that took its place: a shelf is replaced whole
/// (a new file renamed over it), never written in place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Identity {
    len: u64,
    device: u64,
    inode: u64,
    modified_ns: u128,
}

impl Identity {
    pub(super) fn of(meta: &fs::Metadata) -> Identity {
        #[cfg(unix)]
        let (device, inode) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (device, inode) = (0, 0);
        Identity {
            len: meta.len(),
            device,
            inode,
            modified_ns: meta.modified().map_or(0, since_epoch),
        }
    }
}

impl Kept {
    pub(super) fn new(path: PathBuf, identity: Identity, seed: u64) -> Self {
        Kept {
            path,
            identity,
            seed,
        }
    }
}

thread_local! {
    // The shelf this thread last read texts from, left open: a search reads the texts of one
    // folder after another, and a statement shown needs no second open of its shelf.
    static OPEN: RefCell<Option<(PathBuf, Identity, fs::File)>> = const { RefCell::new(None) };
}

impl Shelf for Kept {
    fn fetch(&self, at: u64, len: u64, expected: u128, into: &mut Vec<u8>) -> bool {
        let fits = at
            .checked_add(len)
            .is_some_and(|end| end <= self.identity.len);
        let Ok(size) = usize::try_from(len) else {
            return false;
        };
        if !fits {
            return false;
        }
        OPEN.with_borrow_mut(|open| {
            let same = |(path, identity, _): &(PathBuf, Identity, fs::File)| {
                *path == self.path && *identity == self.identity
            };
            if !open.as_ref().is_some_and(same) {
                *open = open_regular(&self.path)
                    .map(|(file, meta)| (self.path.clone(), Identity::of(&meta), file))
                    .filter(same);
            }
            let Some((_, _, file)) = open.as_ref() else {
                return false;
            };
            into.resize(size, 0);
            read_at(file, into, at) && hash(self.seed, into) == expected
        })
    }
}

#[cfg(unix)]
fn read_at(file: &fs::File, into: &mut [u8], at: u64) -> bool {
    std::os::unix::fs::FileExt::read_exact_at(file, into, at).is_ok()
}

#[cfg(not(unix))]
fn read_at(mut file: &fs::File, into: &mut [u8], at: u64) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(at)).is_ok() && file.read_exact(into).is_ok()
}
