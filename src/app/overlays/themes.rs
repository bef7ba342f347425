//! The themes overlay: the topics of one election, derived when opened.

use super::outcome::Outcome;
use crate::action::Action;
use crate::analysis::topics::Theme;

/// The themes overlay's state.
#[derive(Debug, Default)]
pub struct ThemesView {
    pub election: usize,
    /// The election's candidates, in the voter's order.
    pub candidates: Vec<usize>,
    pub themes: Vec<Theme>,
    /// The selected row.
    pub cursor: usize,
}

impl ThemesView {
    /// Keys of the themes overlay: Enter searches for the selected theme.
    pub fn update(&mut self, action: Action) -> Outcome {
        let rows = self.themes.len();
        match action {
            Action::Down => self.cursor = (self.cursor + 1).min(rows.saturating_sub(1)),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Back | Action::Themes => return Outcome::Close,
            Action::Open => {
                if let Some(theme) = self.themes.get(self.cursor) {
                    return Outcome::Search(theme.term.clone());
                }
            }
            _ => {}
        }
        Outcome::Stay
    }
}
