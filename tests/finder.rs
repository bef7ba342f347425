//! The candidate finder, against documents generated in every layout it reads (a section,
//! a table row, a list item, a data record, a file each), with random heading quirks: each
//! reads back to exactly the candidates written, each with exactly their own words.

use std::collections::BTreeSet;

use hustings::load::finder::{self, data};
use proptest::prelude::*;

const FIRST: &[&str] = &[
    "Ann", "Bo", "Cyra", "Dmitri", "Eun", "Farah", "Göran", "Hiro", "Ines", "Jo", "Kwame", "Lena",
    "Mateo", "Nia", "Olu", "Priya",
];
const LAST: &[&str] = &[
    "Lee",
    "Ma",
    "Okafor",
    "Novak",
    "Sato",
    "Ramírez",
    "O'Brien",
    "Van Dyke",
    "Kowalski",
    "Nguyen",
    "Haddad",
    "Smith-Jones",
];
const WORDS: &[&str] = &[
    "we",
    "build",
    "tools",
    "together",
    "and",
    "care",
    "about",
    "users",
    "testing",
    "review",
    "mentoring",
    "docs",
    "for",
    "years",
    "with",
    "everyone",
];

#[derive(Debug, Clone)]
struct Person {
    name: String,
    words: Vec<String>,
}

fn people() -> impl Strategy<Value = Vec<Person>> {
    prop::collection::btree_set((0..FIRST.len(), 0..LAST.len()), 2..7).prop_flat_map(|names| {
        let n = names.len();
        (
            Just(names),
            prop::collection::vec(prop::collection::vec(0..WORDS.len(), 1..30), n),
        )
            .prop_map(|(names, words)| {
                names
                    .into_iter()
                    .zip(words)
                    .map(|((f, l), w)| Person {
                        name: format!("{} {}", FIRST[f], LAST[l]),
                        words: w.into_iter().map(|i| WORDS[i].to_string()).collect(),
                    })
                    .collect()
            })
    })
}

