//! The terminal: its mode and restore (`terminal.rs`), the events and signals
//! (`events.rs`), the event loop (`event_loop.rs`), and the voter's own editor
//! (`editor.rs`).

mod browser;
mod editor;
mod event_loop;
mod events;
mod terminal;

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

pub use event_loop::{Host, run_loop};
pub use events::EventSource;
pub use terminal::restore;

use crate::app::{Action, App};
use crate::ui::{self, Theme};
use events::TerminalEvents;
use terminal::{Guard, enter};

/// The real terminal's host: synchronized frames, the store, `$VISUAL`/`$EDITOR`.
struct TerminalHost<'a> {
    theme: &'a Theme,
    keys: &'a [(KeyCode, Option<Action>)],
    save: &'a mut dyn FnMut(&App, usize) -> io::Result<()>,
}

impl Host<CrosstermBackend<io::Stdout>> for TerminalHost<'_> {
    fn draw(
        &mut self,
        terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
        app: &App,
    ) -> io::Result<()> {
        draw_whole(terminal, |frame| ui::draw(frame, app, self.theme))
    }

    fn save(&mut self, app: &App, election: usize) -> io::Result<()> {
        (self.save)(app, election)
    }

    fn edit_externally(
        &mut self,
        terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
        text: &str,
    ) -> Result<String, String> {
        restore();
        let edited = editor::edit_in_editor(text);
        enter().map_err(|e| e.to_string())?;
        terminal.clear().map_err(|e| e.to_string())?;
        edited
    }

    fn open_link(&mut self, url: &str) -> Result<String, String> {
        browser::open(url)
    }

    fn keys(&self) -> &[(KeyCode, Option<Action>)] {
        self.keys
    }

    fn copy(&mut self, text: &str) -> Result<(), String> {
        use std::io::Write;
        let mut out = io::stdout().lock();
        out.write_all(browser::osc52(text).as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())
    }
}

/// Draws one frame with `draw` as one synchronized update: the terminal shows it whole or
/// not at all.
fn draw_whole(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    draw: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(draw)?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}

/// The real terminal in the app's mode: opened before a roster loads, so that a voter
/// waiting on a large one sees how far it has got, then handed the app. Dropping it
/// restores the terminal.
pub struct Screen {
    events: TerminalEvents,
    terminal: Terminal<CrosstermBackend<io::Stdout>>,
    /// What the voter typed while the roster loaded, for the app to take first.
    held: VecDeque<Event>,
    _guard: Guard,
}

/// How waiting for a load ended.
pub enum Waited<T> {
    /// With what the load gave.
    Loaded(T),
    /// The voter quit (`q` or Ctrl-C) before it finished.
    Quit,
    /// A signal ended the app before it finished.
    Signal(i32),
}

impl Screen {
    /// Puts the terminal in the app's mode and starts listening to it and to signals.
    pub fn open() -> io::Result<Screen> {
        let events = TerminalEvents::start()?;
        enter()?;
        let guard = Guard;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(Screen {
            events,
            terminal,
            held: VecDeque::new(),
            _guard: guard,
        })
    }

    /// Waits for what `loaded` brings; after a blink, shows `progress` (files read, of how
    /// many) until then. Keys typed meanwhile are held for the app, but `q` or Ctrl-C
    /// typed first quit, and a signal ends the wait.
    pub fn wait<T>(
        &mut self,
        loaded: &Receiver<T>,
        progress: impl Fn() -> (usize, usize),
        theme: &Theme,
    ) -> io::Result<Waited<T>> {
        const BLINK: Duration = Duration::from_millis(150);
        const TICK: Duration = Duration::from_millis(100);
        let start = Instant::now();
        loop {
            match loaded.recv_timeout(TICK) {
                Ok(value) => return Ok(Waited::Loaded(value)),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the load ended without a roster"));
                }
            }
            while self.events.poll(Duration::ZERO)? {
                match self.events.next() {
                    Ok(Event::Key(key)) if self.held.is_empty() && quits(key) => {
                        return Ok(Waited::Quit);
                    }
                    Ok(Event::Resize(..)) => {}
                    Ok(event) => self.held.push_back(event),
                    Err(e) => {
                        return match self.events.signal {
                            Some(signal) => Ok(Waited::Signal(signal)),
                            None => Err(e),
                        };
                    }
                }
            }
            if start.elapsed() >= BLINK {
                let (done, total) = progress();
                draw_whole(&mut self.terminal, |frame| {
                    ui::loading::draw(frame, done, total, theme);
                })?;
            }
        }
    }

    /// Runs the app until the voter quits or a signal ends it; returns the signal, if one
    /// did. Either way every change is saved, and the terminal is restored when the screen
    /// is dropped.
    pub fn run(
        mut self,
        app: &mut App,
        theme: &Theme,
        keys: &[(KeyCode, Option<Action>)],
        save: &mut dyn FnMut(&App, usize) -> io::Result<()>,
    ) -> io::Result<Option<i32>> {
        let mut host = TerminalHost { theme, keys, save };
        let mut events = Held {
            held: std::mem::take(&mut self.held),
            inner: &mut self.events,
        };
        run_loop(&mut self.terminal, app, &mut events, &mut host)?;
        Ok(self.events.signal)
    }
}

/// Whether a key typed during the load quits: `q`, or Ctrl-C (raw mode makes it a key).
fn quits(key: KeyEvent) -> bool {
    key.kind == KeyEventKind::Press
        && (key.code == KeyCode::Char('q') && key.modifiers.is_empty()
            || key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// The terminal's events, after those held while the roster loaded.
struct Held<'a> {
    held: VecDeque<Event>,
    inner: &'a mut TerminalEvents,
}

impl EventSource for Held<'_> {
    fn next(&mut self) -> io::Result<Event> {
        match self.held.pop_front() {
            Some(event) => Ok(event),
            None => self.inner.next(),
        }
    }

    fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
        if self.held.is_empty() {
            self.inner.poll(timeout)
        } else {
            Ok(true)
        }
    }
}
