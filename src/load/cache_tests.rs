//! The loader with a cache: a second load takes unchanged files from it, sees every change
//! at once, and never trusts what it finds there.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::job::{FileKey, Outcome};
use crate::cache::{self, Stamp};
use crate::roster::{Roster, text::UNREADABLE};
use crate::text::sanitize::{is_display_safe, sanitize_text};

/// An election of two in a folder `e`, its files old enough for the cache to vouch for them.
fn election(dir: &Path) -> PathBuf {
    let e = dir.join("e");
    fs::create_dir_all(&e).unwrap();
    fs::write(e.join("a.yaml"), "name: Ann\nstatement: Hello.\n").unwrap();
    fs::write(e.join("b.yaml"), "name: Bo\nstatement: Hi.\n").unwrap();
    settle();
    e
}

/// Waits out the window in which a file just written is not vouched for.
fn settle() {
    std::thread::sleep(Duration::from_millis(2100));
}

fn load(cache: Option<&Path>, e: &Path) -> Roster {
    let paths = vec![e.to_path_buf()];
    let (files, errors) = super::files_of(&paths);
    let progress = super::Progress::default();
    let (roster, errors) = Roster::load_files_counted(&paths, files, errors, &progress, cache);
    assert!(errors.is_empty(), "{errors:?}");
    roster
}

fn names(roster: &Roster) -> Vec<&str> {
    roster.candidates.iter().map(|c| c.name.as_str()).collect()
}

/// The one shelf of parsed files the cache holds.
fn shelf(cache: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = fs::read_dir(cache.join("files"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.remove(0)
}

/// Puts `edit` of what the cache holds for `e/a.yaml` back on its shelf, as a cache of
/// another writer could.
fn tamper(cache: &Path, e: &Path, edit: impl Fn(&mut Outcome)) {
    let keys: Vec<FileKey> = ["a.yaml", "b.yaml"]
        .iter()
        .map(|f| FileKey {
            path: PathBuf::from(f),
            stamp: Stamp::of(&e.join(f)),
            context: 0,
        })
        .collect();
    let trust = |_: &FileKey, _: u128| true;
    let mut found: Vec<Option<Outcome>> = cache::restore(cache, "files", e, &keys, trust);
    let mut a = found[0].take().expect("a.yaml is cached");
    edit(&mut a);
    let b = found[1].take().expect("b.yaml is cached");
    let values = [(&keys[0], &a), (&keys[1], &b)];
    cache::save(cache, "files", e, cache::start(), &values).unwrap();
}

fn rename(outcome: &mut Outcome, name: &str) {
    outcome.0.as_mut().unwrap().candidates[0].name = name.to_string();
}

#[test]
fn a_second_load_comes_from_the_cache_and_every_change_is_seen_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let e = election(dir.path());
    let first = load(Some(&cache), &e);
    assert_eq!(first, load(None, &e), "the same roster as without a cache");
    assert_eq!(load(Some(&cache), &e), first, "and the same again from it");
    // What the cache holds is what a load uses: an edit made there shows.
    tamper(&cache, &e, |a| rename(a, "Ann from the cache"));
    assert_eq!(names(&load(Some(&cache), &e)), ["Ann from the cache", "Bo"]);
    // A file changed (at the same size), added or removed is read afresh.
    fs::write(e.join("a.yaml"), "name: Amy\nstatement: Hello.\n").unwrap();
    assert_eq!(names(&load(Some(&cache), &e)), ["Amy", "Bo"]);
    fs::write(e.join("c.yaml"), "name: Cy\nstatement: Hey.\n").unwrap();
    assert_eq!(names(&load(Some(&cache), &e)), ["Amy", "Bo", "Cy"]);
    fs::remove_file(e.join("b.yaml")).unwrap();
    assert_eq!(names(&load(Some(&cache), &e)), ["Amy", "Cy"]);
}

#[test]
fn a_truncated_random_or_hostile_cache_is_ignored_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let e = election(dir.path());
    let good = load(Some(&cache), &e);
    let file = shelf(&cache);
    let bytes = fs::read(&file).unwrap();
    for cut in [0, 1, 8, 40, bytes.len() / 2, bytes.len() - 1] {
        fs::write(&file, &bytes[..cut]).unwrap();
        assert_eq!(load(Some(&cache), &e), good, "cut at {cut}");
        assert_eq!(fs::read(&file).unwrap().len(), bytes.len(), "rebuilt whole");
    }
    // Random bytes, and random bytes after a true start.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut random = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect()
    };
    for start in [0, 16, bytes.len() / 2] {
        let mut noisy = bytes[..start].to_vec();
        noisy.extend(random(bytes.len() - start));
        fs::write(&file, &noisy).unwrap();
        assert_eq!(load(Some(&cache), &e), good, "noise from {start}");
    }
    // A statement edited to hold an escape is refused, and the file read afresh.
    tamper(&cache, &e, |a| rename(a, "Ann \u{1b}]0;pwned\u{7}"));
    assert_eq!(load(Some(&cache), &e), good);
    // A statement edited to hold one is sanitized when read, as a file's is: what the cache
    // holds never reaches the terminal as written there.
    tamper(&cache, &e, |a| {
        a.0.as_mut().unwrap().candidates[0]
            .statement
            .set_display_unchecked("\u{9b}2J".to_string());
    });
    let tampered = load(Some(&cache), &e);
    assert!(!tampered.candidates[0].statement.is_read());
    let statement = tampered.candidates[0].statement.display();
    assert_eq!(statement, sanitize_text("\u{9b}2J").text);
    assert!(is_display_safe(statement) && !statement.contains('\u{9b}'));
    // A folder in the cache's place, and a cache folder that cannot be made: loads as ever.
    fs::remove_file(&file).unwrap();
    fs::create_dir(&file).unwrap();
    assert_eq!(load(Some(&cache), &e), good);
    let blocked = dir.path().join("blocked");
    fs::write(&blocked, "a file where the cache folder would be").unwrap();
    assert_eq!(load(Some(&blocked), &e), good);
}

