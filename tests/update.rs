//! Tier 1: state changes driven by key events and actions, without a terminal.

mod common;

use common::*;
use hustings::app::{Action, Effect, Focus, HIT_CONTEXT, Mode, Overlay};
use hustings::keymap::{self, NORMAL, OVERLAY, SEARCH};
use hustings::roster::{Roster, Source};
use hustings::voter::order::OrderMode;
use ratatui::crossterm::event::{Event, KeyCode};

fn selected_name(app: &hustings::app::App) -> String {
    app.candidate(app.selected().expect("a selection"))
        .name
        .clone()
}

fn sized(mut app: hustings::app::App) -> hustings::app::App {
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

#[test]
fn j_and_k_move_within_the_list() {
    let mut app = sized(embedded_app());
    assert_eq!(selected_name(&app), "Anastassios Nanos");
    type_keys(&mut app, "j");
    assert_eq!(selected_name(&app), "Tao Peng");
    type_keys(&mut app, "jjj");
    assert_eq!(app.cursor(), 1, "stops at the last candidate");
    press(&mut app, key(KeyCode::Up));
    press(&mut app, key(KeyCode::Up));
    assert_eq!(app.cursor(), 0, "stops at the first");
}

#[test]
fn key_releases_are_ignored() {
    let mut app = sized(embedded_app());
    press(&mut app, release(KeyCode::Char('j')));
    assert_eq!(app.cursor(), 0);
}

#[test]
fn enter_opens_the_selected_candidate_and_focuses_it() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "j");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.panes().len(), 1);
    assert_eq!(app.candidate(app.panes()[0].candidate).name, "Tao Peng");
    assert_eq!(app.focus(), Focus::Pane(0));
    // Back to the list, pick the other one: it replaces the pane's content.
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.focus(), Focus::List);
    type_keys(&mut app, "k");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.panes().len(), 1);
    assert_eq!(
        app.candidate(app.panes()[0].candidate).name,
        "Anastassios Nanos"
    );
}

#[test]
fn space_marks_and_c_compares_side_by_side() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "c");
    assert!(app.panes().is_empty(), "nothing to compare yet");
    assert!(app.message().unwrap().contains("Mark 2 to 4"));
    type_keys(&mut app, "  ");
    assert_eq!(app.marks().len(), 2);
    type_keys(&mut app, "c");
    let shown: Vec<_> = app
        .panes()
        .iter()
        .map(|p| app.candidate(p.candidate).name.clone())
        .collect();
    assert_eq!(shown, vec!["Anastassios Nanos", "Tao Peng"]);
    assert_eq!(app.focus(), Focus::Pane(0));
}

#[test]
fn space_again_unmarks() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, " k ");
    assert!(app.marks().is_empty());
}

#[test]
fn at_most_four_can_be_marked() {
    let mut app = sized(generated_app(6, 2));
    type_keys(&mut app, "     ");
    assert_eq!(app.marks().len(), 4);
    assert!(app.message().unwrap().contains("At most 4"));
    type_keys(&mut app, "c");
    assert_eq!(app.panes().len(), 4);
}

#[test]
fn compare_panes_follow_list_order_not_marking_order() {
    let mut app = sized(generated_app(4, 2));
    type_keys(&mut app, "jjj kk ");
    let marked: Vec<_> = app
        .marks()
        .iter()
        .map(|&m| app.candidate(m).name.clone())
        .collect();
    assert_eq!(marked, vec!["Candidate 01", "Candidate 03"]);
}

#[test]
fn tab_cycles_focus_through_list_and_panes() {
    let mut app = sized(generated_app(3, 2));
    type_keys(&mut app, "  c");
    assert_eq!(app.focus(), Focus::Pane(0));
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus(), Focus::Pane(1));
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.focus(), Focus::Pane(1));
}

#[test]
fn slash_tao_leaves_tao_peng() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "j/");
    assert_eq!(app.mode(), Mode::Search);
    type_keys(&mut app, "tao");
    assert_eq!(app.hits().len(), 1);
    assert_eq!(selected_name(&app), "Tao Peng");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.query(), "tao", "Enter keeps the filter");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.hits().len(), 2, "Esc clears the filter");
}

#[test]
fn typing_q_in_search_is_text_not_quit() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "/");
    assert_eq!(type_keys(&mut app, "q"), Effect::Continue);
    assert_eq!(app.query(), "q");
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(app.query(), "");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn search_keeps_the_selection_when_it_still_matches() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "j/a");
    assert_eq!(selected_name(&app), "Tao Peng");
}

#[test]
fn a_search_matching_nothing_leaves_an_empty_list_safely() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "/zzzzqqq");
    assert!(app.hits().is_empty());
    assert_eq!(app.selected(), None);
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "jk ");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.panes().is_empty());
}

#[test]
fn n_and_capital_n_jump_between_hits_in_the_pane() {
    let mut app = sized(embedded_app());
    // The first listed: the newest election's Anastassios Nanos.
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "/hypervisor");
    press(&mut app, key(KeyCode::Enter));
    let pane = |app: &hustings::app::App| app.panes()[0].clone();
    let hits: Vec<usize> = pane(&app).hits();
    assert!(hits.len() >= 3, "{hits:?}");
    // Each hit jumped to is in view with a few lines above it, and counted.
    let shows = |app: &hustings::app::App, k: usize| {
        let p = pane(app);
        assert_eq!(p.hit_position(), Some((k + 1, hits.len())), "hit {k}");
        let line = hits[k];
        assert!(
            p.scroll() <= line && line < p.scroll() + 30,
            "hit {k} on line {line} in view from {}",
            p.scroll()
        );
        assert!(
            line - p.scroll() >= HIT_CONTEXT.min(line),
            "lines above hit {k}: {}",
            line - p.scroll()
        );
    };
    type_keys(&mut app, "n");
    shows(&app, 0);
    type_keys(&mut app, "n");
    shows(&app, 1);
    type_keys(&mut app, "N");
    shows(&app, 0);
    for _ in 0..hits.len() + 2 {
        type_keys(&mut app, "n");
    }
    shows(&app, hits.len() - 1);
    assert!(app.message().unwrap().contains("No further match"));
}

#[test]
fn paging_and_g_scroll_the_focused_pane_within_bounds() {
    let mut app = sized(generated_app(2, 60));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::PageDown));
    let page = app.panes()[0].scroll();
    assert!(page > 10, "{page}");
    type_keys(&mut app, "G");
    let bottom = app.panes()[0].scroll();
    let lines = app.panes()[0].lines().len();
    assert!(bottom > page && bottom < lines);
    press(&mut app, key(KeyCode::PageDown));
    type_keys(&mut app, "j");
    assert_eq!(app.panes()[0].scroll(), bottom, "never past the end");
    type_keys(&mut app, "g");
    assert_eq!(app.panes()[0].scroll(), 0);
    type_keys(&mut app, "k");
    assert_eq!(app.panes()[0].scroll(), 0);
}

#[test]
fn synced_scrolling_moves_every_pane() {
    let mut app = sized(generated_app(3, 60));
    type_keys(&mut app, "   c");
    type_keys(&mut app, "jjj");
    let scrolls: Vec<_> = app.panes().iter().map(|p| p.scroll()).collect();
    assert_eq!(scrolls, vec![3, 0, 0]);
    type_keys(&mut app, "s");
    assert!(app.sync());
    type_keys(&mut app, "jj");
    let scrolls: Vec<_> = app.panes().iter().map(|p| p.scroll()).collect();
    assert_eq!(scrolls, vec![5, 2, 2]);
    type_keys(&mut app, "g");
    assert!(app.panes().iter().all(|p| p.scroll() == 0));
}

