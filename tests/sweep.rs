//! No panic at any terminal size: every width 0..=250 and height 0..=80, in every view.

#[path = "support/synthetic.rs"]
mod synthetic;

mod common;

use common::*;
use hustings::app::{Action, App};
use hustings::ui::{self, theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Every view a voter can reach, each with hostile text somewhere in it.
fn views() -> Vec<(&'static str, App)> {
    let hostile = || {
        let mut files: Vec<(String, String)> = (0..5)
            .map(|i| {
                let body = synthetic::statement(i, 3_000, i % 2 == 0);
                (
                    format!("e/c{i}.yaml"),
                    synthetic::candidate_yaml(
                        &format!("name: Candidate {i} 日本語\nemail: c{i}@x.org"),
                        &body,
                    ),
                )
            })
            .collect();
        files.push(("e/eve.yaml".to_string(), HOSTILE.to_string()));
        files.push((
            "e/election.yaml".to_string(),
            "name: Sweep\nseats: 2\ndates: {voting_close: '2030-01-01T00:00:00Z'}\n".to_string(),
        ));
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        App::new(roster_of(&refs), Vec::new())
    };
    let with = |keys: &str| {
        let mut app = hostile();
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        type_keys(&mut app, keys);
        app
    };
    let errors = {
        let (roster, errors) = hustings::roster::Roster::from_memory(
            &[
                ("e/a.yaml", "name: A\nstatement: a\n"),
                ("e/b.yaml", "name: [\n"),
            ],
            hustings::roster::Source::Embedded,
        );
        App::new(roster, errors)
    };
    let history = {
        let roster = roster_of(&[
            (
                "a/election.yaml",
                "name: Old\ndates: {voting_close: '2021-01-01'}\n",
            ),
            (
                "a/x.yaml",
                "name: Ann Lee\nstatement: I like CI and hypervisors a lot.\n",
            ),
            (
                "b/election.yaml",
                "name: New\ndates: {voting_close: '2022-01-01'}\n",
            ),
            (
                "b/y.yaml",
                "name: Ann Lee\nstatement: I love CI, 日本語 and Rust.\n",
            ),
        ]);
        let mut app = App::new(roster, Vec::new());
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        type_keys(&mut app, "GH");
        app
    };
    let mut editor = with("e日本語 note ");
    press(&mut editor, key(KeyCode::Enter));
    vec![
        ("list", hostile()),
        ("open", {
            let mut app = with("jjjjj");
            press(&mut app, key(KeyCode::Enter));
            app
        }),
        ("compare four", with("    c}")),
        ("search", with("    c/hyper")),
        ("help", with("?")),
        ("ballot", with("bKjKjK=jx")),
        ("editor", editor),
        ("errors", errors),
        ("themes", with("t")),
        ("outline", with("  co")),
        ("election", with("i")),
        ("history", history),
    ]
}

/// Draws `app` at every size; returns how many frames were drawn.
fn sweep(name: &str, mut app: App) -> usize {
    let mut count = 0;
    for width in 0..=250u16 {
        // One terminal per width; heights change by resizing it, as a real one does.
        let mut terminal = Terminal::new(TestBackend::new(width, 0)).unwrap();
        for height in 0..=80u16 {
            terminal.backend_mut().resize(width, height);
            app.update(Action::Resize { width, height });
            terminal
                .draw(|f| ui::draw(f, &app, &theme::COLOR))
                .unwrap_or_else(|e| panic!("{name} at {width}x{height}: {e}"));
            count += 1;
        }
    }
    count
}

#[test]
fn every_size_from_0x0_to_250x80_in_every_view() {
    // The views are swept on all cores; a panic in any fails the test with its view and size.
    let counts: Vec<usize> = std::thread::scope(|scope| {
        let handles: Vec<_> = views()
            .into_iter()
            .map(|(name, app)| scope.spawn(move || sweep(name, app)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(counts.iter().sum::<usize>(), 12 * 251 * 81);
}
