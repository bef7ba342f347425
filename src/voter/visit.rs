//! What an election held at the voter's last visit, as their ballot keeps it; what is new
//! since is found in `news.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What an election held when the voter last opened it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    /// When (RFC 3339, UTC): the first visit that found the election as `answers` says.
    pub at: String,
    /// Every candidate then, by key, with how many questions they had answered.
    pub answers: BTreeMap<String, usize>,
}
