//! `hustings check`: validate candidate files without opening the app.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{Outcome, counted, print, say, shown};
use super::session::load_roster;

/// Prints each problem as `file:line:column: message`; status 1 if there is any. With
/// `explain`, first how each file was read, or why it was left out.
pub fn run(paths: &[PathBuf], explain: bool) -> Outcome {
    let (roster, errors) = load_roster(paths);
    if explain {
        let mut lines: Vec<String> = roster
            .readings
            .iter()
            .map(|(path, how)| format!("{path}: {how}"))
            .collect();
        lines.extend(
            roster
                .skipped
                .iter()
                .filter(|(path, _)| !roster.readings.iter().any(|(p, _)| p == path))
                .map(|(path, why)| format!("{path}: left out: {why}")),
        );
        lines.sort();
        print(&lines.iter().map(|l| format!("{l}\n")).collect::<String>())?;
    }
    let mut problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
    problems.extend(roster.warnings.iter().map(ToString::to_string));
    for c in &roster.candidates {
        if c.statement.raw().trim().is_empty() {
            problems.push(format!(
                "{}: {}: the statement is empty",
                shown(&c.path),
                c.name
            ));
        }
        if c.name.trim().is_empty() {
            problems.push(format!("{}: the candidate has no name", shown(&c.path)));
        }
    }
    if roster.candidates.is_empty() && problems.is_empty() {
        problems.push("no candidate found".to_string());
    }
    let text: String = problems.iter().map(|p| format!("{p}\n")).collect();
    print(&text)?;
    say(&format!(
        "hustings: {} in {} checked, {} left out (no candidate), {}",
        counted(roster.candidates.len(), "candidate", "candidates"),
        counted(roster.elections.len(), "election", "elections"),
        counted(roster.skipped.len(), "file", "files"),
        counted(problems.len(), "problem", "problems")
    ));
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
