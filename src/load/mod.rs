//! Loading candidate YAML from files, folders or the roster built into the binary.
//!
//! A broken file becomes a [`LoadError`] naming the file, line and column; every other file
//! still loads.

pub mod classify;
pub mod formats;
pub mod guard;
pub mod read;
mod yaml;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::roster::{Candidate, Election, LoadError, RawCandidate, RawElection, Roster, Source};
use crate::text::sanitize::sanitize_line;
use classify::Kind;
use formats::OpenStackName;
use yaml::CandidateDoc;

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

/// A file's bytes, or why they could not be read.
/// `None` means "read it from disk when it is parsed", so a large roster is never held in
/// memory twice, as bytes and as candidates.
type Input = (PathBuf, Option<std::io::Result<Vec<u8>>>);

impl Roster {
    /// Loads the roster compiled into the binary.
    pub fn embedded() -> (Roster, Vec<LoadError>) {
        Roster::from_memory(EMBEDDED, Source::Embedded)
    }

    /// Loads `(path, text)` pairs as if they were files at those paths.
    pub fn from_memory(files: &[(&str, &str)], source: Source) -> (Roster, Vec<LoadError>) {
        let inputs = files
            .iter()
            .map(|(path, text)| (PathBuf::from(path), Some(Ok(text.as_bytes().to_vec()))))
            .collect();
        Roster::from_inputs(inputs, source)
    }

    /// Loads YAML files and folders (recursively). Each folder of candidates is an election.
    pub fn load_paths(paths: &[PathBuf]) -> (Roster, Vec<LoadError>) {
        let mut errors = Vec::new();
        let mut files = Vec::new();
        let mut seen = HashSet::new();
        for path in paths {
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => collect_dir(path, &mut files, &mut seen, &mut errors),
                Ok(_) => files.push(path.clone()),
                Err(e) => errors.push(LoadError::new(path, None, None, &e.to_string())),
            }
        }
        // The same file named twice (or by two routes) is one candidate, not two.
        let mut unique = HashSet::new();
        files.retain(|f| unique.insert(f.canonicalize().unwrap_or_else(|_| f.clone())));
        let inputs = files.into_iter().map(|path| (path, None)).collect();
        let (roster, mut more) = Roster::from_inputs(inputs, Source::Paths(paths.to_vec()));
        errors.append(&mut more);
        (roster, errors)
    }

    /// Parses every input; files are grouped into elections by their folder.
    fn from_inputs(inputs: Vec<Input>, source: Source) -> (Roster, Vec<LoadError>) {
        let mut errors = Vec::new();
        let mut skipped = Vec::new();
        let mut warnings = Vec::new();
        // OpenStack's results name candidates by e-mail, per cycle folder.
        let mut openstack: HashMap<String, HashMap<String, OpenStackName>> = HashMap::new();
        // Ordered by path for a stable roster.
        let mut folders: BTreeMap<PathBuf, Folder> = BTreeMap::new();
        for (path, bytes) in inputs {
            let kind = classify::classify(&path);
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
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
                    folders.entry(folder).or_default().yaml.push((path, bytes));
                    continue;
                }
                Kind::Statement => {
                    folders
                        .entry(folder)
                        .or_default()
                        .statements
                        .push((path, bytes));
                    continue;
                }
                _ => {}
            }
            let bytes = match bytes.unwrap_or_else(|| std::fs::read(&path)) {
                Ok(bytes) => bytes,
                Err(e) => {
                    errors.push(LoadError::new(&path, None, None, &e.to_string()));
                    continue;
                }
            };
            let text = if kind == Kind::ElectionYaml {
                match decode(&path, bytes) {
                    Ok(text) => text,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                }
            } else {
                let (text, warning) = read::decode_lossy(bytes);
                if let Some(w) = warning {
                    warnings.push(LoadError::new(&path, None, None, &w));
                }
                text
            };
            let entry = folders.entry(folder.clone()).or_default();
            match kind {
                Kind::ElectionYaml => match parse_election(&path, &text) {
                    Ok(election) => entry.meta = Some(election),
                    Err(e) => errors.push(e),
                },
                Kind::OpenStackResults => {
                    let cycle = folder_name(&folder);
                    openstack.insert(cycle, formats::openstack_names(&text));
                }
                Kind::Readme => entry.readme = Some(text),
                Kind::Results => entry.results = Some(text),
                Kind::Description => entry.description = Some(text),
                Kind::CandidateYaml | Kind::Statement | Kind::NotCandidate(_) => {}
            }
        }
        let mut roster = Roster {
            elections: Vec::new(),
            candidates: Vec::new(),
            source,
            skipped,
            warnings,
        };
        // Every file becomes a job; jobs are parsed on all cores, then put back in order.
        let mut jobs: Vec<Job> = Vec::new();
        for (folder, mut f) in folders {
            if f.yaml.is_empty() && f.statements.is_empty() {
                continue;
            }
            f.yaml.sort_by(|a, b| a.0.cmp(&b.0));
            f.statements.sort_by(|a, b| a.0.cmp(&b.0));
            let index = roster.elections.len();
            let meta = f.election_meta();
            roster.elections.push(Election::new(
                folder.display().to_string(),
                &default_election_name(&folder),
                meta,
            ));
            let names = openstack_cycle(&folder).and_then(|cycle| openstack.remove(&cycle));
            let names = names.map(std::sync::Arc::new);
            jobs.extend(f.yaml.into_iter().map(|(path, bytes)| Job {
                election: index,
                path,
                bytes,
                statement: None,
            }));
            jobs.extend(f.statements.into_iter().map(|(path, bytes)| Job {
                election: index,
                path,
                bytes,
                statement: Some(names.clone()),
            }));
        }
        for (result, warning) in crate::parallel::map(jobs, Job::run) {
            match result {
                Ok(candidates) => roster.candidates.extend(candidates),
                Err(e) => errors.push(e),
            }
            roster.warnings.extend(warning);
        }
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
        let used: HashSet<usize> = roster.candidates.iter().map(|c| c.election).collect();
        let mut remap = vec![0; roster.elections.len()];
        let mut kept = Vec::new();
        for (i, election) in roster.elections.drain(..).enumerate() {
            if used.contains(&i) {
                remap[i] = kept.len();
                kept.push(election);
            }
        }
        roster.elections = kept;
        for c in &mut roster.candidates {
            c.election = remap[c.election];
        }
        (roster, errors)
    }
}

