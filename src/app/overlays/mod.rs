//! The windows drawn over everything else, each owning its state and answering its keys
//! with an [`Outcome`] the session then carries out. None of them knows the session.

pub mod history;
pub mod text;
pub mod themes;

/// What an overlay asks of the session after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing more: the overlay handled it (or ignored it).
    Stay,
    /// Close the overlay.
    Close,
    /// Close the overlay and search for this text.
    Search(String),
}
