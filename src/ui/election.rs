//! The current election on request: seats, candidates, every date in UTC and local time with
//! the time left to vote, incumbents, results and the rest of its metadata.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::help::draw_scrolled;
use super::theme::Theme;
use crate::app::App;
use crate::roster::dates;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(index) = app.current_election() else {
        return;
    };
    let election = &app.roster.elections[index];
    let now = app.now();
    let mut text = Vec::new();
    let (read, total) = app.reading_progress(index);
    let mut facts = Vec::new();
    if let Some(project) = &election.project {
        facts.push(project.clone());
    }
    if let Some(seats) = election.seats {
        facts.push(format!("{seats} seat{}", if seats == 1 { "" } else { "s" }));
    }
    facts.push(format!("{total} candidates, {read} read"));
    text.push(facts.join(" · "));
    match dates::voting_close(election) {
        Some(close) if close > now => text.push(format!(
            "Voting closes {}: {}",
            dates::relative(close, now),
            dates::both_zones(close)
        )),
        Some(close) => text.push(format!(
            "Voting closed {}: {}",
            dates::relative(close, now),
            dates::both_zones(close)
        )),
        None => text.push("No closing date given.".to_string()),
    }
    let when = dates::of(election);
    if !when.is_empty() {
        text.push(String::new());
        text.push("Dates".to_string());
        for w in when {
            let shown = w.at.map_or_else(|| w.text.clone(), dates::both_zones);
            text.push(format!("  {}: {shown}", w.key.replace('_', " ")));
        }
    }
    if !election.incumbents.is_empty() {
        text.push(String::new());
        text.push(format!("Incumbents: {}", election.incumbents.join(", ")));
    }
    for (key, value) in &election.extra {
        text.push(String::new());
        if value.contains('\n') {
            text.push(format!("{}:", capitalise(key)));
            text.extend(value.lines().map(|l| format!("  {l}")));
        } else {
            text.push(format!("{}: {value}", capitalise(key)));
        }
    }
    text.push(String::new());
    text.push(format!("Folder: {}", election.folder));
    draw_scrolled(frame, area, app, theme, &election.name, &text.join("\n"));
}

fn capitalise(key: &str) -> String {
    let key = key.replace('_', " ");
    let mut chars = key.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
