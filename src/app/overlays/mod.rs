//! The windows drawn over everything else, each owning its state and answering its keys
//! with an [`Outcome`] the session then carries out. None of them knows the session.

pub mod ballot;
pub mod history;
pub mod links;
mod outcome;
pub mod outline;
pub mod questions;
pub mod text;
pub mod themes;

pub use outcome::{Outcome, RankChange};

use crate::action::Overlay;

/// The open overlay and its state.
#[derive(Debug)]
pub enum Open {
    /// Help, errors, the election or the outline: text to scroll through.
    Text(text::TextView),
    Ballot(ballot::BallotView),
    Themes(themes::ThemesView),
    History(history::HistoryView),
    Outline(outline::OutlineView),
    Questions(questions::QuestionsView),
    Links(links::LinksView),
}

impl Open {
    /// Which overlay this is.
    pub fn kind(&self) -> Overlay {
        match self {
            Open::Text(view) => view.kind,
            Open::Ballot(_) => Overlay::Ballot,
            Open::Themes(_) => Overlay::Themes,
            Open::History(_) => Overlay::History,
            Open::Outline(_) => Overlay::Outline,
            Open::Questions(_) => Overlay::Questions,
            Open::Links(_) => Overlay::Links,
        }
    }
}
