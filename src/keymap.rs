//! Terminal events to [`Action`]s, in one place. The help overlay is drawn from the same table,
//! so it cannot list a key that does nothing.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

use crate::action::{Action, Mode};

/// One line of the key table: the keys, how help shows them, what they do.
pub struct Binding {
    /// The keys that trigger it.
    pub keys: &'static [KeyCode],
    /// How the help writes the keys.
    pub label: &'static str,
    /// What they do.
    pub action: Action,
    /// The help's words for it.
    pub help: &'static str,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
    }
}

use KeyCode::{
    BackTab, Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// Keys of the main screen.
pub const NORMAL: &[Binding] = &[
    bind(
        &[Char('j'), Down],
        "j ↓",
        Action::Down,
        "next candidate · scroll down",
    ),
    bind(
        &[Char('k'), Up],
        "k ↑",
        Action::Up,
        "previous candidate · scroll up",
    ),
    bind(&[PageDown], "PgDn", Action::PageDown, "page down"),
    bind(&[PageUp], "PgUp", Action::PageUp, "page up"),
    bind(
        &[Char('g'), Home],
        "g Home",
        Action::Top,
        "first candidate · top of pane",
    ),
    bind(
        &[Char('G'), End],
        "G End",
        Action::Bottom,
        "last candidate · end of pane",
    ),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "open candidate in the active pane",
    ),
    bind(
        &[Char(' ')],
        "Space",
        Action::ToggleMark,
        "mark / unmark for comparison, then move down (Space Space c compares two)",
    ),
    bind(
        &[Char('c')],
        "c",
        Action::Compare,
        "compare the marked candidates (2 to 4) side by side, in equal-width panes",
    ),
    bind(
        &[Char('w')],
        "w",
        Action::ClosePane,
        "close the focused pane",
    ),
    bind(&[Tab], "Tab", Action::FocusNext, "focus next: list, panes"),
    bind(&[BackTab], "Shift-Tab", Action::FocusPrev, "focus previous"),
    bind(
        &[Char('h'), Left],
        "h ←",
        Action::FocusLeft,
        "focus the part to the left",
    ),
    bind(
        &[Char('l'), Right],
        "l →",
        Action::FocusRight,
        "focus the part to the right",
    ),
    bind(
        &[Char('s')],
        "s",
        Action::ToggleSync,
        "synced scrolling of all panes on/off",
    ),
    bind(
        &[Char('z')],
        "z",
        Action::ToggleList,
        "hide / show the candidate list",
    ),
    bind(
        &[Char('/')],
        "/",
        Action::SearchStart,
        "search: names, affiliations, elections fuzzily, statements by word, \"a phrase\"",
    ),
    bind(
        &[Char('n')],
        "n",
        Action::NextHit,
        "next search hit in the pane",
    ),
    bind(
        &[Char('N')],
        "N",
        Action::PrevHit,
        "previous search hit in the pane",
    ),
    bind(
        &[Char('E')],
        "E",
        Action::ShowErrors,
        "files that failed to load, other notices",
    ),
    bind(
        &[Char('}')],
        "}",
        Action::NextSection,
        "next section in every pane: the others go to the section of the same name",
    ),
    bind(
        &[Char('{')],
        "{",
        Action::PrevSection,
        "previous section in every pane",
    ),
    bind(
        &[Char('H')],
        "H",
        Action::History,
        "history: this statement beside the same person's previous one",
    ),
    bind(
        &[Char('t')],
        "t",
        Action::Themes,
        "themes of this election; Enter highlights one",
    ),
    bind(
        &[Char('o')],
        "o",
        Action::Outline,
        "outline: the sections of each open statement; Enter goes to one",
    ),
    bind(
        &[Char('i')],
        "i",
        Action::ElectionInfo,
        "this election: seats, dates in UTC and local time, time left, results",
    ),
    bind(&[Char(']')], "]", Action::NextElection, "next election"),
    bind(&[Char('[')], "[", Action::PrevElection, "previous election"),
    bind(
        &[Char('b')],
        "b",
        Action::OpenBallot,
        "your ballot for this election: rank candidates",
    ),
    bind(
        &[Char('e')],
        "e",
        Action::EditNote,
        "edit your note on the candidate (readline keys; C-x C-e: $EDITOR)",
    ),
    bind(
        &[Char('v')],
        "v",
        Action::ToggleNotes,
        "show / hide your notes above the statements",
    ),
    bind(
        &[Char('R')],
        "R",
        Action::Reroll,
        "new random order for this election",
    ),
    bind(&[Char('?')], "?", Action::Help, "this help"),
    bind(
        &[Esc],
        "Esc",
        Action::Back,
        "close overlay · back to list · clear search",
    ),
    bind(&[Char('q')], "q", Action::Quit, "quit"),
];

/// Keys while typing a search query.
pub const SEARCH: &[Binding] = &[
    bind(
        &[Enter],
        "Enter",
        Action::SearchSubmit,
        "keep the filter, back to the list",
    ),
    bind(&[Esc], "Esc", Action::SearchCancel, "clear the search"),
    bind(
        &[Backspace],
        "Backspace",
        Action::SearchBackspace,
        "delete a character",
    ),
    bind(&[Down], "↓", Action::Down, "next match"),
    bind(&[Up], "↑", Action::Up, "previous match"),
];

/// Keys while an overlay (help, errors) is open.
pub const OVERLAY: &[Binding] = &[
    bind(
        &[Esc, Char('q'), Char('?'), Char('i'), Char('o'), Enter],
        "Esc",
        Action::Back,
        "close",
    ),
    bind(&[Char('j'), Down], "j ↓", Action::Down, "scroll down"),
    bind(&[Char('k'), Up], "k ↑", Action::Up, "scroll up"),
    bind(
        &[PageDown, Char(' ')],
        "PgDn",
        Action::PageDown,
        "page down",
    ),
    bind(&[PageUp], "PgUp", Action::PageUp, "page up"),
    bind(&[Char('g'), Home], "g Home", Action::Top, "top"),
    bind(&[Char('G'), End], "G End", Action::Bottom, "end"),
];

