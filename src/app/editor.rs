//! The note editor: a multi-line text field over the voter's note on one candidate. The text
//! lives in the ballot as it is typed, so a pause in typing is enough for it to be saved.

use super::voter::SaveWhen;
use super::{Action, App, Effect};

/// Spaces a pasted tab becomes.
const PASTED_TAB: &str = "    ";

/// Which note is open, and where the cursor is (a byte offset into the note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteEditor {
    pub candidate: usize,
    pub cursor: usize,
}

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
            .get(&c.name)
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
        });
    }

    fn note_mut(&mut self, candidate: usize) -> &mut String {
        let c = &self.roster.candidates[candidate];
        self.voter.ballots[c.election]
            .notes
            .entry(c.name.clone())
            .or_default()
    }

    /// Keys of the note editor.
    pub(super) fn update_editor(&mut self, action: Action) -> Effect {
        let Some(NoteEditor { candidate, cursor }) = self.editor else {
            return Effect::Continue;
        };
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
        self.editor = Some(NoteEditor { candidate, cursor });
        Effect::Continue
    }

    /// Puts back a note edited outside (in `$EDITOR`); `None` means the edit failed.
    pub fn set_note(&mut self, candidate: usize, text: Result<String, String>) {
        match text {
            Ok(text) => {
                let text = text.trim_end_matches('\n').to_string();
                let cursor = text.len();
                *self.note_mut(candidate) = text;
                self.editor = Some(NoteEditor { candidate, cursor });
                let election = self.roster.candidates[candidate].election;
                self.queue_save(election, SaveWhen::Now);
            }
            Err(e) => self.message = Some(format!("The external editor failed: {e}")),
        }
    }

    /// Closes the editor; the note is saved at once (an emptied note is removed).
    fn close_note(&mut self, candidate: usize) {
        let c = &self.roster.candidates[candidate];
        let (election, name) = (c.election, c.name.clone());
        let notes = &mut self.voter.ballots[election].notes;
        if notes.get(&name).is_some_and(|n| n.trim().is_empty()) {
            notes.remove(&name);
        }
        self.editor = None;
        self.queue_save(election, SaveWhen::Now);
        self.invalidate_panes();
        self.message = Some(format!("Note on {name} saved"));
    }
}

fn splice(text: &str, from: usize, to: usize, insert: &str) -> String {
    format!("{}{insert}{}", &text[..from], &text[to..])
}

/// Pasted text with line endings normalised, tabs expanded and other controls left out.
fn clean_paste(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\t', PASTED_TAB)
        .chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

fn prev_boundary(text: &str, at: usize) -> Option<usize> {
    text[..at].char_indices().next_back().map(|(i, _)| i)
}

fn next_boundary(text: &str, at: usize) -> Option<usize> {
    text[at..].chars().next().map(|c| at + c.len_utf8())
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The cursor one line up or down, at the same column (in characters) where it fits.
fn vertical(text: &str, at: usize, down: bool) -> usize {
    let start = line_start(text, at);
    let column = text[start..at].chars().count();
    let target_start = if down {
        let end = line_end(text, at);
        if end == text.len() {
            return at;
        }
        end + 1
    } else {
        if start == 0 {
            return at;
        }
        line_start(text, start - 1)
    };
    let target_end = line_end(text, target_start);
    text[target_start..target_end]
        .char_indices()
        .nth(column)
        .map_or(target_end, |(i, _)| target_start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vertical_moves_keep_the_column() {
        let text = "abcdef\nxy\nlonger line";
        assert_eq!(
            vertical(text, 4, true),
            9,
            "clamped to the short line's end"
        );
        assert_eq!(vertical(text, 8, true), 11);
        assert_eq!(vertical(text, 11, false), 8);
        assert_eq!(vertical(text, 2, false), 2, "first line stays");
        assert_eq!(vertical(text, 12, true), 12, "last line stays");
    }

    #[test]
    fn pasted_text_is_cleaned() {
        assert_eq!(clean_paste("a\r\nb\tc\x1b[2J"), "a\nb    c[2J");
    }

    #[test]
    fn boundaries_respect_multibyte_characters() {
        let text = "añb";
        assert_eq!(next_boundary(text, 1), Some(3));
        assert_eq!(prev_boundary(text, 3), Some(1));
        assert_eq!(prev_boundary(text, 0), None);
    }
}
