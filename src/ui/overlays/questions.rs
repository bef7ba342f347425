//! The questions grid: questions down, candidates across (numbered in the voter's order),
//! each cell the words of the answer or `·` for none; what is selected is named below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::Theme;
use super::super::widgets::overlay_box;
use crate::app::App;
use crate::text::wrap::{truncate, width as text_width};

/// Columns per candidate cell.
const CELL: usize = 5;
/// The narrowest a question's title is cut to.
const MIN_TITLE: usize = 16;
/// Lines below the grid: the selected question, the selected candidate, the keys.
const FOOTER: usize = 3;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(view) = app.questions_view() else {
        return;
    };
    let grid = &view.grid;
    let election = &app.roster.elections[grid.election];
    let n = grid.candidates.len();
    let number_width = election.questions.len().to_string().len() + 2;
    let wanted_width = u16::try_from(number_width + 48 + n * CELL + 4).unwrap_or(u16::MAX);
    let wanted_height =
        u16::try_from(election.questions.len() + 1 + FOOTER + 2).unwrap_or(u16::MAX);
    let title = match &view.filter {
        Some(filter) => format!(
            "Questions of {} holding \"{filter}\": {} of {} — Esc closes",
            election.name,
            view.rows.len(),
            election.questions.len()
        ),
        None => format!("Questions of {} — Esc closes", election.name),
    };
    let boxed = overlay_box(frame, area, wanted_width, wanted_height, &title, theme);
    // A column of room inside the border on each side.
    let inner = Rect {
        x: boxed.x.saturating_add(1).min(boxed.right()),
        width: boxed.width.saturating_sub(2),
        ..boxed
    };
    let room = usize::from(inner.width);
    let rows = usize::from(inner.height).saturating_sub(1 + FOOTER);
    // As many candidates as leave the titles readable; the selected one always in view.
    let visible = (room.saturating_sub(number_width + MIN_TITLE) / CELL).clamp(1, n.max(1));
    let selected = view.column.checked_sub(1);
    let first = selected.map_or(0, |s| (s + 1).saturating_sub(visible));
    let columns = first..(first + visible).min(n);
    let title_width = room.saturating_sub(number_width + columns.len() * CELL);
    let mut lines = Vec::new();
    // Each column headed by its candidate's handle or initials; the footer names them.
    let heads = grid.heads(&app.roster, CELL - 1);
    let mut header = " ".repeat(number_width + title_width);
    for c in columns.clone() {
        let head = heads.get(c).map_or("", String::as_str);
        let pad = CELL.saturating_sub(text_width(head));
        header.push_str(&format!("{}{head}", " ".repeat(pad)));
    }
    lines.push(Line::styled(truncate(&header, room), theme.field_key));
    let skip = (view.row + 1).saturating_sub(rows);
    for (at, &q) in view.rows.iter().enumerate().skip(skip).take(rows) {
        let (Some(question), Some(cells)) = (election.questions.get(q), grid.cells.get(q)) else {
            continue;
        };
        let on_row = at == view.row;
        let number = format!("{:>w$} ", format!("Q{}", q + 1), w = number_width - 1);
        let title = truncate(&question.title, title_width);
        let pad = " ".repeat(title_width.saturating_sub(text_width(&title)));
        let title_style = if on_row && view.column == 0 {
            theme.selected
        } else if on_row {
            theme.field_key
        } else {
            theme.body
        };
        let mut spans = vec![
            Span::styled(number, theme.dim),
            Span::styled(format!("{title}{pad}"), title_style),
        ];
        for c in columns.clone() {
            let (text, style) = match cells.get(c).copied().flatten() {
                Some(words) => (words.to_string(), theme.body),
                None => ("·".to_string(), theme.dim),
            };
            let style = if on_row && selected == Some(c) {
                theme.selected
            } else {
                style
            };
            spans.push(Span::styled(format!("{text:>CELL$}"), style));
        }
        lines.push(Line::from(spans));
    }
    while lines.len() < 1 + rows {
        lines.push(Line::raw(""));
    }
    let selected_question = view.question();
    let about_question = match (selected_question, &view.filter) {
        (Some(q), _) => format!(
            "Q{}. {} — answered by {} of {n}",
            q + 1,
            election.questions[q].title,
            grid.answers_to(q)
        ),
        (None, Some(filter)) => {
            format!("No question holds \"{filter}\": Esc, then clear the search")
        }
        (None, None) => String::new(),
    };
    lines.push(Line::styled(truncate(&about_question, room), theme.field));
    let about_candidate = match (selected, view.candidate()) {
        (Some(column), Some(c)) => {
            let words = selected_question
                .and_then(|q| grid.cells.get(q))
                .and_then(|r| r.get(column))
                .copied()
                .flatten();
            format!(
                "{}. {} — answered {} of {}{}",
                column + 1,
                app.candidate(c).name,
                grid.answered_by(column),
                election.questions.len(),
                words.map_or(" · no answer here".to_string(), |w| format!(
                    " · {w} words here"
                )),
            )
        }
        _ => "→ picks a candidate's answer; Enter here compares everyone's".to_string(),
    };
    lines.push(Line::styled(truncate(&about_candidate, room), theme.field));
    let keys = "j k questions · h l candidates · Enter open · Esc close";
    lines.push(Line::styled(truncate(keys, room), theme.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}
