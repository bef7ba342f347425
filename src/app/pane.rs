//! A statement pane: one candidate's fields and statement, wrapped once per width.

use super::found::{Occurrence, occurrences};
use super::lines::{LineKind, PaneLine, Section};
use super::scroll::Scroll;
use super::statement::{self, blank};
use crate::roster::{Candidate, Election};
use crate::text::wrap::wrap;

/// A pane showing one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pane {
    /// Index into the roster's candidates.
    pub candidate: usize,
    /// The question whose answer the pane shows instead of the statement, if any.
    pub question: Option<usize>,
    /// The first visible line, within the wrapped lines.
    scroll: Scroll,
    /// The text width `lines` were wrapped for.
    width: usize,
    lines: Vec<PaneLine>,
    /// The statement's sections, by line of this pane.
    sections: Vec<Section>,
    /// The search terms the pane highlights, and the lines that hold a hit, found once per
    /// query and width rather than on every frame.
    terms: Vec<String>,
    /// Every place the search is found, in reading order.
    found: Vec<Occurrence>,
    /// Each piece of those, by line: (line, bytes, which place), sorted by line.
    pieces: Vec<(usize, std::ops::Range<usize>, usize)>,
    /// The place last jumped to with `n`/`N`, drawn apart from the others.
    current: Option<usize>,
}

/// Lines shown above a hit jumped to, as `less -j` gives: what leads up to it is in view.
pub const HIT_CONTEXT: usize = 3;

impl Pane {
    /// A pane for `candidate`, not yet wrapped (it is on the next layout).
    pub fn new(candidate: usize) -> Self {
        Pane {
            candidate,
            question: None,
            scroll: Scroll::default(),
            width: usize::MAX,
            lines: Vec::new(),
            sections: Vec::new(),
            terms: Vec::new(),
            found: Vec::new(),
            pieces: Vec::new(),
            current: None,
        }
    }

    /// A pane for `candidate`'s answer to `question` of its election.
    pub fn answering(candidate: usize, question: usize) -> Self {
        Pane {
            question: Some(question),
            ..Pane::new(candidate)
        }
    }

    /// Sets the search terms and finds the lines that hold them.
    pub fn set_terms(&mut self, terms: &[String]) {
        self.terms = terms.to_vec();
        self.find_hits();
    }

    fn find_hits(&mut self) {
        self.found = if self.terms.is_empty() {
            Vec::new()
        } else {
            occurrences(&self.lines, &self.terms)
        };
        self.pieces = self
            .found
            .iter()
            .enumerate()
            .flat_map(|(k, o)| o.parts.iter().map(move |(line, r)| (*line, r.clone(), k)))
            .collect();
        self.pieces.sort_by_key(|(line, r, _)| (*line, r.start));
        self.current = None;
    }

    /// The line each place the search is found starts on, in reading order (a line with
    /// two places is there twice).
    pub fn hits(&self) -> Vec<usize> {
        self.found.iter().map(|o| o.line).collect()
    }

    /// The search's pieces on line `line`: bytes of its text, and whether they belong to the
    /// place last jumped to.
    pub fn highlights(&self, line: usize) -> Vec<(std::ops::Range<usize>, bool)> {
        let from = self.pieces.partition_point(|(l, _, _)| *l < line);
        self.pieces[from..]
            .iter()
            .take_while(|(l, _, _)| *l == line)
            .map(|(_, r, k)| (r.clone(), Some(*k) == self.current))
            .collect()
    }

    /// Where the view is among the places found: (the one jumped to, else how many start at
    /// or above the top line; all of them); `None` when there is none.
    pub fn hit_position(&self) -> Option<(usize, usize)> {
        if self.found.is_empty() {
            return None;
        }
        let top = self.scroll.offset();
        let at = match self.current {
            Some(k) => k + 1,
            None => self.found.partition_point(|o| o.line <= top),
        };
        Some((at, self.found.len()))
    }

    /// Shows the first place found with a few lines above it, unless it is already on the
    /// first page; it counts as the one jumped to.
    pub fn reveal_first_hit(&mut self, height: usize) {
        if let Some(first) = self.found.first() {
            if first.line >= height {
                self.scroll
                    .show_at_top(first.line.saturating_sub(HIT_CONTEXT));
            }
            self.current = Some(0);
        }
    }

    /// Starts the pane at a scroll position (a place restored).
    pub fn set_scroll(&mut self, scroll: Scroll) {
        self.scroll = scroll;
    }

