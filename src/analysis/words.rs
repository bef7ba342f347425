//! The word index of statements and answers: each lower-case word with the candidates that
//! use it, in parts of at most `PART` (64) candidates of one election. Parts are built on every
//! core with nothing to merge after (a query looks a word up in each part), and each part is
//! kept in the cache under a hash of the very text it indexes, so a part is reused exactly
//! when its candidates' texts are unchanged, however the roster around them was loaded.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::thread::JoinHandle;

use serde::{Deserialize, Serialize};

use super::grams;
use crate::roster::text::Text;
use crate::roster::{Candidate, Roster, Source};
use crate::text::hash::Lanes;

/// Candidates per part: enough that a query looks in few parts, few enough that each part
/// is built and cached on its own.
const PART: usize = 64;

/// The index: its parts, in roster order.
pub struct Words {
    parts: Vec<Part>,
}

/// The words of a run of candidates, compact: one string of every word, sorted, and flat
/// arrays in place of a `String` and a `Vec` per word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Part {
    /// The roster index of the part's first candidate (set on use, not kept).
    #[serde(skip)]
    first: usize,
    /// How many candidates the part covers.
    len: usize,
    /// Every word, sorted, each once, one after another...
    words: String,
    /// ...each ending here in `words`...
    #[serde(with = "blob")]
    ends: Vec<u32>,
    /// ...with its candidates at `postings[starts[i]..starts[i + 1]]`...
    #[serde(with = "blob")]
    starts: Vec<u32>,
    /// ...as numbers within the part, ascending.
    #[serde(with = "blob")]
    postings: Vec<u16>,
    /// Each candidate's filter of where their words meet ([`grams`]), one after another...
    #[serde(with = "blob")]
    grams: Vec<u64>,
    /// ...candidate `i`'s at `grams[gram_at[i]..gram_at[i + 1]]`.
    #[serde(with = "blob")]
    gram_at: Vec<u32>,
    /// Made from a text that could not be read back ([`Text::readable`]): never kept.
    #[serde(skip)]
    unread: bool,
}

impl Words {
    /// Indexes every candidate's statement and answers; with the cache on, for a roster
    /// loaded from files, parts whose text has not changed come from it.
    pub fn new(roster: &Roster) -> Self {
        let cache = match roster.source {
            Source::Paths(_) => crate::cache::dir(),
            Source::Embedded => None,
        };
        Words::with_cache(roster, cache)
    }

    /// As [`Words::new`], with the cache in `cache` if any.
    pub fn with_cache(roster: &Roster, cache: Option<&Path>) -> Self {
        let candidates = &roster.candidates;
        let ranges = ranges(candidates);
        // Each part is kept on the shelf of its first candidate's folder.
        let folder = |r: &Range<usize>| candidates[r.start].path.as_path();
        let keyed = cache.map(|root| {
            let seed = crate::cache::secret(root);
            let hashes =
                crate::parallel::map_min(ranges.clone(), 2, |r| text_hash(&candidates[r], seed));
            let files = ranges.iter().map(folder);
            let shelves = crate::cache::Shelves::new(root, "words", files.zip(hashes.clone()));
            (shelves, hashes, ahead(root))
        });
        let (shelves, found): (_, Vec<Option<Part>>) = match keyed {
            Some((shelves, hashes, Some(mut ahead))) => {
                let found = ranges
                    .iter()
                    .zip(hashes)
                    .map(|(r, hash)| {
                        let parts = ahead.get_mut(folder(r).parent()?)?;
                        let at = parts.iter().position(|(key, _)| *key == hash)?;
                        Some(parts.swap_remove(at).1)
                    })
                    .collect();
                (Some(shelves), found)
            }
            Some((shelves, _, None)) => {
                let found = shelves.restore::<Part>(|_, _| true);
                (Some(shelves), found)
            }
            None => (None, ranges.iter().map(|_| None).collect()),
        };
        let todo: Vec<(Range<usize>, Option<Part>)> = ranges.into_iter().zip(found).collect();
        // A part from the cache is checked here, on every core, as parts are built.
        let (parts, fresh): (Vec<Part>, Vec<bool>) =
            crate::parallel::map_min(todo, 2, |(range, found)| {
                let found = found.filter(|p| p.is_whole(range.len()));
                let fresh = found.is_none();
                let mut part = found.unwrap_or_else(|| Part::build(&candidates[range.clone()]));
                part.first = range.start;
                (part, fresh)
            })
            .into_iter()
            .unzip();
        if let Some(shelves) = shelves {
            // A part made from a text that could not be read back is this run's only.
            shelves.save(
                &fresh,
                &parts,
                |_, part| !part.unread,
                crate::cache::start(),
            );
        }
        Words { parts }
    }

