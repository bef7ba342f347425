//! Opening overlays, routing keys to the open one, carrying out what it asks, and keeping
//! its scrolling bounded by what it shows at the current window size.

use ratatui::layout::Rect;

use super::overlays::history::HistoryView;
use super::overlays::text::{election_text, errors_text, help_lines, outline_text};
use super::overlays::themes::ThemesView;
use super::overlays::{Outcome, history::Diff};
use super::statement::diff_lines;
use super::{Action, App, Effect, Overlay};
use crate::analysis::{candidacies, topics};
use crate::layout::{self, WHEEL_LINES};
use crate::text::markdown::Mark;
use crate::text::wrap::wrap;

/// Themes listed for an election.
const THEMES_SHOWN: usize = 15;

impl App {
    /// The open text overlay's title and text (help, errors, election, outline).
    pub fn overlay_text(&self) -> Option<(String, String)> {
        match self.overlay? {
            Overlay::Help => Some(("Keys — Esc closes".to_string(), help_lines().join("\n"))),
            Overlay::Errors => {
                let n = self.errors.len();
                let title = if n == 0 {
                    "Notices — Esc closes, E reopens".to_string()
                } else {
                    format!(
                        "{n} file{} could not be loaded — Esc closes, E reopens",
                        if n == 1 { "" } else { "s" }
                    )
                };
                Some((title, errors_text(&self.errors, &self.notices)))
            }
            Overlay::Election => {
                let index = self.current_election()?;
                let election = &self.roster.elections[index];
                let progress = self.reading_progress(index);
                Some((
                    election.name.clone(),
                    election_text(election, progress, self.now),
                ))
            }
            Overlay::Outline => Some((
                "Outline".to_string(),
                outline_text(&self.panes, &self.roster),
            )),
            Overlay::Ballot | Overlay::Themes | Overlay::History => None,
        }
    }

    pub(super) fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = Default::default();
        self.measure_overlay();
    }

    /// Keys of a text overlay: scroll, or close.
    pub(super) fn update_overlay(&mut self, action: Action) -> Effect {
        let scroll = &mut self.overlay_scroll;
        match action {
            Action::Down => scroll.by(1),
            Action::Up => scroll.by(-1),
            Action::PageDown => scroll.pages(1),
            Action::PageUp => scroll.pages(-1),
            Action::Top => scroll.to(0),
            Action::Bottom => scroll.to(usize::MAX),
            Action::Wheel { lines, .. } => scroll.by(isize::from(lines) * WHEEL_LINES),
            Action::Back
            | Action::Help
            | Action::ShowErrors
            | Action::ElectionInfo
            | Action::Outline
            | Action::Click { .. } => self.overlay = None,
            _ => {}
        }
        Effect::Continue
    }

    /// Bounds the open overlay's scrolling by its content at the current window size.
    pub(super) fn measure_overlay(&mut self) {
        if let Some((_, text)) = self.overlay_text() {
            let inner = layout::inner(layout::text_overlay(self.size, |w| wrap(&text, w).len()));
            let lines = wrap(&text, usize::from(inner.width)).len();
            self.overlay_scroll.resize(lines, usize::from(inner.height));
        } else if self.overlay == Some(Overlay::History) {
            self.measure_history();
        }
    }

    // ---- history ----

    /// The history view: (candidacies oldest first, position of the newer one compared,
    /// scroll).
    pub fn history_view(&self) -> (&[usize], usize, usize) {
        let h = &self.history;
        (&h.candidacies, h.newer, h.scroll.offset())
    }

    /// The word diff of the pair the history view shows.
    pub fn history_diff(&self) -> Option<&Diff> {
        self.history.diff.as_ref()
    }

    /// Where the history view draws: its inside, and the width of each column.
    pub fn history_geometry(area: Rect) -> (Rect, usize) {
        let inner = layout::inner(layout::overlay_rect(area, u16::MAX, u16::MAX));
        (inner, usize::from(inner.width.saturating_sub(3)) / 2)
    }

    pub(super) fn open_history(&mut self) {
        let Some(candidate) = self.target_candidate() else {
            return;
        };
        let candidacies = candidacies::candidacies(&self.roster, candidate);
        let position = candidacies
            .iter()
            .position(|&c| c == candidate)
            .unwrap_or(0);
        if position == 0 {
            let name = &self.roster.candidates[candidate].name;
            self.message = Some(if candidacies.len() > 1 {
                format!("This is {name}'s first candidacy here: open a later one to compare")
            } else {
                format!("No other candidacy of {name} is open")
            });
            return;
        }
        self.history = HistoryView {
            candidacies,
            newer: position,
            ..HistoryView::default()
        };
        self.open_overlay(Overlay::History);
    }

    pub(super) fn update_history(&mut self, action: Action) {
        if self.history.update(action) == Outcome::Close {
            self.overlay = None;
        } else {
            self.measure_history();
        }
    }

    /// Computes the pair's diff if it is new, and bounds the scrolling by its lines.
    fn measure_history(&mut self) {
        let h = &mut self.history;
        let (Some(&old), Some(&new)) = (
            h.candidacies.get(h.newer.wrapping_sub(1)),
            h.candidacies.get(h.newer),
        ) else {
            return;
        };
        let roster = &self.roster;
        let diff = h.diff.get_or_insert_with(|| {
            candidacies::diff(
                &roster.candidates[old].statement.display,
                &roster.candidates[new].statement.display,
            )
        });
        let (inner, column) = App::history_geometry(self.size);
        let rows = diff_lines(&diff.0, Mark::Removed, column)
            .len()
            .max(diff_lines(&diff.1, Mark::Added, column).len());
        // Two lines of the view hold the summary and the column heads.
        h.scroll
            .resize(rows, usize::from(inner.height).saturating_sub(2));
    }

    // ---- themes ----

    /// The themes overlay: (election, candidates in display order, themes, selected row).
    pub fn themes_view(&self) -> (usize, &[usize], &[topics::Theme], usize) {
        let t = &self.themes;
        (t.election, &t.candidates, &t.themes, t.cursor)
    }

    pub(super) fn open_themes(&mut self) {
        let Some(election) = self.current_election() else {
            return;
        };
        let candidates = self.candidates_of(election);
        let statements: Vec<&str> = candidates
            .iter()
            .map(|&c| self.roster.candidates[c].statement.display.as_str())
            .collect();
        let themes = topics::themes(&statements, THEMES_SHOWN);
        if themes.is_empty() {
            self.message = Some("No theme stands out in this election's statements".to_string());
            return;
        }
        self.themes = ThemesView {
            election,
            candidates,
            themes,
            cursor: 0,
        };
        self.open_overlay(Overlay::Themes);
    }

    /// Keys of the themes overlay: Enter searches for the theme, which filters the list to
    /// the candidates who mention it and highlights it in every pane.
    pub(super) fn update_themes(&mut self, action: Action) {
        match self.themes.update(action) {
            Outcome::Stay => {}
            Outcome::Close => self.overlay = None,
            Outcome::Search(term) => {
                self.overlay = None;
                self.edit_query(|q| *q = term.clone());
                let who = self.hits.len();
                self.message = Some(format!(
                    "\"{term}\": {who} candidate{} · n/N jump between mentions",
                    if who == 1 {
                        " mentions it"
                    } else {
                        "s mention it"
                    }
                ));
            }
        }
    }
}
