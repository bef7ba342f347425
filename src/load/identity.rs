//! Who each candidate is within an election, for the voter's ranking and notes: the e-mail,
//! else the GitHub handle, else the file. A display name alone is never the key, so a second
//! file that copies a name (with another e-mail) gets nothing of the first's.

use std::collections::{HashMap, HashSet};

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
/// two candidates share a name or an identity (they are kept apart either way). The
/// candidates come grouped by election, as the loader sorts them; elections are given their
/// keys apart, on every core for a large roster.
pub(super) fn assign(candidates: &mut [Candidate]) -> Vec<LoadError> {
    debug_assert!(candidates.is_sorted_by_key(|c| c.election));
    let min = if candidates.len() < 512 {
        usize::MAX
    } else {
        2
    };
    let elections: Vec<&[Candidate]> = candidates
        .chunk_by(|a, b| a.election == b.election)
        .collect();
    let assigned = crate::parallel::map_min(elections, min, |members| {
        (members[0].election, keys_of(members))
    });
    let mut warnings = Vec::new();
    // Each election's keys go to that election's own candidates, matched by election and
    // checked by length: keys paired by position across elections once shifted every later
    // election's keys by one, and a voter's rank landed on another candidate.
    let chunks = candidates.chunk_by_mut(|a, b| a.election == b.election);
    let mut assigned = assigned.into_iter();
    for members in chunks {
        let (election, (keys, mut more)) =
            assigned.next().expect("every election's keys are computed");
        assert_eq!(members[0].election, election, "keys of another election");
        assert_eq!(
            members.len(),
            keys.len(),
            "keys for another number of candidates"
        );
        for (candidate, key) in members.iter_mut().zip(keys) {
            candidate.key = key;
        }
        warnings.append(&mut more);
    }
    assert!(
        assigned.next().is_none(),
        "keys of an election no candidate is in"
    );
    warnings
}

/// The keys of one election's candidates, in order, and the warnings they call for.
fn keys_of(candidates: &[Candidate]) -> (Vec<String>, Vec<LoadError>) {
    // A file's candidates come one after another (one parse each, kept in order): how many
    // a file holds is the length of its run (a table of paths hashed each apart).
    let shares_file: Vec<bool> = candidates
        .chunk_by(|a, b| a.path == b.path)
        .flat_map(|file| std::iter::repeat_n(file.len() > 1, file.len()))
        .collect();
    let mut warnings = Vec::new();
    let mut keys = Vec::with_capacity(candidates.len());
    let mut taken: HashSet<String> = HashSet::new();
    let mut names: HashMap<&str, usize> = HashMap::new();
    // Names by how they look (UTS 39's skeleton of the lower-cased name): `Аlice` with a
    // Cyrillic А looks like `Alice`, and a voter would take one for the other. Looked at only
    // in an election with a name beyond the Latin letters (Latin, accents included, cannot
    // pass for another script's letters unless one is there): a skeleton costs.
    let mut looks: HashMap<String, usize> = HashMap::new();
    let beyond_latin = candidates
        .iter()
        .any(|c| c.name.chars().any(|ch| u32::from(ch) > 0x024f));
    // Per identity shared, the number its last copy was given: the next copy looks on from
    // there (from 2 each time, 100,000 copies took a minute).
    let mut last_copy: HashMap<String, usize> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let mut key = base_key(c, shares_file[i]);
        if let Some(&first) = names.get(c.name.as_str()) {
            warnings.push(LoadError::new(
                &c.path,
                None,
                None,
                &format!(
                    "another candidate of this election is named \"{}\" ({}): they are kept apart by e-mail, handle or file",
                    c.name,
                    candidates[first].path.display()
                ),
            ));
        } else {
            names.insert(c.name.as_str(), i);
        }
        if beyond_latin && names.get(c.name.as_str()) == Some(&i) {
            let look: String =
                unicode_security::confusable_detection::skeleton(&c.name.to_lowercase()).collect();
            match looks.get(&look) {
                Some(&first) => warnings.push(LoadError::new(
                    &c.path,
                    None,
                    None,
                    &format!(
                        "\"{}\" looks like \"{}\" ({}) but is written with other characters{}: make sure which candidate is which",
                        c.name,
                        candidates[first].name,
                        candidates[first].path.display(),
                        if unicode_security::MixedScript::is_single_script(c.name.as_str()) {
                            ""
                        } else {
                            ", letters of more than one script among them"
                        }
                    ),
                )),
                None => {
                    looks.insert(look, i);
                }
            }
        }
        if taken.contains(&key) {
            let base = key.clone();
            let mut n = last_copy.get(&base).map_or(2, |n| n + 1);
            while taken.contains(&format!("{base}#{n}")) {
                n += 1;
            }
            last_copy.insert(base.clone(), n);
            key = format!("{base}#{n}");
            warnings.push(LoadError::new(
                &c.path,
                None,
                None,
                &format!("\"{base}\" is another candidate's identity too: this one is kept apart as \"{key}\""),
            ));
        }
        taken.insert(key.clone());
        keys.push(key);
    }
    (keys, warnings)
}
