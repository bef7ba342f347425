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

/// The action for `event` in `mode`, with the voter's own `keys` of the main screen (from
/// the config file; `None` unbinds a key) taking precedence over the defaults.
pub fn action_for_bound(
    event: &Event,
    mode: Mode,
    keys: &[(KeyCode, Option<Action>)],
) -> Option<Action> {
    if mode == Mode::Normal
        && let Event::Key(key) = event
        && key.kind != KeyEventKind::Release
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && let Some((_, action)) = keys.iter().find(|(code, _)| *code == key.code)
    {
        return action.clone();
    }
    action_for(event, mode)
}

/// A key as a config file names it: a character, or `enter`, `esc`, `tab`, `space`,
/// `backspace`, `up`, `down`, `left`, `right`, `home`, `end`, `pageup`, `pagedown`,
/// `delete`, `f1`–`f12`.
pub fn key_named(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    let lower = name.to_lowercase();
    Some(match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "delete" => KeyCode::Delete,
        f => {
            let n: u8 = f.strip_prefix('f')?.parse().ok()?;
            (1..=12).contains(&n).then_some(KeyCode::F(n))?
        }
    })
}

/// How a config file writes `code` (the inverse of [`key_named`]).
pub fn key_label(code: KeyCode) -> String {
    match code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".to_string(),
        KeyCode::Esc => "esc".to_string(),
        KeyCode::Tab => "tab".to_string(),
        KeyCode::BackTab => "backtab".to_string(),
        KeyCode::Backspace => "backspace".to_string(),
        KeyCode::Up => "up".to_string(),
        KeyCode::Down => "down".to_string(),
        KeyCode::Left => "left".to_string(),
        KeyCode::Right => "right".to_string(),
        KeyCode::Home => "home".to_string(),
        KeyCode::End => "end".to_string(),
        KeyCode::PageUp => "pageup".to_string(),
        KeyCode::PageDown => "pagedown".to_string(),
        KeyCode::Delete => "delete".to_string(),
        KeyCode::F(n) => format!("f{n}"),
        other => format!("{other:?}").to_lowercase(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_of_the_main_screen_has_a_name_to_bind_it_by() {
        for binding in NORMAL {
            assert!(
                binding.action.name().is_some(),
                "{:?} has no name in action::NAMED",
                binding.action
            );
        }
        for binding in NORMAL {
            for key in binding.keys {
                assert_eq!(key_named(&key_label(*key)), Some(*key), "{key:?}");
            }
        }
    }

    #[test]
    fn the_voters_keys_come_first_on_the_main_screen_only() {
        let q = Event::Key(KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT));
        let keys = [
            (KeyCode::Char('Q'), Some(Action::Quit)),
            (KeyCode::Char('j'), None),
        ];
        assert_eq!(
            action_for_bound(&q, Mode::Normal, &keys),
            Some(Action::Quit)
        );
        assert_eq!(action_for(&q, Mode::Normal), None);
        let j = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(action_for_bound(&j, Mode::Normal, &keys), None, "unbound");
        assert_eq!(
            action_for_bound(&j, Mode::Ballot, &keys),
            Some(Action::Down),
            "the ballot keeps its keys"
        );
    }
}
