//! Pieces every part of the screen draws with: panels and overlay boxes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

use super::theme::Theme;
use crate::text::wrap::truncate;

/// A bordered panel with a title; its border shows whether it has the focus.
pub(super) fn panel<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(title, theme.title))
}

/// A bordered box centred in `area`, cleared, at most `width` × `height`; returns its inside.
pub(super) fn overlay_box(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let rect = crate::layout::overlay_rect(area, width, height);
    let title = truncate(title, usize::from(width.saturating_sub(4)));
    let block = panel(format!(" {title} "), true, theme).style(theme.overlay);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

/// Lines in `inner` with the one at `selected_line` kept in view, then a blank line and the
/// keys at the bottom.
pub(super) fn list_with_keys(
    frame: &mut Frame,
    inner: Rect,
    lines: Vec<(String, ratatui::style::Style)>,
    selected_line: usize,
    keys: &str,
    theme: &Theme,
) {
    let room = usize::from(inner.width);
    let height = usize::from(inner.height).saturating_sub(2);
    let skip = (selected_line + 1).saturating_sub(height);
    let mut shown: Vec<ratatui::text::Line> = lines
        .into_iter()
        .skip(skip)
        .take(height)
        .map(|(text, style)| ratatui::text::Line::styled(truncate(&text, room), style))
        .collect();
    shown.push(ratatui::text::Line::raw(""));
    shown.push(ratatui::text::Line::styled(truncate(keys, room), theme.dim));
    frame.render_widget(ratatui::widgets::Paragraph::new(shown), inner);
}
