//! The themes of an election: terms and two-word phrases that distinguish its statements,
//! by TF-IDF over the election's own statements with stop words removed. Every candidate's
//! statement is treated the same way; nothing leaves the machine.

use std::collections::{BTreeMap, HashMap};

/// Words too common to be a theme, sorted so that a lookup is a binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "able",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "already",
    "also",
    "always",
    "am",
    "an",
    "and",
    "any",
    "are",
    "area",
    "areas",
    "aren",
    "around",
    "as",
    "at",
    "based",
    "be",
    "because",
    "become",
    "been",
    "before",
    "being",
    "believe",
    "best",
    "better",
    "between",
    "both",
    "bring",
    "but",
    "by",
    "can",
    "cheers",
    "com",
    "continue",
    "could",
    "currently",
    "did",
    "didn",
    "different",
    "do",
    "does",
    "doesn",
    "doing",
    "don",
    "done",
    "down",
    "during",
    "each",
    "either",
    "elected",
    "election",
    "else",
    "ensure",
    "ensuring",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "forward",
    "from",
    "further",
    "get",
    "getting",
    "github",
    "give",
    "go",
    "going",
    "good",
    "great",
    "had",
    "has",
    "have",
    "having",
    "he",
    "help",
    "helped",
    "helping",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "hope",
    "how",
    "however",
    "http",
    "https",
    "i",
    "if",
    "important",
    "improve",
    "improved",
    "improving",
    "in",
    "including",
    "into",
    "is",
    "isn",
    "it",
    "its",
    "itself",
    "just",
    "know",
    "last",
    "least",
    "less",
    "let",
    "like",
    "ll",
    "look",
    "looking",
    "lot",
    "lots",
    "made",
    "main",
    "make",
    "making",
    "many",
    "may",
    "me",
    "member",
    "members",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "need",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "org",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "part",
    "past",
    "provide",
    "providing",
    "re",
    "really",
    "regards",
    "role",
    "run",
    "running",
    "same",
    "see",
    "serve",
    "serving",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "start",
    "started",
    "still",
    "such",
    "sure",
    "take",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "though",
    "three",
    "through",
    "time",
    "to",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "uses",
    "using",
    "ve",
    "very",
    "via",
    "vote",
    "voting",
    "want",
    "was",
    "wasn",
    "way",
    "ways",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won",
    "work",
    "worked",
    "working",
    "would",
    "www",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// A theme: its term, and how often each candidate's statement mentions it.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The term as most statements write it (`hypervisor`, `confidential containers`).
    pub term: String,
    /// Mentions per candidate, in the order the candidates were given.
    pub mentions: Vec<usize>,
    /// How much the term distinguishes the statements (summed TF-IDF).
    pub weight: f64,
}

/// A term's key: lower case, a plural `s` taken off, so "Hypervisors" and "hypervisor" meet.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// Whether `word` (lower case) is too common to be a theme.
fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The text with web addresses, e-mail addresses and @handles taken out: their pieces
/// ("github", "com", "v1", a user name) are no topics.
fn without_addresses(text: &str) -> String {
    text.split_inclusive(char::is_whitespace)
        .map(|piece| {
            let word = piece
                .trim()
                .trim_start_matches(['(', '[', '<', '"', '\''])
                .to_ascii_lowercase();
            let address = word.starts_with("http://")
                || word.starts_with("https://")
                || word.starts_with("www.")
                || word.starts_with('@')
                || word.contains("](http")
                || (word.contains('@') && word.contains('.'))
                || word.contains("://");
            if address {
                // Keep the space, so the words around it stay apart.
                &piece[piece.trim_end().len()..]
            } else {
                piece
            }
        })
        .collect()
}

/// Words of one statement weighed for its topics: statements run to a few thousand words,
/// and a statement of megabytes must not hold up the rest (its opening words count).
pub const MAX_TOPIC_WORDS: usize = 50_000;

