//! The loader: files to a roster, every failure named, nothing stopping the others.

use super::*;

fn input(path: &str, text: &[u8]) -> Input {
    Input {
        path: PathBuf::from(path),
        bytes: Some(text.to_vec()),
        meta: None,
    }
}

#[test]
fn the_embedded_roster_loads_whole() {
    let (roster, errors) = Roster::embedded();
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<_> = roster.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Tao Peng", "Anastassios Nanos"]);
    assert_eq!(roster.elections.len(), 2);
    assert_eq!(roster.elections[1].seats, Some(4));
    assert_eq!(
        roster.elections[1].key,
        "kata-containers-architecture-committee-election-april-2024"
    );
}

#[test]
fn a_broken_file_does_not_stop_the_others() {
    let (roster, errors) = Roster::from_inputs(
        vec![
            input("e/a.yaml", b"name: A\nstatement: a\n"),
            input("e/b.yaml", b"name: B\nstatement: [unclosed\n"),
            input("e/c.yaml", b"name: C\nstatement: c\n"),
        ],
        Source::Embedded,
    );
    assert_eq!(roster.candidates.len(), 2);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "e/b.yaml");
    assert_eq!(errors[0].line, Some(2));
    assert!(errors[0].column.is_some());
    assert!(
        errors[0].to_string().starts_with("e/b.yaml:2:"),
        "{}",
        errors[0]
    );
}

#[test]
fn empty_and_non_utf8_files_are_named() {
    let (_, errors) = Roster::from_inputs(
        vec![
            input("e/empty.yaml", b"  \n"),
            input("e/latin1.yaml", b"name: Ren\xe9\nstatement: x\n"),
        ],
        Source::Embedded,
    );
    assert_eq!(errors[0].to_string(), "e/empty.yaml: empty file");
    assert_eq!(
        errors[1].to_string(),
        "e/latin1.yaml:1:10: not valid UTF-8 (byte 0xE9)"
    );
}

#[test]
fn missing_name_is_reported_with_a_position() {
    let (_, errors) = Roster::from_inputs(
        vec![input("e/x.yaml", b"email: a@b\nstatement: hi\n")],
        Source::Embedded,
    );
    assert!(errors[0].message.contains("missing field `name`"));
    assert!(errors[0].line.is_some());
}

#[test]
fn a_folder_is_an_election_with_its_metadata() {
    let (roster, errors) = Roster::from_inputs(
        vec![
            input("x/one/election.yaml", b"name: First\nseats: 2\n"),
            input(
                "x/one/a.yaml",
                b"- name: A\n  statement: a\n- name: B\n  statement: b\n",
            ),
            input("x/two/c.yaml", b"name: C\nstatement: c\n"),
        ],
        Source::Embedded,
    );
    assert!(errors.is_empty());
    assert_eq!(roster.elections[0].name, "First");
    assert_eq!(
        roster.elections[1].name, "x two",
        "a short folder name takes its parent"
    );
    assert_eq!(roster.candidates[2].election, 1);
}

#[test]
fn control_characters_in_fields_are_made_visible() {
    let (roster, _) = Roster::from_inputs(
        vec![input(
            "e/x.yaml",
            b"name: \"Eve\\e]0;pwned\\a\"\nstatement: \"a\\u202Eb\"\n",
        )],
        Source::Embedded,
    );
    let eve = &roster.candidates[0];
    assert_eq!(eve.name, "Eve^[]0;pwned^G");
    assert_eq!(eve.statement.display(), "a<U+202E>b");
    assert_eq!(eve.statement.raw(), "a\u{202E}b");
    assert_eq!(eve.hidden, 3);
}

#[test]
fn a_file_named_twice_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.yaml");
    std::fs::write(&file, "name: A\nstatement: a\n").unwrap();
    let (roster, errors) = Roster::load_paths(&[file.clone(), dir.path().to_path_buf(), file]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(roster.candidates.len(), 1);
}

#[test]
fn a_missing_path_is_an_error_not_a_crash() {
    let (roster, errors) = Roster::load_paths(&[PathBuf::from("/nonexistent/hustings")]);
    assert!(roster.candidates.is_empty());
    assert!(errors[0].to_string().starts_with("/nonexistent/hustings: "));
}

