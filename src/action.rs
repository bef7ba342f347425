//! What a voter can ask of the app, and what the event loop must do after. Below both the
//! session state and the keymap, so that each can use the other's words without a circle.

/// Everything a voter can ask of the app; keys and mouse events are mapped to these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Next candidate in the list, or one line down in a pane.
    Down,
    /// Previous candidate, or one line up in a pane.
    Up,
    /// A page down: the list, or the focused pane.
    PageDown,
    /// A page up.
    PageUp,
    /// First candidate, or top of the pane.
    Top,
    /// Last candidate, or the end of the pane.
    Bottom,
    /// Opens the selected candidate in the active pane.
    Open,
    /// Marks or unmarks the selected candidate for comparison.
    ToggleMark,
    /// Shows the marked candidates side by side.
    Compare,
    /// Closes the focused pane.
    ClosePane,
    /// Focus on the next part: the list, then each pane.
    FocusNext,
    /// Focus on the previous part.
    FocusPrev,
    /// Focus on the part to the left.
    FocusLeft,
    /// Focus on the part to the right.
    FocusRight,
    /// Synced scrolling of all panes on or off.
    ToggleSync,
    /// Hides or shows the candidate list.
    ToggleList,
    /// Starts typing a search query.
    SearchStart,
    /// A character typed into the search.
    SearchInput(char),
    /// Text pasted: it is searched for.
    SearchPaste(String),
    /// Deletes the last character of the query.
    SearchBackspace,
    /// Empties the query.
    SearchClear,
    /// Keeps the query and leaves the input line.
    SearchSubmit,
    /// Drops the query and leaves the input line.
    SearchCancel,
    /// The next search hit in the focused pane.
    NextHit,
    /// The previous search hit in the focused pane.
    PrevHit,
    /// Opens the key help.
    Help,
    /// Opens the files that failed to load, and other notices.
    ShowErrors,
    /// Closes an overlay, leaves a pane, or clears the filter, whichever comes first.
    Back,
    /// Mouse wheel at a screen position; positive is down.
    Wheel {
        /// Screen column of the pointer.
        column: u16,
        /// Screen row of the pointer.
        row: u16,
        /// Notches turned: positive is down.
        lines: i8,
    },
    /// A click at a screen position.
    Click {
        /// Screen column.
        column: u16,
        /// Screen row.
        row: u16,
    },
    /// The window changed size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Leaves the app (everything is saved first).
    Quit,
    /// Opens (or closes) the ballot of the current election.
    OpenBallot,
    /// Edits the selected candidate's note.
    EditNote,
    /// Shows or hides the voter's notes above the statements.
    ToggleNotes,
    /// Draws a new random order for the current election.
    Reroll,
    // In the ballot view, on the selected candidate:
    /// Moves the selected candidate up the ranking.
    MoveUp,
    /// Moves the selected candidate down the ranking.
    MoveDown,
    /// Ties it with the candidates just above.
    Tie,
    /// Gives it this rank (from 1); the same rank as others is a tie.
    SetRank(usize),
    /// "No opinion" on the selected candidate, or back to unranked.
    NoOpinion,
    /// Takes the selected candidate off the ranking.
    Unrank,
    /// On an approval ballot: approves the selected candidate, or takes the approval back.
    ToggleApproval,
    /// Moves the selected candidate to the top.
    ToTop,
    /// Moves the selected candidate to the bottom of the ranking.
    ToBottom,
    // In the note editor:
    /// A character typed into the note.
    EditorInsert(char),
    /// A new line in the note.
    EditorNewline,
    /// Deletes the character before the cursor.
    EditorBackspace,
    /// Deletes the character after the cursor.
    EditorDelete,
    /// Cursor one character left.
    EditorLeft,
    /// Cursor one character right.
    EditorRight,
    /// Cursor one line up.
    EditorUp,
    /// Cursor one line down.
    EditorDown,
    /// Cursor to the start of the line.
    EditorHome,
    /// Cursor to the end of the line.
    EditorEnd,
    /// Text pasted into the note.
    EditorPaste(String),
    /// Continues the note in `$EDITOR`.
    EditorExternal,
    /// `Ctrl-X`: the first key of `Ctrl-X Ctrl-E` (continue in `$EDITOR`), as in bash.
    EditorChord,
    /// The cursor to the start of the previous word.
    EditorWordLeft,
    /// The cursor to the end of the next word.
    EditorWordRight,
    /// Deletes the word before the cursor.
    EditorDeleteWord,
    /// Deletes from the start of the line to the cursor.
    EditorDeleteToStart,
    /// Deletes from the cursor to the end of the line.
    EditorDeleteToEnd,
    /// Shows the current election's seats, dates, incumbents and results.
    ElectionInfo,
    /// Selects the first candidate of the next (or previous) election.
    NextElection,
    /// Selects the first candidate of the previous election.
    PrevElection,
    /// Moves the focused pane to its next (previous) section, and every other pane to the
    /// section of the same name.
    NextSection,
    /// Moves the panes to the previous section.
    PrevSection,
    /// Shows the sections of every open statement.
    Outline,
    /// Shows the themes of the current election.
    Themes,
    /// Compares the candidate's statement with their previous candidacy's.
    History,
    /// Selects the next candidate added, or changed, since the voter's last visit.
    NextNews,
    /// Leaves out (or brings back) candidates who did not answer, when answers are compared.
    SkipUnanswered,
    /// Scrolls the question's band above compared answers down a line.
    BandDown,
    /// Scrolls the question's band up a line.
    BandUp,
    /// Compares the candidate's statement with the version the voter read.
    ReadDiff,
    /// In the history view: the older or newer pair of candidacies.
    Older,
    /// In the history view: the newer pair.
    Newer,
    /// Opens the questions of the current election: who answered what.
    Questions,
    /// Lists the web links of the focused statement.
    Links,
    /// In the links: copies the selected address (OSC 52).
    CopyLink,
    /// While the panes show one question's answers: the next candidates' answers.
    NextAnswers,
    /// The previous candidates' answers.
    PrevAnswers,
    /// While the panes show one question's answers: the next question's.
    NextQuestion,
    /// The previous question's answers.
    PrevQuestion,
}

