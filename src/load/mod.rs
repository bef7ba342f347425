//! Loading candidate YAML from files, folders or the roster built into the binary.
//!
//! A broken file becomes a [`LoadError`] naming the file, line and column; every other file
//! still loads.

pub mod classify;
pub mod document;
pub mod finder;
mod folder;
pub mod formats;
pub mod guard;
mod identity;
mod job;
mod questions;
pub mod read;
mod settle;
mod walk;
mod yaml;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cache::Stamp;
use crate::roster::{Election, LoadError, RawElection, Roster, Source};
use crate::text::sanitize::sanitize_line;
use classify::Kind;
use folder::{
    Folder, Input, adopt_parent_readmes, default_election_name, folder_name, openstack_cycle,
};
use formats::OpenStackName;
use job::{Job, Loaded, StatementContext};

/// The shipped `candidates/`, compiled in so the app opens something real anywhere.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "candidates/kata-ac-2022-03/election.yaml",
        include_str!("../../candidates/kata-ac-2022-03/election.yaml"),
    ),
    (
        "candidates/kata-ac-2022-03/tao-peng.yaml",
        include_str!("../../candidates/kata-ac-2022-03/tao-peng.yaml"),
    ),
    (
        "candidates/kata-ac-2024-04/election.yaml",
        include_str!("../../candidates/kata-ac-2024-04/election.yaml"),
    ),
    (
        "candidates/kata-ac-2024-04/anastassios-nanos.yaml",
        include_str!("../../candidates/kata-ac-2024-04/anastassios-nanos.yaml"),
    ),
];

/// A file [`files_of`] found, with what its look found.
pub struct Found {
    /// The file.
    pub path: PathBuf,
    meta: Option<std::fs::Metadata>,
    /// Where the file leads when it is a link out of the folder named: not read.
    leads_to: Option<PathBuf>,
}

impl Roster {
    /// Loads the roster compiled into the binary.
    pub fn embedded() -> (Roster, Vec<LoadError>) {
        Roster::from_memory(EMBEDDED, Source::Embedded)
    }

    /// Loads `(path, text)` pairs as if they were files at those paths.
    pub fn from_memory(files: &[(&str, &str)], source: Source) -> (Roster, Vec<LoadError>) {
        let inputs = files
            .iter()
            .map(|(path, text)| Input {
                path: PathBuf::from(path),
                bytes: Some(text.as_bytes().to_vec()),
                meta: None,
            })
            .collect();
        Roster::from_inputs(inputs, source)
    }

    /// Loads YAML files and folders (recursively). Each folder of candidates is an election.
    pub fn load_paths(paths: &[PathBuf]) -> (Roster, Vec<LoadError>) {
        let (files, errors) = files_of(paths);
        Roster::load_files(paths, files, errors)
    }

    /// Loads `files` (as [`files_of`] found them under `paths`, with its `errors`).
    pub fn load_files(
        paths: &[PathBuf],
        files: Vec<Found>,
        errors: Vec<LoadError>,
    ) -> (Roster, Vec<LoadError>) {
        Roster::load_files_counted(paths, files, errors, &Progress::default(), None)
    }

    /// As [`Roster::load_files`], counting the files parsed in `progress` as it goes, for a
    /// voter waiting on a large roster; with a `cache` folder, a file parsed before and
    /// unchanged since is taken from there (see [`crate::cache`]).
    pub fn load_files_counted(
        paths: &[PathBuf],
        files: Vec<Found>,
        mut errors: Vec<LoadError>,
        progress: &Progress,
        cache: Option<&Path>,
    ) -> (Roster, Vec<LoadError>) {
        let (outside, files): (Vec<Found>, Vec<Found>) =
            files.into_iter().partition(|f| f.leads_to.is_some());
        let inputs = files
            .into_iter()
            .map(|f| Input {
                path: f.path,
                bytes: None,
                meta: f.meta,
            })
            .collect();
        let (mut roster, mut more) =
            Roster::from_inputs_counted(inputs, Source::Paths(paths.to_vec()), progress, cache);
        errors.append(&mut more);
        for f in outside {
            let target = f.leads_to.unwrap_or_default();
            roster.skipped.push((
                sanitize_line(&f.path.display().to_string()).text,
                format!(
                    "a link to {}, outside the folder opened: not followed",
                    sanitize_line(&target.display().to_string()).text
                ),
            ));
        }
        (roster, errors)
    }

