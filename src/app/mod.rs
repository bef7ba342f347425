//! All state of a reading session, changed only through [`App::update`]: no I/O, no terminal.

mod pane;

pub use pane::{LineKind, Pane, PaneLine};

use ratatui::layout::{Position, Rect};

use crate::layout::{self, Areas, MAX_PANES, Shape};
use crate::model::{Candidate, LoadError, Roster};
use crate::search::{self, Hit, SearchIndex};

/// Rows each candidate takes in the list (name, then affiliation and election).
pub const LIST_ITEM_HEIGHT: usize = 2;
/// Below this pane width, comparing hides the candidate list to make room.
const COMFORTABLE_PANE_WIDTH: u16 = 30;
/// Lines one mouse-wheel notch scrolls.
const WHEEL_LINES: isize = 3;

/// Everything a voter can ask of the app; keys and mouse events are mapped to these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Next candidate in the list, or one line down in a pane.
    Down,
    Up,
    PageDown,
    PageUp,
    /// First candidate, or top of the pane.
    Top,
    Bottom,
    /// Opens the selected candidate in the active pane.
    Open,
    ToggleMark,
    /// Shows the marked candidates side by side.
    Compare,
    ClosePane,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    ToggleSync,
    ToggleList,
    /// Starts typing a search query.
    SearchStart,
    SearchInput(char),
    SearchPaste(String),
    SearchBackspace,
    SearchClear,
    /// Keeps the query and leaves the input line.
    SearchSubmit,
    /// Drops the query and leaves the input line.
    SearchCancel,
    NextHit,
    PrevHit,
    Help,
    ShowErrors,
    /// Closes an overlay, leaves a pane, or clears the filter, whichever comes first.
    Back,
    /// Mouse wheel at a screen position; positive is down.
    Wheel {
        column: u16,
        row: u16,
        lines: i8,
    },
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    Quit,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Continue,
    Quit,
}

/// Which part of the screen keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane(usize),
}

/// A window drawn over everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Errors,
}

/// How keys are read at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Overlay,
}

/// The state of one session.
pub struct App {
    pub roster: Roster,
    /// Files that failed to load, shown in the error overlay and on exit.
    pub errors: Vec<LoadError>,
    index: SearchIndex,
    query: String,
    searching: bool,
    /// Candidates matching `query`, in roster order: the visible list.
    hits: Vec<Hit>,
    /// Position of the selection in `hits`.
    cursor: usize,
    /// First visible list item.
    list_offset: usize,
    /// Marked candidates, in roster order.
    marks: Vec<usize>,
    panes: Vec<Pane>,
    focus: Focus,
    /// The pane that `Enter` opens into.
    active_pane: usize,
    sync: bool,
    show_list: bool,
    overlay: Option<Overlay>,
    overlay_scroll: usize,
    message: Option<String>,
    size: Rect,
}

impl App {
    /// A session over `roster`; `errors` (if any) open in the error overlay.
    pub fn new(roster: Roster, errors: Vec<LoadError>) -> Self {
        let index = SearchIndex::new(&roster);
        let hits = index.search("");
        let overlay = (!errors.is_empty()).then_some(Overlay::Errors);
        App {
            roster,
            errors,
            index,
            query: String::new(),
            searching: false,
            hits,
            cursor: 0,
            list_offset: 0,
            marks: Vec::new(),
            panes: Vec::new(),
            focus: Focus::List,
            active_pane: 0,
            sync: false,
            show_list: true,
            overlay,
            overlay_scroll: 0,
            message: None,
            size: Rect::default(),
        }
    }

