//! Whether a text holds a phrase: words in a row within one paragraph, whatever their case
//! and the white space between them.

/// Whether `text` holds `phrase` (lower case, single spaces), ignoring case, and counting
/// any run of white space within a paragraph (a line break included) as one space. A blank
/// line ends a paragraph: "…the rust" ending one and "Runtime-RS" starting the next are no
/// "rust runtime".
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    // Two characters lower-case to ASCII letters without being ASCII (the Kelvin sign, the
    // dotted capital I): where one could matter, the text is lowered whole.
    let exotic = || !text.is_ascii() && (text.contains('\u{212a}') || text.contains('\u{130}'));
    if !phrase.is_ascii() || exotic() {
        return paragraphs(text).any(|paragraph| {
            let flat = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
            flat.to_lowercase().contains(phrase)
        });
    }
    if phrase.is_empty() {
        return true;
    }
    // Where the text has the phrase's first word, compare from there. The word is found in
    // a copy of the text with its ASCII letters lowered (a buffer per thread, reused), many
    // bytes at a time: looking for its first letter in either case stopped every few bytes.
    let first_word = memchr::memmem::Finder::new(phrase.split(' ').next().unwrap_or(phrase));
    LOWERED.with_borrow_mut(|lowered| {
        lowered.clear();
        lowered.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        // Every place the word starts, overlapping ones too: in "aaa b", "aa b" starts at
        // the second a.
        let mut from = 0;
        while let Some(found) = lowered.get(from..).and_then(|rest| first_word.find(rest)) {
            let at = from + found;
            if phrase_at(text, at, phrase.as_bytes()) {
                return true;
            }
            from = at + 1;
        }
        false
    })
}

thread_local! {
    static LOWERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The paragraphs of `text`: its runs of lines between blank ones.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            let end = paragraph_end(rest);
            let (paragraph, after) = rest.split_at(end);
            rest = after.trim_start_matches(char::is_whitespace);
            if !paragraph.trim().is_empty() {
                return Some(paragraph);
            }
        }
    })
}

/// Where the first paragraph of `text` ends: at its first blank line (or the end).
fn paragraph_end(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at > 0 && line.trim().is_empty() {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// Whether `phrase` (ASCII, lower case, single spaces) starts at byte `at` of `text`, each
/// space of it standing for a run of white space within a paragraph (one line break at
/// most: two are a blank line between paragraphs).
fn phrase_at(text: &str, mut at: usize, phrase: &[u8]) -> bool {
    let bytes = text.as_bytes();
    for &p in phrase {
        if p == b' ' {
            let mut breaks = 0;
            let run = text[at..]
                .char_indices()
                .find(|&(_, c)| {
                    breaks += usize::from(c == '\n');
                    !c.is_whitespace()
                })
                .map_or(text.len() - at, |(i, _)| i);
            if run == 0 || breaks > 1 {
                return false;
            }
            at += run;
        } else {
            match bytes.get(at) {
                Some(b) if b.to_ascii_lowercase() == p => at += 1,
                _ => return false,
            }
        }
    }
    true
}
