//! The store's caps: a voter's file past the size cap is refused unread, never overwritten,
//! and one holding an alias bomb is refused before it is parsed.

use super::*;

#[test]
fn a_voters_file_past_the_size_cap_is_refused_unread_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    }
    let roster = Roster::embedded().0;
    let ballot = dir.path().join(format!("{}.yaml", roster.elections[0].key));
    let huge = fs::File::create(&ballot).unwrap();
    huge.set_len(files::MAX_VOTER_FILE + 1).unwrap();
    drop(huge);
    let seed = dir.path().join("voter.yaml");
    fs::File::create(&seed)
        .unwrap()
        .set_len(files::MAX_VOTER_FILE + 1)
        .unwrap();
    let (store, opened) = Store::open(dir.path(), &roster).unwrap();
    assert!(opened.read_only[0], "{:?}", opened.notices);
    assert!(
        opened.notices.iter().any(|n| n.contains("more than the")),
        "{:?}",
        opened.notices
    );
    assert!(store.voter_seed().is_err());
    assert_eq!(
        fs::metadata(&ballot).unwrap().len(),
        files::MAX_VOTER_FILE + 1,
        "left as it is"
    );
}

#[test]
fn an_alias_bomb_in_a_ballot_file_is_refused_before_it_is_parsed_and_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    }
    let roster = Roster::embedded().0;
    let key = roster.elections[0].key.clone();
    let path = dir.path().join(format!("{key}.yaml"));
    let anchor = format!("a: &x [{}]\n", vec!["1"; 100_000].join(","));
    let bomb = format!("{anchor}notes: [{}]\n", vec!["*x"; 5_000].join(", "));
    fs::write(&path, &bomb).unwrap();
    let (_, opened) = Store::open(dir.path(), &roster).unwrap();
    assert_eq!(opened.ballots[0], Ballot::default());
    assert!(
        opened.notices[0].contains("alias") && opened.notices[0].contains("moved to"),
        "{:?}",
        opened.notices
    );
    assert!(!path.exists(), "kept aside, not parsed nor overwritten");
}
