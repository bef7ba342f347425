//! The candidate list: name and affiliation, under each election's name; the selection marked with a symbol;
//! at each row's end what the voter has done: not read (•), a note (✎), the rank (#2).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::widgets::panel;
use crate::app::{App, Focus, ListRow};
use crate::text::apart::shorten_apart;
use crate::text::wrap::{truncate, width};
use crate::voter::ballot::Placement;

/// Shown before the selected candidate, so the selection shows without colour too.
pub const SELECTED_SYMBOL: &str = "▶ ";
const MARKED_SYMBOL: &str = "✓ ";

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus() == Focus::List;
    let total = app.roster.candidates.len();
    let title = if app.hits().len() == total {
        format!(" Candidates ({total}) ")
    } else {
        format!(" Candidates ({}/{total}) ", app.hits().len())
    };
    let room = usize::from(area.width.saturating_sub(2));
    let title = if width(&title) > room {
        format!(" {} ", app.hits().len())
    } else {
        title
    };
    let block = panel(truncate(&title, room), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text_width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let entries = app.list_entries();
    let mut lines = Vec::new();
    if app.hits().is_empty() {
        lines.push(Line::styled(
            truncate("No candidate matches", text_width),
            theme.dim,
        ));
    }
    for entry in entries.into_iter().skip(app.list_offset()) {
        if lines.len() + app.list_row_height(entry) > height {
            break;
        }
        let position = match entry {
            ListRow::Header(election) => {
                // The whole name where it fits, else the short one its files give, else the
                // name cut so that what tells it from the others (a date, a contest) shows.
                let e = &app.roster.elections[election];
                let name = if width(&e.name) <= text_width || width(&e.short_name) > text_width {
                    let others: Vec<&str> = app
                        .roster
                        .elections
                        .iter()
                        .map(|o| o.name.as_str())
                        .collect();
                    shorten_apart(&e.name, &others, text_width)
                } else {
                    e.short_name.clone()
                };
                lines.push(Line::styled(name, theme.field_key));
                continue;
            }
            ListRow::Candidate(position) => position,
        };
        let hit = &app.hits()[position];
        let candidate = app.candidate(hit.candidate);
        let selected = position == app.cursor();
        let row_style = if selected {
            theme.selected
        } else {
            theme.list_name
        };
        let mut first = vec![
            Span::styled(if selected { SELECTED_SYMBOL } else { "  " }, row_style),
            Span::styled(
                if app.is_marked(hit.candidate) {
                    MARKED_SYMBOL
                } else {
                    "  "
                },
                theme.mark.patch(row_style),
            ),
        ];
        // What is new (+ added, Δ changed since the voter's last look), then what the voter
        // has done with this candidate, at the row's end: not read yet (•), a note (✎), the
        // rank given (or ✓, approved).
        let ballot = app.ballot(candidate.election);
        let mut badges = String::new();
        if let Some(mark) = app.news_mark(hit.candidate) {
            badges.push(' ');
            badges.push(mark);
        }
        if !ballot.read.contains(&candidate.key) {
            badges.push_str(" •");
        }
        if ballot.note(&candidate.key).is_some() {
            badges.push_str(" ✎");
        }
        if let Placement::Ranked { group, .. } = ballot.placement(&candidate.key) {
            let approval = app.roster.election_of(candidate).rules.ballot
                == crate::roster::BallotKind::Approval;
            if approval {
                badges.push_str(" ✓");
            } else {
                badges.push_str(&format!(" #{}", group + 1));
            }
        }
        let badges = if width(&badges) + 8 <= text_width {
            badges
        } else {
            String::new()
        };
        let name_room = text_width.saturating_sub(4 + width(&badges));
        let name = truncate(&candidate.name, name_room);
        for (i, c) in name.chars().enumerate() {
            let style = if hit.name_positions.contains(&i) {
                theme.hit
            } else {
                row_style
            };
            first.push(Span::styled(c.to_string(), style));
        }
        let used = 4 + width(&name);
        let gap = text_width.saturating_sub(used + width(&badges));
        first.push(Span::styled(" ".repeat(gap), row_style));
        first.push(Span::styled(badges, theme.list_detail.patch(row_style)));
        lines.push(Line::from(first));
        // The election is in its header (or, with one listed, in the status bar): the
        // second row is the affiliation's, where there is one.
        let Some(affiliation) = &candidate.affiliation else {
            continue;
        };
        let detail = truncate(affiliation, text_width.saturating_sub(4));
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(detail, theme.list_detail),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
