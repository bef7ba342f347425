//! A ballot in the forms a voter pastes into the real ballot, or keeps.

use serde_json::json;

use crate::app::App;
use crate::cli::args::ExportFormat;
use crate::voter::ballot::Placement;

/// One election's ballot in `format`.
pub fn election(app: &App, index: usize, format: ExportFormat) -> String {
    match format {
        ExportFormat::Markdown => markdown(app, index),
        ExportFormat::Json => {
            serde_json::to_string_pretty(&to_json(app, index)).unwrap_or_default() + "\n"
        }
        ExportFormat::Civs => ranks(app, index, "CIVS", |app, c| app.candidate(c).name.clone()),
        ExportFormat::Elekto => ranks(app, index, "Elekto", elekto_id),
    }
}

/// Names in each part of the ballot, in the order the voter sees them.
struct Parts {
    ranked: Vec<Vec<String>>,
    unranked: Vec<String>,
    no_opinion: Vec<String>,
}

fn parts(app: &App, index: usize) -> Parts {
    let mut parts = Parts {
        ranked: Vec::new(),
        unranked: Vec::new(),
        no_opinion: Vec::new(),
    };
    for row in app.ballot_rows(index) {
        let name = app.candidate(row.candidate).name.clone();
        match row.placement {
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

fn markdown(app: &App, index: usize) -> String {
    let election = &app.roster.elections[index];
    let ballot = app.ballot(index);
    let parts = parts(app, index);
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
    let notes: Vec<(usize, &str)> = app
        .candidates_of(index)
        .into_iter()
        .filter_map(|c| ballot.note(&app.candidate(c).name).map(|n| (c, n)))
        .collect();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n");
        for (c, note) in notes {
            out.push_str(&format!(
                "\n### {}\n\n{}\n",
                app.candidate(c).name,
                note.trim_end()
            ));
        }
    }
    out
}

fn to_json(app: &App, index: usize) -> serde_json::Value {
    let election = &app.roster.elections[index];
    let ballot = app.ballot(index);
    let parts = parts(app, index);
    json!({
        "election": election.name,
        "key": election.key,
        "seats": election.seats,
        "ranking": parts.ranked,
        "no_opinion": parts.no_opinion,
        "unranked": parts.unranked,
        "notes": ballot.notes,
    })
}

/// `candidate: rank` lines; unranked and "no opinion" candidates are left at "No opinion".
fn ranks(app: &App, index: usize, system: &str, id: fn(&App, usize) -> String) -> String {
    let election = &app.roster.elections[index];
    let mut out = format!("# {system} ballot: {}\n", election.name);
    for row in app.ballot_rows(index) {
        let rank = match row.placement {
            Placement::Ranked { group, .. } => (group + 1).to_string(),
            Placement::Unranked | Placement::NoOpinion => "No opinion".to_string(),
        };
        out.push_str(&format!("{}: {rank}\n", id(app, row.candidate)));
    }
    out
}

/// The ID an Elekto ballot shows: the `ID` field, else the GitHub handle, else the name.
fn elekto_id(app: &App, candidate: usize) -> String {
    let c = app.candidate(candidate);
    c.extra
        .iter()
        .chain(&c.links)
        .find(|(k, _)| k.eq_ignore_ascii_case("id") || k.eq_ignore_ascii_case("github"))
        .map_or_else(|| c.name.clone(), |(_, v)| v.clone())
}
