//! What one folder of an election holds, and what the folder and its neighbours say of the
//! election: its metadata, README, results, ballot file, and its name where nothing else
//! gives one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{formats, read};
use crate::roster::RawElection;

/// A repository's `candidates/` folder of statements is one election, and the README
/// beside it says which: its title names the election and its text describes it.
/// With `on_disk`, a README not among the files loaded (the voter opened `candidates/`
/// itself) is read from beside the folder.
pub(super) fn adopt_parent_readmes(folders: &mut BTreeMap<PathBuf, Folder>, on_disk: bool) {
    let statement_folders: Vec<PathBuf> = folders
        .iter()
        .filter(|(path, f)| {
            path.file_name().is_some_and(|n| n == "candidates")
                && !f.statements.is_empty()
                && f.meta.is_none()
                && f.readme.is_none()
        })
        .map(|(path, _)| path.clone())
        .collect();
    for path in statement_folders {
        let Some(parent) = path.parent() else {
            continue;
        };
        let readme = match folders.get(parent) {
            Some(f) => f.readme.clone(),
            None if on_disk => read::read_file(&parent.join("README.md"))
                .ok()
                .map(|bytes| read::decode_lossy(bytes).0),
            None => None,
        };
        let ballots = folders.get(parent).and_then(|f| f.ballots.clone());
        if let Some(f) = folders.get_mut(&path) {
            if let Some(readme) = readme {
                f.description.get_or_insert_with(|| readme.clone());
                f.readme = Some(readme);
            }
            if f.ballots.is_none() {
                f.ballots = ballots;
            }
        }
    }
}

/// A file to load: its path, its bytes if they are in memory (`None`: read from disk when
/// it is parsed, so that a large roster is never held in memory twice, as bytes and as
/// candidates), and what a look at it found, if it was looked at (one look per file).
pub(super) struct Input {
    pub(super) path: PathBuf,
    pub(super) bytes: Option<Vec<u8>>,
    pub(super) meta: Option<std::fs::Metadata>,
}

/// Everything one folder holds.
#[derive(Default)]
pub(super) struct Folder {
    pub(super) meta: Option<RawElection>,
    /// Candidate YAML files, with their bytes when already in memory.
    pub(super) yaml: Vec<Input>,
    /// Statements in a published format, likewise.
    pub(super) statements: Vec<Input>,
    pub(super) readme: Option<String>,
    pub(super) results: Option<String>,
    pub(super) description: Option<String>,
    /// For a file of nominations: its election's name and the contest.
    pub(super) contest: Option<(String, String)>,
    /// The election's own ballot file, where it has one.
    pub(super) ballots: Option<formats::blt::BallotFile>,
}

impl Folder {
    /// `election.yaml` if there is one, else what the README says; results and the
    /// description are kept beside.
    pub(super) fn election_meta(&mut self) -> Option<RawElection> {
        if let Some((election, contest)) = self.contest.take() {
            // "OpenSSF 2024: TAC": the contest is part of what the voter reads everywhere.
            let project = election.split_whitespace().next().map(str::to_string);
            self.meta.get_or_insert_with(RawElection::default).name =
                Some(format!("{election}: {contest}"));
            let meta = self.meta.as_mut()?;
            meta.contest = Some(contest);
            if meta.project.is_none() && election.split_whitespace().count() > 1 {
                meta.project = project;
            }
        }
        let mut meta = self.meta.take().or_else(|| {
            let from_readme = self
                .readme
                .as_deref()
                .filter(|_| !self.statements.is_empty())
                .map(formats::kata_readme);
            from_readme.filter(|m| m.name.is_some())
        });
        if let Some(ballots) = self.ballots.take() {
            let meta = meta.get_or_insert_with(RawElection::default);
            meta.seats = meta.seats.or(Some(ballots.seats));
            meta.ballot_names = ballots.names;
        }
        // What the election is comes before how it ended.
        for (key, text) in [
            ("description", &self.description),
            ("results", &self.results),
        ] {
            if let Some(text) = text {
                meta.get_or_insert_with(RawElection::default).extra.push((
                    key.to_string(),
                    serde_yaml::Value::String(text.trim().to_string()),
                ));
            }
        }
        meta
    }
}

pub(super) fn folder_name(folder: &Path) -> String {
    folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "candidates".to_string())
}

/// A folder's name, with its parent's when it is as short as `TC` or `GB`, so that
/// `candidates/2026.1/TC` reads "2026.1 TC" rather than one of many "TC"s.
pub(super) fn default_election_name(folder: &Path) -> String {
    let name = folder_name(folder);
    // `<repository>/candidates` is the repository's election.
    if name == "candidates"
        && let Some(parent) = folder.parent().filter(|p| p.file_name().is_some())
    {
        return folder_name(parent);
    }
    match folder.parent().filter(|_| name.chars().count() <= 4) {
        Some(parent) if parent.file_name().is_some() => format!("{} {name}", folder_name(parent)),
        _ => name,
    }
}

/// `…/candidates/<cycle>/<group>`: the OpenStack cycle of a statement folder.
pub(super) fn openstack_cycle(folder: &Path) -> Option<String> {
    let cycle = folder.parent()?;
    (cycle.parent()?.file_name()? == "candidates").then(|| folder_name(cycle))
}