    /// The first visible line.
    pub fn scroll(&self) -> usize {
        self.scroll.offset()
    }

    /// The wrapped lines.
    pub fn lines(&self) -> &[PaneLine] {
        &self.lines
    }

    /// The statement's sections, by line of this pane.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Forgets the wrapped lines so the next layout builds them again.
    pub fn invalidate(&mut self) {
        self.width = usize::MAX;
    }

    /// Re-wraps for `width` if it changed, keeping the reader at the same place in the text.
    pub fn rewrap(
        &mut self,
        candidate: &Candidate,
        election: &Election,
        note: Option<&str>,
        width: usize,
    ) {
        if width == self.width {
            return;
        }
        (self.lines, self.sections) = match self.question {
            Some(question) => (
                answer_pane(candidate, election, question, note, width),
                Vec::new(),
            ),
            None => build_lines(candidate, election, note, width),
        };
        self.scroll.rescale(self.lines.len());
        self.width = width;
        self.find_hits();
    }

    /// Scrolls by `delta` lines, staying within `0..=max_scroll(height)`.
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.clamp(height);
        self.scroll.by(delta);
    }

    /// Scrolls to the top (`false`) or as far down as the text goes (`true`).
    pub fn scroll_to_end(&mut self, bottom: bool, height: usize) {
        self.clamp(height);
        self.scroll.to(if bottom { usize::MAX } else { 0 });
    }

    /// The last scroll position at which the window is still full of text.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height)
    }

    /// Keeps the scroll position valid after the height or text changed.
    pub fn clamp(&mut self, height: usize) {
        self.scroll.resize(self.lines.len(), height);
    }

    /// Shows line `line` at the top, even near the end of the text (a section or a hit
    /// jumped to comes first on screen).
    pub fn show_at_top(&mut self, line: usize) {
        self.scroll.show_at_top(line);
    }

    /// Steps to the next (or previous) place the search is found: from the one last jumped
    /// to while it is in view (`height` lines), else from the top of the view. It is shown
    /// with [`HIT_CONTEXT`] lines above it; returns false if there is none further.
    pub fn jump_to_hit(&mut self, forward: bool, height: usize) -> bool {
        let top = self.scroll.offset();
        let in_view = |line: usize| line >= top && line < top + height.max(1);
        let from = self.current.filter(|&k| in_view(self.found[k].line));
        let target = match (from, forward) {
            (Some(k), true) => (k + 1 < self.found.len()).then_some(k + 1),
            (Some(k), false) => k.checked_sub(1),
            (None, true) => self.found.iter().position(|o| o.line >= top),
            (None, false) => self.found.iter().rposition(|o| o.line < top),
        };
        let Some(k) = target else {
            return false;
        };
        self.current = Some(k);
        let line = self.found[k].line;
        if !in_view(line) || line < top + HIT_CONTEXT.min(height / 2) {
            // Even near the end of the text, so that the view does not jump back.
            self.scroll.show_at_top(line.saturating_sub(HIT_CONTEXT));
        }
        true
    }
}

/// The voter's note (when shown), the fields, a rule and the statement, wrapped to `width`,
/// with the statement's sections.
pub fn build_lines(
    candidate: &Candidate,
    election: &Election,
    note: Option<&str>,
    width: usize,
) -> (Vec<PaneLine>, Vec<Section>) {
    let mut lines = note.map_or_else(Vec::new, |note| note_lines("✎ Your note", note, width));
    let mut push = |text: &str, kind: LineKind| lines.extend(wrapped(text, kind, width));
    if candidate.hidden > 0 {
        push(
            &format!(
                "⚠ {} hidden or control character{} shown as ^X or <U+XXXX>",
                candidate.hidden,
                if candidate.hidden == 1 { "" } else { "s" }
            ),
            LineKind::Notice,
        );
    }
    if !candidate.emails.is_empty() {
        push(
            &format!("Email: {}", candidate.emails.join(", ")),
            LineKind::Field,
        );
    }
    if let Some(affiliation) = &candidate.affiliation {
        push(&format!("Affiliation: {affiliation}"), LineKind::Field);
    }
    push(&format!("Election: {}", election.name), LineKind::Field);
    for (key, value) in &candidate.links {
        push(&format!("{key}: {value}"), LineKind::Field);
    }
    for (key, value) in &candidate.extra {
        push(&format!("{key}: {value}"), LineKind::Field);
    }
    push(&"─".repeat(width), LineKind::Rule);
    let mut sections = Vec::new();
    if candidate.statement.display().trim().is_empty() {
        push("(no statement)", LineKind::Notice);
    } else {
        append(
            &mut lines,
            &mut sections,
            candidate.statement.display(),
            width,
        );
    }
    answers(candidate, election, width, &mut lines, &mut sections);
    (lines, sections)
}

