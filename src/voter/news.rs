//! What is new in an election since the voter last looked: candidates added since their last
//! visit, statements changed since they read them, answers added. Pure: the ballot holds what
//! the voter saw (a hash per statement read, and the election's candidates with their number
//! of answers at the last visit), and the caller hands in what the election holds now.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use crate::text::hash::{FNV_START, fnv1a};
use crate::voter::ballot::Ballot;
pub use crate::voter::visit::Visit;

/// One candidate as the election holds them now. The statement itself is asked for only
/// where the voter read it (a large roster's texts wait unread in the cache).
#[derive(Debug, Clone, Copy)]
pub struct Now<'a> {
    /// The candidate's key in the election.
    pub key: &'a str,
    /// How many questions they have answered.
    pub answers: usize,
}

/// The hash a statement is remembered by: the same on every run and machine.
pub fn hash_of(statement: &str) -> String {
    format!("{:016x}", fnv1a(FNV_START, statement.bytes()))
}

/// What changed in one election since the voter last looked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct News {
    /// When the voter last saw the election otherwise; `None` on a first visit.
    pub since: Option<DateTime<Utc>>,
    /// Candidates added since then.
    pub added: BTreeSet<String>,
    /// Statements changed since the voter read them: the key, with the hash of the version
    /// read.
    pub changed: BTreeMap<String, String>,
    /// Candidates who answered more questions since then, with how many more.
    pub answers: BTreeMap<String, usize>,
}

impl News {
    /// What `now` holds that `ballot` had not seen.
    /// `statement(i)` is the statement of `now[i]`, as drawn.
    pub fn of<'s>(ballot: &Ballot, now: &[Now], statement: impl Fn(usize) -> &'s str) -> News {
        let mut news = News::default();
        for (i, c) in now.iter().enumerate() {
            if let Some(read) = ballot.read_as.get(c.key)
                && *read != hash_of(statement(i))
            {
                news.changed.insert(c.key.to_string(), read.clone());
            }
        }
        let Some(visit) = &ballot.visited else {
            return news;
        };
        news.since = DateTime::parse_from_rfc3339(&visit.at)
            .ok()
            .map(|at| at.with_timezone(&Utc));
        for c in now {
            match visit.answers.get(c.key) {
                None => {
                    news.added.insert(c.key.to_string());
                }
                Some(&before) if c.answers > before => {
                    news.answers.insert(c.key.to_string(), c.answers - before);
                }
                Some(_) => {}
            }
        }
        news
    }

    /// Whether nothing is new.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.answers.is_empty()
    }

    /// "2 new candidates, 3 statements changed, 9 new answers"; `None` when nothing is new.
    pub fn counts(&self) -> Option<String> {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(plural(self.added.len(), "new candidate", "new candidates"));
        }
        if !self.changed.is_empty() {
            parts.push(plural(
                self.changed.len(),
                "statement changed",
                "statements changed",
            ));
        }
        let answers: usize = self.answers.values().sum();
        if answers > 0 {
            parts.push(plural(answers, "new answer", "new answers"));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Records this visit on `ballot`: every statement read and not yet remembered by its hash
/// is taken as read as it is now, and the election's candidates and answers are kept when
/// they differ from the last visit's (with `at` as the time they were first seen so). Says
/// whether the ballot changed. `statement` as for [`News::of`].
pub fn record_visit<'s>(
    ballot: &mut Ballot,
    now: &[Now],
    statement: impl Fn(usize) -> &'s str,
    at: DateTime<Utc>,
) -> bool {
    let mut changed = false;
    for (i, c) in now.iter().enumerate() {
        if ballot.read.contains(c.key) && !ballot.read_as.contains_key(c.key) {
            ballot
                .read_as
                .insert(c.key.to_string(), hash_of(statement(i)));
            changed = true;
        }
    }
    let answers: BTreeMap<String, usize> =
        now.iter().map(|c| (c.key.to_string(), c.answers)).collect();
    if ballot.visited.as_ref().is_none_or(|v| v.answers != answers) {
        ballot.visited = Some(Visit {
            at: at.to_rfc3339(),
            answers,
        });
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rows<'a> = [(&'a str, &'a str, usize)];

    fn now<'a>(cs: &'a Rows<'a>) -> Vec<Now<'a>> {
        cs.iter()
            .map(|&(key, _, answers)| Now { key, answers })
            .collect()
    }

    fn news(b: &Ballot, cs: &Rows) -> News {
        News::of(b, &now(cs), |i| cs[i].1)
    }

    fn visit(b: &mut Ballot, cs: &Rows, day: u32) -> bool {
        record_visit(b, &now(cs), |i| cs[i].1, at(day))
    }

    fn at(day: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 12, day, 9, 0, 0).unwrap()
    }

    #[test]
    fn a_first_visit_marks_nothing_and_remembers_the_election() {
        let mut b = Ballot::default();
        let first = [("a", "A's words", 0), ("b", "B's words", 2)];
        assert!(news(&b, &first).is_empty());
        assert!(visit(&mut b, &first, 1));
        assert!(!visit(&mut b, &first, 2), "nothing new to keep");
        assert!(
            b.visited.as_ref().unwrap().at.starts_with("2026-12-01"),
            "the time the election was first seen so"
        );
        assert!(news(&b, &first).is_empty());
    }

    #[test]
    fn added_candidates_changed_statements_and_new_answers_are_told_apart() {
        let mut b = Ballot::default();
        b.read.insert("a".into());
        b.read.insert("b".into());
        let before = [("a", "A's words", 0), ("b", "B's words", 2), ("c", "C", 1)];
        visit(&mut b, &before, 1);
        let after = [
            ("a", "A's new words", 0),
            ("b", "B's words", 5),
            ("c", "C", 1),
            ("d", "D", 3),
        ];
        let news = news(&b, &after);
        assert_eq!(news.since, Some(at(1)));
        assert_eq!(news.added, BTreeSet::from(["d".to_string()]));
        assert_eq!(
            news.changed,
            BTreeMap::from([("a".to_string(), hash_of("A's words"))])
        );
        assert_eq!(news.answers, BTreeMap::from([("b".to_string(), 3)]));
        assert_eq!(
            news.counts().as_deref(),
            Some("1 new candidate, 1 statement changed, 3 new answers")
        );
    }

    #[test]
    fn a_statement_never_read_is_never_changed() {
        let mut b = Ballot::default();
        visit(&mut b, &[("a", "one", 0)], 1);
        let news = news(&b, &[("a", "two", 0)]);
        assert!(news.is_empty(), "{news:?}");
    }

    #[test]
    fn elections_of_different_sizes_keep_their_own_news() {
        // Three elections of 1, 7 and 40 candidates, each with the last candidate added.
        for size in [1usize, 7, 40] {
            let keys: Vec<String> = (0..=size).map(|i| format!("k{i}")).collect();
            let rows: Vec<(&str, &str, usize)> =
                keys.iter().map(|k| (k.as_str(), "words", 0)).collect();
            let mut b = Ballot::default();
            visit(&mut b, &rows[..size], 1);
            let news = news(&b, &rows);
            assert_eq!(news.added.len(), 1, "size {size}");
            assert!(news.added.contains(&keys[size]), "size {size}");
        }
    }
}
