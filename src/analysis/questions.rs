//! The questions of an election as a grid: questions down, candidates across, each cell the
//! length of the answer (or none). Knows nothing of the screen.

use crate::roster::Roster;

/// One election's questions and who answered them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// Index into the roster's elections.
    pub election: usize,
    /// Roster indices of the candidates, in the voter's order.
    pub candidates: Vec<usize>,
    /// Per question (in the election's order), per candidate: words in the answer; `None`
    /// where there is no answer.
    pub cells: Vec<Vec<Option<usize>>>,
}

impl Grid {
    /// The grid of `election` with its candidates in the order given.
    pub fn new(roster: &Roster, election: usize, candidates: Vec<usize>) -> Self {
        let questions = roster.elections[election].questions.len();
        let cells = (0..questions)
            .map(|q| {
                candidates
                    .iter()
                    .map(|&c| {
                        roster.candidates[c]
                            .answer(q)
                            .map(|a| a.raw().split_whitespace().count())
                    })
                    .collect()
            })
            .collect();
        Grid {
            election,
            candidates,
            cells,
        }
    }

    /// How many questions the candidate in column `column` answered.
    pub fn answered_by(&self, column: usize) -> usize {
        self.cells
            .iter()
            .filter(|row| row.get(column).copied().flatten().is_some())
            .count()
    }

    /// How many candidates answered question `question`.
    pub fn answers_to(&self, question: usize) -> usize {
        self.cells
            .get(question)
            .map_or(0, |row| row.iter().filter(|cell| cell.is_some()).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::Source;

    #[test]
    fn cells_count_the_words_of_each_answer_and_none_is_none() {
        let (roster, errors) = Roster::from_memory(
            &[
                (
                    "e/a.yaml",
                    "name: A\nstatement: s\nanswers:\n  - title: Q1\n    answer: one two three\n",
                ),
                (
                    "e/b.yaml",
                    "name: B\nstatement: s\nanswers:\n  - title: Q2\n    answer: yes\n",
                ),
            ],
            Source::Embedded,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let grid = Grid::new(&roster, 0, vec![1, 0]);
        assert_eq!(grid.cells, vec![vec![None, Some(3)], vec![Some(1), None]]);
        assert_eq!((grid.answered_by(0), grid.answered_by(1)), (1, 1));
        assert_eq!((grid.answers_to(0), grid.answers_to(1)), (1, 1));
        assert_eq!(grid.answers_to(7), 0);
    }
}
