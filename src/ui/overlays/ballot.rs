//! The ballot view: the voter's ranking of the current election, with its warnings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::Theme;
use super::super::widgets::overlay_box;
use crate::app::App;
use crate::roster::BallotKind;
use crate::text::wrap::{truncate, wrap};
use crate::voter::ballot::Placement;

const HINTS: &str = "1–9 rank (0 unranks) · K/J move · = tie · T/B top/bottom · x no opinion · u unrank · e note · Enter read (Esc back) · Esc close";
const APPROVAL_HINTS: &str =
    "Space or 1 approve · Space again or 0 clear · e note · Enter read (Esc back) · Esc close";

/// The fewest rows of the ballot the view keeps before it finds room to say where it is cast.
const ROWS_BEFORE_CAST: usize = 8;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let index = app.ballot_election();
    let election = &app.roster.elections[index];
    let ballot = app.ballot(index);
    let rows = app.ballot_rows(index);
    let approval = election.rules.ballot == BallotKind::Approval;
    let ranked = rows
        .iter()
        .filter(|r| matches!(r.placement, Placement::Ranked { .. }))
        .count();
    let seats = election.seats.map_or(String::new(), |s| {
        format!(" · {s} seat{}", if s == 1 { "" } else { "s" })
    });
    let title = if approval {
        let cap = election
            .rules
            .max_choices
            .map_or(String::new(), |m| format!(" (at most {m})"));
        format!(
            "Approval ballot: {}{seats} · {ranked} of {} approved{cap}",
            election.name,
            rows.len()
        )
    } else {
        format!(
            "Ballot: {}{seats} · {ranked} of {} ranked",
            election.name,
            rows.len()
        )
    };
    // Sections, rows, a blank line, where it is cast, up to three warnings and two lines of
    // keys.
    let sections = 3;
    let wanted = rows.len() + 2 * sections + 6 + 2 + 2;
    let height = u16::try_from(wanted).unwrap_or(u16::MAX);
    let inner = overlay_box(frame, area, 90, height, &title, theme);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut section = None;
    let still = app.ballot_is_still();
    for (position, row) in rows.iter().enumerate() {
        let heading = match (row.placement, approval) {
            _ if still => "Ranks as typed: the rows stay put until a move (K J = T B) or b again",
            (Placement::Ranked { .. }, true) => "Approved",
            (_, true) => "Not approved",
            (Placement::Ranked { .. }, false) => "Ranked (best first; the same number is a tie)",
            (Placement::Unranked | Placement::NoOpinion, false) => {
                "Not ranked: the real ballot counts these as no opinion"
            }
        };
        if section != Some(heading) {
            if section.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(truncate(heading, width), theme.field_key));
            section = Some(heading);
        }
        let candidate = app.candidate(row.candidate);
        let mark = match row.placement {
            Placement::Ranked { .. } if approval => "  ✓".to_string(),
            Placement::Ranked { group, .. } => format!("{:>3}", group + 1),
            Placement::Unranked => "  ·".to_string(),
            Placement::NoOpinion => "  –".to_string(),
        };
        let tied = !approval && matches!(row.placement, Placement::Ranked { tied: true, .. });
        let mut badges = String::new();
        if tied {
            badges.push_str(" (tied)");
        }
        if row.placement == Placement::NoOpinion {
            badges.push_str(" (no opinion: x again to undo)");
        }
        if ballot.note(&candidate.key).is_some() {
            badges.push_str(" ✎");
        }
        if !ballot.read.contains(&candidate.key) {
            badges.push_str(" (not read)");
        }
        let selected = position == app.ballot_cursor();
        if selected {
            selected_line = lines.len();
        }
        let style = if selected { theme.selected } else { theme.body };
        let text = truncate(
            &format!(
                "{}{mark}  {}{badges}",
                if selected { "▶" } else { " " },
                candidate.name
            ),
            width,
        );
        let pad = width.saturating_sub(crate::text::wrap::width(&text));
        lines.push(Line::from(vec![
            Span::styled(text, style),
            Span::styled(" ".repeat(if selected { pad } else { 0 }), style),
        ]));
    }
    let mut footer: Vec<Line> = vec![Line::raw("")];
    for warning in app.ballot_warnings(index) {
        for l in wrap(&format!("⚠ {warning}"), width) {
            footer.push(Line::styled(l, theme.notice));
        }
    }
    for l in wrap(if approval { APPROVAL_HINTS } else { HINTS }, width) {
        footer.push(Line::styled(l, theme.dim));
    }
    // Where the real ballot is cast, and the export to take there: where there is room
    // for it and a few rows.
    let height = usize::from(inner.height);
    let cast: Vec<Line> = wrap(&crate::voter::casting::of(election).line(), width)
        .into_iter()
        .map(|l| Line::styled(l, theme.field_key))
        .collect();
    if height >= footer.len() + cast.len() + lines.len().min(ROWS_BEFORE_CAST) {
        footer.splice(1..1, cast);
    }
    // The list scrolls to keep the selection in view; warnings and keys stay at the bottom.
    let list_height = height.saturating_sub(footer.len()).max(height.min(3));
    // Where the rows do not all fit, one line says how many are above and below.
    let total = lines.len();
    let overflow = total > list_height;
    let room = if overflow {
        list_height.saturating_sub(1).max(1)
    } else {
        list_height
    };
    let skip = (selected_line + 1).saturating_sub(room);
    let below = total.saturating_sub(skip + room);
    let mut shown: Vec<Line> = lines.into_iter().skip(skip).take(room).collect();
    if overflow {
        let more = match (skip, below) {
            (0, below) => format!("↓ {below} more below"),
            (above, 0) => format!("↑ {above} more above"),
            (above, below) => format!("↑ {above} more above · ↓ {below} more below"),
        };
        shown.push(Line::styled(
            truncate(&format!("  {more}"), width),
            theme.dim,
        ));
    }
    shown.extend(footer);
    frame.render_widget(Paragraph::new(shown), inner);
}
