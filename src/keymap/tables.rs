//! The key tables, one per mode: what each key does, and the help's words for it.

use ratatui::crossterm::event::KeyCode;

use super::binding::{Binding, bind};
use crate::action::Action;

use KeyCode::{
    BackTab, Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// Every view's keys under the title the help and the manual page give them.
pub const SECTIONS: &[(&str, &[Binding])] = &[
    ("Keys", NORMAL),
    ("While searching (type to filter; Ctrl-U clears)", SEARCH),
    ("In the ballot (b)", BALLOT),
    (
        "In the note editor (e; typing inserts text; Ctrl-X Ctrl-E continues in $EDITOR)",
        EDITOR,
    ),
    ("In the themes (t)", THEMES),
    ("In the history (H)", HISTORY),
    ("In the outline (o)", OUTLINE),
    ("In the questions (a)", QUESTIONS),
    ("In the links (L)", LINKS),
    ("In this window", OVERLAY),
];

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
        "next search hit in the pane (a \"quoted phrase\" as one), a few lines above it in view; the status bar says hit k of n",
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
        "history: this statement beside the same person's previous one; on an answer, their answer to the same question in an earlier election",
    ),
    bind(
        &[Char('S')],
        "S",
        Action::SkipUnanswered,
        "answers compared: leave out (or bring back) who did not answer; kept",
    ),
    bind(
        &[Char('J')],
        "J",
        Action::BandDown,
        "answers compared: scroll the question above them down",
    ),
    bind(
        &[Char('K')],
        "K",
        Action::BandUp,
        "answers compared: scroll the question above them up",
    ),
    bind(
        &[Char('u')],
        "u",
        Action::NextNews,
        "what's new: the next candidate added (+) or changed (Δ) since your last visit",
    ),
    bind(
        &[Char('d')],
        "d",
        Action::ReadDiff,
        "this statement beside the version you read, word by word, where it changed since",
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
    bind(
        &[Char('a')],
        "a",
        Action::Questions,
        "questions: who answered what; Enter compares the answers to one",
    ),
    bind(
        &[Char('>')],
        ">",
        Action::NextAnswers,
        "comparing answers: the next candidates' (< the previous)",
    ),
    bind(
        &[Char('<')],
        "<",
        Action::PrevAnswers,
        "the previous candidates' answers",
    ),
    bind(
        &[Char(')')],
        ")",
        Action::NextQuestion,
        "comparing answers: the next question (( the previous)",
    ),
    bind(
        &[Char('(')],
        "(",
        Action::PrevQuestion,
        "the previous question",
    ),
    bind(
        &[Char('L')],
        "L",
        Action::Links,
        "links in this statement: Enter opens one in $BROWSER, y copies it",
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
            Char('0'),
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
        "0–9",
        Action::SetRank(1),
        "give it that rank, as typed (the same number as others: a tie; a rank skipped is a gap until cast; rows stay still; 0 unranks); approval: 1 approves, 0 clears",
    ),
    bind(
        &[Char(' ')],
        "Space",
        Action::ToggleApproval,
        "approval ballot: approve, or take the approval back",
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

/// Keys of the questions grid.
pub const QUESTIONS: &[Binding] = &[
    bind(&[Char('j'), Down], "j ↓", Action::Down, "next question"),
    bind(&[Char('k'), Up], "k ↑", Action::Up, "previous question"),
    bind(
        &[Char('l'), Right],
        "l →",
        Action::FocusRight,
        "next candidate",
    ),
    bind(
        &[Char('h'), Left],
        "h ←",
        Action::FocusLeft,
        "previous candidate (the question at the left)",
    ),
    bind(
        &[PageDown, Char(' ')],
        "PgDn",
        Action::PageDown,
        "page down",
    ),
    bind(&[PageUp], "PgUp", Action::PageUp, "page up"),
    bind(&[Char('g'), Home], "g Home", Action::Top, "first question"),
    bind(&[Char('G'), End], "G End", Action::Bottom, "last question"),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "on a question: its answers side by side; on a cell: that answer",
    ),
    bind(&[Esc, Char('a'), Char('q')], "Esc a", Action::Back, "close"),
];

/// Keys of the links list.
pub const LINKS: &[Binding] = &[
    bind(&[Char('j'), Down], "j ↓", Action::Down, "next link"),
    bind(&[Char('k'), Up], "k ↑", Action::Up, "previous link"),
    bind(&[Char('g'), Home], "g Home", Action::Top, "first link"),
    bind(&[Char('G'), End], "G End", Action::Bottom, "last link"),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "open it with $BROWSER (else xdg-open / open)",
    ),
    bind(
        &[Char('y')],
        "y",
        Action::CopyLink,
        "copy it (OSC 52: works over ssh where the terminal allows it)",
    ),
    bind(&[Esc, Char('L'), Char('q')], "Esc L", Action::Back, "close"),
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
