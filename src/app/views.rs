//! The themes and history overlays: their state, derived when opened, and their keys.

use super::{Action, App, Overlay};

/// The themes overlay's state: derived from the roster when opened.
#[derive(Debug, Default)]
pub(super) struct ThemesView {
    pub(super) election: usize,
    pub(super) candidates: Vec<usize>,
    pub(super) themes: Vec<crate::analysis::topics::Theme>,
    pub(super) cursor: usize,
}

/// The history view's state.
#[derive(Debug, Default)]
pub(super) struct HistoryView {
    /// The person's candidacies, oldest first.
    pub(super) candidacies: Vec<usize>,
    /// The newer of the two compared, as a position in `candidacies` (at least 1).
    pub(super) newer: usize,
    pub(super) scroll: usize,
}

impl App {
    /// The history view: (candidacies oldest first, position of the newer one compared,
    /// scroll).
    pub fn history_view(&self) -> (&[usize], usize, usize) {
        let h = &self.history;
        (&h.candidacies, h.newer, h.scroll)
    }

    pub(super) fn open_history(&mut self) {
        let Some(candidate) = self.target_candidate() else {
            return;
        };
        let candidacies = crate::analysis::candidacies::candidacies(&self.roster, candidate);
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
            scroll: 0,
        };
        self.open_overlay(Overlay::History);
    }

    pub(super) fn update_history(&mut self, action: Action) {
        let h = &mut self.history;
        match action {
            Action::Down => h.scroll += 1,
            Action::Up => h.scroll = h.scroll.saturating_sub(1),
            Action::PageDown => h.scroll += 10,
            Action::PageUp => h.scroll = h.scroll.saturating_sub(10),
            Action::Top => h.scroll = 0,
            Action::Older if h.newer > 1 => {
                h.newer -= 1;
                h.scroll = 0;
            }
            Action::Newer if h.newer + 1 < h.candidacies.len() => {
                h.newer += 1;
                h.scroll = 0;
            }
            Action::Back | Action::History => self.overlay = None,
            _ => {}
        }
    }
}

/// Themes listed for an election.
const THEMES_SHOWN: usize = 15;

impl App {
    /// The themes overlay: (election, candidates in display order, themes, selected row).
    pub fn themes_view(&self) -> (usize, &[usize], &[crate::analysis::topics::Theme], usize) {
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
        let themes = crate::analysis::topics::themes(&statements, THEMES_SHOWN);
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
        let rows = self.themes.themes.len();
        match action {
            Action::Down => {
                self.themes.cursor = (self.themes.cursor + 1).min(rows.saturating_sub(1))
            }
            Action::Up => self.themes.cursor = self.themes.cursor.saturating_sub(1),
            Action::Back | Action::Themes => self.overlay = None,
            Action::Open => {
                if let Some(theme) = self.themes.themes.get(self.themes.cursor) {
                    let term = theme.term.clone();
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
            _ => {}
        }
    }
}
