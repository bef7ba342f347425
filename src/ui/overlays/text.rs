//! The text overlays: the key help (from the keymap's own tables), the load errors, the
//! election and the outline, whose text the state gives.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::theme::Theme;
use super::super::widgets::overlay_box;
use crate::app::App;
use crate::layout;
use crate::text::wrap::width as width_of;

/// Draws the open text overlay (keys, errors, election, outline): the text the state
/// measured, from the scroll position it keeps.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some((title, text)) = app.overlay_text() else {
        return;
    };
    let (rect, wrapped) = layout::text_overlay(area, &text);
    let fits = wrapped.len() + 2 <= usize::from(area.height.saturating_sub(2));
    let title = if fits {
        title
    } else {
        format!("{title} · j/k scroll")
    };
    let inner = overlay_box(frame, area, rect.width, rect.height, &title, theme);
    let height = usize::from(inner.height);
    let scroll = app
        .overlay_scroll()
        .min(wrapped.len().saturating_sub(height));
    let more = wrapped.len().saturating_sub(scroll + height);
    let lines: Vec<Line> = wrapped
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|l| Line::styled(l, theme.overlay))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if more > 0 {
        // On the bottom border: there is more below, and how much.
        let label = format!(" ↓ {more} more ");
        let width = u16::try_from(width_of(&label)).unwrap_or(u16::MAX);
        if width + 2 <= inner.width {
            let at = Rect::new(inner.right() - width, inner.bottom(), width, 1);
            frame.render_widget(Paragraph::new(Line::styled(label, theme.title)), at);
        }
    }
}
