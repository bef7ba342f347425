//! All state of a reading session, changed only through [`App::update`]: no I/O, no terminal.

mod editor;
mod pane;
mod statement;
mod voter;

pub use editor::NoteEditor;
pub use pane::{LineKind, Pane, PaneLine, build_lines};
pub use statement::{Section, diff_lines};
pub use voter::{BallotRow, SaveWhen};

use ratatui::layout::{Position, Rect};

use crate::analysis::search::{self, Hit, SearchIndex};
use crate::layout::{self, Areas, MAX_PANES, Shape};
use crate::roster::{Candidate, LoadError, Roster};

/// The themes overlay's state: derived from the roster when opened.
#[derive(Debug, Default)]
struct ThemesView {
    election: usize,
    candidates: Vec<usize>,
    themes: Vec<crate::analysis::topics::Theme>,
    cursor: usize,
}

/// The history view's state.
#[derive(Debug, Default)]
struct HistoryView {
    /// The person's candidacies, oldest first.
    candidacies: Vec<usize>,
    /// The newer of the two compared, as a position in `candidacies` (at least 1).
    newer: usize,
    scroll: usize,
}

impl App {
    /// The history view: (candidacies oldest first, position of the newer one compared,
    /// scroll).
    pub fn history_view(&self) -> (&[usize], usize, usize) {
        let h = &self.history;
        (&h.candidacies, h.newer, h.scroll)
    }

