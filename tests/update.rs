//! Tier 1: state changes driven by key events and actions, without a terminal.

mod common;

use common::*;
use hustings::app::{Action, Effect, Focus, Mode, Overlay};
use hustings::keymap::{self, NORMAL, OVERLAY, SEARCH};
use hustings::model::{Roster, Source};
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
    assert_eq!(selected_name(&app), "Tao Peng");
    type_keys(&mut app, "j");
    assert_eq!(selected_name(&app), "Anastassios Nanos");
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
    assert_eq!(
        app.candidate(app.panes()[0].candidate).name,
        "Anastassios Nanos"
    );
    assert_eq!(app.focus(), Focus::Pane(0));
    // Back to the list, pick the other one: it replaces the pane's content.
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.focus(), Focus::List);
    type_keys(&mut app, "k");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.panes().len(), 1);
    assert_eq!(app.candidate(app.panes()[0].candidate).name, "Tao Peng");
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
    assert_eq!(shown, vec!["Tao Peng", "Anastassios Nanos"]);
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
    assert_eq!(selected_name(&app), "Anastassios Nanos");
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
    type_keys(&mut app, "j");
    press(&mut app, key(KeyCode::Enter));
    type_keys(&mut app, "/hypervisor");
    press(&mut app, key(KeyCode::Enter));
    let pane = |app: &hustings::app::App| app.panes()[0].clone();
    let terms = app.terms();
    let hits: Vec<usize> = pane(&app).hit_lines(&terms).collect();
    assert!(hits.len() >= 3, "{hits:?}");
    type_keys(&mut app, "n");
    assert_eq!(pane(&app).scroll, hits[0]);
    type_keys(&mut app, "n");
    assert_eq!(pane(&app).scroll, hits[1]);
    type_keys(&mut app, "N");
    assert_eq!(pane(&app).scroll, hits[0]);
    for _ in 0..hits.len() + 2 {
        type_keys(&mut app, "n");
    }
    assert_eq!(pane(&app).scroll, *hits.last().unwrap());
    assert!(app.message().unwrap().contains("No further match"));
}

#[test]
fn paging_and_g_scroll_the_focused_pane_within_bounds() {
    let mut app = sized(generated_app(2, 60));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::PageDown));
    let page = app.panes()[0].scroll;
    assert!(page > 10, "{page}");
    type_keys(&mut app, "G");
    let bottom = app.panes()[0].scroll;
    let lines = app.panes()[0].lines().len();
    assert!(bottom > page && bottom < lines);
    press(&mut app, key(KeyCode::PageDown));
    type_keys(&mut app, "j");
    assert_eq!(app.panes()[0].scroll, bottom, "never past the end");
    type_keys(&mut app, "g");
    assert_eq!(app.panes()[0].scroll, 0);
    type_keys(&mut app, "k");
    assert_eq!(app.panes()[0].scroll, 0);
}

#[test]
fn synced_scrolling_moves_every_pane() {
    let mut app = sized(generated_app(3, 60));
    type_keys(&mut app, "   c");
    type_keys(&mut app, "jjj");
    let scrolls: Vec<_> = app.panes().iter().map(|p| p.scroll).collect();
    assert_eq!(scrolls, vec![3, 0, 0]);
    type_keys(&mut app, "s");
    assert!(app.sync());
    type_keys(&mut app, "jj");
    let scrolls: Vec<_> = app.panes().iter().map(|p| p.scroll).collect();
    assert_eq!(scrolls, vec![5, 2, 2]);
    type_keys(&mut app, "g");
    assert!(app.panes().iter().all(|p| p.scroll == 0));
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
    assert!(pane.scroll <= pane.max_scroll(18));
    assert!(pane.scroll > narrow_lines / 2, "still near the end");
    for line in pane.lines() {
        assert!(hustings::wrap::width(&line.text) <= 50 - 4, "{line:?}");
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
    let scrolls: Vec<_> = app.panes().iter().map(|p| p.scroll).collect();
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
