//! The store: whole files after any crash, locks, files set aside, never overwritten.
//!
//! Mutation testing (cargo-mutants) finds no survivor here but three it cannot tell apart,
//! named equivalent in `.cargo/mutants.toml`: two "not found" guards (a folder in a file's
//! place fails the next step the same way) and the stale-file age compared with `>=`.

use super::*;

/// A temporary folder as the store makes its own: private, so that no test but the one
/// about shared folders hears that it is readable by others.
fn private_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    }
    dir
}

fn roster() -> Roster {
    Roster::embedded().0
}

/// The store opened for a session once the first election's lock, let go of, is free: a
/// test running beside this one may fork a child (to make a FIFO) in the instant the lock's
/// file is open, and the child holds the lock until it execs.
fn open_once_free(dir: &Path, roster: &Roster) -> (Store, Opened) {
    once(
        || Store::open(dir, roster).unwrap(),
        |(_, o)| !o.read_only[0],
    )
}

/// What `attempt` gives once `done` holds of it, trying again for up to two seconds (see
/// [`open_once_free`]); the last attempt's, if it never does.
fn once<T>(mut attempt: impl FnMut() -> T, done: impl Fn(&T) -> bool) -> T {
    for _ in 0..200 {
        let got = attempt();
        if done(&got) {
            return got;
        }
        drop(got);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    attempt()
}

#[test]
fn a_saved_ballot_reads_back() {
    let dir = private_dir();
    let roster = roster();
    let (store, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.ballots.len(), 2);
    let mut ballot = Ballot::default();
    ballot.move_up("Tao Peng");
    ballot.notes.insert(
        "Tao Peng".into(),
        "long-time maintainer\nsecond line".into(),
    );
    let key = &roster.elections[0].key;
    store.save(0, key, "x", &ballot).unwrap();
    drop(store);
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.ballots[0], ballot);
    assert!(opened.notices.is_empty());
}

#[test]
fn a_second_instance_is_read_only() {
    let dir = private_dir();
    let roster = roster();
    let (first, _) = Store::open(dir.path(), &roster).unwrap();
    let (second, opened) = Store::open(dir.path(), &roster).unwrap();
    assert!(opened.read_only.iter().all(|&r| r));
    assert!(opened.notices[0].contains("read-only"));
    let key = &roster.elections[0].key;
    assert!(second.save(0, key, "x", &Ballot::default()).is_err());
    assert!(first.save(0, key, "x", &Ballot::default()).is_ok());
    drop(first);
    let (_, opened) = open_once_free(dir.path(), &roster);
    assert!(
        opened.read_only.iter().all(|&r| !r),
        "the lock goes with the first"
    );
}

#[test]
fn a_corrupt_file_is_moved_aside_not_overwritten() {
    let dir = private_dir();
    let roster = roster();
    let key = roster.elections[0].key.clone();
    let path = dir.path().join(format!("{key}.yaml"));
    fs::write(&path, "format: [broken\n").unwrap();
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.ballots[0], Ballot::default());
    assert!(
        opened.notices[0].contains("moved to"),
        "{:?}",
        opened.notices
    );
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read_to_string(aside[0].path()).unwrap(),
        "format: [broken\n"
    );
    assert!(!path.exists());
}

#[test]
fn a_foreign_file_is_moved_aside() {
    let dir = private_dir();
    let roster = roster();
    let key = roster.elections[0].key.clone();
    fs::write(
        dir.path().join(format!("{key}.yaml")),
        format!("format: {FORMAT}\nelection: someone-else\n"),
    )
    .unwrap();
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert!(
        opened.notices[0].contains("belongs to election"),
        "{:?}",
        opened.notices
    );
}

#[cfg(unix)]
#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = private_dir();
    let data = dir.path().join("data");
    let roster = roster();
    let (store, _) = Store::open(&data, &roster).unwrap();
    let key = &roster.elections[0].key;
    store.save(0, key, "x", &Ballot::default()).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join(format!("{key}.yaml"))), 0o600);
}

