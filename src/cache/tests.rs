//! The cache's shelves: what is asked for is given, anything else refused.

use super::*;

#[test]
fn a_shelf_gives_the_values_asked_for_and_skips_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let folder = Path::new("some/folder");
    let values = [
        (1u64, &"one".to_string()),
        (2, &"two".to_string()),
        (3, &"three".to_string()),
    ];
    save(dir.path(), "words", folder, 5, &values).unwrap();
    let got: Vec<Option<String>> = restore(dir.path(), "words", folder, &[3u64, 9, 1], |_, _| true);
    assert_eq!(
        got,
        [Some("three".to_string()), None, Some("one".to_string())]
    );
    // Trust decides per key, given when the shelf was written.
    let got: Vec<Option<String>> =
        restore(dir.path(), "words", folder, &[1u64, 2], |k, written| {
            *k == 2 && written == 5
        });
    assert_eq!(got, [None, Some("two".to_string())]);
    // Another folder's shelf, even under the same name, gives nothing.
    let other = Path::new("other");
    fs::copy(
        file_for(dir.path(), "words", folder),
        file_for(dir.path(), "words", other),
    )
    .unwrap();
    let got: Vec<Option<String>> = restore(dir.path(), "words", other, &[1u64], |_, _| true);
    assert_eq!(got, [None]);
}

#[test]
fn a_fifo_where_a_shelf_or_the_secret_should_be_is_passed_by_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = Path::new("f");
    let shelf = file_for(dir.path(), "words", folder);
    fs::create_dir_all(shelf.parent().unwrap()).unwrap();
    for fifo in [&shelf, &dir.path().join("secret")] {
        let made = std::process::Command::new("mkfifo").arg(fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo is on every Unix");
    }
    let got: Vec<Option<u32>> = restore(dir.path(), "words", folder, &[1u64], |_, _| true);
    assert_eq!(got, [None]);
    // A secret is made and kept in the FIFO's place.
    assert_eq!(secret(dir.path()), secret(dir.path()));
    assert!(dir.path().join("secret").is_file());
    assert_eq!(tidy::tidy(dir.path()), 0, "the tidying passes it by too");
    assert!(shelf.exists());
}

#[test]
fn a_length_past_the_end_of_the_shelf_is_refused_without_asking_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = Path::new("f");
    let values = [(1u64, &vec![7u8; 100]), (2, &vec![8u8; 100])];
    save(dir.path(), "words", folder, 0, &values).unwrap();
    let file = file_for(dir.path(), "words", folder);
    let bytes = fs::read(&file).unwrap();
    // The head starts where the last eight bytes say (after the texts, none here), after
    // its length; the first entry's key follows it, after its own, then the value's length.
    let u64_at =
        |bytes: &[u8], at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    let head_at = u64_at(&bytes, bytes.len() - 8) as usize;
    assert_eq!(head_at, 0, "no texts");
    let head = u64_at(&bytes, head_at) as usize;
    let key = u64_at(&bytes, head_at + 8 + head) as usize;
    let value = head_at + 8 + head + 8 + key;
    let mut encoded = Vec::new();
    encode(&vec![7u8; 100], &mut encoded).unwrap();
    assert_eq!(u64_at(&bytes, value), encoded.len() as u64);
    let end = bytes.len() - 8;
    let key_at = head_at + 8 + head;
    for (at, to) in [
        (value, u64::MAX),
        (end, u64::MAX),
        (end, 3),
        (head_at, u64::MAX),
        (key_at, u64::MAX),
    ] {
        let mut bytes = bytes.clone();
        bytes[at..at + 8].copy_from_slice(&to.to_le_bytes());
        fs::write(&file, &bytes).unwrap();
        let got: Vec<Option<Vec<u8>>> =
            restore(dir.path(), "words", folder, &[1u64, 2], |_, _| true);
        assert_eq!(got, [None, None], "{at} {to}");
    }
    fs::write(&file, &bytes).unwrap();
    let got: Vec<Option<Vec<u8>>> = restore(dir.path(), "words", folder, &[1u64, 2], |_, _| true);
    assert_eq!(
        got,
        [Some(vec![7u8; 100]), Some(vec![8u8; 100])],
        "as written"
    );
}
