//! Search over the roster: fuzzy over short fields, by words over statement text.
//!
//! A fuzzy query against a long statement matches almost anything (and slowly), so names,
//! affiliations and election names are matched fuzzily while statements are matched by word
//! prefix against a sorted word list built once on load. Every whitespace-separated term of a
//! query must match somewhere. Hits keep roster order: search narrows the list, it never
//! reorders it, so no candidate is favoured by the engine's scoring.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::grams;
pub use super::phrase::has_phrase;
use super::words::{Words, words};
use crate::roster::Roster;

/// A fuzzy match must score at least this share of the term's match against itself; below
/// it, the letters are scattered across a name by chance (`tao` in `AnasTAssiOs`).
const MIN_SCORE_RATIO: f64 = 0.7;

/// Terms shorter than this match whole statement words only, not prefixes.
const MIN_PREFIX_LEN: usize = 3;

/// One candidate that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Roster::candidates`].
    pub candidate: usize,
    /// Char positions in the candidate's name that matched, for highlighting.
    pub name_positions: Vec<usize>,
    /// Whether some term matched only in the statement.
    pub in_statement: bool,
}

struct Entry {
    name: String,
    /// The name in lower case, for a cheap check before the fuzzy matcher.
    name_lower: String,
    /// Indices into [`SearchIndex::fields`]: affiliation, election name.
    fields: [usize; 2],
}

/// The search engine: built once per roster, queried on every keystroke.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Affiliations and election names, each once: many candidates share them, so a
    /// keystroke matches each only once.
    fields: Vec<String>,
    /// Every lower-case statement word with the candidates who use it (an inverted index: a
    /// keystroke looks up each term once instead of once per candidate).
    words: Words,
    matcher: SkimMatcherV2,
}

/// What one term of a query needs, worked out once per keystroke.
struct Term<'a> {
    text: &'a str,
    threshold: f64,
    /// Whether each distinct field matches the term.
    fields: Vec<bool>,
    /// Whether each candidate's statement has the term.
    statements: Vec<bool>,
}