#[cfg(unix)]
#[test]
fn the_lock_file_is_private_too() {
    use std::os::unix::fs::PermissionsExt;
    let dir = private_dir();
    let roster = roster();
    let _open = Store::open(dir.path(), &roster).unwrap();
    let lock = dir.path().join(format!("{}.lock", roster.elections[0].key));
    assert_eq!(
        fs::metadata(lock).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_ballot_that_cannot_be_read_is_left_alone_and_read_only() {
    let dir = private_dir();
    let roster = roster();
    let key = roster.elections[0].key.clone();
    // A folder where the file should be: it exists, and reading it fails.
    let path = dir.path().join(format!("{key}.yaml"));
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside"), "kept").unwrap();
    let (store, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.read_only, vec![true, false], "{:?}", opened.notices);
    assert!(
        opened.notices[0].contains("cannot be read"),
        "{:?}",
        opened.notices
    );
    assert!(store.is_read_only(0));
    // A save is refused for what it is, not blamed on another instance.
    let refused = store
        .save(0, &key, &roster.elections[0].name, &Ballot::default())
        .unwrap_err()
        .to_string();
    assert!(
        refused.starts_with("this election is read-only here"),
        "{refused}"
    );
    assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
}

#[test]
fn a_file_of_another_format_or_not_utf8_is_moved_aside_with_a_numbered_name() {
    let dir = private_dir();
    let roster = roster();
    let key = roster.elections[0].key.clone();
    let path = dir.path().join(format!("{key}.yaml"));
    fs::write(
        &path,
        format!("format: hustings-ballot-99\nelection: {key}\n"),
    )
    .unwrap();
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert!(
        opened.notices[0].contains("unknown format \"hustings-ballot-99\""),
        "{:?}",
        opened.notices
    );
    assert!(!path.exists(), "moved aside, not left to be overwritten");
    fs::write(&path, b"format: \xff\n").unwrap();
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert!(
        opened.notices[0].contains("moved to"),
        "{:?}",
        opened.notices
    );
    let mut aside: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".unreadable-"))
        .collect();
    aside.sort();
    assert_eq!(aside.len(), 2, "{aside:?}");
    // Within one second the second takes a suffix rather than replacing the first.
    if aside[0].len() != aside[1].len() {
        assert!(aside[1].ends_with("-1"), "{aside:?}");
    }
}

#[cfg(unix)]
#[test]
fn an_existing_folder_keeps_its_mode_and_a_shared_one_is_said() {
    use std::os::unix::fs::PermissionsExt;
    let dir = private_dir();
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    let (_, opened) = Store::open(&shared, &roster()).unwrap();
    let mode = fs::metadata(&shared).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o1777, "not chmodded");
    assert!(
        opened
            .remarks
            .iter()
            .any(|n| n.contains("can be read by others")),
        "{:?}",
        opened.remarks
    );
    let private = dir.path().join("private");
    fs::create_dir(&private).unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o700)).unwrap();
    let (_, opened) = Store::open(&private, &roster()).unwrap();
    assert!(opened.remarks.is_empty(), "{:?}", opened.remarks);
}

#[cfg(unix)]
#[test]
fn a_link_in_the_locks_place_is_not_followed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = private_dir();
    let roster = roster();
    let target = dir.path().join("precious");
    fs::write(&target, "mine").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let key = &roster.elections[0].key;
    std::os::unix::fs::symlink(&target, data.join(format!("{key}.lock"))).unwrap();
    let (store, opened) = Store::open(&data, &roster).unwrap();
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "the link's target keeps its mode");
    assert_eq!(fs::read_to_string(&target).unwrap(), "mine");
    assert_eq!(opened.read_only, vec![true, false]);
    assert!(store.is_read_only(0) && !store.is_read_only(1));
    assert!(
        opened.notices.iter().any(|n| n.contains("lock for")),
        "{:?}",
        opened.notices
    );
}

#[test]
fn a_folder_that_cannot_be_locked_still_shows_what_is_stored_and_says_so_once() {
    let dir = private_dir();
    let roster = roster();
    {
        let (store, _) = Store::open(dir.path(), &roster).unwrap();
        let mut ballot = Ballot::default();
        ballot.notes.insert("Tao Peng".into(), "kept note".into());
        store
            .save(0, &roster.elections[0].key, "x", &ballot)
            .unwrap();
    }
    // Locks that cannot be made, for every election alike, as in a read-only folder
    // (which a test running as root cannot make).
    for election in &roster.elections {
        let lock = dir.path().join(format!("{}.lock", election.key));
        fs::remove_file(&lock).unwrap();
        fs::create_dir(&lock).unwrap();
    }
    let (store, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.read_only, vec![true, true]);
    assert_eq!(opened.ballots[0].notes["Tao Peng"], "kept note");
    assert_eq!(opened.notices.len(), 1, "{:?}", opened.notices);
    assert!(
        opened.notices[0].contains("read-only"),
        "{:?}",
        opened.notices
    );
    assert!(
        store
            .save(0, &roster.elections[0].key, "x", &Ballot::default())
            .is_err()
    );
}