#[test]
fn a_file_changed_just_now_is_not_vouched_for() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let e = election(dir.path());
    load(Some(&cache), &e);
    // Rewritten twice within a clock tick at the same size: a stamp could miss the second
    // write, so a file that new is always read.
    fs::write(e.join("a.yaml"), "name: Amy\nstatement: Hello.\n").unwrap();
    assert_eq!(names(&load(Some(&cache), &e)), ["Amy", "Bo"]);
    fs::write(e.join("a.yaml"), "name: Eve\nstatement: Hello.\n").unwrap();
    assert_eq!(names(&load(Some(&cache), &e)), ["Eve", "Bo"]);
}

#[test]
fn texts_wait_in_the_cache_until_read_and_a_changed_cache_is_said_not_believed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let e = election(dir.path());
    let cold = load(Some(&cache), &e);
    assert!(
        cold.candidates[0].statement.is_read(),
        "parsed texts are at hand"
    );
    let warm = load(Some(&cache), &e);
    assert!(warm.candidates.iter().all(|c| !c.statement.is_read()));
    assert_eq!(warm.candidates[1].statement.display(), "Hi.");
    assert!(warm.candidates[1].statement.is_read());
    assert!(
        !warm.candidates[0].statement.is_read(),
        "only the text asked for"
    );
    // Searched, a text is read without being kept.
    assert!(warm.candidates[0].statement.with_raw(|t| t == "Hello."));
    assert!(!warm.candidates[0].statement.is_read());
    // The shelf rewritten under a running app (by another run, its texts elsewhere now):
    // a text not yet read says so (on a thread that has not kept the old shelf open, which
    // would still give the text as it was), and never shows what is now at its place.
    let again = load(Some(&cache), &e);
    tamper(&cache, &e, |a| rename(a, "Ann again"));
    std::thread::scope(|s| {
        s.spawn(|| {
            assert!(again.candidates[1].statement.with_raw(|t| t == UNREADABLE));
            assert_eq!(again.candidates[0].statement.display(), UNREADABLE);
        });
    });
    // Bytes changed in place (no writer of ours does), even with the file's time set back:
    // refused by the texts' hashes.
    let fresh = load(Some(&cache), &e);
    let file = shelf(&cache);
    let modified = fs::metadata(&file).unwrap().modified().unwrap();
    let mut bytes = fs::read(&file).unwrap();
    let hello = |w: &[u8]| w == b"Hello.";
    assert_eq!(
        bytes.windows(6).filter(|w| hello(w)).count(),
        1,
        "kept once"
    );
    let at = bytes.windows(6).position(hello).unwrap();
    bytes[at] = b'J';
    fs::write(&file, &bytes).unwrap();
    let same = fs::OpenOptions::new().write(true).open(&file).unwrap();
    same.set_modified(modified).unwrap();
    std::thread::scope(|s| {
        s.spawn(|| {
            assert_eq!(fresh.candidates[0].statement.display(), UNREADABLE);
            assert_eq!(fresh.candidates[1].statement.display(), "Hi.");
        });
    });
}