#[test]
fn resizing_rewraps_and_keeps_the_place() {
    let mut app = sized(generated_app(1, 40));
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "G");
    let wide_lines = app.panes()[0].lines().len();
    app.update(Action::Resize {
        width: 50,
        height: 20,
    });
    let narrow_lines = app.panes()[0].lines().len();
    assert!(narrow_lines > wide_lines, "{narrow_lines} > {wide_lines}");
    let pane = &app.panes()[0];
    assert!(pane.scroll() <= pane.max_scroll(18));
    assert!(pane.scroll() > narrow_lines / 2, "still near the end");
    for line in pane.lines() {
        assert!(
            hustings::text::wrap::width(&line.text) <= 50 - 4,
            "{line:?}"
        );
    }
}

#[test]
fn resizing_to_nothing_and_back_is_safe() {
    let mut app = sized(generated_app(3, 10));
    type_keys(&mut app, "  c");
    for (width, height) in [(0, 0), (1, 1), (5, 200), (300, 2), (120, 40)] {
        app.update(Action::Resize { width, height });
        type_keys(&mut app, "jkG");
        press(&mut app, key(KeyCode::PageDown));
    }
    assert_eq!(app.panes().len(), 2);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = sized(generated_app(2, 60));
    type_keys(&mut app, "  c");
    let areas = app.areas(ratatui::layout::Rect::new(0, 0, 120, 40));
    let second = areas.panes[1];
    app.update(Action::Wheel {
        column: second.x + 2,
        row: second.y + 2,
        lines: 1,
    });
    let scrolls: Vec<_> = app.panes().iter().map(|p| p.scroll()).collect();
    assert_eq!(scrolls, vec![0, 3]);
}

#[test]
fn clicking_a_list_row_selects_it() {
    let mut app = sized(generated_app(5, 2));
    // Border row, then two rows per candidate: row 5 is the third candidate's first line.
    app.update(Action::Click { column: 3, row: 5 });
    assert_eq!(app.cursor(), 2);
}

#[test]
fn w_closes_the_focused_pane() {
    let mut app = sized(generated_app(3, 2));
    type_keys(&mut app, "  c");
    type_keys(&mut app, "w");
    assert_eq!(app.panes().len(), 1);
    type_keys(&mut app, "w");
    assert!(app.panes().is_empty());
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn z_hides_the_list_only_when_a_pane_is_open() {
    let mut app = sized(generated_app(2, 2));
    type_keys(&mut app, "z");
    let full = ratatui::layout::Rect::new(0, 0, 120, 40);
    assert!(
        app.areas(full).list.width > 0,
        "the list stays when it is all there is"
    );
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "z");
    assert_eq!(app.areas(full).list.width, 0);
    assert_eq!(app.areas(full).panes[0].width, 120);
}

#[test]
fn load_errors_open_in_an_overlay_that_esc_closes() {
    let (roster, errors) = Roster::from_memory(
        &[
            ("e/good.yaml", "name: A\nstatement: a\n"),
            ("e/bad.yaml", "name: [\n"),
        ],
        Source::Paths(Vec::new()),
    );
    let mut app = sized(hustings::app::App::new(roster, errors));
    assert_eq!(app.overlay(), Some(Overlay::Errors));
    assert_eq!(app.mode(), Mode::Overlay);
    type_keys(&mut app, "j");
    assert_eq!(
        app.cursor(),
        0,
        "keys under an overlay do not reach the list"
    );
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay(), None);
    type_keys(&mut app, "E");
    assert_eq!(app.overlay(), Some(Overlay::Errors));
}

#[test]
fn question_mark_opens_help_and_q_quits() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    type_keys(&mut app, "?");
    assert_eq!(app.overlay(), None);
    assert_eq!(type_keys(&mut app, "q"), Effect::Quit);
}

#[test]
fn ctrl_c_quits_from_any_mode() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut app = sized(embedded_app());
    type_keys(&mut app, "/");
    assert_eq!(press(&mut app, ctrl_c.clone()), Effect::Quit);
    type_keys(&mut app, "?");
    assert_eq!(press(&mut app, ctrl_c), Effect::Quit);
}

#[test]
fn pasting_starts_a_search_with_the_pasted_text() {
    let mut app = sized(embedded_app());
    press(&mut app, Event::Paste("Nanos\n".into()));
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.query(), "Nanos ");
    assert_eq!(app.hits().len(), 1);
}

#[test]
fn every_key_in_help_does_what_help_says() {
    for (mode, table) in [
        (Mode::Normal, NORMAL),
        (Mode::Search, SEARCH),
        (Mode::Overlay, OVERLAY),
    ] {
        for binding in table {
            for &code in binding.keys {
                let action = keymap::action_for(&key(code), mode);
                // A key listed twice (Space) resolves to the first binding that lists it.
                let first = table.iter().find(|b| b.keys.contains(&code)).unwrap();
                assert_eq!(action, Some(first.action.clone()), "{mode:?} {code:?}");
            }
        }
    }
}

// ---- the voter's own work: ballot, notes, order, reading progress ----

/// The ranking of the first election, by the names the voter sees (the ballot keeps keys).
fn ballot_names(app: &hustings::app::App) -> Vec<Vec<String>> {
    let name = |key: &String| {
        app.roster
            .candidates
            .iter()
            .find(|c| &c.key == key)
            .map_or_else(|| key.clone(), |c| c.name.clone())
    };
    app.ballot(0)
        .ranking
        .iter()
        .map(|group| group.iter().map(name).collect())
        .collect()
}

#[test]
fn b_opens_the_ballot_with_everyone_unranked() {
    let mut app = sized(generated_app(3, 2));
    type_keys(&mut app, "b");
    assert_eq!(app.mode(), Mode::Ballot);
    let rows = app.ballot_rows(0);
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .all(|r| r.placement == hustings::voter::ballot::Placement::Unranked)
    );
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn ranking_keys_move_tie_and_set_no_opinion() {
    let mut app = sized(generated_app(4, 2));
    type_keys(&mut app, "b");
    // Rank the first three in list order: K on each makes it the last ranked.
    type_keys(&mut app, "K");
    type_keys(&mut app, "jK");
    type_keys(&mut app, "jK");
    assert_eq!(
        ballot_names(&app),
        vec![
            vec!["Candidate 00"],
            vec!["Candidate 01"],
            vec!["Candidate 02"]
        ]
    );
    // The selection follows the moved candidate: K again lifts Candidate 02 above 01.
    type_keys(&mut app, "K");
    assert_eq!(
        ballot_names(&app),
        vec![
            vec!["Candidate 00"],
            vec!["Candidate 02"],
            vec!["Candidate 01"]
        ]
    );
    // = ties it with the one above.
    type_keys(&mut app, "=");
    assert_eq!(
        ballot_names(&app),
        vec![vec!["Candidate 00", "Candidate 02"], vec!["Candidate 01"]]
    );
    // x on the last (unranked) one: no opinion.
    type_keys(&mut app, "G");
    type_keys(&mut app, "x");
    let key = &app
        .roster
        .candidates
        .iter()
        .find(|c| c.name == "Candidate 03")
        .unwrap()
        .key;
    assert!(app.ballot(0).no_opinion.contains(key));
    // Every change asks to be saved at once.
    assert_eq!(app.take_saves(), vec![(0, hustings::app::SaveWhen::Now)]);
}

#[test]
fn the_ballot_follows_the_voters_order() {
    let mut app =
        sized(generated_app(5, 1)).with_voter(Vec::new(), Vec::new(), OrderMode::Seed(1), 0);
    let listed: Vec<usize> = app.hits().iter().map(|h| h.candidate).collect();
    type_keys(&mut app, "b");
    let rows: Vec<usize> = app.ballot_rows(0).iter().map(|r| r.candidate).collect();
    assert_eq!(rows, listed);
    assert_ne!(listed, vec![0, 1, 2, 3, 4], "seed 1 shuffles");
}

