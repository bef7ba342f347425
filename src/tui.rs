//! The terminal: set-up, one idempotent restore (for normal exit, errors, panics and
//! signals), and the event loop, which draws only after input or a resize.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};

use crate::app::{Action, App, Effect, SaveWhen};
use crate::keymap;
use crate::ui::{self, Theme};

/// Whether the terminal is in the app's mode (raw, alternate screen, mouse, paste).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the app's mode and makes sure every way out restores it.
fn enter() -> io::Result<()> {
    install_panic_hook();
    install_signal_handler();
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Undoes exactly what [`enter`] did; does nothing the second time.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = terminal::disable_raw_mode();
        let _ = io::stdout().flush();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// On SIGTERM, SIGHUP or SIGINT the terminal is restored before the process exits.
fn install_signal_handler() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
}

/// Restores the terminal when dropped, whatever path leaves [`run`].
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Where the event loop gets its events: the terminal, or a script in tests.
pub trait EventSource {
    /// Blocks until the next event.
    fn next(&mut self) -> io::Result<Event>;
    /// Whether an event arrives within `timeout` (zero: whether one is ready now).
    fn poll(&mut self, timeout: Duration) -> io::Result<bool>;
}

/// Events from the real terminal.
struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Event> {
        event::read()
    }

    fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
        event::poll(timeout)
    }
}

/// Writes one election's ballot to disk.
pub type Saver<'a> = dyn FnMut(&App, usize) -> io::Result<()> + 'a;

/// How long typing must pause before a note is saved.
const SAVE_PAUSE: Duration = Duration::from_millis(800);

/// Runs the app in the real terminal until the voter quits.
pub fn run(app: &mut App, theme: &Theme, save: &mut Saver) -> io::Result<()> {
    enter()?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    run_loop(
        &mut terminal,
        app,
        &mut TerminalEvents,
        save,
        |terminal, app| {
            // One synchronized update per frame: the terminal shows it whole or not at all.
            execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
            terminal.draw(|frame| ui::draw(frame, app, theme))?;
            execute!(terminal.backend_mut(), EndSynchronizedUpdate)
        },
    )
}

/// Saves what the app queued: changes marked `Now` at once, the rest after a pause in typing.
struct Saves {
    soon: BTreeSet<usize>,
    due: Option<Instant>,
}

impl Saves {
    fn collect(&mut self, app: &mut App, save: &mut Saver) {
        for (election, when) in app.take_saves() {
            match when {
                SaveWhen::Now => {
                    self.soon.remove(&election);
                    write(app, election, save);
                }
                SaveWhen::Soon => {
                    self.soon.insert(election);
                    self.due = Some(Instant::now() + SAVE_PAUSE);
                }
            }
        }
    }

    fn flush(&mut self, app: &mut App, save: &mut Saver) {
        self.due = None;
        for election in std::mem::take(&mut self.soon) {
            write(app, election, save);
        }
    }
}

fn write(app: &mut App, election: usize, save: &mut Saver) {
    if let Err(e) = save(app, election) {
        app.save_failed(election, &e.to_string());
    }
}

/// The event loop, generic over the backend and the event source so tests can drive it.
///
/// It blocks on the next event (an idle app uses no CPU; the only timer is a pending note
/// save), applies every event already queued, saves what changed, then draws once.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    save: &mut Saver,
    mut draw: impl FnMut(&mut Terminal<B>, &App) -> io::Result<()>,
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
    saves.collect(app, save);
    let result = loop {
        if let Err(e) = draw(terminal, app) {
            break Err(e);
        }
        if let Some(due) = saves.due {
            let wait = due.saturating_duration_since(Instant::now());
            match events.poll(wait) {
                Ok(true) => {}
                Ok(false) => {
                    saves.flush(app, save);
                    continue;
                }
                Err(e) => break Err(e),
            }
        }
        match drain(app, events, &mut saves, save) {
            Ok(true) => continue,
            Ok(false) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    // Whatever way the loop ends, nothing the voter wrote stays unsaved.
    saves.collect(app, save);
    saves.flush(app, save);
    result
}

/// Applies the next event and every one already queued; false when the voter quits.
fn drain(
    app: &mut App,
    events: &mut impl EventSource,
    saves: &mut Saves,
    save: &mut Saver,
) -> io::Result<bool> {
    loop {
        let event = events.next()?;
        if let Some(action) = keymap::action_for(&event, app.mode())
            && app.update(action) == Effect::Quit
        {
            return Ok(false);
        }
        saves.collect(app, save);
        if !events.poll(Duration::ZERO)? {
            return Ok(true);
        }
    }
}