#[test]
fn alias_bombs_are_refused_before_parsing() {
    let mut text = String::from("a: &x [1]\nname: A\nstatement: s\nb: [");
    text.push_str(&"*x, ".repeat(200));
    text.push_str("]\n");
    let (roster, errors) = Roster::from_inputs(
        vec![input("e/bomb.yaml", text.as_bytes())],
        Source::Embedded,
    );
    assert!(roster.candidates.is_empty());
    assert!(errors[0].message.contains("aliases"));
    assert_eq!(errors[0].line, Some(4));
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_and_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "name: A\nstatement: a\n").unwrap();
    for name in ["cand.yaml", "JaneDoe.md", "election.yaml"] {
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join(name))
            .status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo is on every Unix");
    }
    let (roster, errors) = Roster::load_paths(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(roster.candidates.len(), 1);
    assert_eq!(roster.skipped.len(), 3, "{:?}", roster.skipped);
    assert!(
        roster
            .skipped
            .iter()
            .all(|(_, why)| why.contains("not a regular file"))
    );
}

#[test]
fn every_kind_of_yaml_is_scanned_before_parsing() {
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    let header = format!("---\nname: B\nx: {deep}\n---\nMy statement.\n");
    let results = format!("candidates:\n  tc: {deep}\n");
    let (roster, errors) = Roster::from_inputs(
        vec![
            input("e/candidate-b.md", header.as_bytes()),
            input("e/a.yaml", b"name: A\nstatement: a\n"),
            input("f/election.yaml", format!("name: {deep}\n").as_bytes()),
            input("f/c.yaml", b"name: C\nstatement: c\n"),
            input("doc/source/results/2026.1/tc.yaml", results.as_bytes()),
        ],
        Source::Embedded,
    );
    // The Elekto header is refused by the scan and kept as text; the statement loads.
    let b = roster
        .candidates
        .iter()
        .find(|c| c.statement.display().contains("My statement"));
    assert!(b.is_some(), "{:?}", roster.candidates);
    let said = roster
        .warnings
        .iter()
        .find(|w| w.path == "e/candidate-b.md");
    assert!(
        said.is_some_and(|w| w
            .message
            .starts_with("the header cannot be read (line 3, column ")
            && w.message.contains("nested too deeply")),
        "the refused header is a warning with its place in the file: {:?}",
        roster.warnings
    );
    // election.yaml too deep: named with its position; its candidates still load.
    assert!(
        errors
            .iter()
            .any(|e| e.path == "f/election.yaml" && e.message.contains("nest")),
        "{errors:?}"
    );
    assert!(roster.candidates.iter().any(|c| c.name == "C"));
    assert!(roster.candidates.iter().any(|c| c.name == "A"));
    // The refused results are named, with their place, not silently passed over.
    let results = roster
        .warnings
        .iter()
        .find(|w| w.path == "doc/source/results/2026.1/tc.yaml");
    assert!(
        results.is_some_and(|w| w.line == Some(2)
            && w.message
                .starts_with("the results could not be read (nested too deeply)")),
        "{:?}",
        roster.warnings
    );
}

#[test]
fn elections_come_in_the_order_they_took_place() {
    let (roster, errors) = Roster::from_inputs(
        vec![
            input("candidates/2024.1/TC/a@x.org", b"A 2024.1"),
            input("candidates/antelope/TC/a@x.org", b"A antelope"),
            input("candidates/mitaka/TC/a@x.org", b"A mitaka"),
            input("candidates/zed/TC/a@x.org", b"A zed"),
        ],
        Source::Embedded,
    );
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = roster.elections.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["mitaka TC", "zed TC", "antelope TC", "2024.1 TC"]);
    // History follows: the newest candidacy is last, its previous one is antelope's.
    let newest = roster
        .candidates
        .iter()
        .position(|c| c.statement.display().contains("2024.1"))
        .unwrap();
    let all = crate::analysis::candidacies::candidacies(&roster, newest);
    assert_eq!(all.last(), Some(&newest));
    assert!(
        roster.candidates[all[all.len() - 2]]
            .statement
            .display()
            .contains("antelope")
    );
}

#[test]
fn an_election_readme_table_names_the_statements_that_do_not_name_themselves() {
    let (roster, errors) = Roster::from_inputs(
        vec![
            input(
                "k/2017/README.md",
                b"# 2017 Election\n\nName | Org | GitHub\n---|---|---\n[Justin Santa Barbara](vote_for_justinsb.md) | Independent | [@justinsb](https://github.com/justinsb)\n[Ann Key](ann.txt) | Acme | [@ann](https://github.com/ann)\n",
            ),
            input("k/2017/vote_for_justinsb.md", b"## Vote for justinsb!\n\nThis election is critical.\n"),
            input("k/2017/ann.txt", b"Name: Ann Keyline\nEmail: ann@x.org\n\nHello.\n"),
        ],
        Source::Embedded,
    );
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = roster.candidates.iter().map(|c| c.name.as_str()).collect();
    assert!(names.contains(&"Justin Santa Barbara"), "{names:?}");
    assert!(
        names.contains(&"Ann Keyline"),
        "a statement that names itself keeps its name: {names:?}"
    );
}

