//! What every command that reads a roster shares: loading it, and the voter's saved data.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::output::{Failure, report};
use crate::app::App;
use crate::load::Progress;
use crate::roster::{LoadError, Roster};
use crate::voter::order::OrderMode;
use crate::voter::store::{self, Locking, Store};

/// The roster for `paths`: those files and folders, else `./candidates`, else the built-in one.
/// A load that takes longer than a blink says how far it has got on stderr, when that is a
/// terminal.
pub fn load_roster(paths: &[PathBuf]) -> (Roster, Vec<LoadError>) {
    let progress = Progress::default();
    let (finished, waiting) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        if io::stderr().is_terminal() {
            scope.spawn(|| show_progress(&progress, waiting));
        }
        let loaded = load_roster_counted(paths, &progress);
        // Dropping the sender wakes the reporter at once: a quick load waits for nothing.
        drop(finished);
        loaded
    })
}

/// As [`load_roster`], counting the files read in `progress` and saying nothing.
pub fn load_roster_counted(paths: &[PathBuf], progress: &Progress) -> (Roster, Vec<LoadError>) {
    let paths = if !paths.is_empty() {
        paths.to_vec()
    } else if Path::new("candidates").is_dir() {
        vec![PathBuf::from("candidates")]
    } else {
        return Roster::embedded();
    };
    let (files, errors) = crate::load::files_of(&paths);
    if let Some(cache) = crate::cache::dir() {
        // The word index's parts are read while the roster loads.
        let mut folders: Vec<PathBuf> = files
            .iter()
            .filter_map(|f| f.path.parent().map(Path::to_path_buf))
            .collect();
        folders.dedup();
        crate::analysis::words::read_ahead(cache, folders);
    }
    Roster::load_files_counted(&paths, files, errors, progress, crate::cache::dir())
}

/// After a blink, `reading N of M files…` on stderr, redrawn in place until the load ends
/// (its sender of `finished` is dropped); then the line is cleared.
fn show_progress(progress: &Progress, finished: mpsc::Receiver<()>) {
    const BLINK: Duration = Duration::from_millis(300);
    let start = Instant::now();
    let mut shown = 0;
    while let Err(mpsc::RecvTimeoutError::Timeout) =
        finished.recv_timeout(Duration::from_millis(50))
    {
        let total = progress.total.load(Ordering::Relaxed);
        if start.elapsed() < BLINK || total == 0 {
            continue;
        }
        let line = format!(
            "hustings: reading {} of {total} files…",
            progress.done.load(Ordering::Relaxed)
        );
        shown = line.chars().count();
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r{line}").and_then(|()| err.flush());
    }
    if shown > 0 {
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r{}\r", " ".repeat(shown)).and_then(|()| err.flush());
    }
}

/// A loaded roster with the voter's data, ready for the app or a command.
pub struct Session {
    /// The session state, with the voter's data.
    pub app: App,
    /// Where the voter's data is saved; `None` when it cannot be.
    pub store: Option<Store>,
}

impl Session {
    /// Loads the roster and the voter's data for a command, which takes an election's lock
    /// only to save; fails (after listing the load errors) when nothing loads.
    pub fn open(
        paths: &[PathBuf],
        order: OrderMode,
        data_dir: Option<&Path>,
    ) -> Result<Session, Failure> {
        let (roster, errors) = load_roster(paths);
        Session::with_roster(roster, errors, order, data_dir, Locking::Save)
    }

    /// As [`Session::open`], for a roster already loaded (with its load `errors`), taking
    /// the locks as `locking` says.
    pub fn with_roster(
        roster: Roster,
        errors: Vec<LoadError>,
        order: OrderMode,
        data_dir: Option<&Path>,
        locking: Locking,
    ) -> Result<Session, Failure> {
        if roster.candidates.is_empty() {
            report(&errors);
            return Err(Failure::NothingLoaded);
        }
        let mut notices = Vec::new();
        let opened = match store::data_dir(data_dir) {
            Some(dir) => match Store::open_with(&dir, &roster, locking) {
                Ok(opened) => Some(opened),
                Err(e) => {
                    notices.push(format!(
                        "Your notes and ranking cannot be kept in {}: {e}. Use --data-dir to choose another folder.",
                        dir.display()
                    ));
                    None
                }
            },
            None => {
                notices.push(
                    "No data directory could be found: your notes and ranking will not be saved. Use --data-dir."
                        .to_string(),
                );
                None
            }
        };
        // Ordered once, by the voter's order below.
        let mut app = App::unordered(roster, errors);
        let mut session = match opened {
            Some((store, opened)) => {
                notices.extend(opened.notices);
                // Listed with the notices (E), without opening them over the list.
                app.notices.extend(opened.remarks);
                let seed = match store.voter_seed() {
                    Ok(seed) => seed,
                    Err(e) => {
                        notices.push(format!(
                            "Your candidate order cannot be kept ({e}): it will differ next time"
                        ));
                        crate::voter::order::fresh_seed()
                    }
                };
                Session {
                    app: app.with_voter(opened.ballots, opened.read_only, order, seed),
                    store: Some(store),
                }
            }
            None => Session {
                app: app.with_voter(
                    Vec::new(),
                    Vec::new(),
                    order,
                    crate::voter::order::fresh_seed(),
                ),
                store: None,
            },
        };
        session.app = session.app.with_notices(notices);
        session.save_queued();
        Ok(session)
    }

    /// Writes one election's ballot.
    pub fn save(store: Option<&Store>, app: &App, election: usize) -> io::Result<()> {
        let Some(store) = store else {
            return Ok(());
        };
        if store.is_read_only(election) {
            return Ok(());
        }
        let e = &app.roster.elections[election];
        store.save(election, &e.key, &e.name, &app.ballot_to_save(election))?;
        // What the voter read, kept for a diff when it changes; the ballot is saved already.
        let texts = app.texts_read(election, |hash| store.has_text(hash));
        store.keep_texts(&texts).map(drop)
    }

    /// Saves whatever the app has queued (new order seeds, for one).
    fn save_queued(&mut self) {
        for (election, _) in self.app.take_saves() {
            if let Err(e) = Session::save(self.store.as_ref(), &self.app, election) {
                self.app.notices.push(format!("Could not save: {e}"));
            }
        }
    }
}

/// Splits arguments into paths (that exist) and names, loads the paths, and finds each
/// name's candidate (the latest matching one).
pub fn named_candidates(args: &[String]) -> Result<(Roster, Vec<usize>), Failure> {
    let (paths, names) = paths_and_names(args);
    let (roster, errors) = load_roster(&paths);
    report(&errors);
    let chosen = find_named(&roster, &names)?;
    Ok((roster, chosen))
}

/// Arguments that are existing files or folders, and the rest (names), in order.
pub fn paths_and_names(args: &[String]) -> (Vec<PathBuf>, Vec<&String>) {
    let (paths, names): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| Path::new(a.as_str()).exists());
    (paths.into_iter().map(PathBuf::from).collect(), names)
}

/// Each name's candidate: the latest whose name holds it, without regard to case.
pub fn find_named(roster: &Roster, names: &[&String]) -> Result<Vec<usize>, Failure> {
    names
        .iter()
        .map(|name| {
            let wanted = name.to_lowercase();
            roster
                .candidates
                .iter()
                .rposition(|c| c.name.to_lowercase().contains(&wanted))
                .ok_or_else(|| Failure::NoMatch((*name).clone()))
        })
        .collect()
}
