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
    /// One line per candidate ID with the rank to pick in an Elekto ballot, each followed
    /// by the candidate's name.
    Elekto,
    /// An OpaVote / OpenSTV ballot file: the voter's one ballot, the candidates as the
    /// election's own ballot file names them.
    Blt,
    /// Debian's text form: `[ n ] Choice k: Name`, blank brackets for no preference.
    Debian,
    /// The approved candidates, one per line.
    Approval,
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

    /// The election's candidates as its own ballot lists them: in the published order (the
    /// files'), not the voter's.
    fn published(&self) -> Vec<usize> {
        let mut all = self.order.clone();
        all.sort_unstable();
        all
    }

    /// The ranked candidates, best first; a tie stays together, in the voter's order.
    fn ranked(&self) -> Vec<Vec<usize>> {
        ranked_groups(&self.rows())
    }

    /// The voter's notes, in the voter's order: on each candidate, then on each of their
    /// answers (as "Name — Q3. Title").
    fn notes(&self) -> Vec<(String, &str)> {
        let questions = &self.roster.elections[self.election].questions;
        let mut out = Vec::new();
        for &c in &self.order {
            let candidate = self.candidate(c);
            if let Some(note) = self.ballot.note(&candidate.key) {
                out.push((candidate.name.clone(), note));
            }
            for (i, q) in questions.iter().enumerate() {
                if let Some(note) = self.ballot.note(&candidate.answer_note_key(q)) {
                    out.push((
                        format!("{} — Q{}. {}", candidate.name, i + 1, q.title),
                        note,
                    ));
                }
            }
        }
        out
    }

    /// (candidate, placement): ranked best first, then unranked, then "no opinion"; ranks
    /// counted as the ballot is cast, without the gaps left while typing them.
    fn rows(&self) -> Vec<(usize, Placement)> {
        let gaps = self.ballot.gaps();
        let rows = self.ballot.rows(
            self.order
                .iter()
                .map(|&c| (c, self.candidate(c).key.as_str())),
        );
        rows.into_iter()
            .map(|(c, placement)| (c, cast(placement, &gaps)))
            .collect()
    }

    /// Where candidate `c` stands, its rank counted as the ballot is cast.
    fn placement(&self, c: usize) -> Placement {
        let placement = self.ballot.placement(&self.candidate(c).key);
        cast(placement, &self.ballot.gaps())
    }
}

/// `placement` with the `gaps` above it closed (see [`Ballot::gaps`]).
fn cast(placement: Placement, gaps: &[usize]) -> Placement {
    match placement {
        Placement::Ranked { group, tied } => {
            let skipped = gaps.iter().filter(|&&rank| rank <= group).count();
            Placement::Ranked {
                group: group - skipped,
                tied,
            }
        }
        other => other,
    }
}

/// Every election's ballot in the form `format` picks for it, one after another (JSON: one
/// array), and what could not be exported (an election whose ballot the form cannot hold),
/// one line each.
pub fn all(sheets: &[Sheet], format: impl Fn(&Sheet) -> Format) -> (String, Vec<String>) {
    if !sheets.is_empty() && sheets.iter().all(|s| format(s) == Format::Json) {
        let all: Vec<serde_json::Value> = sheets.iter().map(to_json).collect();
        return (pretty(&serde_json::Value::Array(all)), Vec::new());
    }
    let mut texts = Vec::new();
    let mut refused = Vec::new();
    for sheet in sheets {
        match election(sheet, format(sheet)) {
            Ok(text) => texts.push(text),
            Err(why) => refused.push(format!(
                "{}: {why}",
                sheet.roster.elections[sheet.election].name
            )),
        }
    }
    (texts.join("\n"), refused)
}

/// One election's ballot in `format`, or why the form cannot hold it.
pub fn election(sheet: &Sheet, format: Format) -> Result<String, String> {
    Ok(match format {
        Format::Markdown => markdown(sheet),
        Format::Json => pretty(&to_json(sheet)),
        Format::Civs => ranks(sheet, "CIVS", |c| Ok(c.name.clone()), false),
        Format::Elekto => ranks(sheet, "Elekto", elekto_id, true),
        Format::Blt => return blt(sheet),
        Format::Debian => debian(sheet),
        Format::Approval => approval(sheet),
    })
}

/// JSON as indented text. A `Value` always serializes: its keys are strings.
fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value serializes");
    text.push('\n');
    text
}

