//! A fast hash of long texts, the same on every run for the same seed.

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
