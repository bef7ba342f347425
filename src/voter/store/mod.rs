//! The voter's notes and ranking on disk: one readable YAML file per election, written
//! atomically, guarded by a lock file, never overwritten when it cannot be read.
//!
//! A save writes a temporary file in the same folder, syncs it, renames it over the old one
//! and syncs the folder, so the file on disk is always the old version or the new one, whole.
//! A second instance on the same election finds the lock taken and opens it read-only.
//! A file that does not parse, or belongs to another election or format, is moved aside and
//! reported, and the voter starts afresh beside it.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod files;

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
        None => directories::ProjectDirs::from("", "", "hustings")
            .map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

/// The voter's data for the elections of one roster.
pub struct Store {
    dir: PathBuf,
    /// Per election: the held lock, or `None` when another instance holds it.
    locks: Vec<Option<File>>,
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
    /// ballot, taking its lock. An election another instance holds, or whose lock cannot be
    /// taken safely (a read-only folder, a link in the lock's place), is read, read-only.
    pub fn open(dir: &Path, roster: &Roster) -> io::Result<(Store, Opened)> {
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
            locks: Vec::new(),
        };
        let mut lock_failures: Vec<(String, String)> = Vec::new();
        for election in &roster.elections {
            let held = match store.try_lock(&election.key) {
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
            };
            let read_only = held.is_none();
            store.locks.push(held);
            opened.read_only.push(read_only);
            let (ballot, notice, unreadable) = store.read(&election.key, !read_only);
            opened.notices.extend(notice);
            if unreadable && !read_only {
                // What cannot be read must not be overwritten by the next save.
                *opened.read_only.last_mut().expect("pushed above") = true;
                *store.locks.last_mut().expect("pushed above") = None;
            }
            opened.ballots.push(ballot);
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
    /// The flag says the file is there but cannot be read at all (permissions, a folder in
    /// its place): the election must then stay read-only, so no save overwrites it.
    fn read(&self, key: &str, may_move: bool) -> (Ballot, Option<String>, bool) {
        let path = self.path(key);
        let text = match read_regular(&path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|e| e.to_string()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return (Ballot::default(), None, false);
            }
            Err(e) => {
                let notice = format!(
                    "{} cannot be read ({e}): it is left as it is, and your notes and ranking for this election are read-only",
                    path.display()
                );
                return (Ballot::default(), Some(notice), true);
            }
        };
        let parsed = text
            .and_then(|text| serde_yaml::from_str::<BallotFile>(&text).map_err(|e| e.to_string()));
        let problem = match parsed {
            Ok(file) if file.format == FORMAT && file.election == key => {
                return (file.ballot, None, false);
            }
            Ok(file) if file.format != FORMAT => format!("unknown format \"{}\"", file.format),
            Ok(file) => format!("it belongs to election \"{}\"", file.election),
            Err(e) => e,
        };
        if !may_move {
            return (
                Ballot::default(),
                Some(format!("{} cannot be read ({problem})", path.display())),
                false,
            );
        }
        let aside = aside_path(&path);
        let moved = fs::rename(&path, &aside);
        let notice = match moved {
            Ok(()) => format!(
                "{} could not be read ({problem}); it was moved to {} and a new one started",
                path.display(),
                aside.display()
            ),
            Err(e) => format!(
                "{} could not be read ({problem}) nor moved aside ({e})",
                path.display()
            ),
        };
        (Ballot::default(), Some(notice), false)
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
                    .and_then(|text| serde_yaml::from_str::<VoterFile>(&text).ok());
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
        serde_yaml::from_str(std::str::from_utf8(&bytes).ok()?).ok()
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

    /// Whether election `index` is held by another instance.
    pub fn is_read_only(&self, index: usize) -> bool {
        self.locks.get(index).is_none_or(Option::is_none)
    }

    /// Saves election `index`'s ballot atomically; refuses when it is read-only here.
    pub fn save(&self, index: usize, key: &str, name: &str, ballot: &Ballot) -> io::Result<()> {
        if self.is_read_only(index) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "another hustings has this election open",
            ));
        }
        let file = BallotFile {
            format: FORMAT.to_string(),
            election: key.to_string(),
            name: name.to_string(),
            ballot: ballot.clone(),
        };
        let text = serde_yaml::to_string(&file).map_err(io::Error::other)?;
        let header = "# Your notes and ranking for one election, kept by hustings.\n";
        write_atomic(&self.path(key), format!("{header}{text}").as_bytes())
    }
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
mod tests;
