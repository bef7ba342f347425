//! What a voter can ask of the app, and what the event loop must do after. Below both the
//! session state and the keymap, so that each can use the other's words without a circle.

/// Everything a voter can ask of the app; keys and mouse events are mapped to these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Next candidate in the list, or one line down in a pane.
    Down,
    Up,
    PageDown,
    PageUp,
    /// First candidate, or top of the pane.
    Top,
    Bottom,
    /// Opens the selected candidate in the active pane.
    Open,
    ToggleMark,
    /// Shows the marked candidates side by side.
    Compare,
    ClosePane,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    ToggleSync,
    ToggleList,
    /// Starts typing a search query.
    SearchStart,
    SearchInput(char),
    SearchPaste(String),
    SearchBackspace,
    SearchClear,
    /// Keeps the query and leaves the input line.
    SearchSubmit,
    /// Drops the query and leaves the input line.
    SearchCancel,
    NextHit,
    PrevHit,
    Help,
    ShowErrors,
    /// Closes an overlay, leaves a pane, or clears the filter, whichever comes first.
    Back,
    /// Mouse wheel at a screen position; positive is down.
    Wheel {
        column: u16,
        row: u16,
        lines: i8,
    },
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
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
    MoveUp,
    MoveDown,
    /// Ties it with the candidates just above.
    Tie,
    NoOpinion,
    Unrank,
    ToTop,
    ToBottom,
    // In the note editor:
    EditorInsert(char),
    EditorNewline,
    EditorBackspace,
    EditorDelete,
    EditorLeft,
    EditorRight,
    EditorUp,
    EditorDown,
    EditorHome,
    EditorEnd,
    EditorPaste(String),
    /// Continues the note in `$EDITOR`.
    EditorExternal,
    /// Shows the current election's seats, dates, incumbents and results.
    ElectionInfo,
    /// Selects the first candidate of the next (or previous) election.
    NextElection,
    PrevElection,
    /// Moves the focused pane to its next (previous) section, and every other pane to the
    /// section of the same name.
    NextSection,
    PrevSection,
    /// Shows the sections of every open statement.
    Outline,
    /// Shows the themes of the current election.
    Themes,
    /// Compares the candidate's statement with their previous candidacy's.
    History,
    /// In the history view: the older or newer pair of candidacies.
    Older,
    Newer,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Continue,
    Quit,
    /// Edit this candidate's note in the voter's own `$EDITOR`, then hand it back with
    /// [`App::set_note`].
    EditExternally(usize),
}

/// Which part of the screen keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane(usize),
}

/// A window drawn over everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Errors,
    Ballot,
    Election,
    Outline,
    Themes,
    History,
}

/// How keys are read at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Overlay,
    Ballot,
    Editor,
    Themes,
    History,
}
