//! Where the voter was when they quit, per roster: the open statements and how far each was
//! read, the candidates marked for comparison, synced scrolling, notes shown, the search and
//! the selected candidate. Candidates are named by election and identity, so a place that no
//! longer matches the roster loses only what is gone.

use serde::{Deserialize, Serialize};

use crate::text::hash::{FNV_START, fnv1a};

/// A candidate as a place names them: the election's key and the candidate's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    /// The election's stable key.
    pub election: String,
    /// The candidate's key within it.
    pub candidate: String,
}

/// An open statement and the first line shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenPane {
    /// Whose statement.
    pub who: Who,
    /// The first visible line.
    pub scroll: usize,
}

/// Where the voter was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// The open statements, left to right.
    pub panes: Vec<OpenPane>,
    /// The pane that had the focus, if one did.
    pub focused_pane: Option<usize>,
    /// Candidates marked for comparison.
    pub marks: Vec<Who>,
    /// Synced scrolling on.
    pub sync: bool,
    /// Notes shown above the statements.
    pub show_notes: bool,
    /// Candidates who did not answer a question left out when its answers are compared.
    pub skip_unanswered: bool,
    /// The candidate list shown.
    pub show_list: bool,
    /// The search kept.
    pub query: String,
    /// The selected candidate.
    pub selected: Option<Who>,
}

/// A short, stable name for a roster opened from `paths` (as given, made absolute): the
/// place of each roster is kept apart.
pub fn roster_id(paths: &[std::path::PathBuf]) -> String {
    let mut names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.canonicalize()
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        })
        .collect();
    names.sort();
    // FNV-1a: the same on every machine and version.
    let hash = fnv1a(FNV_START, names.join("\n").bytes());
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rosters_id_is_stable_and_its_own() {
        let a = roster_id(&["/x/a".into(), "/x/b".into()]);
        assert_eq!(
            a,
            roster_id(&["/x/b".into(), "/x/a".into()]),
            "order does not matter"
        );
        assert_ne!(a, roster_id(&["/x/a".into()]));
        assert_eq!(
            roster_id(&[]),
            "cbf29ce484222325",
            "pinned: places must be found again"
        );
    }
}
