//! The event loop with scripted events and a recording saver: what is saved, and when.

mod common;

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use common::*;
use hustings::app::App;
use hustings::tui::{self, EventSource, Host};
use hustings::ui::{self, theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Scripted events; when they run out, the source fails with `end` (a broken terminal by
/// default, or `Interrupted`, as the real source reports an ending signal).
/// The candidate listed first in the built-in roster (the newest election's), and that
/// election.
const FIRST: usize = 1;
const NEWEST: usize = 1;

struct Script(VecDeque<Event>, io::ErrorKind);

impl EventSource for Script {
    fn next(&mut self) -> io::Result<Event> {
        self.0
            .pop_front()
            .ok_or_else(|| io::Error::new(self.1, "the script ran out"))
    }

    fn poll(&mut self, _timeout: Duration) -> io::Result<bool> {
        Ok(!self.0.is_empty())
    }
}

fn script(keys: &str, end: Event) -> Script {
    let mut events: VecDeque<Event> = keys.chars().map(|c| key(KeyCode::Char(c))).collect();
    events.push_back(end);
    Script(events, io::ErrorKind::Other)
}

/// Records saves; its "external editor" appends a line.
#[derive(Default)]
struct Recorder {
    saved: Vec<(usize, String)>,
    edited: Vec<String>,
    opened: Vec<String>,
    copied: Vec<String>,
}

impl Host<TestBackend> for Recorder {
    fn draw(&mut self, terminal: &mut Terminal<TestBackend>, app: &App) -> io::Result<()> {
        terminal
            .draw(|frame| ui::draw(frame, app, &theme::COLOR))
            .map(|_| ())
            .map_err(io::Error::other)
    }

    fn save(&mut self, app: &App, election: usize) -> io::Result<()> {
        // The note on the candidate listed first (the newest election's first).
        self.saved
            .push((election, app.note_text(FIRST).to_string()));
        Ok(())
    }

    fn edit_externally(
        &mut self,
        _terminal: &mut Terminal<TestBackend>,
        text: &str,
    ) -> Result<String, String> {
        self.edited.push(text.to_string());
        Ok(format!("{text}\nadded outside\n"))
    }

    fn open_link(&mut self, url: &str) -> Result<String, String> {
        self.opened.push(url.to_string());
        Ok("the test's browser".to_string())
    }

    fn copy(&mut self, text: &str) -> Result<(), String> {
        self.copied.push(text.to_string());
        Ok(())
    }
}

/// Runs `app` through `events` until the loop ends; returns the host with what it saw, and
/// how the loop ended.
fn run_to_end(app: &mut App, events: &mut Script) -> (Recorder, io::Result<()>) {
    let mut host = Recorder::default();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let result = tui::run_loop(&mut terminal, app, events, &mut host);
    (host, result)
}

/// Runs `app` through `events`, which must end it by quitting.
fn run(app: &mut App, events: &mut Script) -> Recorder {
    let (host, result) = run_to_end(app, events);
    assert!(result.is_ok(), "the loop failed: {result:?}");
    host
}

#[test]
fn q_quits_and_reads_nothing_after_it() {
    let mut app = embedded_app();
    let mut events = script("q", key(KeyCode::Char('j')));
    run(&mut app, &mut events);
    assert_eq!(events.0.len(), 1, "the key after q is never read");
    assert_eq!(app.cursor(), 0);
}

#[test]
fn an_ending_signal_ends_the_loop_cleanly_and_saves_the_note() {
    let mut app = embedded_app();
    let mut events = script("e", key(KeyCode::Char('z')));
    events.1 = io::ErrorKind::Interrupted;
    let saved = run(&mut app, &mut events).saved;
    assert_eq!(saved.last(), Some(&(NEWEST, "z".to_string())), "{saved:?}");
}

#[test]
fn a_note_typed_and_quit_with_ctrl_c_is_saved() {
    let mut app = embedded_app();
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let saved = run(&mut app, &mut script("eabc", ctrl_c)).saved;
    assert_eq!(
        saved.last(),
        Some(&(NEWEST, "abc".to_string())),
        "{saved:?}"
    );
}

#[test]
fn closing_the_note_saves_at_once() {
    let mut app = embedded_app();
    let mut events = script("exyz", key(KeyCode::Esc));
    events.0.push_back(key(KeyCode::Char('q')));
    let saved = run(&mut app, &mut events).saved;
    assert!(saved.contains(&(NEWEST, "xyz".to_string())), "{saved:?}");
}

#[test]
fn the_loop_reports_its_event_source_failing_and_still_saves() {
    let mut app = embedded_app();
    let mut events = Script(
        VecDeque::from([key(KeyCode::Char('e')), key(KeyCode::Char('n'))]),
        io::ErrorKind::Other,
    );
    let (host, result) = run_to_end(&mut app, &mut events);
    let error = result.expect_err("a broken terminal ends the loop with its error");
    assert_eq!(error.to_string(), "the script ran out");
    assert_eq!(host.saved.last(), Some(&(NEWEST, "n".to_string())));
}

#[test]
fn ctrl_x_ctrl_e_continues_the_note_in_an_external_editor() {
    let mut app = embedded_app();
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    let mut events = script("eFirst", ctrl('x'));
    events.0.push_back(ctrl('e'));
    events.0.push_back(key(KeyCode::Esc));
    events.0.push_back(key(KeyCode::Char('q')));
    let host = run(&mut app, &mut events);
    assert_eq!(host.edited, vec!["First"]);
    assert_eq!(app.note_text(FIRST), "First\nadded outside");
    assert_eq!(
        host.saved.last(),
        Some(&(NEWEST, "First\nadded outside".to_string()))
    );
}

#[test]
fn esc_and_a_key_typed_fast_are_two_keys_not_alt() {
    // A terminal sends `Esc q` typed fast as one Alt-q: in the ballot that is Esc (close),
    // then q (quit).
    let mut app = embedded_app();
    let alt_q = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT));
    let mut events = script("b", alt_q);
    events.0.push_back(key(KeyCode::Char('j')));
    run(&mut app, &mut events);
    assert_eq!(events.0.len(), 1, "quit after the Esc closed the ballot");
    assert_eq!(app.overlay(), None);
}

#[test]
fn a_link_is_opened_and_copied_as_shown_and_nothing_else() {
    let roster = roster_of(&[(
        "e/a.yaml",
        "name: Ann\nlinks: {site: 'https://ann.example/'}\nstatement: |\n  My [talk](https://talks.example/ann) and javascript:alert(1) [x](file:///etc/passwd).\n",
    )]);
    let mut app = App::new(roster, Vec::new());
    let mut events = script("\nLj", key(KeyCode::Enter));
    events.0.push_back(key(KeyCode::Char('y')));
    events.0.push_back(key(KeyCode::Esc));
    events.0.push_back(key(KeyCode::Char('q')));
    let host = run(&mut app, &mut events);
    assert_eq!(host.opened, ["https://talks.example/ann"]);
    assert_eq!(host.copied, ["https://talks.example/ann"]);
}
