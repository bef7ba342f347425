//! The voter's own work on one election: a ranking with ties, "no opinion", private notes and
//! which statements were read. Pure data and rules; saving is the store's job.
//!
//! Candidates are named by their identity in the election (e-mail, handle or file, see
//! `Candidate::key`), never by a display name alone, so that a second file copying a name
//! inherits nothing; and a saved ballot still reads right if the files are moved or
//! reordered. Candidates start unranked (not tied for last), as in CIVS and Elekto.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::voter::held::{Held, owner};
use crate::voter::visit::Visit;

/// One voter's ballot and notes for one election.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ballot {
    /// The seed of this voter's candidate order for the election (see [`crate::voter::order`]).
    pub seed: Option<u64>,
    /// Ranked groups, best first; the candidates in one group are tied. A group may be empty:
    /// a rank the voter skipped while typing ranks (a gap), closed when the ballot is cast.
    pub ranking: Vec<Vec<String>>,
    /// Candidates the voter marked "no opinion".
    pub no_opinion: BTreeSet<String>,
    /// Statements the voter opened.
    pub read: BTreeSet<String>,
    /// Private notes by candidate.
    pub notes: BTreeMap<String, String>,
    /// The name the voter saw beside each key stored above, when last saved (see
    /// [`crate::voter::held`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    /// Entries no candidate of the election can take: kept, given to no one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<Held>,
    /// The hash of each statement as the voter read it (see `voter/news.rs`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub read_as: BTreeMap<String, String>,
    /// What the election held at the voter's last visit (see `voter/news.rs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visited: Option<Visit>,
}

/// Where a candidate stands on a ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In ranked group `group` (0 is the best); `tied` when the group has others.
    Ranked {
        /// The rank group, from 0 for the top.
        group: usize,
        /// Whether others share the group.
        tied: bool,
    },
    /// Not on the ranking: counted as no opinion.
    Unranked,
    /// Marked "no opinion" by the voter.
    NoOpinion,
}

/// Something the voter should know before handing the ballot in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Nothing is ranked, or everything ranked is tied: the ballot changes no outcome.
    /// Holds how many candidates are ranked.
    NoEffect(usize),
    /// Candidates not ranked and not marked "no opinion".
    Unranked(Vec<String>),
    /// Candidates whose statement the voter has not read (scrolled through, or stayed on).
    Unread(Vec<String>),
    /// Ranks no one holds (from 1), left while typing ranks: closed when the ballot is cast.
    Gaps(Vec<usize>),
}

/// How many names a warning lists before "and N more".
const NAMES_SHOWN: usize = 5;

/// `names` joined, the first few of many and how many more.
fn few(names: &[String]) -> String {
    if names.len() <= NAMES_SHOWN + 1 {
        return names.join(", ");
    }
    format!(
        "{} and {} more",
        names[..NAMES_SHOWN].join(", "),
        names.len() - NAMES_SHOWN
    )
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::NoEffect(0) => write!(f, "nothing is ranked yet: this ballot has no effect"),
            Warning::NoEffect(ranked) => write!(
                f,
                "{ranked} ranked, all at one rank, and the rest count as no opinion: rank another candidate below to give this ballot an effect"
            ),
            Warning::Unranked(names) => write!(
                f,
                "{} unranked (counted as no opinion): {}",
                names.len(),
                few(names)
            ),
            Warning::Unread(names) => write!(
                f,
                "{} statement{} not read yet: {}",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                few(names)
            ),
            Warning::Gaps(ranks) => {
                let ranks: Vec<String> = ranks.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "no one at rank {}: the ranks below move up when the ballot is cast",
                    ranks.join(", ")
                )
            }
        }
    }
}

impl Ballot {
    /// Where `name` stands.
    pub fn placement(&self, name: &str) -> Placement {
        if let Some(group) = self
            .ranking
            .iter()
            .position(|g| g.iter().any(|n| n == name))
        {
            return Placement::Ranked {
                group,
                tied: self.ranking[group].len() > 1,
            };
        }
        if self.no_opinion.contains(name) {
            Placement::NoOpinion
        } else {
            Placement::Unranked
        }
    }

    /// Each of `candidates` (an id and a name, in the voter's order) with its placement:
    /// ranked best first, then unranked, then "no opinion", each part in the given order.
    pub fn rows<'a, T>(
        &self,
        candidates: impl Iterator<Item = (T, &'a str)>,
    ) -> Vec<(T, Placement)> {
        let mut rows: Vec<(T, Placement)> = candidates
            .map(|(id, name)| (id, self.placement(name)))
            .collect();
        rows.sort_by_key(|(_, placement)| match placement {
            Placement::Ranked { group, .. } => (0, *group),
            Placement::Unranked => (1, 0),
            Placement::NoOpinion => (2, 0),
        });
        rows
    }