/// The terms of a text: words of two or more letters not in the stop list, and the two-word
/// phrases they form; at most [`MAX_TOPIC_WORDS`] words are read.
fn terms(text: &str) -> Vec<(String, String)> {
    let text = without_addresses(text);
    let words: Vec<&str> = text
        // "I've" and "project's" end in pieces the stop list knows ("ve", "s").
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .take(MAX_TOPIC_WORDS)
        .collect();
    // A version ("v1", "v1.30" splits into "v1" and "30") names no topic.
    let version = |w: &str| {
        w.strip_prefix(['v', 'V'])
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    };
    let keep = |w: &str| {
        w.chars().count() >= 2
            && w.chars().any(char::is_alphabetic)
            && !version(w)
            && !is_stop_word(&w.to_lowercase())
    };
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !keep(w) {
            continue;
        }
        out.push((stem(w), w.to_lowercase()));
        if let Some(next) = words.get(i + 1).filter(|n| keep(n)) {
            out.push((
                format!("{} {}", stem(w), stem(next)),
                format!("{} {}", w.to_lowercase(), next.to_lowercase()),
            ));
        }
    }
    out
}

/// The `max` most distinguishing themes of the given statements.
pub fn themes(statements: &[&str], max: usize) -> Vec<Theme> {
    let n = statements.len();
    if n == 0 {
        return Vec::new();
    }
    // Per statement: term key → count; and every surface form seen for a key.
    let mut counts: Vec<HashMap<String, usize>> = Vec::with_capacity(n);
    let mut forms: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
    let mut lengths = Vec::with_capacity(n);
    for text in statements {
        let mut c = HashMap::new();
        let all = terms(text);
        lengths.push(all.len().max(1));
        for (key, form) in all {
            *c.entry(key.clone()).or_insert(0) += 1;
            *forms.entry(key).or_default().entry(form).or_insert(0) += 1;
        }
        counts.push(c);
    }
    let mut df: HashMap<&str, usize> = HashMap::new();
    for c in &counts {
        for key in c.keys() {
            *df.entry(key.as_str()).or_insert(0) += 1;
        }
    }
    let mut scored: Vec<Theme> = df
        .iter()
        .filter(|(key, d)| {
            let total: usize = counts
                .iter()
                .map(|c| c.get(**key).copied().unwrap_or(0))
                .sum();
            // Distinguishing: in at most half the statements (when there are several), and
            // meant: said at least twice.
            (n == 1 || **d <= n.div_ceil(2).max(1)) && total >= 2
        })
        .map(|(key, d)| {
            let idf = ((n as f64 + 1.0) / (*d as f64)).ln();
            let weight = counts
                .iter()
                .zip(&lengths)
                .map(|(c, len)| c.get(*key).copied().unwrap_or(0) as f64 / *len as f64 * idf)
                .sum::<f64>()
                * if key.contains(' ') { 1.5 } else { 1.0 };
            let term = forms[*key]
                .iter()
                // The most used form; on a tie the shorter ("hypervisor" over "hypervisors").
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.len().cmp(&a.0.len())))
                .map(|(form, _)| form.clone())
                .unwrap_or_else(|| (*key).to_string());
            Theme {
                term,
                mentions: counts
                    .iter()
                    .map(|c| c.get(*key).copied().unwrap_or(0))
                    .collect(),
                weight,
            }
        })
        .collect();
    scored.sort_by(|a, b| {
        b.weight
            .partial_cmp(&a.weight)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.term.cmp(&b.term))
    });
    // A word already inside a chosen phrase with the same mentions adds nothing.
    let mut chosen: Vec<Theme> = Vec::new();
    for theme in scored {
        let covered = chosen.iter().any(|c| {
            (c.term.split(' ').any(|w| w == theme.term)
                || theme.term.split(' ').any(|w| w == c.term))
                && c.mentions
                    .iter()
                    .zip(&theme.mentions)
                    .all(|(a, b)| (*a > 0) == (*b > 0))
        });
        if !covered {
            chosen.push(theme);
        }
        if chosen.len() == max {
            break;
        }
    }
    chosen
}

