//! The shipped candidates keep every word of the seed statements they were made from
//! (`../shared/seeds/`, read in place, not copied into the repository).

#[path = "support/shared.rs"]
mod shared;

use std::path::PathBuf;

use hustings::roster::Roster;

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the seeds live beside the repository)",
            path.display()
        )
    })
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// The text after the `Background:` line, up to `end` (exclusive) if given.
fn background<'a>(seed: &'a str, end: Option<&str>) -> &'a str {
    let start = seed.find("Background:").expect("a Background: line") + "Background:".len();
    let body = &seed[start..];
    match end.and_then(|e| body.find(e)) {
        Some(i) => &body[..i],
        None => body,
    }
}

fn shipped(name: &str) -> hustings::roster::Candidate {
    let (roster, errors) =
        Roster::load_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("candidates")]);
    assert!(errors.is_empty(), "{errors:?}");
    roster
        .candidates
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("{name} is shipped"))
}

#[test]
fn anastassios_nanos_statement_is_word_for_word() {
    if shared::shared("seeds").is_none() {
        return;
    }
    let seed = seed("000_0b108e73bb768280.txt");
    let candidate = shipped("Anastassios Nanos");
    assert_eq!(
        words(candidate.statement.raw()),
        words(background(&seed, None))
    );
    assert!(seed.starts_with("Name: Anastassios Nanos"));
    assert!(seed.contains(&format!("Email: {}", candidate.emails[0])));
}

#[test]
fn tao_peng_statement_is_word_for_word_without_the_archive_footer() {
    if shared::shared("seeds").is_none() {
        return;
    }
    let seed = seed("001_803f5371319a3cdb.txt");
    let candidate = shipped("Tao Peng");
    let body = background(
        &seed,
        Some("More information about the kata-dev mailing list"),
    );
    assert_eq!(words(candidate.statement.raw()), words(body));
    assert!(seed.contains("Name: Tao Peng"));
    let archived: Vec<String> = candidate
        .emails
        .iter()
        .map(|e| e.replace('@', " at "))
        .collect();
    assert!(seed.contains(&format!("Email: {}", archived.join(", "))));
}

#[test]
fn the_embedded_roster_is_the_shipped_folder() {
    let (embedded, _) = Roster::embedded();
    let (shipped, _) =
        Roster::load_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("candidates")]);
    assert_eq!(embedded.candidates.len(), shipped.candidates.len());
    for (a, b) in embedded.candidates.iter().zip(&shipped.candidates) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.statement, b.statement);
        assert_eq!(a.extra, b.extra);
    }
}
