//! Tier 3: the bytes that actually leave for the terminal, with hostile candidate text.
//!
//! Everything is drawn through crossterm into a buffer; the only escape sequences allowed
//! out are the CSI sequences the renderer itself writes (cursor moves, styles), never one a
//! candidate wrote, and no bell, C1 control or bidi/invisible character at all.

mod common;

use common::*;
use hustings::app::App;
use hustings::ui::theme;
use ratatui::crossterm::event::KeyCode;

fn hostile_app() -> App {
    let mut app = App::new(roster_of(&[("e/eve.yaml", HOSTILE)]), Vec::new());
    press(&mut app, key(KeyCode::Enter));
    app
}

#[test]
fn hostile_statement_sends_no_escape_of_its_own() {
    for theme in [&theme::COLOR, &theme::MONO] {
        let mut app = hostile_app();
        let visible = assert_only_renderer_escapes(&bytes_of(&mut app, 100, 30, theme));
        assert!(visible.contains("^[]0;pwned^G"), "the attempt is shown");
        assert!(visible.contains("<U+202E>"), "the bidi override is shown");
    }
}

#[test]
fn hostile_text_in_every_view_and_size_stays_inert() {
    let views: &[&str] = &["", "/pwned", "?", "/eve\r"];
    for keys in views {
        for (w, h) in [(30, 8), (40, 12), (80, 24), (200, 60)] {
            let mut app = hostile_app();
            for c in keys.chars() {
                let code = if c == '\r' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                };
                press(&mut app, key(code));
            }
            assert_only_renderer_escapes(&bytes_of(&mut app, w, h, &theme::COLOR));
        }
    }
}

#[test]
fn a_hostile_search_query_is_shown_safely() {
    let mut app = embedded_app();
    press(
        &mut app,
        ratatui::crossterm::event::Event::Paste("\x1b]0;x\x07\u{202E}".into()),
    );
    assert_only_renderer_escapes(&bytes_of(&mut app, 80, 24, &theme::COLOR));
}

#[test]
fn no_color_output_sets_no_colour() {
    let mut app = embedded_app();
    type_keys(&mut app, "  c");
    let bytes = bytes_of(&mut app, 80, 24, &theme::MONO);
    let text = String::from_utf8(bytes).unwrap();
    // crossterm writes colours as SGR 38/48 (or 30–37, 40–47, 90–97, 100–107).
    for sgr in text.split("\x1b[").skip(1) {
        let Some(end) = sgr.find('m') else { continue };
        let params = &sgr[..end];
        if params.chars().all(|c| c.is_ascii_digit() || c == ';') && sgr[end..].starts_with('m') {
            for p in params.split(';').filter_map(|p| p.parse::<u16>().ok()) {
                assert!(
                    !matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107),
                    "colour SGR {p} in {params:?}"
                );
            }
        }
    }
}
