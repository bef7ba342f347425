//! A fast hash of long texts, the same on every run for the same seed, and FNV-1a for
//! short keys that must hash alike on every run and machine.

/// Where an FNV-1a hash starts (its offset basis).
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// 64-bit FNV-1a of `bytes`, continued from `hash` ([`FNV_START`] for a fresh one): the same
/// on every run and machine, which std's hasher promises neither. For short keys only.
pub fn fnv1a(hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(hash, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Four independent 64-bit lanes of a multiply-rotate hash over 32 bytes at a time: tens of
/// megabytes are hashed on every load, and four lanes keep the processor busy where one
/// would wait on each multiplication. Never a hash table's hasher for words an author chose.
pub struct Lanes([u64; 4]);

impl Lanes {
    const K: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
        0x85eb_ca77_c2b2_ae63,
    ];

    /// A hash started from `seed`.
    pub fn new(seed: u64) -> Self {
        Lanes(Self::K.map(|k| seed ^ k))
    }

    fn mix(lane: u64, word: u64, k: u64) -> u64 {
        (lane ^ word).wrapping_mul(k).rotate_left(31)
    }

    /// Adds `bytes` and their length (so that where one text ends is part of the hash).
    pub fn add(&mut self, bytes: &[u8]) {
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            for (i, lane) in self.0.iter_mut().enumerate() {
                let word = u64::from_le_bytes(block[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
                *lane = Self::mix(*lane, word, Self::K[i]);
            }
        }
        let mut tail = [0u8; 32];
        tail[..blocks.remainder().len()].copy_from_slice(blocks.remainder());
        for (i, lane) in self.0.iter_mut().enumerate() {
            let word = u64::from_le_bytes(tail[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            *lane = Self::mix(*lane, word ^ bytes.len() as u64, Self::K[i]);
        }
    }

    /// The hash of everything added.
    pub fn finish(&self) -> u128 {
        let [a, b, c, d] = self.0;
        let high = Self::mix(a, c.rotate_left(17), Self::K[1]);
        let low = Self::mix(b, d.rotate_left(23), Self::K[3]);
        (u128::from(high) << 64) | u128::from(low)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_values() {
        // The FNV-1a 64-bit test vectors.
        assert_eq!(fnv1a(FNV_START, *b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_START, *b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(FNV_START, *b"foobar"), 0x8594_4171_f739_67e8);
        // Continued, it is the hash of the two parts in a row.
        assert_eq!(
            fnv1a(fnv1a(FNV_START, *b"foo"), *b"bar"),
            0x8594_4171_f739_67e8
        );
    }
}