#[test]
fn e_writes_a_note_that_esc_saves() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "e");
    assert_eq!(app.mode(), Mode::Editor);
    type_keys(&mut app, "Ask about CI");
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "q and j are text here");
    assert_eq!(app.take_saves(), vec![(1, hustings::app::SaveWhen::Soon)]);
    press(&mut app, key(KeyCode::Left));
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.note_text(1), "Ask about CI\nq and j are text hee");
    assert_eq!(app.take_saves(), vec![(1, hustings::app::SaveWhen::Now)]);
}

#[test]
fn v_shows_notes_above_the_statement() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "eRemember this");
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Enter));
    let first = |app: &hustings::app::App| app.panes()[0].lines()[0].text.clone();
    assert!(!first(&app).contains("Your note"));
    type_keys(&mut app, "v");
    assert!(first(&app).contains("Your note"));
    assert_eq!(app.panes()[0].lines()[1].text, "Remember this");
}

#[test]
fn an_emptied_note_is_removed() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "ex");
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.ballot(0).notes.is_empty());
}

#[test]
fn a_statement_is_read_when_stayed_on_not_when_opened() {
    let mut app = sized(generated_app(3, 2));
    let start = chrono::Utc::now();
    app.set_now(start);
    assert_eq!(app.reading_progress(0), (0, 3));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.reading_progress(0), (0, 3), "opened is not read");
    app.set_now(start + chrono::Duration::seconds(2));
    press(&mut app, key(KeyCode::Esc));
    app.set_now(start + chrono::Duration::seconds(60));
    assert_eq!(app.reading_progress(0), (0, 3), "left after two seconds");
    // Space marks the selected candidate and moves on: all three are compared.
    type_keys(&mut app, "   c");
    assert_eq!(
        app.reading_progress(0),
        (0, 3),
        "three opened at once, none read"
    );
    app.set_now(start + chrono::Duration::seconds(120));
    assert_eq!(
        app.reading_progress(0),
        (1, 3),
        "the focused one, stayed on"
    );
    press(&mut app, key(KeyCode::Tab));
    app.set_now(start + chrono::Duration::seconds(121));
    assert_eq!(
        app.reading_progress(0),
        (1, 3),
        "the next, only just focused"
    );
}

#[test]
fn a_statement_scrolled_through_to_its_end_is_read() {
    // Three statements of different lengths: 1, 30 and 90 paragraphs.
    for paragraphs in [1usize, 30, 90] {
        let mut app = sized(generated_app(2, paragraphs));
        let start = chrono::Utc::now();
        app.set_now(start);
        press(&mut app, key(KeyCode::Enter));
        let mut pages = 0;
        while app.reading_progress(0).0 == 0 && pages < 200 {
            press(&mut app, key(KeyCode::PageDown));
            pages += 1;
        }
        if paragraphs == 1 {
            // It fits: there is nothing to scroll through; time alone reads it.
            assert_eq!(app.reading_progress(0), (0, 2), "{paragraphs}");
            app.set_now(start + chrono::Duration::seconds(30));
        }
        assert_eq!(
            app.reading_progress(0),
            (1, 2),
            "{paragraphs}: {pages} pages"
        );
    }
}

#[test]
fn random_order_is_stable_for_a_seed_and_differs_between_voters() {
    let order = |seed: u64| -> Vec<usize> {
        let mut ballots = vec![hustings::voter::ballot::Ballot::default()];
        ballots[0].seed = Some(seed);
        let app = generated_app(12, 1).with_voter(ballots, vec![false], OrderMode::Random, 0);
        app.hits().iter().map(|h| h.candidate).collect()
    };
    assert_eq!(order(1), order(1));
    assert_ne!(order(1), order(2));
}

#[test]
fn without_a_seed_of_its_own_an_election_follows_the_voters_seed_and_nothing_is_written() {
    let order = |voter_seed: u64| -> Vec<usize> {
        let mut app =
            generated_app(12, 1).with_voter(Vec::new(), Vec::new(), OrderMode::Random, voter_seed);
        assert!(
            app.take_saves().is_empty(),
            "nothing to write before the list appears"
        );
        assert!(app.ballot(0).seed.is_none());
        app.hits().iter().map(|h| h.candidate).collect()
    };
    assert_eq!(order(5), order(5));
    assert_ne!(order(5), order(6));
}

#[test]
fn capital_r_rerolls_the_order_in_random_mode_only() {
    let mut app =
        sized(generated_app(12, 1)).with_voter(Vec::new(), Vec::new(), OrderMode::Random, 0);
    app.take_saves();
    let before: Vec<usize> = app.hits().iter().map(|h| h.candidate).collect();
    let seed = app.ballot(0).seed;
    type_keys(&mut app, "R");
    assert_ne!(app.ballot(0).seed, seed);
    let after: Vec<usize> = app.hits().iter().map(|h| h.candidate).collect();
    assert_ne!(before, after);
    assert_eq!(app.take_saves().len(), 1);

    let mut fixed =
        sized(generated_app(3, 1)).with_voter(Vec::new(), Vec::new(), OrderMode::Name, 0);
    type_keys(&mut fixed, "R");
    assert!(fixed.message().unwrap().contains("--order"));
}

#[test]
fn name_order_is_alphabetical_within_each_election() {
    let roster = roster_of(&[
        ("b/z.yaml", "name: Zed\nstatement: z\n"),
        ("b/a.yaml", "name: amy\nstatement: a\n"),
        ("a/m.yaml", "name: Mo\nstatement: m\n"),
    ]);
    let app = hustings::app::App::new(roster, Vec::new()).with_voter(
        Vec::new(),
        Vec::new(),
        OrderMode::Name,
        0,
    );
    let names: Vec<&str> = app
        .hits()
        .iter()
        .map(|h| app.candidate(h.candidate).name.as_str())
        .collect();
    // The last election listed first; by name within each.
    assert_eq!(names, vec!["amy", "Zed", "Mo"]);
}

#[test]
fn a_read_only_election_refuses_changes_and_says_why() {
    let mut app = sized(generated_app(3, 1)).with_voter(Vec::new(), vec![true], OrderMode::Name, 0);
    type_keys(&mut app, "b");
    type_keys(&mut app, "K");
    assert!(app.ballot(0).ranking.is_empty());
    assert!(app.message().unwrap().contains("Read-only"));
    press(&mut app, key(KeyCode::Esc));
    type_keys(&mut app, "e");
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.take_saves().is_empty());
}

#[test]
fn brackets_jump_between_elections_and_i_shows_the_current_one() {
    let mut app = sized(embedded_app());
    // The list shows the newest election (index 1, 2024) first; ] goes down the list.
    assert_eq!(app.current_election(), Some(1));
    type_keys(&mut app, "]");
    assert_eq!(app.current_election(), Some(0));
    type_keys(&mut app, "]");
    assert_eq!(app.current_election(), Some(1), "wraps around");
    type_keys(&mut app, "[");
    assert_eq!(app.current_election(), Some(0));
    type_keys(&mut app, "i");
    assert_eq!(app.overlay(), Some(Overlay::Election));
    type_keys(&mut app, "i");
    assert_eq!(app.overlay(), None);
}

#[test]
fn enter_in_the_ballot_opens_the_statement() {
    let mut app = sized(generated_app(3, 1));
    type_keys(&mut app, "bj");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.candidate(app.panes()[0].candidate).name, "Candidate 01");
}

#[test]
fn a_session_starts_on_the_first_candidate_of_the_voters_order() {
    let app = generated_app(8, 1).with_voter(Vec::new(), Vec::new(), OrderMode::Seed(3), 0);
    assert_eq!(app.cursor(), 0);
    assert_eq!(app.selected(), Some(app.hits()[0].candidate));
}