#[test]
fn stale_temporary_files_are_swept_and_fresh_ones_kept() {
    let dir = private_dir();
    let old = dir.path().join(".hustings-abc123.tmp");
    let fresh = dir.path().join(".hustings-def456.tmp");
    let other = dir.path().join("notes.tmp");
    for path in [&old, &fresh, &other] {
        fs::write(path, "half").unwrap();
    }
    let long_ago = std::time::SystemTime::now() - files::STALE_TEMP * 2;
    File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    File::options()
        .write(true)
        .open(&other)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let (_, opened) = Store::open(dir.path(), &roster()).unwrap();
    assert!(!old.exists(), "a stale one of ours goes");
    assert!(fresh.exists(), "a fresh one may be another instance's save");
    assert!(other.exists(), "not our pattern: left alone");
    assert!(
        opened
            .remarks
            .iter()
            .any(|n| n.starts_with("1 temporary file")),
        "{:?}",
        opened.remarks
    );
}

#[test]
fn the_voter_seed_is_made_once_kept_and_differs_between_voters() {
    let a = private_dir();
    let b = private_dir();
    let roster = roster();
    let (store_a, _) = Store::open(a.path(), &roster).unwrap();
    let (store_b, _) = Store::open(b.path(), &roster).unwrap();
    let seed = store_a.voter_seed().unwrap();
    assert!(
        a.path().join("voter.yaml").exists(),
        "made on the first run"
    );
    assert_eq!(store_a.voter_seed().unwrap(), seed, "kept");
    assert_ne!(
        store_b.voter_seed().unwrap(),
        seed,
        "another voter, another seed"
    );
    fs::write(a.path().join("voter.yaml"), "seed: 12345\n").unwrap();
    assert_eq!(store_a.voter_seed().unwrap(), 12345, "read as written");
}

#[test]
fn a_broken_voter_seed_is_set_aside_and_an_unreadable_one_is_an_error() {
    let dir = private_dir();
    let (store, _) = Store::open(dir.path(), &roster()).unwrap();
    let path = dir.path().join("voter.yaml");
    fs::write(&path, b"seed: \xff\n").unwrap();
    let seed = store.voter_seed().unwrap();
    assert_eq!(store.voter_seed().unwrap(), seed, "a new seed, kept");
    let aside = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("voter.yaml.unreadable-")
        });
    assert!(aside, "the broken file is kept aside, not lost");
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    assert!(
        store.voter_seed().is_err(),
        "a folder in its place is no seed"
    );
    assert!(path.is_dir(), "and is left alone");
}

#[test]
fn the_data_folder_is_the_one_given_else_the_platforms() {
    let given = Path::new("/some/where");
    assert_eq!(data_dir(Some(given)), Some(given.to_path_buf()));
    if let Some(default) = data_dir(None) {
        assert!(default.ends_with("hustings"), "{}", default.display());
    }
}

#[test]
fn set_aside_names_take_the_next_free_number() {
    let dir = private_dir();
    let path = dir.path().join("x.yaml");
    // Taken for this second and the next, so the test holds across a second's turn.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    for stamp in [now, now + 1] {
        for suffix in ["", "-1"] {
            fs::write(
                dir.path()
                    .join(format!("x.yaml.unreadable-{stamp}{suffix}")),
                "",
            )
            .unwrap();
        }
    }
    let aside = files::aside_path(&path);
    let name = aside.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with("-2"), "{name}");
    assert!(!aside.exists());
}

#[test]
fn a_file_in_the_way_of_the_data_folder_is_an_error() {
    let dir = private_dir();
    let file = dir.path().join("data");
    fs::write(&file, "not a folder").unwrap();
    let e = Store::open(&file, &roster()).err().expect("refused");
    assert!(e.to_string().contains("in the way"), "{e}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "not a folder");
}

#[cfg(unix)]
#[test]
fn an_existing_lock_file_is_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = private_dir();
    let roster = roster();
    let lock = dir.path().join(format!("{}.lock", roster.elections[0].key));
    fs::write(&lock, "").unwrap();
    fs::set_permissions(&lock, fs::Permissions::from_mode(0o644)).unwrap();
    let _open = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(
        fs::metadata(&lock).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_voters_folder_is_no_file_and_does_not_block() {
    let dir = private_dir();
    let roster = roster();
    let fifo = dir.path().join(format!("{}.yaml", roster.elections[0].key));
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()));
    let seed = dir.path().join("voter.yaml");
    let made = std::process::Command::new("mkfifo").arg(&seed).status();
    assert!(made.is_ok_and(|s| s.success()));
    let (store, opened) = Store::open(dir.path(), &roster).unwrap();
    assert!(opened.read_only[0], "{:?}", opened.notices);
    assert!(store.voter_seed().is_err());
}

