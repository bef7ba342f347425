//! Gathering an election's questions: each candidate's file lists the questions it was put
//! (answered or not); the election holds them once, in a stable order, and each candidate
//! keeps its answers by the question's place in that list.

use std::collections::HashMap;

use crate::roster::{Answer, Question, Roster};

/// A title as questions are matched by it: lower case, single spaces.
fn title_key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where each question of an election is in its list: by link (without its fragment) and by
/// title, so that an answer given by title alone joins the question asked with a link.
#[derive(Default)]
struct Places {
    by_key: HashMap<String, usize>,
    by_title: HashMap<String, usize>,
}

impl Places {
    fn add(&mut self, q: &Question, at: usize) {
        self.by_key.entry(q.key.clone()).or_insert(at);
        self.by_title.entry(title_key(&q.title)).or_insert(at);
    }

    /// The place of the question `asked` is, if known: by its link, else by its title (a
    /// question without a link joins one of its title; one with a link joins one of its
    /// title that has none).
    fn find(&self, asked: &Question, found: &[Question]) -> Option<usize> {
        if let Some(&at) = self.by_key.get(&asked.key) {
            return Some(at);
        }
        let &at = self.by_title.get(&title_key(&asked.title))?;
        (asked.link.is_none() || found[at].link.is_none()).then_some(at)
    }
}

