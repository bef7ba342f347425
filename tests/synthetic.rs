//! The generated rosters the benchmarks and sweeps use are what they claim to be.

#[path = "support/synthetic.rs"]
mod synthetic;

use hustings::roster::Roster;
use synthetic::{statement, write_roster};

#[test]
fn statements_have_the_size_asked_and_are_stable() {
    let a = statement(7, 5_000, true);
    assert!((5_000..6_500).contains(&a.len()), "{}", a.len());
    assert_eq!(a, statement(7, 5_000, true));
    assert!(a.starts_with("## "));
    let plain = statement(7, 3_000, false);
    assert!(plain.lines().all(|l| hustings::text::wrap::width(l) <= 72));
}

#[test]
fn a_written_roster_loads_whole() {
    let dir = tempfile::tempdir().unwrap();
    write_roster(dir.path(), 45, false, 1).unwrap();
    let (roster, errors) = Roster::load_paths(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(roster.candidates.len(), 45);
    assert_eq!(roster.elections.len(), 2);
    let raw = tempfile::tempdir().unwrap();
    write_roster(raw.path(), 5, true, 1).unwrap();
    let (roster, errors) = Roster::load_paths(&[raw.path().to_path_buf()]);
    assert!(errors.is_empty());
    assert_eq!(roster.candidates.len(), 5);
    assert!(roster.candidates[0].name.contains(' '));
}
