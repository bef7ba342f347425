//! An entry of the candidate list.

/// One entry of the candidate list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// The name of an election (an index into the roster's elections), over its candidates.
    Header(usize),
    /// A candidate, by position in the listed hits.
    Candidate(usize),
}