#[test]
fn a_load_counts_the_files_it_parses() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..600 {
        std::fs::write(
            dir.path().join(format!("c{i}.yaml")),
            format!("name: C{i}\nstatement: s\n"),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("README.md"), "# An election\n").unwrap();
    let paths = vec![dir.path().to_path_buf()];
    let (files, errors) = super::files_of(&paths);
    assert_eq!(files.len(), 601);
    let progress = super::Progress::default();
    let (roster, errors) = Roster::load_files_counted(&paths, files, errors, &progress, None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(roster.candidates.len(), 600);
    use std::sync::atomic::Ordering;
    assert_eq!(
        progress.total.load(Ordering::Relaxed),
        600,
        "the README is no job"
    );
    assert_eq!(progress.done.load(Ordering::Relaxed), 600);
}

#[test]
fn an_elections_members_are_the_candidates_that_stand_in_it() {
    let (roster, _) = Roster::from_inputs(
        vec![
            input("b/x.yaml", b"name: X\nstatement: x\n"),
            input(
                "a/election.yaml",
                b"name: A\ndates:\n  nominations: 2020-01-01\n",
            ),
            input("a/p.yaml", b"name: P\nstatement: p\n"),
            input("b/y.yaml", b"name: Y\nstatement: y\n"),
            input("c/z.yaml", b"name: Z\nstatement: z\n"),
        ],
        Source::Embedded,
    );
    for index in 0..roster.elections.len() + 1 {
        let by_hand: Vec<usize> = (0..roster.candidates.len())
            .filter(|&c| roster.candidates[c].election == index)
            .collect();
        assert_eq!(roster.members(index).collect::<Vec<_>>(), by_hand);
    }
    assert_eq!(
        roster.members(0).len() + roster.members(1).len() + roster.members(2).len(),
        4
    );
}

/// Three elections of different sizes: each candidate's key is its own e-mail, whichever
/// election it is in (keys once shifted by one at every election after the first).
#[test]
fn every_election_keeps_its_own_candidates_keys() {
    let mut inputs = Vec::new();
    for (election, size) in [("a", 1), ("b", 3), ("c", 2)] {
        for i in 0..size {
            let text = format!("name: {election}{i}\nemail: {election}{i}@x.org\nstatement: s\n");
            inputs.push(input(&format!("{election}/{i}.yaml"), text.as_bytes()));
        }
    }
    let (roster, errors) = Roster::from_inputs(inputs, Source::Embedded);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(roster.candidates.len(), 6);
    for c in &roster.candidates {
        assert_eq!(c.key, format!("{}@x.org", c.name), "{}", c.name);
    }
}

/// Thousands sharing one identity are told apart as `#2`, `#3`… in order, one already
/// written as such skipped, in time linear in their number (it once took a minute).
#[test]
fn many_copies_of_one_identity_are_numbered_in_order() {
    let mut inputs = Vec::new();
    for i in 0..3_000 {
        let email = if i == 5 { "same@x.org#3" } else { "same@x.org" };
        let text = format!("name: Same {i}\nemail: {email}\nstatement: s\n");
        inputs.push(input(&format!("e/{i:04}.yaml"), text.as_bytes()));
    }
    let (roster, _) = Roster::from_inputs(inputs, Source::Embedded);
    let keys: Vec<&str> = roster.candidates.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys[..7],
        [
            "same@x.org",
            "same@x.org#2",
            "same@x.org#3",
            "same@x.org#4",
            "same@x.org#5",
            "same@x.org#3#2",
            "same@x.org#6"
        ]
    );
    let unique: std::collections::HashSet<&str> = keys.iter().copied().collect();
    assert_eq!(unique.len(), 3_000);
}

/// A name written with look-alike letters of another script beside the name it imitates is
/// warned of, naming both; names merely alike in spelling are not.
#[test]
fn a_look_alike_name_is_warned_of() {
    let inputs = vec![
        input("e/a.yaml", "name: Alice Smith\nstatement: s\n".as_bytes()),
        input(
            "e/b.yaml",
            "name: \u{410}lice Smith\nstatement: s\n".as_bytes(),
        ),
        input("e/c.yaml", "name: Alicia Smith\nstatement: s\n".as_bytes()),
        input(
            "f/d.yaml",
            "name: Paco Xu \u{5f90}\u{4fca}\u{6770}\nstatement: s\n".as_bytes(),
        ),
    ];
    let (roster, errors) = Roster::from_inputs(inputs, Source::Embedded);
    assert!(errors.is_empty(), "{errors:?}");
    let said: Vec<&str> = roster.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("\"\u{410}lice Smith\" looks like \"Alice Smith\" (e/a.yaml)")
            && said[0].contains("more than one script"),
        "{said:?}"
    );
}
