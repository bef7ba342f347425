//! Any terminal size, in every view: no panic, nothing unsafe drawn, and a frame that says
//! something — the status bar at a usable size, why not below it. By default the sweep takes
//! every width at a few heights, every height at a few widths and every small size (fast
//! enough for each run of the tests); with `HUSTINGS_FULL_SWEEP` set (as `.ci/run` sets it)
//! it takes every width 0..=250 at every height 0..=80.

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
            "name: Sweep\nseats: 2\ndates: {voting_close: '2030-01-01T00:00:00Z'}\nquestions:\n  - title: \"Forges \\u202E? \\e[31m 日本語\"\n    text: \"Should we \\u0007 move?\"\n  - title: Money\n".to_string(),
        ));
        files.push((
            "e/qa.yaml".to_string(),
            "name: Quinn 日本語\nstatement: \"See https://a.example/a/very/long/path/that/wraps/in/narrow/windows/{}/end and [x](https://b.example/\\u202Eevil) and javascript:alert(1)\"\nanswers:\n  - title: Money\n    answer: \"Sponsors \\e]0;pwned\\a\\u202E with care.\"\n".replace("{}", &"x".repeat(300)),
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
        ("links", {
            let mut app = with("/Quinn");
            press(&mut app, key(KeyCode::Enter));
            press(&mut app, key(KeyCode::Enter));
            type_keys(&mut app, "L");
            assert!(app.links_view().is_some(), "the links are open");
            app
        }),
        ("questions", {
            let app = with("ajl");
            assert!(app.questions_view().is_some(), "the grid is open");
            app
        }),
        ("answers", {
            let mut app = with("aj");
            press(&mut app, key(KeyCode::Enter));
            assert!(
                app.banner().is_some(),
                "answers compared under their question"
            );
            app
        }),
    ]
}

/// The sizes to draw: every one up to 250 × 80 in a full sweep, else a cross through them.
fn sizes() -> Vec<(u16, u16)> {
    let full = std::env::var_os("HUSTINGS_FULL_SWEEP").is_some();
    let mut sizes = Vec::new();
    for width in 0..=250u16 {
        for height in 0..=80u16 {
            let small = width <= 40 && height <= 12;
            let cross = [0, 1, 2, 3, 7, 8, 12, 24, 40, 80].contains(&height)
                || [0, 1, 2, 29, 30, 40, 80, 120, 250].contains(&width);
            if full || small || cross {
                sizes.push((width, height));
            }
        }
    }
    sizes
}

/// What every frame must show: only display-safe text; at a usable size a status bar, and
/// below it the start of the line that says why.
fn check_frame(name: &str, buffer: &ratatui::buffer::Buffer) {
    let (width, height) = (buffer.area.width, buffer.area.height);
    let row = |y: u16| -> String { (0..width).map(|x| buffer[(x, y)].symbol()).collect() };
    if let Some(cell) = buffer
        .content
        .iter()
        .find(|cell| !hustings::text::sanitize::is_display_safe(cell.symbol()))
    {
        panic!("{name} at {width}x{height}: unsafe cell {cell:?}");
    }
    if width == 0 || height == 0 {
        return;
    }
    if width < hustings::layout::MIN_WIDTH || height < hustings::layout::MIN_HEIGHT {
        // The line is cut to the width, with an ellipsis where it is cut.
        let first = row(0);
        let shown = first.trim_end().trim_end_matches('…');
        assert!(
            "Window too small".starts_with(shown) || first.starts_with("Window too small"),
            "{name} at {width}x{height}: {first:?}"
        );
    } else {
        let status = row(height - 1);
        assert!(
            !status.trim().is_empty(),
            "{name} at {width}x{height}: no status bar"
        );
    }
}

/// Draws `app` at every size of the sweep; returns how many frames were drawn.
fn sweep(name: &str, mut app: App, sizes: &[(u16, u16)]) -> usize {
    let mut count = 0;
    let mut terminal = Terminal::new(TestBackend::new(0, 0)).unwrap();
    for &(width, height) in sizes {
        terminal.backend_mut().resize(width, height);
        app.update(Action::Resize { width, height });
        terminal
            .draw(|f| ui::draw(f, &app, &theme::COLOR))
            .unwrap_or_else(|e| panic!("{name} at {width}x{height}: {e}"));
        check_frame(name, terminal.backend().buffer());
        count += 1;
    }
    count
}

#[test]
fn every_size_in_every_view() {
    let sizes = sizes();
    // The views are swept on all cores; a failure names its view and size.
    let counts: Vec<usize> = std::thread::scope(|scope| {
        let handles: Vec<_> = views()
            .into_iter()
            .map(|(name, app)| {
                let sizes = &sizes;
                scope.spawn(move || sweep(name, app, sizes))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(counts.iter().sum::<usize>(), 15 * sizes.len());
}

#[test]
fn the_frame_check_sees_an_unsafe_cell_and_a_missing_status_bar() {
    let check = |buffer: &ratatui::buffer::Buffer| {
        std::panic::catch_unwind(|| check_frame("test", buffer)).is_err()
    };
    let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 40, 10));
    assert!(check(&buffer), "a blank frame has no status bar");
    buffer.set_string(0, 9, "1/2 │ status", ratatui::style::Style::default());
    assert!(!check(&buffer), "a frame with a status bar passes");
    buffer[(3, 3)].set_symbol("\u{202e}");
    assert!(check(&buffer), "a bidi override in a cell is caught");
}
