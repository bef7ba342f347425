//! A candidate's statement against their previous candidacy's, side by side: words the newer
//! one dropped struck out on the left, words it added marked on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::pane::styled_line;
use super::super::theme::Theme;
use super::super::widgets::overlay_box;
use crate::app::App;
use crate::text::wrap::truncate;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (candidacies, newer, scroll) = app.history_view();
    let roster = &app.roster;
    let pair = app.history_pair();
    // Two texts of one candidacy (or one person) named by the pair, or two candidacies.
    let (older_c, newer_c) = if pair.is_some() {
        let Some(&c) = candidacies.first() else {
            return;
        };
        (&roster.candidates[c], &roster.candidates[c])
    } else {
        let (Some(&old), Some(&new)) = (
            candidacies.get(newer.wrapping_sub(1)),
            candidacies.get(newer),
        ) else {
            return;
        };
        (&roster.candidates[old], &roster.candidates[new])
    };
    let title = if let Some((title, _, _)) = pair {
        title.to_string()
    } else {
        format!(
            "History of {}: {} of {} candidacies · ←/→ older/newer · Esc",
            newer_c.name,
            newer + 1,
            candidacies.len()
        )
    };
    let inner = overlay_box(frame, area, u16::MAX, u16::MAX, &title, theme);
    if inner.width < 7 || inner.height < 3 {
        return;
    }
    // The state computes the pair's diff once, and wraps it once per width.
    let (Some((_, _, summary)), Some((left, right))) = (app.history_diff(), app.history_lines())
    else {
        return;
    };
    let (_, column) = App::history_geometry(area);
    let head = |c: &crate::roster::Candidate| truncate(&roster.election_of(c).name, column);
    let (left_head, right_head) = if let Some((_, older, newer)) = pair {
        (truncate(older, column), truncate(newer, column))
    } else {
        (head(older_c), head(newer_c))
    };
    let mut lines = vec![
        Line::styled(
            truncate(&summary.to_string(), usize::from(inner.width)),
            theme.dim,
        ),
        Line::from(format!("{left_head:<column$} │ {right_head}")).style(theme.field_key),
    ];
    let height = usize::from(inner.height).saturating_sub(2);
    let rows = left.len().max(right.len());
    let scroll = scroll.min(rows.saturating_sub(height));
    for row in scroll..(scroll + height).min(rows) {
        let mut spans = Vec::new();
        let l = left.get(row);
        if let Some(line) = l {
            spans.extend(styled_line(line, theme).spans);
        }
        let used = l.map_or(0, |line| crate::text::wrap::width(&line.text));
        spans.push(" ".repeat(column.saturating_sub(used)).into());
        spans.push(" │ ".into());
        if let Some(line) = right.get(row) {
            spans.extend(styled_line(line, theme).spans);
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