#[test]
fn a_load_part_from_the_cache_part_afresh_gives_every_file_its_own_outcome() {
    // Folders of several sizes, one past the loader's parallel threshold, so that files
    // taken from shelves and files parsed afresh meet at every kind of boundary.
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let root = dir.path().join("roster");
    let sizes = [1, 7, 3, 600, 2];
    for (f, &size) in sizes.iter().enumerate() {
        let folder = root.join(format!("e{f}"));
        fs::create_dir_all(&folder).unwrap();
        for i in 0..size {
            let text = format!("name: P{f}-{i}\nemail: p{f}-{i}@x.org\nstatement: s{i}\n");
            fs::write(folder.join(format!("c{i:03}.yaml")), text).unwrap();
        }
    }
    settle();
    load(Some(&cache), &root);
    // Changed since: the first of one folder, the last of another, a run in the big one;
    // the only file of the first folder is replaced by two.
    let change = |f: usize, i: usize| {
        let text = format!("name: New{f}-{i}\nemail: p{f}-{i}@x.org\nstatement: t\n");
        fs::write(root.join(format!("e{f}/c{i:03}.yaml")), text).unwrap();
    };
    change(1, 0);
    change(2, 2);
    for i in 100..140 {
        change(3, i);
    }
    change(4, 1);
    change(0, 0);
    change(0, 1);
    let warm = load(Some(&cache), &root);
    let cold = load(None, &root);
    assert_eq!(warm, cold, "the same roster as without a cache");
    for c in &warm.candidates {
        let file = c.path.file_stem().unwrap().to_string_lossy();
        let i: usize = file[1..].parse().unwrap();
        assert!(
            c.name.ends_with(&format!("-{i}")) && c.key.ends_with(&format!("-{i}@x.org")),
            "{} in {} is keyed {}",
            c.name,
            c.path.display(),
            c.key
        );
    }
}

#[test]
fn every_spelling_of_a_folder_shares_one_shelf() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let e = election(dir.path());
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(dir.path(), &link).unwrap();
    let spellings = [
        e.clone(),
        PathBuf::from(format!("{}/", e.display())),
        dir.path().join(".").join("e"),
        link.join("e"),
    ];
    load(Some(&cache), &spellings[0]);
    // What the cache holds is what a load uses: an edit made there shows, whichever way
    // the folder is written, and no spelling writes a shelf of its own.
    tamper(&cache, &e, |a| rename(a, "Ann from the cache"));
    for spelling in &spellings {
        let roster = load(Some(&cache), spelling);
        assert_eq!(
            names(&roster),
            ["Ann from the cache", "Bo"],
            "{}",
            spelling.display()
        );
        assert!(
            roster.candidates[0].path.starts_with(spelling),
            "named as typed"
        );
    }
    shelf(&cache);
}

#[test]
fn an_index_made_from_texts_that_could_not_be_read_back_is_never_kept() {
    use crate::analysis::words::Words;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let e = election(dir.path());
    load(Some(&cache), &e);
    // A run whose texts wait on the shelf, which another run replaces before the index is
    // made (three first runs at once): its texts read as the stand-in here.
    let waiting = load(Some(&cache), &e);
    tamper(&cache, &e, |a| rename(a, "Ann"));
    std::thread::scope(|s| {
        s.spawn(|| {
            let words = Words::with_cache(&waiting, Some(&cache));
            let mut has = vec![false; 2];
            words.mark("hello", false, &mut has);
            assert_eq!(has, [false, false], "this run could not read the texts");
        });
    });
    // The next run must not believe that index: its texts are there to be read.
    std::thread::scope(|s| {
        s.spawn(|| {
            let next = load(Some(&cache), &e);
            let words = Words::with_cache(&next, Some(&cache));
            let mut has = vec![false; 2];
            words.mark("hello", false, &mut has);
            assert_eq!(has, [true, false], "Ann's statement is found");
        });
    });
}
