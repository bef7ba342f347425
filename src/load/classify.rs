//! Statements as projects publish them (Kata, Elekto, Kubernetes, OpenStack, mailing-list
//! archives, plain text), read into the same candidates as our YAML.
//!
//! Files are recognised from their name and content. Files that are no candidate (READMEs,
//! results, templates, voter lists) are left out and named; election READMEs, results and
//! Elekto's `election.yaml` become the election's metadata.

use std::collections::HashMap;
use std::path::Path;

use serde_yaml::Value;

pub use super::formats::Format;
use crate::roster::RawElection;

/// What a file in an election folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Candidate YAML in our schema.
    CandidateYaml,
    /// `election.yaml`: ours, or Elekto's.
    ElectionYaml,
    /// OpenStack's `doc/source/results/<cycle>/tc.yaml`: e-mail → name.
    OpenStackResults,
    /// An election's README (Kata: seats, incumbents, dates).
    Readme,
    /// An election's results.
    Results,
    /// Elekto's `election_desc.md`.
    Description,
    /// A statement to import.
    Statement,
    /// No candidate, with the reason shown to the voter.
    NotCandidate(&'static str),
}

/// Recognises a file by its name (and where it stands).
pub fn classify(path: &Path) -> Kind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let in_candidates_tree = path.components().any(|c| c.as_os_str() == "candidates");
    match name.as_str() {
        "election.yaml" | "election.yml" => return Kind::ElectionYaml,
        "tc.yaml" if !in_candidates_tree => return Kind::OpenStackResults,
        "readme.md" | "readme.txt" | "readme" | "readme.rst" => return Kind::Readme,
        "results.md" | "results.txt" | "ranking.md" => return Kind::Results,
        "election_desc.md" => return Kind::Description,
        "voters.md" | "voters.txt" => return Kind::NotCandidate("a list of voters"),
        _ => {}
    }
    if name.ends_with("-results.txt") || name.ends_with("-results.md") {
        return Kind::Results;
    }
    if name.contains("template") {
        return Kind::NotCandidate("a template");
    }
    match ext {
        "yaml" | "yml" => Kind::CandidateYaml,
        "txt" | "md" | "markdown" | "rst" | "text" => Kind::Statement,
        // OpenStack names statements by e-mail address, with no extension.
        _ if name.contains('@') => Kind::Statement,
        "" if in_candidates_tree => Kind::Statement,
        _ => Kind::NotCandidate("not a statement (unknown kind of file)"),
    }
}

/// Decodes a file: UTF-8, else Windows-1252 (a superset of Latin-1) with a warning.
pub fn decode(bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let text = bytes.iter().map(|&b| windows_1252(b)).collect();
            (
                text,
                Some("not valid UTF-8; read as Windows-1252 (Latin-1)".to_string()),
            )
        }
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
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
pub fn kata_readme(text: &str) -> RawElection {
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

/// `Q&A/Debate period open` → `q_a_debate_period`: lower case, `_` between words, no `open`.
fn date_key(label: &str) -> String {
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("open"))
        .map(str::to_lowercase)
        .collect();
    words.join("_")
}

/// Elekto's `election.yaml`, in our terms (the rest kept as extra fields).
pub fn elekto_election(value: Value) -> Option<RawElection> {
    let Value::Mapping(map) = value else {
        return None;
    };
    let is_elekto = map.contains_key("start_datetime") || map.contains_key("no_winners");
    if !is_elekto {
        return None;
    }
    let mut e = RawElection::default();
    for (key, value) in map {
        let key = formats_scalar(&key);
        let text = formats_scalar(&value);
        match key.as_str() {
            "name" => e.name = Some(text),
            "organization" => e.project = Some(text),
            "no_winners" => e.seats = text.parse().ok(),
            "start_datetime" => e.dates.push(("voting_open".to_string(), text)),
            "end_datetime" => e.dates.push(("voting_close".to_string(), text)),
            "exception_due" => e.dates.push(("exceptions_due".to_string(), text)),
            _ => e.extra.push((key, value)),
        }
    }
    Some(e)
}

fn formats_scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// One OpenStack TC candidate as the results file names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenStackName {
    pub fullname: String,
    pub ircname: Option<String>,
    pub elected: Option<bool>,
}

/// `tc.yaml`: every candidate's e-mail → name, IRC name and whether elected.
pub fn openstack_names(text: &str) -> HashMap<String, OpenStackName> {
    let mut names = HashMap::new();
    let Ok(value) = serde_yaml::from_str::<Value>(text) else {
        return names;
    };
    let Some(Value::Mapping(groups)) = value.get("candidates") else {
        return names;
    };
    for (_, list) in groups {
        let Value::Sequence(list) = list else {
            continue;
        };
        for entry in list {
            let (Some(email), Some(fullname)) = (entry.get("email"), entry.get("fullname")) else {
                continue;
            };
            names.insert(
                formats_scalar(email).to_lowercase(),
                OpenStackName {
                    fullname: formats_scalar(fullname),
                    ircname: entry.get("ircname").map(formats_scalar),
                    elected: entry.get("elected").and_then(Value::as_bool),
                },
            );
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn files_are_recognised_by_name() {
        let k = |p: &str| classify(&PathBuf::from(p));
        assert_eq!(k("e/README.md"), Kind::Readme);
        assert_eq!(k("e/Results.md"), Kind::Results);
        assert_eq!(k("e/2018-09-Results.txt"), Kind::Results);
        assert_eq!(
            k("e/nomination-template.md"),
            Kind::NotCandidate("a template")
        );
        assert_eq!(k("e/voters.md"), Kind::NotCandidate("a list of voters"));
        assert_eq!(k("e/JonOlson.txt"), Kind::Statement);
        assert_eq!(k("candidates/2026.1/TC/cardoe@cardoe.com"), Kind::Statement);
        assert_eq!(
            k("doc/source/results/2026.1/tc.yaml"),
            Kind::OpenStackResults
        );
        assert_eq!(k("e/alice.yaml"), Kind::CandidateYaml);
        assert_eq!(k("e/election.yaml"), Kind::ElectionYaml);
        assert!(matches!(k("e/logo.png"), Kind::NotCandidate(_)));
    }

    #[test]
    fn latin1_is_decoded_with_a_warning() {
        let (text, warning) = decode(b"Ren\xe9 \x93quoted\x94".to_vec());
        assert_eq!(text, "René “quoted”");
        assert!(warning.is_some());
        assert_eq!(decode(b"plain".to_vec()).1, None);
    }

    #[test]
    fn a_kata_readme_gives_seats_incumbents_and_dates() {
        let e = kata_readme(
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
}