    /// Marks in `has` (one entry per candidate) each candidate with a word that is `word`,
    /// or that starts with it when `prefix`.
    pub fn mark(&self, word: &str, prefix: bool, has: &mut [bool]) {
        for part in &self.parts {
            let start = part.partition_point(word);
            for i in start..part.ends.len() {
                let w = part.word(i);
                if !(w == word || (prefix && w.starts_with(word))) {
                    break;
                }
                let postings = &part.postings[part.starts[i] as usize..part.starts[i + 1] as usize];
                for &c in postings {
                    if let Some(h) = has.get_mut(part.first + usize::from(c)) {
                        *h = true;
                    }
                }
            }
        }
    }

    /// Whether candidate `candidate` (a roster index) may have a text where words meet as
    /// `grams` (the meetings of a phrase) say: `false` only for one who has none.
    pub fn may_have(&self, candidate: usize, grams: &[u64]) -> bool {
        let at = self.parts.partition_point(|p| p.first + p.len <= candidate);
        let Some(part) = self.parts.get(at).filter(|p| p.first <= candidate) else {
            return true;
        };
        let i = candidate - part.first;
        let (start, end) = (part.gram_at[i] as usize, part.gram_at[i + 1] as usize);
        grams::may_hold(&part.grams[start..end], grams)
    }

    /// Every word with the candidates (roster indices) that use it, sorted by word: the
    /// index as one list, for tests.
    #[cfg(test)]
    fn entries(&self) -> Vec<(String, Vec<usize>)> {
        let mut all: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
        for part in &self.parts {
            for i in 0..part.ends.len() {
                let postings = &part.postings[part.starts[i] as usize..part.starts[i + 1] as usize];
                all.entry(part.word(i).to_string())
                    .or_default()
                    .extend(postings.iter().map(|&c| part.first + usize::from(c)));
            }
        }
        all.into_iter().collect()
    }
}

