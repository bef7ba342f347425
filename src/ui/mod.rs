//! Pure rendering of `&App` into a frame: one file per visible part.

mod editor;
mod list;
pub mod loading;
mod overlays;
mod pane;
mod search_bar;
mod status;
pub mod theme;
mod widgets;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::text::wrap::truncate;
pub use theme::Theme;

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let areas = app.areas(area);
    if areas.too_small {
        draw_too_small(frame, area, theme);
        return;
    }
    if let (Some(rect), Some((title, text))) = (areas.banner, app.banner()) {
        draw_banner(frame, rect, &title, &text, theme);
    }
    if areas.list.width > 0 {
        list::draw(frame, areas.list, app, theme);
    }
    if app.panes().is_empty() {
        if let Some(&rect) = areas.panes.first() {
            pane::draw_welcome(frame, rect, app, theme);
        }
    } else {
        for (index, rect) in areas.panes.iter().enumerate().take(app.panes().len()) {
            pane::draw(frame, *rect, app, index, theme);
        }
    }
    if let Some(rect) = areas.input {
        search_bar::draw(frame, rect, app, theme);
    }
    status::draw(frame, areas.status, app, theme, areas.list_left_out);
    overlays::draw(frame, area, app, theme);
    editor::draw(frame, area, app, theme);
}

/// The band above the panes: the question whose answers they show, in full.
fn draw_banner(frame: &mut Frame, area: Rect, title: &str, text: &str, theme: &Theme) {
    let room = usize::from(area.width.saturating_sub(4));
    let block = widgets::panel(format!(" {} ", truncate(title, room)), false, theme)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = crate::text::wrap::wrap(text, usize::from(inner.width))
        .into_iter()
        .map(|l| Line::styled(l, theme.field))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One line, cut to fit, for windows too small to be useful.
fn draw_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = format!(
        "Window too small: hustings needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}",
        area.width, area.height
    );
    let line = Line::styled(truncate(&text, usize::from(area.width)), theme.error);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
}
