//! Opening overlays, routing keys to the open one, carrying out what it asks, and keeping
//! its scrolling bounded by what it shows at the current window size.

use ratatui::layout::Rect;

use super::overlays::ballot::BallotView;
use super::overlays::history::{Diff, HistoryView, Pair};
use super::overlays::outline::OutlineView;
use super::overlays::text::{TextView, election_text, errors_text, help_lines};
use super::overlays::themes::ThemesView;
use super::overlays::{Open, Outcome, RankChange};
use super::statement::diff_lines;
use super::{Action, App, Effect, Focus, Overlay, PaneLine};
use crate::analysis::{candidacies, topics};
use crate::layout;
use crate::text::markdown::Mark;
use crate::voter::ballot::Ballot;

/// Themes listed for an election.
const THEMES_SHOWN: usize = 15;

impl App {
    /// The open overlay, if any.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay.as_ref().map(Open::kind)
    }

    /// How far the open text overlay is scrolled.
    pub fn overlay_scroll(&self) -> usize {
        match &self.overlay {
            Some(Open::Text(view)) => view.scroll.offset(),
            _ => 0,
        }
    }

    /// The open text overlay's title and text (help, errors, election, outline).
    pub fn overlay_text(&self) -> Option<(String, String)> {
        match self.overlay()? {
            Overlay::Help => Some((
                "Keys — Esc closes".to_string(),
                help_lines(&self.key_help).join("\n"),
            )),
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
                Some((
                    title,
                    errors_text(&self.errors, &self.notices, &self.roster.skipped),
                ))
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
            Overlay::Ballot
            | Overlay::Themes
            | Overlay::History
            | Overlay::Outline
            | Overlay::Questions
            | Overlay::Links => None,
        }
    }

    /// Opens a text overlay (help, errors, election, outline) at its top.
    pub(super) fn open_text(&mut self, kind: Overlay) {
        self.overlay = Some(Open::Text(TextView {
            kind,
            scroll: Default::default(),
        }));
        self.measure_overlay();
    }

    /// Routes `action` to the open overlay and carries out what it asks.
    pub(super) fn update_overlay(&mut self, action: Action) -> Effect {
        let ballot_rows = match &self.overlay {
            Some(Open::Ballot(view)) => self.ballot_rows(view.election).len(),
            _ => 0,
        };
        let outcome = match &mut self.overlay {
            None => return Effect::Continue,
            Some(Open::Text(view)) => view.update(action),
            Some(Open::Themes(view)) => view.update(action),
            Some(Open::History(view)) => view.update(action),
            Some(Open::Outline(view)) => view.update(action),
            Some(Open::Questions(view)) => view.update(action),
            Some(Open::Links(view)) => view.update(action),
            Some(Open::Ballot(view)) => view.update(action, ballot_rows),
        };
        match outcome {
            Outcome::Stay => self.measure_overlay(),
            Outcome::Close => {
                self.remember_ballot_row();
                self.overlay = None;
            }
            Outcome::Search(term) => self.search_theme(term),
            Outcome::Read => {
                if let Some(candidate) = self.ballot_selected() {
                    self.remember_ballot_row();
                    self.ballot_return = true;
                    if let Some(Open::Ballot(view)) = &mut self.overlay {
                        self.ballot_still = view.still.take();
                    }
                    self.overlay = None;
                    self.open_candidate(candidate);
                    self.message = Some("Esc goes back to the ballot, on the same row".to_string());
                }
            }
            Outcome::EditNote => {
                if let Some(candidate) = self.ballot_selected() {
                    self.start_note(candidate);
                }
            }
            Outcome::OpenLink | Outcome::CopyLink => {
                if let Some(Open::Links(view)) = &self.overlay {
                    self.link_request = view.selected().map(str::to_string);
                }
                return if outcome == Outcome::OpenLink {
                    Effect::OpenLink
                } else {
                    Effect::CopyLink
                };
            }
            Outcome::Question(question) => {
                if let Some(Open::Questions(view)) = self.overlay.take() {
                    self.show_answers(view.grid.election, question, 0);
                }
            }
            Outcome::Answer {
                candidate,
                question,
            } => {
                self.overlay = None;
                self.read_answer(candidate, question);
            }
            Outcome::Section { pane, section } => {
                self.overlay = None;
                self.set_focus(super::Focus::Pane(pane));
                self.align_sections(pane, section);
            }
            Outcome::Rank(change) if self.approval_ballot() => self.change_approval(change),
            Outcome::Rank(RankChange::Toggle) => {
                self.message = Some(
                    "Space approves on an approval ballot; this one is ranked: 1–9 ranks"
                        .to_string(),
                );
            }
            Outcome::Rank(change) => {
                // Ranks typed, and a candidate taken off the ranking, renumber no one else:
                // the rows stay where they are. A move places a candidate among the others.
                let typed = matches!(
                    change,
                    RankChange::To(_) | RankChange::Unrank | RankChange::NoOpinion
                );
                self.change_ranking(typed, |ballot: &mut Ballot, key: &str| match change {
                    RankChange::Up => ballot.move_up(key),
                    RankChange::Down => ballot.move_down(key),
                    RankChange::Tie => ballot.tie_with_above(key),
                    RankChange::To(0) => ballot.unrank(key),
                    RankChange::To(rank) => ballot.set_rank(key, rank),
                    RankChange::Top => ballot.to_top(key),
                    RankChange::Bottom => ballot.to_bottom(key),
                    RankChange::Unrank => ballot.unrank(key),
                    RankChange::NoOpinion => {
                        ballot.toggle_no_opinion(key);
                        true
                    }
                    RankChange::Toggle => false,
                })
            }
        }
        Effect::Continue
    }

    /// Bounds the open overlay's scrolling by its content at the current window size.
    pub(super) fn measure_overlay(&mut self) {
        let text = self.overlay_text();
        let size = self.size;
        match &mut self.overlay {
            Some(Open::Text(view)) => {
                let text = text.map(|(_, text)| text).unwrap_or_default();
                let (rect, wrapped) = layout::text_overlay(size, &text);
                view.scroll
                    .resize(wrapped.len(), usize::from(layout::inner(rect).height));
            }
            Some(Open::History(_)) => self.measure_history(),
            _ => {}
        }
    }

    // ---- outline ----

    /// The outline: (pane, section) entries and the selected one; empty when closed.
    pub fn outline_view(&self) -> (&[(usize, usize)], usize) {
        match &self.overlay {
            Some(Open::Outline(view)) => (&view.entries, view.cursor),
            _ => (&[], 0),
        }
    }

    /// Opens the outline with the focused pane's current section selected.
    pub(super) fn open_outline(&mut self) {
        let entries: Vec<(usize, usize)> = self
            .panes
            .iter()
            .enumerate()
            .flat_map(|(p, pane)| (0..pane.sections().len()).map(move |s| (p, s)))
            .collect();
        let focused = self.target_pane();
        let here = self.panes.get(focused).and_then(|pane| {
            let scroll = pane.scroll();
            pane.sections().iter().rposition(|s| s.line <= scroll)
        });
        let cursor = entries
            .iter()
            .position(|&e| Some(e) == here.map(|s| (focused, s)))
            .or_else(|| entries.iter().position(|&(p, _)| p == focused))
            .unwrap_or(0);
        if entries.is_empty() {
            self.message = Some("No open statement has sections (headings)".to_string());
            return;
        }
        self.overlay = Some(Open::Outline(OutlineView { entries, cursor }));
    }

    // ---- ballot ----

    /// The ballot overlay's state: (election, selected row); `(0, 0)` when it is closed.
    fn ballot_view(&self) -> (usize, usize) {
        match &self.overlay {
            Some(Open::Ballot(view)) => (view.election, view.cursor),
            _ => (0, 0),
        }
    }

    /// The election whose ballot is open.
    pub fn ballot_election(&self) -> usize {
        self.ballot_view().0
    }

    /// The selected row of the ballot view.
    pub fn ballot_cursor(&self) -> usize {
        self.ballot_view().1
    }

    /// Whether the ballot view holds its rows still (ranks are being typed).
    pub fn ballot_is_still(&self) -> bool {
        matches!(&self.overlay, Some(Open::Ballot(view)) if view.still.is_some())
    }

    /// The candidate selected in the ballot view.
    pub fn ballot_selected(&self) -> Option<usize> {
        let (election, cursor) = self.ballot_view();
        self.ballot_rows(election).get(cursor).map(|r| r.candidate)
    }

    pub(super) fn open_ballot(&mut self) {
        let Some(election) = self.current_election() else {
            return;
        };
        let rows = self.ballot_rows(election);
        // Back on the row the ballot was left on, else the candidate selected in the list.
        let last = self
            .last_ballot_row
            .filter(|&(e, _)| e == election)
            .map(|(_, candidate)| candidate);
        let cursor = last
            .or(self.selected())
            .and_then(|c| rows.iter().position(|r| r.candidate == c))
            .unwrap_or(0);
        self.ballot_return = false;
        self.overlay = Some(Open::Ballot(BallotView {
            election,
            cursor,
            still: None,
        }));
    }

    /// Remembers the ballot's selected row, to come back to it.
    fn remember_ballot_row(&mut self) {
        if let Some(candidate) = self.ballot_selected() {
            self.last_ballot_row = Some((self.ballot_election(), candidate));
        }
    }

    /// After reading a statement from the ballot, Esc goes back to it: true when it did.
    pub(super) fn return_to_ballot(&mut self) -> bool {
        if !std::mem::take(&mut self.ballot_return) {
            return false;
        }
        let still = self.ballot_still.take();
        self.open_ballot();
        if let Some(Open::Ballot(view)) = &mut self.overlay {
            view.still = still;
        }
        if let Some((_, candidate)) = self.last_ballot_row {
            self.select_in_ballot(candidate);
        }
        true
    }

    /// Moves the ballot view's selection to `candidate`'s row.
    pub(super) fn select_in_ballot(&mut self, candidate: usize) {
        let (election, _) = self.ballot_view();
        let row = self
            .ballot_rows(election)
            .iter()
            .position(|r| r.candidate == candidate)
            .unwrap_or(0);
        if let Some(Open::Ballot(view)) = &mut self.overlay {
            view.cursor = row;
        }
    }

    // ---- history ----

    /// The history view: (candidacies oldest first, position of the newer one compared,
    /// scroll); empty when it is closed.
    pub fn history_view(&self) -> (&[usize], usize, usize) {
        match &self.overlay {
            Some(Open::History(h)) => (&h.candidacies, h.newer, h.scroll.offset()),
            _ => (&[], 0, 0),
        }
    }

    /// The two texts the history view compares, where they are not two candidacies'
    /// statements: (title, older column's head, newer column's head).
    pub fn history_pair(&self) -> Option<(&str, &str, &str)> {
        match &self.overlay {
            Some(Open::History(h)) => h
                .pair
                .as_ref()
                .map(|p| (p.title.as_str(), p.older.0.as_str(), p.newer.0.as_str())),
            _ => None,
        }
    }

    /// The word diff of the pair the history view shows.
    pub fn history_diff(&self) -> Option<&Diff> {
        match &self.overlay {
            Some(Open::History(h)) => h.diff.as_ref(),
            _ => None,
        }
    }

    /// Both sides of the history view, wrapped to its columns: (older, newer).
    pub fn history_lines(&self) -> Option<(&[PaneLine], &[PaneLine])> {
        match &self.overlay {
            Some(Open::History(h)) => h
                .wrapped
                .as_ref()
                .map(|(_, older, newer)| (older.as_slice(), newer.as_slice())),
            _ => None,
        }
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
        // On a pane showing an answer: the same person's answer to the same question in an
        // earlier election.
        if let Focus::Pane(i) = self.focus
            && let Some(question) = self.panes.get(i).and_then(|p| p.question)
        {
            self.open_answer_history(candidate, question);
            return;
        }
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
        self.overlay = Some(Open::History(HistoryView {
            candidacies,
            newer: position,
            ..HistoryView::default()
        }));
        self.measure_history();
    }

    /// `candidate`'s answer to `question` beside their answer to the same question (by its
    /// link, else its title) in the latest earlier election that asked it.
    fn open_answer_history(&mut self, candidate: usize, question: usize) {
        let roster = &self.roster;
        let c = &roster.candidates[candidate];
        let election = &roster.elections[c.election];
        let (Some(q), Some(now)) = (election.questions.get(question), c.answer(question)) else {
            self.message = Some(format!("{} did not answer this question", c.name));
            return;
        };
        let candidacies = candidacies::candidacies(roster, candidate);
        let here = candidacies
            .iter()
            .position(|&x| x == candidate)
            .unwrap_or(0);
        let earlier = candidacies[..here].iter().rev().find_map(|&before| {
            let b = &roster.candidates[before];
            let asked = roster.elections[b.election]
                .questions
                .iter()
                .position(|other| other.key == q.key)?;
            b.answer(asked).map(|answer| (before, answer))
        });
        let Some((before, then)) = earlier else {
            self.message = Some(format!(
                "No earlier election open here asked {} \"{}\"",
                c.name, q.title
            ));
            return;
        };
        let then_election = &roster.elections[roster.candidates[before].election];
        let pair = Pair {
            title: format!(
                "{}'s answers to \"{}\", then and now · Esc",
                c.name, q.title
            ),
            older: (then_election.name.clone(), then.display().to_string()),
            newer: (election.name.clone(), now.display().to_string()),
        };
        self.open_pair(candidate, pair);
    }

    /// Opens the history view on two texts of `candidate`'s.
    pub(super) fn open_pair(&mut self, candidate: usize, pair: Pair) {
        self.overlay = Some(Open::History(HistoryView {
            candidacies: vec![candidate],
            newer: 0,
            pair: Some(pair),
            ..HistoryView::default()
        }));
        self.measure_history();
    }

    /// Computes the pair's diff if it is new, and bounds the scrolling by its lines.
    fn measure_history(&mut self) {
        let Some(Open::History(h)) = &mut self.overlay else {
            return;
        };
        let roster = &self.roster;
        let (old_text, new_text) = match &h.pair {
            Some(pair) => (pair.older.1.as_str(), pair.newer.1.as_str()),
            None => match (
                h.candidacies.get(h.newer.wrapping_sub(1)),
                h.candidacies.get(h.newer),
            ) {
                (Some(&old), Some(&new)) => (
                    roster.candidates[old].statement.display(),
                    roster.candidates[new].statement.display(),
                ),
                _ => return,
            },
        };
        let diff = h
            .diff
            .get_or_insert_with(|| candidacies::diff(old_text, new_text));
        let (inner, column) = App::history_geometry(self.size);
        if h.wrapped
            .as_ref()
            .is_none_or(|(width, _, _)| *width != column)
        {
            let older = diff_lines(
                &diff.0,
                &candidacies::shapes_of(old_text),
                Mark::Removed,
                column,
            );
            let newer = diff_lines(
                &diff.1,
                &candidacies::shapes_of(new_text),
                Mark::Added,
                column,
            );
            h.wrapped = Some((column, older, newer));
        }
        let rows = h
            .wrapped
            .as_ref()
            .map_or(0, |(_, older, newer)| older.len().max(newer.len()));
        // Two lines of the view hold the summary and the column heads.
        h.scroll
            .resize(rows, usize::from(inner.height).saturating_sub(2));
    }

    // ---- themes ----

    /// The themes overlay: (election, candidates in display order, themes, selected row);
    /// empty when it is closed.
    pub fn themes_view(&self) -> (usize, &[usize], &[topics::Theme], usize) {
        match &self.overlay {
            Some(Open::Themes(t)) => (t.election, &t.candidates, &t.themes, t.cursor),
            _ => (0, &[], &[], 0),
        }
    }

    pub(super) fn open_themes(&mut self) {
        let Some(election) = self.current_election() else {
            return;
        };
        let candidates = self.candidates_of(election);
        // What each wrote: the statement and, where questions were asked, the answers.
        let written: Vec<_> = candidates
            .iter()
            .map(|&c| self.roster.candidates[c].all_written())
            .collect();
        let statements: Vec<&str> = written.iter().map(|w| w.as_ref()).collect();
        let themes = topics::themes(&statements, THEMES_SHOWN);
        if themes.is_empty() {
            self.message = Some("No theme stands out in this election's statements".to_string());
            return;
        }
        self.overlay = Some(Open::Themes(ThemesView {
            election,
            candidates,
            themes,
            cursor: 0,
        }));
    }

    /// Searches for a theme, which filters the list to the candidates who mention it and
    /// highlights it in every pane.
    fn search_theme(&mut self, term: String) {
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
