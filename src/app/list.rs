//! The candidate list's rows: a header for each election (when more than one is listed)
//! and a row per candidate, with a second for its affiliation where it has one, and which
//! of them are in view.

use super::App;
use super::list_row::ListRow;
use crate::layout::LIST_ITEM_HEIGHT;

impl App {
    /// The list's entries: each election's candidates under its name when more than one
    /// election is listed, else the candidates alone.
    pub fn list_entries(&self) -> Vec<ListRow> {
        let election =
            |position: usize| self.roster.candidates[self.hits[position].candidate].election;
        let grouped = (1..self.hits.len()).any(|p| election(p) != election(0));
        let mut rows = Vec::with_capacity(self.hits.len() * 2);
        for position in 0..self.hits.len() {
            if grouped && (position == 0 || election(position) != election(position - 1)) {
                rows.push(ListRow::Header(election(position)));
            }
            rows.push(ListRow::Candidate(position));
        }
        rows
    }

    /// Screen rows `row` takes: a header one, a candidate one, and a second for its
    /// affiliation where it has one (the election is in its header, or, with one election
    /// listed, in the status bar).
    pub fn list_row_height(&self, row: ListRow) -> usize {
        match row {
            ListRow::Header(_) => 1,
            ListRow::Candidate(position) => {
                let candidate = &self.roster.candidates[self.hits[position].candidate];
                1 + usize::from(candidate.affiliation.is_some())
            }
        }
    }

    /// Screen rows inside the list's border.
    pub(super) fn list_height(&self) -> usize {
        usize::from(self.areas(self.size).list.height.saturating_sub(2))
    }

    /// Moves the first entry shown so that the selected candidate (and its election's
    /// header, when it is the first of its group) is in view.
    pub(super) fn keep_cursor_visible(&mut self) {
        let rows = self.list_entries();
        let height = self.list_height().max(LIST_ITEM_HEIGHT);
        let Some(at) = rows
            .iter()
            .position(|r| *r == ListRow::Candidate(self.cursor))
        else {
            self.list_offset = 0;
            return;
        };
        // Its header too, when it heads the group.
        let first = if at > 0 && matches!(rows[at - 1], ListRow::Header(_)) {
            at - 1
        } else {
            at
        };
        if first < self.list_offset {
            self.list_offset = first;
        }
        // Down until the rows from the top to the cursor fit, with their height kept as it
        // goes (summing them again at each step was quadratic in the cursor's distance).
        let mut shown: usize = rows[self.list_offset.min(at)..=at]
            .iter()
            .map(|&r| self.list_row_height(r))
            .sum();
        while self.list_offset < at && shown > height {
            shown -= self.list_row_height(rows[self.list_offset]);
            self.list_offset += 1;
        }
        // No blank space below the last entry while there is more above.
        let mut below: usize = rows[self.list_offset.min(rows.len())..]
            .iter()
            .map(|&r| self.list_row_height(r))
            .sum();
        while self.list_offset > 0
            && below + self.list_row_height(rows[self.list_offset - 1]) <= height
        {
            self.list_offset -= 1;
            below += self.list_row_height(rows[self.list_offset]);
        }
    }

    /// The candidate entry shown at `inner_row` of the list (0 is the first row inside the
    /// border), if a candidate is there.
    pub(super) fn candidate_at_row(&self, inner_row: usize) -> Option<usize> {
        let mut top = 0;
        for row in self.list_entries().into_iter().skip(self.list_offset) {
            let height = self.list_row_height(row);
            if inner_row < top + height {
                return match row {
                    ListRow::Candidate(position) => Some(position),
                    ListRow::Header(_) => None,
                };
            }
            top += height;
        }
        None
    }
}
