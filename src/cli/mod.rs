//! What each command does. `main` parses the command line and calls one of these.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::app::App;
pub mod args;
pub mod show;
pub mod write;

use crate::roster::{LoadError, Roster};
use crate::tui;
use crate::ui::Theme;
use crate::voter::export;
use crate::voter::order::OrderMode;
use crate::voter::store::{self, Store};
pub use args::Cli;
use args::{BallotCommand, Command, ExportFormat};

/// Exit status when no candidate could be loaded.
const NOTHING_LOADED: u8 = 2;

/// Runs the command line.
pub fn run(cli: Cli) -> ExitCode {
    let order = cli.order;
    let data_dir = cli.data_dir.clone();
    match cli.command {
        None => app(&cli.paths, order, data_dir.as_deref()),
        Some(Command::List { paths, filter }) => {
            list(&paths, filter.as_deref(), order, data_dir.as_deref())
        }
        Some(Command::Ballot {
            command: BallotCommand::Export { format, paths },
        }) => export(&paths, format, order, data_dir.as_deref()),
        Some(Command::Import { sources, out }) => import(&sources, &out),
        Some(Command::Check { paths }) => check(&paths),
        Some(Command::Show { args, width, plain }) => show(&args, width, plain),
        Some(Command::History { args }) => history(&args),
        Some(Command::Themes { paths, count }) => themes(&paths, count, order, data_dir.as_deref()),
        Some(Command::SaveStress { count, paths }) => {
            save_stress(&paths, count, data_dir.as_deref())
        }
    }
}

/// The roster for `paths`: those files and folders, else `./candidates`, else the built-in one.
pub fn load_roster(paths: &[PathBuf]) -> (Roster, Vec<LoadError>) {
    if !paths.is_empty() {
        Roster::load_paths(paths)
    } else if Path::new("candidates").is_dir() {
        Roster::load_paths(&[PathBuf::from("candidates")])
    } else {
        Roster::embedded()
    }
}

/// A loaded roster with the voter's data, ready for the app or a command.
pub struct Session {
    pub app: App,
    pub store: Option<Store>,
}

