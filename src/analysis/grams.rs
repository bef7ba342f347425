//! Where a text's words meet: for each pair of neighbouring words of three characters or
//! more, the last three characters of one and the first three of the next, in lower case. A
//! quoted phrase has them too, where its words are long enough to tell, and a text without
//! one of them cannot hold the phrase. (Short words, a third of most prose, are left out:
//! the filters are half the size, and a phrase still has a meeting of long words to tell by.)
//! Each candidate's are kept in a small Bloom filter, so a phrase is looked for only in the
//! texts that may hold it, not in every text with its words.

use crate::text::hash::{FNV_START, fnv1a};

/// Characters kept of each side of a meeting.
const SIDE: usize = 3;

/// Filter bits per meeting: about one text in twenty passes a filter without the meeting.
const BITS_PER_GRAM: usize = 8;

/// The meetings of `text` (as written), each as a number: every pair of neighbouring
/// whitespace-separated words, in lower case (as the search compares a phrase).
pub fn of_text(text: &str, out: &mut Vec<u64>) {
    if text.is_ascii() {
        // Bytes are characters. Words end at the six ASCII characters that are white space;
        // most texts have only three of them, found many bytes at a time.
        let bytes = text.as_bytes();
        let mut left = 0..0;
        let mut word = |start: usize, end: usize| {
            if end - start >= SIDE && left.len() >= SIDE {
                out.push(gram(
                    &bytes[left.end - SIDE..left.end],
                    &bytes[start..start + SIDE],
                ));
            }
            if end > start {
                left = start..end;
            }
        };
        let mut start = 0;
        if memchr::memchr3(b'\r', 0x0b, 0x0c, bytes).is_none() {
            for at in memchr::memchr3_iter(b' ', b'\n', b'\t', bytes) {
                word(start, at);
                start = at + 1;
            }
        } else {
            for (at, b) in bytes.iter().enumerate() {
                if matches!(b, b'\t'..=b'\r' | b' ') {
                    word(start, at);
                    start = at + 1;
                }
            }
        }
        word(start, bytes.len());
        return;
    }
    meetings(text.to_lowercase().split_whitespace(), out);
}

/// The meetings of neighbouring `words` that are both long, put in `out`.
fn meetings<'a>(words: impl Iterator<Item = &'a str>, out: &mut Vec<u64>) {
    let mut left: Option<&str> = None;
    for right in words {
        if let Some(left) = left
            && long(left)
            && long(right)
        {
            out.push(gram(tail(left).as_bytes(), head(right).as_bytes()));
        }
        left = Some(right);
    }
}

/// Whether `word` has at least [`SIDE`] characters.
fn long(word: &str) -> bool {
    word.len() >= SIDE && (word.is_ascii() || word.chars().nth(SIDE - 1).is_some())
}

/// The meetings any text holding `phrase` (lower case, single spaces) must have: those of
/// its neighbouring words that are both long. (The text's word may be longer than a first or
/// last word of the phrase, and so long too; a short word inside the phrase is a short word
/// of the text, whose meetings are not kept.)
pub fn of_phrase(phrase: &str) -> Vec<u64> {
    // A first or last word may be part of a text's longer word; a word inside the phrase
    // is a whole word of the text. Either way, a long one tells its side.
    let mut out = Vec::new();
    meetings(phrase.split(' '), &mut out);
    out
}

/// The last [`SIDE`] characters of `word`, or all of it.
fn tail(word: &str) -> &str {
    let start = word
        .char_indices()
        .rev()
        .nth(SIDE - 1)
        .map_or(0, |(i, _)| i);
    &word[start..]
}

/// The first [`SIDE`] characters of `word`, or all of it.
fn head(word: &str) -> &str {
    let end = word.char_indices().nth(SIDE).map_or(word.len(), |(i, _)| i);
    &word[..end]
}

