//! An entry of the candidate list.

use crate::layout::LIST_ITEM_HEIGHT;

/// One entry of the candidate list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// The name of an election (an index into the roster's elections), over its candidates.
    Header(usize),
    /// A candidate, by position in the listed hits.
    Candidate(usize),
}

impl ListRow {
    /// Screen rows the entry takes.
    pub fn height(self) -> usize {
        match self {
            ListRow::Header(_) => 1,
            ListRow::Candidate(_) => LIST_ITEM_HEIGHT,
        }
    }
}
