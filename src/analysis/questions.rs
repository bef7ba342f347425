//! The questions of an election as a grid: questions down, candidates across, each cell the
//! length of the answer (or none). Knows nothing of the screen.

use crate::analysis::search::{find_in_line, has_phrase};
use crate::roster::{Question, Roster};

/// The questions (by index) whose title or text holds every term of a search: a word term
/// as the start of a word, a phrase term as written (see `search::terms`).
pub fn matching(questions: &[Question], terms: &[String]) -> Vec<usize> {
    (0..questions.len())
        .filter(|&i| {
            let q = &questions[i];
            let text = format!("{}\n{}", q.title, q.text.display());
            terms.iter().all(|term| {
                if term.contains(' ') {
                    has_phrase(&text, term)
                } else {
                    text.lines()
                        .any(|line| !find_in_line(line, std::slice::from_ref(term)).is_empty())
                }
            })
        })
        .collect()
}

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

/// A label of at most `room` columns for each of `names` (with their GitHub handles, where
/// known) that a grid can head its columns with: the handle where it fits, else the
/// initials; where two would read alike, a number after each.
pub fn short_names(people: &[(&str, Option<&str>)], room: usize) -> Vec<String> {
    let room = room.max(1);
    let mut labels: Vec<String> = people
        .iter()
        .map(|(name, handle)| {
            if let Some(h) = handle.filter(|h| crate::text::wrap::width(h) <= room && !h.is_empty())
            {
                return h.to_string();
            }
            let initials: String = name
                .split_whitespace()
                .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
                .flat_map(char::to_uppercase)
                .collect();
            let initials = if initials.is_empty() {
                "?".to_string()
            } else {
                initials
            };
            crate::text::wrap::truncate(&initials, room).replace('…', "")
        })
        .collect();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for label in &labels {
        *seen.entry(label.clone()).or_default() += 1;
    }
    let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for label in &mut labels {
        if seen[label.as_str()] > 1 {
            let n = count.entry(label.clone()).or_default();
            *n += 1;
            let suffix = n.to_string();
            let keep = room.saturating_sub(suffix.len()).max(1);
            let head: String = label.chars().take(keep).collect();
            *label = format!("{head}{suffix}");
        }
    }
    labels
}

impl Grid {
    /// The column heads of the grid: each candidate's short name in `room` columns.
    pub fn heads(&self, roster: &Roster, room: usize) -> Vec<String> {
        let people: Vec<(&str, Option<&str>)> = self
            .candidates
            .iter()
            .map(|&c| {
                let c = &roster.candidates[c];
                (c.name.as_str(), c.github())
            })
            .collect();
        short_names(&people, room)
    }

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

    #[test]
    fn short_names_are_handles_where_they_fit_else_initials_told_apart() {
        let people = [
            ("Ann Lee", Some("ann")),
            ("Bo Ma", Some("a-very-long-handle")),
            ("Bob Marley", None),
            ("Zoë Ōta", None),
        ];
        assert_eq!(short_names(&people, 4), ["ann", "BM1", "BM2", "ZŌ"]);
    }
    use crate::roster::Source;

    #[test]
    fn a_search_keeps_the_questions_that_hold_every_term() {
        let (roster, _) = Roster::from_memory(
            &[
                (
                    "e/election.yaml",
                    "name: E\nquestions:\n  - title: Flakes\n    text: When are they stable?\n  - title: Forges\n    text: Self-hosted or not?\n",
                ),
                ("e/a.yaml", "name: A\nstatement: s\n"),
            ],
            Source::Embedded,
        );
        let questions = &roster.elections[0].questions;
        let terms = |q: &str| crate::analysis::search::terms(q);
        assert_eq!(matching(questions, &terms("flake")), vec![0]);
        assert_eq!(matching(questions, &terms("hosted")), vec![1]);
        assert_eq!(matching(questions, &terms("\"or not\"")), vec![1]);
        assert_eq!(
            matching(questions, &terms("flake hosted")),
            Vec::<usize>::new()
        );
        assert_eq!(matching(questions, &terms("")), vec![0, 1]);
    }

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
