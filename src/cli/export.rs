//! `hustings ballot export`: the voter's ballots in a form to paste into the real one.

use std::path::{Path, PathBuf};

use super::args::ExportFormat;
use super::output::{Outcome, finish, print, say};
use super::session::Session;
use crate::voter::casting;
use crate::voter::export::{self, Format, Sheet};
use crate::voter::order::OrderMode;

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Json => Format::Json,
            ExportFormat::Civs => Format::Civs,
            ExportFormat::Elekto => Format::Elekto,
            ExportFormat::Blt => Format::Blt,
            ExportFormat::Debian => Format::Debian,
            ExportFormat::Approval => Format::Approval,
        }
    }
}

/// Prints every election's ballot; its warnings go to stderr.
pub fn run(
    paths: &[PathBuf],
    format: Option<ExportFormat>,
    order: OrderMode,
    data_dir: Option<&Path>,
) -> Outcome {
    let session = Session::open(paths, order, data_dir)?;
    let app = &session.app;
    // In the app's order: the newest election first.
    let sheets: Vec<Sheet> = (0..app.roster.elections.len())
        .rev()
        .map(|election| Sheet {
            roster: &app.roster,
            election,
            ballot: app.ballot(election),
            order: app.candidates_of(election),
        })
        .collect();
    let chosen = format.map(Format::from);
    // Where each election is cast, read once, where no form was chosen.
    let cast: Vec<casting::Casting> = match chosen {
        Some(_) => Vec::new(),
        None => app.roster.elections.iter().map(casting::of).collect(),
    };
    let (text, refused) = export::all(&sheets, |sheet| {
        chosen.unwrap_or_else(|| cast[sheet.election].format)
    });
    print(&text)?;
    for sheet in &sheets {
        let election = &app.roster.elections[sheet.election];
        if let Some(cast) = cast.get(sheet.election) {
            let place = cast.place.map_or_else(
                || "where its files do not say it is cast".to_string(),
                |p| format!("for {p}"),
            );
            say(&format!(
                "{}: exported as --format {}, {place}; --format chooses another",
                election.name, cast.flag
            ));
        }
        for warning in app.ballot_warnings(sheet.election) {
            say(&format!("warning: {}: {warning}", election.name));
        }
    }
    for why in &refused {
        say(&format!("hustings: error: {why}"));
    }
    if !refused.is_empty() {
        finish(app);
        return Ok(std::process::ExitCode::FAILURE);
    }
    Ok(finish(app))
}
