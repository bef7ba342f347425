//! The history overlay: one statement beside the same person's previous one. The word diff
//! of a pair is computed once, when the pair is chosen, never per frame.

use super::super::lines::PaneLine;
use super::super::scroll::Scroll;
use super::outcome::Outcome;
use crate::action::Action;
use crate::analysis::candidacies::{DiffWord, Summary};

/// The word diff of one pair of statements: (older's words, newer's words, summary).
pub type Diff = (Vec<DiffWord>, Vec<DiffWord>, Summary);

/// The history overlay's state.
#[derive(Debug, Default)]
pub struct HistoryView {
    /// The person's candidacies, oldest first.
    pub candidacies: Vec<usize>,
    /// The newer of the two compared, as a position in `candidacies` (at least 1).
    pub newer: usize,
    pub scroll: Scroll,
    /// The diff of the pair shown; `None` until computed for a new pair.
    pub diff: Option<Diff>,
    /// Both sides of the diff wrapped to a column width: (width, older, newer); made again
    /// only when the width or the pair changes.
    pub wrapped: Option<(usize, Vec<PaneLine>, Vec<PaneLine>)>,
    /// Two texts compared instead of two candidacies' statements: the statement as the voter
    /// read it and now (see `App::open_read_diff`), or a candidate's answers to one question
    /// in two elections.
    pub pair: Option<Pair>,
}

/// Two texts the history view compares, with what it calls them.
#[derive(Debug, Clone, Default)]
pub struct Pair {
    /// The view's title.
    pub title: String,
    /// The older text and its column's head.
    pub older: (String, String),
    /// The newer text and its column's head.
    pub newer: (String, String),
}

impl HistoryView {
    /// Keys of the history overlay. A new pair drops the old diff, to be computed again.
    pub fn update(&mut self, action: Action) -> Outcome {
        match action {
            Action::Down => self.scroll.by(1),
            Action::Up => self.scroll.by(-1),
            Action::PageDown => self.scroll.pages(1),
            Action::PageUp => self.scroll.pages(-1),
            Action::Top => self.scroll.to(0),
            Action::Bottom => self.scroll.to(usize::MAX),
            Action::Older if self.newer > 1 => self.step(-1),
            Action::Newer if self.newer + 1 < self.candidacies.len() => self.step(1),
            Action::Back | Action::History => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    fn step(&mut self, by: isize) {
        self.newer = self.newer.saturating_add_signed(by);
        self.scroll = Scroll::default();
        self.diff = None;
        self.wrapped = None;
    }
}
