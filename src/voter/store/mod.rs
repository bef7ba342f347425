//! The voter's notes and ranking on disk: one readable YAML file per election, written
//! atomically, guarded by a lock file, never overwritten when it cannot be read.
//!
//! A save writes a temporary file in the same folder, syncs it, renames it over the old one
//! and syncs the folder, so the file on disk is always the old version or the new one, whole.
//! The app holds each election's lock for its whole session: a second instance on the same
//! election finds the lock taken and opens it read-only. A command that only reads (and at
//! most saves a new order seed) takes a lock for the length of a save, and writes only when
//! the file is still as it read it.
//! A file that does not parse, or belongs to another election or format, is moved aside and
//! reported, and the voter starts afresh beside it.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

mod files;
pub mod texts;

use crate::load::read::voter_yaml as guarded_yaml;
pub use files::write_atomic;
use files::{aside_path, open_lock, prepare_dir, read_regular, sweep_temp_files};

use crate::roster::Roster;
use crate::voter::ballot::Ballot;
use crate::voter::place::Place;

/// The format line every ballot file starts with.
pub const FORMAT: &str = "hustings ballot 1";

/// A ballot file as stored.
#[derive(Debug, Serialize, Deserialize)]
struct BallotFile {
    format: String,
    /// The election's stable key.
    election: String,
    /// The election's name when last saved, for a reader of the file.
    #[serde(default)]
    name: String,
    #[serde(flatten)]
    ballot: Ballot,
}

