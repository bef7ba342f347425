//! What a document says of its election in its own words: the title, the seats, the dates,
//! the results.

use super::super::document::{Document, Kind};
use super::names;

/// The election as one document describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    /// Its title.
    pub title: Option<String>,
    /// Seats to fill, where the text says so plainly.
    pub seats: Option<u32>,
    /// Named dates as written (`Voting Opens`, `2025-08-01 12:01AM Pacific`).
    pub dates: Vec<(String, String)>,
    /// The results section, as written.
    pub results: Option<String>,
    /// What the document says before its candidates (a document of many).
    pub description: Option<String>,
}

/// The title: front matter's (its subtitle where the title is one word such as
/// "Election"), an RST header's `Title:`, else the first top-level heading; "Candidates"
/// at its end dropped, it names the document, not the election.
pub fn title(doc: &Document) -> Option<String> {
    let front = doc.front("title").map(str::to_string);
    let front = match front {
        Some(t) if t.split_whitespace().count() == 1 => {
            doc.front("subtitle").map(str::to_string).or(Some(t))
        }
        other => other,
    };
    let title = front.or_else(|| {
        let top = doc.headings().map(|(_, level, _)| level).min()?;
        doc.headings()
            .find(|(_, level, _)| *level == top && top <= 2)
            .map(|(_, _, t)| t.text.clone())
    })?;
    let t = title.trim();
    let t = ["Candidates", "candidates", "Nominees", "nominees"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t)
        .trim()
        .trim_end_matches([':', '-', '–'])
        .trim();
    (!t.is_empty() && names::person(t).is_none()).then(|| t.to_string())
}

const NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

fn number(word: &str) -> Option<u32> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    w.parse()
        .ok()
        .or_else(|| NUMBERS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v))
        .filter(|n| (1..=50).contains(n))
}

/// Seats as the text states them: "two Board seats", "elect 3 seats", "the two board slots",
/// "Number of winners: 5".
pub fn seats(doc: &Document) -> Option<u32> {
    for words in doc.blocks.iter().flat_map(|b| block_texts(&b.kind)) {
        let w: Vec<&str> = words.split_whitespace().collect();
        for (i, word) in w.iter().enumerate() {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            let is = |w: &str| core.eq_ignore_ascii_case(w);
            if is("seats") || is("seat") || is("slots") || is("positions") {
                // The number is just before, or one word (an adjective) before that.
                let n = (1..=3)
                    .filter_map(|back| i.checked_sub(back).map(|j| w[j]))
                    .find_map(number);
                if n.is_some() {
                    return n;
                }
            }
            if is("winners")
                && let Some(n) = w.get(i + 1).and_then(|n| number(n))
            {
                return Some(n);
            }
        }
    }
    None
}

/// The texts of a block a reader reads as sentences: a paragraph, each list item.
fn block_texts(kind: &Kind) -> Vec<&str> {
    match kind {
        Kind::Paragraph(p) => vec![p.text.as_str()],
        Kind::List(items) => items.iter().map(|i| i.words.text.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// Dates given as `Key: value` items (`Voting Opens: 2025-08-01 12:01AM Pacific`).
pub fn dates(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        let Kind::List(items) = &block.kind else {
            continue;
        };
        for item in items {
            let Some((key, value)) = item.words.text.split_once(':') else {
                continue;
            };
            let key = key.trim();
            let value = value.trim();
            let dated = value
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() == 4 && n.starts_with("20"));
            let lower = key.to_lowercase();
            let about = [
                "vot", "nominat", "election", "ballot", "result", "begin", "end", "open", "close",
            ]
            .iter()
            .any(|w| lower.contains(w));
            if dated && about && key.split_whitespace().count() <= 6 {
                out.push((key.to_string(), value.to_string()));
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    if out.is_empty() {
        out = dates_in_prose(doc);
    }
    out
}

/// What a sentence says happens on a date: "Voting opens 2026-03-09".
const EVENTS: &[&str] = &[
    "voting opens",
    "voting closes",
    "voting ends",
    "voting starts",
    "voting begins",
    "nominations open",
    "nominations close",
    "nominations end",
    "election day",
    "results announced",
];

/// Dates where a sentence states them plainly: an event of [`EVENTS`] followed by a date
/// written `YYYY-MM-DD` ("Voting opens 2026-03-09", "voting closes on 2026-03-16").
fn dates_in_prose(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // Only a text holding a date can state one: most hold none and are passed over unread.
    let texts = doc.blocks.iter().flat_map(|b| block_texts(&b.kind));
    for words in texts.filter(|w| holds_iso_date(w)) {
        let lower = words.to_lowercase();
        for event in EVENTS {
            let Some(at) = lower.find(event) else {
                continue;
            };
            // The date within a few words after the event.
            let after = &words[(at + event.len()).min(words.len())..];
            let date = after
                .split_whitespace()
                .take(4)
                .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
                .find(|w| is_iso_date(w));
            if let Some(date) = date {
                let key = &words[at..at + event.len()];
                if !out
                    .iter()
                    .any(|(k, _): &(String, String)| k.eq_ignore_ascii_case(key))
                {
                    out.push((key.to_string(), date.to_string()));
                }
            }
        }
    }
    out
}

/// Whether `text` holds four digits and a dash, where every `YYYY-MM-DD` starts.
fn holds_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'-', bytes)
        .any(|at| at >= 4 && bytes[at - 4..at].iter().all(u8::is_ascii_digit))
}

fn is_iso_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len())
        && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

/// The section headed "Results" (any level), as written.
pub fn results(doc: &Document, text: &str) -> Option<String> {
    let (i, _, _) = doc.headings().find(|(_, _, t)| {
        let l = t.text.to_lowercase();
        l == "results" || l.starts_with("results") || l.ends_with("results")
    })?;
    let start = doc.blocks[i].span.start;
    let end = doc.section_end(i, text.len());
    let written = doc.written(text, start..end);
    let written = written.trim();
    (!written.is_empty()).then(|| written.to_string())
}

/// Everything the document says of its election.
pub fn facts(doc: &Document, text: &str) -> Facts {
    Facts {
        title: title(doc),
        seats: seats(doc),
        dates: dates(doc),
        results: results(doc, text),
        description: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_seen_wherever_it_stands_in_a_text() {
        for text in [
            "2030-03-09",
            "Voting opens 2030-03-09.",
            "on (2030-3-9)",
            "x 1-2 then 2030-03-16",
        ] {
            assert!(holds_iso_date(text), "{text}");
        }
        for text in ["", "-", "203-03-09", "twenty-thirty", "20a0-03-09", "2030"] {
            assert!(!holds_iso_date(text), "{text}");
        }
    }
}
