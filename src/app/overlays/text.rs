//! What the text overlays say (the keys, the load errors and notices, the current
//! election, the outline), as plain lines: the state measures them to bound scrolling, and
//! the renderer draws them.

use super::super::scroll::Scroll;
use super::outcome::Outcome;
use crate::action::{Action, Overlay};
use crate::layout::WHEEL_LINES;
use crate::roster::{Election, LoadError, dates};
use crate::text::markdown;
use crate::text::sanitize::sanitize_line;

/// A text overlay's state: which one, and how far it is scrolled.
#[derive(Debug)]
pub struct TextView {
    pub kind: Overlay,
    pub scroll: Scroll,
}

impl TextView {
    /// Keys of a text overlay: scroll, or close.
    pub fn update(&mut self, action: Action) -> Outcome {
        let scroll = &mut self.scroll;
        match action {
            Action::Down => scroll.by(1),
            Action::Up => scroll.by(-1),
            Action::PageDown => scroll.pages(1),
            Action::PageUp => scroll.pages(-1),
            Action::Top => scroll.to(0),
            Action::Bottom => scroll.to(usize::MAX),
            Action::Wheel { lines, .. } => scroll.by(isize::from(lines) * WHEEL_LINES),
            Action::Back
            | Action::Help
            | Action::ShowErrors
            | Action::ElectionInfo
            | Action::Outline
            | Action::Click { .. } => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }
}

/// The help text, one entry per line: the voter's own keys first, then every table.
pub fn help_lines(yours: &[(String, String)]) -> Vec<String> {
    let mut lines = Vec::new();
    if !yours.is_empty() {
        lines.push("Your keys (config.toml), before the ones below".to_string());
        for (key, action) in yours {
            lines.push(format!("  {key:<10} {action}"));
        }
    }
    // The same sections as `hustings man`'s KEYS.
    for (title, table) in crate::keymap::SECTIONS {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push((*title).to_string());
        for b in *table {
            lines.push(format!("  {:<10} {}", b.label, b.help));
        }
    }
    lines.push(String::new());
    lines.push("Mouse: the wheel scrolls the pane under it; a click selects or focuses.".into());
    lines.push("Ctrl-C quits from anywhere.".into());
    lines
}

/// The load errors, then the notices, then the files left out as no candidate.
pub fn errors_text(
    errors: &[LoadError],
    notices: &[String],
    skipped: &[(String, String)],
) -> String {
    let mut text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    if !errors.is_empty() && !notices.is_empty() {
        text.push(String::new());
    }
    text.extend(notices.iter().map(|n| sanitize_line(n).text));
    if !skipped.is_empty() {
        if !text.is_empty() {
            text.push(String::new());
        }
        text.push(skipped_summary(skipped.len()) + ":");
        text.extend(skipped.iter().map(|(path, why)| format!("  {path}: {why}")));
    }
    text.join("\n")
}

/// "N files left out as no candidate".
pub fn skipped_summary(count: usize) -> String {
    format!(
        "{count} file{} left out as no candidate",
        if count == 1 { "" } else { "s" }
    )
}

/// The election's facts: seats, progress, every date in UTC and local time, time left.
pub fn election_text(
    election: &Election,
    (read, total): (usize, usize),
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let mut text = Vec::new();
    let mut facts = Vec::new();
    if let Some(project) = &election.project {
        facts.push(project.clone());
    }
    if let Some(seats) = election.seats {
        facts.push(format!("{seats} seat{}", if seats == 1 { "" } else { "s" }));
    }
    facts.push(format!("{total} candidates, {read} read"));
    text.push(facts.join(" · "));
    match dates::voting_close(election) {
        Some(close) if close > now => text.push(format!(
            "Voting closes {}: {}",
            dates::relative(close, now),
            dates::shown(close)
        )),
        Some(close) => text.push(format!(
            "Voting closed {}: {}",
            dates::relative(close, now),
            dates::shown(close)
        )),
        None => text.push("No closing date given.".to_string()),
    }
    let when = dates::of(election);
    if !when.is_empty() {
        text.push(String::new());
        text.push("Dates".to_string());
        for w in when {
            let shown = w.at.map_or_else(|| w.text.clone(), dates::shown);
            text.push(format!("  {}: {shown}", capitalise(&w.key)));
        }
    }
    if !election.incumbents.is_empty() {
        text.push(String::new());
        text.push(format!("Incumbents: {}", election.incumbents.join(", ")));
    }
    for (key, value) in &election.extra {
        text.push(String::new());
        if value.contains('\n') {
            text.push(format!("{}:", capitalise(key)));
            // A description or results page is a Markdown file (`election_desc.md`, a post),
            // marked up or not; other keys are read for what they look like.
            let markdown =
                matches!(key.as_str(), "description" | "results") || markdown::is_markdown(value);
            text.extend(
                readable_lines(value, markdown)
                    .into_iter()
                    .map(|l| format!("  {l}")),
            );
        } else {
            text.push(format!("{}: {value}", capitalise(key)));
        }
    }
    text.push(String::new());
    text.push(format!("Folder: {}", election.folder));
    text.join("\n")
}

/// A longer text as it reads: Markdown rendered to plain lines (headings without their `#`,
/// list items behind their markers, links as their words and address), plain text as
/// written.
fn readable_lines(value: &str, markdown: bool) -> Vec<String> {
    if !markdown {
        return value.lines().map(str::to_string).collect();
    }
    let mut lines = Vec::new();
    for block in markdown::parse(value) {
        let listed = !block.prefix.trim().is_empty() || !block.continuation.is_empty();
        if !lines.is_empty() && !listed {
            lines.push(String::new());
        }
        for (i, line) in block.text.lines().enumerate() {
            let lead = if i == 0 {
                &block.prefix
            } else {
                &block.continuation
            };
            lines.push(format!("{lead}{line}"));
        }
    }
    lines
}

fn capitalise(key: &str) -> String {
    let words: Vec<String> = key
        .split('_')
        .enumerate()
        .map(|(i, word)| {
            if word.contains('&') {
                // An abbreviation joined by `&` (Q&A, R&D) is written in capitals.
                word.to_uppercase()
            } else if i == 0 {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            } else {
                word.to_string()
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::capitalise;

    #[test]
    fn a_date_key_reads_as_words_and_keeps_an_abbreviation_in_capitals() {
        assert_eq!(capitalise("q&a_debate_period"), "Q&A debate period");
        assert_eq!(capitalise("voting_close"), "Voting close");
        assert_eq!(capitalise(""), "");
    }
}