impl SearchIndex {
    /// Indexes every candidate's fields and statement words.
    pub fn new<'r>(roster: &'r Roster) -> Self {
        let mut fields: Vec<String> = Vec::new();
        // Each field is copied once, when first met: most are met thousands of times.
        let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut intern = |text: &'r str| {
            *ids.entry(text).or_insert_with(|| {
                fields.push(text.to_string());
                fields.len() - 1
            })
        };
        let field_ids: Vec<[usize; 2]> = roster
            .candidates
            .iter()
            .map(|c| {
                [
                    intern(c.affiliation.as_deref().unwrap_or_default()),
                    intern(&roster.election_of(c).name),
                ]
            })
            .collect();
        let words = Words::new(roster);
        let entries = roster
            .candidates
            .iter()
            .zip(field_ids)
            .map(|(c, fields)| Entry {
                name: c.name.clone(),
                name_lower: c.name.to_lowercase(),
                fields,
            })
            .collect();
        SearchIndex {
            entries,
            fields,
            words,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// Candidate `c`'s name in lower case.
    pub fn name_lower(&self, c: usize) -> &str {
        &self.entries[c].name_lower
    }

    /// Candidates matching every term of `query`, in roster order; all of them for a blank query.
    pub fn search(&self, query: &str, roster: &Roster) -> Vec<Hit> {
        let owned = terms(query);
        if owned.is_empty() {
            // Nothing to match: every candidate, as matching no term would give them.
            return (0..self.entries.len())
                .map(|candidate| Hit {
                    candidate,
                    name_positions: Vec::new(),
                    in_statement: false,
                })
                .collect();
        }
        let terms: Vec<Term> = owned
            .iter()
            .map(|text| {
                let threshold = self.threshold(text);
                let fields = self
                    .fields
                    .iter()
                    .map(|f| {
                        if text.contains(' ') {
                            f.to_lowercase().contains(text.as_str())
                        } else {
                            self.matcher
                                .fuzzy_match(f, text)
                                .is_some_and(|score| score as f64 >= threshold)
                        }
                    })
                    .collect();
                let phrase = text.contains(' ');
                let mut statements = self.statements_with(text);
                if phrase {
                    // Every word is there: now the words in a row, on every core, in the
                    // texts whose words meet as the phrase's do.
                    let meetings = grams::of_phrase(text);
                    for (c, s) in statements.iter_mut().enumerate() {
                        *s = *s && self.words.may_have(c, &meetings);
                    }
                    let with_words: Vec<usize> =
                        (0..statements.len()).filter(|&c| statements[c]).collect();
                    let rows = crate::parallel::map(with_words.clone(), |c| {
                        roster.candidates[c]
                            .texts()
                            .any(|t| t.with_raw(|raw| has_phrase(raw, text)))
                    });
                    for (c, row) in with_words.into_iter().zip(rows) {
                        statements[c] = row;
                    }
                }
                Term {
                    text,
                    threshold,
                    fields,
                    statements,
                }
            })
            .collect();
        let all: Vec<usize> = (0..self.entries.len()).collect();
        crate::parallel::map(all, |i| self.match_entry(i, &terms))
            .into_iter()
            .flatten()
            .collect()
    }

    fn match_entry(&self, candidate: usize, terms: &[Term]) -> Option<Hit> {
        let entry = &self.entries[candidate];
        let mut hit = Hit {
            candidate,
            name_positions: Vec::new(),
            in_statement: false,
        };
        for term in terms {
            // A fuzzy match needs the term's letters in order: checking that first skips
            // the matcher (and its allocations) for almost every name.
            if term.text.contains(' ') {
                // A phrase: in the name, a field or the statement, as written.
                if let Some(at) = entry.name_lower.find(term.text) {
                    let start = entry.name_lower[..at].chars().count();
                    hit.name_positions
                        .extend(start..start + term.text.chars().count());
                } else if !entry.fields.iter().any(|&f| term.fields[f]) {
                    if term.statements[candidate] {
                        hit.in_statement = true;
                    } else {
                        return None;
                    }
                }
                continue;
            }
            let name = is_subsequence(term.text, &entry.name_lower)
                .then(|| self.matcher.fuzzy_indices(&entry.name, term.text))
                .flatten()
                .filter(|(score, _)| *score as f64 >= term.threshold);
            if let Some((_, positions)) = name {
                hit.name_positions.extend(positions);
            } else if !entry.fields.iter().any(|&f| term.fields[f]) {
                if term.statements[candidate] {
                    hit.in_statement = true;
                } else {
                    return None;
                }
            }
        }
        hit.name_positions.sort_unstable();
        hit.name_positions.dedup();
        Some(hit)
    }

    /// For each candidate, whether their statement has every word of `term` (as a whole
    /// word, or as a prefix when the word is long enough).
    fn statements_with(&self, term: &str) -> Vec<bool> {
        let n = self.entries.len();
        let mut all = vec![true; n];
        let mut any = false;
        for part in words(term) {
            any = true;
            let mut has = vec![false; n];
            self.words
                .mark(part, part.chars().count() >= MIN_PREFIX_LEN, &mut has);
            for (a, h) in all.iter_mut().zip(has) {
                *a &= h;
            }
        }
        if !any {
            all.fill(false);
        }
        all
    }

    fn threshold(&self, term: &str) -> f64 {
        let perfect = self.matcher.fuzzy_match(term, term).unwrap_or(0);
        perfect as f64 * MIN_SCORE_RATIO
    }
}

/// Whether the characters of `needle` appear in `haystack` in order.
fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|n| rest.any(|h| h == n))
}

/// The lower-case terms of a query: its words, and each "quoted phrase" as one term (its
/// words separated by single spaces; an unclosed quote runs to the end).
pub fn terms(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        let quoted = i % 2 == 1;
        if quoted {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !phrase.is_empty() {
                out.push(phrase.to_lowercase());
            }
        } else {
            out.extend(part.split_whitespace().map(str::to_lowercase));
        }
    }
    out
}

