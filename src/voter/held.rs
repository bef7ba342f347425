//! What keeps a vote with the candidate it was given to: an entry of a ballot file that no
//! candidate of its election can take now (its key is nobody's, or its candidate bears another
//! name than the voter saw) is held: kept in the file, shown to the voter, given to no one.
//! How a ballot comes to hold one is the part of `reconcile`, beside this.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::text::sanitize::sanitize_line;

/// The voter's entries under one key that no candidate can take.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Held {
    /// The key they were saved under.
    pub key: String,
    /// The name the voter saw (the key itself when the file was older than names).
    pub name: String,
    /// The rank they were given (from 1), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// Whether that rank was shared with others.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub tied: bool,
    /// Whether they were marked "no opinion".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_opinion: bool,
    /// Whether their statement was read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub read: bool,
    /// The voter's notes on them and on their answers, by the key each was saved under.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
}

/// Why an entry was held, as found on this load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stray {
    /// No candidate of the election has the key.
    Gone,
    /// The key's candidate is now named this.
    Renamed(String),
    /// Saved under a name (by an older version) that two candidates now share.
    Shared,
}

impl Held {
    /// Whether anything the voter would miss is here (a rank, a mark or a note).
    pub fn matters(&self) -> bool {
        self.rank.is_some() || self.no_opinion || self.notes.values().any(|n| !n.is_empty())
    }

    /// What the voter is told of this entry, given why it is held now; `None` when it holds
    /// nothing but a statement once read.
    pub fn describe(&self, why: &Stray) -> Option<String> {
        if !self.matters() {
            return None;
        }
        let mut what = Vec::new();
        if let Some(rank) = self.rank {
            what.push(format!(
                "your rank {rank}{}",
                if self.tied { " (tied)" } else { "" }
            ));
        }
        if self.no_opinion {
            what.push("your \"no opinion\"".to_string());
        }
        match self.notes.values().filter(|n| !n.is_empty()).count() {
            0 => {}
            1 => what.push("your note".to_string()),
            n => what.push(format!("your {n} notes")),
        }
        let what = join_and(&what);
        let verb = if what.contains(" and ") || what.contains("notes") {
            "were"
        } else {
            "was"
        };
        // The voter's own file, but a file all the same: shown as any untrusted name is.
        let name = sanitize_line(&self.name).text;
        Some(match why {
            Stray::Gone => format!(
                "{what} {verb} given to '{name}', who is no longer in this election: kept in your file, given to no one"
            ),
            Stray::Renamed(now) => format!(
                "{what} {verb} given to '{name}'; that candidate's entry is now named '{now}', so {} not given to them: rank and annotate '{now}' again if it is the same person",
                if verb == "were" { "they are" } else { "it is" }
            ),
            Stray::Shared => format!(
                "{what} {verb} saved under the name '{name}', which two candidates of this election share: kept in your file, given to neither; rank and annotate them again"
            ),
        })
    }
}

fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The candidate a note key belongs to: the key itself, or the longest of `known` that it
/// starts with followed by `#` (a note on an answer).
pub fn owner<'a>(note: &'a str, known: &BTreeSet<&str>) -> &'a str {
    if known.contains(note) {
        return note;
    }
    note.match_indices('#')
        .rev()
        .map(|(at, _)| &note[..at])
        .find(|k| known.contains(k))
        .unwrap_or(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_key_belongs_to_the_longest_candidate_key_it_starts_with() {
        let known: BTreeSet<&str> = ["a", "a#b"].into_iter().collect();
        assert_eq!(owner("a#b#q1", &known), "a#b");
        assert_eq!(owner("a#q1", &known), "a");
        assert_eq!(owner("a#b", &known), "a#b");
        assert_eq!(owner("z#q", &known), "z#q");
    }
}