/// One file to parse into candidates.
struct Job {
    election: usize,
    path: PathBuf,
    bytes: Option<std::io::Result<Vec<u8>>>,
    /// `None` for candidate YAML; for a published statement, the OpenStack names of its cycle.
    statement: Option<Option<std::sync::Arc<HashMap<String, OpenStackName>>>>,
}

impl Job {
    /// Reads, decodes and parses the file; a decoding fallback comes back as a warning.
    fn run(self) -> (Result<Vec<Candidate>, LoadError>, Option<LoadError>) {
        let Job {
            election,
            path,
            bytes,
            statement,
        } = self;
        let bytes = match bytes.unwrap_or_else(|| std::fs::read(&path)) {
            Ok(bytes) => bytes,
            Err(e) => return (Err(LoadError::new(&path, None, None, &e.to_string())), None),
        };
        let mut warning = None;
        let raws = match statement {
            None => decode(&path, bytes).and_then(|text| parse_candidates(&path, &text)),
            Some(names) => {
                let (text, fallback) = read::decode_lossy(bytes);
                warning = fallback.map(|w| LoadError::new(&path, None, None, &w));
                Ok(vec![import_statement(&path, &text, names.as_deref())])
            }
        };
        let candidates = raws.map(|raws| {
            raws.into_iter()
                .map(|raw| Candidate::from_raw(raw, election, path.clone()))
                .collect()
        });
        (candidates, warning)
    }
}

/// Everything one folder holds.
#[derive(Default)]
struct Folder {
    meta: Option<RawElection>,
    /// Candidate YAML files, with their bytes when already in memory.
    yaml: Vec<(PathBuf, Option<std::io::Result<Vec<u8>>>)>,
    /// Statements in a published format, likewise.
    statements: Vec<(PathBuf, Option<std::io::Result<Vec<u8>>>)>,
    readme: Option<String>,
    results: Option<String>,
    description: Option<String>,
}