/// Moves every candidate's questions into its election's list and numbers its answers.
/// Questions are matched by link (without its fragment), else by title; ordered by the
/// number their link ends in (the order they were asked), then as first met. Linear in the
/// questions and answers.
pub fn gather(roster: &mut Roster) {
    let ranges: Vec<_> = (0..roster.elections.len())
        .map(|i| roster.members(i))
        .collect();
    for (index, election) in roster.elections.iter_mut().enumerate() {
        let mut found: Vec<Question> = std::mem::take(&mut election.questions);
        let mut places = Places::default();
        for (i, q) in found.iter().enumerate() {
            places.add(q, i);
        }
        // Answers by the question's place in `found`, until `found` is put in order.
        // Per candidate: (question, answer, where it was given).
        type Given = (usize, crate::roster::Text, Option<String>);
        let mut answered: Vec<(usize, Vec<Given>)> = Vec::new();
        let members = ranges[index].clone();
        for (c, candidate) in roster.candidates[members.clone()]
            .iter_mut()
            .enumerate()
            .map(|(i, candidate)| (members.start + i, candidate))
        {
            if candidate.asked.is_empty() {
                continue;
            }
            let mut answers = Vec::new();
            let mut answered_here = std::collections::HashSet::new();
            for asked in std::mem::take(&mut candidate.asked) {
                let at = match places.find(&asked.question, &found) {
                    Some(at) => {
                        let known = &mut found[at];
                        if known.link.is_none() && asked.question.link.is_some() {
                            // Asked by title before, with its link now: known by both.
                            known.link = asked.question.link;
                            known.key = asked.question.key;
                            places.by_key.entry(known.key.clone()).or_insert(at);
                        }
                        if known.title.is_empty() {
                            known.title = asked.question.title;
                        }
                        if known.text.display().trim().is_empty() {
                            known.text = asked.question.text;
                        }
                        if known.asked_by.is_none() {
                            known.asked_by = asked.question.asked_by;
                        }
                        at
                    }
                    None => {
                        places.add(&asked.question, found.len());
                        found.push(asked.question);
                        found.len() - 1
                    }
                };
                if let Some(text) = asked.answer
                    && answered_here.insert(at)
                {
                    answers.push((at, text, asked.answer_link));
                }
            }
            answered.push((c, answers));
        }
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by_key(|&i| (found[i].number().is_none(), found[i].number(), i));
        let mut position = vec![0; found.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        // An answer met without its question's heading anywhere is named by its link.
        for q in found.iter_mut().filter(|q| q.title.is_empty()) {
            q.title = match q.number() {
                Some(n) => format!("Question #{n}"),
                None => "(untitled question)".to_string(),
            };
        }
        let mut slots: Vec<Option<Question>> = found.into_iter().map(Some).collect();
        election.questions = order.iter().filter_map(|&i| slots[i].take()).collect();
        for (c, answers) in answered {
            let mut answers: Vec<Answer> = answers
                .into_iter()
                .map(|(at, text, link)| Answer {
                    question: position[at],
                    text,
                    link,
                })
                .collect();
            answers.sort_by_key(|a| a.question);
            roster.candidates[c].answers = answers;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::roster::{Roster, Source};

    #[test]
    fn questions_are_one_list_matched_by_link_then_title() {
        let (roster, errors) = Roster::from_memory(
            &[
                (
                    "e/election.yaml",
                    "name: SC\nquestions:\n  - title: Unnumbered from the officials\n    text: Why?\n",
                ),
                (
                    "e/a.yaml",
                    "name: A\nstatement: s\nanswers:\n  - title: Forges\n    link: https://x/issues/18#c1\n    answer: No.\n  - title: Sponsors\n    link: https://x/issues/17\n    answer: Yes.\n",
                ),
                (
                    "e/b.yaml",
                    "name: B\nstatement: s\nanswers:\n  - title: Forges (renamed)\n    link: https://x/issues/18#c2\n    answer: Maybe.\n  - title: unnumbered from the   officials\n    answer: Because.\n",
                ),
            ],
            Source::Embedded,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let e = &roster.elections[0];
        let titles: Vec<&str> = e.questions.iter().map(|q| q.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Sponsors", "Forges", "Unnumbered from the officials"]
        );
        assert_eq!(e.questions[2].text.display(), "Why?");
        let a = roster.candidates.iter().find(|c| c.name == "A").unwrap();
        let b = roster.candidates.iter().find(|c| c.name == "B").unwrap();
        assert_eq!(a.answer(0).unwrap().display(), "Yes.");
        assert_eq!(a.answer(1).unwrap().display(), "No.");
        assert!(a.answer(2).is_none());
        assert!(b.answer(0).is_none());
        assert_eq!(b.answer(1).unwrap().display(), "Maybe.");
        assert_eq!(b.answer(2).unwrap().display(), "Because.");
        assert!(roster.candidates.iter().all(|c| c.asked.is_empty()));
    }

    #[test]
    fn an_answer_given_by_title_joins_the_question_asked_with_a_link() {
        let mut files = vec![(
            "e/election.yaml",
            "name: SC\nquestions:\n  - title: Forges\n    link: https://x/issues/18\n  - title: Sponsors\n    link: https://x/issues/17\n",
        )];
        files.push((
            "e/a.yaml",
            "name: A\nstatement: s\nanswers:\n  - title: forges\n    answer: No.\n  - title: Sponsors\n    answer: Yes.\n  - title: Sponsors\n    answer: Twice.\n",
        ));
        // And the other way: asked by title first, its link met later.
        files.push((
            "f/election.yaml",
            "name: TC\nquestions:\n  - title: Budget\n",
        ));
        files.push((
            "f/b.yaml",
            "name: B\nstatement: s\nanswers:\n  - title: Budget\n    link: https://x/issues/3\n    answer: Less.\n",
        ));
        files.push((
            "f/c.yaml",
            "name: C\nstatement: s\nanswers:\n  - title: Other\n    link: https://x/issues/4\n    answer: More.\n  - title: Budget\n    link: https://x/issues/3#c9\n    answer: Same.\n",
        ));
        let (roster, errors) = Roster::from_memory(&files, Source::Embedded);
        assert!(errors.is_empty(), "{errors:?}");
        let sc = roster
            .elections
            .iter()
            .position(|e| e.name == "SC")
            .unwrap();
        assert_eq!(roster.elections[sc].questions.len(), 2);
        let a = roster.candidates.iter().find(|c| c.name == "A").unwrap();
        let titles: Vec<&str> = roster.elections[sc]
            .questions
            .iter()
            .map(|q| q.title.as_str())
            .collect();
        assert_eq!(titles, ["Sponsors", "Forges"]);
        assert_eq!(
            a.answer(0).unwrap().display(),
            "Yes.",
            "the first answer stands"
        );
        assert_eq!(a.answer(1).unwrap().display(), "No.");
        let tc = roster
            .elections
            .iter()
            .position(|e| e.name == "TC")
            .unwrap();
        let questions = &roster.elections[tc].questions;
        assert_eq!(questions.len(), 2, "Budget once, by title then by link");
        assert_eq!(questions[0].title, "Budget");
        assert_eq!(questions[0].link.as_deref(), Some("https://x/issues/3"));
        let c = roster.candidates.iter().find(|c| c.name == "C").unwrap();
        assert_eq!(c.answer(0).unwrap().display(), "Same.");
    }
}