/// A pane of one answer (the question is in the band above the panes): the voter's note on
/// it (when shown), the candidate's affiliation, then the answer or a plain "no answer".
fn answer_pane(
    candidate: &Candidate,
    election: &Election,
    question: usize,
    note: Option<&str>,
    width: usize,
) -> Vec<PaneLine> {
    let mut lines = note.map_or_else(Vec::new, |note| {
        note_lines("✎ Your note on this answer", note, width)
    });
    let mut push = |text: &str, kind: LineKind| lines.extend(wrapped(text, kind, width));
    if election.questions.get(question).is_none() {
        push("(no such question)", LineKind::Notice);
        return lines;
    }
    if let Some(affiliation) = &candidate.affiliation {
        push(&format!("Affiliation: {affiliation}"), LineKind::Field);
        push(&"─".repeat(width), LineKind::Rule);
    }
    match candidate.answer(question) {
        Some(answer) => lines.extend(answer_lines(answer, width)),
        None => push("(no answer)", LineKind::Notice),
    }
    lines
}

/// An answer's lines for `width` columns, drawn as a statement is.
pub fn answer_lines(answer: &crate::roster::Text, width: usize) -> Vec<PaneLine> {
    statement::lines(answer.display(), width).0
}

/// Appends text as the panes draw a statement, its sections numbered from where it starts.
fn append(lines: &mut Vec<PaneLine>, sections: &mut Vec<Section>, text: &str, width: usize) {
    let start = lines.len();
    let (body, found) = statement::lines(text, width);
    lines.extend(body);
    sections.extend(found.into_iter().map(|s| Section {
        line: s.line + start,
        title: s.title,
    }));
}

/// The candidate's answers below the statement, one section each (the outline lists them),
/// then the questions left unanswered, by title.
fn answers(
    candidate: &Candidate,
    election: &Election,
    width: usize,
    lines: &mut Vec<PaneLine>,
    sections: &mut Vec<Section>,
) {
    if election.questions.is_empty() {
        return;
    }
    heading(
        lines,
        sections,
        width,
        &format!(
            "Questions: answered {} of {}",
            candidate.answers.len(),
            election.questions.len()
        ),
    );
    for answer in &candidate.answers {
        let title = &election.questions[answer.question].title;
        heading(
            lines,
            sections,
            width,
            &format!("Q{}. {title}", answer.question + 1),
        );
        lines.push(blank());
        append(lines, &mut Vec::new(), answer.text.display(), width);
    }
    let unanswered: Vec<(usize, &str)> = election
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| candidate.answer(*i).is_none())
        .map(|(i, q)| (i, q.title.as_str()))
        .collect();
    if !unanswered.is_empty() {
        heading(
            lines,
            sections,
            width,
            &format!("Not answered ({})", unanswered.len()),
        );
        for (i, title) in unanswered {
            lines.extend(wrapped(
                &format!("Q{}. {title}", i + 1),
                LineKind::Notice,
                width,
            ));
        }
    }
}

/// The voter's note above a pane's text: a heading, the note, a dotted rule.
fn note_lines(heading: &str, note: &str, width: usize) -> Vec<PaneLine> {
    let mut lines = wrapped(heading, LineKind::Notice, width);
    let note = crate::text::sanitize::sanitize_text(note).text;
    lines.extend(wrapped(&note, LineKind::Note, width));
    lines.extend(wrapped(&"┄".repeat(width), LineKind::Rule, width));
    lines
}

/// A blank line, then a heading the outline lists.
fn heading(lines: &mut Vec<PaneLine>, sections: &mut Vec<Section>, width: usize, text: &str) {
    lines.push(blank());
    sections.push(Section {
        line: lines.len(),
        title: text.to_string(),
    });
    lines.extend(wrapped(text, LineKind::Heading(2), width));
}

/// `text` wrapped to `width`, every line of one kind.
fn wrapped(text: &str, kind: LineKind, width: usize) -> Vec<PaneLine> {
    wrap(text, width)
        .into_iter()
        .map(|text| PaneLine {
            text,
            kind,
            marks: Vec::new(),
        })
        .collect()
}
