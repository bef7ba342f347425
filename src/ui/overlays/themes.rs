//! The themes of the current election: which candidate addresses which theme.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::Theme;
use super::super::widgets::overlay_box;
use crate::app::App;
use crate::text::wrap::{truncate, width};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (election, candidates, themes, cursor) = app.themes_view();
    let title = format!("Themes: {}", app.roster.elections[election].name);
    let wanted = u16::try_from(themes.len() + 5).unwrap_or(u16::MAX);
    let inner = overlay_box(frame, area, 110, wanted, &title, theme);
    let room = usize::from(inner.width);
    let term_width = themes
        .iter()
        .map(|t| width(&t.term))
        .max()
        .unwrap_or(5)
        .clamp(5, 26);
    // Each candidate gets the same column width: as wide as fits, at most 12.
    let column = (room.saturating_sub(term_width + 2) / candidates.len().max(1)).clamp(3, 12);
    let mut lines = Vec::new();
    let mut header = format!("  {:<term_width$}", "");
    for &c in candidates {
        let first = app
            .candidate(c)
            .name
            .split_whitespace()
            .next()
            .unwrap_or("");
        header.push_str(&format!("{:>column$}", truncate(first, column - 1)));
    }
    lines.push(Line::styled(truncate(&header, room), theme.field_key));
    for (i, t) in themes.iter().enumerate() {
        let selected = i == cursor;
        let style = if selected { theme.selected } else { theme.body };
        let mut row = format!(
            "{}{:<term_width$}",
            if selected { "▶ " } else { "  " },
            truncate(&t.term, term_width)
        );
        for count in &t.mentions {
            let cell = if *count == 0 {
                "·".to_string()
            } else {
                count.to_string()
            };
            row.push_str(&format!("{cell:>column$}"));
        }
        lines.push(Line::from(Span::styled(truncate(&row, room), style)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate(
            "Mentions per candidate. Enter: list who mentions the theme and highlight it (n/N jump) · Esc close",
            room,
        ),
        theme.dim,
    ));
    let skip = (cursor + 2).saturating_sub(usize::from(inner.height).saturating_sub(2));
    let shown: Vec<Line> = std::iter::once(lines[0].clone())
        .chain(lines.into_iter().skip(1 + skip))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
