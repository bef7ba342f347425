//! The search input line, shown while typing a query.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::text::sanitize::sanitize_line;
use crate::text::wrap::{tail, width};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let query = sanitize_line(app.query()).text;
    let count = format!("  {} of {}", app.hits().len(), app.roster.candidates.len());
    let room = usize::from(area.width).saturating_sub(1 + width(&count) + 1);
    // Keep the end of a long query in view: that is where the voter types.
    let shown = tail(&query, room);
    let line = Line::from(vec![
        Span::styled("/", theme.status_key),
        Span::styled(shown, theme.input),
        Span::styled(count, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let x = area.x + 1 + u16::try_from(width(shown)).unwrap_or(u16::MAX);
    if x < area.right() {
        frame.set_cursor_position(Position::new(x, area.y));
    }
}
