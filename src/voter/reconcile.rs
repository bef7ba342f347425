//! A ballot as read beside the election's candidates now: each key it stores was saved with
//! the name the voter saw (see [`Ballot::stamped`]), and an entry whose key no candidate has,
//! or whose candidate now bears another name, is held (see [`crate::voter::held`]). It goes
//! back to its candidate only when that key and that name are there again together (a file
//! that failed to load one day and loads the next).

use std::collections::{BTreeMap, BTreeSet};

use crate::voter::ballot::{Ballot, Placement};
use crate::voter::held::{Held, Stray, owner};

impl Ballot {
    /// Holds every entry that no candidate can take: a key none of `candidates` (key and
    /// name) has, or one whose candidate now bears another name than the one recorded. Held
    /// entries whose key and name are back are given back. Entries of a key that was never
    /// given a name (files older than names) and that a candidate has are left as they are.
    pub fn hold_strays(&mut self, candidates: &[(&str, &str)]) {
        let live: BTreeMap<&str, &str> = candidates.iter().copied().collect();
        self.give_back(&live);
        let mut known: BTreeSet<&str> = live.keys().copied().collect();
        let recorded = std::mem::take(&mut self.names);
        known.extend(recorded.keys().map(String::as_str));
        for key in self.stored_keys(&known) {
            let stray = match (live.get(key.as_str()), recorded.get(&key)) {
                (None, _) => true,
                (Some(now), Some(seen)) => now != seen,
                (Some(_), None) => false,
            };
            if stray {
                let seen = recorded.get(&key).cloned().unwrap_or_else(|| key.clone());
                let held = self.take_entries(&key, seen, &known);
                self.held.push(held);
            }
        }
        self.names = recorded;
        self.names.retain(|k, _| live.contains_key(k.as_str()));
    }

    /// What the voter is told of the held entries, for the election's `candidates` (key
    /// and name): one line for each that holds a rank, a mark or a note.
    pub fn held_report(&self, candidates: &[(&str, &str)]) -> Vec<String> {
        self.held
            .iter()
            .filter_map(|h| {
                let named = candidates.iter().filter(|(_, n)| *n == h.name).count();
                let why = match candidates.iter().find(|(k, _)| *k == h.key) {
                    Some((_, now)) => Stray::Renamed((*now).to_string()),
                    None if named > 1 => Stray::Shared,
                    None => Stray::Gone,
                };
                h.describe(&why)
            })
            .collect()
    }

    /// Moves everything stored under `key` into a held entry named `name`.
    fn take_entries(&mut self, key: &str, name: String, known: &BTreeSet<&str>) -> Held {
        let mut held = Held {
            key: key.to_string(),
            name,
            ..Held::default()
        };
        if let Placement::Ranked { group, tied } = self.placement(key) {
            held.rank = Some(group + 1);
            held.tied = tied;
        }
        held.no_opinion = self.no_opinion.contains(key);
        self.withdraw(key);
        self.no_opinion.remove(key);
        held.read = self.read.remove(key);
        // Given back, the statement counts as read as it is then.
        self.read_as.remove(key);
        let notes: Vec<String> = self
            .notes
            .keys()
            .filter(|n| owner(n, known) == key)
            .cloned()
            .collect();
        for note in notes {
            if let Some(text) = self.notes.remove(&note) {
                held.notes.insert(note, text);
            }
        }
        held
    }

    /// Gives held entries back to a candidate of the same key and name, where the ballot has
    /// not given that candidate anything of the same kind since.
    fn give_back(&mut self, live: &BTreeMap<&str, &str>) {
        let held = std::mem::take(&mut self.held);
        for entry in held {
            if live.get(entry.key.as_str()) != Some(&entry.name.as_str()) {
                self.held.push(entry);
                continue;
            }
            let key = entry.key.as_str();
            if self.placement(key) == Placement::Unranked {
                if let Some(rank) = entry.rank {
                    match self.ranking.get_mut(rank - 1) {
                        Some(group) if entry.tied => group.push(key.to_string()),
                        _ => {
                            let at = (rank - 1).min(self.ranking.len());
                            self.ranking.insert(at, vec![key.to_string()]);
                        }
                    }
                } else if entry.no_opinion {
                    self.no_opinion.insert(key.to_string());
                }
            }
            if entry.read {
                self.read.insert(key.to_string());
            }
            for (note, text) in entry.notes {
                self.notes.entry(note).or_insert(text);
            }
            self.names.insert(key.to_string(), entry.name);
        }
    }

