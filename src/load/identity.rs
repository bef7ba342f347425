//! Who each candidate is within an election, for the voter's ranking and notes: the e-mail,
//! else the GitHub handle, else the file. A display name alone is never the key, so a second
//! file that copies a name (with another e-mail) gets nothing of the first's.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::roster::{Candidate, LoadError};

/// The identity a candidate's own fields give: e-mail, handle, or file (with the name when
/// the file holds several candidates).
fn base_key(candidate: &Candidate, shares_file: bool) -> String {
    if let Some(email) = candidate
        .emails
        .iter()
        .map(|e| e.trim().to_lowercase())
        .find(|e| !e.is_empty())
    {
        return email;
    }
    let handle = candidate
        .links
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("github"))
        .map(|(_, v)| v.trim().trim_start_matches('@').to_lowercase())
        .filter(|h| !h.is_empty());
    if let Some(handle) = handle {
        return format!("@{handle}");
    }
    let file = candidate
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if shares_file {
        format!("{file}#{}", candidate.name)
    } else {
        file
    }
}

/// Sets every candidate's key, unique within its election; warns, naming the files, where
/// two candidates share a name or an identity (they are kept apart either way).
pub(super) fn assign(candidates: &mut [Candidate]) -> Vec<LoadError> {
    let mut per_file: HashMap<(usize, &Path), usize> = HashMap::new();
    for c in candidates.iter() {
        *per_file.entry((c.election, c.path.as_path())).or_default() += 1;
    }
    let keys: Vec<String> = candidates
        .iter()
        .map(|c| base_key(c, per_file[&(c.election, c.path.as_path())] > 1))
        .collect();
    let mut warnings = Vec::new();
    let mut taken: HashSet<(usize, String)> = HashSet::new();
    let mut names: HashMap<(usize, String), usize> = HashMap::new();
    for (i, mut key) in keys.into_iter().enumerate() {
        let election = candidates[i].election;
        if let Some(&first) = names.get(&(election, candidates[i].name.clone())) {
            warnings.push(LoadError::new(
                &candidates[i].path,
                None,
                None,
                &format!(
                    "another candidate of this election is named \"{}\" ({}): they are kept apart by e-mail, handle or file",
                    candidates[i].name,
                    candidates[first].path.display()
                ),
            ));
        } else {
            names.insert((election, candidates[i].name.clone()), i);
        }
        if taken.contains(&(election, key.clone())) {
            let base = key.clone();
            let mut n = 2;
            while taken.contains(&(election, format!("{base}#{n}"))) {
                n += 1;
            }
            key = format!("{base}#{n}");
            warnings.push(LoadError::new(
                &candidates[i].path,
                None,
                None,
                &format!("\"{base}\" is another candidate's identity too: this one is kept apart as \"{key}\""),
            ));
        }
        taken.insert((election, key.clone()));
        candidates[i].key = key;
    }
    warnings
}