/// A table of themes (rows) by candidates (columns), as plain text.
pub fn table(names: &[&str], themes: &[Theme]) -> String {
    let term_width = themes
        .iter()
        .map(|t| crate::text::wrap::width(&t.term))
        .max()
        .unwrap_or(5)
        .max(5);
    let short: Vec<String> = names
        .iter()
        .map(|n| crate::text::wrap::truncate(n.split_whitespace().next().unwrap_or(n), 10))
        .collect();
    let mut out = format!("{:<term_width$}", "theme");
    for s in &short {
        out.push_str(&format!("  {s:>10}"));
    }
    out.push('\n');
    for theme in themes {
        let pad = term_width.saturating_sub(crate::text::wrap::width(&theme.term));
        out.push_str(&theme.term);
        out.push_str(&" ".repeat(pad));
        for count in &theme.mentions {
            let cell = if *count == 0 {
                "·".to_string()
            } else {
                count.to_string()
            };
            out.push_str(&format!("  {cell:>10}"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguishing_terms_rank_first() {
        let a = "Hypervisors matter. I work on hypervisor support and the hypervisor CI.";
        let b = "Confidential containers are the future. Confidential containers need care.";
        let c = "I care about CI stability and the CI pipeline, and the community.";
        let found = themes(&[a, b, c], 6);
        let terms: Vec<&str> = found.iter().map(|t| t.term.as_str()).collect();
        assert!(terms.contains(&"hypervisor"), "{terms:?}");
        assert!(terms.contains(&"confidential containers"), "{terms:?}");
        assert!(terms.contains(&"ci"), "{terms:?}");
        let hyper = found.iter().find(|t| t.term == "hypervisor").unwrap();
        assert_eq!(hyper.mentions, vec![3, 0, 0]);
    }

    #[test]
    fn addresses_and_handles_are_no_topics() {
        let text = "See https://kubernetes.io/docs/v1/soltysh and www.example.org, mail me at \
                    jane@example.org or ping @soltysh; [my talk](https://youtu.be/x) on security.";
        let found: Vec<String> = terms(text).into_iter().map(|(key, _)| key).collect();
        for piece in [
            "kubernetes",
            "io",
            "soltysh",
            "v1",
            "example",
            "youtu",
            "org",
        ] {
            assert!(
                !found.iter().any(|k| k.split(' ').any(|w| w == piece)),
                "{piece}: {found:?}"
            );
        }
        assert!(found.iter().any(|k| k == "security"), "{found:?}");
        assert!(found.iter().any(|k| k == "mail"), "{found:?}");
        let versions: Vec<String> = terms("Kubernetes v1.30 and V2 with vim")
            .into_iter()
            .map(|(key, _)| key)
            .collect();
        assert!(
            !versions.iter().any(|k| k == "v1" || k == "v2"),
            "{versions:?}"
        );
        assert!(versions.iter().any(|k| k == "vim"), "{versions:?}");
    }

    #[test]
    fn a_huge_statement_counts_its_opening_words_only() {
        let huge = "kubernetes ".repeat(MAX_TOPIC_WORDS) + &"hypervisor ".repeat(1_000);
        let found = terms(&huge);
        assert_eq!(
            found.len(),
            MAX_TOPIC_WORDS * 2 - 1,
            "words and the phrases between them"
        );
        assert!(found.iter().all(|(key, _)| !key.contains("hypervisor")));
    }

    #[test]
    fn the_stop_words_are_sorted_and_found() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        for word in STOP_WORDS {
            assert!(is_stop_word(word), "{word}");
        }
        assert!(!is_stop_word("hypervisor"));
        assert!(!is_stop_word("zzz"));
        assert!(!is_stop_word(""));
    }

    #[test]
    fn stop_words_and_shared_words_are_no_themes() {
        let found = themes(
            &["the project and the kata project", "the kata project again"],
            10,
        );
        assert!(found.iter().all(|t| t.term != "the" && t.term != "kata"));
    }

    #[test]
    fn the_table_lines_up() {
        let found = vec![Theme {
            term: "ci".into(),
            mentions: vec![2, 0],
            weight: 1.0,
        }];
        assert_eq!(
            table(&["Ann Lee", "Bob"], &found),
            "theme         Ann         Bob\nci              2           ·\n"
        );
    }
}