    /// The ballot to write: with the name the voter sees beside each key it stores, for the
    /// `candidates` (key and name) of its election.
    pub fn stamped(&self, candidates: &[(&str, &str)]) -> Ballot {
        let live: BTreeMap<&str, &str> = candidates.iter().copied().collect();
        let known: BTreeSet<&str> = live.keys().copied().collect();
        let mut out = self.clone();
        out.names = self
            .stored_keys(&known)
            .into_iter()
            .filter_map(|k| live.get(k.as_str()).map(|name| (k, name.to_string())))
            .collect();
        out
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::voter::ballot::tests::ranking;

    /// A ballot saved when a, b, c were "A", "B", "C": b ranked 2nd, noted, and its answer
    /// to q1 noted.
    fn saved() -> Ballot {
        let seen = [("a", "A"), ("b", "B"), ("c", "C")];
        let mut b = Ballot {
            ranking: vec![vec!["a".into()], vec!["b".into()], vec!["c".into()]],
            ..Ballot::default()
        };
        b.notes.insert("b".into(), "sharp".into());
        b.notes.insert("b#q1".into(), "good answer".into());
        b.read.insert("b".into());
        b.stamped(&seen)
    }

    #[test]
    fn a_save_records_the_name_beside_each_key_it_stores() {
        let b = saved();
        let names: Vec<(&str, &str)> = b
            .names
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(names, [("a", "A"), ("b", "B"), ("c", "C")]);
        let mut only_a = Ballot::default();
        only_a.notes.insert("a#q1".into(), "n".into());
        let stamped = only_a.stamped(&[("a", "A"), ("z", "Z")]);
        assert_eq!(
            stamped.names.keys().collect::<Vec<_>>(),
            ["a"],
            "a note on an answer names its candidate; an untouched one is not named"
        );
    }

    #[test]
    fn a_renamed_candidate_is_given_nothing_and_the_voter_is_told() {
        let mut b = saved();
        let now = [("a", "A"), ("b", "Someone Else"), ("c", "C")];
        b.hold_strays(&now);
        assert_eq!(b.placement("b"), Placement::Unranked);
        assert!(b.note("b").is_none() && b.note("b#q1").is_none());
        assert!(!b.read.contains("b"));
        assert_eq!(ranking(&b), vec![vec!["a"], vec!["c"]]);
        assert_eq!(b.held.len(), 1);
        let held = &b.held[0];
        assert_eq!((held.key.as_str(), held.name.as_str()), ("b", "B"));
        assert_eq!(held.rank, Some(2));
        assert_eq!(held.notes.len(), 2);
        let report = b.held_report(&now);
        assert_eq!(report.len(), 1, "{report:?}");
        assert!(
            report[0].starts_with("your rank 2 and your 2 notes were given to 'B'; that candidate's entry is now named 'Someone Else'"),
            "{report:?}"
        );
        // Held again on every load, however often it is saved in between.
        let mut again = b.stamped(&now);
        again.hold_strays(&now);
        assert_eq!(again.held, b.held);
        assert_eq!(again.placement("b"), Placement::Unranked);
    }

    #[test]
    fn a_key_no_candidate_has_is_held_and_comes_back_with_its_candidate() {
        let mut b = saved();
        let without_b = [("a", "A"), ("c", "C")];
        b.hold_strays(&without_b);
        assert_eq!(ranking(&b), vec![vec!["a"], vec!["c"]]);
        let report = b.held_report(&without_b);
        assert!(
            report[0].contains("given to 'B', who is no longer in this election"),
            "{report:?}"
        );
        // Ranked anew while b is away, the file saved, then b's file loads again.
        let mut b = b.stamped(&without_b);
        b.to_top("c");
        let back = [("a", "A"), ("b", "B"), ("c", "C")];
        b.hold_strays(&back);
        assert!(b.held.is_empty());
        assert_eq!(ranking(&b), vec![vec!["c"], vec!["b"], vec!["a"]]);
        assert_eq!(b.note("b#q1"), Some("good answer"));
        assert!(b.read.contains("b"));
        assert!(b.held_report(&back).is_empty());
    }

    #[test]
    fn a_file_older_than_names_loads_as_before() {
        let mut b = Ballot {
            ranking: vec![vec!["a".into(), "b".into()], vec!["gone".into()]],
            ..Ballot::default()
        };
        b.read.insert("old".into());
        b.hold_strays(&[("a", "A"), ("b", "B")]);
        assert_eq!(
            ranking(&b),
            vec![vec!["a", "b"]],
            "live keys kept as they are"
        );
        let keys: Vec<&str> = b.held.iter().map(|h| h.key.as_str()).collect();
        assert_eq!(keys, ["gone", "old"]);
        let report = b.held_report(&[("a", "A"), ("b", "B")]);
        assert_eq!(
            report,
            [
                "your rank 2 was given to 'gone', who is no longer in this election: kept in your file, given to no one"
            ],
            "a statement once read is kept without a word"
        );
    }

    #[test]
    fn a_name_two_candidates_share_is_given_to_neither_and_said_so() {
        let mut b = Ballot {
            ranking: vec![vec!["Ann".into()]],
            ..Ballot::default()
        };
        let twins = [("ann@a", "Ann"), ("ann@b", "Ann")];
        b.hold_strays(&twins);
        assert_eq!(b.placement("ann@a"), Placement::Unranked);
        assert_eq!(b.placement("ann@b"), Placement::Unranked);
        let report = b.held_report(&twins);
        assert!(report[0].contains("which two candidates of this election share"));
    }

    #[test]
    fn a_name_from_the_file_is_shown_safely() {
        let mut b = Ballot {
            ranking: vec![vec!["k".into()]],
            ..Ballot::default()
        };
        b.names
            .insert("k".into(), "Eve\u{1b}]52;c;eA==\u{7}".into());
        b.hold_strays(&[]);
        let report = b.held_report(&[]);
        assert!(report[0].contains("'Eve^[]52;c;eA==^G'"), "{report:?}");
    }

    #[test]
    fn held_entries_survive_the_ballot_file() {
        let mut b = saved();
        b.hold_strays(&[("a", "A"), ("c", "C")]);
        let text = serde_yaml::to_string(&b).unwrap();
        let back: Ballot = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, b, "{text}");
        let old: Ballot = serde_yaml::from_str("ranking: [[a]]\n").unwrap();
        assert!(old.names.is_empty() && old.held.is_empty());
    }
}
