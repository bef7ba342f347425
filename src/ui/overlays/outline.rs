//! The outline: every open statement's sections, the selected one marked; Enter goes there.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::theme::Theme;
use super::super::widgets::{list_with_keys, overlay_box};
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (entries, cursor) = app.outline_view();
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut pane_shown = None;
    for (i, &(pane, section)) in entries.iter().enumerate() {
        let Some(p) = app.panes().get(pane) else {
            continue;
        };
        if pane_shown != Some(pane) {
            if pane_shown.is_some() {
                lines.push((String::new(), theme.body));
            }
            lines.push((app.candidate(p.candidate).name.clone(), theme.field_key));
            pane_shown = Some(pane);
        }
        let title = p.sections().get(section).map_or("", |s| s.title.as_str());
        let selected = i == cursor;
        if selected {
            selected_line = lines.len();
        }
        lines.push((
            format!(
                "{} {}. {title}",
                if selected { "▶" } else { " " },
                section + 1
            ),
            if selected { theme.selected } else { theme.body },
        ));
    }
    let help = "Enter: go there (the other panes to their section of the same name) · Esc close";
    let wanted = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let inner = overlay_box(frame, area, 84, wanted, "Outline", theme);
    list_with_keys(frame, inner, lines, selected_line, help, theme);
}