    // ---- read access for the renderer and tests ----

    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        if self.overlay.is_some() {
            Mode::Overlay
        } else if self.searching {
            Mode::Search
        } else {
            Mode::Normal
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn is_searching(&self) -> bool {
        self.searching
    }

    /// The lower-case terms of the current query.
    pub fn terms(&self) -> Vec<String> {
        search::terms(&self.query)
    }

    /// The visible list: candidates matching the query, in roster order.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Position of the selection in [`App::hits`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    /// The selected candidate's index in the roster, if the list is not empty.
    pub fn selected(&self) -> Option<usize> {
        self.hits.get(self.cursor).map(|h| h.candidate)
    }

    pub fn candidate(&self, index: usize) -> &Candidate {
        &self.roster.candidates[index]
    }

    pub fn marks(&self) -> &[usize] {
        &self.marks
    }

    pub fn is_marked(&self, candidate: usize) -> bool {
        self.marks.contains(&candidate)
    }

    pub fn panes(&self) -> &[Pane] {
        &self.panes
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn active_pane(&self) -> usize {
        self.active_pane
    }

    pub fn sync(&self) -> bool {
        self.sync
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    pub fn overlay_scroll(&self) -> usize {
        self.overlay_scroll
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The screen layout for a window of `area`, given the current state.
    pub fn areas(&self, area: Rect) -> Areas {
        layout::compute(
            area,
            Shape {
                panes: self.panes.len(),
                input_line: self.searching,
                show_list: self.show_list,
            },
        )
    }

    // ---- the one way state changes ----

    /// Applies `action`; the only way the state changes.
    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        if self.overlay.is_some() {
            return self.update_overlay(action);
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.relayout();
            }
            Action::Down => self.move_or_scroll(1),
            Action::Up => self.move_or_scroll(-1),
            Action::PageDown => self.page(1),
            Action::PageUp => self.page(-1),
            Action::Top => self.go_to_end(false),
            Action::Bottom => self.go_to_end(true),
            Action::Open => self.open_selected(),
            Action::ToggleMark => self.toggle_mark(),
            Action::Compare => self.compare(),
            Action::ClosePane => self.close_pane(),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusLeft => self.step_focus(-1),
            Action::FocusRight => self.step_focus(1),
            Action::ToggleSync => {
                self.sync = !self.sync;
                self.message = Some(
                    if self.sync {
                        "Synced scrolling on: all panes scroll together"
                    } else {
                        "Synced scrolling off"
                    }
                    .to_string(),
                );
            }
            Action::ToggleList => {
                self.show_list = !self.show_list;
                if !self.show_list && self.focus == Focus::List && !self.panes.is_empty() {
                    self.focus = Focus::Pane(self.active_pane);
                }
                if !self.show_list && self.panes.is_empty() {
                    self.show_list = true;
                }
                self.relayout();
            }
            Action::SearchStart => {
                // The list is what a search filters: show it while typing.
                self.searching = true;
                self.show_list = true;
                self.relayout();
            }
            Action::SearchInput(c) => self.edit_query(|q| q.push(c)),
            Action::SearchPaste(text) => {
                if !self.searching {
                    self.searching = true;
                    self.show_list = true;
                    self.relayout();
                }
                self.edit_query(|q| {
                    q.extend(text.chars().map(|c| if c.is_control() { ' ' } else { c }))
                });
            }
            Action::SearchBackspace => self.edit_query(|q| {
                q.pop();
            }),
            Action::SearchClear => self.edit_query(String::clear),
            Action::SearchSubmit => {
                self.searching = false;
                self.relayout();
            }
            Action::SearchCancel => {
                self.searching = false;
                self.edit_query(String::clear);
                self.relayout();
            }
            Action::NextHit => self.jump_to_hit(true),
            Action::PrevHit => self.jump_to_hit(false),
            Action::Help => self.open_overlay(Overlay::Help),
            Action::ShowErrors => {
                if self.errors.is_empty() {
                    self.message = Some("Every file loaded without error".to_string());
                } else {
                    self.open_overlay(Overlay::Errors);
                }
            }
            Action::Back => self.back(),
            Action::Wheel { column, row, lines } => self.wheel(column, row, isize::from(lines)),
            Action::Click { column, row } => self.click(column, row),
        }
        Effect::Continue
    }

    fn update_overlay(&mut self, action: Action) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.relayout();
            }
            Action::Down => self.overlay_scroll = self.overlay_scroll.saturating_add(1),
            Action::Up => self.overlay_scroll = self.overlay_scroll.saturating_sub(1),
            Action::PageDown => self.overlay_scroll = self.overlay_scroll.saturating_add(10),
            Action::PageUp => self.overlay_scroll = self.overlay_scroll.saturating_sub(10),
            Action::Top => self.overlay_scroll = 0,
            Action::Wheel { lines, .. } => {
                self.overlay_scroll = self
                    .overlay_scroll
                    .saturating_add_signed(isize::from(lines) * WHEEL_LINES);
            }
            Action::Back | Action::Help | Action::ShowErrors | Action::Click { .. } => {
                self.overlay = None;
            }
            _ => {}
        }
        Effect::Continue
    }

    fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    /// Re-wraps panes for the current window and keeps scroll positions and the list valid.
    fn relayout(&mut self) {
        let areas = self.areas(self.size);
        for (pane, rect) in self.panes.iter_mut().zip(&areas.panes) {
            let candidate = &self.roster.candidates[pane.candidate];
            let election = &self.roster.elections[candidate.election];
            pane.rewrap(candidate, election, layout::text_width(*rect));
            pane.clamp(layout::text_height(*rect));
        }
        self.keep_cursor_visible();
    }

    fn pane_height(&self, index: usize) -> usize {
        self.areas(self.size)
            .panes
            .get(index)
            .map_or(0, |r| layout::text_height(*r))
    }

    /// Items that fit in the list at the current size.
    fn list_rows(&self) -> usize {
        let list = self.areas(self.size).list;
        (usize::from(list.height.saturating_sub(2)) / LIST_ITEM_HEIGHT).max(1)
    }

    fn keep_cursor_visible(&mut self) {
        let rows = self.list_rows();
        if self.cursor < self.list_offset {
            self.list_offset = self.cursor;
        } else if self.cursor >= self.list_offset + rows {
            self.list_offset = self.cursor + 1 - rows;
        }
        let max_offset = self.hits.len().saturating_sub(rows);
        self.list_offset = self.list_offset.min(max_offset);
    }

    fn select(&mut self, position: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.cursor = usize::try_from(position).unwrap_or(0).min(last);
        self.keep_cursor_visible();
    }

    /// The panes that a scroll of the focused pane moves: all of them when synced.
    fn scroll_targets(&self, focused: usize) -> Vec<usize> {
        if self.sync {
            (0..self.panes.len()).collect()
        } else {
            vec![focused]
        }
    }

    fn scroll_panes(&mut self, focused: usize, delta: isize) {
        for i in self.scroll_targets(focused) {
            let height = self.pane_height(i);
            self.panes[i].scroll_by(delta, height);
        }
    }

    fn move_or_scroll(&mut self, step: isize) {
        match self.focus {
            Focus::List => self.select(self.cursor as isize + step),
            Focus::Pane(i) => self.scroll_panes(i, step),
        }
    }

    fn page(&mut self, direction: isize) {
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

    fn go_to_end(&mut self, bottom: bool) {
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

    fn open_selected(&mut self) {
        let Some(candidate) = self.selected() else {
            self.message = Some("No candidate matches the search".to_string());
            return;
        };
        if self.panes.is_empty() {
            self.panes.push(Pane::new(candidate));
            self.active_pane = 0;
        } else {
            self.active_pane = self.active_pane.min(self.panes.len() - 1);
            self.panes[self.active_pane] = Pane::new(candidate);
        }
        self.focus = Focus::Pane(self.active_pane);
        self.relayout();
    }

    fn toggle_mark(&mut self) {
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
            self.marks.sort_unstable();
        }
        // Marking walks down the list, so marking several in a row is quick.
        if self.focus == Focus::List {
            self.select(self.cursor as isize + 1);
        }
    }

    fn compare(&mut self) {
        if self.marks.len() < 2 {
            self.message = Some("Mark 2 to 4 candidates with Space, then press c".to_string());
            return;
        }
        self.panes = self.marks.iter().map(|&c| Pane::new(c)).collect();
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
    fn pane_width_with_list(&self) -> u16 {
        let shape = Shape {
            panes: self.panes.len(),
            input_line: self.searching,
            show_list: true,
        };
        layout::compute(self.size, shape)
            .panes
            .first()
            .map_or(0, |r| r.width)
    }

    fn close_pane(&mut self) {
        let index = match self.focus {
            Focus::Pane(i) => i,
            Focus::List => self.active_pane,
        };
        if index >= self.panes.len() {
            return;
        }
        self.panes.remove(index);
        self.active_pane = index.min(self.panes.len().saturating_sub(1));
        self.focus = if self.panes.is_empty() {
            self.show_list = true;
            Focus::List
        } else {
            Focus::Pane(self.active_pane)
        };
        self.relayout();
    }

    /// The focus order: the list (when shown), then the panes left to right.
    fn focus_ring(&self) -> Vec<Focus> {
        let list = self.show_list.then_some(Focus::List);
        list.into_iter()
            .chain((0..self.panes.len()).map(Focus::Pane))
            .collect()
    }

    fn set_focus(&mut self, focus: Focus) {
        if let Focus::Pane(i) = focus {
            self.active_pane = i;
        }
        self.focus = focus;
    }

    fn cycle_focus(&mut self, step: isize) {
        let ring = self.focus_ring();
        let at = ring.iter().position(|&f| f == self.focus).unwrap_or(0);
        let next = (at as isize + step).rem_euclid(ring.len().max(1) as isize) as usize;
        if let Some(&focus) = ring.get(next) {
            self.set_focus(focus);
        }
    }

    fn step_focus(&mut self, step: isize) {
        let ring = self.focus_ring();
        let at = ring.iter().position(|&f| f == self.focus).unwrap_or(0);
        let next = at
            .saturating_add_signed(step)
            .min(ring.len().saturating_sub(1));
        if let Some(&focus) = ring.get(next) {
            self.set_focus(focus);
        }
    }

    /// Changes the query and re-derives the visible list, keeping the selection if it still matches.
    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        let selected = self.selected();
        edit(&mut self.query);
        self.hits = self.index.search(&self.query);
        self.cursor = selected
            .and_then(|s| self.hits.iter().position(|h| h.candidate == s))
            .unwrap_or(0);
        self.list_offset = 0;
        self.keep_cursor_visible();
    }

    fn jump_to_hit(&mut self, forward: bool) {
        let terms = self.terms();
        if terms.is_empty() {
            self.message = Some("No search: press / to search".to_string());
            return;
        }
        let index = match self.focus {
            Focus::Pane(i) => i,
            Focus::List => self.active_pane,
        };
        let Some(pane) = self.panes.get_mut(index) else {
            self.message = Some("No pane open: press Enter to open a candidate".to_string());
            return;
        };
        if !pane.jump_to_hit(&terms, forward) {
            self.message = Some(format!(
                "No {} match for \"{}\" in this pane",
                if forward { "further" } else { "earlier" },
                self.query
            ));
        }
    }

    fn back(&mut self) {
        if matches!(self.focus, Focus::Pane(_)) && self.show_list {
            self.focus = Focus::List;
        } else if !self.query.is_empty() {
            self.edit_query(String::clear);
        }
    }

    fn wheel(&mut self, column: u16, row: u16, lines: isize) {
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

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas(self.size);
        let at = Position::new(column, row);
        if let Some(i) = areas.panes.iter().position(|r| r.contains(at)) {
            if i < self.panes.len() {
                self.set_focus(Focus::Pane(i));
            }
        } else if areas.list.contains(at) {
            self.focus = Focus::List;
            let inner_row = usize::from(row.saturating_sub(areas.list.y + 1));
            let item = self.list_offset + inner_row / LIST_ITEM_HEIGHT;
            if row > areas.list.y && item < self.hits.len() {
                self.select(item as isize);
            }
        }
    }
}
