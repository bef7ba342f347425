//! The terminal: set-up, one idempotent restore (for normal exit, errors, panics and
//! signals), and the event loop, which draws only after input or a resize.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

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

use crate::app::{Action, App, Effect};
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
    /// Whether another event is ready without blocking.
    fn pending(&mut self) -> io::Result<bool>;
}

/// Events from the real terminal.
struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Event> {
        event::read()
    }

    fn pending(&mut self) -> io::Result<bool> {
        event::poll(Duration::ZERO)
    }
}

/// Runs the app in the real terminal until the voter quits.
pub fn run(app: &mut App, theme: &Theme) -> io::Result<()> {
    enter()?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    run_loop(&mut terminal, app, &mut TerminalEvents, |terminal, app| {
        // One synchronized update per frame: the terminal shows it whole or not at all.
        execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        execute!(terminal.backend_mut(), EndSynchronizedUpdate)
    })
}

/// The event loop, generic over the backend and the event source so tests can drive it.
///
/// It blocks on the next event (an idle app uses no CPU), applies every event already
/// queued, then draws once.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
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
    loop {
        draw(terminal, app)?;
        loop {
            let event = events.next()?;
            if let Some(action) = keymap::action_for(&event, app.mode())
                && app.update(action) == Effect::Quit
            {
                return Ok(());
            }
            if !events.pending()? {
                break;
            }
        }
    }
}
