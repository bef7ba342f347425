//! One file's parse: read, decode, and the candidates in it, with what its folder says of
//! them. Jobs run on every core; each knows only its own file and its folder's context.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::finder::{self, Facts};
use super::formats::{self, OpenStackName};
use super::read;
use super::yaml::CandidateDoc;
use crate::cache::{self, Stamp};
use crate::roster::{Candidate, LoadError, RawCandidate};

/// A job's result: the file's candidates or why there are none, and warnings.
pub(super) type Outcome = (Result<Loaded, LoadError>, Vec<LoadError>);

/// What a cached parse is kept under: the file as named, as it was, in its context.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(super) struct FileKey {
    pub(super) path: PathBuf,
    pub(super) stamp: Option<Stamp>,
    pub(super) context: u64,
}

/// Runs every job on all cores, counting each done in `done`; results in the order of
/// `jobs`. With a `cache` folder, a file
/// the cache vouches for is taken from it instead, and each folder with anything parsed
/// afresh is written back whole.
pub(super) fn run_all(jobs: Vec<Job>, done: &AtomicUsize, cache: Option<&Path>) -> Vec<Outcome> {
    let count = |outcome: Outcome| {
        done.fetch_add(1, Ordering::Relaxed);
        outcome
    };
    let Some(root) = cache else {
        return crate::parallel::map(jobs, |job| count(job.run()));
    };
    let started = cache::start();
    // A file's stamp is from the walk's look at it: a key is a copy, made on this thread.
    // Keyed by the file's name in its folder's shelf, not by the path as typed: `r`, `./r`
    // and `r/` name the same files (the stamp, inode included, tells a file from another).
    let keys: Vec<FileKey> = jobs
        .iter()
        .map(|j| FileKey {
            stamp: j.stamp.or_else(|| Stamp::of(&j.path)),
            path: j.path.file_name().map(PathBuf::from).unwrap_or_default(),
            context: j.context,
        })
        .collect();
    let shelves = cache::Shelves::new(
        root,
        "files",
        jobs.iter().map(|j| j.path.as_path()).zip(keys),
    );
    let found = shelves
        .restore::<Outcome>(|key, written| key.stamp.is_some_and(|s| s.settled_before(written)));
    let found: Vec<Option<Outcome>> = found
        .into_iter()
        .zip(&jobs)
        .map(|(outcome, job)| outcome.and_then(|o| accept(o, job)))
        .collect();
    let fresh: Vec<bool> = found.iter().map(Option::is_none).collect();
    // Only the files the cache had nothing for are parsed, on every core; the rest are
    // counted at once, not handed through the threads.
    done.fetch_add(fresh.iter().filter(|&&f| !f).count(), Ordering::Relaxed);
    let todo: Vec<Job> = jobs
        .into_iter()
        .zip(&fresh)
        .filter_map(|(job, &fresh)| fresh.then_some(job))
        .collect();
    let mut made = crate::parallel::map(todo, |job| count(job.run())).into_iter();
    // Each file without a value from the cache takes the next one parsed, in order.
    let outcomes: Vec<Outcome> = found
        .into_iter()
        .filter_map(|found| found.or_else(|| made.next()))
        .collect();
    // A file whose texts could not be read back (their shelf replaced by another run
    // meanwhile) is not kept with that stand-in for a text.
    shelves.save(
        &fresh,
        &outcomes,
        |key, (loaded, _)| key.stamp.is_some() && loaded.as_ref().map_or(true, Loaded::readable),
        started,
    );
    outcomes
}

/// A cached outcome for `job`, if everything in it is display-safe as the loader makes it;
/// its candidates are put in the job's election and file.
fn accept(outcome: Outcome, job: &Job) -> Option<Outcome> {
    let (result, warnings) = outcome;
    if !warnings.iter().all(LoadError::is_display_safe) {
        return None;
    }
    let result = match result {
        Ok(mut loaded) => {
            if !loaded.candidates.iter().all(Candidate::is_display_safe) {
                return None;
            }
            loaded.election = job.election;
            loaded.path.clone_from(&job.path);
            for c in &mut loaded.candidates {
                c.election = job.election;
                c.path.clone_from(&job.path);
            }
            Ok(loaded)
        }
        Err(e) if e.is_display_safe() => Err(e.at_path(&job.path)),
        Err(_) => return None,
    };
    // Named as this load names the file, whichever spelling of its folder wrote the shelf.
    let warnings = warnings.into_iter().map(|w| w.at_path(&job.path)).collect();
    Some((result, warnings))
}

/// One file to parse into candidates.
pub(super) struct Job {
    pub(super) election: usize,
    pub(super) path: PathBuf,
    /// The file's stamp from the one look the walk took at it, if it took one.
    pub(super) stamp: Option<Stamp>,
    pub(super) bytes: Option<Vec<u8>>,
    /// `None` for candidate YAML; for a published statement, what its folder says of it.
    pub(super) statement: Option<std::sync::Arc<StatementContext>>,
    /// What the parse depends on besides the file ([`StatementContext::fingerprint`]).
    pub(super) context: u64,
}

