//! All state of a reading session, changed only through [`App::update`]: no I/O, no terminal.

mod answering;
mod answers;
mod editor;
mod find;
mod found;
mod lines;
mod links;
mod list;
mod list_row;
mod navigate;
mod news;
mod notes;
mod overlays;
mod pane;
mod place;
mod ranking;
mod reading;
mod route;
mod scroll;
mod statement;
mod voter;

pub use crate::action::{Action, Effect, Focus, Mode, Overlay};
pub use editor::NoteEditor;
pub use lines::{LineKind, PaneLine, Section};
pub use list_row::ListRow;
pub use overlays::history::Diff;
pub use overlays::text::skipped_summary;
pub use pane::{HIT_CONTEXT, Pane, answer_lines, build_lines};
pub use scroll::Scroll;
pub use statement::diff_lines;
pub use voter::{BallotRow, SaveWhen};

use ratatui::layout::Rect;

use crate::analysis::search::{self, Hit, SearchIndex};
pub use crate::layout::LIST_ITEM_HEIGHT;
use crate::layout::{self, Areas, Shape};
use crate::roster::{Candidate, LoadError, Roster};

/// The state of one session.
pub struct App {
    /// Every election and candidate of the session.
    pub roster: Roster,
    /// Files that failed to load, shown in the error overlay and on exit.
    pub errors: Vec<LoadError>,
    /// Other things the voter must hear (saved data moved aside, read-only elections).
    pub notices: Vec<String>,
    voter: voter::Voter,
    editor: Option<NoteEditor>,
    /// Whether panes show the voter's note above the statement.
    show_notes: bool,
    /// Whether answers compared leave out candidates who did not answer.
    skip_unanswered: bool,
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
    /// The voter's own keys (from the config file) as the help lists them: key, action.
    key_help: Vec<(String, String)>,
    /// The address the event loop is asked to open or copy.
    link_request: Option<String>,
    /// While the panes show one question's answers: which, and whose.
    answering: Option<answering::Answering>,
    focus: Focus,
    /// The pane that `Enter` opens into.
    active_pane: usize,
    sync: bool,
    show_list: bool,
    /// The open overlay, with its state.
    overlay: Option<overlays::Open>,
    message: Option<String>,
    size: Rect,
    /// The time the view shows dates against (time left to vote).
    now: chrono::DateTime<chrono::Utc>,
    /// The ballot row last left: (election, candidate), to come back to it.
    last_ballot_row: Option<(usize, usize)>,
    /// A statement was opened from the ballot: Esc goes back there.
    ballot_return: bool,
    /// The ballot's rows held still while ranks were typed, when a statement was opened
    /// from it: held still again on the way back.
    ballot_still: Option<Vec<usize>>,
    /// The statement in the focused pane and since when it has been there (see
    /// `reading.rs`); the end of time once it counts as read.
    reading: Option<(usize, chrono::DateTime<chrono::Utc>)>,
    /// The candidate last clicked in the list, and when: a second click soon after opens it.
    last_click: Option<(usize, chrono::DateTime<chrono::Utc>)>,
}

impl App {
    /// A session over `roster`, in the order of names; `errors` (if any) open in the error
    /// overlay.
    pub fn new(roster: Roster, errors: Vec<LoadError>) -> Self {
        let mut app = App::unordered(roster, errors);
        app.voter.order_mode = crate::voter::order::OrderMode::Name;
        app.reorder();
        // A session starts at the top of the list.
        app.cursor = 0;
        app.list_offset = 0;
        app
    }

