//! The same person across elections, and what changed between their statements.
//!
//! Candidates are the same person when they share an e-mail address, a GitHub handle or a
//! normalised name (lower case, words sorted, so "Peng, Tao" is "Tao Peng").

use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::roster::dates;
use crate::roster::{Candidate, Roster};
use crate::text::markdown::{self, BlockKind};

/// The keys that identify a person.
fn keys(c: &Candidate) -> Vec<String> {
    let mut out: Vec<String> = c
        .emails
        .iter()
        .map(|e| format!("email:{}", e.to_lowercase()))
        .collect();
    out.extend(
        c.links
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("github"))
            .map(|(_, v)| format!("github:{}", v.trim_start_matches('@').to_lowercase())),
    );
    let mut words: Vec<String> = c
        .name
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() >= 2 {
        words.sort();
        out.push(format!("name:{}", words.join(" ")));
    }
    out
}

/// Every candidacy of the person `candidate` is, oldest first (by when voting closed, else
/// by the election's place in the roster).
pub fn candidacies(roster: &Roster, candidate: usize) -> Vec<usize> {
    // Union-find over candidates that share a key.
    let n = roster.candidates.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut first_with: HashMap<String, usize> = HashMap::new();
    for (i, c) in roster.candidates.iter().enumerate() {
        for key in keys(c) {
            match first_with.get(&key) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    first_with.insert(key, i);
                }
            }
        }
    }
    let root = find(&mut parent, candidate);
    let mut same: Vec<usize> = (0..n).filter(|&i| find(&mut parent, i) == root).collect();
    same.sort_by_key(|&i| {
        let election = &roster.elections[roster.candidates[i].election];
        (
            dates::approximate(election),
            roster.candidates[i].election,
            i,
        )
    });
    same
}

/// One word of a compared statement, and whether the other side lacks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffWord {
    /// The word as written.
    pub word: String,
    /// Whether the other statement lacks it.
    pub changed: bool,
    /// The block (paragraph, heading, list item) the word belongs to, by number: see
    /// [`shapes_of`].
    pub paragraph: usize,
}

/// How much two statements share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Words both statements have.
    pub kept: usize,
    /// Words only the newer one has.
    pub added: usize,
    /// Words only the older one has.
    pub removed: usize,
    /// False when the pair was too large to compare word by word: then every word counts
    /// as added or removed and none is marked.
    pub compared: bool,
}

impl Summary {
    /// Share of the newer statement's words that were already in the older one.
    pub fn unchanged_percent(&self) -> usize {
        (self.kept * 100)
            .checked_div(self.kept + self.added)
            .unwrap_or(100)
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.compared {
            return write!(
                f,
                "{} and {} words: too large to compare word by word, shown side by side unmarked",
                self.removed, self.added
            );
        }
        write!(
            f,
            "{} words kept, {} added, {} removed ({}% of the newer text unchanged)",
            self.kept,
            self.added,
            self.removed,
            self.unchanged_percent()
        )
    }
}

/// How one block of a statement is drawn: a heading, a paragraph, a list item behind its
/// marker, code. The word diff keeps each word's block, so the history view draws the
/// statements as the panes do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockShape {
    /// What the block is.
    pub kind: BlockKind,
    /// Drawn before its first line (a list marker, quote bars).
    pub prefix: String,
    /// Drawn before its other lines.
    pub continuation: String,
}

/// A statement's blocks: rendered Markdown blocks, or the paragraphs of plain text, each
/// with its words.
fn blocks_of(text: &str) -> Vec<(BlockShape, String)> {
    if markdown::is_markdown(text) {
        return markdown::parse(text)
            .into_iter()
            .map(|block| {
                let shape = BlockShape {
                    kind: block.kind,
                    prefix: block.prefix,
                    continuation: block.continuation,
                };
                (shape, block.text)
            })
            .collect();
    }
    text.split("\n\n")
        .map(|paragraph| {
            let shape = BlockShape {
                kind: BlockKind::Paragraph,
                prefix: String::new(),
                continuation: String::new(),
            };
            (shape, paragraph.to_string())
        })
        .collect()
}

/// The shapes of a statement's blocks, by the block numbers its diff words carry.
pub fn shapes_of(text: &str) -> Vec<BlockShape> {
    blocks_of(text)
        .into_iter()
        .map(|(shape, _)| shape)
        .collect()
}

fn words_of(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (b, (_, block)) in blocks_of(text).into_iter().enumerate() {
        out.extend(block.split_whitespace().map(|w| (w.to_string(), b)));
    }
    out
}

/// Most words, both statements together, compared word by word; a larger pair is shown
/// side by side, unmarked, and says so. (Statements run to a few thousand words.)
pub const MAX_DIFF_WORDS: usize = 200_000;

/// Longest a word diff may search for the smallest difference before it settles for a
/// coarser one (still a true diff: kept words are kept, only less tightly matched).
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_secs(1);

