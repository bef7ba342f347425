//! Keeping the cache from growing for ever: once a day, the shelves of folders that no
//! longer exist, and temporary files a crash left behind, are removed.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How often the cache is tidied.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// A temporary file older than this was left by a write that never finished.
const ABANDONED: Duration = Duration::from_secs(60 * 60);

/// Tidies the cache in `root` if it was not tidied in the last day; returns how many files
/// were removed. Best effort: whatever cannot be read or removed is left.
pub fn tidy(root: &Path) -> usize {
    let marker = root.join("tidied");
    let recent = fs::metadata(&marker)
        .and_then(|m| m.modified())
        .is_ok_and(|at| at.elapsed().is_ok_and(|age| age < EVERY));
    if recent || fs::write(&marker, b"").is_err() {
        return 0;
    }
    let mut removed = 0;
    for kind in ["files", "words"] {
        let Ok(entries) = fs::read_dir(root.join(kind)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if is_unneeded(&path) && fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

/// Whether a file among the shelves is of no more use: a temporary file long abandoned,
/// or a shelf of ours whose folder is gone.
fn is_unneeded(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if name.as_deref().is_some_and(|n| n.starts_with(".hustings-")) {
        return fs::metadata(path)
            .and_then(|m| m.modified())
            .is_ok_and(|at| SystemTime::now().duration_since(at).unwrap_or_default() > ABANDONED);
    }
    let Some((opened, meta)) = super::file::open_regular(path) else {
        return false;
    };
    match super::open_head(opened, meta.len()) {
        Some((head, _)) => !head.folder.exists(),
        // Not one of ours, or from a build with another layout: rewritten when next needed.
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shelves_of_folders_gone_and_abandoned_writes_go_the_rest_stays() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("cache");
        let kept = dir.path().join("kept");
        let gone = dir.path().join("gone");
        fs::create_dir_all(&kept).unwrap();
        fs::create_dir_all(&gone).unwrap();
        let value = 7u32;
        for folder in [&kept, &gone] {
            super::super::save(&root, "words", folder, 0, &[(1u128, &value)]).unwrap();
        }
        fs::remove_dir(&gone).unwrap();
        let abandoned = root.join("words").join(".hustings-abc.tmp");
        fs::write(&abandoned, b"half").unwrap();
        let old = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
        fs::File::options()
            .append(true)
            .open(&abandoned)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let fresh = root.join("words").join(".hustings-def.tmp");
        fs::write(&fresh, b"being written").unwrap();
        fs::write(root.join("words").join("strange.bin"), b"not ours").unwrap();
        assert_eq!(
            tidy(&root),
            2,
            "the shelf of the folder gone, the abandoned write"
        );
        let left: Vec<String> = fs::read_dir(root.join("words"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 3, "{left:?}");
        assert!(left.contains(&".hustings-def.tmp".to_string()));
        let still: Vec<Option<u32>> =
            super::super::restore(&root, "words", &kept, &[1u128], |_, _| true);
        assert_eq!(still, [Some(7)]);
        assert_eq!(tidy(&root), 0, "once a day");
    }
}