/// Keys of the ballot view.
pub const BALLOT: &[Binding] = &[
    bind(&[Char('j'), Down], "j ↓", Action::Down, "next candidate"),
    bind(&[Char('k'), Up], "k ↑", Action::Up, "previous candidate"),
    bind(&[Char('g'), Home], "g Home", Action::Top, "first candidate"),
    bind(&[Char('G'), End], "G End", Action::Bottom, "last candidate"),
    bind(
        &[
            Char('1'),
            Char('2'),
            Char('3'),
            Char('4'),
            Char('5'),
            Char('6'),
            Char('7'),
            Char('8'),
            Char('9'),
        ],
        "1–9",
        Action::SetRank(1),
        "give it that rank (the same number as others: a tie)",
    ),
    bind(
        &[Char('K')],
        "K",
        Action::MoveUp,
        "move up (an unranked one becomes the last ranked)",
    ),
    bind(
        &[Char('J')],
        "J",
        Action::MoveDown,
        "move down (the last ranked becomes unranked)",
    ),
    bind(&[Char('=')], "=", Action::Tie, "tie with the one above"),
    bind(&[Char('T')], "T", Action::ToTop, "move to the top"),
    bind(
        &[Char('B')],
        "B",
        Action::ToBottom,
        "move to the bottom of the ranking",
    ),
    bind(
        &[Char('x')],
        "x",
        Action::NoOpinion,
        "no opinion (again: back to unranked)",
    ),
    bind(&[Char('u')], "u", Action::Unrank, "unrank"),
    bind(&[Char('e')], "e", Action::EditNote, "edit your note"),
    bind(&[Enter], "Enter", Action::Open, "read the statement"),
    bind(
        &[Esc, Char('b'), Char('q')],
        "Esc b",
        Action::Back,
        "close the ballot",
    ),
];

/// Keys of the themes overlay.
pub const THEMES: &[Binding] = &[
    bind(&[Char('j'), Down], "j ↓", Action::Down, "next theme"),
    bind(&[Char('k'), Up], "k ↑", Action::Up, "previous theme"),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "search for it: list who mentions it, highlight it",
    ),
    bind(&[Esc, Char('t'), Char('q')], "Esc t", Action::Back, "close"),
];

/// Keys of the outline.
pub const OUTLINE: &[Binding] = &[
    bind(&[Char('j'), Down], "j ↓", Action::Down, "next section"),
    bind(&[Char('k'), Up], "k ↑", Action::Up, "previous section"),
    bind(&[Char('g'), Home], "g Home", Action::Top, "first section"),
    bind(&[Char('G'), End], "G End", Action::Bottom, "last section"),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "go there: that pane to the section, the others to theirs of the same name",
    ),
    bind(&[Esc, Char('o'), Char('q')], "Esc o", Action::Back, "close"),
];

/// Keys of the history view.
pub const HISTORY: &[Binding] = &[
    bind(&[Char('j'), Down], "j ↓", Action::Down, "scroll down"),
    bind(&[Char('k'), Up], "k ↑", Action::Up, "scroll up"),
    bind(
        &[PageDown, Char(' ')],
        "PgDn",
        Action::PageDown,
        "page down",
    ),
    bind(&[PageUp], "PgUp", Action::PageUp, "page up"),
    bind(&[Char('g'), Home], "g Home", Action::Top, "top"),
    bind(&[Char('G'), End], "G End", Action::Bottom, "end"),
    bind(
        &[Char('h'), Left],
        "h ←",
        Action::Older,
        "the older pair of candidacies",
    ),
    bind(&[Char('l'), Right], "l →", Action::Newer, "the newer pair"),
    bind(&[Esc, Char('H'), Char('q')], "Esc H", Action::Back, "close"),
];

/// Keys of the note editor (typing inserts text).
pub const EDITOR: &[Binding] = &[
    bind(&[Esc], "Esc", Action::Back, "save and close"),
    bind(&[Enter], "Enter", Action::EditorNewline, "new line"),
    bind(
        &[Backspace],
        "Backspace",
        Action::EditorBackspace,
        "delete before the cursor",
    ),
    bind(
        &[KeyCode::Delete],
        "Delete",
        Action::EditorDelete,
        "delete at the cursor",
    ),
    bind(&[Left], "←", Action::EditorLeft, "cursor left"),
    bind(&[Right], "→", Action::EditorRight, "cursor right"),
    bind(&[Up], "↑", Action::EditorUp, "line up"),
    bind(&[Down], "↓", Action::EditorDown, "line down"),
    bind(&[Home], "Home C-a", Action::EditorHome, "start of line"),
    bind(&[End], "End C-e", Action::EditorEnd, "end of line"),
    bind(
        &[],
        "M-b M-f",
        Action::EditorWordLeft,
        "a word left / right",
    ),
    bind(
        &[],
        "C-w",
        Action::EditorDeleteWord,
        "delete the word before the cursor",
    ),
    bind(
        &[],
        "C-u C-k",
        Action::EditorDeleteToStart,
        "delete to the start / end of the line",
    ),
    bind(
        &[],
        "C-x C-e",
        Action::EditorExternal,
        "continue in $VISUAL or $EDITOR (also C-o)",
    ),
];

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
            Mode::Overlay | Mode::Ballot | Mode::Themes | Mode::History | Mode::Outline => None,
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