/// The ranked candidates of `rows`, best first, a tie together in the rows' order.
fn ranked_groups(rows: &[(usize, Placement)]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &(candidate, placement) in rows {
        if let Placement::Ranked { group, .. } = placement {
            if groups.len() <= group {
                groups.resize_with(group + 1, Vec::new);
            }
            groups[group].push(candidate);
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// Names in each part of the ballot, in the order the voter sees them.
struct Parts {
    ranked: Vec<Vec<String>>,
    unranked: Vec<String>,
    no_opinion: Vec<String>,
}

fn parts(sheet: &Sheet) -> Parts {
    let rows = sheet.rows();
    let name = |c: usize| sheet.candidate(c).name.clone();
    let others = |wanted: Placement| -> Vec<String> {
        rows.iter()
            .filter(|(_, placement)| *placement == wanted)
            .map(|&(c, _)| name(c))
            .collect()
    };
    Parts {
        ranked: ranked_groups(&rows)
            .into_iter()
            .map(|group| group.into_iter().map(name).collect())
            .collect(),
        unranked: others(Placement::Unranked),
        no_opinion: others(Placement::NoOpinion),
    }
}

fn markdown(sheet: &Sheet) -> String {
    let election = &sheet.roster.elections[sheet.election];
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
    let notes = sheet.notes();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n");
        for (heading, note) in notes {
            out.push_str(&format!(
                "\n### {heading}\n\n{}\n",
                as_note(note.trim_end())
            ));
        }
    }
    out
}

/// A note as Markdown that stays the note: a line that would make a heading, a quote or a
/// heading's underline of it (`# …`, `> …`, `---`) is escaped; the rest is as written.
fn as_note(note: &str) -> String {
    let lines: Vec<String> = note
        .lines()
        .map(|line| {
            let t = line.trim_start();
            let underline =
                t.len() >= 2 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'));
            let block = line.len() - t.len() <= 3;
            if block && (t.starts_with('#') || t.starts_with('>') || underline) {
                format!("{}\\{t}", &line[..line.len() - t.len()])
            } else {
                line.to_string()
            }
        })
        .collect();
    lines.join("\n")
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

/// The voter's notes on the election's candidates and their answers, by the name a reader
/// knows them by ("Name", "Name — Q3. Title").
fn notes_by_name(sheet: &Sheet) -> serde_json::Map<String, serde_json::Value> {
    sheet
        .notes()
        .into_iter()
        .map(|(heading, note)| (heading, serde_json::Value::from(note)))
        .collect()
}

/// `candidate: rank` lines; unranked and "no opinion" candidates are left at "No opinion".
/// With `named`, each line is followed by a comment naming the candidate.
fn ranks(
    sheet: &Sheet,
    system: &str,
    id: fn(&Candidate) -> Result<String, String>,
    named: bool,
) -> String {
    let election = &sheet.roster.elections[sheet.election];
    let mut out = format!("# {system} ballot: {}\n", election.name);
    for (candidate, placement) in sheet.rows() {
        let rank = match placement {
            Placement::Ranked { group, .. } => (group + 1).to_string(),
            Placement::Unranked | Placement::NoOpinion => "No opinion".to_string(),
        };
        let c = sheet.candidate(candidate);
        match id(c) {
            Ok(id) if named => out.push_str(&format!("{id}: {rank}\n# {}\n", c.name)),
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

/// BLT (OpaVote, OpenSTV): `C S`, the voter's one ballot (weight 1, preferences by candidate
/// number, `0`), `0`, the candidates' names quoted, the title quoted. The candidates are the
/// ones the election's own ballot file names, in its order, where there is one. BLT holds
/// no ties: a tie is refused, naming who is tied, rather than broken by hustings.
fn blt(sheet: &Sheet) -> Result<String, String> {
    let election = &sheet.roster.elections[sheet.election];
    if election.rules.ballot == crate::roster::BallotKind::Approval {
        return Err(
            "an approval ballot: BLT holds rankings; export it with --format approval".to_string(),
        );
    }
    let published = sheet.published();
    // Names as the election's ballots use them, and each candidate's number among them.
    let names: Vec<String> = if election.ballot_names.is_empty() {
        published
            .iter()
            .map(|&c| sheet.candidate(c).name.clone())
            .collect()
    } else {
        election.ballot_names.clone()
    };
    let number = |c: usize| -> Result<usize, String> {
        let candidate = sheet.candidate(c);
        if election.ballot_names.is_empty() {
            return Ok(published.iter().position(|&p| p == c).unwrap_or(0) + 1);
        }
        ballot_name(candidate, &election.ballot_names)
            .map(|i| i + 1)
            .ok_or_else(|| {
                format!(
                    "{} is not among the names of the election's ballot file",
                    candidate.name
                )
            })
    };
    let mut preferences = Vec::new();
    for group in sheet.ranked() {
        if group.len() > 1 {
            let tied: Vec<&str> = group
                .iter()
                .map(|&c| sheet.candidate(c).name.as_str())
                .collect();
            return Err(format!(
                "a BLT ballot holds no ties, and {} share a rank: rank them apart (K and J in the ballot view), or export another form",
                tied.join(" and ")
            ));
        }
        preferences.push(number(group[0])?.to_string());
    }
    let seats = election.seats.unwrap_or(1);
    let mut out = format!("{} {seats}\n", names.len());
    preferences.push("0".to_string());
    out.push_str(&format!("1 {}\n0\n", preferences.join(" ")));
    for name in &names {
        out.push_str(&format!("\"{}\"\n", blt_text(name)));
    }
    out.push_str(&format!("\"{}\"\n", blt_text(&election.name)));
    Ok(out)
}

/// Text as a BLT string holds it: no quote, no line break.
fn blt_text(text: &str) -> String {
    text.replace('"', "'").replace(['\n', '\r'], " ")
}

/// Which of the ballot file's `names` is this candidate: their GitHub handle, e-mail, name or
/// file name, compared without case.
pub fn ballot_name(candidate: &Candidate, names: &[String]) -> Option<usize> {
    let stem = candidate
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    let mut ways: Vec<&str> = candidate
        .links
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("github"))
        .map(|(_, v)| v.as_str())
        .collect();
    ways.extend(candidate.emails.iter().map(String::as_str));
    ways.push(&candidate.name);
    ways.extend(stem.as_deref());
    ways.iter().find_map(|way| {
        names
            .iter()
            .position(|n| n.trim().eq_ignore_ascii_case(way.trim()))
    })
}

/// Debian's form: `[ n ] Choice k: Name` for each candidate in the published order, the rank
/// in the brackets (the same number for a tie), blank brackets for no preference.
fn debian(sheet: &Sheet) -> String {
    let election = &sheet.roster.elections[sheet.election];
    let published = sheet.published();
    let width = published.len().to_string().len();
    let mut out = format!("# Debian ballot: {}\n", election.name);
    for (k, &c) in published.iter().enumerate() {
        let rank = match sheet.placement(c) {
            Placement::Ranked { group, .. } => (group + 1).to_string(),
            Placement::Unranked | Placement::NoOpinion => String::new(),
        };
        out.push_str(&format!(
            "[ {rank:>width$} ] Choice {}: {}\n",
            k + 1,
            sheet.candidate(c).name
        ));
    }
    out
}

/// The approved candidates, one per line, best first: on an approval ballot those approved,
/// on a ranked one those ranked. Never more than the election's `max_choices`.
fn approval(sheet: &Sheet) -> String {
    let election = &sheet.roster.elections[sheet.election];
    let approved: Vec<usize> = sheet.ranked().into_iter().flatten().collect();
    let cap = election
        .rules
        .max_choices
        .map_or(approved.len(), |m| m as usize);
    let mut out = format!("# Approval ballot: {}\n", election.name);
    for &c in approved.iter().take(cap) {
        out.push_str(&format!("{}\n", sheet.candidate(c).name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::as_note;
    use pulldown_cmark::{Event, Parser, Tag};

    #[test]
    fn a_note_in_markdown_makes_no_heading_quote_or_rule() {
        let note = "# not a heading\n> not a quote\nline\n---\n  ## indented\n- a list stays\n**bold** stays";
        let text = format!("### Ann\n\n{}\n", as_note(note));
        let events: Vec<Event> = Parser::new(&text).collect();
        let headings = events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::Heading { .. })))
            .count();
        assert_eq!(headings, 1, "only the candidate's own: {text}");
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, Event::Start(Tag::BlockQuote(_)) | Event::Rule))
        );
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::Start(Tag::List(_))))
        );
        // The words are all there.
        for words in ["not a heading", "not a quote", "indented", "a list stays"] {
            assert!(text.contains(words), "{text}");
        }
    }
}