    /// As [`App::new`], in no order yet: for a session whose voter's order
    /// ([`App::with_voter`]) follows at once, so that the list is ordered once.
    pub fn unordered(roster: Roster, errors: Vec<LoadError>) -> Self {
        let index = SearchIndex::new(&roster);
        let overlay = (!errors.is_empty()).then(|| {
            overlays::Open::Text(overlays::text::TextView {
                kind: Overlay::Errors,
                scroll: Default::default(),
            })
        });
        let elections = roster.elections.len();
        let mut app = App {
            roster,
            errors,
            notices: Vec::new(),
            voter: voter::Voter::default(),
            editor: None,
            show_notes: false,
            skip_unanswered: false,
            index,
            query: String::new(),
            searching: false,
            // Found when the list is ordered.
            hits: Vec::new(),
            cursor: 0,
            list_offset: 0,
            marks: Vec::new(),
            panes: Vec::new(),
            answering: None,
            link_request: None,
            key_help: Vec::new(),
            focus: Focus::List,
            active_pane: 0,
            sync: false,
            show_list: true,
            overlay,
            message: None,
            size: Rect::default(),
            now: chrono::Utc::now(),
            last_click: None,
            reading: None,
            last_ballot_row: None,
            ballot_return: false,
            ballot_still: None,
        };
        // Files left out or read with a fallback are worth knowing about, not interrupting for.
        for warning in &app.roster.warnings {
            app.notices.push(warning.to_string());
        }
        app.voter.ballots = vec![Default::default(); elections];
        app.voter.read_only = vec![false; elections];
        app
    }

    /// The voter's own keys, for the help to list (key, action), first.
    pub fn with_key_help(mut self, keys: Vec<(String, String)>) -> Self {
        self.key_help = keys;
        self
    }

    /// The key that does the action a config file calls `action`: the first the voter's
    /// config binds to it, else `default` unless the config gave that key another action.
    pub fn key_for(&self, action: &str, default: &str) -> Option<String> {
        if let Some((key, _)) = self.key_help.iter().find(|(_, a)| a == action) {
            return Some(key.clone());
        }
        (!self.key_help.iter().any(|(key, _)| key == default)).then(|| default.to_string())
    }

    /// Adds notices for the voter (shown with the load errors).
    pub fn with_notices(mut self, notices: Vec<String>) -> Self {
        if !notices.is_empty() {
            self.open_text(Overlay::Errors);
        }
        self.notices.extend(notices);
        self
    }

