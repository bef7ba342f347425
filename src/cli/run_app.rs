//! `hustings [PATH...]`: the app in the terminal.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};

use super::output::{Failure, Outcome, report, say, say_notices, shown};
use super::session::{Session, load_roster_counted};
use crate::app::App;
use crate::config::Config;
use crate::load::Progress;
use crate::roster::Source;
use crate::tui;
use crate::ui::Theme;
use crate::voter::order::OrderMode;
use crate::voter::place::roster_id;
use crate::voter::store::Locking;

/// Opens the roster in the terminal until the voter quits, with the voter's config (and
/// what was wrong with it, shown under `E`).
pub fn run(
    paths: &[PathBuf],
    order: OrderMode,
    data_dir: Option<&Path>,
    config: &Config,
    problems: &[String],
) -> Outcome {
    // NO_COLOR wins over the config's colours.
    let base = Theme::from_env();
    let theme = if *base == crate::ui::theme::MONO {
        base.clone()
    } else {
        config.apply(base)
    };
    if !io::stdout().is_terminal() {
        let Session { app, .. } = Session::open(paths, order, data_dir)?;
        report(&app.errors);
        return Err(Failure::Other(
            "standard output is not a terminal; run it in one, or use `hustings list`".to_string(),
        ));
    }
    // The screen opens first: a large roster shows how far its load has got.
    let mut screen = tui::Screen::open().map_err(|e| Failure::Other(e.to_string()))?;
    let progress = Arc::new(Progress::default());
    let (send, loaded) = mpsc::channel();
    let (owned, counter) = (paths.to_vec(), progress.clone());
    // Not joined: a voter who quits before the load ends does not wait for it.
    std::thread::spawn(move || {
        // Nobody waits any more when the voter has quit: nothing to do with the roster.
        let _ = send.send(load_roster_counted(&owned, &counter));
    });
    let counts = || {
        (
            progress.done.load(Ordering::Relaxed),
            progress.total.load(Ordering::Relaxed),
        )
    };
    let (roster, errors) = match screen.wait(&loaded, counts, &theme) {
        Ok(tui::Waited::Loaded(roster)) => roster,
        Ok(tui::Waited::Quit) => return Ok(ExitCode::SUCCESS),
        Ok(tui::Waited::Signal(signal)) => return Ok(ended_by(signal)),
        Err(e) => return Err(Failure::Other(e.to_string())),
    };
    if roster.candidates.is_empty() {
        // Nothing loaded: the errors are told on the terminal as the voter left it.
        drop(screen);
        return Session::with_roster(roster, errors, order, data_dir, Locking::Save)
            .map(|_| ExitCode::SUCCESS);
    }
    // The voter edits here: each election is held for the whole session.
    let Session { app, store } =
        Session::with_roster(roster, errors, order, data_dir, Locking::Session)?;
    let key_help = config
        .keys
        .iter()
        .map(|(key, action)| {
            let name = action
                .as_ref()
                .and_then(|a| a.name())
                .unwrap_or("(unbound)");
            (crate::keymap::key_label(*key), name.to_string())
        })
        .collect();
    let mut app = app
        .with_notices(problems.iter().map(|p| format!("config: {p}")).collect())
        .with_key_help(key_help);
    // A visit: what is new since the last one is found, the versions read of what changed
    // fetched for their diffs, and this visit remembered.
    app.begin_visit(chrono::Utc::now());
    if let Some(store) = &store {
        let texts = store.texts_read(&app.changed_hashes());
        app = app.with_texts_read(texts);
    }
    if !problems.is_empty() {
        app.tell(format!(
            "The config file has {} problem{}: E lists them; the defaults stand in",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ));
    }
    // Back where the voter was when they last quit this roster.
    let id = match &app.roster.source {
        Source::Paths(paths) => roster_id(paths),
        Source::Embedded => "built-in".to_string(),
    };
    if let Some(place) = store.as_ref().and_then(|s| s.place(&id)) {
        app.restore_place(place);
    }
    let mut save = |app: &App, election: usize| Session::save(store.as_ref(), app, election);
    let result = screen.run(&mut app, &theme, &config.keys, &mut save);
    report(&app.errors);
    say_notices(&app);
    if let Some(store) = &store
        && let Err(e) = store.save_place(&id, &app.place())
    {
        say(&format!("hustings: where you were could not be kept: {e}"));
    }
    // The loop saved everything on its way out; what failed is still queued. One more try,
    // then the voter hears what was not saved, and the exit status says so.
    let unsaved: Vec<String> = app
        .take_saves()
        .into_iter()
        .filter_map(|(election, _)| {
            let e = Session::save(store.as_ref(), &app, election).err()?;
            let name = &app.roster.elections[election].name;
            Some(format!(
                "\"{name}\": {e}; {}",
                keep_elsewhere(&app, election)
            ))
        })
        .collect();
    if !unsaved.is_empty() {
        return Err(Failure::Other(format!(
            "your notes and ranking could not be saved for {}",
            unsaved.join("; ")
        )));
    }
    match result.map_err(|e| Failure::Other(e.to_string()))? {
        Some(signal) => Ok(ended_by(signal)),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Where election `election`'s ballot went when its own file could not be written (a full
/// disk, a folder gone): a copy in the system's temporary folder, else, so that nothing
/// typed is lost, the ballot itself on stderr.
fn keep_elsewhere(app: &App, election: usize) -> String {
    let key = &app.roster.elections[election].key;
    let ballot = app.ballot_to_save(election);
    let text = match serde_yaml::to_string(&ballot) {
        Ok(text) => text,
        Err(e) => return format!("nor could it be written out ({e})"),
    };
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let copy = std::env::temp_dir().join(format!("hustings-unsaved-{key}-{stamp}.yaml"));
    match crate::voter::store::write_atomic(&copy, text.as_bytes()) {
        Ok(()) => format!("a copy is in {}", shown(&copy)),
        Err(_) => {
            say("hustings: your notes and ranking, which could not be written anywhere:");
            for line in text.lines() {
                say(&format!("  {line}"));
            }
            "they are printed above".to_string()
        }
    }
}

/// The exit status of an app a signal ended (after saving): the shell's convention, 128 +
/// the signal.
fn ended_by(signal: i32) -> ExitCode {
    ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX))
}