    /// Takes `name` off the ranking and out of "no opinion"; returns where it was. Every
    /// other candidate keeps the rank it had: a rank left empty is a gap (see [`Ballot::closed`]).
    fn take_as_typed(&mut self, name: &str) -> Placement {
        let was = self.placement(name);
        if let Placement::Ranked { group, .. } = was {
            self.ranking[group].retain(|n| n != name);
        }
        self.no_opinion.remove(name);
        while self.ranking.last().is_some_and(Vec::is_empty) {
            self.ranking.pop();
        }
        was
    }

    /// The ranks no one holds, from 1, below the last that someone does.
    pub fn gaps(&self) -> Vec<usize> {
        (0..self.ranking.len())
            .filter(|&g| self.ranking[g].is_empty())
            .map(|g| g + 1)
            .collect()
    }

    /// Closes the gaps: the ranks below an empty one move up, as they are cast.
    pub fn close_gaps(&mut self) {
        self.ranking.retain(|g| !g.is_empty());
    }

    /// Takes `name` off the ranking and out of "no opinion", closing any gap first (the
    /// moves that place a candidate relative to others count ranks without gaps); returns
    /// where it was.
    fn take(&mut self, name: &str) -> Placement {
        self.close_gaps();
        self.withdraw(name)
    }

    /// Takes `name` off the ranking and out of "no opinion", its rank closed if it held it
    /// alone (the ranks below move up); returns where it was. For an entry no candidate can
    /// take any longer (see [`crate::voter::held`]).
    pub(crate) fn withdraw(&mut self, name: &str) -> Placement {
        let was = self.placement(name);
        if let Placement::Ranked { group, .. } = was {
            self.ranking[group].retain(|n| n != name);
            if self.ranking[group].is_empty() {
                self.ranking.remove(group);
            }
        }
        self.no_opinion.remove(name);
        was
    }

    fn insert_group(&mut self, at: usize, name: &str) {
        let at = at.min(self.ranking.len());
        self.ranking.insert(at, vec![name.to_string()]);
    }

    /// Moves `name` one place up. A tied candidate leaves its tie for the place just above it;
    /// an unranked one becomes the last ranked. Returns whether anything changed.
    pub fn move_up(&mut self, name: &str) -> bool {
        self.close_gaps();
        match self.placement(name) {
            Placement::Ranked {
                group: 0,
                tied: false,
            } => false,
            Placement::Ranked { group, tied: true } => {
                self.take(name);
                self.insert_group(group, name);
                true
            }
            Placement::Ranked { group, tied: false } => {
                self.ranking.swap(group, group - 1);
                true
            }
            Placement::Unranked | Placement::NoOpinion => self.to_bottom(name),
        }
    }

    /// Moves `name` one place down; the last ranked becomes unranked.
    pub fn move_down(&mut self, name: &str) -> bool {
        self.close_gaps();
        match self.placement(name) {
            Placement::Ranked { group, tied: true } => {
                self.take(name);
                self.insert_group(group + 1, name);
                true
            }
            Placement::Ranked { group, tied: false } if group + 1 == self.ranking.len() => {
                self.take(name);
                true
            }
            Placement::Ranked { group, tied: false } => {
                self.ranking.swap(group, group + 1);
                true
            }
            Placement::Unranked | Placement::NoOpinion => false,
        }
    }

    /// Ties `name` with the candidates just above it (the last ranked, if it is unranked).
    pub fn tie_with_above(&mut self, name: &str) -> bool {
        self.close_gaps();
        match self.placement(name) {
            Placement::Ranked { group: 0, .. } => false,
            Placement::Ranked { group, .. } => {
                // Taking a lone candidate out removes its group; the one above keeps its index.
                self.take(name);
                self.ranking[group - 1].push(name.to_string());
                true
            }
            Placement::Unranked | Placement::NoOpinion => {
                if self.ranking.is_empty() {
                    return false;
                }
                self.take(name);
                if let Some(last) = self.ranking.last_mut() {
                    last.push(name.to_string());
                }
                true
            }
        }
    }

    /// Puts `name` alone at the top.
    pub fn to_top(&mut self, name: &str) -> bool {
        self.close_gaps();
        if self.placement(name)
            == (Placement::Ranked {
                group: 0,
                tied: false,
            })
        {
            return false;
        }
        self.take(name);
        self.insert_group(0, name);
        true
    }

    /// Puts `name` alone at the bottom of the ranking (still ranked).
    pub fn to_bottom(&mut self, name: &str) -> bool {
        self.close_gaps();
        let last = self.ranking.len().saturating_sub(1);
        if self.placement(name)
            == (Placement::Ranked {
                group: last,
                tied: false,
            })
        {
            return false;
        }
        self.take(name);
        self.ranking.push(vec![name.to_string()]);
        true
    }

