//! What the panes show while they compare the answers to one question.

/// The panes show one question's answers: of which election, which question, whose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Answering {
    pub election: usize,
    pub question: usize,
    /// Every candidate of the election, in the voter's order.
    pub candidates: Vec<usize>,
    /// The first of them shown.
    pub first: usize,
}