/// A word's first eight bytes as a number that orders as they do (a shorter word padded
/// with zeros, which sorts it before any longer word it begins).
fn prefix(word: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = word.len().min(8);
    bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

impl Part {
    /// The part of `candidates` (at most [`PART`]).
    fn build(candidates: &[Candidate]) -> Part {
        // Every text lowered first, so the table below borrows its words instead of
        // allocating each; its hasher is seeded afresh on each run, as a statement's words
        // are chosen by its author.
        let lowered: Vec<(u16, String)> = candidates
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                let i = u16::try_from(i).unwrap_or(u16::MAX);
                c.texts().map(move |t| (i, t.display().to_lowercase()))
            })
            .collect();
        let unread = !candidates.iter().all(|c| c.texts().all(Text::readable));
        let mut seen: HashMap<&str, Vec<u16>, foldhash::fast::RandomState> = HashMap::default();
        for (i, lower) in &lowered {
            for word in words(lower) {
                let list = seen.entry(word).or_default();
                // A word a candidate uses twice is one posting.
                if list.last() != Some(i) {
                    list.push(*i);
                }
            }
        }
        // Sorted by their first eight bytes, then (where those tie) by the rest: the same
        // order as by whole words, with most comparisons one number's.
        let mut sorted: Vec<(u64, &str, Vec<u16>)> = seen
            .into_iter()
            .map(|(word, list)| (prefix(word), word, list))
            .collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let mut part = Part {
            first: 0,
            len: candidates.len(),
            words: String::with_capacity(sorted.iter().map(|(_, w, _)| w.len()).sum()),
            ends: Vec::with_capacity(sorted.len()),
            starts: Vec::with_capacity(sorted.len() + 1),
            postings: Vec::new(),
            grams: Vec::new(),
            gram_at: vec![0],
            unread,
        };
        let mut found = Vec::new();
        for candidate in candidates {
            found.clear();
            for text in candidate.texts() {
                text.with_raw(|raw| grams::of_text(raw, &mut found));
            }
            part.grams.extend(grams::filter(&found));
            part.gram_at.push(to_u32(part.grams.len()));
        }
        part.starts.push(0);
        for (_, word, list) in sorted {
            part.words.push_str(word);
            part.ends.push(to_u32(part.words.len()));
            part.postings.extend(list);
            part.starts.push(to_u32(part.postings.len()));
        }
        part
    }

    /// Word `i`.
    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.words[start..self.ends[i] as usize]
    }

    /// The first word not less than `word`.
    fn partition_point(&self, word: &str) -> usize {
        let (mut low, mut high) = (0, self.ends.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.word(mid) < word {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// Whether a part read from the cache is one `build` could have made for `len`
    /// candidates: every offset in range and on a character boundary, the words sorted and
    /// each once, the postings ascending and within the part. Anything else is rebuilt.
    fn is_whole(&self, len: usize) -> bool {
        let n = self.ends.len();
        let offsets = self.len == len
            && len <= PART
            && self.starts.len() == n + 1
            && self.starts.first() == Some(&0)
            && self.starts.last().map(|&s| s as usize) == Some(self.postings.len())
            && self.starts.windows(2).all(|w| w[0] < w[1])
            && self
                .ends
                .last()
                .map_or(self.words.is_empty(), |&e| e as usize == self.words.len())
            && self
                .ends
                .iter()
                .all(|&e| self.words.is_char_boundary(e as usize))
            && (n < 2 || self.ends.windows(2).all(|w| w[0] < w[1]))
            && self.ends.first().is_none_or(|&e| e > 0)
            && self.gram_at.len() == len + 1
            && self.gram_at.first() == Some(&0)
            && self.gram_at.last().map(|&g| g as usize) == Some(self.grams.len())
            && self.gram_at.windows(2).all(|w| w[0] < w[1]);
        // Words compared as bytes (their order as strings), each sliced once.
        let bytes = self.words.as_bytes();
        let mut previous: &[u8] = &[];
        let mut start = 0;
        offsets
            && self.ends.iter().enumerate().all(|(i, &end)| {
                let word = &bytes[start..end as usize];
                start = end as usize;
                let sorted = i == 0 || previous < word;
                previous = word;
                sorted
            })
            && self.starts.windows(2).all(|w| {
                let list = &self.postings[w[0] as usize..w[1] as usize];
                list.windows(2).all(|w| w[0] < w[1]) && list.iter().all(|&c| usize::from(c) < len)
            })
    }
}

/// The parts of each folder, by key, read from the cache before the roster was loaded.
type ReadAhead = HashMap<PathBuf, Vec<(u128, Part)>>;

/// The parts being read ahead, and from which cache.
static AHEAD: Mutex<Option<(PathBuf, JoinHandle<ReadAhead>)>> = Mutex::new(None);

/// Starts reading, on a thread of its own, every part the cache in `root` holds for
/// `folders` (those of a roster about to load): a load leaves a core idle at times, and the
/// index wants the parts right after it. The next index built with that cache takes them.
pub fn read_ahead(root: &Path, folders: Vec<PathBuf>) {
    let from = root.to_path_buf();
    let reading = std::thread::spawn(move || {
        let read = |folder: PathBuf| {
            let parts = crate::cache::restore_all::<u128, Part>(&from, "words", &folder);
            (folder, parts)
        };
        folders.into_iter().map(read).collect()
    });
    let mut ahead = AHEAD.lock().unwrap_or_else(PoisonError::into_inner);
    *ahead = Some((root.to_path_buf(), reading));
}

/// The parts read ahead from the cache in `root`, if any were.
fn ahead(root: &Path) -> Option<ReadAhead> {
    let mut ahead = AHEAD.lock().unwrap_or_else(PoisonError::into_inner);
    match ahead.take() {
        Some((from, reading)) if from == root => reading.join().ok(),
        other => {
            *ahead = other;
            None
        }
    }
}

/// Arrays of numbers kept as one run of little-endian bytes: a part read back from the
/// cache is copied, not decoded a number at a time.
mod blob {
    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    /// A number kept in `N` bytes.
    pub trait Le<const N: usize>: Copy {
        fn to(self) -> [u8; N];
        fn from(bytes: [u8; N]) -> Self;
    }

    macro_rules! le {
        ($($t:ty),*) => {$(
            impl Le<{ size_of::<$t>() }> for $t {
                fn to(self) -> [u8; size_of::<$t>()] {
                    self.to_le_bytes()
                }
                fn from(bytes: [u8; size_of::<$t>()]) -> Self {
                    <$t>::from_le_bytes(bytes)
                }
            }
        )*};
    }
    le!(u16, u32, u64);

    pub fn serialize<T: Le<N>, const N: usize, S: Serializer>(
        values: &[T],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to()).collect();
        serializer.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, T: Le<N>, const N: usize, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<T>, D::Error> {
        struct Numbers<T, const N: usize>(std::marker::PhantomData<T>);
        impl<T: Le<N>, const N: usize> Visitor<'_> for Numbers<T, N> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a run of {N}-byte numbers")
            }
            fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
                if !bytes.len().is_multiple_of(N) {
                    return Err(E::custom("a number cut short"));
                }
                Ok(bytes
                    .chunks_exact(N)
                    .map(|c| T::from(c.try_into().unwrap_or([0; N])))
                    .collect())
            }
        }
        deserializer.deserialize_bytes(Numbers(std::marker::PhantomData))
    }
}

