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
        let c = &self.roster.candidates[candidate];
        self.voter.ballots[c.election]
            .notes
            .get(&c.key)
            .map_or("", String::as_str)
    }

    /// Opens the note editor on `candidate`, with the cursor at the end of the note.
    pub(super) fn start_note(&mut self, candidate: usize) {
        let election = self.roster.candidates[candidate].election;
        if self.voter.read_only.get(election).copied().unwrap_or(false) {
            self.message = Some(
                "Read-only: another hustings has this election open, so notes cannot change here"
                    .to_string(),
            );
            return;
        }
        self.editor = Some(NoteEditor {
            candidate,
            cursor: self.note_text(candidate).len(),
            chord: false,
        });
    }

    pub(super) fn note_mut(&mut self, candidate: usize) -> &mut String {
        let c = &self.roster.candidates[candidate];
        self.voter.ballots[c.election]
            .notes
            .entry(c.key.clone())
            .or_default()
    }

    /// Keys of the note editor.
    pub(super) fn update_editor(&mut self, action: Action) -> Effect {
        let Some(NoteEditor {
            candidate,
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
                cursor,
                chord: false,
            });
            return Effect::EditExternally(candidate);
        }
        let election = self.roster.candidates[candidate].election;
        let text = self.note_text(candidate).to_string();
        let mut cursor = cursor.min(text.len());
        let mut edited = None;
        match action {
            Action::Back => {
                self.close_note(candidate);
                return Effect::Continue;
            }
            Action::EditorExternal => return Effect::EditExternally(candidate),
            Action::EditorChord => {
                self.editor = Some(NoteEditor {
                    candidate,
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
            *self.note_mut(candidate) = new_text;
            self.queue_save(election, SaveWhen::Soon);
        }
        self.editor = Some(NoteEditor {
            candidate,
            cursor,
            chord: false,
        });
        Effect::Continue
    }

    /// Puts back a note edited outside (in `$EDITOR`); `None` means the edit failed.
    pub fn set_note(&mut self, candidate: usize, text: Result<String, String>) {
        match text {
            Ok(text) => {
                let text = text.trim_end_matches('\n').to_string();
                let cursor = text.len();
                *self.note_mut(candidate) = text;
                self.editor = Some(NoteEditor {
                    candidate,
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
    pub(super) fn close_note(&mut self, candidate: usize) {
        let c = &self.roster.candidates[candidate];
        let (election, key, name) = (c.election, c.key.clone(), c.name.clone());
        let notes = &mut self.voter.ballots[election].notes;
        if notes.get(&key).is_some_and(|n| n.trim().is_empty()) {
            notes.remove(&key);
        }
        self.editor = None;
        self.queue_save(election, SaveWhen::Now);
        self.invalidate_panes();
        self.message = Some(format!("Note on {name} saved"));
    }
}
