//! Where each part of the screen goes, as a pure function of the window size.
//!
//! Both the state (to wrap text and clamp scrolling) and the renderer use this one function,
//! so they never disagree about a pane's width.

use ratatui::layout::Rect;

use crate::text::wrap::wrap;

/// Below this size the app shows only a "window too small" line.
pub const MIN_WIDTH: u16 = 30;
/// Below this height the app shows only a "window too small" line.
pub const MIN_HEIGHT: u16 = 8;
/// Most panes shown side by side.
pub const MAX_PANES: usize = 4;
/// The widest the candidate list grows: two fifths of the window, at most 40 columns or a
/// quarter of a wide window, and never more than this.
pub const MAX_LIST_WIDTH: u32 = 64;

/// How wide the candidate list is in a window `width` columns wide.
fn list_width(width: u16) -> u16 {
    let width = u32::from(width);
    // Two fifths of the width, computed wide: a u16 doubles past its range at 32,768.
    let cap = (width / 4).clamp(40, MAX_LIST_WIDTH);
    u16::try_from((width * 2 / 5).clamp(16, cap)).unwrap_or(u16::MAX)
}
/// Rows each candidate takes in the list (name, then affiliation and election).
pub const LIST_ITEM_HEIGHT: usize = 2;
/// Lines one mouse-wheel notch scrolls.
pub const WHEEL_LINES: isize = 3;

/// The areas of one frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Areas {
    /// The candidate list, or an empty rect when hidden.
    pub list: Rect,
    /// One rect per pane, all of the same width.
    pub panes: Vec<Rect>,
    /// The search input line, when searching.
    pub input: Option<Rect>,
    /// The band above list and panes (the question whose answers the panes show), when
    /// asked for and the window has room for it.
    pub banner: Option<Rect>,
    /// The status bar: the last row.
    pub status: Rect,
    /// The window is below [`MIN_WIDTH`] × [`MIN_HEIGHT`].
    pub too_small: bool,
    /// The list was asked for but left out: beside it the panes would have no room for text.
    pub list_left_out: bool,
}

/// What the layout depends on besides the window size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// How many statement panes are open.
    pub panes: usize,
    /// Whether the search line is shown.
    pub input_line: bool,
    /// Whether the voter wants the candidate list.
    pub show_list: bool,
    /// Rows wanted for a band above list and panes, border included (0: none). It gets at
    /// most a third of the height, and none where that leaves it no line of text.
    pub banner: u16,
}

/// Widest a text overlay (help, errors, the election, the outline) is drawn.
pub const TEXT_OVERLAY_WIDTH: u16 = 84;

/// A box centred in `area`, at most `width` × `height` and at least 10 × 3 where the window
/// allows, leaving a margin of one cell.
pub fn overlay_rect(area: Rect, width: u16, height: u16) -> Rect {
    let width = width
        .min(area.width.saturating_sub(2))
        .max(area.width.min(10));
    let height = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(3));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The inside of a bordered box.
pub fn inner(rect: Rect) -> Rect {
    Rect::new(
        rect.x.saturating_add(1),
        rect.y.saturating_add(1),
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(2),
    )
}

/// A text overlay in `area` (as wide as [`TEXT_OVERLAY_WIDTH`], as tall as its text where
/// the window allows): its box, and `text` wrapped to the inside of it. The state measures
/// its scrolling with this and the renderer draws with it, so the two agree.
pub fn text_overlay(area: Rect, text: &str) -> (Rect, Vec<String>) {
    let width = area.width.saturating_sub(2).min(TEXT_OVERLAY_WIDTH);
    let text_width = usize::from(width.saturating_sub(2));
    let wrapped = wrap(text, text_width);
    let height = u16::try_from(wrapped.len().saturating_add(2)).unwrap_or(u16::MAX);
    let rect = overlay_rect(area, width, height);
    // A window narrower than a box's least width widens the box: wrap again for its inside.
    let inside = usize::from(inner(rect).width);
    let wrapped = if inside == text_width {
        wrapped
    } else {
        wrap(text, inside)
    };
    (rect, wrapped)
}

/// Splits `area` into list, equal-width panes, input line and status bar.
pub fn compute(area: Rect, shape: Shape) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let status = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
    let mut body_height = area.height.saturating_sub(1);
    let input = shape.input_line.then(|| {
        body_height = body_height.saturating_sub(1);
        Rect::new(area.x, area.y + body_height, area.width, 1)
    });
    let rows = shape.banner.min(body_height / 3);
    let banner = (rows >= 3).then(|| Rect::new(area.x, area.y, area.width, rows));
    let top = area.y + banner.map_or(0, |b| b.height);
    body_height -= banner.map_or(0, |b| b.height);
    let count = shape.panes.clamp(1, MAX_PANES) as u16;
    // Every pane gets the same width; leftover columns stay blank rather than favour one.
    let each_beside = |list_width: u16| area.width.saturating_sub(list_width) / count;
    let mut list_width = if shape.show_list {
        list_width(area.width)
    } else {
        0
    };
    let list_left_out =
        list_width > 0 && text_width(Rect::new(0, 0, each_beside(list_width), 1)) == 0;
    if list_left_out {
        list_width = 0;
    }
    let list = Rect::new(area.x, top, list_width, body_height);
    let each = each_beside(list_width);
    let panes = (0..count)
        .map(|i| Rect::new(area.x + list_width + i * each, top, each, body_height))
        .collect();
    Areas {
        list,
        panes,
        input,
        banner,
        status,
        too_small: false,
        list_left_out,
    }
}

