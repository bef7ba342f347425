//! Questions and answers in the session: the grid of an election's questions, the panes
//! showing every answer to one question (a few at a time, the rest a keystroke away), and
//! one answer read in its candidate's statement pane.

use std::borrow::Cow;

use super::answering::{Answering, Before};
use super::lines::PaneLine;
use super::overlays::Open;
use super::overlays::questions::QuestionsView;
use super::statement;
use super::{App, Focus, Pane};
use crate::analysis::questions::{Grid, matching};
use crate::layout::MAX_PANES;

impl App {
    /// Opens the grid of the current election's questions.
    pub(super) fn open_questions(&mut self) {
        let Some(election) = self.current_election() else {
            return;
        };
        if self.roster.elections[election].questions.is_empty() {
            self.message = Some(format!(
                "No questions were put to the candidates of {}",
                self.roster.elections[election].name
            ));
            return;
        }
        let grid = Grid::new(&self.roster, election, self.candidates_of(election));
        let mut view = QuestionsView::new(grid);
        // A search keeps the questions that hold it.
        if !self.query.trim().is_empty() {
            view.rows = matching(&self.roster.elections[election].questions, &self.terms());
            view.filter = Some(self.query.trim().to_string());
        }
        // Back where the voter was reading, if they were.
        if let Some(answering) = self.answering.as_ref().filter(|a| a.election == election) {
            view.row = view
                .rows
                .iter()
                .position(|&q| q == answering.question)
                .unwrap_or(0);
        }
        self.overlay = Some(Open::Questions(view));
    }

    /// The open questions grid, for the renderer.
    pub fn questions_view(&self) -> Option<&QuestionsView> {
        match &self.overlay {
            Some(Open::Questions(view)) => Some(view),
            _ => None,
        }
    }

    /// Shows every answer to `question` of `election`, side by side from the `first`
    /// candidate on (as many as fit, at most four).
    pub(super) fn show_answers(&mut self, election: usize, question: usize, first: usize) {
        let mut candidates = self.candidates_of(election);
        if self.skip_unanswered {
            let roster = &self.roster;
            candidates.retain(|&c| roster.candidates[c].answer(question).is_some());
        }
        if candidates.is_empty() {
            self.message = Some(
                "No candidate answered this question · S shows those who did not too".to_string(),
            );
            return;
        }
        // The panes the voter had, kept from the first answers shown.
        let before = match self.answering.take() {
            Some(a) => a.before,
            None => Before {
                panes: self.panes.clone(),
                focus: self.focus,
                active_pane: self.active_pane,
                show_list: self.show_list,
            },
        };
        let first = first.min(candidates.len() - 1);
        let shown = &candidates[first..(first + MAX_PANES).min(candidates.len())];
        let terms = self.terms();
        self.panes = shown
            .iter()
            .map(|&c| {
                let mut pane = Pane::answering(c, question);
                pane.set_terms(&terms);
                pane
            })
            .collect();
        self.active_pane = 0;
        self.focus = Focus::Pane(0);
        let total = candidates.len();
        let last = first + shown.len();
        let e = &self.roster.elections[election];
        let more = if total > shown.len() {
            " · > < the others"
        } else {
            ""
        };
        let skipped = if self.skip_unanswered {
            " who answered · S all"
        } else {
            " · S skips who did not answer"
        };
        self.message = Some(format!(
            "Q{} of {}: answers of {}–{last} of {total}{skipped}{more} · ( ) other questions · Esc back",
            question + 1,
            e.questions.len(),
            first + 1,
        ));
        self.answering = Some(Answering {
            election,
            question,
            candidates,
            first,
            before,
            band_scroll: 0,
            band: None,
        });
        if self.show_list && self.panes.len() > 1 {
            self.show_list = false;
        }
        self.relayout();
    }

    /// The next (or previous) candidates' answers to the same question.
    pub(super) fn step_answers(&mut self, direction: isize) {
        let Some(a) = self.answering.clone() else {
            self.message = Some("Press a for the questions, then Enter on one".to_string());
            return;
        };
        let step = self.panes.len().max(1);
        let first = if direction > 0 {
            a.first + step
        } else {
            a.first.saturating_sub(step)
        };
        if first >= a.candidates.len() || (direction < 0 && a.first == 0) {
            self.message = Some(if direction > 0 {
                "These are the last answers".to_string()
            } else {
                "These are the first answers".to_string()
            });
            return;
        }
        self.show_answers(a.election, a.question, first);
    }

    /// The same candidates' answers to the next (or previous) question.
    pub(super) fn step_question(&mut self, direction: isize) {
        let Some(a) = self.answering.clone() else {
            self.message = Some("Press a for the questions, then Enter on one".to_string());
            return;
        };
        let count = self.roster.elections[a.election].questions.len();
        let question = a.question as isize + direction;
        if question < 0 || question as usize >= count {
            self.message = Some(format!("There are {count} questions"));
            return;
        }
        self.show_answers(a.election, question as usize, a.first);
    }

    /// Opens `candidate`'s statement at their answer to `question`.
    pub(super) fn read_answer(&mut self, candidate: usize, question: usize) {
        self.open_candidate(candidate);
        let heading = format!("Q{}. ", question + 1);
        let pane = self.active_pane;
        if let Some(section) = self.panes[pane]
            .sections()
            .iter()
            .position(|s| s.title.starts_with(&heading))
        {
            self.align_sections(pane, section);
        } else {
            self.message = Some("No answer to that question".to_string());
        }
    }

