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
