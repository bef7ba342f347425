//! The ballot overlay: one election's ranking, a selection moving through its rows.

use super::outcome::{Outcome, RankChange};
use crate::action::Action;

/// The ballot overlay's state.
#[derive(Debug, Default)]
pub struct BallotView {
    /// The election whose ballot is open.
    pub election: usize,
    /// The selected row.
    pub cursor: usize,
    /// While the voter types ranks, the rows' order when they began (candidates), so that no
    /// row moves under the cursor; any other change, or opening the ballot again, sorts them.
    pub still: Option<Vec<usize>>,
}

impl BallotView {
    /// Keys of the ballot view, given how many rows it has.
    pub fn update(&mut self, action: Action, rows: usize) -> Outcome {
        let last = rows.saturating_sub(1);
        match action {
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Back | Action::OpenBallot => return Outcome::Close,
            Action::Open => return Outcome::Read,
            Action::EditNote => return Outcome::EditNote,
            Action::MoveUp => return Outcome::Rank(RankChange::Up),
            Action::MoveDown => return Outcome::Rank(RankChange::Down),
            Action::Tie => return Outcome::Rank(RankChange::Tie),
            Action::SetRank(rank) => return Outcome::Rank(RankChange::To(rank)),
            Action::ToTop => return Outcome::Rank(RankChange::Top),
            Action::ToBottom => return Outcome::Rank(RankChange::Bottom),
            Action::Unrank => return Outcome::Rank(RankChange::Unrank),
            Action::NoOpinion => return Outcome::Rank(RankChange::NoOpinion),
            Action::ToggleApproval => return Outcome::Rank(RankChange::Toggle),
            _ => {}
        }
        Outcome::Stay
    }
}