impl Session {
    /// Loads the roster and the voter's data; `None` (after reporting) when nothing loads.
    pub fn open(paths: &[PathBuf], order: OrderMode, data_dir: Option<&Path>) -> Option<Session> {
        let (roster, errors) = load_roster(paths);
        if roster.candidates.is_empty() {
            eprintln!("hustings: no candidate could be loaded");
            report(&errors);
            return None;
        }
        let mut notices = Vec::new();
        let opened = match store::data_dir(data_dir) {
            Some(dir) => match Store::open(&dir, &roster) {
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
        let app = App::new(roster, errors);
        let mut session = match opened {
            Some((store, opened)) => {
                notices.extend(opened.notices);
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
        Some(session)
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
        store.save(election, &e.key, &e.name, app.ballot(election))
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

fn app(paths: &[PathBuf], order: OrderMode, data_dir: Option<&Path>) -> ExitCode {
    let Some(session) = Session::open(paths, order, data_dir) else {
        return ExitCode::from(NOTHING_LOADED);
    };
    let Session { mut app, store } = session;
    if !io::stdout().is_terminal() {
        eprintln!(
            "hustings: standard output is not a terminal; run it in one, or use `hustings list`"
        );
        report(&app.errors);
        return ExitCode::FAILURE;
    }
    let mut save = |app: &App, election: usize| Session::save(store.as_ref(), app, election);
    let result = tui::run(&mut app, Theme::from_env(), &mut save);
    report(&app.errors);
    for notice in &app.notices {
        eprintln!("hustings: {notice}");
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hustings: {e}");
            ExitCode::FAILURE
        }
    }
}

fn list(
    paths: &[PathBuf],
    filter: Option<&str>,
    order: OrderMode,
    data_dir: Option<&Path>,
) -> ExitCode {
    let Some(mut session) = Session::open(paths, order, data_dir) else {
        return ExitCode::from(NOTHING_LOADED);
    };
    if let Some(query) = filter {
        session
            .app
            .update(crate::app::Action::SearchPaste(query.to_string()));
    }
    let app = &session.app;
    let mut out = io::stdout().lock();
    for hit in app.hits() {
        let c = app.candidate(hit.candidate);
        let line = format!(
            "{}\t{}\t{}",
            c.name,
            c.affiliation.as_deref().unwrap_or(""),
            app.roster.election_of(c).name
        );
        if writeln!(out, "{line}").is_err() {
            // A closed pipe (`| head`) is no error of ours.
            break;
        }
    }
    finish(app)
}

fn export(
    paths: &[PathBuf],
    format: ExportFormat,
    order: OrderMode,
    data_dir: Option<&Path>,
) -> ExitCode {
    let Some(session) = Session::open(paths, order, data_dir) else {
        return ExitCode::from(NOTHING_LOADED);
    };
    let app = &session.app;
    let elections = 0..app.roster.elections.len();
    let text = if format == ExportFormat::Json {
        let all: Vec<serde_json::Value> = elections
            .clone()
            .filter_map(|e| serde_json::from_str(&export::election(app, e, format)).ok())
            .collect();
        serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
    } else {
        elections
            .clone()
            .map(|e| export::election(app, e, format))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let _ = io::stdout().lock().write_all(text.as_bytes());
    for e in elections {
        let names: Vec<&str> = app
            .candidates_of(e)
            .into_iter()
            .map(|c| app.candidate(c).name.as_str())
            .collect();
        for warning in app.ballot(e).warnings(&names) {
            eprintln!("warning: {}: {warning}", app.roster.elections[e].name);
        }
    }
    finish(app)
}

fn import(sources: &[PathBuf], out: &Path) -> ExitCode {
    let (roster, errors) = Roster::load_paths(sources);
    report(&errors);
    for warning in &roster.warnings {
        eprintln!("{warning}");
    }
    if roster.candidates.is_empty() {
        eprintln!("hustings: no candidate found to import");
        return ExitCode::from(NOTHING_LOADED);
    }
    match crate::cli::write::write_roster(&roster, out) {
        Ok(written) => {
            eprintln!(
                "hustings: {} candidates in {} elections written to {}; {} files left out (no candidate){}",
                written.candidates,
                written.elections,
                out.display(),
                roster.skipped.len(),
                if errors.is_empty() {
                    ""
                } else {
                    "; some files failed, above"
                }
            );
            if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("hustings: cannot write to {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// Splits arguments into paths (that exist) and names, loads the paths, and finds each
/// name's candidate (the latest matching one); `None` after reporting an unknown name.
fn named_candidates(args: &[String]) -> Option<(Roster, Vec<usize>)> {
    let (paths, names): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| Path::new(a.as_str()).exists());
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let (roster, errors) = load_roster(&paths);
    report(&errors);
    let mut chosen = Vec::new();
    for name in names {
        let wanted = name.to_lowercase();
        match roster
            .candidates
            .iter()
            .rposition(|c| c.name.to_lowercase().contains(&wanted))
        {
            Some(index) => chosen.push(index),
            None => {
                eprintln!("hustings: no candidate named like \"{name}\"");
                return None;
            }
        }
    }
    Some((roster, chosen))
}

fn history(args: &[String]) -> ExitCode {
    let Some((roster, chosen)) = named_candidates(args) else {
        return ExitCode::FAILURE;
    };
    let mut out = io::stdout().lock();
    for &candidate in &chosen {
        let all = crate::analysis::candidacies::candidacies(&roster, candidate);
        let name = &roster.candidates[candidate].name;
        let _ = writeln!(
            out,
            "{name}: {} candidac{}",
            all.len(),
            if all.len() == 1 { "y" } else { "ies" }
        );
        for &c in &all {
            let election = roster.election_of(&roster.candidates[c]);
            let date = crate::roster::dates::voting_close(election).map_or_else(
                || "          ".to_string(),
                |d| d.format("%Y-%m-%d").to_string(),
            );
            let _ = writeln!(
                out,
                "  {date}  {}  {}",
                election.name,
                roster.candidates[c].path.display()
            );
        }
        for pair in all.windows(2) {
            let (a, b) = (&roster.candidates[pair[0]], &roster.candidates[pair[1]]);
            let (_, _, summary) =
                crate::analysis::candidacies::diff(&a.statement.display, &b.statement.display);
            let _ = writeln!(
                out,
                "  {} → {}: {summary}",
                roster.election_of(a).name,
                roster.election_of(b).name
            );
        }
    }
    ExitCode::SUCCESS
}

fn show(args: &[String], width: Option<u16>, plain: bool) -> ExitCode {
    let Some((roster, chosen)) = named_candidates(args) else {
        return ExitCode::FAILURE;
    };
    let width = width
        .map(usize::from)
        .or_else(|| {
            io::stdout()
                .is_terminal()
                .then(|| ratatui::crossterm::terminal::size().ok())
                .flatten()
                .map(|(w, _)| usize::from(w))
        })
        .unwrap_or(80);
    let text = crate::cli::show::side_by_side(&roster, &chosen, width, plain);
    let _ = io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

fn themes(paths: &[PathBuf], count: usize, order: OrderMode, data_dir: Option<&Path>) -> ExitCode {
    let Some(session) = Session::open(paths, order, data_dir) else {
        return ExitCode::from(NOTHING_LOADED);
    };
    let app = &session.app;
    let mut out = io::stdout().lock();
    for (index, election) in app.roster.elections.iter().enumerate() {
        let members = app.candidates_of(index);
        let names: Vec<&str> = members
            .iter()
            .map(|&c| app.candidate(c).name.as_str())
            .collect();
        let statements: Vec<&str> = members
            .iter()
            .map(|&c| app.candidate(c).statement.display.as_str())
            .collect();
        let found = crate::analysis::topics::themes(&statements, count);
        let table = crate::analysis::topics::table(&names, &found);
        if index > 0 && writeln!(out).is_err() {
            break;
        }
        let _ = write!(out, "# {}\n\n{table}", election.name);
    }
    finish(app)
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let (roster, errors) = Roster::load_paths(paths);
    let mut problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
    problems.extend(roster.warnings.iter().map(ToString::to_string));
    for c in &roster.candidates {
        if c.statement.raw().trim().is_empty() {
            problems.push(format!(
                "{}: {}: the statement is empty",
                c.path.display(),
                c.name
            ));
        }
        if c.name.trim().is_empty() {
            problems.push(format!("{}: the candidate has no name", c.path.display()));
        }
    }
    if roster.candidates.is_empty() && problems.is_empty() {
        problems.push("no candidate found".to_string());
    }
    let mut out = io::stdout().lock();
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    eprintln!(
        "hustings: {} candidates in {} elections checked, {} files left out (no candidate), {} problem{}",
        roster.candidates.len(),
        roster.elections.len(),
        roster.skipped.len(),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Reports load errors and notices on stderr; the exit status says whether there were errors.
fn finish(app: &App) -> ExitCode {
    report(&app.errors);
    for notice in &app.notices {
        eprintln!("hustings: {notice}");
    }
    if app.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Saves a large, self-checking ballot again and again, so a test can kill the process
/// mid-save and check the file on disk is always one whole version.
fn save_stress(paths: &[PathBuf], count: u64, data_dir: Option<&Path>) -> ExitCode {
    let Some(session) = Session::open(paths, OrderMode::Name, data_dir) else {
        return ExitCode::from(NOTHING_LOADED);
    };
    let Some(store) = session.store.as_ref() else {
        eprintln!("hustings: no data directory");
        return ExitCode::FAILURE;
    };
    let election = &session.app.roster.elections[0];
    let mut ballot = session.app.ballot(0).clone();
    // Go on from the version on disk, so that versions rise across killed runs.
    let first = ballot
        .notes
        .get("stress")
        .and_then(|n| n.lines().next()?.strip_prefix("version ")?.parse().ok())
        .unwrap_or(0u64);
    let mut version = first;
    while count == 0 || version < first + count {
        version += 1;
        ballot.notes.insert(
            "stress".to_string(),
            format!("version {version}\n").repeat(2_000),
        );
        if let Err(e) = store.save(0, &election.key, &election.name, &ballot) {
            eprintln!("hustings: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Prints load errors on stderr, one `file:line:column: message` per line.
pub fn report(errors: &[LoadError]) {
    if errors.is_empty() {
        return;
    }
    let n = errors.len();
    eprintln!(
        "hustings: {n} file{} could not be loaded:",
        if n == 1 { "" } else { "s" }
    );
    for error in errors {
        eprintln!("{error}");
    }
}
