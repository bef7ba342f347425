//! The terminal: its mode and restore (`terminal.rs`), the events and signals
//! (`events.rs`), the event loop (`event_loop.rs`), and the voter's own editor
//! (`editor.rs`).

mod browser;
mod editor;
mod event_loop;
mod events;
mod terminal;

use std::io;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::KeyCode;
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
        // One synchronized update per frame: the terminal shows it whole or not at all.
        execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        terminal.draw(|frame| ui::draw(frame, app, self.theme))?;
        execute!(terminal.backend_mut(), EndSynchronizedUpdate)
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

/// Runs the app in the real terminal until the voter quits or a signal ends it; returns the
/// signal, if one did. Either way every change is saved and the terminal restored.
pub fn run(
    app: &mut App,
    theme: &Theme,
    keys: &[(KeyCode, Option<Action>)],
    save: &mut dyn FnMut(&App, usize) -> io::Result<()>,
) -> io::Result<Option<i32>> {
    let mut events = TerminalEvents::start()?;
    enter()?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut host = TerminalHost { theme, keys, save };
    run_loop(&mut terminal, app, &mut events, &mut host)?;
    Ok(events.signal)
}