/// A word-level diff: the older statement's words (removed ones marked), the newer one's
/// (added ones marked), and the summary. Bounded: see [`MAX_DIFF_WORDS`].
pub fn diff(older: &str, newer: &str) -> (Vec<DiffWord>, Vec<DiffWord>, Summary) {
    let old = words_of(older);
    let new = words_of(newer);
    if old.len() + new.len() > MAX_DIFF_WORDS {
        let unmarked = |words: Vec<(String, usize)>| -> Vec<DiffWord> {
            words
                .into_iter()
                .map(|(word, paragraph)| DiffWord {
                    word,
                    changed: false,
                    paragraph,
                })
                .collect()
        };
        let summary = Summary {
            kept: 0,
            added: new.len(),
            removed: old.len(),
            compared: false,
        };
        return (unmarked(old), unmarked(new), summary);
    }
    let old_words: Vec<&str> = old.iter().map(|(w, _)| w.as_str()).collect();
    let new_words: Vec<&str> = new.iter().map(|(w, _)| w.as_str()).collect();
    let mut old_changed = vec![true; old.len()];
    let mut new_changed = vec![true; new.len()];
    let mut kept = 0;
    let deadline = std::time::Instant::now() + DIFF_DEADLINE;
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &old_words, &new_words, Some(deadline));
    for op in ops {
        if op.tag() == DiffTag::Equal {
            for i in op.old_range() {
                old_changed[i] = false;
            }
            for i in op.new_range() {
                new_changed[i] = false;
            }
            kept += op.old_range().len();
        }
    }
    let side = |words: Vec<(String, usize)>, changed: Vec<bool>| -> Vec<DiffWord> {
        words
            .into_iter()
            .zip(changed)
            .map(|((word, paragraph), changed)| DiffWord {
                word,
                changed,
                paragraph,
            })
            .collect()
    };
    let summary = Summary {
        kept,
        added: new.len() - kept,
        removed: old.len() - kept,
        compared: true,
    };
    (side(old, old_changed), side(new, new_changed), summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::Source;

    #[test]
    fn a_pair_too_large_to_diff_is_shown_unmarked_and_says_so() {
        let half = MAX_DIFF_WORDS / 2;
        let older = "alpha ".repeat(half);
        let newer = "beta ".repeat(half + 1);
        let (old, new, summary) = diff(&older, &newer);
        assert!(!summary.compared);
        assert_eq!((old.len(), new.len()), (half, half + 1));
        assert!(old.iter().chain(&new).all(|w| !w.changed), "nothing marked");
        assert!(
            summary
                .to_string()
                .contains("too large to compare word by word")
        );
        // One word fewer and the pair is compared.
        let (_, _, summary) = diff(&older, &"beta ".repeat(half));
        assert!(summary.compared);
        assert_eq!(
            (summary.kept, summary.added, summary.removed),
            (0, half, half)
        );
    }

    #[test]
    fn the_same_person_is_found_by_email_handle_or_name() {
        let (roster, _) = Roster::from_memory(
            &[
                (
                    "a/election.yaml",
                    "name: A\ndates: {voting_close: '2021-01-01'}\n",
                ),
                (
                    "a/x.yaml",
                    "name: Peng, Tao\nemail: t@x\nstatement: one two three\n",
                ),
                (
                    "b/election.yaml",
                    "name: B\ndates: {voting_close: '2022-01-01'}\n",
                ),
                ("b/y.yaml", "name: Tao Peng\nstatement: one two four\n"),
                (
                    "c/election.yaml",
                    "name: C\ndates: {voting_close: '2020-01-01'}\n",
                ),
                ("c/z.yaml", "name: T. P.\nemail: T@X\nstatement: zero\n"),
                ("c/other.yaml", "name: Someone Else\nstatement: x\n"),
            ],
            Source::Embedded,
        );
        let tao = roster
            .candidates
            .iter()
            .position(|c| c.name == "Tao Peng")
            .unwrap();
        let found: Vec<&str> = candidacies(&roster, tao)
            .iter()
            .map(|&c| roster.candidates[c].name.as_str())
            .collect();
        assert_eq!(
            found,
            vec!["T. P.", "Peng, Tao", "Tao Peng"],
            "oldest first"
        );
    }

    #[test]
    fn a_word_diff_marks_what_changed() {
        let (old, new, summary) = diff("I like CI.\n\nAnd Rust.", "I love CI.\n\nAnd Rust and Go.");
        let changed = |side: &[DiffWord]| -> Vec<String> {
            side.iter()
                .filter(|w| w.changed)
                .map(|w| w.word.clone())
                .collect()
        };
        assert_eq!(changed(&old), vec!["like", "Rust."]);
        assert_eq!(changed(&new), vec!["love", "Rust", "and", "Go."]);
        assert_eq!(
            summary,
            Summary {
                kept: 3,
                added: 4,
                removed: 2,
                compared: true,
            }
        );
        assert_eq!(new[3].paragraph, 1);
    }
}
