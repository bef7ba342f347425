//! The event loop, generic over the backend, the event source and the host so that tests
//! drive it: it blocks on the next event, applies every event already queued, saves what
//! changed, then draws once.

use std::collections::BTreeSet;
use std::io;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::KeyCode;

use super::events::EventSource;
use crate::app::{Action, App, Effect, SaveWhen};
use crate::keymap;

/// What the event loop needs from its surroundings: drawing, saving, an outside editor.
pub trait Host<B: Backend> {
    /// Draws one frame.
    fn draw(&mut self, terminal: &mut Terminal<B>, app: &App) -> io::Result<()>;
    /// Writes one election's ballot to disk.
    fn save(&mut self, app: &App, election: usize) -> io::Result<()>;
    /// Lets the voter edit `text` in their own editor and returns the result.
    fn edit_externally(&mut self, terminal: &mut Terminal<B>, text: &str)
    -> Result<String, String>;
    /// Opens `url` in the voter's browser: says with what, or why it could not.
    fn open_link(&mut self, url: &str) -> Result<String, String> {
        Err(format!("no browser to open {url} with here"))
    }
    /// Puts `text` on the voter's clipboard.
    fn copy(&mut self, text: &str) -> Result<(), String> {
        Err(format!("no clipboard to copy {text} to here"))
    }
    /// The voter's own keys of the main screen (the config file's), before the defaults.
    fn keys(&self) -> &[(KeyCode, Option<Action>)] {
        &[]
    }
}

/// How long typing must pause before a note is saved.
const SAVE_PAUSE: Duration = Duration::from_millis(800);

/// Saves what the app queued: changes marked `Now` at once, the rest after a pause in typing.
struct Saves {
    soon: BTreeSet<usize>,
    due: Option<Instant>,
}

impl Saves {
    fn collect<B: Backend>(&mut self, app: &mut App, host: &mut impl Host<B>) {
        for (election, when) in app.take_saves() {
            match when {
                SaveWhen::Now => {
                    self.soon.remove(&election);
                    write(app, election, host);
                }
                SaveWhen::Soon => {
                    self.soon.insert(election);
                    self.due = Some(Instant::now() + SAVE_PAUSE);
                }
            }
        }
    }

    fn flush<B: Backend>(&mut self, app: &mut App, host: &mut impl Host<B>) {
        self.due = None;
        for election in std::mem::take(&mut self.soon) {
            write(app, election, host);
        }
    }
}

fn write<B: Backend>(app: &mut App, election: usize, host: &mut impl Host<B>) {
    if let Err(e) = host.save(app, election) {
        app.save_failed(election, &e.to_string());
    }
}

/// What the loop does after a batch of events.
enum Step {
    Continue,
    Quit,
    EditExternally(usize),
}

/// The event loop, generic over the backend, the event source and the host so tests can
/// drive it.
///
/// It blocks on the next event (an idle app uses no CPU; the only timer is a pending note
/// save), applies every event already queued, saves what changed, then draws once.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    host: &mut impl Host<B>,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut saves = Saves {
        soon: BTreeSet::new(),
        due: None,
    };
    saves.collect(app, host);
    let result = loop {
        app.set_now(chrono::Utc::now());
        if let Err(e) = host.draw(terminal, app) {
            break Err(e);
        }
        if let Some(due) = saves.due {
            let wait = due.saturating_duration_since(Instant::now());
            match events.poll(wait) {
                Ok(true) => {}
                Ok(false) => {
                    saves.flush(app, host);
                    continue;
                }
                Err(e) => break Err(e),
            }
        }
        match drain(app, events, &mut saves, host) {
            Ok(Step::Continue) => {}
            Ok(Step::Quit) => break Ok(()),
            Ok(Step::EditExternally(candidate)) => {
                let text = app.editor_note().to_string();
                let edited = host.edit_externally(terminal, &text);
                app.set_note(candidate, edited);
                saves.collect(app, host);
            }
            Err(e) => break Err(e),
        }
    };
    // Whatever way the loop ends, nothing the voter wrote stays unsaved (the statement they
    // were reading until now counted first).
    app.set_now(chrono::Utc::now());
    saves.collect(app, host);
    saves.flush(app, host);
    result
}

/// Applies the next event and every one already queued.
fn drain<B: Backend>(
    app: &mut App,
    events: &mut impl EventSource,
    saves: &mut Saves,
    host: &mut impl Host<B>,
) -> io::Result<Step> {
    loop {
        let event = match events.next() {
            // A signal: leave the loop as `q` would, so what is pending is saved.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(Step::Quit),
            other => other?,
        };
        // `Esc q` typed fast arrives as one Alt-q: outside the note editor that is the two
        // keys, each read in the mode the one before it leaves.
        let keys = match keymap::split_escape_prefix(&event, app.mode()) {
            Some((escape, key)) => vec![escape, key],
            None => vec![event],
        };
        for event in keys {
            if let Some(action) = keymap::action_for_bound(&event, app.mode(), host.keys()) {
                // The time of the key itself: what the voter was reading until now counts.
                app.set_now(chrono::Utc::now());
                match app.update(action) {
                    Effect::Continue => {}
                    Effect::Quit => return Ok(Step::Quit),
                    Effect::EditExternally(candidate) => {
                        return Ok(Step::EditExternally(candidate));
                    }
                    Effect::OpenLink => {
                        if let Some(url) = app.take_link() {
                            let said = match host.open_link(&url) {
                                Ok(with) => format!("Opened {url} with {with}"),
                                Err(why) => format!("Could not open {url}: {why}"),
                            };
                            app.tell(said);
                        }
                    }
                    Effect::CopyLink => {
                        if let Some(url) = app.take_link() {
                            let said = match host.copy(&url) {
                                Ok(()) => format!(
                                    "Copied {url} (OSC 52: if nothing was copied, the terminal does not allow it)"
                                ),
                                Err(why) => format!("Could not copy {url}: {why}"),
                            };
                            app.tell(said);
                        }
                    }
                }
            }
        }
        saves.collect(app, host);
        if !events.poll(Duration::ZERO)? {
            return Ok(Step::Continue);
        }
    }
}
