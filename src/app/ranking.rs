//! The voter's own work inside a session: candidate order, reading progress and the ballot
//! view. Changes are queued for saving.

use super::App;
use super::overlays::{Open, RankChange};
use super::voter::{BallotRow, SaveWhen};
use crate::roster::BallotKind;
use crate::voter::ballot::{Ballot, Placement, Warning};
use crate::voter::order::{self, OrderMode};
use crate::voter::rules::employer_excess;

impl App {
    /// Gives the session the voter's saved ballots and the order to show candidates in.
    /// In random order, an election without a seed of its own (drawn with `R`) takes one
    /// derived from `voter_seed`, so nothing has to be written before the list appears.
    pub fn with_voter(
        mut self,
        ballots: Vec<Ballot>,
        read_only: Vec<bool>,
        mode: OrderMode,
        voter_seed: u64,
    ) -> Self {
        let elections = self.roster.elections.len();
        self.voter.ballots = ballots;
        self.voter.ballots.resize_with(elections, Ballot::default);
        self.voter.read_only = read_only;
        self.voter.read_only.resize(elections, false);
        self.voter.order_mode = mode;
        self.voter.voter_seed = voter_seed;
        self.adopt_keys();
        self.reorder();
        // A new session starts at the top of the voter's own order.
        self.cursor = 0;
        self.list_offset = 0;
        self
    }

    /// Moves what older versions saved under display names to the candidates' keys (saved at
    /// once), then holds what no candidate can take (a key nobody has, a candidate renamed
    /// since the voter saw them) and says so under `E`, opened at once: such entries are
    /// given to no one.
    fn adopt_keys(&mut self) {
        let before = self.notices.len();
        for index in 0..self.roster.elections.len() {
            let candidates = self.roster.keys_and_names(index);
            let ballot = &mut self.voter.ballots[index];
            let moved = ballot.adopt_keys(&candidates);
            ballot.hold_strays(&candidates);
            let election = &self.roster.elections[index].name;
            for line in ballot.held_report(&candidates) {
                self.notices.push(format!("In \"{election}\": {line}"));
            }
            if moved && !self.voter.read_only.get(index).copied().unwrap_or(false) {
                self.queue_save(index, SaveWhen::Now);
            }
        }
        if self.notices.len() > before {
            self.open_text(super::Overlay::Errors);
        }
    }

    /// Election `index`'s ballot as it is written: with the name the voter saw beside each
    /// key.
    pub fn ballot_to_save(&self, index: usize) -> Ballot {
        self.voter.ballots[index].stamped(&self.roster.keys_and_names(index))
    }

    /// The voter's ballot for election `index`.
    pub fn ballot(&self, index: usize) -> &Ballot {
        &self.voter.ballots[index]
    }

    /// How candidates are ordered: randomly per voter, by name, or by a given seed.
    pub fn order_mode(&self) -> OrderMode {
        self.voter.order_mode
    }

    /// Display position of `candidate`.
    pub fn rank_of(&self, candidate: usize) -> usize {
        self.voter.rank.get(candidate).copied().unwrap_or(candidate)
    }

    /// The seed behind election `index`'s order, if it is random.
    pub fn order_seed(&self, index: usize) -> Option<u64> {
        match self.voter.order_mode {
            OrderMode::Name => None,
            OrderMode::Random => {
                let own = self.voter.ballots.get(index).and_then(|b| b.seed);
                let key = &self.roster.elections.get(index)?.key;
                Some(own.unwrap_or_else(|| order::seed_for(self.voter.voter_seed, key)))
            }
            OrderMode::Seed(seed) => self
                .roster
                .elections
                .get(index)
                .map(|e| order::seed_for(seed, &e.key)),
        }
    }

    /// Elections with changes not yet on disk, and how urgently; the caller saves them.
    pub fn take_saves(&mut self) -> Vec<(usize, SaveWhen)> {
        std::mem::take(&mut self.voter.unsaved)
            .into_iter()
            .collect()
    }

    /// Tells the voter a save failed; the change stays queued.
    pub fn save_failed(&mut self, election: usize, error: &str) {
        self.voter.unsaved.insert(election, SaveWhen::Soon);
        self.message = Some(format!("Could not save your notes and ranking: {error}"));
    }

    /// The election the voter is looking at: the selected candidate's, else the first.
    pub fn current_election(&self) -> Option<usize> {
        self.selected()
            .map(|c| self.roster.candidates[c].election)
            .or_else(|| (!self.roster.elections.is_empty()).then_some(0))
    }

