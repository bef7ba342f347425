//! Terminal events to [`Action`]s, in one place. The help overlay is drawn from the same table,
//! so it cannot list a key that does nothing.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

use crate::action::{Action, Mode};

mod binding;
mod tables;

pub use binding::Binding;
pub use tables::*;

use KeyCode::{Backspace, Char, Esc};

/// A terminal sends Esc and the key after it, typed fast, as one key with Alt. Outside the
/// note editor (whose Alt keys are readline's) no key has an Alt binding, so Alt+key is the
/// two: returns (Esc, key) for such an event.
pub fn split_escape_prefix(event: &Event, mode: Mode) -> Option<(Event, Event)> {
    let Event::Key(key) = event else {
        return None;
    };
    if mode == Mode::Editor
        || key.kind == KeyEventKind::Release
        || !key.modifiers.contains(KeyModifiers::ALT)
        || key.modifiers.contains(KeyModifiers::CONTROL)
    {
        return None;
    }
    let escape = Event::Key(KeyEvent::new(Esc, KeyModifiers::NONE));
    let plain = Event::Key(KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT));
    Some((escape, plain))
}

/// A key table as a Markdown table (key, what it does): the README's is made by this, so
/// that the README, `?` and the keys themselves say the same.
pub fn markdown_table(table: &[Binding]) -> String {
    let mut out = String::from("| key | what it does |\n|---|---|\n");
    for binding in table {
        let keys: Vec<String> = binding
            .label
            .split(' ')
            .filter(|k| !k.is_empty())
            .map(|k| format!("`{k}`"))
            .collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(" "), binding.help));
    }
    out
}

/// The action for `event` in `mode`, if any. Key releases are ignored.
pub fn action_for(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(key, mode),
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Paste(text) => match mode {
            Mode::Editor => Some(Action::EditorPaste(text.clone())),
            // Pasting on the main screen searches for the pasted text.
            Mode::Normal | Mode::Search => Some(Action::SearchPaste(text.clone())),
            Mode::Overlay
            | Mode::Ballot
            | Mode::Themes
            | Mode::History
            | Mode::Outline
            | Mode::Questions
            | Mode::Links => None,
        },
        _ => None,
    }
}

/// The key table of `mode`.
pub fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Normal => NORMAL,
        Mode::Search => SEARCH,
        Mode::Overlay => OVERLAY,
        Mode::Ballot => BALLOT,
        Mode::Editor => EDITOR,
        Mode::Themes => THEMES,
        Mode::History => HISTORY,
        Mode::Outline => OUTLINE,
        Mode::Questions => QUESTIONS,
        Mode::Links => LINKS,
    }
}

fn key_action(key: &KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            Char('c') | Char('q') => Some(Action::Quit),
            Char('u') if mode == Mode::Search => Some(Action::SearchClear),
            // In the note editor, readline's keys, as in a shell.
            Char('a') if mode == Mode::Editor => Some(Action::EditorHome),
            Char('e') if mode == Mode::Editor => Some(Action::EditorEnd),
            Char('x') if mode == Mode::Editor => Some(Action::EditorChord),
            Char('o') if mode == Mode::Editor => Some(Action::EditorExternal),
            Char('w') if mode == Mode::Editor => Some(Action::EditorDeleteWord),
            Char('u') if mode == Mode::Editor => Some(Action::EditorDeleteToStart),
            Char('k') if mode == Mode::Editor => Some(Action::EditorDeleteToEnd),
            Char('b') if mode == Mode::Editor => Some(Action::EditorLeft),
            Char('f') if mode == Mode::Editor => Some(Action::EditorRight),
            _ if mode == Mode::Editor => None,
            Char('d') => Some(Action::PageDown),
            Char('b') => Some(Action::PageUp),
            Char('f') => Some(Action::PageDown),
            Char('n') => Some(Action::Down),
            Char('p') => Some(Action::Up),
            _ => None,
        };
    }
    if mode == Mode::Editor && key.modifiers.contains(KeyModifiers::ALT) {
        return match key.code {
            Char('b') => Some(Action::EditorWordLeft),
            Char('f') => Some(Action::EditorWordRight),
            Backspace => Some(Action::EditorDeleteWord),
            // Alt with anything else is no text to type.
            _ => None,
        };
    }
    if let Some(binding) = table(mode).iter().find(|b| b.keys.contains(&key.code)) {
        return Some(match (&binding.action, key.code) {
            // One row of the table stands for every digit: the rank is the digit typed.
            (Action::SetRank(_), Char(digit)) => {
                Action::SetRank(digit.to_digit(10).map_or(1, |d| d as usize))
            }
            (action, _) => action.clone(),
        });
    }
    match (mode, key.code) {
        (Mode::Search, Char(c)) => Some(Action::SearchInput(c)),
        (Mode::Editor, Char(c)) => Some(Action::EditorInsert(c)),
        _ => None,
    }
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            lines: 1,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            lines: -1,
        }),
        MouseEventKind::Down(_) => Some(Action::Click { column, row }),
        _ => None,
    }
}
