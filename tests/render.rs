//! Tier 2: rendering into ratatui's TestBackend, with insta snapshots of the screen text.

mod common;

use common::*;
use hustings::app::{Action, App};
use hustings::text::sanitize::is_display_safe;
use hustings::ui::theme::MONO;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

fn screen(app: &mut App, width: u16, height: u16) -> String {
    text(&render(app, width, height))
}

#[test]
fn start_80x24() {
    let mut app = embedded_app();
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Tao Peng") && shown.contains("Anastassios Nanos"),
        "{shown}"
    );
    assert!(shown.contains("? help"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn open_80x24() {
    let mut app = embedded_app_at(80, 24);
    type_keys(&mut app, "j"); // Tao Peng, listed under the older election
    press(&mut app, key(KeyCode::Enter));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("┌ Tao Peng"),
        "the opened pane has its title: {shown}"
    );
    assert!(shown.contains("Ant Group"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn a_statement_pane_shows_answers_as_sections() {
    let mut app = qa_app_at(100, 40);
    type_keys(&mut app, "/ann");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    let shown = screen(&mut app, 100, 40);
    assert!(shown.contains("Questions: answered 2 of 3"), "{shown}");
    assert!(shown.contains("Q1. Should we leave GitHub?"), "{shown}");
    assert!(shown.contains("The network effects"), "{shown}");
    assert!(shown.contains("Not answered (1)"), "{shown}");
    assert!(shown.contains("Q3. Flakes"), "{shown}");
    assert!(!shown.contains("<details>"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn the_first_screen_says_an_election_asked_questions() {
    let mut app = qa_app_at(100, 30);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("3 questions: a"), "{shown}");
    assert!(shown.contains("a      the questions asked"), "{shown}");
    assert!(
        shown.contains("a questions  ? help"),
        "the status bar hints it: {shown}"
    );
    let mut plain = generated_app(2, 1);
    let shown = screen(&mut plain, 100, 30);
    assert!(
        !shown.contains("questions"),
        "no hint where none were asked: {shown}"
    );
}

#[test]
fn the_questions_grid_80x24() {
    let mut app = qa_app_at(80, 24);
    type_keys(&mut app, "ajl");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Questions of Steering 2024"), "{shown}");
    let q3 = shown.lines().find(|l| l.contains("Q3 Flakes")).unwrap();
    assert_eq!(q3.matches('·').count(), 3, "no one answered Q3: {shown}");
    assert!(
        shown.contains("Q2. Sponsors — answered by 1 of 3"),
        "{shown}"
    );
    assert!(
        shown.contains("1. Ann Lee — answered 2 of 3 · 6 words here"),
        "{shown}"
    );
    assert_snapshot!(shown);
}

#[test]
fn answers_compared_under_their_question_100x30() {
    let mut app = qa_app_at(100, 30);
    type_keys(&mut app, "a");
    press(&mut app, key(KeyCode::Enter));
    let shown = screen(&mut app, 100, 30);
    assert!(
        shown.contains("Q1 of 3: Should we leave GitHub? — answered by 2 of 3"),
        "{shown}"
    );
    assert!(
        shown.contains("Should the project host its own forge?"),
        "{shown}"
    );
    assert_eq!(shown.matches("(no answer)").count(), 1, "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn an_approval_ballot_shows_ticks_and_its_cap_80x24() {
    let mut app = approval_app_at(80, 24);
    type_keys(&mut app, "b j ");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Approval ballot: Raku 2030 · 2 seats · 2 of 3 approved (at most 2)"),
        "{shown}"
    );
    assert!(
        shown.contains("✓  Ann") && shown.contains("✓  Bo") && shown.contains("·  Cy"),
        "{shown}"
    );
    assert!(shown.contains("Not approved"), "{shown}");
    assert!(shown.contains("Space or 1 approve"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn compare_two_80x24() {
    let mut app = embedded_app_at(80, 24);
    type_keys(&mut app, "  c");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("List hidden to make room"), "{shown}");
    assert_eq!(
        shown.matches("┌").count(),
        2,
        "two panes, the list hidden: {shown}"
    );
    assert_snapshot!(shown);
}

#[test]
fn search_tao_80x24() {
    let mut app = embedded_app_at(80, 24);
    type_keys(&mut app, "  c/tao");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("/tao: 1 match"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn help_80x24() {
    let mut app = embedded_app_at(80, 24);
    type_keys(&mut app, "?");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Keys — Esc closes"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn start_40x12() {
    let mut app = embedded_app();
    let shown = screen(&mut app, 40, 12);
    assert!(shown.contains("Tao Peng"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn compare_two_40x12() {
    let mut app = embedded_app_at(40, 12);
    type_keys(&mut app, "  c");
    let shown = screen(&mut app, 40, 12);
    assert_eq!(shown.matches("┌").count(), 2, "two panes: {shown}");
    assert_snapshot!(shown);
}

#[test]
fn load_errors_40x12() {
    let (roster, errors) = hustings::roster::Roster::from_memory(
        &[
            ("e/good.yaml", "name: A\nstatement: a\n"),
            ("e/broken.yaml", "name: B\nstatement: [oops\n"),
        ],
        hustings::roster::Source::Paths(Vec::new()),
    );
    let mut app = App::new(roster, errors);
    let shown = screen(&mut app, 40, 12);
    assert!(
        shown.contains("broken.yaml"),
        "the bad file is named: {shown}"
    );
    assert_snapshot!(shown);
}

#[test]
fn hostile_statement_is_shown_not_obeyed() {
    let mut app = App::new(roster_of(&[("e/eve.yaml", HOSTILE)]), Vec::new());
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    press(&mut app, key(KeyCode::Enter));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Eve ^[]0;owned^G Mallory"), "{shown}");
    assert!(shown.contains("Clear screen: ^[[2J^[[H"), "{shown}");
    assert!(shown.contains("Evil<U+202E>Corp"), "{shown}");
    assert!(shown.contains("hidden or control characters"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn ballot_80x24() {
    let mut app = generated_app(5, 2);
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Esc));
    type_keys(&mut app, "bKjKjK=jx");
    type_keys(&mut app, "eA note");
    press(&mut app, key(KeyCode::Esc));
    assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn ranks_typed_out_of_order_at_60x20_with_rows_below() {
    let mut app = generated_app(12, 1);
    app.update(Action::Resize {
        width: 60,
        height: 20,
    });
    type_keys(&mut app, "b2j1jj4jx");
    let shown = screen(&mut app, 60, 20);
    assert!(shown.contains("↑ 2 more above"), "{shown}");
    assert!(shown.contains("no one at rank 3"), "{shown}");
    assert!(shown.contains("more below"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn a_list_row_is_two_lines_only_where_there_is_an_affiliation() {
    let files = [
        ("a/election.yaml", "name: Board 2030\n"),
        (
            "a/ann.yaml",
            "name: Ann Lee\naffiliation: Acme\nstatement: a\n",
        ),
        ("a/bo.yaml", "name: Bo Ma\nstatement: b\n"),
    ];
    // One election: its name is in the status bar, not under every candidate.
    let mut app = App::new(roster_of(&files), Vec::new());
    let shown = screen(&mut app, 60, 10);
    let rows: Vec<&str> = shown.lines().skip(1).take(3).collect();
    assert!(
        rows[0].contains("Ann Lee") && rows[1].contains("Acme"),
        "{shown}"
    );
    assert!(
        rows[2].contains("Bo Ma"),
        "no second row without an affiliation: {shown}"
    );
    assert!(!rows.iter().any(|r| r.contains("Board 2030")), "{shown}");
    // Two elections: each under its header, the rows the same.
    let mut two = files.to_vec();
    two.extend([
        ("b/election.yaml", "name: Board 2031\n"),
        ("b/cy.yaml", "name: Cy Doe\nstatement: c\n"),
    ]);
    let mut app = App::new(roster_of(&two), Vec::new());
    let shown = screen(&mut app, 60, 12);
    let list: Vec<&str> = shown.lines().skip(1).take(7).collect();
    let at = |name: &str| {
        list.iter()
            .position(|l| l.contains(name))
            .unwrap_or(usize::MAX)
    };
    assert_eq!(at("Cy Doe"), at("Board 2031") + 1, "{shown}");
    assert_eq!(at("Bo Ma"), at("Acme") + 1, "{shown}");
}

#[test]
fn note_editor_80x24() {
    let mut app = embedded_app_at(80, 24);
    type_keys(&mut app, "eFirst line");
    press(&mut app, key(KeyCode::Enter));
    type_keys(
        &mut app,
        "Second line, which is long enough to wrap around the editor box once at least",
    );
    assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn election_info_80x24() {
    let mut app = embedded_app_at(80, 24);
    // A fixed "now", two days before the April 2024 vote closes.
    app.set_now("2024-04-27T12:00:00Z".parse().unwrap());
    type_keys(&mut app, "i"); // the April 2024 election is listed first
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Voting closes in 2 days 2 hours"), "{shown}");
    assert!(shown.contains("2024-04-29 14:59 UTC"), "{shown}");
    assert!(
        shown.contains("Voting close: 2024-04-29 14:59 UTC"),
        "{shown}"
    );
    press(&mut app, key(KeyCode::PageDown));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Incumbents: Fabiano Fidêncio"), "{shown}");
}

#[test]
fn too_small_says_so_in_one_line() {
    let mut app = embedded_app();
    let shown = screen(&mut app, 29, 5);
    assert_eq!(
        shown.lines().next().unwrap(),
        "Window too small: hustings n…"
    );
    assert!(shown.lines().skip(1).all(str::is_empty));
}

#[test]
fn no_size_panics_in_any_state() {
    let states: Vec<(&str, App)> = vec![
        ("start", embedded_app()),
        ("open", {
            let mut app = embedded_app();
            press(&mut app, key(KeyCode::Enter));
            app
        }),
        ("compare four", {
            let mut app = generated_app(5, 30);
            type_keys(&mut app, "    c/hyper");
            app
        }),
        ("hostile", {
            let mut app = App::new(roster_of(&[("e/eve.yaml", HOSTILE)]), Vec::new());
            press(&mut app, key(KeyCode::Enter));
            app
        }),
        ("help", {
            let mut app = embedded_app();
            type_keys(&mut app, "?");
            app
        }),
        ("ballot", {
            let mut app = generated_app(6, 2);
            type_keys(&mut app, "bKjKjK=jx");
            app
        }),
        ("editor", {
            let mut app = generated_app(2, 2);
            type_keys(&mut app, "e日本語 note with wide text");
            app
        }),
    ];
    let mut sizes = Vec::new();
    for w in 0..=14 {
        for h in 0..=14 {
            sizes.push((w, h));
        }
    }
    for n in [1u16, 2, 3, 29, 30, 31, 79, 80, 200, 500] {
        sizes.extend([(1, n), (n, 1), (n, 8), (30, n), (n, n.min(300))]);
    }
    for (name, mut app) in states {
        for &(w, h) in &sizes {
            let shown = text(&render(&mut app, w, h));
            assert!(is_display_safe(&shown), "{name} {w}x{h}: {shown:?}");
        }
    }
}

#[test]
fn no_color_draws_no_colour_and_the_selection_still_shows() {
    let mut app = embedded_app_at(80, 24);
    type_keys(&mut app, "  c/tao");
    press(&mut app, key(KeyCode::Enter));
    let buffer = render_with(&mut app, 80, 24, &MONO);
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
    }
    let shown = text(&buffer);
    assert!(shown.contains("▶ ✓ Tao Peng"), "{shown}");
    let reversed = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 0, "the selection and status bar are reversed");
}

#[test]
fn compare_panes_are_equally_wide_at_every_width() {
    for width in 30..=200 {
        let mut app = generated_app(4, 3);
        type_keys(&mut app, "    c");
        let _ = render(&mut app, width, 20);
        let areas = app.areas(ratatui::layout::Rect::new(0, 0, width, 20));
        let widths: Vec<u16> = areas.panes.iter().map(|r| r.width).collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{width}: {widths:?}"
        );
    }
}

#[test]
fn the_list_shows_what_was_read_noted_and_ranked() {
    let mut app = embedded_app_at(80, 24);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Tao Peng                 •"),
        "unread: {shown}"
    );
    type_keys(&mut app, "j"); // Tao Peng is listed second
    press(&mut app, key(KeyCode::Enter)); // read him, for a minute
    app.set_now(chrono::Utc::now() + chrono::Duration::minutes(1));
    press(&mut app, key(KeyCode::Esc));
    type_keys(&mut app, "eA note");
    press(&mut app, key(KeyCode::Esc));
    type_keys(&mut app, "bK");
    press(&mut app, key(KeyCode::Esc));
    let shown = screen(&mut app, 80, 24);
    let row = shown
        .lines()
        .find(|l| l.starts_with("│") && l.contains("Tao Peng"))
        .unwrap();
    assert!(row.contains("✎ #1") && !row.contains('•'), "{row}");
}

#[test]
fn the_list_groups_candidates_under_their_election_named_once() {
    let mut app = embedded_app_at(80, 24);
    let shown = screen(&mut app, 80, 24);
    let list: Vec<&str> = shown
        .lines()
        .map(|l| l.split("││").next().unwrap_or(l))
        .collect();
    let header_2022 = list
        .iter()
        .position(|l| l.contains("Kata AC 2022-03"))
        .unwrap();
    let header_2024 = list
        .iter()
        .position(|l| l.contains("Kata AC 2024-04"))
        .unwrap();
    let tao = list.iter().position(|l| l.contains("Tao Peng")).unwrap();
    let nanos = list
        .iter()
        .position(|l| l.contains("Anastassios Nanos"))
        .unwrap();
    assert!(
        // The newest election first.
        header_2024 < nanos && nanos < header_2022 && header_2022 < tao,
        "{shown}"
    );
    assert_eq!(
        shown.matches("Kata AC 2022-03").count(),
        1,
        "named once: {shown}"
    );
    // One election listed: no header at all.
    type_keys(&mut app, "/tao");
    press(&mut app, key(KeyCode::Enter));
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("Kata AC 2024-04"), "{shown}");
}

#[test]
fn a_statement_of_sixty_thousand_links_lists_a_bounded_window_of_them() {
    let statement: String = (0..60_000)
        .map(|i| format!("http://e.example/{i} "))
        .collect();
    let yaml = format!("name: Linky\nstatement: \"{statement}\"\n");
    let mut app = App::new(roster_of(&[("e/linky.yaml", &yaml)]), Vec::new());
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    type_keys(&mut app, "L");
    let view = app.links_view().expect("the links list opens");
    assert_eq!(view.links.len(), 5_000);
    assert!(view.more);
    let screen = text(&render(&mut app, 100, 30));
    assert!(screen.contains("(the first 5000)"), "{screen}");
    assert!(screen.contains("▶  1 http://e.example/0"), "{screen}");
    type_keys(&mut app, "G");
    let screen = text(&render(&mut app, 100, 30));
    assert!(screen.contains("▶ 5000 http://e.example/4999"), "{screen}");
    assert!(!screen.contains(" 1 http://e.example/0 "), "{screen}");
}

#[test]
fn the_status_bar_hints_the_quit_key_as_the_config_binds_it() {
    let app = embedded_app().with_key_help(vec![
        ("Q".to_string(), "quit".to_string()),
        ("q".to_string(), "(unbound)".to_string()),
    ]);
    let mut app = app;
    let shown = screen(&mut app, 100, 24);
    let status = shown.lines().last().unwrap();
    assert!(status.ends_with("? help  Q quit"), "{status}");
    let mut plain = embedded_app();
    let shown = screen(&mut plain, 100, 24);
    assert!(shown.lines().last().unwrap().ends_with("? help  q quit"));
    let unbound = embedded_app().with_key_help(vec![("q".to_string(), "(unbound)".to_string())]);
    let mut unbound = unbound;
    let shown = screen(&mut unbound, 100, 24);
    assert!(
        !shown.lines().last().unwrap().contains("quit"),
        "no key quits but Ctrl-C: none is hinted"
    );
}

#[test]
fn the_ballot_says_where_it_is_cast_and_the_export_to_take_there() {
    let roster = roster_of(&[
        (
            "a/election.yaml",
            "name: Board 2030\ndescription: The vote will be held on [CIVS](https://civs1.civs.us/).\n",
        ),
        ("a/ann.yaml", "name: Ann\nstatement: a\n"),
        ("a/bo.yaml", "name: Bo\nstatement: b\n"),
    ]);
    let mut app = App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 120,
        height: 30,
    });
    type_keys(&mut app, "b");
    let shown = screen(&mut app, 120, 30);
    assert!(
        shown.contains("Cast on CIVS (https://civs1.civs.us/): export with `hustings ballot"),
        "{shown}"
    );
    assert!(shown.contains("export --format"), "{shown}");
}

#[test]
fn a_long_question_scrolls_in_its_band_and_says_what_is_hidden() {
    // Escaped for YAML's double quotes.
    let mut text = String::from("**Why** it matters:\\n\\n");
    for i in 1..=12 {
        text.push_str(&format!("- point {i} of the question\\n"));
    }
    let election = format!(
        "name: Steering 2030\nquestions:\n  - title: Forge\n    link: https://x.org/q/1\n    text: \"{text}\"\n"
    );
    let roster = roster_of(&[
        ("q/election.yaml", election.as_str()),
        (
            "q/ann.yaml",
            "name: Ann\nstatement: s\nanswers:\n  - question: Forge\n    link: https://x.org/q/1\n    answer: Yes.\n",
        ),
    ]);
    let mut app = App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    type_keys(&mut app, "a");
    press(&mut app, key(KeyCode::Enter));
    let shown = screen(&mut app, 100, 30);
    assert!(
        shown.contains("Why it matters:"),
        "Markdown rendered: {shown}"
    );
    assert!(shown.contains("more lines: J K"), "{shown}");
    assert!(!shown.contains("point 12"), "{shown}");
    for _ in 0..20 {
        type_keys(&mut app, "J");
    }
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("point 12 of the question"), "{shown}");
    assert!(shown.contains("above: K"), "{shown}");
}

#[test]
fn at_80_columns_election_headers_keep_what_tells_them_apart() {
    let roster = roster_of(&[
        (
            "a/election.yaml",
            "name: \"Architecture Committee Elections: September 2021\"\n",
        ),
        ("a/ann.yaml", "name: Ann\nstatement: a\n"),
        (
            "b/election.yaml",
            "name: \"Architecture Committee Elections: September 2020\"\n",
        ),
        ("b/bo.yaml", "name: Bo\nstatement: b\n"),
    ]);
    let mut app = App::new(roster, Vec::new());
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("… Elections: September 2021"), "{shown}");
    assert!(shown.contains("… Elections: September 2020"), "{shown}");
}

#[test]
fn an_elections_description_is_rendered_as_markdown() {
    let roster = roster_of(&[
        (
            "a/election.yaml",
            "name: Board 2030\ndescription: \"Vote with *care*, by `May 1`:\\n\\n- read every statement\\n- rank them all\\n\"\n",
        ),
        ("a/ann.yaml", "name: Ann\nstatement: a\n"),
    ]);
    let mut app = App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    type_keys(&mut app, "i");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Vote with care, by May 1:"), "{shown}");
    assert!(shown.contains("• read every statement"), "{shown}");
    assert!(!shown.contains("*care*"), "{shown}");
}