    /// What the voter should know before handing in the ballot of election `index`: the
    /// ballot's own warnings, and where it strays from the election's rules.
    pub fn ballot_warnings(&self, index: usize) -> Vec<String> {
        let election = &self.roster.elections[index];
        let ballot = &self.voter.ballots[index];
        let members = self.candidates_of(index);
        let names: Vec<(&str, &str)> = members
            .iter()
            .map(|&c| {
                let candidate = &self.roster.candidates[c];
                (candidate.key.as_str(), candidate.name.as_str())
            })
            .collect();
        let approval = election.rules.ballot == BallotKind::Approval;
        // The held entries are told of by key and name: the display order is no matter.
        let mut out: Vec<String> = ballot.held_report(&names);
        out.extend(
            ballot
                .warnings(&names)
                .into_iter()
                .filter(|w| !approval || matches!(w, Warning::Unread(_)))
                .map(|w| w.to_string()),
        );
        let picks: Vec<usize> = self
            .ballot_rows(index)
            .into_iter()
            .filter(|r| matches!(r.placement, Placement::Ranked { .. }))
            .map(|r| r.candidate)
            .collect();
        if approval {
            match election.rules.max_choices {
                _ if picks.is_empty() => out.insert(0, "nothing approved yet".to_string()),
                Some(max) if picks.len() > max as usize => out.push(format!(
                    "{} approved, but at most {max} may be: the export lists the first {max}",
                    picks.len()
                )),
                _ => {}
            }
        }
        // An election cast from its own ballot file (BLT, as OpaVote counts) takes no ties:
        // said as the voter makes one, not first at export.
        if !approval && !election.ballot_names.is_empty() {
            // Ranks counted as cast, without the gaps left while typing.
            let cast = ballot.ranking.iter().filter(|g| !g.is_empty());
            for (rank, group) in cast.enumerate() {
                let tied: Vec<&str> = names
                    .iter()
                    .filter(|(key, _)| group.iter().any(|k| k == key))
                    .map(|(_, name)| *name)
                    .collect();
                if tied.len() > 1 {
                    out.insert(
                        0,
                        format!(
                            "this election's ballot (BLT, as OpaVote counts it) takes no ties: {} share rank {}; rank them apart with K or J",
                            tied.join(" and "),
                            rank + 1
                        ),
                    );
                }
            }
        }
        if let (Some(seats), Some(max)) = (election.seats, election.rules.max_per_employer) {
            let top: Vec<Option<&str>> = picks
                .iter()
                .map(|&c| self.roster.candidates[c].affiliation.as_deref())
                .collect();
            out.extend(employer_excess(&top, seats as usize, max as usize));
        }
        out
    }

    /// Candidates of election `index`, in display order.
    pub fn candidates_of(&self, index: usize) -> Vec<usize> {
        let mut members: Vec<usize> = self.roster.members(index).collect();
        members.sort_by_key(|&c| self.rank_of(c));
        members
    }

    /// (read, total) statements of election `index`.
    pub fn reading_progress(&self, index: usize) -> (usize, usize) {
        let members = self.candidates_of(index);
        let ballot = &self.voter.ballots[index];
        let read = members
            .iter()
            .filter(|&&c| ballot.read.contains(&self.roster.candidates[c].key))
            .count();
        (read, members.len())
    }

    /// The ballot view's rows: ranked (best first), then unranked, then "no opinion", each in
    /// display order.
    pub fn ballot_rows(&self, index: usize) -> Vec<BallotRow> {
        let members = self.candidates_of(index);
        let names = members
            .iter()
            .map(|&c| (c, self.roster.candidates[c].key.as_str()));
        let mut rows: Vec<BallotRow> = self.voter.ballots[index]
            .rows(names)
            .into_iter()
            .map(|(candidate, placement)| BallotRow {
                candidate,
                placement,
            })
            .collect();
        if let Some(Open::Ballot(view)) = &self.overlay
            && view.election == index
            && let Some(still) = &view.still
        {
            let at: std::collections::HashMap<usize, usize> =
                still.iter().enumerate().map(|(i, &c)| (c, i)).collect();
            rows.sort_by_key(|r| at.get(&r.candidate).copied().unwrap_or(usize::MAX));
        }
        rows
    }

    /// Recomputes every candidate's display position from the order mode and seeds.
    pub(super) fn reorder(&mut self) {
        let count = self.roster.candidates.len();
        let mut rank = vec![0; count];
        let mut position = 0;
        // Newest election first (the roster holds them in the order they took place).
        for index in (0..self.roster.elections.len()).rev() {
            let mut members: Vec<usize> = self.roster.members(index).collect();
            match self.order_seed(index) {
                Some(seed) => order::shuffle(&mut members, seed),
                None => members.sort_by_key(|&c| (self.index.name_lower(c), c)),
            }
            for c in members {
                rank[c] = position;
                position += 1;
            }
        }
        self.voter.rank = rank;
        self.marks.sort_by_key(|&c| self.voter.rank[c]);
        self.refilter();
    }

