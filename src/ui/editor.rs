//! The note editor: a box over the screen with the note, wrapped between words, the cursor
//! placed exactly.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthChar;

use super::theme::Theme;
use super::widgets::overlay_box;
use crate::app::App;
use crate::text::sanitize::sanitize_text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(editor) = app.note_editor() else {
        return;
    };
    let name = &app.candidate(editor.candidate).name;
    let on = match editor.question {
        Some(q) => format!("{name}'s answer to Q{}", q + 1),
        None => name.clone(),
    };
    let title = format!("Your note on {on} · Esc saves and closes · C-x C-e $EDITOR");
    let inner = overlay_box(frame, area, 80, 16, &title, theme);
    let width = usize::from(inner.width);
    if width == 0 || inner.height == 0 {
        return;
    }
    let text = app.editor_note();
    let (rows, cursor) = layout(text, editor.cursor, width);
    let height = usize::from(inner.height);
    let skip = (cursor.0 + 1).saturating_sub(height);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(skip)
        .take(height)
        .map(|r| Line::styled(r, theme.note))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(cursor.1).unwrap_or(u16::MAX);
    let y = inner.y + u16::try_from(cursor.0 - skip).unwrap_or(u16::MAX);
    if x < inner.right() && y < inner.bottom() {
        frame.set_cursor_position(Position::new(x, y));
    }
}

/// Rows of at most `width` columns, broken between words where a word would cross the edge
/// (a word wider than a row is broken where it must), and the (row, column) of byte offset
/// `cursor`.
fn layout(text: &str, cursor: usize, width: usize) -> (Vec<String>, (usize, usize)) {
    let mut rows = vec![String::new()];
    let mut used = 0;
    let mut at = (0, 0);
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if i == cursor {
                at = (rows.len() - 1, used);
            }
            rows.push(String::new());
            used = 0;
            continue;
        }
        let shown = sanitize_text(&c.to_string()).text;
        let w: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
        let starts_word =
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace));
        if starts_word {
            // The whole word to come: does it fit on this row?
            let word_end = text[i..]
                .find(char::is_whitespace)
                .map_or(text.len(), |e| i + e);
            let word_width: usize = sanitize_text(&text[i..word_end])
                .text
                .chars()
                .map(|c| c.width().unwrap_or(0))
                .sum();
            if used > 0 && used + word_width > width && word_width <= width {
                rows.push(String::new());
                used = 0;
            }
        }
        if used + w > width && used > 0 {
            rows.push(String::new());
            used = 0;
        }
        if i == cursor {
            at = (rows.len() - 1, used);
        }
        if let Some(row) = rows.last_mut() {
            row.push_str(&shown);
        }
        used += w;
    }
    if cursor >= text.len() {
        if used >= width {
            rows.push(String::new());
            used = 0;
        }
        at = (rows.len() - 1, used);
    }
    (rows, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_lands_where_the_text_is() {
        let (rows, at) = layout("abc\ndef", 5, 10);
        assert_eq!(rows, vec!["abc", "def"]);
        assert_eq!(at, (1, 1));
        let (rows, at) = layout("abcdef", 6, 3);
        assert_eq!(rows, vec!["abc", "def", ""]);
        assert_eq!(at, (2, 0));
        let (_, at) = layout("", 0, 3);
        assert_eq!(at, (0, 0));
        let (rows, _) = layout("a b", 0, 10);
        assert_eq!(rows, vec!["a b"], "spaces are kept");
    }

    #[test]
    fn words_are_not_broken_unless_wider_than_a_row() {
        let (rows, at) = layout("hello brave new world", 12, 10);
        assert_eq!(rows, vec!["hello ", "brave new ", "world"]);
        assert_eq!(at, (1, 6), "the cursor on the n of new");
        let (rows, _) = layout("abcdefghijkl xy", 0, 5);
        assert_eq!(
            rows,
            vec!["abcde", "fghij", "kl xy"],
            "a word wider than a row breaks"
        );
    }
}
