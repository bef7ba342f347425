//! Overlays: the key help (drawn from the keymap's own tables) and the load errors.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::widgets::overlay_box;
use crate::app::App;
use crate::keymap::{BALLOT, Binding, EDITOR, HISTORY, NORMAL, OVERLAY, SEARCH, THEMES};
use crate::text::wrap::wrap;

/// The help text, one entry per line.
pub fn help_lines() -> Vec<String> {
    let mut lines = Vec::new();
    let mut section = |title: &str, table: &[Binding]| {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(title.to_string());
        for b in table {
            lines.push(format!("  {:<10} {}", b.label, b.help));
        }
    };
    section("Keys", NORMAL);
    section("While searching (type to filter; Ctrl-U clears)", SEARCH);
    section("In the ballot (b)", BALLOT);
    section(
        "In the note editor (e; typing inserts text; Ctrl-E continues in $EDITOR)",
        EDITOR,
    );
    section("In the themes (t)", THEMES);
    section("In the history (H)", HISTORY);
    section("In this window", OVERLAY);
    lines.push(String::new());
    lines.push("Mouse: the wheel scrolls the pane under it; a click selects or focuses.".into());
    lines.push("Ctrl-C quits from anywhere.".into());
    lines
}

pub fn draw_help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = help_lines();
    draw_scrolled(
        frame,
        area,
        app,
        theme,
        "Keys — Esc closes",
        &lines.join("\n"),
    );
}

pub fn draw_errors(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let n = app.errors.len();
    let title = if n == 0 {
        "Notices — Esc closes, E reopens".to_string()
    } else {
        format!(
            "{n} file{} could not be loaded — Esc closes, E reopens",
            if n == 1 { "" } else { "s" }
        )
    };
    let mut text: Vec<String> = app.errors.iter().map(ToString::to_string).collect();
    if n > 0 && !app.notices.is_empty() {
        text.push(String::new());
    }
    text.extend(
        app.notices
            .iter()
            .map(|n| crate::text::sanitize::sanitize_line(n).text),
    );
    draw_scrolled(frame, area, app, theme, &title, &text.join("\n"));
}

pub(super) fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    title: &str,
    text: &str,
) {
    let box_width = area.width.saturating_sub(2).min(84);
    let estimate = wrap(text, usize::from(box_width.saturating_sub(2))).len();
    let box_height = u16::try_from(estimate + 2).unwrap_or(u16::MAX);
    let fits = box_height <= area.height.saturating_sub(2);
    let title = if fits {
        title.to_string()
    } else {
        format!("{title} · j/k scroll")
    };
    let inner = overlay_box(frame, area, box_width, box_height, &title, theme);
    let wrapped = wrap(text, usize::from(inner.width));
    let height = usize::from(inner.height);
    let scroll = app
        .overlay_scroll()
        .min(wrapped.len().saturating_sub(height));
    let lines: Vec<Line> = wrapped
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|l| Line::styled(l, theme.overlay))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
