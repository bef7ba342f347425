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
    if let (Some(rect), Some((title, _))) = (areas.banner, app.banner()) {
        draw_banner(frame, rect, app, &title, theme);
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

/// The band above the panes: the question whose answers they show, in full (scrolled with
/// J and K where it is longer than its room, and saying what is hidden).
fn draw_banner(frame: &mut Frame, area: Rect, app: &App, title: &str, theme: &Theme) {
    let room = usize::from(area.width.saturating_sub(4));
    let inner_height = usize::from(area.height.saturating_sub(2));
    let Some((lines, scroll)) = app.banner_lines(room) else {
        return;
    };
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let below = lines.len().saturating_sub(scroll + inner_height);
    let more = match (scroll, below) {
        (0, 0) => String::new(),
        (0, below) => format!(" ↓ {below} more lines: J K "),
        (above, 0) => format!(" ↑ {above} above: K "),
        (above, below) => format!(" ↑ {above} · ↓ {below}: J K "),
    };
    let mut block = widgets::panel(format!(" {} ", truncate(title, room)), false, theme)
        .padding(ratatui::widgets::Padding::horizontal(1));
    if !more.is_empty() {
        block = block.title_bottom(Line::styled(truncate(&more, room), theme.dim).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(inner_height)
        .map(|l| pane::styled_line(l, theme))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
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
