//! `hustings history`: a person's candidacies and what changed between them.

use std::process::ExitCode;

use super::output::{Outcome, print, shown};
use super::session::named_candidates;
use crate::analysis::candidacies;
use crate::roster::dates::{approximate, voting_close};

/// Prints each named person's candidacies, oldest first, and a word-diff summary per pair.
pub fn run(args: &[String]) -> Outcome {
    let (roster, chosen) = named_candidates(args)?;
    let mut out = String::new();
    for &candidate in &chosen {
        let all = candidacies::candidacies(&roster, candidate);
        let name = &roster.candidates[candidate].name;
        out.push_str(&format!(
            "{name}: {} candidac{}\n",
            all.len(),
            if all.len() == 1 { "y" } else { "ies" }
        ));
        for &c in &all {
            let election = roster.election_of(&roster.candidates[c]);
            // The closing date; else, marked `~`, when the election took place as near as its
            // folder tells (a year, an OpenStack release).
            let date = match (voting_close(election), approximate(election)) {
                (Some(d), _) => d.format("%Y-%m-%d").to_string(),
                (None, Some(d)) => format!("~{:<9}", d.format("%Y-%m")),
                (None, None) => " ".repeat(10),
            };
            out.push_str(&format!(
                "  {date}  {}  {}\n",
                election.name,
                shown(&roster.candidates[c].path)
            ));
        }
        for pair in all.windows(2) {
            let (a, b) = (&roster.candidates[pair[0]], &roster.candidates[pair[1]]);
            let (_, _, summary) = candidacies::diff(a.statement.display(), b.statement.display());
            out.push_str(&format!(
                "  {} → {}: {summary}\n",
                roster.election_of(a).name,
                roster.election_of(b).name
            ));
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
