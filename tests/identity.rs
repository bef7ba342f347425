//! Who a candidate is must not depend on what else is open: every candidate's key with all
//! elections loaded together equals its key with its election loaded alone, and no two
//! candidates of an election share one (proptest, over rosters of several elections).

use hustings::roster::{Roster, Source};
use proptest::prelude::*;

/// One candidate as written: a name from a small pool (so names repeat), and an e-mail, a
/// handle, both or neither (so some are known by their file alone).
#[derive(Debug, Clone)]
struct Person {
    name: u8,
    email: Option<u8>,
    handle: Option<u8>,
}

/// One election: its files (each one candidate, or a list of several) and a date, so the
/// order elections are put in is not their folders' order.
#[derive(Debug, Clone)]
struct ElectionSpec {
    files: Vec<Vec<Person>>,
    year: Option<u16>,
}

fn person() -> impl Strategy<Value = Person> {
    (0..12u8, prop::option::of(0..8u8), prop::option::of(0..8u8)).prop_map(
        |(name, email, handle)| Person {
            name,
            email,
            handle,
        },
    )
}

fn election(max_files: usize) -> impl Strategy<Value = ElectionSpec> {
    (
        prop::collection::vec(
            prop_oneof![
                4 => prop::collection::vec(person(), 1..=1),
                1 => prop::collection::vec(person(), 2..=4),
            ],
            1..=max_files,
        ),
        prop::option::of(2000..2030u16),
    )
        .prop_map(|(files, year)| ElectionSpec { files, year })
}

fn yaml_of(p: &Person) -> String {
    let mut s = format!("name: Person {}\n", p.name);
    if let Some(e) = p.email {
        s.push_str(&format!("email: p{e}@x.org\n"));
    }
    if let Some(h) = p.handle {
        s.push_str(&format!("links: {{ github: h{h} }}\n"));
    }
    s.push_str("statement: a statement\n");
    s
}

/// Every file of the roster, `(path, text)`, election by election.
fn files_of(elections: &[ElectionSpec]) -> Vec<Vec<(String, String)>> {
    elections
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut files = Vec::new();
            if let Some(year) = e.year {
                files.push((
                    format!("r/e{i}/election.yaml"),
                    format!("name: Election {i}\ndates:\n  voting_open: \"{year}-03-01\"\n"),
                ));
            }
            for (j, people) in e.files.iter().enumerate() {
                // File names repeat from one election to the next.
                let path = format!("r/e{i}/c{j}.yaml");
                let text = match people.as_slice() {
                    [one] => yaml_of(one),
                    many => many
                        .iter()
                        .map(|p| {
                            let body = yaml_of(p).replace('\n', "\n  ");
                            format!("- {}\n", body.trim_end())
                        })
                        .collect(),
                };
                files.push((path, text));
            }
            files
        })
        .collect()
}

fn load(files: &[(String, String)]) -> Roster {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (roster, errors) = Roster::from_memory(&refs, Source::Embedded);
    assert!(errors.is_empty(), "{errors:?}");
    roster
}

/// A candidate as the property compares it: (file, name, key).
type Seen = (String, String, String);

/// Per election folder: its candidates as (file, name, key), in the roster's order.
fn keys_by_folder(roster: &Roster) -> Vec<(String, Vec<Seen>)> {
    (0..roster.elections.len())
        .map(|e| {
            let members = roster.candidates[roster.members(e)]
                .iter()
                .map(|c| (c.path.display().to_string(), c.name.clone(), c.key.clone()))
                .collect();
            (roster.elections[e].folder.clone(), members)
        })
        .collect()
}

/// The property, for elections loaded in the order `order` names them.
fn check(elections: &[ElectionSpec], order: &[usize]) -> Result<(), TestCaseError> {
    let files = files_of(elections);
    let together: Vec<(String, String)> = order.iter().flat_map(|&i| files[i].clone()).collect();
    let roster = load(&together);
    let expected: usize = elections
        .iter()
        .map(|e| e.files.iter().map(Vec::len).sum::<usize>())
        .sum();
    prop_assert_eq!(roster.candidates.len(), expected);
    prop_assert_eq!(roster.elections.len(), elections.len());
    for (folder, members) in keys_by_folder(&roster) {
        let mut keys: Vec<&str> = members.iter().map(|(_, _, k)| k.as_str()).collect();
        prop_assert!(
            keys.iter().all(|k| !k.is_empty()),
            "an empty key in {folder}"
        );
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        prop_assert_eq!(
            keys.len(),
            before,
            "two candidates of {} share a key",
            folder
        );
        let i: usize = folder
            .trim_start_matches("r/e")
            .parse()
            .expect("a folder of ours");
        let alone = keys_by_folder(&load(&files[i]));
        prop_assert_eq!(alone.len(), 1);
        prop_assert_eq!(&alone[0].1, &members, "keys of {} differ alone", folder);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn keys_do_not_depend_on_what_else_is_open(
        (elections, order) in prop::collection::vec(election(50), 1..=6)
            .prop_flat_map(|elections| {
                let n = elections.len();
                (Just(elections), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
            })
    ) {
        check(&elections, &order)?;
    }
}

/// More than 512 candidates, in elections of very different sizes: the keys are given on
/// every core, election by election, and must still land on their own candidates.
#[test]
fn keys_hold_on_the_parallel_path() {
    let sizes = [1, 300, 2, 250, 49, 7];
    let elections: Vec<ElectionSpec> = sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| ElectionSpec {
            files: (0..size)
                .map(|j| {
                    vec![Person {
                        name: (j % 12) as u8,
                        email: (j % 3 != 0).then_some(((i + j) % 8) as u8),
                        handle: (j % 5 == 0).then_some((j % 8) as u8),
                    }]
                })
                .collect(),
            year: Some(2030 - i as u16),
        })
        .collect();
    assert!(sizes.iter().sum::<usize>() > 512);
    check(&elections, &[3, 0, 5, 1, 4, 2]).expect("keys hold");
}