/// The folder of the voter's data: `--data-dir`, else the platform's data directory.
pub fn data_dir(overridden: Option<&Path>) -> Option<PathBuf> {
    match overridden {
        Some(dir) => Some(dir.to_path_buf()),
        None => crate::folders::ours().map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

/// When a store takes an election's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locking {
    /// From the opening to the end of the session: the app, where the voter edits.
    Session,
    /// For the length of each save: a command, which holds no file open (a roster of
    /// hundreds of elections would hold hundreds) and leaves the elections free for the app.
    Save,
}

/// The voter's data for the elections of one roster.
pub struct Store {
    dir: PathBuf,
    /// Per election: how it may be written.
    guards: Vec<Guard>,
    /// The hashes of statements known to be kept as read (see [`texts`]).
    kept: Mutex<std::collections::BTreeSet<String>>,
}

/// How one election's ballot may be written.
enum Guard {
    /// Never, here: another instance holds it, or its file cannot be read or its lock taken.
    ReadOnly,
    /// At any time: its lock is held (and let go when the store is dropped).
    Held { _lock: File },
    /// Under its lock taken for the save, while its file still holds what was read (no file
    /// is `None`).
    Unchanged(Mutex<Option<Vec<u8>>>),
}

/// What opening the store found, besides the ballots.
#[derive(Debug, Default)]
pub struct Opened {
    /// One ballot per election of the roster.
    pub ballots: Vec<Ballot>,
    /// Per election: true when another instance has it and this one must not write.
    pub read_only: Vec<bool>,
    /// Things the voter must be told (files moved aside, elections read-only).
    pub notices: Vec<String>,
    /// Things worth knowing but not worth interrupting for (a shared folder, temporary
    /// files cleaned up).
    pub remarks: Vec<String>,
}

impl Store {
    /// Opens the data folder (creating it, 0700, if missing) and reads every election's
    /// ballot, taking its lock for the session. An election another instance holds, or whose
    /// lock cannot be taken safely (a read-only folder, a link in the lock's place), is read,
    /// read-only.
    pub fn open(dir: &Path, roster: &Roster) -> io::Result<(Store, Opened)> {
        Store::open_with(dir, roster, Locking::Session)
    }

    /// As [`Store::open`], taking the locks as `locking` says. A file that cannot be read is
    /// set aside only under its election's lock (a command takes it for that alone); where
    /// another instance holds it, the file is left as it is and the election is read-only.
    pub fn open_with(dir: &Path, roster: &Roster, locking: Locking) -> io::Result<(Store, Opened)> {
        let mut opened = Opened::default();
        opened.remarks.extend(prepare_dir(dir)?);
        let swept = sweep_temp_files(dir);
        if swept > 0 {
            opened.remarks.push(format!(
                "{swept} temporary file{} left by an interrupted save removed from {}",
                if swept == 1 { "" } else { "s" },
                dir.display()
            ));
        }
        let mut store = Store {
            dir: dir.to_path_buf(),
            kept: Mutex::default(),
            guards: Vec::new(),
        };
        let mut lock_failures: Vec<(String, String)> = Vec::new();
        for election in &roster.elections {
            let held = match locking {
                Locking::Save => None,
                Locking::Session => match store.try_lock(&election.key) {
                    Ok(Some(lock)) => Some(lock),
                    Ok(None) => {
                        opened.notices.push(format!(
                            "Another hustings has \"{}\" open: your notes and ranking for it are read-only here",
                            election.name
                        ));
                        None
                    }
                    Err(e) => {
                        lock_failures.push((election.name.clone(), e.to_string()));
                        None
                    }
                },
            };
            let mut read = store.read(&election.key, held.is_some());
            if locking == Locking::Save && !read.writable {
                // A bad file is set aside as the app would, under its lock taken for that.
                if let Ok(Some(_lock)) = store.try_lock(&election.key) {
                    read = store.read(&election.key, true);
                }
            }
            // What cannot be read must not be overwritten by the next save.
            let guard = match (held, locking) {
                _ if !read.writable => Guard::ReadOnly,
                (Some(lock), _) => Guard::Held { _lock: lock },
                (None, Locking::Save) => Guard::Unchanged(Mutex::new(read.bytes)),
                (None, Locking::Session) => Guard::ReadOnly,
            };
            opened.read_only.push(matches!(guard, Guard::ReadOnly));
            store.guards.push(guard);
            opened.notices.extend(read.notice);
            opened.ballots.push(read.ballot);
        }
        opened
            .notices
            .extend(lock_notices(dir, &lock_failures, roster.elections.len()));
        Ok((store, opened))
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.yaml"))
    }

    fn try_lock(&self, key: &str) -> io::Result<Option<File>> {
        let file = open_lock(&self.dir.join(format!("{key}.lock")))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }

    /// Reads one election's ballot; a bad file is moved aside (when `may_move`) and reported.
    fn read(&self, key: &str, may_move: bool) -> Read {
        let path = self.path(key);
        let fresh = |notice, writable| Read {
            ballot: Ballot::default(),
            notice,
            writable,
            bytes: None,
        };
        let bytes = match read_regular(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return fresh(None, true),
            Err(e) => {
                let notice = format!(
                    "{} cannot be read ({e}): it is left as it is, and your notes and ranking for this election are read-only",
                    path.display()
                );
                return fresh(Some(notice), false);
            }
        };
        let parsed = std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(guarded_yaml::<BallotFile>);
        let problem = match parsed {
            Ok(file) if file.format == FORMAT && file.election == key => {
                return Read {
                    ballot: file.ballot,
                    notice: None,
                    writable: true,
                    bytes: Some(bytes),
                };
            }
            Ok(file) if file.format != FORMAT => format!("unknown format \"{}\"", file.format),
            Ok(file) => format!("it belongs to election \"{}\"", file.election),
            Err(e) => e,
        };
        if !may_move {
            let notice = format!("{} cannot be read ({problem})", path.display());
            return fresh(Some(notice), false);
        }
        let aside = aside_path(&path);
        match fs::rename(&path, &aside) {
            Ok(()) => {
                let notice = format!(
                    "{} could not be read ({problem}); it was moved to {} and a new one started",
                    path.display(),
                    aside.display()
                );
                fresh(Some(notice), true)
            }
            Err(e) => {
                let notice = format!(
                    "{} could not be read ({problem}) nor moved aside ({e}): it is left as it is, and your notes and ranking for this election are read-only",
                    path.display()
                );
                fresh(Some(notice), false)
            }
        }
    }

    /// The voter's seed for candidate orders, kept in `voter.yaml`; made (and saved) on the
    /// first run. An unreadable file is set aside and a new seed made.
    pub fn voter_seed(&self) -> io::Result<u64> {
        let path = self.dir.join("voter.yaml");
        #[derive(Serialize, Deserialize)]
        struct VoterFile {
            seed: u64,
        }
        match read_regular(&path) {
            Ok(bytes) => {
                let parsed = String::from_utf8(bytes)
                    .ok()
                    .and_then(|text| guarded_yaml::<VoterFile>(&text).ok());
                match parsed {
                    Some(file) => return Ok(file.seed),
                    // Not UTF-8 or not ours: set aside, and a new seed made.
                    None => fs::rename(&path, aside_path(&path))?,
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let seed = crate::voter::order::fresh_seed();
        let text = serde_yaml::to_string(&VoterFile { seed }).map_err(io::Error::other)?;
        let header =
            "# The seed of your own candidate order in every election, kept by hustings.\n";
        write_atomic(&path, format!("{header}{text}").as_bytes())?;
        Ok(seed)
    }

    /// Where the voter was in roster `id` when they last quit; nothing when never saved or
    /// unreadable (a place is a convenience: a broken one is simply not restored).
    pub fn place(&self, id: &str) -> Option<Place> {
        let bytes = read_regular(&self.dir.join(format!("place-{id}.yaml"))).ok()?;
        guarded_yaml(std::str::from_utf8(&bytes).ok()?).ok()
    }

    /// Keeps where the voter is in roster `id`, atomically.
    pub fn save_place(&self, id: &str, place: &Place) -> io::Result<()> {
        let text = serde_yaml::to_string(place).map_err(io::Error::other)?;
        let header = "# Where you were when you last quit this roster, kept by hustings.\n";
        write_atomic(
            &self.dir.join(format!("place-{id}.yaml")),
            format!("{header}{text}").as_bytes(),
        )
    }

    /// Keeps the statements the voter read, as (hash, text), for a later diff; says how many
    /// were new here.
    pub fn keep_texts(&self, texts: &[(&str, &str)]) -> io::Result<usize> {
        let mut known = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        texts::keep(&self.dir, texts, &mut known)
    }

    /// Whether the version `hash` is known to be kept (written or found by this store).
    pub fn has_text(&self, hash: &str) -> bool {
        self.kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(hash)
    }

    /// The kept versions of `hashes` that read back whole.
    pub fn texts_read(&self, hashes: &[&str]) -> std::collections::BTreeMap<String, String> {
        texts::read(&self.dir, hashes)
    }

    /// Whether election `index` is held by another instance (or cannot be written here).
    pub fn is_read_only(&self, index: usize) -> bool {
        self.guards
            .get(index)
            .is_none_or(|g| matches!(g, Guard::ReadOnly))
    }

    /// Saves election `index`'s ballot atomically; refuses when it is read-only here, and,
    /// for a store that locks for each save, when another instance holds the election or its
    /// file changed since it was read.
    pub fn save(&self, index: usize, key: &str, name: &str, ballot: &Ballot) -> io::Result<()> {
        let taken = || {
            io::Error::new(
                io::ErrorKind::PermissionDenied,
                "another hustings has this election open",
            )
        };
        let seen = match self.guards.get(index) {
            None | Some(Guard::ReadOnly) => {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "this election is read-only here: another hustings has it open, or its ballot file could not be read when it opened",
                ));
            }
            Some(Guard::Held { .. }) => None,
            Some(Guard::Unchanged(seen)) => Some(seen),
        };
        let Some(seen) = seen else {
            return self.write(key, name, ballot).map(drop);
        };
        let _lock = self.try_lock(key)?.ok_or_else(taken)?;
        let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
        let now = match read_regular(&self.path(key)) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if now != *seen {
            return Err(io::Error::other(
                "another hustings changed this election's file since it was read; it is left as it is",
            ));
        }
        *seen = Some(self.write(key, name, ballot)?);
        Ok(())
    }

    /// Writes election `key`'s ballot file; returns what it wrote.
    fn write(&self, key: &str, name: &str, ballot: &Ballot) -> io::Result<Vec<u8>> {
        let file = BallotFile {
            format: FORMAT.to_string(),
            election: key.to_string(),
            name: name.to_string(),
            ballot: ballot.clone(),
        };
        let text = serde_yaml::to_string(&file).map_err(io::Error::other)?;
        let header = "# Your notes and ranking for one election, kept by hustings.\n";
        let bytes = format!("{header}{text}").into_bytes();
        write_atomic(&self.path(key), &bytes)?;
        Ok(bytes)
    }
}

/// One election's ballot as read, with what its reading found.
struct Read {
    ballot: Ballot,
    /// What the voter must be told of the file.
    notice: Option<String>,
    /// Whether a save may take the file's place: not when it is there but could not be
    /// read (permissions, a folder in its place) nor set aside, so that no save overwrites it.
    writable: bool,
    /// The file's bytes, when it was read whole and is the election's.
    bytes: Option<Vec<u8>>,
}

/// What the voter hears of locks that could not be taken: once for the whole folder when
/// every election failed alike (a read-only folder), else once per election.
fn lock_notices(dir: &Path, failures: &[(String, String)], elections: usize) -> Vec<String> {
    let Some((_, first)) = failures.first() else {
        return Vec::new();
    };
    if failures.len() == elections && failures.iter().all(|(_, e)| e == first) {
        return vec![format!(
            "{} cannot be written ({first}): your notes and ranking are shown, read-only, and nothing is saved",
            dir.display()
        )];
    }
    failures
        .iter()
        .map(|(name, e)| {
            format!("The lock for \"{name}\" cannot be taken ({e}): its notes and ranking are read-only here")
        })
        .collect()
}

#[cfg(test)]
mod size_tests;
#[cfg(test)]
mod tests;