    /// Draws a new random order for the current election.
    pub(super) fn reroll(&mut self) {
        let Some(index) = self.current_election() else {
            return;
        };
        if self.voter.order_mode != OrderMode::Random {
            self.message = Some("The order is fixed by --order".to_string());
            return;
        }
        if self.refuse_read_only(index) {
            return;
        }
        let seed = order::fresh_seed();
        self.voter.ballots[index].seed = Some(seed);
        self.voter.unsaved.insert(index, SaveWhen::Now);
        self.reorder();
        self.message = Some(format!(
            "New order for this election (seed {})",
            order::short(seed)
        ));
    }

    /// Whether the open ballot is an approval ballot.
    pub(super) fn approval_ballot(&self) -> bool {
        self.roster.elections[self.ballot_election()].rules.ballot == BallotKind::Approval
    }

    /// A change on an approval ballot: `1` or Space approves (within `max_choices`), `0`,
    /// `u` or Space again takes it back; a ranking move is explained, not made.
    pub(super) fn change_approval(&mut self, change: RankChange) {
        let index = self.ballot_election();
        let Some(candidate) = self.ballot_selected() else {
            return;
        };
        let key = self.roster.candidates[candidate].key.clone();
        let approved = matches!(
            self.voter.ballots[index].placement(&key),
            Placement::Ranked { .. }
        );
        let approve = match change {
            RankChange::To(1) => true,
            RankChange::Toggle => !approved,
            RankChange::To(0) | RankChange::Unrank => false,
            _ => {
                self.message = Some(
                    "An approval ballot: 1 or Space approves, 0 or Space again clears".to_string(),
                );
                return;
            }
        };
        if approve && !approved {
            let limit = self.roster.elections[index].rules.max_choices;
            let count = self
                .ballot_rows(index)
                .iter()
                .filter(|r| matches!(r.placement, Placement::Ranked { .. }))
                .count();
            if let Some(max) = limit.filter(|&m| count >= m as usize) {
                self.message = Some(format!(
                    "At most {max} may be approved in {}: clear one first (0)",
                    self.roster.elections[index].name
                ));
                return;
            }
        }
        self.change_ranking(false, |ballot: &mut Ballot, key: &str| {
            if approve {
                ballot.set_rank(key, 1)
            } else {
                ballot.unrank(key)
            }
        });
    }

    pub(super) fn refuse_read_only(&mut self, index: usize) -> bool {
        let read_only = self.voter.read_only.get(index).copied().unwrap_or(false);
        if read_only {
            self.message = Some("Read-only here, so nothing is saved: E says why".to_string());
        }
        read_only
    }

    /// Records that the voter opened `candidate`'s statement.
    pub(super) fn mark_read(&mut self, candidate: usize) {
        let c = &self.roster.candidates[candidate];
        let index = c.election;
        if self.voter.read_only.get(index).copied().unwrap_or(false) {
            return;
        }
        let ballot = &mut self.voter.ballots[index];
        let newly = ballot.read.insert(c.key.clone());
        // Remembered as read as it is now: a later change is told from this version.
        let hash = crate::voter::news::hash_of(c.statement.display());
        let again = ballot.read_as.insert(c.key.clone(), hash.clone()) != Some(hash);
        if newly || again {
            self.queue_save(index, SaveWhen::Now);
        }
    }

    pub(super) fn queue_save(&mut self, index: usize, when: SaveWhen) {
        let entry = self.voter.unsaved.entry(index).or_insert(when);
        *entry = (*entry).max(when);
    }

    /// Applies a ranking change to the selected candidate; the selection follows it.
    /// Changes the selected candidate's place on the open ballot. `typed` (a rank typed as a
    /// digit) keeps every row where it is, the cursor on the same row; any other change sorts
    /// the rows again and follows the candidate.
    pub(super) fn change_ranking(
        &mut self,
        typed: bool,
        change: impl FnOnce(&mut Ballot, &str) -> bool,
    ) {
        let index = self.ballot_election();
        let Some(candidate) = self.ballot_selected() else {
            return;
        };
        if self.refuse_read_only(index) {
            return;
        }
        // Held still from the first typed rank: the rows as they stood then.
        let begins = typed && !self.ballot_is_still();
        let order: Option<Vec<usize>> = begins.then(|| {
            self.ballot_rows(index)
                .iter()
                .map(|r| r.candidate)
                .collect()
        });
        if let Some(Open::Ballot(view)) = &mut self.overlay {
            view.still = if typed {
                view.still.take().or(order)
            } else {
                None
            };
        }
        let key = self.roster.candidates[candidate].key.clone();
        if change(&mut self.voter.ballots[index], &key) {
            self.queue_save(index, SaveWhen::Now);
        }
        if !typed {
            self.select_in_ballot(candidate);
        }
    }
}