    /// Parses every input; files are grouped into elections by their folder.
    fn from_inputs(inputs: Vec<Input>, source: Source) -> (Roster, Vec<LoadError>) {
        Roster::from_inputs_counted(inputs, source, &Progress::default(), None)
    }

    /// As `from_inputs`, counting the files parsed in `progress`.
    fn from_inputs_counted(
        inputs: Vec<Input>,
        source: Source,
        progress: &Progress,
        cache: Option<&Path>,
    ) -> (Roster, Vec<LoadError>) {
        let mut errors = Vec::new();
        let mut skipped = Vec::new();
        let mut warnings = Vec::new();
        // OpenStack's results name candidates by e-mail, per cycle folder.
        let mut openstack: HashMap<String, HashMap<String, OpenStackName>> = HashMap::new();
        // Ordered by path for a stable roster.
        let mut folders: BTreeMap<PathBuf, Folder> = BTreeMap::new();
        let mut run: Option<(PathBuf, Vec<Input>)> = None;
        let mut others = Vec::new();
        for input in inputs {
            let path = &input.path;
            let why = match &input.meta {
                Some(meta) => read::not_regular(meta),
                None => read::not_a_regular_file(path),
            };
            if let (None, Some(why)) = (&input.bytes, why) {
                skipped.push((
                    sanitize_line(&path.display().to_string()).text,
                    why.to_string(),
                ));
                continue;
            }
            let kind = classify::classify(path);
            let parent = path.parent().unwrap_or(Path::new(""));
            if let Kind::NotCandidate(reason) = kind {
                skipped.push((
                    sanitize_line(&path.display().to_string()).text,
                    reason.to_string(),
                ));
                continue;
            }
            // Candidates are read by the parsing jobs, on all cores, one file at a time.
            match kind {
                Kind::CandidateYaml => {
                    // A folder's files come one after another: a run of them is put in
                    // its folder at once (a long path compared with every folder's, for
                    // each of ten thousand files, was a tenth of a warm load).
                    match &mut run {
                        Some((at, inputs)) if at == parent => inputs.push(input),
                        _ => {
                            let folder = parent.to_path_buf();
                            if let Some((at, inputs)) = run.replace((folder, vec![input])) {
                                folders.entry(at).or_default().yaml.extend(inputs);
                            }
                        }
                    }
                    continue;
                }
                Kind::Statement => {
                    let folder = parent.to_path_buf();
                    // A file of nominations for one contest is an election of its own.
                    let contest = path
                        .file_name()
                        .and_then(|n| formats::contest(&n.to_string_lossy()));
                    let group = match (&contest, path.file_stem()) {
                        (Some(_), Some(stem)) => folder.join(stem),
                        _ => folder,
                    };
                    let entry = folders.entry(group).or_default();
                    entry.contest = contest;
                    entry.statements.push(input);
                    continue;
                }
                _ => {}
            }
            let folder = parent.to_path_buf();
            others.push((input, kind, folder));
        }
        // An election's own files (its metadata, README, results) are read and parsed on
        // every core, then put in their folders in order.
        let others = crate::parallel::map_min(others, 16, |(input, kind, folder)| {
            let path = input.path;
            let read = input
                .bytes
                .map_or_else(|| read::read_file(&path), Ok)
                .and_then(|bytes| match kind {
                    Kind::ElectionYaml => read::decode_strict(&path, bytes).map(|t| (t, None)),
                    _ => Ok(read::decode_lossy(bytes)),
                });
            let election = match (&read, kind) {
                (Ok((text, _)), Kind::ElectionYaml) => Some(parse_election(&path, text)),
                _ => None,
            };
            (path, kind, folder, read, election)
        });
        for (path, kind, folder, read, election) in others {
            let (text, warning) = match read {
                Ok(read) => read,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Some(w) = warning {
                warnings.push(LoadError::new(&path, None, None, &w));
            }
            let entry = folders.entry(folder.clone()).or_default();
            match kind {
                Kind::ElectionYaml => match election {
                    Some(Ok(election)) => entry.meta = Some(election),
                    Some(Err(e)) => errors.push(e),
                    None => {}
                },
                Kind::OpenStackResults => {
                    let cycle = folder_name(&folder);
                    match formats::openstack_names(&text) {
                        Ok(names) => {
                            openstack.insert(cycle, names);
                        }
                        // Said, never silently dropped: the statements load by e-mail.
                        Err(problem) => warnings.push(LoadError::new(
                            &path,
                            problem.line,
                            problem.column,
                            &format!(
                                "the results could not be read ({}): this cycle's candidates are named by their e-mail",
                                problem.message
                            ),
                        )),
                    }
                }
                Kind::Readme => entry.readme = Some(text),
                Kind::Ballots => entry.ballots = formats::blt::read(&text),
                Kind::Results => entry.results = Some(text),
                Kind::Description => entry.description = Some(text),
                Kind::CandidateYaml | Kind::Statement | Kind::NotCandidate(_) => {}
            }
        }
        if let Some((at, inputs)) = run {
            folders.entry(at).or_default().yaml.extend(inputs);
        }
        let mut roster = Roster {
            elections: Vec::new(),
            candidates: Vec::new(),
            source,
            skipped,
            warnings,
            readings: Vec::new(),
        };
        adopt_parent_readmes(&mut folders, matches!(roster.source, Source::Paths(_)));
        // Per election: whether only its folder names it (a file's title may do better).
        let mut named_by_folder = Vec::new();
        // Every file becomes a job; jobs are parsed on all cores, then put back in order.
        let mut jobs: Vec<Job> = Vec::new();
        for (folder, mut f) in folders {
            if f.yaml.is_empty() && f.statements.is_empty() {
                continue;
            }
            // One folder's files: in path order is in order of their names.
            f.yaml
                .sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
            f.statements
                .sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
            let index = roster.elections.len();
            let meta = f.election_meta();
            let hint = meta.as_ref().and_then(|m| m.read.clone());
            named_by_folder.push(meta.as_ref().is_none_or(|m| m.name.is_none()));
            roster.elections.push(Election::new(
                folder.display().to_string(),
                &default_election_name(&folder),
                meta,
            ));
            let context = std::sync::Arc::new(StatementContext {
                openstack: openstack_cycle(&folder).and_then(|cycle| openstack.remove(&cycle)),
                listed: f
                    .readme
                    .as_deref()
                    .map(formats::readme_listing)
                    .unwrap_or_default(),
                hint,
            });
            let fingerprint = if f.statements.is_empty() {
                0
            } else {
                context.fingerprint()
            };
            jobs.extend(f.yaml.into_iter().map(|input| Job {
                election: index,
                stamp: input.meta.as_ref().map(Stamp::of_meta),
                path: input.path,
                bytes: input.bytes,
                statement: None,
                context: 0,
            }));
            jobs.extend(f.statements.into_iter().map(|input| Job {
                election: index,
                stamp: input.meta.as_ref().map(Stamp::of_meta),
                path: input.path,
                bytes: input.bytes,
                statement: Some(context.clone()),
                context: fingerprint,
            }));
        }
        progress.total.store(jobs.len(), Ordering::Relaxed);
        let parsed = job::run_all(jobs, &progress.done, cache);
        // Room for every candidate at once: a roster grown by doubling copies them all again.
        let count = parsed
            .iter()
            .map(|(result, _)| result.as_ref().map_or(0, |l| l.candidates.len()))
            .sum();
        roster.candidates.reserve_exact(count);
        let mut placed = Vec::new();
        for (result, warning) in parsed {
            match result {
                Ok(Loaded {
                    election,
                    path,
                    candidates,
                    title,
                    account,
                }) => {
                    if let Some(title) = title.filter(|_| named_by_folder[election]) {
                        named_by_folder[election] = false;
                        let e = &mut roster.elections[election];
                        e.name = sanitize_line(&title).text;
                        e.short_name = e.name.clone();
                        e.key = crate::roster::slug(&title);
                    }
                    placed.push(settle::Placed {
                        election,
                        path,
                        candidates: candidates.len(),
                        account,
                    });
                    roster.candidates.extend(candidates);
                }
                Err(e) => errors.push(e),
            }
            roster.warnings.extend(warning);
        }
        settle::settle(&mut roster, placed, &mut named_by_folder);
        // Two folders can describe elections of the same name (a sample and the real one):
        // the voter's files must not be shared, so a repeated key takes its folder's name.
        let mut keys = HashSet::new();
        for election in &mut roster.elections {
            if !keys.insert(election.key.clone()) {
                let folder = Path::new(&election.folder);
                let parent = folder.parent().map(folder_name).unwrap_or_default();
                election.key = crate::roster::slug(&format!(
                    "{} {parent} {}",
                    election.key,
                    folder_name(folder)
                ));
                keys.insert(election.key.clone());
            }
        }
        // An election all of whose files failed is no election: drop it, keep indices right.
        let mut used = vec![false; roster.elections.len()];
        for c in &roster.candidates {
            used[c.election] = true;
        }
        let mut remap = vec![0; roster.elections.len()];
        let mut kept = Vec::new();
        for (i, election) in roster.elections.drain(..).enumerate() {
            if used[i] {
                remap[i] = kept.len();
                kept.push(election);
            }
        }
        // In the order they took place (by their dates, else a year or release named by the
        // folder; undated ones last), not as their folder names sort: 2024.1 after antelope.
        let mut order: Vec<usize> = (0..kept.len()).collect();
        order.sort_by_cached_key(|&i| {
            let when = crate::roster::dates::approximate(&kept[i]);
            (when.is_none(), when, i)
        });
        let mut position = vec![0; kept.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        let mut slots: Vec<Option<Election>> = kept.into_iter().map(Some).collect();
        roster.elections = order.iter().filter_map(|&old| slots[old].take()).collect();
        for c in &mut roster.candidates {
            c.election = position[remap[c.election]];
        }
        roster.candidates.sort_by_key(|c| c.election);
        let mut warnings = identity::assign(&mut roster.candidates);
        roster.warnings.append(&mut warnings);
        questions::gather(&mut roster);
        (roster, errors)
    }
}

/// How far a load has got: files parsed, of how many (set once they are known).
#[derive(Debug, Default)]
pub struct Progress {
    /// Files parsed so far.
    pub done: AtomicUsize,
    /// Files to parse; 0 until known.
    pub total: AtomicUsize,
}

/// Every file a load of `paths` reads: the files named, and those below the folders named
/// (recursively, hidden ones, symlink loops and links that lead out of the folder named left
/// out), each once; and the paths that could not be read. A link that leads out is found as
/// a file with where it leads, for the load to list as skipped.
pub fn files_of(paths: &[PathBuf]) -> (Vec<Found>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut outside = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                // The folder named is the root, wherever a link to it leads.
                let root = path.canonicalize().unwrap_or_else(|_| path.clone());
                walk::Walk {
                    root,
                    files: &mut files,
                    outside: &mut outside,
                    seen: &mut seen,
                    errors: &mut errors,
                }
                .collect_dir(path)
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.push(LoadError::new(path, None, None, &e.to_string())),
        }
    }
    // The same file named twice (or by two routes) is one candidate, not two. The look
    // that tells is the only one a file gets: the load and the cache use what it found.
    let found = crate::parallel::map(files, |path| {
        let meta = std::fs::metadata(&path).ok();
        let id = walk::NodeId::of(&path, meta.as_ref())
            .unwrap_or_else(|| walk::NodeId::Path(path.clone()));
        (
            Found {
                path,
                meta,
                leads_to: None,
            },
            id,
        )
    });
    let mut unique = HashSet::new();
    let mut files: Vec<Found> = found
        .into_iter()
        .filter_map(|(f, id)| unique.insert(id).then_some(f))
        .collect();
    files.extend(outside.into_iter().map(|(path, target)| Found {
        path,
        meta: None,
        leads_to: Some(target),
    }));
    (files, errors)
}

fn parse_election(path: &Path, text: &str) -> Result<RawElection, LoadError> {
    // Elekto's election.yaml has its own keys (start_datetime, no_winners, …).
    if let Ok(value) = read::yaml::<serde_yaml::Value>(path, text)
        && let Some(election) = formats::elekto_election(value)
    {
        return Ok(election);
    }
    read::yaml(path, text)
}

#[cfg(test)]
mod cache_tests;
#[cfg(test)]
mod tests;