fn two_markdown_statements() -> hustings::app::App {
    let a = "name: Ann\nstatement: |\n  # Ann\n\n  ## Who I am\n\n  Ann text.\n\n  ## Plans\n\n  - fix CI\n\n  ## Thanks\n\n  Bye.\n";
    let b = "name: Bob\nstatement: |\n  # Bob\n\n  ## Who I am\n\n  Bob text.\n\n  More text.\n\n  More text.\n\n  ## Thanks\n\n  Cheers.\n\n  ## Plans\n\n  - hypervisors\n";
    let roster = roster_of(&[("e/a.yaml", a), ("e/b.yaml", b)]);
    let mut app = hustings::app::App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    type_keys(&mut app, "  c");
    app
}

fn line_at_top(app: &hustings::app::App, pane: usize) -> String {
    let p = &app.panes()[pane];
    p.lines()[p.scroll()].text.clone()
}

#[test]
fn a_section_jump_moves_every_pane_to_the_same_heading() {
    let mut app = two_markdown_statements();
    type_keys(&mut app, "}");
    assert_eq!(line_at_top(&app, 0), "Ann");
    assert_eq!(line_at_top(&app, 1), "Bob");
    type_keys(&mut app, "}");
    assert_eq!(line_at_top(&app, 0), "Who I am");
    assert_eq!(line_at_top(&app, 1), "Who I am");
    type_keys(&mut app, "}");
    assert_eq!(line_at_top(&app, 0), "Plans");
    assert_eq!(line_at_top(&app, 1), "Plans", "found by name, not position");
    type_keys(&mut app, "{");
    assert_eq!(line_at_top(&app, 0), "Who I am");
    assert_eq!(line_at_top(&app, 1), "Who I am");
}

#[test]
fn o_outlines_the_sections_of_every_pane() {
    let mut app = two_markdown_statements();
    type_keys(&mut app, "o");
    assert_eq!(app.overlay(), Some(Overlay::Outline));
    let titles: Vec<&str> = app.panes()[1]
        .sections()
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Bob", "Who I am", "Thanks", "Plans"]);
}

#[test]
fn capital_h_compares_with_the_previous_candidacy() {
    let roster = roster_of(&[
        (
            "a/election.yaml",
            "name: Old\ndates: {voting_close: '2021-01-01'}\n",
        ),
        (
            "a/x.yaml",
            "name: Ann Lee\nemail: ann@x\nstatement: I like CI.\n",
        ),
        (
            "b/election.yaml",
            "name: Mid\ndates: {voting_close: '2022-01-01'}\n",
        ),
        ("b/y.yaml", "name: Ann Lee\nstatement: I love CI.\n"),
        (
            "c/election.yaml",
            "name: New\ndates: {voting_close: '2023-01-01'}\n",
        ),
        (
            "c/z.yaml",
            "name: A. Lee\nemail: ANN@x\nstatement: I love CI and Rust.\n",
        ),
    ]);
    let mut app = hustings::app::App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    // The newest election is listed first, the oldest last.
    type_keys(&mut app, "GH");
    assert_eq!(app.overlay(), None, "the oldest has nothing before it");
    assert!(app.message().unwrap().contains("first candidacy"));
    type_keys(&mut app, "gH");
    assert_eq!(app.overlay(), Some(Overlay::History));
    let (all, newer, _) = app.history_view();
    assert_eq!((all.len(), newer), (3, 2));
    press(&mut app, key(KeyCode::Left));
    assert_eq!(app.history_view().1, 1);
    press(&mut app, key(KeyCode::Left));
    assert_eq!(app.history_view().1, 1, "no pair older than the first two");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay(), None);
}

#[test]
fn t_lists_themes_and_enter_searches_for_one() {
    let roster = roster_of(&[
        (
            "e/a.yaml",
            "name: Ann\nstatement: Hypervisors and hypervisor support matter.\n",
        ),
        (
            "e/b.yaml",
            "name: Bob\nstatement: Confidential containers, confidential containers.\n",
        ),
        (
            "e/c.yaml",
            "name: Cy\nstatement: Docs, docs and more docs.\n",
        ),
    ]);
    let mut app = hustings::app::App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    type_keys(&mut app, "t");
    assert_eq!(app.overlay(), Some(Overlay::Themes));
    let (_, _, themes, _) = app.themes_view();
    let position = themes
        .iter()
        .position(|t| t.term == "hypervisor")
        .expect("a theme");
    for _ in 0..position {
        type_keys(&mut app, "j");
    }
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay(), None);
    assert_eq!(app.query(), "hypervisor");
    let names: Vec<&str> = app
        .hits()
        .iter()
        .map(|h| app.candidate(h.candidate).name.as_str())
        .collect();
    assert_eq!(names, vec!["Ann"]);
}

/// Scrolls an overlay far past its end with `j`, then checks that one `k` moves at once.
fn stops_at_its_end(app: &mut hustings::app::App, position: impl Fn(&hustings::app::App) -> usize) {
    for _ in 0..200 {
        type_keys(app, "j");
    }
    let end = position(app);
    assert!(
        end > 0,
        "the content is longer than the window, so it scrolls"
    );
    type_keys(app, "k");
    assert_eq!(position(app), end - 1, "one step back moves at once");
}

#[test]
fn the_help_and_the_errors_stop_at_their_end() {
    let mut app = embedded_app();
    app.update(Action::Resize {
        width: 60,
        height: 12,
    });
    type_keys(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    stops_at_its_end(&mut app, |a| a.overlay_scroll());
    // A taller window shows more: the end moves up, and the position with it.
    let before = app.overlay_scroll();
    app.update(Action::Resize {
        width: 60,
        height: 30,
    });
    assert!(app.overlay_scroll() < before);

    let errors: Vec<hustings::roster::LoadError> = (0..40)
        .map(|i| hustings::roster::LoadError {
            path: format!("e/{i}.yaml"),
            line: Some(1),
            column: Some(1),
            message: "broken".to_string(),
        })
        .collect();
    let (roster, _) = Roster::embedded();
    let mut app = hustings::app::App::new(roster, errors);
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.overlay(), Some(Overlay::Errors));
    stops_at_its_end(&mut app, |a| a.overlay_scroll());
}

#[test]
fn the_history_view_stops_at_its_end() {
    let long = "word ".repeat(2_000);
    let (roster, _) = Roster::from_memory(
        &[
            (
                "a/election.yaml",
                "name: Old\ndates: {voting_close: '2020-01-01'}\n",
            ),
            ("a/x.yaml", &format!("name: A. Lee\nstatement: {long}\n")),
            (
                "b/election.yaml",
                "name: New\ndates: {voting_close: '2023-01-01'}\n",
            ),
            (
                "b/x.yaml",
                &format!("name: A. Lee\nstatement: {long} more\n"),
            ),
        ],
        Source::Embedded,
    );
    let mut app = hustings::app::App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    type_keys(&mut app, "gH");
    assert_eq!(app.overlay(), Some(Overlay::History));
    assert!(
        app.history_diff().is_some(),
        "the diff is computed when opened"
    );
    stops_at_its_end(&mut app, |a| a.history_view().2);
}

#[test]
fn g_and_capital_g_go_to_either_end_of_the_help() {
    let mut app = embedded_app();
    app.update(Action::Resize {
        width: 60,
        height: 12,
    });
    type_keys(&mut app, "?G");
    let end = app.overlay_scroll();
    assert!(end > 0);
    type_keys(&mut app, "j");
    assert_eq!(app.overlay_scroll(), end, "G went all the way");
    type_keys(&mut app, "g");
    assert_eq!(app.overlay_scroll(), 0);
    press(&mut app, key(KeyCode::End));
    assert_eq!(app.overlay_scroll(), end);
}

