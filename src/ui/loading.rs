//! The screen while a large roster loads: how many files are read, of how many, so a
//! voter who opened ten thousand statements sees the app at work from the first moment.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph};

use super::Theme;
use crate::text::wrap::truncate;

/// Draws `reading DONE of TOTAL files…` in the middle of the screen, with a bar under it
/// where there is room (`total` 0: the files are still being counted).
pub fn draw(frame: &mut Frame, done: usize, total: usize, theme: &Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = if total == 0 {
        "hustings: finding the files…".to_string()
    } else {
        format!("hustings: reading {done} of {total} files…")
    };
    let hint = "q quits";
    let width = usize::from(area.width);
    let middle = area.y + area.height.saturating_sub(1) / 2;
    let line = |y: u16| Rect {
        y,
        height: 1,
        ..area
    };
    let centred = |text: &str| {
        let text = truncate(text, width);
        let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str())) / 2;
        format!("{}{text}", " ".repeat(pad))
    };
    frame.render_widget(
        Paragraph::new(Line::styled(centred(&text), theme.title)),
        line(middle),
    );
    let bottom = area.y + area.height - 1;
    if total > 0 && middle < bottom && area.width >= 10 {
        let bar = Rect {
            x: area.x + area.width / 6,
            width: area.width - area.width / 3,
            ..line(middle + 1)
        };
        let ratio = (done.min(total) as f64) / (total as f64);
        frame.render_widget(
            Gauge::default()
                .gauge_style(theme.selected)
                .ratio(ratio)
                .label(""),
            bar,
        );
    }
    if middle + 2 < bottom {
        frame.render_widget(
            Paragraph::new(Line::styled(centred(hint), theme.list_detail)),
            line(bottom),
        );
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::ui::theme::MONO;

    fn screen(width: u16, height: u16, done: usize, total: usize) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| super::draw(frame, done, total, &MONO))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_count_shows_in_the_middle_with_a_bar() {
        insta::assert_snapshot!(screen(40, 7, 1234, 10000));
    }

    #[test]
    fn every_size_is_drawn_without_a_panic() {
        for (w, h) in [(0, 0), (1, 1), (0, 5), (5, 0), (3, 2), (9, 3), (200, 60)] {
            let shown = screen(w, h, 5, 10);
            assert!(shown.lines().count() <= usize::from(h));
        }
        assert!(screen(60, 5, 0, 0).contains("finding the files"));
        assert!(screen(60, 5, 12, 10).contains("reading 12 of 10 files"));
    }
}
