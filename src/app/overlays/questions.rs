//! The questions of an election as a grid: questions down, candidates across in the voter's
//! order, each cell the length of the answer or none. Enter on a question compares its
//! answers; Enter on a cell reads that one answer.

use super::outcome::Outcome;
use crate::action::Action;
use crate::analysis::questions::Grid;

/// Rows moved by a page.
const PAGE: usize = 10;

/// The grid's state: the election's grid and the selected cell.
#[derive(Debug)]
pub struct QuestionsView {
    /// Who answered what, candidates in the voter's order.
    pub grid: Grid,
    /// The questions shown (indices into the grid's rows): all, or those a search holds.
    pub rows: Vec<usize>,
    /// The search that chose `rows`, if one did.
    pub filter: Option<String>,
    /// The selected row of `rows`.
    pub row: usize,
    /// 0: the question itself; 1..: the candidate in that column.
    pub column: usize,
}

impl QuestionsView {
    /// A view of `grid`, at its first question.
    pub fn new(grid: Grid) -> Self {
        QuestionsView {
            rows: (0..grid.cells.len()).collect(),
            grid,
            filter: None,
            row: 0,
            column: 0,
        }
    }

    /// The selected question (index into the election's questions).
    pub fn question(&self) -> Option<usize> {
        self.rows.get(self.row).copied()
    }

    /// The selected candidate (roster index), if a cell is selected.
    pub fn candidate(&self) -> Option<usize> {
        self.column
            .checked_sub(1)
            .and_then(|c| self.grid.candidates.get(c))
            .copied()
    }

    /// Keys of the grid: move the selection, open it, or close.
    pub fn update(&mut self, action: Action) -> Outcome {
        let last_row = self.rows.len().saturating_sub(1);
        let last_column = self.grid.candidates.len();
        match action {
            Action::Down => self.row = (self.row + 1).min(last_row),
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::PageDown => self.row = (self.row + PAGE).min(last_row),
            Action::PageUp => self.row = self.row.saturating_sub(PAGE),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = last_row,
            Action::FocusRight => self.column = (self.column + 1).min(last_column),
            Action::FocusLeft => self.column = self.column.saturating_sub(1),
            Action::Open => {
                let Some(question) = self.question() else {
                    return Outcome::Stay;
                };
                return match self.candidate() {
                    Some(candidate) => Outcome::Answer {
                        candidate,
                        question,
                    },
                    None => Outcome::Question(question),
                };
            }
            Action::Back | Action::Questions => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> QuestionsView {
        QuestionsView::new(Grid {
            election: 0,
            candidates: vec![7, 3],
            cells: vec![
                vec![Some(4), None],
                vec![None, None],
                vec![Some(1), Some(2)],
            ],
        })
    }

    #[test]
    fn a_filtered_view_opens_the_question_its_row_shows() {
        let mut v = view();
        v.rows = vec![2];
        v.update(Action::Down);
        assert_eq!(v.row, 0);
        assert_eq!(v.update(Action::Open), Outcome::Question(2));
        v.rows.clear();
        assert_eq!(v.update(Action::Open), Outcome::Stay);
    }

    #[test]
    fn moves_stay_inside_the_grid_and_enter_says_what_to_open() {
        let mut v = view();
        assert_eq!(v.update(Action::Up), Outcome::Stay);
        assert_eq!(v.update(Action::Open), Outcome::Question(0));
        v.update(Action::Bottom);
        v.update(Action::Down);
        assert_eq!(v.row, 2);
        for _ in 0..5 {
            v.update(Action::FocusRight);
        }
        assert_eq!(v.column, 2);
        assert_eq!(
            v.update(Action::Open),
            Outcome::Answer {
                candidate: 3,
                question: 2
            }
        );
        v.update(Action::FocusLeft);
        v.update(Action::FocusLeft);
        v.update(Action::FocusLeft);
        assert_eq!(v.column, 0);
        assert_eq!(v.update(Action::Questions), Outcome::Close);
    }
}
