//! What an overlay asks of the session after a key.

/// What an overlay asks of the session after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing more: the overlay handled it (or ignored it).
    Stay,
    /// Close the overlay.
    Close,
    /// Close the overlay and search for this text.
    Search(String),
    /// Close the overlay and read the selected candidate's statement.
    Read,
    /// Edit the selected candidate's note.
    EditNote,
    /// Change the selected candidate's place in the ranking.
    Rank(RankChange),
    /// Close the overlay and show every answer to this question (of the overlay's election).
    Question(usize),
    /// Close the overlay and read this candidate's answer to this question.
    Answer {
        /// Index into the roster's candidates.
        candidate: usize,
        /// Index into the election's questions.
        question: usize,
    },
    /// Open the selected link in the voter's browser.
    OpenLink,
    /// Copy the selected link to the clipboard.
    CopyLink,
    /// Close the overlay and go to section `section` of pane `pane` (the others follow).
    Section {
        /// The pane, by position.
        pane: usize,
        /// The section, by index within the pane.
        section: usize,
    },
}

/// A change to one candidate's place in the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankChange {
    Up,
    Down,
    /// Tie with the candidates just above.
    Tie,
    /// This rank, from 1.
    To(usize),
    Top,
    Bottom,
    Unrank,
    /// "No opinion", or back to unranked.
    NoOpinion,
    /// On an approval ballot: approved, or not.
    Toggle,
}
