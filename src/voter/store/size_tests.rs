//! The store's size cap: a voter's file past it is refused unread, never overwritten.

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
