//! When a statement counts as read: when the voter has scrolled through it to its end, or
//! has spent a while on it (the focused pane, for a time that grows with its length). Opening
//! three side by side marks none of them read at once.

use super::{App, Focus};

/// The least and most time on a statement before it counts as read, and the words a
/// skimming reader gets through in a second.
const READ_AFTER_LEAST: i64 = 5;
const READ_AFTER_MOST: i64 = 30;
const WORDS_A_SECOND: usize = 10;

/// How long `statement` must have the voter's eyes (the focused pane) to count as read.
pub(super) fn read_after(statement: &str) -> chrono::Duration {
    let seconds = (statement.split_whitespace().count() / WORDS_A_SECOND) as i64;
    chrono::Duration::seconds(seconds.clamp(READ_AFTER_LEAST, READ_AFTER_MOST))
}

impl App {
    /// The statement in the focused pane, as (candidate), when it is a statement (not an
    /// answer).
    fn statement_in_focus(&self) -> Option<usize> {
        let Focus::Pane(i) = self.focus else {
            return None;
        };
        let pane = self.panes.get(i)?;
        pane.question.is_none().then_some(pane.candidate)
    }

    /// Counts the time the voter spends on the focused statement: one that had their eyes
    /// long enough (until now, or until they looked elsewhere) is read.
    pub(super) fn note_reading(&mut self) {
        let now = self.now;
        let focused = self.statement_in_focus();
        if let Some((candidate, since)) = self.reading {
            let read = now - since >= read_after(self.statement_of(candidate));
            if read {
                self.mark_read(candidate);
            }
            self.reading = match (focused == Some(candidate), read) {
                // Read: nothing more to count until the eyes move.
                (true, true) => Some((candidate, chrono::DateTime::<chrono::Utc>::MAX_UTC)),
                (true, false) => Some((candidate, since)),
                (false, _) => None,
            };
        }
        if self.reading.is_none() {
            self.reading = focused.map(|candidate| (candidate, now));
        }
    }

    fn statement_of(&self, candidate: usize) -> &str {
        self.roster.candidates[candidate].statement.display()
    }

    /// After pane `pane` scrolled down: a statement scrolled to its end is read.
    pub(super) fn scrolled_through(&mut self, pane: usize, height: usize) {
        let Some(p) = self.panes.get(pane) else {
            return;
        };
        let end = p.max_scroll(height);
        if p.question.is_none() && end > 0 && p.scroll() >= end {
            self.mark_read(p.candidate);
        }
    }
}
