//! `hustings questions`: each election's questions as a grid, questions down and candidates
//! across in the voter's order, as plain text or JSON.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::output::{Outcome, counted, finish, print, say};
use super::session::Session;
use crate::analysis::questions::Grid;
use crate::app::App;
use crate::text::wrap::{truncate, width as text_width};
use crate::voter::order::OrderMode;

/// Prints the grid of every election that has questions.
pub fn run(
    paths: &[PathBuf],
    json: bool,
    width: Option<u16>,
    order: OrderMode,
    data_dir: Option<&Path>,
) -> Outcome {
    let session = Session::open(paths, order, data_dir)?;
    let app = &session.app;
    let grids = grids(app);
    if grids.is_empty() {
        say("hustings: no questions were put to the candidates of these elections");
    }
    let text = if json {
        let mut text = serde_json::to_string_pretty(&as_json(app, &grids))
            .map_err(|e| super::output::Failure::Other(e.to_string()))?;
        text.push('\n');
        text
    } else {
        let width = super::show::output_width(width);
        grids
            .iter()
            .map(|g| as_text(app, g, width))
            .collect::<Vec<_>>()
            .join("\n")
    };
    print(&text)?;
    Ok(finish(app))
}

/// The grid of every election with questions, newest first (as the list shows them).
pub fn grids(app: &App) -> Vec<Grid> {
    (0..app.roster.elections.len())
        .rev()
        .filter(|&e| !app.roster.elections[e].questions.is_empty())
        .map(|e| Grid::new(&app.roster, e, app.candidates_of(e)))
        .collect()
}

fn as_json(app: &App, grids: &[Grid]) -> Value {
    let elections: Vec<Value> = grids
        .iter()
        .map(|g| {
            let election = &app.roster.elections[g.election];
            let names: Vec<&str> = g
                .candidates
                .iter()
                .map(|&c| app.candidate(c).name.as_str())
                .collect();
            let questions: Vec<Value> = election
                .questions
                .iter()
                .zip(&g.cells)
                .map(|(q, row)| {
                    let answers: Map<String, Value> = names
                        .iter()
                        .zip(row)
                        .map(|(name, words)| (name.to_string(), json!(words.unwrap_or(0))))
                        .collect();
                    json!({"title": q.title, "link": q.link, "answers": answers})
                })
                .collect();
            json!({"name": election.name, "candidates": names, "questions": questions})
        })
        .collect();
    json!({ "elections": elections })
}

/// The grid as text in `width` columns: word counts per cell where they fit, else a mark
/// for answered (`●`) or not (`·`); candidates numbered across, named below.
pub fn as_text(app: &App, grid: &Grid, width: usize) -> String {
    let election = &app.roster.elections[grid.election];
    let n = grid.candidates.len();
    let count_width = "answers".len().max(format!("{n}/{n}").len());
    let number_width = election.questions.len().to_string().len() + 2;
    let most = grid
        .cells
        .iter()
        .flatten()
        .flatten()
        .max()
        .copied()
        .unwrap_or(0);
    // Columns headed by each candidate's handle or initials where the word counts are shown.
    let heads = grid.heads(&app.roster, HEAD);
    let head_width = heads.iter().map(|h| text_width(h)).max().unwrap_or(1);
    let wide_cell = most.to_string().len().max(head_width) + 1;
    // Word counts if a title of 24 columns still fits beside them; else one mark each,
    // two columns apiece, the candidates' numbers written downwards above them.
    let fixed = number_width + count_width + 2;
    let (cell, counts) = if fixed + 24 + n * wide_cell <= width {
        (wide_cell, true)
    } else {
        (2, false)
    };
    let title_width = width.saturating_sub(fixed + n * cell).max(12);
    let mut out = format!(
        "{}: {}, {}\n",
        election.name,
        counted(election.questions.len(), "question", "questions"),
        counted(n, "candidate", "candidates")
    );
    let numbers: Vec<String> = if counts {
        heads.clone()
    } else {
        (1..=n).map(|i| i.to_string()).collect()
    };
    let digits = if counts { 1 } else { n.to_string().len() };
    for row in 0..digits {
        let mut header = " ".repeat(number_width + title_width);
        for number in &numbers {
            let shown = if counts {
                number.clone()
            } else {
                // Row `row` of the number written downwards, aligned at its last digit.
                let pad = digits - number.len();
                number
                    .chars()
                    .nth(row.wrapping_sub(pad))
                    .filter(|_| row >= pad)
                    .map_or(" ".to_string(), String::from)
            };
            header.push_str(&format!("{shown:>cell$}"));
        }
        if row + 1 == digits {
            header.push_str(&format!("  {:>count_width$}", "answers"));
        }
        out.push_str(header.trim_end());
        out.push('\n');
    }
    for (q, (question, row)) in election.questions.iter().zip(&grid.cells).enumerate() {
        let number = format!("{:>w$} ", format!("Q{}", q + 1), w = number_width - 1);
        let title = truncate(&question.title, title_width);
        let pad = title_width.saturating_sub(text_width(&title));
        let mut line = format!("{number}{title}{}", " ".repeat(pad));
        for words in row {
            let shown = match (words, counts) {
                (Some(w), true) => w.to_string(),
                (Some(_), false) => "●".to_string(),
                (None, _) => "·".to_string(),
            };
            line.push_str(&" ".repeat(cell.saturating_sub(text_width(&shown))));
            line.push_str(&shown);
        }
        line.push_str(&format!(
            "  {:>count_width$}",
            format!("{}/{n}", grid.answers_to(q))
        ));
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    let name_width = width.saturating_sub(24 + HEAD + 1).max(12);
    for (i, &c) in grid.candidates.iter().enumerate() {
        let name = truncate(&app.candidate(c).name, name_width);
        let head = &heads[i];
        out.push_str(&format!(
            "{:>3} {head}{} {name}{}  answered {} of {}\n",
            i + 1,
            " ".repeat(HEAD.saturating_sub(text_width(head))),
            " ".repeat(name_width.saturating_sub(text_width(&name))),
            grid.answered_by(i),
            election.questions.len()
        ));
    }
    if counts {
        out.push_str("(numbers are words in the answer; · is no answer)\n");
    } else {
        out.push_str("(● answered, · no answer; wider than this shows the words in each)\n");
    }
    // Every question's title in full, which the grid had to cut.
    out.push('\n');
    for (q, question) in election.questions.iter().enumerate() {
        out.push_str(&format!("Q{}. {}\n", q + 1, question.title));
    }
    out
}

/// The widest a candidate's short name heads a column.
const HEAD: usize = 4;