#[test]
fn enter_in_the_outline_goes_to_the_section_and_the_other_pane_follows() {
    let mut app = two_markdown_statements();
    type_keys(&mut app, "o");
    let (entries, cursor) = app.outline_view();
    assert_eq!(entries.len(), 8, "four sections in each of two panes");
    assert_eq!(
        entries[cursor],
        (0, 0),
        "starts on where the focused pane is"
    );
    // Down to Bob's "Plans": the last entry.
    type_keys(&mut app, "G");
    assert_eq!(app.outline_view().0[app.outline_view().1], (1, 3));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay(), None);
    assert_eq!(app.focus(), Focus::Pane(1));
    assert_eq!(line_at_top(&app, 1), "Plans");
    assert_eq!(
        line_at_top(&app, 0),
        "Plans",
        "Ann's pane went to her section of that name"
    );
    // Esc closes without moving.
    type_keys(&mut app, "o");
    type_keys(&mut app, "g");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay(), None);
    assert_eq!(line_at_top(&app, 1), "Plans");
}

#[test]
fn a_double_click_on_a_candidate_opens_it_and_two_slow_clicks_do_not() {
    let mut app = sized(embedded_app());
    let start = app.now();
    // The second candidate's name row: below the border, two rows per candidate.
    let click = Action::Click { column: 5, row: 3 };
    app.update(click.clone());
    assert!(app.panes().is_empty(), "one click selects");
    app.set_now(start + chrono::TimeDelta::milliseconds(900));
    app.update(click.clone());
    assert!(
        app.panes().is_empty(),
        "a second click too late is another single click"
    );
    app.set_now(start + chrono::TimeDelta::milliseconds(1_200));
    app.update(click);
    assert_eq!(
        app.panes().len(),
        1,
        "two clicks within half a second open it"
    );
    assert_eq!(app.panes()[0].candidate, app.selected().unwrap());
}

#[test]
fn digits_rank_in_the_ballot_and_esc_after_reading_comes_back_to_the_row() {
    let mut app = sized(generated_app(4, 2));
    let row_names = |app: &hustings::app::App| -> Vec<String> {
        app.ballot_rows(0)
            .iter()
            .map(|r| app.roster.candidates[r.candidate].name.clone())
            .collect()
    };
    type_keys(&mut app, "b");
    let still = row_names(&app);
    type_keys(&mut app, "2"); // the top row → rank 2, as typed: rank 1 is empty for now
    assert_eq!(ballot_names(&app), [vec![], vec![still[0].clone()]]);
    assert_eq!(row_names(&app), still, "no row moves while ranks are typed");
    type_keys(&mut app, "j1"); // the next row → rank 1: above it, not tied with it
    assert_eq!(
        ballot_names(&app),
        [vec![still[1].clone()], vec![still[0].clone()]]
    );
    assert_eq!(row_names(&app), still);
    assert_eq!(app.ballot_cursor(), 1, "the cursor stays on its row");
    type_keys(&mut app, "jxk"); // no opinion on the third: it stays where it is
    assert_eq!(row_names(&app), still, "x moves no row either");
    type_keys(&mut app, "jxk");
    type_keys(&mut app, "G2");
    assert_eq!(ballot_names(&app).len(), 2, "the same digit ties");
    assert_eq!(ballot_names(&app)[1].len(), 2);
    assert_eq!(app.ballot_cursor(), 3);
    // Read the selected candidate's statement, then Esc: back in the ballot, same row.
    let row = app.ballot_cursor();
    let selected = app.ballot_selected();
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay(), None);
    assert_eq!(app.panes()[0].candidate, selected.unwrap());
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay(), Some(Overlay::Ballot));
    assert_eq!(app.ballot_cursor(), row);
    // Closed and opened again with b: the same row too, the rows sorted by rank now.
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay(), None);
    type_keys(&mut app, "b");
    assert_eq!(app.ballot_selected(), selected);
    assert_eq!(
        row_names(&app),
        [&*still[1], &still[0], &still[3], &still[2]],
        "sorted when the ballot is opened again"
    );
}

#[test]
fn a_tie_is_warned_of_at_once_where_the_election_takes_none() {
    let mut app = sized(generated_app(3, 1));
    type_keys(&mut app, "b1j1");
    let ties = |app: &hustings::app::App| {
        app.ballot_warnings(0)
            .iter()
            .any(|w| w.contains("takes no ties"))
    };
    assert!(!ties(&app), "a tie is fine where the election counts ties");
    // Cast from its own ballot file (BLT, as NixOS does with OpaVote): no ties.
    app.roster.elections[0].ballot_names = vec!["Candidate 00".into()];
    let warnings = app.ballot_warnings(0);
    assert!(
        warnings[0].contains("share rank 1; rank them apart with K or J"),
        "{warnings:?}"
    );
    type_keys(&mut app, "2");
    assert!(!ties(&app), "{:?}", app.ballot_warnings(0));
}

#[test]
fn a_move_key_after_typed_ranks_sorts_the_rows_and_follows_the_candidate() {
    let mut app = sized(generated_app(4, 2));
    type_keys(&mut app, "b");
    type_keys(&mut app, "3j1"); // rank 3 for the top row, 1 for the next: rank 2 a gap
    let gaps = app.ballot_warnings(0);
    assert!(
        gaps.iter().any(|w| w.starts_with("no one at rank 2")),
        "{gaps:?}"
    );
    let moved = app.ballot_selected();
    type_keys(&mut app, "J"); // down one: the ranks count without the gap now
    assert_eq!(ballot_names(&app).len(), 2);
    assert_eq!(
        app.ballot_selected(),
        moved,
        "the cursor follows the candidate moved"
    );
    assert_eq!(
        app.ballot_rows(0)[1].candidate,
        moved.unwrap(),
        "sorted: it is second"
    );
}

#[test]
fn typing_a_search_keeps_the_panes_still_and_enter_lists_the_matches() {
    let mut app = sized(generated_app(4, 2));
    type_keys(&mut app, "  c");
    type_keys(&mut app, "z"); // the list hidden: the panes have the room
    let width = |app: &hustings::app::App| {
        app.areas(ratatui::layout::Rect::new(0, 0, 120, 40)).panes[0].width
    };
    let before = width(&app);
    let top = app.panes()[0].lines()[0].text.clone();
    type_keys(&mut app, "/candidate");
    assert_eq!(width(&app), before, "no list popping up while typing");
    assert_eq!(app.panes()[0].lines()[0].text, top);
    press(&mut app, key(KeyCode::Enter));
    assert!(width(&app) < before, "Enter shows the matches in the list");
}

#[test]
fn a_result_opens_at_its_first_hit_and_the_pane_counts_its_hits() {
    let mut app = embedded_app();
    app.update(Action::Resize {
        width: 80,
        height: 12,
    });
    type_keys(&mut app, "/hypervisor");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(selected_name(&app), "Anastassios Nanos");
    press(&mut app, key(KeyCode::Enter));
    let pane = &app.panes()[0];
    let (at, total) = pane.hit_position().expect("hits in the statement");
    assert!(total >= 2, "{total}");
    assert_eq!(at, 1, "the first hit is at the top");
    assert!(pane.scroll() > 0, "it was below the first page");
    assert_eq!(
        pane.scroll(),
        pane.hits()[0] - HIT_CONTEXT,
        "with lines above it"
    );
    type_keys(&mut app, "n");
    assert_eq!(app.panes()[0].hit_position(), Some((2, total)));
    let shown = text(&render(&mut app, 80, 12));
    assert!(shown.contains(&format!("hit 2 of {total}")), "{shown}");
}

