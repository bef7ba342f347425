//! The outline: the sections of every open statement, one of them selected; Enter goes there.

use super::outcome::Outcome;
use crate::action::Action;

/// The outline's state: every (pane, section) in display order, and the selected one.
#[derive(Debug, Default)]
pub struct OutlineView {
    /// (pane position, section index within that pane), pane by pane.
    pub entries: Vec<(usize, usize)>,
    /// The selected entry.
    pub cursor: usize,
}

impl OutlineView {
    /// Keys of the outline: move the selection, go to it, or close.
    pub fn update(&mut self, action: Action) -> Outcome {
        let last = self.entries.len().saturating_sub(1);
        match action {
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Open => {
                if let Some(&(pane, section)) = self.entries.get(self.cursor) {
                    return Outcome::Section { pane, section };
                }
            }
            Action::Back | Action::Outline => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }
}
