//! The voter's notes inside a session: opening the editor, typing, closing and saving.

use super::editor::{
    NoteEditor, clean_paste, line_end, line_start, next_boundary, prev_boundary, splice, vertical,
    word_left, word_right,
};
use super::voter::SaveWhen;
use super::{Action, App, Effect};

impl App {
    /// The open note editor, if any.
    pub fn note_editor(&self) -> Option<NoteEditor> {
        self.editor
    }

    /// The voter's note on `candidate` (empty if none).
    pub fn note_text(&self, candidate: usize) -> &str {
        self.note_at(candidate, None)
    }

    /// The note the open editor edits (empty if none is open).
    pub fn editor_note(&self) -> &str {
        self.editor
            .map_or("", |e| self.note_at(e.candidate, e.question))
    }

    /// Where the note on `candidate` (or on its answer to `question`) is kept.
    pub(super) fn note_key(&self, candidate: usize, question: Option<usize>) -> String {
        let c = &self.roster.candidates[candidate];
        let asked = question.and_then(|q| self.roster.elections[c.election].questions.get(q));
        match asked {
            Some(q) => c.answer_note_key(q),
            None => c.key.clone(),
        }
    }

    /// The voter's note on `candidate`, or on its answer to `question` (empty if none).
    pub fn note_at(&self, candidate: usize, question: Option<usize>) -> &str {
        let election = self.roster.candidates[candidate].election;
        self.voter.ballots[election]
            .notes
            .get(&self.note_key(candidate, question))
            .map_or("", String::as_str)
    }

    /// Opens the note editor on `candidate`, with the cursor at the end of the note.
    pub(super) fn start_note(&mut self, candidate: usize) {
        self.start_note_on(candidate, None);
    }

    /// Opens the note editor on `candidate`'s answer to `question` (`None`: on the
    /// candidate), with the cursor at the end of the note.
    pub(super) fn start_note_on(&mut self, candidate: usize, question: Option<usize>) {
        let election = self.roster.candidates[candidate].election;
        if self.voter.read_only.get(election).copied().unwrap_or(false) {
            self.message = Some("Read-only here, so notes cannot change: E says why".to_string());
            return;
        }
        self.editor = Some(NoteEditor {
            candidate,
            question,
            cursor: self.note_at(candidate, question).len(),
            chord: false,
        });
    }

    fn note_mut(&mut self, candidate: usize, question: Option<usize>) -> &mut String {
        let key = self.note_key(candidate, question);
        let election = self.roster.candidates[candidate].election;
        self.voter.ballots[election].notes.entry(key).or_default()
    }

    /// Keys of the note editor.
    pub(super) fn update_editor(&mut self, action: Action) -> Effect {
        let Some(NoteEditor {
            candidate,
            question,
            cursor,
            chord,
        }) = self.editor
        else {
            return Effect::Continue;
        };
        // Ctrl-X Ctrl-E continues in the voter's own editor, as in bash.
        if chord && action == Action::EditorEnd {
            self.editor = Some(NoteEditor {
                candidate,
                question,
                cursor,
                chord: false,
            });
            return Effect::EditExternally(candidate);
        }
        let election = self.roster.candidates[candidate].election;
        let text = self.note_at(candidate, question).to_string();
        let mut cursor = cursor.min(text.len());
        let mut edited = None;
        match action {
            Action::Back => {
                self.close_note(candidate, question);
                return Effect::Continue;
            }
            Action::EditorExternal => return Effect::EditExternally(candidate),
            Action::EditorChord => {
                self.editor = Some(NoteEditor {
                    candidate,
                    question,
                    cursor,
                    chord: true,
                });
                self.message = Some("C-x: C-e continues in $EDITOR".to_string());
                return Effect::Continue;
            }
            Action::EditorWordLeft => cursor = word_left(&text, cursor),
            Action::EditorWordRight => cursor = word_right(&text, cursor),
            Action::EditorDeleteWord => {
                let from = word_left(&text, cursor);
                edited = Some(splice(&text, from, cursor, ""));
                cursor = from;
            }
            Action::EditorDeleteToStart => {
                let from = line_start(&text, cursor);
                edited = Some(splice(&text, from, cursor, ""));
                cursor = from;
            }
            Action::EditorDeleteToEnd => {
                let to = line_end(&text, cursor);
                edited = Some(splice(&text, cursor, to, ""));
            }
            Action::EditorInsert(c) if !c.is_control() => {
                edited = Some(splice(&text, cursor, cursor, &c.to_string()));
                cursor += c.len_utf8();
            }
            Action::EditorNewline => {
                edited = Some(splice(&text, cursor, cursor, "\n"));
                cursor += 1;
            }
            Action::SearchPaste(pasted) | Action::EditorPaste(pasted) => {
                let clean = clean_paste(&pasted);
                edited = Some(splice(&text, cursor, cursor, &clean));
                cursor += clean.len();
            }
            Action::EditorBackspace => {
                if let Some(prev) = prev_boundary(&text, cursor) {
                    edited = Some(splice(&text, prev, cursor, ""));
                    cursor = prev;
                }
            }
            Action::EditorDelete => {
                if let Some(next) = next_boundary(&text, cursor) {
                    edited = Some(splice(&text, cursor, next, ""));
                }
            }
            Action::EditorLeft => cursor = prev_boundary(&text, cursor).unwrap_or(cursor),
            Action::EditorRight => cursor = next_boundary(&text, cursor).unwrap_or(cursor),
            Action::EditorHome => cursor = line_start(&text, cursor),
            Action::EditorEnd => cursor = line_end(&text, cursor),
            Action::EditorUp => cursor = vertical(&text, cursor, false),
            Action::EditorDown => cursor = vertical(&text, cursor, true),
            _ => {}
        }
        if let Some(new_text) = edited {
            *self.note_mut(candidate, question) = new_text;
            self.queue_save(election, SaveWhen::Soon);
        }
        self.editor = Some(NoteEditor {
            candidate,
            question,
            cursor,
            chord: false,
        });
        Effect::Continue
    }

    /// Puts back a note edited outside (in `$EDITOR`): the one the editor had open on
    /// `candidate` (its answer's, where it was on one); `Err` means the edit failed.
    pub fn set_note(&mut self, candidate: usize, text: Result<String, String>) {
        let question = self
            .editor
            .filter(|e| e.candidate == candidate)
            .and_then(|e| e.question);
        match text {
            Ok(text) => {
                let text = text.trim_end_matches('\n').to_string();
                let cursor = text.len();
                *self.note_mut(candidate, question) = text;
                self.editor = Some(NoteEditor {
                    candidate,
                    question,
                    cursor,
                    chord: false,
                });
                let election = self.roster.candidates[candidate].election;
                self.queue_save(election, SaveWhen::Now);
            }
            Err(e) => self.message = Some(format!("The external editor failed: {e}")),
        }
    }

    /// Closes the editor; the note is saved at once (an emptied note is removed).
    pub(super) fn close_note(&mut self, candidate: usize, question: Option<usize>) {
        let key = self.note_key(candidate, question);
        let c = &self.roster.candidates[candidate];
        let (election, name) = (c.election, c.name.clone());
        let notes = &mut self.voter.ballots[election].notes;
        if notes.get(&key).is_some_and(|n| n.trim().is_empty()) {
            notes.remove(&key);
        }
        self.editor = None;
        self.queue_save(election, SaveWhen::Now);
        self.invalidate_panes();
        self.message = Some(match question {
            Some(q) => format!("Note on {name}'s answer to Q{} saved", q + 1),
            None => format!("Note on {name} saved"),
        });
    }
}
