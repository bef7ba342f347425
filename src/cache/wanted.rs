//! The keys a shelf is read for.

use std::collections::HashMap;
use std::hash::Hash;

/// The keys a shelf is read for, each taken once. A shelf holds its keys in the order they
/// were asked for when it was written, mostly the order they are asked for now: the next
/// key in order is tried before a table is made (hashing a path takes it apart).
pub(super) struct Wanted<'k, K> {
    keys: &'k [&'k K],
    taken: Vec<bool>,
    next: usize,
    pub(super) left: usize,
    table: Option<HashMap<&'k K, usize>>,
}

impl<'k, K: Eq + Hash> Wanted<'k, K> {
    pub(super) fn new(keys: &'k [&'k K]) -> Self {
        Wanted {
            keys,
            taken: vec![false; keys.len()],
            next: 0,
            left: keys.len(),
            table: None,
        }
    }

    /// Where `key` is among the keys, if it is one not taken before.
    pub(super) fn take(&mut self, key: &K) -> Option<usize> {
        let at = if self.keys.get(self.next).is_some_and(|k| *k == key) {
            self.next
        } else {
            let keys = self.keys;
            let table = self
                .table
                .get_or_insert_with(|| keys.iter().enumerate().map(|(i, k)| (*k, i)).collect());
            *table.get(key)?
        };
        if std::mem::replace(&mut self.taken[at], true) {
            return None;
        }
        self.next = at + 1;
        self.left -= 1;
        Some(at)
    }
}
