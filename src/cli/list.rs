//! `hustings list`: the candidates one per line, in the voter's order.

use std::path::{Path, PathBuf};

use super::output::{Outcome, finish, print};
use super::session::Session;
use crate::app::Action;
use crate::voter::order::OrderMode;

/// Prints name, affiliation and election of each candidate the filter matches.
pub fn run(
    paths: &[PathBuf],
    filter: Option<&str>,
    order: OrderMode,
    data_dir: Option<&Path>,
) -> Outcome {
    let mut session = Session::open(paths, order, data_dir)?;
    if let Some(query) = filter {
        session.app.update(Action::SearchPaste(query.to_string()));
    }
    let app = &session.app;
    let mut text = String::new();
    for hit in app.hits() {
        let c = app.candidate(hit.candidate);
        text.push_str(&format!(
            "{}\t{}\t{}\n",
            c.name,
            c.affiliation.as_deref().unwrap_or(""),
            app.roster.election_of(c).name
        ));
    }
    print(&text)?;
    Ok(finish(app))
}
