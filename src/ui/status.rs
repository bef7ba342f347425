//! The status bar: election, position, marks, search state, and key hints or a message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::roster::Source;
use crate::text::sanitize::sanitize_line;
use crate::text::wrap::{truncate, width};

/// The keys the status bar hints, by action name, with the key each has unless the voter's
/// config binds it otherwise.
const HINTS: &[(&str, &str, &str)] = &[
    ("questions", "a", "questions"),
    ("help", "?", "help"),
    ("quit", "q", "quit"),
];

/// Draws the status bar; `list_left_out` says the window is too narrow for the list.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, list_left_out: bool) {
    // Most useful first: the end of the bar is what gets cut in a narrow window.
    let mut parts = vec![format!(
        "{}/{}",
        if app.hits().is_empty() {
            0
        } else {
            app.cursor() + 1
        },
        app.hits().len()
    )];
    if !app.marks().is_empty() {
        parts.push(format!("marked {}", app.marks().len()));
    }
    if !app.query().is_empty() {
        let n = app.hits().len();
        parts.push(format!(
            "/{}: {n} match{}",
            sanitize_line(app.query()).text,
            if n == 1 { "" } else { "es" }
        ));
    }
    if !app.query().is_empty()
        && let crate::app::Focus::Pane(i) = app.focus()
        && let Some(pane) = app.panes().get(i)
    {
        parts.push(match pane.hit_position() {
            Some((0, n)) => format!("{n} hit{} below", if n == 1 { "" } else { "s" }),
            Some((k, n)) => format!("hit {k} of {n}"),
            None => "no hit in this pane".to_string(),
        });
    }
    if app.sync() {
        parts.push("sync".to_string());
    }
    if list_left_out {
        parts.push("list left out: too narrow".to_string());
    }
    let current = app.current_election();
    if let Some(election) = current {
        let (read, total) = app.reading_progress(election);
        parts.push(format!("read {read}/{total}"));
    }
    if app.roster.source == Source::Embedded {
        parts.push("built-in roster".to_string());
    }
    if let Some(selected) = app.selected() {
        let candidate = app.candidate(selected);
        parts.push(app.roster.election_of(candidate).name.clone());
    }
    if let Some(election) = current {
        parts.push(match app.order_seed(election) {
            Some(seed) => format!("order {}", crate::voter::order::short(seed)),
            None => "order: name".to_string(),
        });
    }
    let errors = app.errors.len();
    let error_note = (errors > 0).then(|| {
        format!(
            " {errors} file{} failed: E ",
            if errors == 1 { "" } else { "s" }
        )
    });
    // Where the election asked its candidates questions, the key to them is hinted.
    let asked = current.is_some_and(|e| !app.roster.elections[e].questions.is_empty());
    let hints: Vec<String> = HINTS
        .iter()
        .filter(|(action, _, _)| asked || *action != "questions")
        .filter_map(|(action, default, said)| {
            app.key_for(action, default)
                .map(|key| format!("{key} {said}"))
        })
        .collect();
    let hints = hints.join("  ");
    let right = app.message().unwrap_or(&hints);
    let total = usize::from(area.width);
    let right_room = total.saturating_sub(error_note.as_deref().map_or(0, width));
    let right = truncate(right, right_room.saturating_sub(1));
    let left_room = right_room.saturating_sub(width(&right) + 2);
    let left = truncate(&format!(" {}", parts.join(" │ ")), left_room);
    let gap = right_room.saturating_sub(width(&left) + width(&right));
    let mut spans = vec![Span::styled(left, theme.status)];
    if let Some(note) = error_note {
        spans.push(Span::styled(note, theme.error.patch(theme.status)));
    }
    spans.push(Span::styled(" ".repeat(gap), theme.status));
    let right_style = if app.message().is_some() {
        theme.status_key
    } else {
        theme.status
    };
    spans.push(Span::styled(right, right_style));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
