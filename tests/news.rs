//! What's new since the voter last looked: a second visit to an election whose statements
//! were edited, whose candidates answered more questions and which gained a candidate.

mod common;

use std::collections::BTreeMap;

use common::*;
use hustings::app::{Action, App, Overlay};
use hustings::voter::ballot::Ballot;
use hustings::voter::order::OrderMode;
use ratatui::crossterm::event::KeyCode;

const ELECTION: &str = "name: Steering 2026\nquestions:\n  - title: Forge\n    link: https://x.org/q/1\n    text: Own forge?\n  - title: Sponsors\n    link: https://x.org/q/2\n    text: Which sponsors?\n";

fn candidate(name: &str, statement: &str, answers: usize) -> String {
    let mut yaml = format!("name: {name}\nstatement: {statement}\n");
    if answers > 0 {
        yaml.push_str("answers:\n");
        for (title, n) in [("Forge", 1), ("Sponsors", 2)].iter().take(answers) {
            yaml.push_str(&format!(
                "  - question: {title}\n    link: https://x.org/q/{n}\n    answer: An answer of {name}.\n"
            ));
        }
    }
    yaml
}

/// A session over `files`, the voter's `ballots` from before, opened as a visit at `at`.
fn visit(
    files: &[(String, String)],
    ballots: Vec<Ballot>,
    at: chrono::DateTime<chrono::Utc>,
) -> App {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let read_only = vec![false; ballots.len().max(1)];
    let mut app =
        App::new(roster_of(&refs), Vec::new()).with_voter(ballots, read_only, OrderMode::Name, 7);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app.begin_visit(at);
    app.set_now(at);
    app
}

fn files(ann: &str, bo_answers: usize, cy: bool) -> Vec<(String, String)> {
    let mut out = vec![
        ("e/election.yaml".to_string(), ELECTION.to_string()),
        ("e/ann.yaml".to_string(), candidate("Ann Lee", ann, 1)),
        (
            "e/bo.yaml".to_string(),
            candidate("Bo Kim", "Bo stays the same.", bo_answers),
        ),
    ];
    if cy {
        out.push((
            "e/cy.yaml".to_string(),
            candidate("Cy Ng", "Cy is new here.", 0),
        ));
    }
    out
}

fn mark_of(app: &App, name: &str) -> Option<char> {
    let c = app
        .roster
        .candidates
        .iter()
        .position(|c| c.name == name)
        .unwrap();
    app.news_mark(c)
}

#[test]
fn a_second_visit_marks_what_was_added_and_changed_and_diffs_what_was_read() {
    let first_day = chrono::Utc::now() - chrono::Duration::days(7);
    let before = files("Ann will keep CI green.", 0, false);
    let mut app = visit(&before, Vec::new(), first_day);
    assert!(
        app.news(0).unwrap().is_empty(),
        "a first visit marks nothing"
    );
    // Ann's statement is read: stayed on for a minute.
    app.update(Action::Open);
    app.set_now(first_day + chrono::Duration::minutes(1));
    assert_eq!(app.reading_progress(0), (1, 2));
    let saved = vec![app.ballot_to_save(0)];
    let kept: BTreeMap<String, String> = app
        .texts_read(0, |_| false)
        .into_iter()
        .map(|(h, t)| (h.to_string(), t.to_string()))
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "Ann's statement, as read, is handed over to keep"
    );
    assert!(
        app.texts_read(0, |hash| kept.contains_key(hash)).is_empty(),
        "once kept, not handed over again"
    );

    let today = chrono::Utc::now();
    let after = files("Ann will keep CI green and the forge ours.", 1, true);
    let app = visit(&after, saved, today);
    let mut app = app.with_texts_read(kept);
    assert!(
        app.message()
            .unwrap()
            .ends_with("1 new candidate, 1 statement changed, 1 new answer · u shows each"),
        "{:?}",
        app.message()
    );
    let news = app.news(0).unwrap();
    assert_eq!(
        news.counts().as_deref(),
        Some("1 new candidate, 1 statement changed, 1 new answer")
    );
    assert_eq!(mark_of(&app, "Ann Lee"), Some('Δ'));
    assert_eq!(mark_of(&app, "Bo Kim"), Some('Δ'), "answered one more");
    assert_eq!(mark_of(&app, "Cy Ng"), Some('+'));

    let shown = text(&render(&mut app, 120, 40));
    assert!(
        shown.contains("1 new candidate, 1 statement changed"),
        "{shown}"
    );
    assert!(shown.contains("Cy Ng") && shown.contains(" + •"), "{shown}");

    // u walks the marked candidates, wrapping.
    let mut seen = Vec::new();
    for _ in 0..3 {
        type_keys(&mut app, "u");
        seen.push(app.candidate(app.selected().unwrap()).name.clone());
    }
    seen.sort();
    assert_eq!(seen, ["Ann Lee", "Bo Kim", "Cy Ng"]);

    // d on Ann's statement: the version read beside today's, word by word.
    for _ in 0..3 {
        if app.candidate(app.selected().unwrap()).name == "Ann Lee" {
            break;
        }
        type_keys(&mut app, "u");
    }
    type_keys(&mut app, "d");
    assert_eq!(app.overlay(), Some(Overlay::History));
    let shown = text(&render(&mut app, 120, 40));
    assert!(shown.contains("as you read it"), "{shown}");
    assert!(shown.contains("5 added, 1 removed"), "{shown}");
    press(&mut app, key(KeyCode::Esc));

    // Read again, Ann's mark goes; Bo's statement never changed, so d says so.
    app.update(Action::Open);
    app.set_now(today + chrono::Duration::minutes(1));
    assert_eq!(mark_of(&app, "Ann Lee"), None);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.focus(), hustings::app::Focus::List);
    for _ in 0..3 {
        if app.candidate(app.selected().unwrap()).name == "Bo Kim" {
            break;
        }
        type_keys(&mut app, "j");
    }
    type_keys(&mut app, "d");
    assert_eq!(app.overlay(), None);
    assert!(app.message().unwrap().contains("has not changed"));
}

#[test]
fn a_third_visit_with_nothing_new_marks_nothing() {
    let day = chrono::Utc::now() - chrono::Duration::days(2);
    let roster = files("Ann.", 0, false);
    let app = visit(&roster, Vec::new(), day);
    let saved = vec![app.ballot_to_save(0)];
    let app = visit(&roster, saved, day + chrono::Duration::days(1));
    assert!(app.news(0).unwrap().is_empty());
    assert_eq!(mark_of(&app, "Ann Lee"), None);
    let mut app = app;
    type_keys(&mut app, "u");
    assert!(app.message().unwrap().contains("Nothing new"));
}