impl Folder {
    /// `election.yaml` if there is one, else what the README says; results and the
    /// description are kept beside.
    fn election_meta(&mut self) -> Option<RawElection> {
        let mut meta = self.meta.take().or_else(|| {
            let from_readme = self
                .readme
                .as_deref()
                .filter(|_| !self.statements.is_empty())
                .map(formats::kata_readme);
            from_readme.filter(|m| m.name.is_some())
        });
        for (key, text) in [
            ("results", &self.results),
            ("description", &self.description),
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

fn folder_name(folder: &Path) -> String {
    folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "candidates".to_string())
}

/// A folder's name, with its parent's when it is as short as `TC` or `GB`, so that
/// `candidates/2026.1/TC` reads "2026.1 TC" rather than one of many "TC"s.
fn default_election_name(folder: &Path) -> String {
    let name = folder_name(folder);
    match folder.parent().filter(|_| name.chars().count() <= 4) {
        Some(parent) if parent.file_name().is_some() => format!("{} {name}", folder_name(parent)),
        _ => name,
    }
}

/// `…/candidates/<cycle>/<group>`: the OpenStack cycle of a statement folder.
fn openstack_cycle(folder: &Path) -> Option<String> {
    let cycle = folder.parent()?;
    (cycle.parent()?.file_name()? == "candidates").then(|| folder_name(cycle))
}

/// Reads one published statement; OpenStack's results name it when they can.
fn import_statement(
    path: &Path,
    text: &str,
    openstack: Option<&HashMap<String, OpenStackName>>,
) -> RawCandidate {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = formats::detect(text, &file_name);
    let mut raw = formats::parse(text, format, &formats::name_from_file(&file_name));
    if file_name.contains('@') && raw.emails.is_empty() {
        raw.emails.push(file_name.clone());
    }
    if let Some(found) = openstack.and_then(|names| names.get(&file_name.to_lowercase())) {
        raw.name = found.fullname.clone();
        if let Some(irc) = &found.ircname {
            raw.links.push(("irc".to_string(), irc.clone()));
        }
        if let Some(elected) = found.elected {
            raw.extra
                .push(("elected".to_string(), serde_yaml::Value::Bool(elected)));
        }
    }
    raw
}

/// Collects the files under `dir`, skipping hidden ones and symlink loops.
fn collect_dir(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    errors: &mut Vec<LoadError>,
) {
    let Ok(canonical) = dir.canonicalize() else {
        return;
    };
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(LoadError::new(dir, None, None, &e.to_string()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_dir(&path, files, seen, errors);
        } else {
            files.push(path);
        }
    }
}

/// Checks that `bytes` are non-empty UTF-8, naming the position of the first bad byte.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => Err(LoadError::new(path, None, None, "empty file")),
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text)),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError::new(
                path,
                Some(line),
                Some(column),
                &format!("not valid UTF-8 (byte 0x{:02X})", bytes[at]),
            ))
        }
    }
}

fn guarded(path: &Path, text: &str) -> Result<(), LoadError> {
    guard::check(text).map_err(|r| LoadError::new(path, r.line, r.column, &r.message))
}

fn parse_election(path: &Path, text: &str) -> Result<RawElection, LoadError> {
    guarded(path, text)?;
    // Elekto's election.yaml has its own keys (start_datetime, no_winners, …).
    if let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text)
        && let Some(election) = formats::elekto_election(value)
    {
        return Ok(election);
    }
    serde_yaml::from_str(text).map_err(|e| LoadError::from_yaml(path, &e))
}