#[test]
fn the_note_editor_speaks_readline() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let mut app = sized(embedded_app());
    // The candidate listed first: the newest election's.
    const FIRST: usize = 1;
    let with = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
    let ctrl = |c| with(KeyCode::Char(c), KeyModifiers::CONTROL);
    let alt = |c| with(KeyCode::Char(c), KeyModifiers::ALT);
    type_keys(&mut app, "eone two three");
    press(&mut app, alt('b'));
    press(&mut app, alt('b'));
    type_keys(&mut app, "X");
    assert_eq!(
        app.note_text(FIRST),
        "one Xtwo three",
        "Alt-B moved by words, typed nothing"
    );
    press(&mut app, ctrl('e'));
    press(&mut app, ctrl('w'));
    assert_eq!(
        app.note_text(FIRST),
        "one Xtwo ",
        "Ctrl-W deleted the word before"
    );
    press(&mut app, ctrl('a'));
    press(&mut app, alt('f'));
    press(&mut app, ctrl('k'));
    assert_eq!(app.note_text(FIRST), "one");
    press(&mut app, ctrl('u'));
    assert_eq!(app.note_text(FIRST), "");
    type_keys(&mut app, "kept");
    press(&mut app, ctrl('x'));
    assert_eq!(
        press(&mut app, ctrl('e')),
        hustings::app::Effect::EditExternally(FIRST),
        "Ctrl-X Ctrl-E hands the note to $EDITOR"
    );
}

#[test]
fn the_history_view_draws_markdown_as_the_panes_do() {
    let roster = roster_of(&[
        (
            "a/election.yaml",
            "name: Old\ndates: {voting_close: '2021-01-01'}\n",
        ),
        (
            "a/x.yaml",
            "name: Ann Lee\nemail: ann@x\nstatement: |\n  ## SIGS\n\n  - sig-node\n  - sig-cli\n\n  I like *CI*.\n",
        ),
        (
            "b/election.yaml",
            "name: New\ndates: {voting_close: '2022-01-01'}\n",
        ),
        (
            "b/y.yaml",
            "name: Ann Lee\nemail: ann@x\nstatement: |\n  ## SIGS\n\n  - sig-node\n  - sig-docs\n\n  I love *CI*.\n",
        ),
    ]);
    let mut app = hustings::app::App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    type_keys(&mut app, "gH");
    let (_, newer) = app.history_lines().expect("wrapped");
    let texts: Vec<&str> = newer.iter().map(|l| l.text.as_str()).collect();
    assert!(!texts.iter().any(|t| t.contains("##")), "{texts:?}");
    assert!(
        newer
            .iter()
            .any(|l| l.text == "SIGS" && l.kind == hustings::app::LineKind::Heading(2)),
        "{texts:?}"
    );
    let items: Vec<&&str> = texts.iter().filter(|t| t.contains("sig-")).collect();
    assert_eq!(items.len(), 2, "each item on its own line: {texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains('*')),
        "emphasis rendered: {texts:?}"
    );
}

#[test]
fn the_place_comes_back_and_what_is_gone_is_left_out() {
    let mut app = sized(generated_app(4, 40));
    type_keys(&mut app, "  c"); // compare the first two
    type_keys(&mut app, "jjjj"); // read on in the first pane
    type_keys(&mut app, "sv"); // synced scrolling, notes shown
    let place = app.place();
    assert_eq!(place.panes.len(), 2);
    assert!(place.panes[0].scroll > 0);
    assert!(place.sync && place.show_notes);

    let mut again = sized(generated_app(4, 40));
    again.restore_place(place.clone());
    assert_eq!(again.place(), place, "everything comes back");
    assert_eq!(again.panes()[0].scroll(), place.panes[0].scroll);
    assert_eq!(again.focus(), Focus::Pane(0));

    // A candidate gone from the roster: the rest comes back.
    let mut stale = place;
    stale.panes[1].who.candidate = "gone.yaml".to_string();
    stale.marks[0].candidate = "gone.yaml".to_string();
    let mut app = sized(generated_app(4, 40));
    app.restore_place(stale);
    assert_eq!(app.panes().len(), 1);
    assert_eq!(app.marks().len(), 1);
}

#[test]
fn the_election_view_reads_as_prose_description_first() {
    let roster = roster_of(&[
        (
            "e/election.yaml",
            "name: Steering 2026\norganization: Kubernetes\nstart_datetime: 2026-01-01 00:00:00\nend_datetime: 2026-01-20 00:00:00\nno_winners: 3\ndelete_after: true\nshow_candidate_fields: [employer]\n",
        ),
        (
            "e/election_desc.md",
            "## About\n\nThe **steering** committee:\n\n- sets direction\n- owns the charter\n",
        ),
        ("e/results.md", "# Results\n\nAnn won.\n"),
        (
            "e/candidate-ann.md",
            "---\nname: Ann\nID: ann\n---\nHello.\n",
        ),
    ]);
    let mut app = hustings::app::App::new(roster, Vec::new());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    type_keys(&mut app, "i");
    let (_, text) = app.overlay_text().expect("the election view");
    assert!(
        !text.contains("Delete after") && !text.contains("Show candidate"),
        "{text}"
    );
    assert!(
        !text.contains("##") && !text.contains("**"),
        "Markdown rendered: {text}"
    );
    assert!(text.contains("sets direction"), "{text}");
    let description = text.find("Description:").expect(&text);
    let results = text.find("Results:").expect(&text);
    assert!(description < results, "{text}");
}

#[test]
fn a_opens_the_questions_and_enter_on_a_question_compares_its_answers() {
    let mut app = qa_app_at(120, 40);
    type_keys(&mut app, "a");
    assert_eq!(app.overlay(), Some(Overlay::Questions));
    assert_eq!(app.mode(), Mode::Questions);
    let view = app.questions_view().unwrap();
    assert_eq!(view.grid.cells.len(), 3);
    let names: Vec<&str> = view
        .grid
        .candidates
        .iter()
        .map(|&c| app.candidate(c).name.as_str())
        .collect();
    assert_eq!(names, ["Ann Lee", "Bo Ma", "Cy Doe"], "the list's order");
    type_keys(&mut app, "j");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay(), None);
    assert_eq!(app.panes().len(), 3, "every answer side by side");
    assert!(app.panes().iter().all(|p| p.question == Some(1)));
    let (title, text) = app.banner().expect("the question above the panes");
    assert!(
        title.starts_with("Q2 of 3: Sponsors — answered by 1 of 3"),
        "{title}"
    );
    assert!(text.contains("Which sponsors are welcome?"), "{text}");
    let ann: Vec<&str> = app.panes()[0]
        .lines()
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        ann.join(" ")
            .contains("Any sponsor that respects the community."),
        "{ann:?}"
    );
    let bo: Vec<&str> = app.panes()[1]
        .lines()
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert!(bo.contains(&"(no answer)"), "{bo:?}");
    // The next and previous questions, for the same candidates.
    type_keys(&mut app, ")");
    assert!(app.panes().iter().all(|p| p.question == Some(2)));
    type_keys(&mut app, ")");
    assert_eq!(app.message(), Some("There are 3 questions"));
    type_keys(&mut app, "((");
    assert!(app.panes().iter().all(|p| p.question == Some(0)));
    type_keys(&mut app, ">");
    assert_eq!(app.message(), Some("These are the last answers"));
    // `a` again opens the grid at the question being read.
    type_keys(&mut app, "a");
    assert_eq!(app.questions_view().unwrap().row, 0);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay(), None);
}