/// Runs of letters and digits: the words of a text, as indexed and as searched for.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Runs of at most [`PART`] consecutive candidates of one election.
fn ranges(candidates: &[Candidate]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for i in 1..=candidates.len() {
        let ends = i == candidates.len()
            || i - start == PART
            || candidates[i].election != candidates[start].election;
        if ends {
            ranges.push(start..i);
            start = i;
        }
    }
    ranges
}

/// A hash of the texts a part of `candidates` indexes (as written), started from the cache's own
/// secret `seed`: the same texts give the same hash on every run, any change another, and a
/// candidate who cannot read the cache cannot write a statement that hashes as another part.
fn text_hash(candidates: &[Candidate], seed: u64) -> u128 {
    let mut hash = Lanes::new(seed);
    for candidate in candidates {
        for text in candidate.texts() {
            hash.add(&text.fingerprint(seed).to_le_bytes());
        }
        hash.add(b"\0 next candidate");
    }
    hash.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;

    #[test]
    fn words_order_by_their_prefix_as_they_do_whole() {
        let words = [
            "",
            "a",
            "ab",
            "ab\u{0}",
            "abcdefgh",
            "abcdefg",
            "abcdefghi",
            "abcdefgha",
            "é",
            "zz",
            "abcdefgh\u{0}",
            "\u{0}",
            "ÿ",
            "abcdefgz",
        ];
        for a in words {
            for b in words {
                let by_prefix = prefix(a).cmp(&prefix(b)).then_with(|| a.cmp(b));
                assert_eq!(by_prefix, a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    /// Elections of `sizes` candidates, each with a statement of a few words.
    fn roster(sizes: &[usize]) -> Roster {
        let mut files = Vec::new();
        for (e, &size) in sizes.iter().enumerate() {
            for i in 0..size {
                files.push((
                    format!("e{e}/c{i}.yaml"),
                    format!(
                        "name: C{i}\nstatement: Word{} shared, w{i} ÉLAN e{e}\n",
                        i % 7
                    ),
                ));
            }
        }
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        Roster::from_memory(&refs, Source::Embedded).0
    }

    /// The index as a plain map from word to candidates, built the slow, obvious way.
    fn by_hand(roster: &Roster) -> Vec<(String, Vec<usize>)> {
        let mut all: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (c, candidate) in roster.candidates.iter().enumerate() {
            for text in candidate.texts() {
                for word in words(&text.display().to_lowercase()) {
                    all.entry(word.to_string()).or_default().insert(c);
                }
            }
        }
        all.into_iter()
            .map(|(w, cs)| (w, cs.into_iter().collect()))
            .collect()
    }

    #[test]
    fn the_index_in_parts_is_the_index_built_at_once() {
        let roster = roster(&[1200, 3, 64, 65]);
        let words = Words::with_cache(&roster, None);
        assert_eq!(words.entries(), by_hand(&roster));
        assert!(words.parts.iter().all(|p| p.len <= PART));
        let mut has = vec![false; roster.candidates.len()];
        words.mark("word3", false, &mut has);
        let expected: Vec<bool> = roster
            .candidates
            .iter()
            .map(|c| c.statement.display().starts_with("Word3 "))
            .collect();
        assert_eq!(has, expected);
        let mut has = vec![false; roster.candidates.len()];
        words.mark("éla", true, &mut has);
        assert!(has.iter().all(|&h| h), "a prefix, in lower case");
    }

    #[test]
    fn parts_come_from_the_cache_and_a_changed_text_is_indexed_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path();
        let mut roster = roster(&[100, 5]);
        let first = Words::with_cache(&roster, Some(cache)).entries();
        assert_eq!(first, by_hand(&roster));
        let shelves: Vec<PathBuf> = std::fs::read_dir(cache.join("words"))
            .unwrap()
            .map(|f| f.unwrap().path())
            .collect();
        assert_eq!(shelves.len(), 2, "one shelf per folder");
        assert_eq!(Words::with_cache(&roster, Some(cache)).entries(), first);
        roster.candidates[70].statement = crate::roster::Text::new("Quite new words".into());
        let changed = Words::with_cache(&roster, Some(cache)).entries();
        assert_eq!(changed, by_hand(&roster));
        assert!(changed.iter().any(|(w, cs)| w == "quite" && cs == &[70]));
        // Shelves cut short or filled with noise are rebuilt, never believed.
        for shelf in &shelves {
            let bytes = std::fs::read(shelf).unwrap();
            std::fs::write(shelf, &bytes[..bytes.len() / 2]).unwrap();
        }
        assert_eq!(Words::with_cache(&roster, Some(cache)).entries(), changed);
        for shelf in &shelves {
            let len = std::fs::read(shelf).unwrap().len();
            let noise: Vec<u8> = (0..len).map(|i| (i * 7919 % 251) as u8).collect();
            std::fs::write(shelf, noise).unwrap();
        }
        assert_eq!(Words::with_cache(&roster, Some(cache)).entries(), changed);
    }

    #[test]
    fn parts_read_ahead_are_the_parts_read_after() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path();
        let mut roster = roster(&[100, 5]);
        let first = Words::with_cache(&roster, Some(cache)).entries();
        let folders = vec![PathBuf::from("e0"), PathBuf::from("e1")];
        read_ahead(cache, folders.clone());
        assert_eq!(Words::with_cache(&roster, Some(cache)).entries(), first);
        assert!(ahead(cache).is_none(), "taken by the index built");
        // Read ahead for a roster that then changed: the changed part is built afresh.
        read_ahead(cache, folders);
        roster.candidates[3].statement = crate::roster::Text::new("Brand new words".into());
        let changed = Words::with_cache(&roster, Some(cache)).entries();
        assert_eq!(changed, by_hand(&roster));
        assert!(changed.iter().any(|(w, cs)| w == "brand" && cs == &[3]));
    }

    #[test]
    fn a_part_that_could_not_have_been_built_is_refused() {
        let roster = roster(&[10]);
        let part = Part::build(&roster.candidates);
        assert!(part.is_whole(10));
        assert!(!part.is_whole(9), "for another number of candidates");
        let mut bad = part.clone();
        bad.postings[0] = 10;
        assert!(!bad.is_whole(10), "a candidate out of the part");
        let mut bad = part.clone();
        bad.ends.swap(0, 1);
        assert!(!bad.is_whole(10), "words out of order");
        let mut bad = part.clone();
        bad.starts.pop();
        assert!(!bad.is_whole(10), "postings cut short");
        let mut bad = part.clone();
        bad.words.push('é');
        let end = bad.words.len() - 1;
        *bad.ends.last_mut().unwrap() = u32::try_from(end).unwrap();
        assert!(!bad.is_whole(10), "an end inside a character");
    }
}
