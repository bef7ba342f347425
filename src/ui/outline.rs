//! The outline: the sections of every open statement, side by side in one list.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::help::draw_scrolled;
use super::theme::Theme;
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut text = Vec::new();
    for pane in app.panes() {
        if !text.is_empty() {
            text.push(String::new());
        }
        text.push(app.candidate(pane.candidate).name.clone());
        if pane.sections().is_empty() {
            text.push("  (no sections)".to_string());
        }
        for (i, section) in pane.sections().iter().enumerate() {
            let here = if section.line <= pane.scroll
                && pane
                    .sections()
                    .get(i + 1)
                    .is_none_or(|next| next.line > pane.scroll)
            {
                "▶"
            } else {
                " "
            };
            text.push(format!("{here} {}. {}", i + 1, section.title));
        }
    }
    text.push(String::new());
    text.push("} and { move every pane to the next or previous section of the same name.".into());
    draw_scrolled(frame, area, app, theme, "Outline", &text.join("\n"));
}