/// A number for a meeting, the same on every run (filters are kept in the cache). ASCII
/// letters compare in lower case, as the texts' are lowered only when not ASCII. Sides of
/// ASCII words fit in the number as they are; longer ones are hashed.
fn gram(left: &[u8], right: &[u8]) -> u64 {
    let mut h: u64;
    if left.len() + right.len() < 8 {
        h = 0;
        for &b in left {
            h = (h << 8) | u64::from(b.to_ascii_lowercase());
        }
        h = (h << 8) | 0xff;
        for &b in right {
            h = (h << 8) | u64::from(b.to_ascii_lowercase());
        }
    } else {
        let bytes = left.iter().chain(&[0xff]).chain(right);
        h = fnv1a(FNV_START, bytes.map(u8::to_ascii_lowercase));
    }
    // Spread over all 64 bits before they pick filter bits.
    h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A Bloom filter of `grams`, in 64-bit words (at least one). Sized by their count, a
/// meeting seen twice counted twice: repeats are few, and sorting them out cost more.
pub fn filter(grams: &[u64]) -> Vec<u64> {
    let words = (grams.len() * BITS_PER_GRAM).div_ceil(64).max(1);
    let mut bits = vec![0u64; words];
    for &g in grams.iter() {
        for bit in probes(g, words) {
            bits[bit / 64] |= 1 << (bit % 64);
        }
    }
    bits
}

/// Whether the filter `bits` may hold every one of `grams`.
pub fn may_hold(bits: &[u64], grams: &[u64]) -> bool {
    grams.iter().all(|&g| {
        probes(g, bits.len()).into_iter().all(|bit| {
            bits.get(bit / 64)
                .is_some_and(|w| w & (1 << (bit % 64)) != 0)
        })
    })
}

/// The two bits a gram sets in a filter of `words` words: each half of the gram scaled to
/// the filter's bits (a multiplication, where a remainder would divide).
fn probes(g: u64, words: usize) -> [usize; 2] {
    let bits = (words * 64) as u64;
    let scale = |half: u64| (((half & 0xffff_ffff) * bits) >> 32) as usize;
    [scale(g), scale(g >> 32)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::search::has_phrase;

    fn holds(text: &str, phrase: &str) -> bool {
        let mut grams = Vec::new();
        of_text(text, &mut grams);
        may_hold(&filter(&grams), &of_phrase(phrase))
    }

    #[test]
    fn every_text_that_holds_a_phrase_passes_its_filter() {
        let texts = [
            "We build the Rust runtime.",
            "TRUST\n  RUNTIMES matter",
            "a b c d",
            "on the x86 platform, the kata-containers runtime",
            "ÉLAN VITAL and Straße\tgroß",
            "ΟΔΟΣ ΚΑΙ",
            "one",
            "",
        ];
        let phrases = [
            "rust runtime",
            "ust runt",
            "b c",
            "a b c d",
            "the kata-containers runtime",
            "x86 platform, the",
            "élan vital and",
            "straße groß",
            "οδος και",
            "t r",
        ];
        for text in texts {
            for phrase in phrases {
                if has_phrase(text, phrase) {
                    assert!(holds(text, phrase), "{text:?} {phrase:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Texts of few letters (both cases, a few that lower to more than one character or
        /// to ASCII; or ASCII alone) and white space, and phrases cut from them: wherever `has_phrase` finds
        /// the phrase, the filter lets the text through.
        #[test]
        fn a_filter_never_hides_a_phrase_the_text_holds(
            text in "[abAB \n\tÉßΣσ\u{212a}\u{130}k.]{0,40}|[abAB \n\t\x0b\x0c\r.]{0,40}",
            from in 0usize..40,
            len in 1usize..20,
        ) {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            let chars: Vec<char> = flat.chars().collect();
            let from = from.min(chars.len());
            let cut: String = chars[from..(from + len).min(chars.len())].iter().collect();
            let phrase = cut.split_whitespace().collect::<Vec<_>>().join(" ");
            if phrase.contains(' ') && has_phrase(&text, &phrase) {
                proptest::prop_assert!(holds(&text, &phrase), "{:?} {:?}", text, phrase);
            }
        }
    }

    #[test]
    fn a_text_without_the_meeting_is_left_out() {
        assert!(!holds("rust is a runtime", "rust runtime"));
        assert!(!holds("the runtime of rust", "rust runtime"));
        // Short end words cannot tell: every text passes.
        assert!(of_phrase("a runtime").is_empty());
        assert!(holds("nothing alike", "a runtime"));
        // Short words are not kept, long ones inside the phrase are.
        assert_eq!(of_phrase("rust is a runtime").len(), 0);
        assert_eq!(of_phrase("in the open source runtime").len(), 3);
        assert!(!holds("the open runtime", "in the open source runtime"));
    }
}
