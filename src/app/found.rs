//! Where a pane's lines hold the search: each word as the list finds it (a word starting
//! with the term), each "quoted phrase" as words in a row within one paragraph, list item or
//! table cell, across the pane's wrapped lines, as `list --filter` matches it.

use std::ops::Range;

use super::lines::{LineKind, PaneLine};
use crate::analysis::search::find_in_line;

/// One place the search is found: the line it starts on, and its pieces (a phrase wrapped
/// over two lines has two), each a line and a byte range of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The line it starts on.
    pub line: usize,
    /// (line, bytes of its text), in order.
    pub parts: Vec<(usize, Range<usize>)>,
}

/// Every place `terms` (as [`crate::analysis::search::terms`] gives them) are found in
/// `lines`, in reading order.
pub fn occurrences(lines: &[PaneLine], terms: &[String]) -> Vec<Occurrence> {
    let (phrases, words): (Vec<String>, Vec<String>) =
        terms.iter().cloned().partition(|t| t.contains(' '));
    let mut found = Vec::new();
    if !words.is_empty() {
        for (i, line) in lines.iter().enumerate() {
            for range in find_in_line(&line.text, &words) {
                found.push(Occurrence {
                    line: i,
                    parts: vec![(i, range)],
                });
            }
        }
    }
    if !phrases.is_empty() {
        for group in paragraphs(lines) {
            let flat = Flat::of(lines, group);
            for phrase in &phrases {
                found.extend(flat.find(phrase));
            }
        }
    }
    found.sort_by_key(|o| (o.line, o.parts.first().map_or(0, |(_, r)| r.start)));
    found
}

/// The runs of lines that are one paragraph: a blank line, a change of kind or a field ends
/// one. A list item or a table cell needs no break of its own: its marker (`•`, `2.`, `│`)
/// stays in the text, and no phrase runs across it.
fn paragraphs(lines: &[PaneLine]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        let blank = line.text.trim().is_empty();
        let breaks = start
            .is_some_and(|s: usize| lines[s].kind != line.kind || line.kind == LineKind::Field);
        if let Some(s) = start
            && (blank || breaks)
        {
            out.push(s..i);
            start = None;
        }
        if !blank && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

/// A paragraph as one lower-case line, each run of white space (a line break included) one
/// space, with where each of its bytes came from.
struct Flat {
    text: String,
    /// Per byte of `text`: (line, bytes of the character it came from); `None` for a space
    /// standing for a line break.
    from: Vec<Option<(usize, Range<usize>)>>,
}

impl Flat {
    fn of(lines: &[PaneLine], group: Range<usize>) -> Flat {
        let mut flat = Flat {
            text: String::new(),
            from: Vec::new(),
        };
        for i in group {
            if !flat.text.is_empty() && !flat.text.ends_with(' ') {
                flat.push(' ', None);
            }
            for (at, c) in lines[i].text.char_indices() {
                let origin = Some((i, at..at + c.len_utf8()));
                if c.is_whitespace() {
                    if !flat.text.is_empty() && !flat.text.ends_with(' ') {
                        flat.push(' ', origin);
                    }
                } else {
                    for lower in c.to_lowercase() {
                        flat.push(lower, origin.clone());
                    }
                }
            }
        }
        flat
    }

    fn push(&mut self, c: char, origin: Option<(usize, Range<usize>)>) {
        self.text.push(c);
        self.from.extend(std::iter::repeat_n(origin, c.len_utf8()));
    }

    /// Every place `phrase` (lower case, single spaces) is found, overlapping ones too.
    fn find(&self, phrase: &str) -> Vec<Occurrence> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(found) = self.text.get(from..).and_then(|rest| rest.find(phrase)) {
            let start = from + found;
            let mut parts: Vec<(usize, Range<usize>)> = Vec::new();
            for (line, range) in self.from[start..start + phrase.len()].iter().flatten() {
                match parts.last_mut() {
                    Some((l, r)) if l == line => r.end = r.end.max(range.end),
                    _ => parts.push((*line, range.clone())),
                }
            }
            if let Some(&(line, _)) = parts.first() {
                out.push(Occurrence { line, parts });
            }
            // The next place starts after this one's first character.
            from = start + self.text[start..].chars().next().map_or(1, char::len_utf8);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(texts: &[&str]) -> Vec<PaneLine> {
        texts
            .iter()
            .map(|t| PaneLine {
                text: t.to_string(),
                kind: LineKind::Body,
                marks: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_phrase_is_found_across_a_wrapped_line_and_highlighted_in_both() {
        let lines = body(&["we need the Rust", "  Runtime soon, the rust runtime"]);
        let found = occurrences(&lines, &["rust runtime".to_string()]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].parts, vec![(0, 12..16), (1, 2..9)]);
        assert_eq!(found[1].parts, vec![(1, 20..32)]);
    }

    #[test]
    fn a_phrase_stays_within_its_paragraph_and_its_list_item() {
        let lines = body(&["ending with the rust", "", "Runtime-RS begins"]);
        assert!(occurrences(&lines, &["rust runtime".to_string()]).is_empty());
        let lines = body(&["• the rust", "• runtime is next"]);
        assert!(occurrences(&lines, &["rust runtime".to_string()]).is_empty());
        let lines = body(&["• the rust", "  runtime is next"]);
        assert_eq!(occurrences(&lines, &["rust runtime".to_string()]).len(), 1);
    }

    #[test]
    fn words_and_phrases_together_in_reading_order() {
        let lines = body(&["CI first, then the build farm", "and CI again"]);
        let terms = ["build farm".to_string(), "ci".to_string()];
        let found: Vec<usize> = occurrences(&lines, &terms).iter().map(|o| o.line).collect();
        assert_eq!(found, [0, 0, 1]);
    }
}
