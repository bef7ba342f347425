//! Moving around: the list, the panes, focus, elections, the mouse.

use ratatui::layout::Position;

use super::pane::Pane;
use super::{App, Focus};
use crate::layout::{self, LIST_ITEM_HEIGHT, MAX_PANES, Shape, WHEEL_LINES};

/// Two clicks on one candidate within this time open it.
const DOUBLE_CLICK: chrono::TimeDelta = chrono::TimeDelta::milliseconds(500);

/// Below this pane width, comparing hides the candidate list to make room.
const COMFORTABLE_PANE_WIDTH: u16 = 30;

impl App {
    /// Selects the first listed candidate of the next (`step` 1) or previous election.
    pub(super) fn step_election(&mut self, step: isize) {
        let Some(current) = self.current_election() else {
            return;
        };
        // The elections in the order the list shows them, each with its first row.
        let mut listed: Vec<(usize, usize)> = Vec::new();
        for (position, hit) in self.hits.iter().enumerate() {
            let election = self.roster.candidates[hit.candidate].election;
            if !listed.iter().any(|&(e, _)| e == election) {
                listed.push((election, position));
            }
        }
        let Some(at) = listed.iter().position(|&(e, _)| e == current) else {
            return;
        };
        let next = (at as isize + step).rem_euclid(listed.len() as isize) as usize;
        let (target, position) = listed[next];
        self.select(position as isize);
        self.focus = Focus::List;
        self.message = Some(self.roster.elections[target].name.clone());
    }
    /// Makes every pane re-wrap on the next layout (its notes or fields changed).
    pub(super) fn invalidate_panes(&mut self) {
        for pane in &mut self.panes {
            pane.invalidate();
        }
        self.relayout();
    }
    /// The candidate a key like `e` acts on: the focused pane's, else the selected one.
    pub(super) fn target_candidate(&self) -> Option<usize> {
        match self.focus {
            Focus::Pane(i) => self.panes.get(i).map(|p| p.candidate),
            Focus::List => self.selected(),
        }
    }
    pub(super) fn pane_height(&self, index: usize) -> usize {
        self.areas(self.size)
            .panes
            .get(index)
            .map_or(0, |r| layout::text_height(*r))
    }
    /// Items that fit in the list at the current size.
    pub(super) fn list_rows(&self) -> usize {
        let list = self.areas(self.size).list;
        (usize::from(list.height.saturating_sub(2)) / LIST_ITEM_HEIGHT).max(1)
    }
    pub(super) fn select(&mut self, position: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.cursor = usize::try_from(position).unwrap_or(0).min(last);
        self.keep_cursor_visible();
    }
    /// The panes that a scroll of the focused pane moves: all of them when synced.
    pub(super) fn scroll_targets(&self, focused: usize) -> Vec<usize> {
        if self.sync {
            (0..self.panes.len()).collect()
        } else {
            vec![focused]
        }
    }
    pub(super) fn scroll_panes(&mut self, focused: usize, delta: isize) {
        for i in self.scroll_targets(focused) {
            let height = self.pane_height(i);
            self.panes[i].scroll_by(delta, height);
            if delta > 0 {
                self.scrolled_through(i, height);
            }
        }
    }
    pub(super) fn move_or_scroll(&mut self, step: isize) {
        match self.focus {
            Focus::List => self.select(self.cursor as isize + step),
            Focus::Pane(i) => self.scroll_panes(i, step),
        }
    }
    pub(super) fn page(&mut self, direction: isize) {
        match self.focus {
            Focus::List => {
                let rows = self.list_rows() as isize;
                self.select(self.cursor as isize + direction * rows);
            }
            Focus::Pane(i) => {
                let page = self.pane_height(i).saturating_sub(1).max(1) as isize;
                self.scroll_panes(i, direction * page);
            }
        }
    }
    pub(super) fn go_to_end(&mut self, bottom: bool) {
        match self.focus {
            Focus::List => self.select(if bottom { isize::MAX } else { 0 }),
            Focus::Pane(focused) => {
                for i in self.scroll_targets(focused) {
                    let height = self.pane_height(i);
                    self.panes[i].scroll_to_end(bottom, height);
                }
            }
        }
    }
    pub(super) fn open_selected(&mut self) {
        match self.selected() {
            Some(candidate) => self.open_candidate(candidate),
            None => self.message = Some("No candidate matches the search".to_string()),
        }
    }
    /// Shows `candidate` in the active pane (opening one if there is none) and focuses it.
    pub(super) fn open_candidate(&mut self, candidate: usize) {
        self.stop_answering();
        if self.panes.is_empty() {
            self.panes.push(Pane::new(candidate));
            self.active_pane = 0;
        } else {
            self.active_pane = self.active_pane.min(self.panes.len() - 1);
            self.panes[self.active_pane] = Pane::new(candidate);
        }
        self.focus = Focus::Pane(self.active_pane);
        let terms = self.terms();
        self.panes[self.active_pane].set_terms(&terms);
        self.relayout();
        // Opened from a search: the first hit in view.
        let height = self.pane_height(self.active_pane);
        self.panes[self.active_pane].reveal_first_hit(height);
    }
    pub(super) fn toggle_mark(&mut self) {
        let Some(candidate) = self.selected() else {
            return;
        };
        if let Some(at) = self.marks.iter().position(|&m| m == candidate) {
            self.marks.remove(at);
        } else if self.marks.len() >= MAX_PANES {
            self.message = Some(format!(
                "At most {MAX_PANES} candidates can be compared: unmark one first"
            ));
            return;
        } else {
            self.marks.push(candidate);
            let rank = &self.voter.rank;
            self.marks
                .sort_by_key(|&c| rank.get(c).copied().unwrap_or(c));
        }
        // Marking walks down the list, so marking several in a row is quick.
        if self.focus == Focus::List {
            self.select(self.cursor as isize + 1);
        }
    }
    pub(super) fn compare(&mut self) {
        if self.marks.len() < 2 {
            self.message = Some("Mark 2 to 4 candidates with Space, then press c".to_string());
            return;
        }
        self.stop_answering();
        let terms = self.terms();
        self.panes = self
            .marks
            .iter()
            .map(|&c| {
                let mut pane = Pane::new(c);
                pane.set_terms(&terms);
                pane
            })
            .collect();
        self.active_pane = 0;
        self.focus = Focus::Pane(0);
        let width = self.pane_width_with_list();
        if self.show_list && width > 0 && width < COMFORTABLE_PANE_WIDTH {
            self.show_list = false;
            self.message = Some("List hidden to make room: z shows it".to_string());
        } else if self.show_list {
            self.message = Some(format!(
                "Comparing {} side by side · z hides the list for more room",
                self.panes.len()
            ));
        }
        self.relayout();
    }
    /// How wide each pane would be with the list shown, at the current window size (0 when
    /// the window is too small for any).
    pub(super) fn pane_width_with_list(&self) -> u16 {
        let shape = Shape {
            panes: self.panes.len(),
            input_line: self.searching,
            show_list: true,
            banner: 0,
        };
        layout::compute(self.size, shape)
            .panes
            .first()
            .map_or(0, |r| r.width)
    }
    /// The pane a pane command acts on: the focused one, or from the list the last active.
    pub(super) fn target_pane(&self) -> usize {
        match self.focus {
            Focus::Pane(i) => i,
            Focus::List => self.active_pane,
        }
    }