#[test]
fn enter_on_a_cell_reads_that_answer_in_the_candidates_statement() {
    let mut app = qa_app_at(100, 20);
    type_keys(&mut app, "ajl");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.panes().len(), 1);
    let pane = &app.panes()[0];
    assert_eq!(app.candidate(pane.candidate).name, "Ann Lee");
    assert_eq!(pane.question, None, "the whole statement, answers included");
    let top = &pane.lines()[pane.scroll()].text;
    assert_eq!(top, "Q2. Sponsors", "scrolled to the answer");
    assert_eq!(app.banner(), None);
    // No longer comparing answers: > says how to start.
    type_keys(&mut app, ">");
    assert_eq!(
        app.message(),
        Some("Press a for the questions, then Enter on one")
    );
}

#[test]
fn more_candidates_than_panes_are_a_keystroke_away() {
    let files: Vec<(String, String)> = std::iter::once((
        "e/election.yaml".to_string(),
        "name: Big\nquestions:\n  - title: Why?\n".to_string(),
    ))
    .chain((0..6).map(|i| {
        (
            format!("e/c{i}.yaml"),
            format!(
                "name: C{i}\nstatement: s\nanswers:\n  - title: Why?\n    answer: Because {i}.\n"
            ),
        )
    }))
    .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let mut app = sized(hustings::app::App::new(roster_of(&refs), Vec::new()));
    type_keys(&mut app, "a");
    press(&mut app, key(KeyCode::Enter));
    let shown = |app: &hustings::app::App| -> Vec<String> {
        app.panes()
            .iter()
            .map(|p| app.candidate(p.candidate).name.clone())
            .collect()
    };
    assert_eq!(shown(&app), ["C0", "C1", "C2", "C3"]);
    type_keys(&mut app, ">");
    assert_eq!(shown(&app), ["C4", "C5"]);
    type_keys(&mut app, ">");
    assert_eq!(app.message(), Some("These are the last answers"));
    type_keys(&mut app, "<");
    assert_eq!(shown(&app), ["C2", "C3", "C4", "C5"]);
}

#[test]
fn an_election_without_questions_says_so() {
    let mut app = sized(embedded_app());
    type_keys(&mut app, "a");
    assert_eq!(app.overlay(), None);
    assert!(
        app.message()
            .unwrap()
            .starts_with("No questions were put to the candidates of"),
        "{:?}",
        app.message()
    );
}

#[test]
fn a_search_keeps_the_questions_that_hold_it() {
    let mut app = qa_app_at(120, 40);
    type_keys(&mut app, "/forge");
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "a");
    let view = app.questions_view().expect("the grid");
    assert_eq!(view.rows, vec![0], "only Q1 speaks of a forge");
    assert_eq!(view.filter.as_deref(), Some("forge"));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.panes().iter().all(|p| p.question == Some(0)));
}

#[test]
fn an_approval_ballot_approves_within_its_cap() {
    let mut app = approval_app_at(120, 40);
    type_keys(&mut app, "b ");
    assert_eq!(ballot_names(&app), vec![vec!["Ann"]], "Space approves");
    // The approved stay on top; the cursor follows Ann: down to Bo.
    type_keys(&mut app, "j1");
    assert_eq!(ballot_names(&app), vec![vec!["Ann", "Bo"]], "1 approves");
    type_keys(&mut app, "j1");
    assert_eq!(
        app.message(),
        Some("At most 2 may be approved in Raku 2030: clear one first (0)")
    );
    assert_eq!(ballot_names(&app)[0].len(), 2, "the cap holds");
    type_keys(&mut app, "K");
    assert_eq!(
        app.message(),
        Some("An approval ballot: 1 or Space approves, 0 or Space again clears")
    );
    type_keys(&mut app, "g0");
    assert_eq!(ballot_names(&app)[0].len(), 1, "0 clears");
    type_keys(&mut app, "g ");
    assert!(
        ballot_names(&app).iter().flatten().count() <= 1,
        "Space again clears"
    );
}

#[test]
fn on_a_ranked_ballot_zero_unranks_and_space_explains() {
    let mut app = sized(generated_app(3, 1));
    type_keys(&mut app, "b1");
    assert_eq!(ballot_names(&app).len(), 1);
    type_keys(&mut app, " ");
    assert_eq!(
        app.message(),
        Some("Space approves on an approval ballot; this one is ranked: 1–9 ranks")
    );
    type_keys(&mut app, "g0");
    assert!(ballot_names(&app).is_empty(), "{:?}", ballot_names(&app));
}

#[test]
fn the_ballot_view_warns_of_too_many_from_one_employer() {
    let roster = roster_of(&[
        (
            "e/election.yaml",
            "name: Steering\nseats: 3\nmax_per_employer: 2\n",
        ),
        ("e/a.yaml", "name: Ann\naffiliation: Acme\nstatement: a\n"),
        (
            "e/b.yaml",
            "name: Bo\naffiliation: Acme Inc.\nstatement: b\n",
        ),
        ("e/c.yaml", "name: Cy\naffiliation: ACME\nstatement: c\n"),
        ("e/d.yaml", "name: Di\naffiliation: Beta\nstatement: d\n"),
    ]);
    let mut app = sized(hustings::app::App::new(roster, Vec::new()));
    type_keys(&mut app, "b1j2j3");
    let warnings = app.ballot_warnings(0);
    assert!(
        warnings.contains(&"your top 3 include 3 from Acme; at most 2 can sit".to_string()),
        "{warnings:?}"
    );
}

#[test]
fn a_note_on_an_answer_is_kept_apart_from_the_candidates_and_exported() {
    let mut app = qa_app_at(120, 40);
    type_keys(&mut app, "a");
    press(&mut app, key(KeyCode::Enter));
    let ann = app.panes()[0].candidate;
    assert_eq!(app.candidate(ann).name, "Ann Lee");
    type_keys(&mut app, "estrong answer");
    let editor = app.note_editor().expect("the editor");
    assert_eq!(editor.question, Some(0));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.message(), Some("Note on Ann Lee's answer to Q1 saved"));
    assert_eq!(app.note_at(ann, Some(0)), "strong answer");
    assert_eq!(
        app.note_text(ann),
        "",
        "the candidate's own note is another"
    );
    // Shown above the answer with the notes (v).
    type_keys(&mut app, "v");
    let lines: Vec<&str> = app.panes()[0]
        .lines()
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert!(lines.contains(&"✎ Your note on this answer"), "{lines:?}");
    assert!(lines.contains(&"strong answer"), "{lines:?}");
    // Exported under the candidate, named by the question.
    let sheet = hustings::voter::export::Sheet {
        roster: &app.roster,
        election: 0,
        ballot: app.ballot(0),
        order: app.candidates_of(0),
    };
    let markdown =
        hustings::voter::export::election(&sheet, hustings::voter::export::Format::Markdown)
            .unwrap();
    assert!(
        markdown.contains("### Ann Lee — Q1. Should we leave GitHub?\n\nstrong answer\n"),
        "{markdown}"
    );
}

#[test]
fn a_rank_stored_for_a_name_no_longer_there_is_shown_at_once_and_given_to_no_one() {
    use hustings::voter::ballot::{Ballot, Placement};
    let app = generated_app(3, 1);
    let key = app.roster.candidates[1].key.clone();
    let mut saved = Ballot {
        ranking: vec![vec![key.clone()]],
        ..Ballot::default()
    };
    saved.names.insert(key.clone(), "Someone Else".into());
    let app = app.with_voter(vec![saved], vec![false], OrderMode::Name, 0);
    assert_eq!(app.ballot(0).placement(&key), Placement::Unranked);
    assert_eq!(app.overlay(), Some(Overlay::Errors));
    let told = "your rank 1 was given to 'Someone Else'; that candidate's entry is now named 'Candidate 01'";
    assert!(
        app.notices.iter().any(|n| n.contains(told)),
        "{:?}",
        app.notices
    );
    assert!(
        app.ballot_warnings(0).iter().any(|w| w.contains(told)),
        "and in the ballot view"
    );
    assert_eq!(app.ballot_to_save(0).held.len(), 1, "kept for the file");

    // A ballot whose names are all as saved opens nothing over the list.
    let app = generated_app(3, 1);
    let mut saved = Ballot {
        ranking: vec![vec![key.clone()]],
        ..Ballot::default()
    };
    saved.names.insert(key.clone(), "Candidate 01".into());
    let app = app.with_voter(vec![saved], vec![false], OrderMode::Name, 0);
    assert_eq!(app.overlay(), None);
    assert!(matches!(
        app.ballot(0).placement(&key),
        Placement::Ranked { group: 0, .. }
    ));
}

