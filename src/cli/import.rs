//! `hustings import`: published statements written out as candidate YAML.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::output::{Failure, Outcome, counted, report, say, shown};
use super::session::load_roster;
use super::write::write_roster;

/// Reads `sources` and writes one folder per election under `out`.
pub fn run(sources: &[PathBuf], out: &Path) -> Outcome {
    let (roster, errors) = load_roster(sources);
    report(&errors);
    for warning in &roster.warnings {
        say(&warning.to_string());
    }
    if roster.candidates.is_empty() {
        return Err(Failure::NothingLoaded);
    }
    let written = write_roster(&roster, out)
        .map_err(|e| Failure::Other(format!("cannot write to {}: {e}", shown(out))))?;
    say(&format!(
        "hustings: {} in {} written to {}; {} left out (no candidate){}",
        counted(written.candidates, "candidate", "candidates"),
        counted(written.elections, "election", "elections"),
        shown(out),
        counted(roster.skipped.len(), "file", "files"),
        if errors.is_empty() {
            ""
        } else {
            "; some files failed, above"
        }
    ));
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