    fn open_history(&mut self) {
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

    fn update_history(&mut self, action: Action) {
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

    fn open_themes(&mut self) {
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
    fn update_themes(&mut self, action: Action) {
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

/// A section title reduced to its words, so "## Why me?" and "Why me" match.
fn section_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn sections_title(pane: &Pane, position: usize) -> String {
    pane.sections()
        .get(position)
        .map_or_else(String::new, |s| s.title.clone())
}

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
    /// Opens (or closes) the ballot of the current election.
    OpenBallot,
    /// Edits the selected candidate's note.
    EditNote,
    /// Shows or hides the voter's notes above the statements.
    ToggleNotes,
    /// Draws a new random order for the current election.
    Reroll,
    // In the ballot view, on the selected candidate:
    MoveUp,
    MoveDown,
    /// Ties it with the candidates just above.
    Tie,
    NoOpinion,
    Unrank,
    ToTop,
    ToBottom,
    // In the note editor:
    EditorInsert(char),
    EditorNewline,
    EditorBackspace,
    EditorDelete,
    EditorLeft,
    EditorRight,
    EditorUp,
    EditorDown,
    EditorHome,
    EditorEnd,
    EditorPaste(String),
    /// Continues the note in `$EDITOR`.
    EditorExternal,
    /// Shows the current election's seats, dates, incumbents and results.
    ElectionInfo,
    /// Selects the first candidate of the next (or previous) election.
    NextElection,
    PrevElection,
    /// Moves the focused pane to its next (previous) section, and every other pane to the
    /// section of the same name.
    NextSection,
    PrevSection,
    /// Shows the sections of every open statement.
    Outline,
    /// Shows the themes of the current election.
    Themes,
    /// Compares the candidate's statement with their previous candidacy's.
    History,
    /// In the history view: the older or newer pair of candidacies.
    Older,
    Newer,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Continue,
    Quit,
    /// Edit this candidate's note in the voter's own `$EDITOR`, then hand it back with
    /// [`App::set_note`].
    EditExternally(usize),
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
    Ballot,
    Election,
    Outline,
    Themes,
    History,
}

/// How keys are read at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Overlay,
    Ballot,
    Editor,
    Themes,
    History,
}

/// The state of one session.
pub struct App {
    pub roster: Roster,
    /// Files that failed to load, shown in the error overlay and on exit.
    pub errors: Vec<LoadError>,
    /// Other things the voter must hear (saved data moved aside, read-only elections).
    pub notices: Vec<String>,
    voter: voter::Voter,
    editor: Option<NoteEditor>,
    /// Whether panes show the voter's note above the statement.
    show_notes: bool,
    /// The themes overlay: the election, its themes, the candidates they are counted for,
    /// and the selected row.
    themes: ThemesView,
    /// The history view: a person's candidacies and the pair being compared.
    history: HistoryView,
    index: SearchIndex,
    query: String,
    searching: bool,
    /// Candidates matching `query`, in display order: the visible list.
    hits: Vec<Hit>,
    /// Position of the selection in `hits`.
    cursor: usize,
    /// First visible list item.
    list_offset: usize,
    /// Marked candidates, in display order.
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
    /// The time the view shows dates against (time left to vote).
    now: chrono::DateTime<chrono::Utc>,
}

impl App {
    /// A session over `roster`; `errors` (if any) open in the error overlay.
    pub fn new(roster: Roster, errors: Vec<LoadError>) -> Self {
        let index = SearchIndex::new(&roster);
        let hits = index.search("");
        let overlay = (!errors.is_empty()).then_some(Overlay::Errors);
        let elections = roster.elections.len();
        let mut app = App {
            roster,
            errors,
            notices: Vec::new(),
            voter: voter::Voter::default(),
            editor: None,
            show_notes: false,
            themes: ThemesView::default(),
            history: HistoryView::default(),
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
            now: chrono::Utc::now(),
        };
        // Files left out or read with a fallback are worth knowing about, not interrupting for.
        for warning in &app.roster.warnings {
            app.notices.push(warning.to_string());
        }
        if !app.roster.skipped.is_empty() {
            app.notices.push(format!(
                "{} file{} left out as no candidate:",
                app.roster.skipped.len(),
                if app.roster.skipped.len() == 1 {
                    ""
                } else {
                    "s"
                }
            ));
            let skipped: Vec<String> = app
                .roster
                .skipped
                .iter()
                .map(|(path, why)| format!("  {path}: {why}"))
                .collect();
            app.notices.extend(skipped);
        }
        app.voter.ballots = vec![Default::default(); elections];
        app.voter.read_only = vec![false; elections];
        app.voter.order_mode = crate::voter::order::OrderMode::Name;
        app.reorder();
        app
    }

    /// Adds notices for the voter (shown with the load errors).
    pub fn with_notices(mut self, notices: Vec<String>) -> Self {
        if !notices.is_empty() {
            self.overlay = Some(Overlay::Errors);
        }
        self.notices.extend(notices);
        self
    }

    // ---- read access for the renderer and tests ----

    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        if self.editor.is_some() {
            Mode::Editor
        } else if self.overlay == Some(Overlay::Ballot) {
            Mode::Ballot
        } else if self.overlay == Some(Overlay::Themes) {
            Mode::Themes
        } else if self.overlay == Some(Overlay::History) {
            Mode::History
        } else if self.overlay.is_some() {
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

    /// The time dates are shown against.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.now
    }

    /// Sets the time dates are shown against (the event loop keeps it current).
    pub fn set_now(&mut self, now: chrono::DateTime<chrono::Utc>) {
        self.now = now;
    }

    pub fn show_notes(&self) -> bool {
        self.show_notes
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
        if let Action::Resize { width, height } = action {
            self.size = Rect::new(0, 0, width, height);
            self.relayout();
            return Effect::Continue;
        }
        if action == Action::Quit {
            return Effect::Quit;
        }
        match self.mode() {
            Mode::Editor => return self.update_editor(action),
            Mode::Ballot => {
                self.update_ballot(action);
                return Effect::Continue;
            }
            Mode::Overlay => return self.update_overlay(action),
            Mode::Themes => {
                self.update_themes(action);
                return Effect::Continue;
            }
            Mode::History => {
                self.update_history(action);
                return Effect::Continue;
            }
            Mode::Normal | Mode::Search => {}
        }
        match action {
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
            Action::OpenBallot => self.open_ballot(),
            Action::EditNote => {
                if let Some(candidate) = self.target_candidate() {
                    self.start_note(candidate);
                }
            }
            Action::ToggleNotes => {
                self.show_notes = !self.show_notes;
                self.invalidate_panes();
                self.message = Some(
                    if self.show_notes {
                        "Your notes are shown above the statements"
                    } else {
                        "Notes hidden"
                    }
                    .to_string(),
                );
            }
            Action::Reroll => self.reroll(),
            Action::ElectionInfo => self.open_overlay(Overlay::Election),
            Action::Themes => self.open_themes(),
            Action::History => self.open_history(),
            Action::NextSection => self.jump_to_section(true),
            Action::PrevSection => self.jump_to_section(false),
            Action::Outline => {
                if self.panes.is_empty() {
                    self.message = Some("No statement open: press Enter first".to_string());
                } else {
                    self.open_overlay(Overlay::Outline);
                }
            }
            Action::NextElection => self.step_election(1),
            Action::PrevElection => self.step_election(-1),
            Action::ShowErrors => {
                if self.errors.is_empty() && self.notices.is_empty() {
                    self.message = Some("Every file loaded without error".to_string());
                } else {
                    self.open_overlay(Overlay::Errors);
                }
            }
            Action::Back => self.back(),
            Action::Wheel { column, row, lines } => self.wheel(column, row, isize::from(lines)),
            Action::Click { column, row } => self.click(column, row),
            _ => {}
        }
        Effect::Continue
    }

    fn update_overlay(&mut self, action: Action) -> Effect {
        match action {
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
            Action::Back
            | Action::Help
            | Action::ShowErrors
            | Action::ElectionInfo
            | Action::Outline
            | Action::Click { .. } => {
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
            let note = self
                .show_notes
                .then(|| self.voter.ballots[candidate.election].note(&candidate.name))
                .flatten();
            pane.rewrap(candidate, election, note, layout::text_width(*rect));
            pane.clamp(layout::text_height(*rect));
        }
        self.keep_cursor_visible();
    }

    /// Selects the first listed candidate of the next (`step` 1) or previous election.
    fn step_election(&mut self, step: isize) {
        let Some(current) = self.current_election() else {
            return;
        };
        let elections = self.roster.elections.len() as isize;
        let mut target = current as isize;
        for _ in 0..elections {
            target = (target + step).rem_euclid(elections);
            let first = self
                .hits
                .iter()
                .position(|h| self.roster.candidates[h.candidate].election == target as usize);
            if let Some(position) = first {
                self.select(position as isize);
                self.focus = Focus::List;
                self.message = Some(self.roster.elections[target as usize].name.clone());
                return;
            }
        }
    }

    /// Makes every pane re-wrap on the next layout (its notes or fields changed).
    fn invalidate_panes(&mut self) {
        for pane in &mut self.panes {
            pane.invalidate();
        }
        self.relayout();
    }

    /// The candidate a key like `e` acts on: the focused pane's, else the selected one.
    fn target_candidate(&self) -> Option<usize> {
        match self.focus {
            Focus::Pane(i) => self.panes.get(i).map(|p| p.candidate),
            Focus::List => self.selected(),
        }
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
        match self.selected() {
            Some(candidate) => self.open_candidate(candidate),
            None => self.message = Some("No candidate matches the search".to_string()),
        }
    }

    /// Shows `candidate` in the active pane (opening one if there is none) and focuses it.
    fn open_candidate(&mut self, candidate: usize) {
        if self.panes.is_empty() {
            self.panes.push(Pane::new(candidate));
            self.active_pane = 0;
        } else {
            self.active_pane = self.active_pane.min(self.panes.len() - 1);
            self.panes[self.active_pane] = Pane::new(candidate);
        }
        self.focus = Focus::Pane(self.active_pane);
        self.mark_read(candidate);
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
            let rank = &self.voter.rank;
            self.marks
                .sort_by_key(|&c| rank.get(c).copied().unwrap_or(c));
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
        for candidate in self.marks.clone() {
            self.mark_read(candidate);
        }
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

    /// Changes the query and re-derives the visible list.
    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.query);
        self.list_offset = 0;
        self.refilter();
    }

    /// Derives the visible list from the roster, the query and the order, keeping the
    /// selection on the same candidate while it still matches.
    fn refilter(&mut self) {
        let selected = self.selected();
        self.hits = self.index.search(&self.query);
        let rank = &self.voter.rank;
        self.hits
            .sort_by_key(|h| rank.get(h.candidate).copied().unwrap_or(h.candidate));
        self.cursor = selected
            .and_then(|s| self.hits.iter().position(|h| h.candidate == s))
            .unwrap_or(0);
        self.keep_cursor_visible();
    }

    /// Moves the focused pane to its next (or previous) section and every other pane to its
    /// section of the same title (else the one at the same position), so that compared
    /// statements line up on the same topic.
    fn jump_to_section(&mut self, forward: bool) {
        let index = match self.focus {
            Focus::Pane(i) => i,
            Focus::List => self.active_pane,
        };
        let Some(pane) = self.panes.get(index) else {
            self.message = Some("No pane open: press Enter to open a candidate".to_string());
            return;
        };
        let sections = pane.sections();
        let scroll = pane.scroll;
        let target = if forward {
            sections.iter().position(|s| s.line > scroll)
        } else {
            sections.iter().rposition(|s| s.line < scroll)
        };
        let Some(position) = target else {
            self.message = Some(if sections.is_empty() {
                "This statement has no sections (headings)".to_string()
            } else {
                format!("No {} section", if forward { "further" } else { "earlier" })
            });
            return;
        };
        let title = section_key(&sections[position].title);
        let mut unmatched = Vec::new();
        for (i, other) in self.panes.iter_mut().enumerate() {
            let found = if i == index {
                Some(position)
            } else {
                let by_title = other
                    .sections()
                    .iter()
                    .position(|s| section_key(&s.title) == title);
                if by_title.is_none() {
                    unmatched.push(i);
                }
                by_title.or((position < other.sections().len()).then_some(position))
            };
            if let Some(found) = found {
                other.scroll = other.sections()[found].line;
            }
        }
        self.message = Some(if unmatched.is_empty() || self.panes.len() == 1 {
            format!("§ {}", sections_title(&self.panes[index], position))
        } else {
            format!(
                "§ {} (not in every statement: the others went to their section {})",
                sections_title(&self.panes[index], position),
                position + 1
            )
        });
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