    pub(super) fn close_pane(&mut self) {
        let index = self.target_pane();
        if index >= self.panes.len() {
            return;
        }
        self.panes.remove(index);
        self.active_pane = index.min(self.panes.len().saturating_sub(1));
        self.focus = if self.panes.is_empty() {
            // No answers shown any more: the question's band goes with them.
            self.stop_answering();
            self.show_list = true;
            Focus::List
        } else {
            Focus::Pane(self.active_pane)
        };
        self.relayout();
    }
    /// The focus order: the list (when shown), then the panes left to right.
    pub(super) fn focus_ring(&self) -> Vec<Focus> {
        let list = self.show_list.then_some(Focus::List);
        list.into_iter()
            .chain((0..self.panes.len()).map(Focus::Pane))
            .collect()
    }
    pub(super) fn set_focus(&mut self, focus: Focus) {
        if let Focus::Pane(i) = focus {
            self.active_pane = i;
        }
        self.focus = focus;
    }
    pub(super) fn cycle_focus(&mut self, step: isize) {
        let ring = self.focus_ring();
        let at = ring.iter().position(|&f| f == self.focus).unwrap_or(0);
        let next = (at as isize + step).rem_euclid(ring.len().max(1) as isize) as usize;
        if let Some(&focus) = ring.get(next) {
            self.set_focus(focus);
        }
    }
    pub(super) fn step_focus(&mut self, step: isize) {
        let ring = self.focus_ring();
        let at = ring.iter().position(|&f| f == self.focus).unwrap_or(0);
        let next = at
            .saturating_add_signed(step)
            .min(ring.len().saturating_sub(1));
        if let Some(&focus) = ring.get(next) {
            self.set_focus(focus);
        }
    }
    pub(super) fn back(&mut self) {
        if self.return_to_ballot() || self.leave_answers() {
            return;
        }
        if matches!(self.focus, Focus::Pane(_)) && self.show_list {
            self.focus = Focus::List;
        } else if !self.query.is_empty() {
            self.edit_query(String::clear);
        }
    }
    pub(super) fn wheel(&mut self, column: u16, row: u16, lines: isize) {
        let areas = self.areas(self.size);
        let at = Position::new(column, row);
        if let Some(i) = areas.panes.iter().position(|r| r.contains(at)) {
            if i < self.panes.len() {
                self.scroll_panes(i, lines * WHEEL_LINES);
            }
        } else if areas.list.contains(at) {
            self.select(self.cursor as isize + lines);
        }
    }
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas(self.size);
        let at = Position::new(column, row);
        if let Some(i) = areas.panes.iter().position(|r| r.contains(at)) {
            if i < self.panes.len() {
                self.set_focus(Focus::Pane(i));
            }
        } else if areas.list.contains(at) {
            self.focus = Focus::List;
            let inner_row = usize::from(row.saturating_sub(areas.list.y + 1));
            let item = self
                .candidate_at_row(inner_row)
                .filter(|_| row > areas.list.y);
            if let Some(item) = item {
                self.select(item as isize);
                // A second click on the same candidate soon after opens it.
                let candidate = self.hits[item].candidate;
                let double = self.last_click.is_some_and(|(previous, at)| {
                    previous == candidate && self.now - at <= DOUBLE_CLICK
                });
                if double {
                    self.last_click = None;
                    self.open_candidate(candidate);
                } else {
                    self.last_click = Some((candidate, self.now));
                }
            }
        }
    }
}