/// The actions of the main screen by name, as a config file binds them
/// (`[keys]` `Q = "quit"`): one list for the keymap, the config and the help.
pub const NAMED: &[(&str, Action)] = &[
    ("down", Action::Down),
    ("up", Action::Up),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("open", Action::Open),
    ("mark", Action::ToggleMark),
    ("compare", Action::Compare),
    ("close_pane", Action::ClosePane),
    ("focus_next", Action::FocusNext),
    ("focus_previous", Action::FocusPrev),
    ("focus_left", Action::FocusLeft),
    ("focus_right", Action::FocusRight),
    ("sync", Action::ToggleSync),
    ("toggle_list", Action::ToggleList),
    ("search", Action::SearchStart),
    ("next_hit", Action::NextHit),
    ("previous_hit", Action::PrevHit),
    ("errors", Action::ShowErrors),
    ("next_section", Action::NextSection),
    ("previous_section", Action::PrevSection),
    ("history", Action::History),
    ("next_new", Action::NextNews),
    ("skip_unanswered", Action::SkipUnanswered),
    ("question_down", Action::BandDown),
    ("question_up", Action::BandUp),
    ("changes_since_read", Action::ReadDiff),
    ("themes", Action::Themes),
    ("outline", Action::Outline),
    ("election", Action::ElectionInfo),
    ("questions", Action::Questions),
    ("next_answers", Action::NextAnswers),
    ("previous_answers", Action::PrevAnswers),
    ("next_question", Action::NextQuestion),
    ("previous_question", Action::PrevQuestion),
    ("links", Action::Links),
    ("next_election", Action::NextElection),
    ("previous_election", Action::PrevElection),
    ("ballot", Action::OpenBallot),
    ("note", Action::EditNote),
    ("notes", Action::ToggleNotes),
    ("reroll", Action::Reroll),
    ("help", Action::Help),
    ("back", Action::Back),
    ("quit", Action::Quit),
];

impl Action {
    /// The action called `name` in a config file.
    pub fn named(name: &str) -> Option<Action> {
        NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| a.clone())
    }

    /// The name a config file calls this action by, if it can be bound.
    pub fn name(&self) -> Option<&'static str> {
        NAMED.iter().find(|(_, a)| a == self).map(|(n, _)| *n)
    }
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Go on reading events.
    Continue,
    /// Leave the app.
    Quit,
    /// Open the address `App::take_link` gives in the voter's browser.
    OpenLink,
    /// Copy the address `App::take_link` gives to the clipboard.
    CopyLink,
    /// Edit this candidate's note in the voter's own `$EDITOR`, then hand it back with
    /// [`App::set_note`].
    EditExternally(usize),
}

/// Which part of the screen keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The candidate list.
    List,
    /// A statement pane, by position.
    Pane(usize),
}

/// A window drawn over everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys.
    Help,
    /// The files that failed to load, and notices.
    Errors,
    /// The voter's ballot for an election.
    Ballot,
    /// The current election's facts and dates.
    Election,
    /// The sections of every open statement.
    Outline,
    /// The themes of the current election.
    Themes,
    /// A statement beside the same person's previous one.
    History,
    /// The election's questions: questions down, candidates across.
    Questions,
    /// The web links of a statement.
    Links,
}

/// How keys are read at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The list and panes.
    Normal,
    /// Typing a search query.
    Search,
    /// A text overlay (help, errors, election).
    Overlay,
    /// The ballot view.
    Ballot,
    /// The note editor.
    Editor,
    /// The themes overlay.
    Themes,
    /// The history view.
    History,
    /// The outline: a section to jump to.
    Outline,
    /// The questions of an election.
    Questions,
    /// The links of a statement.
    Links,
}
