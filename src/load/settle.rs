//! After every file is read: what each document says of its election is put on it. A
//! document of many candidates in a folder of other files is an election of its own; a page
//! that renders a data file names that file's election; files of no candidate are listed
//! with why; and how each file was read is kept for `check --explain`.

use std::path::{Path, PathBuf};

use super::finder::Facts;
use super::job::Account;
use crate::roster::{Election, Roster};
use crate::text::sanitize::{sanitize_line, sanitize_text};

/// One file's account, with where its candidates went.
pub(super) struct Placed {
    pub(super) election: usize,
    pub(super) path: PathBuf,
    pub(super) candidates: usize,
    pub(super) account: Account,
}

/// Settles every document's account on `roster`; `named_by_folder[e]` says whether only
/// its folder names election `e` (a document's title then names it).
pub(super) fn settle(roster: &mut Roster, placed: Vec<Placed>, named_by_folder: &mut Vec<bool>) {
    let mut files_with_candidates = vec![0usize; roster.elections.len()];
    for p in &placed {
        if p.candidates > 0 {
            files_with_candidates[p.election] += 1;
        }
    }
    for p in placed {
        let shown = sanitize_line(&p.path.display().to_string()).text;
        if !p.account.how.is_empty() {
            roster
                .readings
                .push((shown.clone(), sanitize_line(&p.account.how).text));
        }
        if let Some(why) = &p.account.left_out {
            roster.skipped.push((shown, why.clone()));
        }
        if let Some(data) = &p.account.renders {
            for e in rendered_elections(roster, &p.path, data) {
                describe(roster, e, &p.account.facts, named_by_folder);
            }
            continue;
        }
        if !p.account.many || p.candidates == 0 {
            continue;
        }
        let mut election = p.election;
        if files_with_candidates[p.election] > 1 {
            // Two documents of candidates in one folder are two elections.
            election = roster.elections.len();
            let stem = p
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut e = Election::new(p.path.display().to_string(), &stem, None);
            e.extra = roster.elections[p.election]
                .extra
                .iter()
                .filter(|(k, _)| k != "results")
                .cloned()
                .collect();
            roster.elections.push(e);
            named_by_folder.push(true);
            for c in roster.candidates.iter_mut().filter(|c| c.path == p.path) {
                c.election = election;
            }
        }
        describe(roster, election, &p.account.facts, named_by_folder);
    }
}

/// The elections whose candidates come from the data a page at `page` renders: a file of
/// that name beside the page or in a folder beside it (Jekyll's `_data/`).
fn rendered_elections(roster: &Roster, page: &Path, data: &str) -> Vec<usize> {
    let site = page.parent().unwrap_or(Path::new(""));
    let mut out: Vec<usize> = roster
        .candidates
        .iter()
        .filter(|c| {
            c.path.file_stem().is_some_and(|s| s == data)
                && c.path
                    .parent()
                    .is_some_and(|f| f == site || f.parent() == Some(site))
        })
        .map(|c| c.election)
        .collect();
    out.dedup();
    out
}

/// Puts what a document says of election `e` on it, where nothing better has.
fn describe(roster: &mut Roster, e: usize, facts: &Facts, named_by_folder: &mut [bool]) {
    let election = &mut roster.elections[e];
    if let Some(title) = facts.title.as_deref().filter(|_| named_by_folder[e]) {
        named_by_folder[e] = false;
        // Named by its own title; keyed by the document's as written, as it always was, so
        // that a voter's saved ballot stays found.
        election.name = sanitize_line(&crate::text::title::own_title(title)).text;
        election.short_name = election.name.clone();
        election.key = crate::roster::slug(title);
    }
    if election.seats.is_none() {
        election.seats = facts.seats;
    }
    if election.dates.is_empty() {
        election.dates = facts
            .dates
            .iter()
            .map(|(k, v)| (known_date(k), sanitize_line(v).text))
            .collect();
    }
    for (key, text) in [
        ("description", &facts.description),
        ("results", &facts.results),
    ] {
        if let Some(text) = text
            && !election.extra.iter().any(|(k, _)| k == key)
        {
            election
                .extra
                .push((key.to_string(), sanitize_text(text.trim()).text));
        }
    }
}

/// A date's name as the election's metadata names it where a document's words say the same
/// ("Voting Ends" is `voting_close`), so that the app knows when voting closes; else as written.
fn known_date(key: &str) -> String {
    let k = key.to_lowercase();
    let voting = k.contains("vot");
    if voting && ["close", "end"].iter().any(|w| k.contains(w)) {
        "voting_close".to_string()
    } else if voting && ["open", "start", "begin"].iter().any(|w| k.contains(w)) {
        "voting_open".to_string()
    } else {
        sanitize_line(key).text
    }
}
