//! What the panes show while they compare the answers to one question.

use super::pane::Pane;
use crate::action::Focus;

/// The panes as the voter had them before comparing answers, to go back to with `Esc`.
#[derive(Debug, Clone)]
pub(super) struct Before {
    pub panes: Vec<Pane>,
    pub focus: Focus,
    pub active_pane: usize,
    pub show_list: bool,
}

/// The panes show one question's answers: of which election, which question, whose.
#[derive(Debug, Clone)]
pub(super) struct Answering {
    pub election: usize,
    pub question: usize,
    /// The candidates whose answers are compared, in the voter's order: every candidate of
    /// the election, or those who answered (see `App::skip_unanswered`).
    pub candidates: Vec<usize>,
    /// The first of them shown.
    pub first: usize,
    /// The panes before the answers took their place.
    pub before: Before,
    /// The first line of the question's band shown.
    pub band_scroll: usize,
    /// The band's lines as drawn, and the width they were drawn for.
    pub band: Option<(usize, Vec<super::lines::PaneLine>)>,
}