/// A statement's words, as paragraphs of up to seven words.
fn paragraphs(words: &[String]) -> String {
    words
        .chunks(7)
        .map(|c| c.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn words_of(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Each candidate read back has the name written and, among the statement's words, all of
/// theirs and no word only another has.
fn check(read: &finder::Reading, people: &[Person]) -> Result<(), TestCaseError> {
    let names: Vec<&str> = read.candidates.iter().map(|c| c.name.as_str()).collect();
    let expected: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    prop_assert_eq!(names, expected, "{}", read.how);
    for (c, p) in read.candidates.iter().zip(people) {
        let got = words_of(&c.statement);
        let mine: BTreeSet<String> = p.words.iter().cloned().collect();
        for w in &mine {
            prop_assert!(
                got.contains(w),
                "{}: '{}' lost from {:?}",
                p.name,
                w,
                c.statement
            );
        }
        for other in people.iter().filter(|o| o.name != p.name) {
            for w in other.words.iter().filter(|w| !mine.contains(*w)) {
                prop_assert!(
                    !got.contains(w),
                    "{}'s word '{}' in {}'s statement",
                    other.name,
                    w,
                    p.name
                );
            }
        }
    }
    Ok(())
}

fn heading(name: &str, quirk: usize) -> String {
    match quirk % 6 {
        0 => format!("### {name}"),
        1 => format!("### {name}   "),
        2 => format!("### **{name}**"),
        3 => format!("<h3>{name}</h3>"),
        4 => format!("### {name} ###"),
        _ => format!("{name}\n---"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn sections(people in people(), quirks in prop::collection::vec(0usize..6, 7), bullets in any::<bool>()) {
        // A setext heading is level 2: all the document's candidates share the quirk then.
        let setext = quirks[0] % 6 == 5;
        let mut text = String::from("# Example Board Election 2030 Candidates\n\n");
        for (i, p) in people.iter().enumerate() {
            let quirk = if setext { 5 } else { quirks[i] % 5 };
            text.push_str(&heading(&p.name, quirk));
            text.push_str("\n\n");
            if bullets || i % 2 == 0 {
                text.push_str(&format!("- Company: Acme {i}\n\n"));
            }
            text.push_str(&paragraphs(&p.words));
            text.push_str("\n\n---\n\n");
        }
        // With no profile, a document's own list of its candidates is the evidence.
        let list: String = people.iter().map(|p| format!("- [{}](#x)\n", p.name)).collect();
        let text = text.replacen("\n\n", &format!("\n\n## List of candidates\n\n{list}\n"), 1);
        let read = finder::find(&text, "candidates.md", "candidates");
        check(&read, &people)?;
        prop_assert!(read.many);
    }

    #[test]
    fn table_rows(people in people()) {
        let mut text = String::from("# Example Election 2030\n\n## Nominees\n\n| Name | Employer | Statement |\n|--|--|--|\n");
        for p in &people {
            text.push_str(&format!("| {} | Acme | {} |\n", p.name, p.words.join(" ")));
        }
        text.push_str("\n## Results\n\n| | votes |\n|--|--|\n| x | 1 |\n");
        check(&finder::find(&text, "election.md", "election"), &people)?;
    }

    #[test]
    fn list_items(people in people(), rst in any::<bool>()) {
        let text = if rst {
            let items: String = people.iter().map(|p| format!("- `{} <https://d.example/{}>`_\n", p.name, p.words.len())).collect();
            format!("Title: Example 2030 election\n\nCandidates\n==========\n\n{items}\n")
        } else {
            let items: String = people.iter().map(|p| format!("- [{}](https://d.example/{})\n", p.name, p.words.len())).collect();
            format!("# Example 2030 election\n\n## Nominees\n\n{items}\n")
        };
        let read = finder::find(&text, if rst { "e.rst" } else { "e.md" }, "e");
        let names: Vec<&str> = read.candidates.iter().map(|c| c.name.as_str()).collect();
        let expected: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        prop_assert_eq!(names, expected);
        for (c, p) in read.candidates.iter().zip(&people) {
            let url = format!("https://d.example/{}", p.words.len());
            prop_assert!(c.links.contains(&("statement".to_string(), url)));
        }
    }

    #[test]
    fn data_records(people in people(), nested in any::<bool>()) {
        let mut yaml = String::from(if nested { "nominees:\n" } else { "" });
        for p in &people {
            yaml.push_str(&format!("- name: {}\n  affil: Acme\n  bio: '{}'\n", p.name, p.words.join(" ")));
        }
        let value: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
        let Some(data::Data::Nominees(all)) = data::read(&value) else {
            return Err(TestCaseError::fail("no nominees"));
        };
        let read = finder::Reading { candidates: all, ..Default::default() };
        check(&read, &people)?;
        prop_assert!(read.candidates.iter().all(|c| c.affiliation.as_deref() == Some("Acme")));
    }

    #[test]
    fn a_file_each(people in people(), layout in 0usize..3) {
        for p in &people {
            let body = paragraphs(&p.words);
            let text = match layout {
                0 => format!("# Nomination\n\n### Candidate\n\n{} - [gh](https://github.com/gh)\n\n### Statement\n\n{body}\n", p.name),
                1 => format!("# {}\n\n{body}\n", p.name),
                _ => format!("---\nname: {}\n---\n\n{body}\n", p.name),
            };
            let read = finder::find(&text, "x.md", "x");
            check(&read, std::slice::from_ref(p))?;
        }
    }
}

#[test]
fn a_template_among_the_files_is_left_out() {
    let read = finder::find(
        "### Candidate\n\nJohn Doe - GitHub Username\n\n### Statement\n\nI would be honoured.\n",
        "sample.md",
        "sample",
    );
    assert!(read.candidates.is_empty());
    assert!(read.left_out.unwrap().contains("John Doe"));
}
