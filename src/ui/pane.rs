//! A statement pane: the candidate's name in the border, fields, then the statement, with
//! search hits highlighted. Only the visible lines are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Padding, Paragraph};

use super::theme::Theme;
use super::widgets::panel;
use crate::app::{App, Focus, LineKind, PaneLine};
use crate::layout::{PANE_PADDING, text_height};
use crate::roster::{Election, Source};
use crate::text::markdown::Mark;
use crate::text::wrap::{truncate, wrap};
use crate::voter::news::News;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, index: usize, theme: &Theme) {
    let pane = &app.panes()[index];
    let candidate = app.candidate(pane.candidate);
    let focused = app.focus() == Focus::Pane(index);
    let room = usize::from(area.width.saturating_sub(4));
    let badge = if candidate.hidden > 0 { " ⚠" } else { "" };
    let active =
        if app.focus() == Focus::List && app.active_pane() == index && app.panes().len() > 1 {
            "● "
        } else {
            ""
        };
    // Beside answers, what each pane shows is said: an answer, or a statement opened there.
    let shows = match (pane.question, app.answering_question()) {
        (Some(q), _) => format!(" · answer to Q{}", q + 1),
        (None, Some(_)) => " · statement".to_string(),
        (None, None) => String::new(),
    };
    let title = truncate(&format!("{active}{}{shows}{badge}", candidate.name), room);
    let height = text_height(area);
    let total = pane.lines().len();
    let end = (pane.scroll() + height).min(total);
    let position = if total <= height {
        "all".to_string()
    } else {
        format!("{}–{}/{}", pane.scroll() + 1, end, total)
    };
    let sync = if app.sync() { " sync" } else { "" };
    let footer = truncate(&format!(" {position}{sync} "), room);
    let block = panel(format!(" {title} "), focused, theme)
        .title_bottom(Line::styled(footer, theme.dim).right_aligned())
        .padding(Padding::horizontal(PANE_PADDING));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The place jumped to with n/N stands apart from the others.
    let lines: Vec<Line> = pane
        .lines()
        .iter()
        .enumerate()
        .skip(pane.scroll())
        .take(height)
        .map(|(i, line)| {
            let hits: Vec<_> = pane
                .highlights(i)
                .into_iter()
                .map(|(range, current)| (range, if current { theme.selected } else { theme.hit }))
                .collect();
            styled_line_with(line, &hits, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A pane line with its kind's style and its inline marks.
pub(super) fn styled_line<'a>(line: &'a PaneLine, theme: &Theme) -> Line<'a> {
    styled_line_with(line, &[], theme)
}

/// As [`styled_line`], with `hits` (bytes of the line, and their style) laid over it.
fn styled_line_with<'a>(
    line: &'a PaneLine,
    hits: &[(std::ops::Range<usize>, Style)],
    theme: &Theme,
) -> Line<'a> {
    let base = match line.kind {
        LineKind::Field => theme.field,
        LineKind::Notice => theme.notice,
        LineKind::Note => theme.note,
        LineKind::Rule => theme.rule,
        LineKind::Body => theme.body,
        LineKind::Heading(_) => theme.heading,
        LineKind::Code => theme.code,
    };
    let text = line.text.as_str();
    // Layers, lowest first: the key of a `Key: value` field, inline marks, search hits.
    let mut layers: Vec<(std::ops::Range<usize>, Style)> = Vec::new();
    if line.kind == LineKind::Field
        && let Some(i) = text.find(": ")
    {
        layers.push((0..i + 1, theme.field_key));
    }
    for (range, mark) in &line.marks {
        let style = match mark {
            Mark::Strong => theme.strong,
            Mark::Emphasis => theme.emphasis,
            Mark::Code => theme.code,
            Mark::Link => theme.link,
            Mark::Strike => theme.strike,
            Mark::Added => theme.added,
            Mark::Removed => theme.removed,
        };
        layers.push((range.clone(), style));
    }
    layers.extend(hits.iter().cloned());
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (range, _) in &layers {
        cuts.extend([range.start.min(text.len()), range.end.min(text.len())]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|w| {
            let style = layers
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                .fold(base, |style, (_, layer)| style.patch(*layer));
            Span::styled(&text[w[0]..w[1]], style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// Elections described on the welcome pane; the rest are counted.
const MAX_WELCOME_ELECTIONS: usize = 8;

/// An election's name, seats, candidates, incumbents and closing date, as a few lines.
fn election_summary(election: &Election, candidates: usize, news: Option<&News>) -> String {
    let mut out = election.name.clone();
    if let Some(project) = &election.project {
        out.push_str(&format!(" ({project})"));
    }
    let mut facts = vec![format!(
        "{candidates} candidate{}",
        if candidates == 1 { "" } else { "s" }
    )];
    if let Some(seats) = election.seats {
        facts.insert(
            0,
            format!("{seats} seat{}", if seats == 1 { "" } else { "s" }),
        );
    }
    if let Some(close) = crate::roster::dates::voting_close(election) {
        facts.push(format!(
            "voting closes {}",
            crate::roster::dates::shown(close)
        ));
    } else if let Some((_, close)) = election.dates.iter().find(|(k, _)| k == "voting_close") {
        // A date that could not be read is shown as written.
        facts.push(format!("voting closes {close}"));
    }
    let questions = election.questions.len();
    if questions > 0 {
        facts.push(format!(
            "{questions} question{}: a",
            if questions == 1 { "" } else { "s" }
        ));
    }
    out.push_str(&format!("\n  {}", facts.join(" · ")));
    if let Some(news) = news
        && let Some(counts) = news.counts()
    {
        let since = news.since.map_or_else(
            || "since you read them".to_string(),
            |at| format!("since {}", crate::roster::dates::shown(at)),
        );
        out.push_str(&format!("\n  {since}: {counts} · u shows each"));
    }
    if !election.incumbents.is_empty() {
        out.push_str(&format!(
            "\n  incumbents: {}",
            election.incumbents.join(", ")
        ));
    }
    out
}

/// What the pane area shows before any candidate is opened.
pub fn draw_welcome(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block =
        panel(" hustings ".to_string(), false, theme).padding(Padding::horizontal(PANE_PADDING));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let roster = &app.roster;
    let mut text = format!(
        "{} candidate{} in {} election{}.\n\n",
        roster.candidates.len(),
        if roster.candidates.len() == 1 {
            ""
        } else {
            "s"
        },
        roster.elections.len(),
        if roster.elections.len() == 1 { "" } else { "s" },
    );
    if roster.source == Source::Embedded {
        text.push_str(
            "This is the roster built into hustings (no ./candidates folder here). \
             Run `hustings FOLDER` to read another election.\n\n",
        );
    }
    text.push_str(
        "Enter  read the selected candidate\n\
         Space  mark candidates, then c to compare them side by side\n\
         /      search names and statements\n",
    );
    if roster.elections.iter().any(|e| !e.questions.is_empty()) {
        text.push_str("a      the questions asked, and every candidate's answers side by side\n");
    }
    if (0..roster.elections.len()).any(|e| app.news(e).is_some_and(|n| !n.is_empty())) {
        text.push_str("u      what is new or changed since your last visit (+ new, Δ changed)\n");
    }
    text.push_str("?      every key\n");
    // Newest first, as the list shows them.
    for (index, election) in roster
        .elections
        .iter()
        .enumerate()
        .rev()
        .take(MAX_WELCOME_ELECTIONS)
    {
        text.push('\n');
        text.push_str(&election_summary(
            election,
            roster.members(index).len(),
            app.news(index),
        ));
    }
    if roster.elections.len() > MAX_WELCOME_ELECTIONS {
        text.push_str(&format!(
            "\n… and {} more elections",
            roster.elections.len() - MAX_WELCOME_ELECTIONS
        ));
    }
    let lines: Vec<Line> = wrap(&text, usize::from(inner.width))
        .into_iter()
        .map(|l| Line::styled(l, theme.body))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