/// Blank columns between a pane's border and its text, on each side.
pub const PANE_PADDING: u16 = 1;

/// Columns of text inside a bordered, padded pane.
pub fn text_width(pane: Rect) -> usize {
    usize::from(pane.width.saturating_sub(2 + 2 * PANE_PADDING))
}

/// Rows of text inside a bordered pane.
pub fn text_height(pane: Rect) -> usize {
    usize::from(pane.height.saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: Shape = Shape {
        panes: 3,
        input_line: true,
        show_list: true,
        banner: 0,
    };

    #[test]
    fn a_banner_takes_at_most_a_third_and_only_with_room_for_a_line() {
        let shape = Shape {
            banner: 50,
            ..SHAPE
        };
        let areas = compute(Rect::new(0, 0, 100, 40), shape);
        let banner = areas.banner.unwrap();
        assert_eq!(
            (banner.y, banner.height, banner.width),
            (0, 12, 100),
            "a third of 38 rows"
        );
        assert_eq!(areas.panes[0].y, 12);
        assert_eq!(
            areas.panes[0].bottom(),
            areas.status.y - 1,
            "input line below"
        );
        let areas = compute(Rect::new(0, 0, 100, MIN_HEIGHT), shape);
        assert_eq!(areas.banner, None);
        assert_eq!(areas.panes[0].y, 0);
        let areas = compute(Rect::new(0, 0, 100, 40), Shape { banner: 4, ..SHAPE });
        assert_eq!(areas.banner.map(|b| b.height), Some(4));
    }

    #[test]
    fn panes_have_equal_widths() {
        for width in MIN_WIDTH..300 {
            let areas = compute(Rect::new(0, 0, width, 40), SHAPE);
            let widths: Vec<u16> = areas.panes.iter().map(|p| p.width).collect();
            assert!(widths.windows(2).all(|w| w[0] == w[1]), "{widths:?}");
            let right = areas.panes.last().map_or(0, |p| p.right());
            assert!(right <= width);
        }
    }

    #[test]
    fn every_pane_keeps_room_for_text_at_any_usable_width() {
        for width in MIN_WIDTH..=80 {
            for panes in 1..=MAX_PANES {
                let shape = Shape { panes, ..SHAPE };
                let areas = compute(Rect::new(0, 0, width, 24), shape);
                assert!(!areas.too_small);
                for pane in &areas.panes {
                    assert!(
                        text_width(*pane) > 0,
                        "{width} columns, {panes} panes: {areas:?}"
                    );
                }
                // The list goes only when it must, and the layout says so.
                let beside = (width - list_width(width)) / panes as u16;
                let must = text_width(Rect::new(0, 0, beside, 1)) == 0;
                assert_eq!(areas.list_left_out, must, "{width} columns, {panes} panes");
                assert_eq!(areas.list.width == 0, must);
            }
        }
        let at_30 = compute(Rect::new(0, 0, 30, 24), Shape { panes: 4, ..SHAPE });
        assert!(
            at_30.list_left_out,
            "4 panes beside the list at 30 columns have no room"
        );
        let at_30 = compute(Rect::new(0, 0, 30, 24), Shape { panes: 1, ..SHAPE });
        assert!(!at_30.list_left_out);
    }

    #[test]
    fn the_list_grows_in_wide_windows_only() {
        assert_eq!(list_width(30), 16);
        assert_eq!(list_width(80), 32);
        assert_eq!(list_width(120), 40);
        assert_eq!(list_width(160), 40);
        assert_eq!(list_width(200), 50);
        assert_eq!(list_width(250), 62);
        assert_eq!(list_width(u16::MAX), 64);
    }

    #[test]
    fn the_widest_terminal_does_not_overflow() {
        let areas = compute(Rect::new(0, 0, u16::MAX, 50), SHAPE);
        assert_eq!(u32::from(areas.list.width), MAX_LIST_WIDTH);
        let used: u32 = u32::from(areas.list.width)
            + areas.panes.iter().map(|p| u32::from(p.width)).sum::<u32>();
        assert!(used <= u32::from(u16::MAX), "{used}");
        assert!(
            used > u32::from(u16::MAX) - 3,
            "at most a column per pane is left blank"
        );
        assert!(areas.panes.iter().all(|p| p.width == areas.panes[0].width));
    }

    #[test]
    fn a_window_of_exactly_the_minimum_size_is_usable() {
        let areas = compute(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT), SHAPE);
        assert!(!areas.too_small);
        assert!(
            areas
                .panes
                .iter()
                .all(|p| text_width(*p) > 0 && p.height > 0)
        );
        assert!(compute(Rect::new(0, 0, MIN_WIDTH - 1, MIN_HEIGHT), SHAPE).too_small);
        assert!(compute(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT - 1), SHAPE).too_small);
    }

    #[test]
    fn tiny_windows_are_too_small() {
        for (w, h) in [(0, 0), (1, 1), (29, 40), (120, 7)] {
            assert!(compute(Rect::new(0, 0, w, h), SHAPE).too_small);
        }
    }

    #[test]
    fn status_and_input_take_the_bottom_lines() {
        let areas = compute(Rect::new(0, 0, 80, 24), SHAPE);
        assert_eq!(areas.status, Rect::new(0, 23, 80, 1));
        assert_eq!(areas.input, Some(Rect::new(0, 22, 80, 1)));
        assert_eq!(areas.list.height, 22);
    }
}