/// Byte ranges in `line` where a word starts with one of `terms` (case-insensitive): what
/// panes highlight and what `n`/`N` jump between.
pub fn find_in_line(line: &str, terms: &[String]) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    if terms.is_empty() {
        return found;
    }
    let mut prev_alnum = false;
    for (start, c) in line.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            let longest = terms
                .iter()
                .flat_map(|t| words(t))
                .filter_map(|part| prefix_end(&line[start..], part))
                .max();
            if let Some(len) = longest {
                found.push(start..start + len);
            }
        }
        prev_alnum = alnum;
    }
    found
}

/// If `text` starts with `part` ignoring case, the byte length of that prefix in `text`.
fn prefix_end(text: &str, part: &str) -> Option<usize> {
    let mut text_chars = text.char_indices();
    let mut end = 0;
    for p in part.chars() {
        let (i, c) = text_chars.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
        end = i + c.len_utf8();
    }
    let whole_word = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    (whole_word || part.chars().count() >= MIN_PREFIX_LEN).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(roster: &Roster, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| roster.candidates[h.candidate].name.clone())
            .collect()
    }

    #[test]
    fn tao_leaves_tao_peng() {
        let (roster, _) = Roster::embedded();
        let index = SearchIndex::new(&roster);
        assert_eq!(
            names(&roster, &index.search("tao", &roster)),
            vec!["Tao Peng"]
        );
    }

    #[test]
    fn a_blank_query_keeps_everyone_in_order() {
        let (roster, _) = Roster::embedded();
        let index = SearchIndex::new(&roster);
        assert_eq!(index.search("  ", &roster).len(), roster.candidates.len());
    }

    #[test]
    fn names_match_fuzzily_with_positions() {
        let (roster, _) = Roster::embedded();
        let index = SearchIndex::new(&roster);
        let hits = index.search("nanos", &roster);
        assert_eq!(names(&roster, &hits), vec!["Anastassios Nanos"]);
        assert_eq!(hits[0].name_positions, vec![12, 13, 14, 15, 16]);
    }

    #[test]
    fn answers_are_searched_as_statements_are() {
        let (roster, errors) = Roster::from_memory(
            &[
                (
                    "e/a.yaml",
                    "name: Ann\nstatement: Hello.\nanswers:\n  - title: Forges\n    answer: Self-hosted forges cost time.\n",
                ),
                ("e/b.yaml", "name: Bo\nstatement: Forges are fine.\n"),
            ],
            crate::roster::Source::Embedded,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let index = SearchIndex::new(&roster);
        assert_eq!(
            names(&roster, &index.search("hosted", &roster)),
            vec!["Ann"]
        );
        assert_eq!(
            names(&roster, &index.search("\"forges cost\"", &roster)),
            vec!["Ann"]
        );
    }

    #[test]
    fn statement_words_match_by_prefix() {
        let (roster, _) = Roster::embedded();
        let index = SearchIndex::new(&roster);
        let hits = index.search("firecrack", &roster);
        assert_eq!(names(&roster, &hits), vec!["Anastassios Nanos"]);
        assert!(hits[0].in_statement);
        assert_eq!(
            names(&roster, &index.search("confidential", &roster)),
            vec!["Tao Peng"]
        );
    }

    #[test]
    fn every_term_must_match() {
        let (roster, _) = Roster::embedded();
        let index = SearchIndex::new(&roster);
        assert_eq!(
            names(&roster, &index.search("kata hypervisor", &roster)),
            vec!["Anastassios Nanos"]
        );
        assert!(index.search("hypervisor zebra", &roster).is_empty());
    }

    #[test]
    fn a_phrase_is_found_in_place_as_in_a_lowered_flat_copy() {
        let lowered = |text: &str, phrase: &str| {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            flat.to_lowercase().contains(phrase)
        };
        let texts = [
            "Rust runtime",
            "trust\n  RUNTIMES here",
            "rust,runtime",
            "rust\u{a0}\u{2003} runtime",
            "ünïcode rust  runtime ünïcode",
            "the \u{212a}ernel matters",
            "\u{130}stanbul rust",
            "rus t runtime",
            "rust",
            "",
            "rust run",
            "a rust rust runtime",
            "éaaA\ta",
        ];
        let phrases = [
            "rust runtime",
            "kernel matters",
            "i̇stanbul rust",
            "rust run",
            "st r",
            "ü rust",
            "aa a",
        ];
        for text in texts {
            for phrase in phrases {
                assert_eq!(
                    has_phrase(text, phrase),
                    lowered(text, phrase),
                    "{text:?} {phrase:?}"
                );
            }
        }
    }

    #[test]
    fn a_phrase_stays_within_its_paragraph() {
        // "…the rust" ending one paragraph and "Runtime-RS" starting the next once matched.
        for text in [
            "written in the rust\n\nRuntime-RS is next",
            "the rust\r\n\r\nruntime",
            "the rust\n   \n  runtime",
            "the rust\n\u{a0}\nruntime",
            "é the rust\n\nruntime",
        ] {
            assert!(!has_phrase(text, "rust runtime"), "{text:?}");
        }
        for text in [
            "the rust\nruntime",
            "the rust\r\n  runtime",
            "first\n\nthe rust runtime",
            "é the rust\n runtime",
        ] {
            assert!(has_phrase(text, "rust runtime"), "{text:?}");
        }
    }

    #[test]
    fn a_quoted_phrase_matches_the_words_in_a_row_across_line_breaks() {
        let (roster, _) = Roster::from_memory(
            &[
                (
                    "e/a.yaml",
                    "name: Ann\nstatement: I work on edge\n  computing every day.\n",
                ),
                (
                    "e/b.yaml",
                    "name: Bob\nstatement: Computing at the edge of the network.\n",
                ),
            ],
            crate::roster::Source::Embedded,
        );
        let index = SearchIndex::new(&roster);
        let found = |q: &str| names(&roster, &index.search(q, &roster));
        assert_eq!(
            found("edge computing"),
            vec!["Ann", "Bob"],
            "words anywhere"
        );
        assert_eq!(
            found("\"edge computing\""),
            vec!["Ann"],
            "the phrase, across the line break"
        );
        assert_eq!(
            found("\"EDGE   Computing\""),
            vec!["Ann"],
            "case and spaces do not matter"
        );
        assert_eq!(found("\"edge of the\" network"), vec!["Bob"]);
        assert_eq!(
            found("\"edge comp"),
            vec!["Ann"],
            "an unclosed quote is a phrase too, its last word still being typed"
        );
        assert_eq!(terms("a \"b  c\" d"), vec!["a", "b c", "d"]);
    }

    #[test]
    fn fields_match_affiliation_and_election() {
        let (roster, _) = Roster::embedded();
        let index = SearchIndex::new(&roster);
        assert_eq!(
            names(&roster, &index.search("nubificus", &roster)),
            vec!["Anastassios Nanos"]
        );
        assert_eq!(
            names(&roster, &index.search("march 2022", &roster)),
            vec!["Tao Peng"]
        );
    }

    #[test]
    fn short_terms_match_whole_words_only() {
        let roster = Roster::from_memory(
            &[("e/a.yaml", "name: Ann\nstatement: CI and cloud\n")],
            crate::roster::Source::Embedded,
        )
        .0;
        let index = SearchIndex::new(&roster);
        assert_eq!(index.statements_with("ci"), vec![true]);
        assert_eq!(index.statements_with("cl"), vec![false]);
        assert_eq!(index.statements_with("clo"), vec![true]);
        assert_eq!(index.statements_with("clo ci"), vec![true]);
        assert_eq!(index.statements_with("clo zz"), vec![false]);
    }

    #[test]
    fn finds_terms_at_word_starts_ignoring_case() {
        let terms = terms("hyper ci");
        let line = "Hypervisor support, CI and hyper-v; not ciao or superhyper";
        let found: Vec<&str> = find_in_line(line, &terms)
            .into_iter()
            .map(|r| &line[r])
            .collect();
        assert_eq!(found, vec!["Hyper", "CI", "hyper"]);
    }
}
