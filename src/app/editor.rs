//! The note editor: a multi-line text field over the voter's note on one candidate. The text
//! lives in the ballot as it is typed, so a pause in typing is enough for it to be saved.

/// Spaces a pasted tab becomes.
const PASTED_TAB: &str = "    ";

/// Which note is open, and where the cursor is (a byte offset into the note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteEditor {
    /// The candidate whose note is open.
    pub candidate: usize,
    /// The question of the election whose answer the note is on; `None`: the candidate.
    pub question: Option<usize>,
    /// A byte offset into the note, on a character boundary.
    pub cursor: usize,
    /// `Ctrl-X` was pressed: a `Ctrl-E` now continues in `$EDITOR`.
    pub chord: bool,
}

/// The start of the word before `at` (spaces before it skipped), as readline's `M-b`.
pub(super) fn word_left(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(|c: char| !c.is_alphanumeric());
    trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The end of the word after `at` (spaces before it skipped), as readline's `M-f`.
pub(super) fn word_right(text: &str, at: usize) -> usize {
    let after = &text[at..];
    let start = after
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    let end = after[start..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(after.len() - start, |(i, _)| i);
    at + start + end
}

pub(super) fn splice(text: &str, from: usize, to: usize, insert: &str) -> String {
    format!("{}{insert}{}", &text[..from], &text[to..])
}

/// Pasted text with line endings normalised, tabs expanded and other controls left out.
pub(super) fn clean_paste(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\t', PASTED_TAB)
        .chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

pub(super) fn prev_boundary(text: &str, at: usize) -> Option<usize> {
    text[..at].char_indices().next_back().map(|(i, _)| i)
}

pub(super) fn next_boundary(text: &str, at: usize) -> Option<usize> {
    text[at..].chars().next().map(|c| at + c.len_utf8())
}

pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

pub(super) fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The cursor one line up or down, at the same column (in characters) where it fits.
pub(super) fn vertical(text: &str, at: usize, down: bool) -> usize {
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
    fn words_left_and_right_skip_spaces_and_punctuation() {
        let text = "one, two  three";
        assert_eq!(word_left(text, text.len()), 10);
        assert_eq!(word_left(text, 10), 5);
        assert_eq!(word_left(text, 5), 0);
        assert_eq!(word_left(text, 0), 0);
        assert_eq!(word_right(text, 0), 3);
        assert_eq!(word_right(text, 3), 8);
        assert_eq!(word_right(text, 8), text.len());
        assert_eq!(word_right("naïve café", 0), "naïve".len());
    }

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