/// What a published statement's folder says of the candidates in it.
#[derive(Default)]
pub(super) struct StatementContext {
    /// The OpenStack results of its cycle: names by e-mail.
    pub(super) openstack: Option<HashMap<String, OpenStackName>>,
    /// The election README's table: names by file.
    pub(super) listed: HashMap<String, formats::Listed>,
    /// How `election.yaml` says the documents hold their candidates.
    pub(super) hint: Option<crate::roster::ReadHint>,
}

impl StatementContext {
    /// The same number for the same context on every run: a cached parse of a statement
    /// holds only while what its folder says of it is unchanged.
    pub(super) fn fingerprint(&self) -> u64 {
        let mut listed: Vec<String> = self.listed.iter().map(|e| format!("{e:?}")).collect();
        let mut openstack: Vec<String> = self
            .openstack
            .iter()
            .flatten()
            .map(|e| format!("{e:?}"))
            .collect();
        listed.sort_unstable();
        openstack.sort_unstable();
        let all = format!(
            "{listed:?}{:?}{openstack:?}{:?}",
            self.openstack.is_some(),
            self.hint
        );
        // Never 0, which stands for no context at all.
        crate::cache::stable_hash(all.as_bytes()) | 1
    }
}

/// One file's candidates, with their election and the election's name if the file has one.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Loaded {
    pub(super) election: usize,
    pub(super) path: PathBuf,
    pub(super) candidates: Vec<Candidate>,
    pub(super) title: Option<String>,
    pub(super) account: Account,
}

impl Loaded {
    /// Whether every text of its candidates was read back (see
    /// [`crate::roster::text::Text::readable`]).
    pub(super) fn readable(&self) -> bool {
        self.candidates
            .iter()
            .all(|c| c.texts().all(crate::roster::text::Text::readable))
    }
}

/// How a file was read, and what it says of its election besides its candidates.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Account {
    /// How it was read, for `check --explain`.
    pub(super) how: String,
    /// What the document says of its election.
    pub(super) facts: Facts,
    /// Why it holds no candidate, where it holds none.
    pub(super) left_out: Option<String>,
    /// A document of several candidates: an election of its own where its folder holds more.
    pub(super) many: bool,
    /// The data a page renders, whose election it describes.
    pub(super) renders: Option<String>,
}

impl Job {
    /// Reads, decodes and parses the file; a decoding fallback comes back as a warning.
    pub(super) fn run(self) -> (Result<Loaded, LoadError>, Vec<LoadError>) {
        let Job {
            election,
            path,
            bytes,
            statement,
            context: _,
            stamp: _,
        } = self;
        let bytes = match bytes.map_or_else(|| read::read_file(&path), Ok) {
            Ok(bytes) => bytes,
            Err(e) => return (Err(e), Vec::new()),
        };
        let mut warnings = Vec::new();
        let mut title = None;
        let mut account = Account::default();
        let raws = match statement {
            None => read::decode_strict(&path, bytes)
                .and_then(|text| candidates_of_data(&path, &text, &mut account)),
            Some(names) => {
                let (text, fallback) = read::decode_lossy(bytes);
                warnings.extend(fallback.map(|w| LoadError::new(&path, None, None, &w)));
                let (parsed, how) = import_statements(&path, &text, &names);
                title = parsed.title;
                account = how;
                Ok(parsed.candidates)
            }
        };
        let candidates = raws.map(|raws| {
            raws.into_iter()
                .map(|mut raw| {
                    for warning in std::mem::take(&mut raw.warnings) {
                        warnings.push(LoadError::new(&path, None, None, &warning));
                    }
                    Candidate::from_raw(raw, election, path.clone())
                })
                .collect()
        });
        let loaded = candidates.map(|candidates| Loaded {
            election,
            path,
            candidates,
            title,
            account,
        });
        (loaded, warnings)
    }
}

/// "1 candidate", "7 candidates".
fn count(n: usize) -> String {
    if n == 1 {
        "1 candidate".to_string()
    } else {
        format!("{n} candidates")
    }
}

