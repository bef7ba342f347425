//! `hustings themes`: the topics that distinguish each election's statements.

use std::path::{Path, PathBuf};

use super::output::{Outcome, finish, print};
use super::session::Session;
use crate::analysis::topics;
use crate::voter::order::OrderMode;

/// Prints the themes table of each election.
pub fn run(paths: &[PathBuf], count: usize, order: OrderMode, data_dir: Option<&Path>) -> Outcome {
    let session = Session::open(paths, order, data_dir)?;
    let app = &session.app;
    let mut text = String::new();
    for (index, election) in app.roster.elections.iter().enumerate() {
        let members = app.candidates_of(index);
        let names: Vec<&str> = members
            .iter()
            .map(|&c| app.candidate(c).name.as_str())
            .collect();
        // What each wrote: the statement and, where questions were asked, the answers.
        let written: Vec<_> = members
            .iter()
            .map(|&c| app.candidate(c).all_written())
            .collect();
        let statements: Vec<&str> = written.iter().map(|w| w.as_ref()).collect();
        let found = topics::themes(&statements, count);
        let table = topics::table(&names, &found);
        if index > 0 {
            text.push('\n');
        }
        text.push_str(&format!("# {}\n\n{table}", election.name));
    }
    print(&text)?;
    Ok(finish(app))
}
