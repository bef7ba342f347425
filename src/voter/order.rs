//! The order candidates are shown in: random per voter and election, stable between runs.
//!
//! The first name on a list gets more attention, most of all in low-information, nonpartisan
//! elections, so (as CIVS does) each voter sees each election's candidates in an order of
//! their own. The shuffle is a fixed algorithm (SplitMix64 and Fisher–Yates), so a seed gives
//! the same order on every machine and in every version.

use std::hash::{BuildHasher, Hasher};

use crate::text::hash::{FNV_START, fnv1a};

/// How candidates are ordered within each election.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OrderMode {
    /// Random per voter and election, from a seed kept with the voter's data.
    #[default]
    Random,
    /// Alphabetical by name.
    Name,
    /// Random from this seed, the same for every voter who gives it.
    Seed(u64),
}

impl std::str::FromStr for OrderMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "random" => Ok(OrderMode::Random),
            "name" => Ok(OrderMode::Name),
            _ => s.parse().map(OrderMode::Seed).map_err(|_| {
                format!("`{s}` is not an order: use name, random, or a number (a seed)")
            }),
        }
    }
}

/// A new seed from the operating system's randomness.
pub fn fresh_seed() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    );
    hasher.finish()
}

/// The seed for one election from a seed given on the command line (FNV-1a of the key).
pub fn seed_for(seed: u64, election_key: &str) -> u64 {
    fnv1a(FNV_START ^ seed, election_key.bytes())
}

/// SplitMix64: small, fast, and the same everywhere.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Shuffles `items` with Fisher–Yates driven by `seed`.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    for i in (1..items.len()).rev() {
        let j = (next(&mut state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// A short form of a seed for the status bar.
pub fn short(seed: u64) -> String {
    format!("{:04x}", seed >> 48)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_seeds_differ() {
        let seeds: std::collections::HashSet<u64> = (0..8).map(|_| fresh_seed()).collect();
        assert_eq!(seeds.len(), 8, "{seeds:?}");
    }

    #[test]
    fn election_seeds_and_their_short_form_never_change_between_versions() {
        // Pinned: a voter's order of an election must be the same in every version.
        assert_eq!(seed_for(0, ""), 0xcbf2_9ce4_8422_2325);
        let seed = seed_for(1234, "kata-ac-2024-04");
        assert_eq!(seed, 0x2505_9527_a0f8_0a3d);
        assert_ne!(seed_for(1234, "kata-ac-2024-05"), seed);
        assert_ne!(seed_for(1235, "kata-ac-2024-04"), seed);
        assert_eq!(short(0xabcd_0000_0000_0001), "abcd");
        assert_eq!(short(0x0001_ffff_ffff_ffff), "0001");
        assert_eq!(short(0), "0000");
    }

    #[test]
    fn a_seed_gives_the_same_order_every_time() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        shuffle(&mut a, 42);
        shuffle(&mut b, 42);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn the_shuffle_is_pinned() {
        // Voters' orders must not change between versions: this is the order seed 7 gives.
        let mut items: Vec<u32> = (0..8).collect();
        shuffle(&mut items, 7);
        assert_eq!(items, vec![1, 4, 5, 2, 6, 0, 3, 7]);
    }

    #[test]
    fn different_seeds_differ() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        shuffle(&mut a, 1);
        shuffle(&mut b, 2);
        assert_ne!(a, b);
    }

    #[test]
    fn every_position_is_about_equally_likely() {
        // 4 items, 40,000 seeds: each item should come first about 10,000 times.
        let mut first = [0u32; 4];
        for seed in 0..40_000u64 {
            let mut items = [0usize, 1, 2, 3];
            shuffle(&mut items, seed_for(seed, "e"));
            first[items[0]] += 1;
        }
        for count in first {
            assert!((9_400..10_600).contains(&count), "{first:?}");
        }
    }

    #[test]
    fn orders_parse() {
        assert_eq!("name".parse(), Ok(OrderMode::Name));
        assert_eq!("random".parse(), Ok(OrderMode::Random));
        assert_eq!("1234".parse(), Ok(OrderMode::Seed(1234)));
        assert!("sideways".parse::<OrderMode>().is_err());
    }

    #[test]
    fn election_seeds_depend_on_the_election() {
        assert_ne!(seed_for(1, "a"), seed_for(1, "b"));
        assert_eq!(seed_for(1, "a"), seed_for(1, "a"));
    }
}
