//! Kata Containers: statements with `Name:` / `Email:` / `Background:` key lines, and the
//! election README that gives the seats, incumbents and dates.

use serde_yaml::Value;

use super::common::{clean_name, emails, empty, github_handle, key_value, trim_blank_lines};
use crate::roster::{RawCandidate, RawElection};

/// Kata's key lines: `Name:`, `Email:` and a `Background:` label are taken out of the body
/// into fields; everything else stays in the statement, in order.
pub(super) fn key_lines(
    text: &str,
    fallback_name: &str,
    extra: Vec<(String, Value)>,
) -> RawCandidate {
    let mut c = empty(fallback_name, String::new());
    c.extra = extra;
    let mut body = Vec::new();
    let mut in_header = true;
    for (i, line) in text.lines().enumerate() {
        if in_header && i < 60 {
            if let Some(v) = key_value(line, "Name") {
                c.name = clean_name(v);
                if let Some(handle) = v.contains('@').then(|| github_handle(v)).flatten() {
                    c.links.push(("github".to_string(), handle));
                }
                continue;
            }
            if let Some(v) = key_value(line, "Email") {
                c.emails.extend(emails(v));
                continue;
            }
            if key_value(line, "Background") == Some("") {
                in_header = false;
                continue;
            }
        }
        body.push(line);
    }
    c.statement = trim_blank_lines(&body.join("\n"));
    c
}

/// Several candidates' key lines in one file, each from its `Name:` line to the next, and
/// what comes before the first (the file's own words about them). A file of one is
/// [`key_lines`].
pub(super) fn records(text: &str, fallback_name: &str) -> (Vec<RawCandidate>, String) {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| key_value(lines[i], "Name").is_some_and(|v| !v.is_empty()))
        .collect();
    if starts.len() < 2 {
        return (
            vec![key_lines(text, fallback_name, Vec::new())],
            String::new(),
        );
    }
    let preamble = trim_blank_lines(&lines[..starts[0]].join("\n"));
    let mut out = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let mut c = key_lines(&lines[start..end].join("\n"), fallback_name, Vec::new());
        // The rule that parts one candidate from the next is neither's.
        let mut body: Vec<&str> = c.statement.lines().collect();
        while body
            .last()
            .is_some_and(|l| l.trim().is_empty() || super::common::is_dash_line(l.trim()))
        {
            body.pop();
        }
        c.statement = trim_blank_lines(&body.join("\n"));
        out.push(c);
    }
    (out, preamble)
}

/// A number written as a word, as election READMEs do ("four seats").
fn number_word(word: &str) -> Option<u32> {
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let w = word.to_lowercase();
    words
        .iter()
        .position(|n| *n == w)
        .map(|n| n as u32)
        .or_else(|| w.parse().ok())
}

/// A Kata election README: name from the heading, seats, incumbents, and the dates.
pub fn readme(text: &str) -> RawElection {
    let mut e = RawElection::default();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(title) = text.lines().find_map(|l| l.strip_prefix("# ")) {
        e.name = Some(title.trim().to_string());
    }
    let words: Vec<&str> = flat.split(' ').collect();
    // "There are four Architecture Committee seats", "two seats".
    e.seats = words.windows(2).find_map(|w| {
        let before_seats = w[1].starts_with("Architecture") || w[1].starts_with("seat");
        before_seats.then(|| number_word(w[0])).flatten()
    });
    if let Some(at) = flat.find("currently filled by") {
        let rest = &flat[at..];
        let end = rest.find(". ").unwrap_or(rest.len());
        e.incumbents = rest[..end]
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
    }
    for line in text.lines() {
        let Some(item) = line.trim().strip_prefix("* ") else {
            continue;
        };
        // "April 01, 2024: Election officials are confirmed: @sprt" → the label is the part
        // before any further colon; what follows it is kept with the date.
        let Some((when, what)) = item.split_once(": ") else {
            continue;
        };
        let (label, more) = what.split_once(':').unwrap_or((what, ""));
        let key = date_key(label);
        let when = if more.trim().is_empty() {
            when.to_string()
        } else {
            format!("{when} ({})", more.trim())
        };
        // "April 22, 15:00 UTC - April 29, 2024 14:59 UTC" is when something opens and closes.
        match when.split_once(" - ") {
            Some((open, close)) => {
                e.dates
                    .push((format!("{key}_open"), open.trim().to_string()));
                e.dates
                    .push((format!("{key}_close"), close.trim().to_string()));
            }
            None => e.dates.push((key, when.trim().to_string())),
        }
    }
    e.project =
        Some("Kata Containers".to_string()).filter(|_| flat.contains("Architecture Committee"));
    e
}

/// `Q&A/Debate period open` → `q&a_debate_period`: lower case, `_` between words, no
/// `open`; an `&` inside a word (`Q&A`, `R&D`) stays in it.
fn date_key(label: &str) -> String {
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .map(|w| w.trim_matches('&'))
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("open"))
        .map(str::to_lowercase)
        .collect();
    words.join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kata_readme_gives_seats_incumbents_and_dates() {
        let e = readme(
            "# Architecture Committee Elections: Apr 2024\n\nThere are four Architecture Committee seats up for election. The seats up for\nelection are currently filled by `Fabiano Fidêncio`, `Peng Tao`, `Samuel Ortiz`\nand `Steve Horsman`.\n\n* April 22, 15:00 UTC - April 29, 2024 14:59 UTC: Voting open\n",
        );
        assert_eq!(
            e.name.as_deref(),
            Some("Architecture Committee Elections: Apr 2024")
        );
        assert_eq!(e.seats, Some(4));
        assert_eq!(e.incumbents.len(), 4);
        assert_eq!(
            e.dates[0],
            ("voting_open".into(), "April 22, 15:00 UTC".into())
        );
        assert_eq!(
            e.dates[1],
            ("voting_close".into(), "April 29, 2024 14:59 UTC".into())
        );
    }

    #[test]
    fn an_abbreviation_joined_by_an_ampersand_keeps_it() {
        assert_eq!(date_key("Q&A/Debate period open"), "q&a_debate_period");
        assert_eq!(date_key("R & D freeze"), "r_d_freeze");
        assert_eq!(date_key("Nominations open"), "nominations");
    }
}
