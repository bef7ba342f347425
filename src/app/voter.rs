//! The voter's data inside a session, and what is still to be saved; the event loop does
//! the writing.

use std::collections::BTreeMap;

use crate::voter::ballot::{Ballot, Placement};
use crate::voter::order::OrderMode;

/// When a change to an election's ballot should reach the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SaveWhen {
    /// While typing a note: after a short pause.
    Soon,
    /// A ranking change, a closed note, a new seed: at once.
    Now,
}

/// One line of the ballot view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BallotRow {
    /// Index into the roster's candidates.
    pub candidate: usize,
    /// Where the candidate stands on the ballot.
    pub placement: Placement,
}

/// The voter's data for every election, and what is still to be saved.
#[derive(Debug, Default)]
pub(super) struct Voter {
    /// One ballot per election.
    pub ballots: Vec<Ballot>,
    /// Per election: another instance holds it, so nothing may change here.
    pub read_only: Vec<bool>,
    pub order_mode: OrderMode,
    /// The voter's own seed, from which each election's order is derived.
    pub voter_seed: u64,
    /// Display position of each candidate: the list, panes and ballot all follow it.
    pub rank: Vec<usize>,
    pub unsaved: BTreeMap<usize, SaveWhen>,
    /// Per election: what is new since the voter's last visit (empty outside the app).
    pub news: Vec<crate::voter::news::News>,
    /// Earlier versions of statements the voter read, by hash, from their data folder.
    pub texts_read: BTreeMap<String, String>,
}