    // ---- read access for the renderer and tests ----

    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        if self.editor.is_some() {
            Mode::Editor
        } else if let Some(overlay) = self.overlay() {
            match overlay {
                Overlay::Ballot => Mode::Ballot,
                Overlay::Themes => Mode::Themes,
                Overlay::History => Mode::History,
                Overlay::Outline => Mode::Outline,
                Overlay::Questions => Mode::Questions,
                Overlay::Links => Mode::Links,
                Overlay::Help | Overlay::Errors | Overlay::Election => Mode::Overlay,
            }
        } else if self.searching {
            Mode::Search
        } else {
            Mode::Normal
        }
    }

    /// The search query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether the search line is taking keys.
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

    /// The first visible row of the list.
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    /// The selected candidate's index in the roster, if the list is not empty.
    pub fn selected(&self) -> Option<usize> {
        self.hits.get(self.cursor).map(|h| h.candidate)
    }

    /// A candidate of the roster.
    pub fn candidate(&self, index: usize) -> &Candidate {
        &self.roster.candidates[index]
    }

    /// Candidates marked for comparison, in display order.
    pub fn marks(&self) -> &[usize] {
        &self.marks
    }

    /// Whether `candidate` is marked.
    pub fn is_marked(&self, candidate: usize) -> bool {
        self.marks.contains(&candidate)
    }

    /// The open statement panes, left to right.
    pub fn panes(&self) -> &[Pane] {
        &self.panes
    }

    /// The part keys act on.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The pane `Enter` opens into.
    pub fn active_pane(&self) -> usize {
        self.active_pane
    }

    /// Whether all panes scroll together.
    pub fn sync(&self) -> bool {
        self.sync
    }

    /// The time dates are shown against.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.now
    }

    /// Sets the time dates are shown against (the event loop keeps it current).
    pub fn set_now(&mut self, now: chrono::DateTime<chrono::Utc>) {
        self.now = now;
        self.note_reading();
    }

    /// Whether panes show the voter's notes.
    pub fn show_notes(&self) -> bool {
        self.show_notes
    }

    /// The one-line message for the status bar, if any.
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
                banner: self.banner_rows(area.width),
            },
        )
    }

    // ---- the one way state changes ----

    /// Applies `action`; the only way the state changes.
    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.apply(action);
        // From now, the time on the statement in view counts (see `reading.rs`).
        self.note_reading();
        effect
    }

    /// What `action` does, before the time on the statement in view is counted.
    fn apply(&mut self, action: Action) -> Effect {
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
            Mode::Ballot
            | Mode::Overlay
            | Mode::Themes
            | Mode::History
            | Mode::Outline
            | Mode::Questions
            | Mode::Links => {
                return self.update_overlay(action);
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
            Action::SearchStart => self.start_search(),
            Action::SearchInput(c) => self.edit_query(|q| q.push(c)),
            Action::SearchPaste(text) => {
                if !self.searching {
                    self.start_search();
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
                // Typing left the panes still; the matches show once the query is kept.
                if !self.show_list && !self.query.is_empty() {
                    self.show_list = true;
                    self.message = Some("The matches are listed · z hides the list".to_string());
                }
                self.relayout();
            }
            Action::SearchCancel => {
                self.searching = false;
                self.edit_query(String::clear);
                self.relayout();
            }
            Action::NextHit => self.jump_to_hit(true),
            Action::PrevHit => self.jump_to_hit(false),
            Action::Help => self.open_text(Overlay::Help),
            Action::OpenBallot => self.open_ballot(),
            Action::EditNote => {
                // On a pane that shows an answer, the note is on that answer.
                let question = match self.focus {
                    Focus::Pane(i) => self.panes.get(i).and_then(|p| p.question),
                    Focus::List => None,
                };
                if let Some(candidate) = self.target_candidate() {
                    self.start_note_on(candidate, question);
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
            Action::ElectionInfo => self.open_text(Overlay::Election),
            Action::Themes => self.open_themes(),
            Action::History => self.open_history(),
            Action::NextNews => self.next_news(),
            Action::SkipUnanswered => self.toggle_skip_unanswered(),
            Action::BandDown => self.scroll_banner(1),
            Action::BandUp => self.scroll_banner(-1),
            Action::ReadDiff => self.open_read_diff(),
            Action::NextSection => self.jump_to_section(true),
            Action::PrevSection => self.jump_to_section(false),
            Action::Outline => {
                if self.panes.is_empty() {
                    self.message = Some("No statement open: press Enter first".to_string());
                } else {
                    self.open_outline();
                }
            }
            Action::NextElection => self.step_election(1),
            Action::PrevElection => self.step_election(-1),
            Action::Questions => self.open_questions(),
            Action::Links => self.open_links(),
            Action::NextAnswers => self.step_answers(1),
            Action::PrevAnswers => self.step_answers(-1),
            Action::NextQuestion => self.step_question(1),
            Action::PrevQuestion => self.step_question(-1),
            Action::ShowErrors => {
                if self.errors.is_empty()
                    && self.notices.is_empty()
                    && self.roster.skipped.is_empty()
                {
                    self.message = Some("Every file loaded without error".to_string());
                } else {
                    self.open_text(Overlay::Errors);
                }
            }
            Action::Back => self.back(),
            Action::Wheel { column, row, lines } => self.wheel(column, row, isize::from(lines)),
            Action::Click { column, row } => self.click(column, row),
            _ => {}
        }
        Effect::Continue
    }

    /// Re-wraps panes for the current window and keeps scroll positions and the list valid.
    fn relayout(&mut self) {
        self.redraw_band();
        let areas = self.areas(self.size);
        // A pane of an answer shows the note on that answer; a statement, the candidate's.
        let keys: Vec<String> = self
            .panes
            .iter()
            .map(|p| self.note_key(p.candidate, p.question))
            .collect();
        for ((pane, rect), key) in self.panes.iter_mut().zip(&areas.panes).zip(keys) {
            let candidate = &self.roster.candidates[pane.candidate];
            let election = &self.roster.elections[candidate.election];
            let note = self
                .show_notes
                .then(|| self.voter.ballots[candidate.election].note(&key))
                .flatten();
            pane.rewrap(candidate, election, note, layout::text_width(*rect));
            pane.clamp(layout::text_height(*rect));
        }
        self.keep_cursor_visible();
        self.measure_overlay();
    }
}
