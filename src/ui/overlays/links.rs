//! The links of a statement, each shown in full (wrapped, never cut): the address shown is
//! the address opened.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::theme::Theme;
use super::super::widgets::{list_with_keys, overlay_box};
use crate::app::App;
use crate::text::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(view) = app.links_view() else {
        return;
    };
    let name = &app.candidate(view.candidate).name;
    let title = if view.more {
        format!(
            "Links in {name}'s statement (the first {}) — Esc closes",
            view.links.len()
        )
    } else {
        format!("Links in {name}'s statement — Esc closes")
    };
    let width = usize::from(area.width.saturating_sub(6)).clamp(10, 100);
    let mut lines: Vec<(String, bool)> = Vec::new();
    let mut selected_line = 0;
    // Only the addresses that can be on screen around the selected one are laid out: each
    // takes a line at least, so a window's height of them either side is enough.
    let reach = usize::from(area.height);
    let first = view.cursor.saturating_sub(reach);
    let shown = view
        .links
        .iter()
        .enumerate()
        .skip(first)
        .take(2 * reach + 1);
    for (i, url) in shown {
        let selected = i == view.cursor;
        if selected {
            selected_line = lines.len();
        }
        for (n, part) in wrap(url, width.saturating_sub(4)).into_iter().enumerate() {
            let lead = match (n, selected) {
                (0, true) => format!("▶ {:>2} ", i + 1),
                (0, false) => format!("  {:>2} ", i + 1),
                _ => "     ".to_string(),
            };
            lines.push((format!("{lead}{part}"), selected));
        }
    }
    let keys = "Enter open in $BROWSER · y copy · j k move · Esc close";
    let wanted = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let inner = overlay_box(
        frame,
        area,
        u16::try_from(width + 2).unwrap_or(u16::MAX),
        wanted,
        &title,
        theme,
    );
    let lines = lines
        .into_iter()
        .map(|(text, selected)| (text, if selected { theme.selected } else { theme.link }))
        .collect();
    list_with_keys(frame, inner, lines, selected_line, keys, theme);
}