    /// Gives `name` rank `rank` (from 1), as typed: it joins the candidates already at that
    /// rank (a tie), and every other candidate keeps the rank it had. A rank past the last
    /// leaves the ranks between empty: gaps, shown as such and closed when the ballot is cast.
    pub fn set_rank(&mut self, name: &str, rank: usize) -> bool {
        let group = rank.max(1) - 1;
        if let Placement::Ranked { group: now, .. } = self.placement(name)
            && now == group
        {
            return false;
        }
        self.take_as_typed(name);
        if self.ranking.len() <= group {
            self.ranking.resize_with(group + 1, Vec::new);
        }
        self.ranking[group].push(name.to_string());
        true
    }

    /// Marks `name` "no opinion", or takes the mark off (leaving it unranked); the others
    /// keep their ranks.
    pub fn toggle_no_opinion(&mut self, name: &str) {
        if self.take_as_typed(name) != Placement::NoOpinion {
            self.no_opinion.insert(name.to_string());
        }
    }

    /// Takes `name` off the ranking; the others keep their ranks.
    pub fn unrank(&mut self, name: &str) -> bool {
        self.take_as_typed(name) != Placement::Unranked
    }

    /// The voter's note on `name`, if any.
    pub fn note(&self, name: &str) -> Option<&str> {
        self.notes
            .get(name)
            .map(String::as_str)
            .filter(|n| !n.is_empty())
    }

    /// What the voter should hear before handing in a ballot over `candidates` (each a key
    /// and the name to show).
    pub fn warnings(&self, candidates: &[(&str, &str)]) -> Vec<Warning> {
        let mut out = Vec::new();
        let ranked_groups = self
            .ranking
            .iter()
            .filter(|g| g.iter().any(|n| candidates.iter().any(|(k, _)| k == n)))
            .count();
        let gaps = self.gaps();
        if !gaps.is_empty() {
            out.push(Warning::Gaps(gaps));
        }
        if ranked_groups <= 1 {
            let ranked = candidates
                .iter()
                .filter(|(key, _)| matches!(self.placement(key), Placement::Ranked { .. }))
                .count();
            out.push(Warning::NoEffect(ranked));
        }
        let unranked: Vec<String> = candidates
            .iter()
            .filter(|(key, _)| self.placement(key) == Placement::Unranked)
            .map(|(_, name)| name.to_string())
            .collect();
        if !unranked.is_empty() {
            out.push(Warning::Unranked(unranked));
        }
        let unread: Vec<String> = candidates
            .iter()
            .filter(|(key, _)| !self.read.contains(*key))
            .map(|(_, name)| name.to_string())
            .collect();
        if !unread.is_empty() {
            out.push(Warning::Unread(unread));
        }
        out
    }

    /// Moves entries saved under a candidate's display name (as older versions saved them)
    /// to the candidate's key, where exactly one candidate has that name. Entries of a name
    /// two candidates share are left where they are, for neither (and held, see
    /// [`Ballot::hold_strays`]): returns whether anything moved.
    pub fn adopt_keys(&mut self, candidates: &[(&str, &str)]) -> bool {
        let keys: BTreeSet<&str> = candidates.iter().map(|(k, _)| *k).collect();
        // Older versions kept a note under the name itself: no owner is looked for.
        let stored = self.stored_keys(&BTreeSet::new());
        let mut moved = false;
        for old in stored.into_iter().filter(|k| !keys.contains(k.as_str())) {
            let named: Vec<&str> = candidates
                .iter()
                .filter(|(_, name)| *name == old)
                .map(|(key, _)| *key)
                .collect();
            if let [key] = named.as_slice() {
                self.rename(&old, key);
                moved = true;
            }
        }
        moved
    }

    /// Every key the ballot stores something under (a note on an answer counts for its
    /// candidate), with the candidates' keys `known` used to find a note's owner.
    pub(crate) fn stored_keys(&self, known: &BTreeSet<&str>) -> BTreeSet<String> {
        let mut keys: BTreeSet<String> = self.ranking.iter().flatten().cloned().collect();
        keys.extend(self.no_opinion.iter().cloned());
        keys.extend(self.read.iter().cloned());
        keys.extend(self.notes.keys().map(|k| owner(k, known).to_string()));
        keys
    }

    /// Puts everything saved under `from` under `to`.
    fn rename(&mut self, from: &str, to: &str) {
        for group in &mut self.ranking {
            for entry in group.iter_mut().filter(|e| *e == from) {
                *entry = to.to_string();
            }
        }
        if self.no_opinion.remove(from) {
            self.no_opinion.insert(to.to_string());
        }
        if self.read.remove(from) {
            self.read.insert(to.to_string());
        }
        if let Some(hash) = self.read_as.remove(from) {
            self.read_as.insert(to.to_string(), hash);
        }
        if let Some(answers) = self.visited.as_mut().and_then(|v| v.answers.remove(from)) {
            self.visited
                .get_or_insert_with(Visit::default)
                .answers
                .insert(to.to_string(), answers);
        }
        if let Some(note) = self.notes.remove(from) {
            self.notes.insert(to.to_string(), note);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
