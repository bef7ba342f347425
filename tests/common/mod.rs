//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use hustings::app::{Action, App, Effect};
use hustings::keymap;
use hustings::roster::{Roster, Source};
use hustings::ui::{self, Theme};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The hostile fixture's text.
pub const HOSTILE: &str = include_str!("../fixtures/hostile.yaml");

/// A roster from in-memory files; fails the test if any file does not load.
pub fn roster_of(files: &[(&str, &str)]) -> Roster {
    let (roster, errors) = Roster::from_memory(files, Source::Paths(Vec::new()));
    assert!(errors.is_empty(), "{errors:?}");
    roster
}

/// The built-in roster (Tao Peng, 2022; Anastassios Nanos, 2024).
pub fn embedded_app() -> App {
    let (roster, errors) = Roster::embedded();
    assert!(errors.is_empty(), "{errors:?}");
    App::new(roster, errors)
}

/// The built-in roster in a window of `width` × `height`.
pub fn embedded_app_at(width: u16, height: u16) -> App {
    let mut app = embedded_app();
    app.update(Action::Resize { width, height });
    app
}

/// An election with three questions: Ann answers the first two, Bo the first, Cy none.
pub fn qa_app_at(width: u16, height: u16) -> App {
    let roster = roster_of(&[
        (
            "qa/election.yaml",
            "name: Steering 2024\nquestions:\n  - title: Should we leave GitHub?\n    link: https://x.org/issues/1\n    text: Should the project host its own forge?\n  - title: Sponsors\n    link: https://x.org/issues/2\n    text: Which sponsors are welcome?\n  - title: Flakes\n    link: https://x.org/issues/3\n    text: When do flakes become stable?\n",
        ),
        (
            "qa/ann.yaml",
            "name: Ann Lee\nstatement: I maintain the module system.\nanswers:\n  - question: Should we leave GitHub?\n    link: https://x.org/issues/1\n    answer: No. The network effects matter more than hosting.\n  - question: Sponsors\n    link: https://x.org/issues/2\n    answer: Any sponsor that respects the community.\n",
        ),
        (
            "qa/bo.yaml",
            "name: Bo Ma\nstatement: I package things.\nanswers:\n  - question: Should we leave GitHub?\n    link: https://x.org/issues/1\n    answer: Yes, a self-hosted forge would free us.\n",
        ),
        ("qa/cy.yaml", "name: Cy Doe\nstatement: I write docs.\n"),
    ]);
    let mut app = App::new(roster, Vec::new());
    app.update(Action::Resize { width, height });
    app
}

/// An approval election (at most two choices) of Ann, Bo and Cy, at `width` × `height`.
pub fn approval_app_at(width: u16, height: u16) -> App {
    let roster = roster_of(&[
        (
            "e/election.yaml",
            "name: Raku 2030\nseats: 2\nballot: approval\nmax_choices: 2\n",
        ),
        ("e/a.yaml", "name: Ann\nstatement: a\n"),
        ("e/b.yaml", "name: Bo\nstatement: b\n"),
        ("e/c.yaml", "name: Cy\nstatement: c\n"),
    ]);
    let mut app = App::new(roster, Vec::new());
    app.update(Action::Resize { width, height });
    app
}

/// A roster of `n` candidates with statements of `paragraphs` paragraphs, in one election.
pub fn generated_app(n: usize, paragraphs: usize) -> App {
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            let mut statement = String::new();
            for p in 0..paragraphs {
                statement.push_str(&format!(
                    "  Paragraph {p} of candidate {i}: hypervisors, confidential containers and CI matter.\n  \n"
                ));
            }
            (
                format!("e/c{i:02}.yaml"),
                format!("name: Candidate {i:02}\naffiliation: Org {i}\nstatement: |\n{statement}"),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    App::new(roster_of(&refs), Vec::new())
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Feeds each character of `keys` as a key press through the keymap; returns the last effect.
pub fn type_keys(app: &mut App, keys: &str) -> Effect {
    let mut effect = Effect::Continue;
    for c in keys.chars() {
        effect = press(app, key(KeyCode::Char(c)));
    }
    effect
}

/// Feeds one event through the keymap, as the event loop does.
pub fn press(app: &mut App, event: Event) -> Effect {
    match keymap::action_for(&event, app.mode()) {
        Some(action) => app.update(action),
        None => Effect::Continue,
    }
}

pub fn release(code: KeyCode) -> Event {
    let mut event = KeyEvent::new(code, KeyModifiers::NONE);
    event.kind = KeyEventKind::Release;
    Event::Key(event)
}

/// Tells the app the window size, then renders it into a test buffer.
pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    render_with(app, width, height, &ui::theme::COLOR)
}

pub fn render_with(app: &mut App, width: u16, height: u16, theme: &Theme) -> Buffer {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app, theme))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer's text, one line per row, trailing spaces kept off.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            // The cell after a wide glyph is its second half, not a space of its own.
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = hustings::text::wrap::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A writer the test can read back after the terminal has written to it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Draws `app` at `width` × `height` through crossterm and returns the bytes written.
pub fn bytes_of(app: &mut App, width: u16, height: u16, theme: &ui::Theme) -> Vec<u8> {
    app.update(Action::Resize { width, height });
    let out = Shared::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
    .expect("terminal over a byte buffer");
    terminal
        .draw(|frame| ui::draw(frame, app, theme))
        .expect("draw");
    drop(terminal);
    out.0.take()
}

/// Checks every escape is a well-formed CSI sequence and nothing else controls the terminal.
pub fn assert_only_renderer_escapes(bytes: &[u8]) -> String {
    let text = std::str::from_utf8(bytes).expect("output is UTF-8");
    let mut visible = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            assert_eq!(chars.next(), Some('['), "only CSI sequences may leave");
            let mut params = String::new();
            loop {
                let p = chars.next().expect("unterminated CSI");
                if p.is_ascii_alphabetic() {
                    assert!(
                        matches!(p, 'H' | 'm' | 'J' | 'K' | 'h' | 'l'),
                        "unexpected CSI final byte {p:?} after {params:?}"
                    );
                    break;
                }
                assert!(
                    p.is_ascii_digit() || matches!(p, ';' | ':' | '?'),
                    "bad CSI parameter {p:?}"
                );
                params.push(p);
            }
            continue;
        }
        assert!(
            !c.is_control(),
            "control character {c:?} left for the terminal"
        );
        assert!(
            !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{E0000}'..='\u{E007F}'),
            "invisible or bidi character {c:?} left for the terminal"
        );
        visible.push(c);
    }
    visible
}