#[test]
fn a_place_is_kept_per_roster_and_a_broken_one_is_ignored() {
    use crate::voter::place::{OpenPane, Place, Who};
    let dir = private_dir();
    let (store, _) = Store::open(dir.path(), &roster()).unwrap();
    assert_eq!(store.place("abc"), None, "never saved");
    let place = Place {
        panes: vec![OpenPane {
            who: Who {
                election: "e".into(),
                candidate: "ann@x".into(),
            },
            scroll: 12,
        }],
        sync: true,
        query: "\"edge computing\"".into(),
        ..Place::default()
    };
    store.save_place("abc", &place).unwrap();
    assert_eq!(store.place("abc"), Some(place));
    assert_eq!(store.place("other"), None, "each roster its own");
    fs::write(dir.path().join("place-abc.yaml"), "panes: [unclosed").unwrap();
    assert_eq!(store.place("abc"), None, "a broken place is not restored");
}

#[test]
fn a_command_holds_no_lock_and_the_app_after_it_may_write() {
    let dir = private_dir();
    let roster = roster();
    let (_command, opened) = Store::open_with(dir.path(), &roster, Locking::Save).unwrap();
    assert!(opened.read_only.iter().all(|&r| !r));
    let (app, opened) = Store::open(dir.path(), &roster).unwrap();
    assert!(opened.read_only.iter().all(|&r| !r), "{:?}", opened.notices);
    let key = &roster.elections[0].key;
    assert!(app.save(0, key, "x", &Ballot::default()).is_ok());
}

#[test]
fn a_commands_save_takes_the_lock_and_lets_it_go() {
    let dir = private_dir();
    let roster = roster();
    let key = roster.elections[0].key.clone();
    let (command, _) = Store::open_with(dir.path(), &roster, Locking::Save).unwrap();
    let mut ballot = Ballot::default();
    ballot.move_up("Tao Peng");
    command.save(0, &key, "x", &ballot).unwrap();
    // A second save of the same run finds the file as it left it.
    ballot
        .notes
        .insert("Tao Peng".into(), "second thoughts".into());
    command.save(0, &key, "x", &ballot).unwrap();
    let (app, opened) = open_once_free(dir.path(), &roster);
    assert_eq!(opened.ballots[0], ballot);
    assert!(!opened.read_only[0], "the lock was let go after the save");
    // While the app holds the election, the command's save is refused and writes nothing.
    let mut other = Ballot::default();
    other
        .notes
        .insert("Tao Peng".into(), "from the command".into());
    let refused = command.save(0, &key, "x", &other).unwrap_err();
    assert!(refused.to_string().contains("open"), "{refused}");
    drop(app);
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.ballots[0], ballot);
}

#[test]
fn a_commands_save_never_overwrites_a_file_changed_since_it_was_read() {
    let dir = private_dir();
    let roster = roster();
    let key = roster.elections[0].key.clone();
    let (command, _) = Store::open_with(dir.path(), &roster, Locking::Save).unwrap();
    // Another instance, opened and closed meanwhile, saved the voter's ranking.
    let (other, _) = Store::open_with(dir.path(), &roster, Locking::Save).unwrap();
    let mut ranked = Ballot::default();
    ranked.move_up("Tao Peng");
    other.save(0, &key, "x", &ranked).unwrap();
    let refused = once(
        || command.save(0, &key, "x", &Ballot::default()).unwrap_err(),
        |e| e.kind() != io::ErrorKind::PermissionDenied,
    );
    assert!(refused.to_string().contains("changed"), "{refused}");
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.ballots[0], ranked);
}

#[test]
fn a_command_sets_a_corrupt_file_aside_only_under_its_lock() {
    let dir = private_dir();
    let roster = roster();
    let key = roster.elections[0].key.clone();
    let path = dir.path().join(format!("{key}.yaml"));
    // While the app holds the election, the command leaves a bad file as it is, read-only.
    let (app, _) = Store::open(dir.path(), &roster).unwrap();
    fs::write(&path, "format: [broken\n").unwrap();
    let (command, opened) = Store::open_with(dir.path(), &roster, Locking::Save).unwrap();
    assert!(opened.read_only[0]);
    assert!(!opened.read_only[1]);
    assert!(
        opened.notices[0].contains("cannot be read"),
        "{:?}",
        opened.notices
    );
    assert!(command.save(0, &key, "x", &Ballot::default()).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), "format: [broken\n");
    drop(app);
    // Free, it is set aside as the app would, and the election is the command's to save.
    let (command, opened) = once(
        || Store::open_with(dir.path(), &roster, Locking::Save).unwrap(),
        |(_, o)| !o.read_only[0],
    );
    assert!(
        opened.notices[0].contains("moved to"),
        "{:?}",
        opened.notices
    );
    assert!(!opened.read_only[0]);
    assert!(!path.exists());
    command.save(0, &key, "x", &Ballot::default()).unwrap();
    assert!(path.exists());
}