#[test]
fn a_quoted_phrase_is_stepped_through_as_a_phrase_and_agrees_with_the_list() {
    let roster = roster_of(&[
        (
            "e/ann.yaml",
            "name: Ann\nstatement: |\n  We ship the rust runtime today. The rust\n  runtime again, across a line break.\n\n  A rust test, and runtime-rs.\n",
        ),
        (
            "e/bo.yaml",
            "name: Bo\nstatement: |\n  This paragraph ends with rust\n\n  Runtime starts the next one.\n",
        ),
    ]);
    let mut app = sized(hustings::app::App::new(roster, Vec::new()));
    type_keys(&mut app, "/\"rust runtime\"");
    press(&mut app, key(KeyCode::Enter));
    let listed: Vec<&str> = app
        .hits()
        .iter()
        .map(|h| app.candidate(h.candidate).name.as_str())
        .collect();
    assert_eq!(listed, ["Ann"], "across paragraphs is no phrase");
    press(&mut app, key(KeyCode::Enter));
    let pane = &app.panes()[0];
    assert_eq!(
        pane.hit_position().map(|(_, n)| n),
        Some(2),
        "the phrase twice, its words alone not counted"
    );
    type_keys(&mut app, "n");
    let first = app.panes()[0].hit_position();
    type_keys(&mut app, "n");
    assert_eq!(
        app.panes()[0].hit_position(),
        Some((2, 2)),
        "after {first:?}"
    );
    let shown = text(&render(&mut app, 120, 40));
    assert!(shown.contains("hit 2 of 2"), "{shown}");
}

#[test]
fn esc_leaves_the_answers_for_the_panes_the_voter_had_and_s_skips_who_did_not_answer() {
    let mut app = qa_app_at(120, 40);
    // Cy's statement is open and focused first.
    type_keys(&mut app, "jj");
    press(&mut app, key(KeyCode::Enter));
    let cy = app.panes()[0].candidate;
    // The second question, answered by Ann alone.
    type_keys(&mut app, "aj");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.panes().len(), 3);
    let shown = text(&render(&mut app, 120, 40));
    assert!(shown.contains("Ann Lee · answer to Q2"), "{shown}");
    // S leaves out who did not answer, and back.
    type_keys(&mut app, "S");
    assert_eq!(app.panes().len(), 1, "only Ann answered");
    assert!(app.banner().unwrap().0.contains("answered by 1 of 3"));
    assert!(app.place().skip_unanswered, "kept with the voter's place");
    // Nobody answered the third: the answers to the second stay, and the voter is told.
    type_keys(&mut app, ")");
    assert!(app.message().unwrap().starts_with("No candidate answered"));
    assert!(app.panes().iter().all(|p| p.question == Some(1)));
    type_keys(&mut app, "S");
    assert_eq!(app.panes().len(), 3);
    // Esc: Cy's statement as it was, focused, the band gone.
    press(&mut app, key(KeyCode::Esc));
    assert!(app.banner().is_none());
    assert_eq!(app.panes().len(), 1);
    assert_eq!(app.panes()[0].candidate, cy);
    assert_eq!(app.panes()[0].question, None);
    assert_eq!(app.focus(), Focus::Pane(0));
    // Closing the last pane of answers clears the band too.
    type_keys(&mut app, "aj");
    press(&mut app, key(KeyCode::Enter));
    for _ in 0..3 {
        type_keys(&mut app, "w");
    }
    assert!(app.panes().is_empty());
    assert!(app.banner().is_none(), "no band over no answers");
}

#[test]
fn l_on_an_answer_lists_the_questions_thread_first() {
    let mut app = qa_app_at(120, 40);
    // The second question's answers; Ann's pane is focused.
    type_keys(&mut app, "aj");
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "L");
    let links = &app.links_view().expect("the links").links;
    assert_eq!(links[0], "https://x.org/issues/2", "{links:?}");
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Esc));
    // On a statement, its own links as before: none here.
    type_keys(&mut app, "L");
    assert!(app.links_view().is_none());
}

#[test]
fn themes_of_an_election_with_questions_read_the_answers_too() {
    let roster = roster_of(&[
        (
            "q/election.yaml",
            "name: Steering 2030\nquestions:\n  - title: Money\n    link: https://x.org/q/1\n    text: How is the project paid for?\n",
        ),
        (
            "q/ann.yaml",
            "name: Ann\nstatement: I review packages.\nanswers:\n  - question: Money\n    link: https://x.org/q/1\n    answer: Sponsorship, sponsorship and more sponsorship.\n",
        ),
        ("q/bo.yaml", "name: Bo\nstatement: I write documentation.\n"),
        ("q/cy.yaml", "name: Cy\nstatement: I run the build farm.\n"),
    ]);
    let mut app = sized(hustings::app::App::new(roster, Vec::new()));
    type_keys(&mut app, "t");
    let (_, _, themes, _) = app.themes_view();
    let terms: Vec<&str> = themes.iter().map(|t| t.term.as_str()).collect();
    assert!(
        terms.contains(&"sponsorship"),
        "a word only Ann's answer holds: {terms:?}"
    );
}

#[test]
fn h_on_an_answer_shows_the_same_question_answered_in_an_earlier_election() {
    let election = |year: u32| {
        format!(
            "name: Steering {year}\nquestions:\n  - title: Forge\n    link: https://x.org/q/1\n    text: Own forge?\n"
        )
    };
    let ann = |answer: &str| {
        format!(
            "name: Ann Lee\nemail: ann@x.org\nstatement: s\nanswers:\n  - question: Forge\n    link: https://x.org/q/1\n    answer: {answer}\n"
        )
    };
    let (e24, e26) = (election(2024), election(2026));
    let (a24, a26) = (
        ann("Stay on GitHub."),
        ann("Stay on GitHub for now, then move."),
    );
    let roster = roster_of(&[
        ("y2024/election.yaml", e24.as_str()),
        ("y2024/ann.yaml", a24.as_str()),
        ("y2026/election.yaml", e26.as_str()),
        ("y2026/ann.yaml", a26.as_str()),
    ]);
    let mut app = sized(hustings::app::App::new(roster, Vec::new()));
    // The newest election is listed first: its question's answers.
    type_keys(&mut app, "a");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.panes()[0].question, Some(0));
    type_keys(&mut app, "H");
    assert_eq!(app.overlay(), Some(Overlay::History), "{:?}", app.message());
    let shown = text(&render(&mut app, 120, 40));
    assert!(
        shown.contains("Ann Lee's answers to \"Forge\", then and now"),
        "{shown}"
    );
    assert!(
        shown.contains("Steering 2024") && shown.contains("Steering 2026"),
        "{shown}"
    );
    assert!(
        shown.contains("2 words kept, 5 added, 1 removed"),
        "{shown}"
    );
    // In the earlier election there is nothing earlier to show.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Esc));
    type_keys(&mut app, "]");
    type_keys(&mut app, "a");
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "H");
    assert_eq!(app.overlay(), None);
    assert!(
        app.message().unwrap().starts_with("No earlier election"),
        "{:?}",
        app.message()
    );
}
