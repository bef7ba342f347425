//! One scroll position for every scrolling view, bounded by its content: past the end there
//! is nothing to scroll to, so one step back always moves at once.

/// A first visible line within `content` lines shown `viewport` at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scroll {
    offset: usize,
    content: usize,
    viewport: usize,
}

impl Scroll {
    /// The first visible line.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The largest offset: the last line at the bottom of the view.
    pub fn max_offset(&self) -> usize {
        self.content.saturating_sub(self.viewport)
    }

    /// New content or viewport sizes; the offset stays within them.
    pub fn resize(&mut self, content: usize, viewport: usize) {
        self.content = content;
        self.viewport = viewport;
        self.offset = self.offset.min(self.max_offset());
    }

    /// Moves by `delta` lines (positive is down), stopping at either end.
    pub fn by(&mut self, delta: isize) {
        self.to(self.offset.saturating_add_signed(delta));
    }

    /// Moves by `pages` views, keeping one line of the old view in sight.
    pub fn pages(&mut self, pages: isize) {
        let page = self.viewport.saturating_sub(1).max(1);
        self.by(pages.saturating_mul(page as isize));
    }

    /// Goes to line `offset`, or as near as the content allows.
    pub fn to(&mut self, offset: usize) {
        self.offset = offset.min(self.max_offset());
    }

    /// Puts line `line` at the top of the view, even near the end of the content (a jump to
    /// a search hit or a section shows it first); the next move comes back within bounds.
    pub fn show_at_top(&mut self, line: usize) {
        self.offset = line.min(self.content.saturating_sub(1));
    }

    /// A scroll that starts at line `offset` (a place restored), bounded once its content is
    /// known.
    pub fn starting_at(offset: usize) -> Scroll {
        Scroll {
            offset,
            ..Scroll::default()
        }
    }

    /// The content changed length (re-wrapped): keeps the view at the same place in it.
    pub fn rescale(&mut self, content: usize) {
        // Content seen for the first time: an offset set before (a place restored) stays.
        if let Some(offset) = self
            .offset
            .saturating_mul(content)
            .checked_div(self.content)
        {
            self.offset = offset;
        }
        self.content = content;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scroll(content: usize, viewport: usize) -> Scroll {
        let mut s = Scroll::default();
        s.resize(content, viewport);
        s
    }

    #[test]
    fn stops_at_the_end_and_one_step_back_moves_at_once() {
        let mut s = scroll(30, 10);
        for _ in 0..200 {
            s.by(1);
        }
        assert_eq!(s.offset(), 20);
        s.by(-1);
        assert_eq!(s.offset(), 19);
        s.by(-100);
        assert_eq!(s.offset(), 0);
    }

    #[test]
    fn content_that_fits_does_not_scroll() {
        let mut s = scroll(10, 10);
        s.by(1);
        assert_eq!(s.offset(), 0);
        let mut s = scroll(11, 10);
        s.by(5);
        assert_eq!(s.offset(), 1, "one line over: one line of scroll");
    }

    #[test]
    fn a_line_shown_at_the_top_may_pass_the_end_until_the_next_move() {
        let mut s = scroll(30, 10);
        s.show_at_top(25);
        assert_eq!(s.offset(), 25);
        s.by(-1);
        assert_eq!(s.offset(), 20, "back within bounds");
        s.show_at_top(99);
        assert_eq!(s.offset(), 29, "never past the last line");
        let mut s = scroll(100, 10);
        s.to(50);
        s.rescale(200);
        assert_eq!(s.offset(), 100, "the same place in twice the lines");
        s.rescale(0);
        assert_eq!(s.offset(), 0);
        let mut fresh = Scroll::starting_at(7); // as a restored place sets it
        fresh.rescale(40);
        assert_eq!(fresh.offset(), 7, "kept when content first arrives");
    }

    #[test]
    fn pages_keep_a_line_and_resizing_clamps() {
        let mut s = scroll(100, 10);
        s.pages(1);
        assert_eq!(s.offset(), 9);
        s.pages(-1);
        assert_eq!(s.offset(), 0);
        s.to(90);
        assert_eq!(s.offset(), 90);
        s.resize(50, 10);
        assert_eq!(s.offset(), 40, "shrunk content pulls the view back");
        s.resize(50, 0);
        s.pages(1);
        assert_eq!(s.offset(), 41, "an empty view still pages by one line");
    }
}