    /// While the panes show one question's answers: the band above them, its title and its
    /// text (the question in full, and where it was asked).
    pub fn banner(&self) -> Option<(String, String)> {
        let a = self.answering.as_ref()?;
        let election = &self.roster.elections[a.election];
        let q = election.questions.get(a.question)?;
        let everyone = self.roster.members(a.election);
        let answered = self.roster.candidates[everyone.clone()]
            .iter()
            .filter(|c| c.answer(a.question).is_some())
            .count();
        let title = format!(
            "Q{} of {}: {} — answered by {answered} of {}",
            a.question + 1,
            election.questions.len(),
            q.title,
            everyone.len()
        );
        Some((title, self.banner_text()?))
    }

    /// The band's text as drawn in `width` columns (Markdown rendered), and the first line
    /// shown: as drawn for the window's width on its last change, else drawn now.
    pub fn banner_lines(&self, width: usize) -> Option<(Cow<'_, [PaneLine]>, usize)> {
        let a = self.answering.as_ref()?;
        let lines = match &a.band {
            Some((drawn, lines)) if *drawn == width => Cow::Borrowed(lines.as_slice()),
            _ => Cow::Owned(self.band_drawn(width)?),
        };
        Some((lines, a.band_scroll))
    }

    /// The band's text drawn in `width` columns.
    fn band_drawn(&self, width: usize) -> Option<Vec<PaneLine>> {
        // Questions are asked in an issue tracker's Markdown, with or without its marks.
        Some(statement::markdown(&self.banner_text()?, width))
    }

    /// Draws the band's lines for the window's width where it changed or a question is new:
    /// once per change, not for every layout (a layout is asked for on every scroll).
    pub(super) fn redraw_band(&mut self) {
        let width = usize::from(self.size.width.saturating_sub(4));
        if self
            .answering
            .as_ref()
            .is_none_or(|a| a.band.as_ref().is_some_and(|(drawn, _)| *drawn == width))
        {
            return;
        }
        let lines = self.band_drawn(width);
        if let Some(a) = self.answering.as_mut() {
            a.band = lines.map(|lines| (width, lines));
        }
    }

    /// Scrolls the band by `lines`, within its text.
    pub(super) fn scroll_banner(&mut self, lines: isize) {
        let Some(band) = self.areas(self.size).banner else {
            self.message = Some("No question shown: a, then Enter on one".to_string());
            return;
        };
        let width = usize::from(band.width.saturating_sub(4));
        let room = usize::from(band.height.saturating_sub(2));
        let total = self.banner_lines(width).map_or(0, |(l, _)| l.len());
        if let Some(a) = self.answering.as_mut() {
            a.band_scroll = a
                .band_scroll
                .saturating_add_signed(lines)
                .min(total.saturating_sub(room));
        }
    }

    /// The band's text: the question in full, and where it was asked.
    fn banner_text(&self) -> Option<String> {
        let a = self.answering.as_ref()?;
        let q = self.roster.elections[a.election]
            .questions
            .get(a.question)?;
        let mut text = q.text.display().trim().to_string();
        if let Some(link) = &q.link {
            text.push_str(&format!("\n\n(asked at {link})"));
        }
        Some(text)
    }

    /// Rows the band would take in a window `width` wide, border included; 0 without one.
    /// Called for every layout: the lines drawn once per change are counted.
    pub(super) fn banner_rows(&self, width: u16) -> u16 {
        self.banner_lines(usize::from(width.saturating_sub(4)))
            .map_or(0, |(lines, _)| {
                u16::try_from(lines.len() + 2).unwrap_or(u16::MAX)
            })
    }

    /// The panes no longer show one question's answers.
    pub(super) fn stop_answering(&mut self) {
        self.answering = None;
    }

    /// Leaves the comparison of answers for the panes the voter had before it; false when
    /// the panes show no answers.
    pub(super) fn leave_answers(&mut self) -> bool {
        let Some(a) = self.answering.take() else {
            return false;
        };
        let Before {
            panes,
            focus,
            active_pane,
            show_list,
        } = a.before;
        self.panes = panes;
        self.active_pane = active_pane.min(self.panes.len().saturating_sub(1));
        self.show_list = show_list || self.panes.is_empty();
        self.focus = match focus {
            Focus::Pane(i) if i < self.panes.len() => Focus::Pane(i),
            _ => Focus::List,
        };
        self.invalidate_panes();
        self.relayout();
        self.message = Some("Back to your panes · a the questions".to_string());
        true
    }

    /// Leaves out (or brings back) candidates who did not answer, when answers are compared;
    /// kept with the voter's place.
    pub(super) fn toggle_skip_unanswered(&mut self) {
        self.skip_unanswered = !self.skip_unanswered;
        match self.answering.clone() {
            Some(a) => self.show_answers(a.election, a.question, 0),
            None => {
                self.message = Some(
                    if self.skip_unanswered {
                        "Answers compared will leave out who did not answer"
                    } else {
                        "Answers compared will show everyone, answered or not"
                    }
                    .to_string(),
                );
            }
        }
    }

    /// The question whose answers the panes show, if they do.
    pub fn answering_question(&self) -> Option<usize> {
        self.answering.as_ref().map(|a| a.question)
    }
}
