//! The statements as the voter read them, kept in their data folder so that a statement
//! changed since can be shown as a diff against the version they read: one file per version,
//! named by its hash (so two elections or voters' sessions that read the same text keep it
//! once), bounded in size, the oldest let go first.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::files::{read_regular, write_atomic};
use crate::voter::news::hash_of;

/// The largest statement kept: a longer one is not diffed against (and the diff says so).
pub const MAX_TEXT: usize = 1024 * 1024;

/// The most all kept versions take together; past it the oldest are removed.
pub const MAX_ALL: u64 = 32 * 1024 * 1024;

/// The folder of kept versions inside the voter's data folder.
pub fn folder(data: &Path) -> PathBuf {
    data.join("read")
}

/// Whether `hash` is a name this module gives: 16 hexadecimal digits, nothing that could
/// lead out of the folder.
fn is_hash(hash: &str) -> bool {
    hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Keeps each `(hash, text)` not yet kept; `known` holds the hashes known to be kept and
/// grows with those written. Returns how many were written. After a write the folder is
/// trimmed to [`MAX_ALL`].
pub fn keep(
    data: &Path,
    texts: &[(&str, &str)],
    known: &mut BTreeSet<String>,
) -> std::io::Result<usize> {
    let dir = folder(data);
    let mut written = 0;
    for &(hash, text) in texts {
        if known.contains(hash) || !is_hash(hash) || text.len() > MAX_TEXT {
            continue;
        }
        let path = dir.join(hash);
        if !path.exists() {
            if written == 0 {
                fs::create_dir_all(&dir)?;
            }
            write_atomic(&path, text.as_bytes())?;
            written += 1;
        }
        known.insert(hash.to_string());
    }
    if written > 0 {
        trim(&dir, MAX_ALL, known);
    }
    Ok(written)
}

/// The kept versions of `hashes` that can be read back whole and still hash as named.
pub fn read(data: &Path, hashes: &[&str]) -> BTreeMap<String, String> {
    let dir = folder(data);
    hashes
        .iter()
        .filter(|h| is_hash(h))
        .filter_map(|&hash| {
            let bytes = read_regular(&dir.join(hash)).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            (hash_of(&text) == hash).then(|| (hash.to_string(), text))
        })
        .collect()
}

/// Removes the oldest kept versions until all of them take at most `cap` bytes; forgets the
/// removed ones in `known`.
fn trim(dir: &Path, cap: u64, known: &mut BTreeSet<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(is_hash))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let when = meta.modified().ok()?;
            Some((when, meta.len(), e.path()))
        })
        .collect();
    let mut total: u64 = files.iter().map(|(_, len, _)| len).sum();
    files.sort();
    for (_, len, path) in files {
        if total <= cap {
            break;
        }
        if fs::remove_file(&path).is_ok() {
            total -= len;
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                known.remove(name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_kept_is_read_back_and_a_tampered_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = ("first words", "second words");
        let (ha, hb) = (hash_of(a), hash_of(b));
        let mut known = BTreeSet::new();
        let texts = [(ha.as_str(), a), (hb.as_str(), b)];
        assert_eq!(keep(dir.path(), &texts, &mut known).unwrap(), 2);
        assert_eq!(keep(dir.path(), &texts, &mut known).unwrap(), 0, "once");
        fs::write(folder(dir.path()).join(&hb), "not what was read").unwrap();
        let back = read(dir.path(), &[&ha, &hb, "../../etc/passwd"]);
        assert_eq!(back.get(&ha).map(String::as_str), Some(a));
        assert!(
            !back.contains_key(&hb),
            "a changed file is not the version read"
        );
        assert_eq!(back.len(), 1);
    }

    #[test]
    fn the_oldest_versions_go_first_past_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let folder = folder(dir.path());
        let mut known = BTreeSet::new();
        let texts: Vec<String> = (0..5).map(|i| format!("{i}").repeat(100)).collect();
        let hashes: Vec<String> = texts.iter().map(|t| hash_of(t)).collect();
        for (hash, text) in hashes.iter().zip(&texts) {
            keep(dir.path(), &[(hash, text)], &mut known).unwrap();
            // Modification times a second apart, oldest first.
            let file = fs::File::options()
                .write(true)
                .open(folder.join(hash))
                .unwrap();
            let age = std::time::Duration::from_secs(100 - known.len() as u64);
            file.set_modified(std::time::SystemTime::now() - age)
                .unwrap();
        }
        trim(&folder, 250, &mut known);
        let left: Vec<bool> = hashes.iter().map(|h| folder.join(h).exists()).collect();
        assert_eq!(left, [false, false, false, true, true]);
        assert_eq!(known.len(), 2);
    }
}
