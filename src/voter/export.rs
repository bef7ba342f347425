//! A ballot in the forms a voter pastes into the real ballot, or keeps. Works on the
//! domain types alone: the roster, the voter's ballot and the order the voter sees.

use serde_json::json;

use crate::roster::{Candidate, Roster};
use crate::voter::ballot::{Ballot, Placement};

/// The forms a ballot can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The ranking and the voter's notes, for reading or keeping.
    Markdown,
    /// The ranking as data.
    Json,
    /// One line per candidate with the rank to pick in a CIVS ballot.
    Civs,
    /// One line per candidate ID with the rank to pick in an Elekto ballot.
    Elekto,
}

/// One election's ballot as the voter sees it.
pub struct Sheet<'a> {
    /// The roster the ballot is for.
    pub roster: &'a Roster,
    /// Index into the roster's elections.
    pub election: usize,
    /// The voter's ballot for the election.
    pub ballot: &'a Ballot,
    /// The election's candidates (indices into the roster), in the voter's order.
    pub order: Vec<usize>,
}

impl Sheet<'_> {
    fn candidate(&self, index: usize) -> &Candidate {
        &self.roster.candidates[index]
    }

    /// (candidate, placement): ranked best first, then unranked, then "no opinion".
    fn rows(&self) -> Vec<(usize, Placement)> {
        self.ballot.rows(
            self.order
                .iter()
                .map(|&c| (c, self.candidate(c).key.as_str())),
        )
    }
}

/// Every election's ballot in `format`, one after another (JSON: one array).
pub fn all(sheets: &[Sheet], format: Format) -> String {
    if format == Format::Json {
        let all: Vec<serde_json::Value> = sheets.iter().map(to_json).collect();
        return pretty(&serde_json::Value::Array(all));
    }
    sheets
        .iter()
        .map(|sheet| election(sheet, format))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One election's ballot in `format`.
pub fn election(sheet: &Sheet, format: Format) -> String {
    match format {
        Format::Markdown => markdown(sheet),
        Format::Json => pretty(&to_json(sheet)),
        Format::Civs => ranks(sheet, "CIVS", |c| Ok(c.name.clone())),
        Format::Elekto => ranks(sheet, "Elekto", elekto_id),
    }
}

/// JSON as indented text. A `Value` always serializes: its keys are strings.
fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value serializes");
    text.push('\n');
    text
}

/// Names in each part of the ballot, in the order the voter sees them.
struct Parts {
    ranked: Vec<Vec<String>>,
    unranked: Vec<String>,
    no_opinion: Vec<String>,
}

fn parts(sheet: &Sheet) -> Parts {
    let mut parts = Parts {
        ranked: Vec::new(),
        unranked: Vec::new(),
        no_opinion: Vec::new(),
    };
    for (candidate, placement) in sheet.rows() {
        let name = sheet.candidate(candidate).name.clone();
        match placement {
            Placement::Ranked { group, .. } => {
                if parts.ranked.len() <= group {
                    parts.ranked.resize_with(group + 1, Vec::new);
                }
                parts.ranked[group].push(name);
            }
            Placement::Unranked => parts.unranked.push(name),
            Placement::NoOpinion => parts.no_opinion.push(name),
        }
    }
    parts.ranked.retain(|g| !g.is_empty());
    parts
}

fn markdown(sheet: &Sheet) -> String {
    let election = &sheet.roster.elections[sheet.election];
    let ballot = sheet.ballot;
    let parts = parts(sheet);
    let mut out = format!("# Ballot: {}\n\n", election.name);
    let mut facts = Vec::new();
    if let Some(project) = &election.project {
        facts.push(project.clone());
    }
    if let Some(seats) = election.seats {
        facts.push(format!("{seats} seat{}", if seats == 1 { "" } else { "s" }));
    }
    if !facts.is_empty() {
        out.push_str(&format!("{}\n\n", facts.join(" · ")));
    }
    if parts.ranked.is_empty() {
        out.push_str("Nothing ranked yet.\n");
    }
    for (rank, group) in parts.ranked.iter().enumerate() {
        let tied = if group.len() > 1 { " (tied)" } else { "" };
        for name in group {
            out.push_str(&format!("{}. {name}{tied}\n", rank + 1));
        }
    }
    if !parts.no_opinion.is_empty() {
        out.push_str(&format!("\nNo opinion: {}\n", parts.no_opinion.join(", ")));
    }
    if !parts.unranked.is_empty() {
        out.push_str(&format!(
            "\nUnranked (counted as no opinion): {}\n",
            parts.unranked.join(", ")
        ));
    }
    let notes: Vec<(usize, &str)> = sheet
        .order
        .iter()
        .filter_map(|&c| ballot.note(&sheet.candidate(c).key).map(|n| (c, n)))
        .collect();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n");
        for (c, note) in notes {
            out.push_str(&format!(
                "\n### {}\n\n{}\n",
                sheet.candidate(c).name,
                note.trim_end()
            ));
        }
    }
    out
}

fn to_json(sheet: &Sheet) -> serde_json::Value {
    let election = &sheet.roster.elections[sheet.election];
    let parts = parts(sheet);
    json!({
        "election": election.name,
        "key": election.key,
        "seats": election.seats,
        "ranking": parts.ranked,
        "no_opinion": parts.no_opinion,
        "unranked": parts.unranked,
        "notes": notes_by_name(sheet),
    })
}

/// The voter's notes on the election's candidates, by the name a reader knows them by.
fn notes_by_name(sheet: &Sheet) -> serde_json::Map<String, serde_json::Value> {
    sheet
        .order
        .iter()
        .filter_map(|&c| {
            let candidate = sheet.candidate(c);
            let note = sheet.ballot.note(&candidate.key)?;
            Some((candidate.name.clone(), serde_json::Value::from(note)))
        })
        .collect()
}

/// `candidate: rank` lines; unranked and "no opinion" candidates are left at "No opinion".
fn ranks(sheet: &Sheet, system: &str, id: fn(&Candidate) -> Result<String, String>) -> String {
    let election = &sheet.roster.elections[sheet.election];
    let mut out = format!("# {system} ballot: {}\n", election.name);
    for (candidate, placement) in sheet.rows() {
        let rank = match placement {
            Placement::Ranked { group, .. } => (group + 1).to_string(),
            Placement::Unranked | Placement::NoOpinion => "No opinion".to_string(),
        };
        let c = sheet.candidate(candidate);
        match id(c) {
            Ok(id) => out.push_str(&format!("{id}: {rank}\n")),
            // Never a line a candidate's text could have written: say whose it is instead.
            Err(bad) => out.push_str(&format!(
                "# {}: {rank} (their ID {bad:?} is not a plain ID; find them on the ballot page)\n",
                c.name
            )),
        }
    }
    out
}

/// The ID an Elekto ballot shows: the `ID` field, else the GitHub handle, else the name.
/// An ID or handle must be one plain token (letters, digits, `-`, `_`, `.`): anything else,
/// a line break above all, could write ballot lines of its own, and is refused.
fn elekto_id(c: &Candidate) -> Result<String, String> {
    let Some((_, id)) = c
        .extra
        .iter()
        .chain(&c.links)
        .find(|(k, _)| k.eq_ignore_ascii_case("id") || k.eq_ignore_ascii_case("github"))
    else {
        return Ok(c.name.clone());
    };
    let id = id.trim();
    let plain = !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.'));
    if plain {
        Ok(id.to_string())
    } else {
        Err(id.replace('\n', " ").chars().take(60).collect())
    }
}