/// Reads one published file of statements (most hold one): a layout a community adds
/// meaning to by its own hint, any other document by the candidate finder; OpenStack's
/// results and the election's README name a candidate when they can.
fn import_statements(
    path: &Path,
    text: &str,
    context: &StatementContext,
) -> (formats::Parsed, Account) {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A web page is read as the Markdown it shows.
    let page;
    let (text, read_as) = if super::document::is_html(&file_name) {
        page = super::document::html_as_markdown(text);
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name.as_str(), |(s, _)| s);
        (page.as_str(), format!("{stem}.md"))
    } else {
        (text, file_name.clone())
    };
    let fallback = formats::name_from_file(&read_as);
    let format = formats::detect(text, &read_as);
    let mut parsed = match &context.hint {
        // What election.yaml says comes before any guess.
        Some(hint) => formats::Parsed::read(finder::find_as(text, &read_as, &fallback, Some(hint))),
        None => formats::parse_file(text, format, &read_as, &fallback),
    };
    let mut account = match parsed.reading.take() {
        Some(reading) => Account {
            how: reading.how,
            left_out: reading.left_out,
            many: reading.many,
            renders: reading.renders,
            facts: reading.facts,
        },
        None => Account {
            how: format!("{} ({})", format.describe(), count(parsed.candidates.len())),
            many: parsed.candidates.len() > 1,
            ..Account::default()
        },
    };
    if let [one] = parsed.candidates.as_mut_slice()
        && let Some(by) = name_from_context(one, format, &file_name, context)
    {
        account.how.push_str("; ");
        account.how.push_str(by);
    }
    (parsed, account)
}

/// What the election's folder says of a statement's candidate.
fn name_from_context(
    raw: &mut RawCandidate,
    format: formats::Format,
    file_name: &str,
    context: &StatementContext,
) -> Option<&'static str> {
    let mut by = None;
    let openstack = context.openstack.as_ref();
    // Where the statement names no one itself (a heading, the file), the election's own
    // listing of its candidates does: "Vote for justinsb!" is Justin Santa Barbara.
    let names_itself = matches!(
        format,
        formats::Format::KeyLines | formats::Format::Elekto | formats::Format::NixOS
    );
    if let Some(listed) = context.listed.get(&file_name.to_lowercase())
        && !names_itself
    {
        raw.name = listed.name.clone();
        by = Some("named as the election's README lists it");
        if raw.affiliation.is_none() {
            raw.affiliation = listed.affiliation.clone();
        }
        let has_handle = raw
            .links
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("github"));
        if let (Some(handle), false) = (&listed.handle, has_handle) {
            raw.links.push(("github".to_string(), handle.clone()));
        }
    }
    if file_name.contains('@') && raw.emails.is_empty() {
        raw.emails.push(file_name.to_string());
    }
    if let Some(found) = openstack.and_then(|names| names.get(&file_name.to_lowercase())) {
        raw.name = found.fullname.clone();
        by = Some("named by the cycle's results (tc.yaml)");
        if let Some(irc) = &found.ircname {
            raw.links.push(("irc".to_string(), irc.clone()));
        }
        if let Some(elected) = found.elected {
            raw.extra
                .push(("elected".to_string(), serde_yaml::Value::Bool(elected)));
        }
    }
    by
}

/// A file of candidates: our YAML, else a data file of records (YAML, TOML or JSON) whose
/// records are nominees, or data of something else (voters), left out with what it is.
fn candidates_of_data(
    path: &Path,
    text: &str,
    account: &mut Account,
) -> Result<Vec<RawCandidate>, LoadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (ours, value) = match ext.as_str() {
        "toml" => (
            None,
            toml::from_str::<serde_yaml::Value>(text).map_err(|e| {
                LoadError::new(path, None, None, &format!("not TOML: {}", e.message()))
            }),
        ),
        // JSON's own parser, whose depth is bounded.
        "json" => (
            None,
            serde_json::from_str::<serde_yaml::Value>(text).map_err(|e| {
                LoadError::new(
                    path,
                    Some(e.line()),
                    Some(e.column()),
                    &format!("not JSON: {e}"),
                )
            }),
        ),
        _ => match parse_candidates(path, text) {
            Ok(all) => {
                account.how = format!("candidate YAML: {}", count(all.len()));
                return Ok(all);
            }
            Err(e) => (Some(e), read::yaml::<serde_yaml::Value>(path, text)),
        },
    };
    let refused = |e: LoadError| Err(ours.clone().unwrap_or(e));
    match value.map(|v| finder::data::read(&v)) {
        Ok(Some(finder::data::Data::Nominees(all))) => {
            account.how = format!("a data file of records: {}", count(all.len()));
            Ok(all)
        }
        Ok(Some(finder::data::Data::Other(what))) => {
            account.how = format!("{what}: no candidate");
            account.left_out = Some(what.to_string());
            Ok(Vec::new())
        }
        Ok(None) => refused(LoadError::new(
            path,
            None,
            None,
            "no list of candidates in this file",
        )),
        Err(e) => refused(e),
    }
}

/// Reads every document of a file; each is one candidate or a list of them.
fn parse_candidates(path: &Path, text: &str) -> Result<Vec<RawCandidate>, LoadError> {
    let all: Vec<RawCandidate> = read::yaml_documents::<CandidateDoc>(path, text)?
        .into_iter()
        .flat_map(|doc| doc.0)
        .collect();
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