/// Reads every document of a file; each is one candidate or a list of them.
fn parse_candidates(path: &Path, text: &str) -> Result<Vec<RawCandidate>, LoadError> {
    guarded(path, text)?;
    let mut all = Vec::new();
    for document in serde_yaml::Deserializer::from_str(text) {
        let doc =
            CandidateDoc::deserialize(document).map_err(|e| LoadError::from_yaml(path, &e))?;
        all.extend(doc.0);
    }
    if all.is_empty() {
        return Err(LoadError::new(
            path,
            None,
            None,
            "no candidate in this file",
        ));
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &str, text: &[u8]) -> Input {
        (PathBuf::from(path), Some(Ok(text.to_vec())))
    }

    #[test]
    fn the_embedded_roster_loads_whole() {
        let (roster, errors) = Roster::embedded();
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> = roster.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["Tao Peng", "Anastassios Nanos"]);
        assert_eq!(roster.elections.len(), 2);
        assert_eq!(roster.elections[1].seats, Some(4));
        assert_eq!(
            roster.elections[1].key,
            "kata-containers-architecture-committee-election-april-2024"
        );
    }

    #[test]
    fn a_broken_file_does_not_stop_the_others() {
        let (roster, errors) = Roster::from_inputs(
            vec![
                input("e/a.yaml", b"name: A\nstatement: a\n"),
                input("e/b.yaml", b"name: B\nstatement: [unclosed\n"),
                input("e/c.yaml", b"name: C\nstatement: c\n"),
            ],
            Source::Embedded,
        );
        assert_eq!(roster.candidates.len(), 2);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "e/b.yaml");
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[0].column.is_some());
        assert!(
            errors[0].to_string().starts_with("e/b.yaml:2:"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn empty_and_non_utf8_files_are_named() {
        let (_, errors) = Roster::from_inputs(
            vec![
                input("e/empty.yaml", b"  \n"),
                input("e/latin1.yaml", b"name: Ren\xe9\nstatement: x\n"),
            ],
            Source::Embedded,
        );
        assert_eq!(errors[0].to_string(), "e/empty.yaml: empty file");
        assert_eq!(
            errors[1].to_string(),
            "e/latin1.yaml:1:10: not valid UTF-8 (byte 0xE9)"
        );
    }

    #[test]
    fn missing_name_is_reported_with_a_position() {
        let (_, errors) = Roster::from_inputs(
            vec![input("e/x.yaml", b"email: a@b\nstatement: hi\n")],
            Source::Embedded,
        );
        assert!(errors[0].message.contains("missing field `name`"));
        assert!(errors[0].line.is_some());
    }

    #[test]
    fn a_folder_is_an_election_with_its_metadata() {
        let (roster, errors) = Roster::from_inputs(
            vec![
                input("x/one/election.yaml", b"name: First\nseats: 2\n"),
                input(
                    "x/one/a.yaml",
                    b"- name: A\n  statement: a\n- name: B\n  statement: b\n",
                ),
                input("x/two/c.yaml", b"name: C\nstatement: c\n"),
            ],
            Source::Embedded,
        );
        assert!(errors.is_empty());
        assert_eq!(roster.elections[0].name, "First");
        assert_eq!(
            roster.elections[1].name, "x two",
            "a short folder name takes its parent"
        );
        assert_eq!(roster.candidates[2].election, 1);
    }

    #[test]
    fn control_characters_in_fields_are_made_visible() {
        let (roster, _) = Roster::from_inputs(
            vec![input(
                "e/x.yaml",
                b"name: \"Eve\\e]0;pwned\\a\"\nstatement: \"a\\u202Eb\"\n",
            )],
            Source::Embedded,
        );
        let eve = &roster.candidates[0];
        assert_eq!(eve.name, "Eve^[]0;pwned^G");
        assert_eq!(eve.statement.display, "a<U+202E>b");
        assert_eq!(eve.statement.raw(), "a\u{202E}b");
        assert_eq!(eve.hidden, 3);
    }

    #[test]
    fn a_file_named_twice_loads_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "name: A\nstatement: a\n").unwrap();
        let (roster, errors) = Roster::load_paths(&[file.clone(), dir.path().to_path_buf(), file]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(roster.candidates.len(), 1);
    }

    #[test]
    fn a_missing_path_is_an_error_not_a_crash() {
        let (roster, errors) = Roster::load_paths(&[PathBuf::from("/nonexistent/hustings")]);
        assert!(roster.candidates.is_empty());
        assert!(errors[0].to_string().starts_with("/nonexistent/hustings: "));
    }

    #[test]
    fn alias_bombs_are_refused_before_parsing() {
        let mut text = String::from("a: &x [1]\nname: A\nstatement: s\nb: [");
        text.push_str(&"*x, ".repeat(200));
        text.push_str("]\n");
        let (roster, errors) = Roster::from_inputs(
            vec![input("e/bomb.yaml", text.as_bytes())],
            Source::Embedded,
        );
        assert!(roster.candidates.is_empty());
        assert!(errors[0].message.contains("aliases"));
        assert_eq!(errors[0].line, Some(4));
    }
}
