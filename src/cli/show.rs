//! Statements side by side as plain text, for pipes, `less`, screen readers and printing.
//! Nothing but printable text and newlines is written.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use std::path::Path;

use super::output::{Failure, Outcome, finish, print};
use super::session::{Session, find_named, named_candidates, paths_and_names};
use crate::app::{LineKind, PaneLine, answer_lines, build_lines};
use crate::roster::Roster;
use crate::text::wrap::{truncate, width as text_width};
use crate::voter::order::OrderMode;

/// Columns narrower than this are printed one after another instead.
const MIN_COLUMN: usize = 28;

/// Prints the named candidates side by side, as wide as the terminal (else 80 columns).
pub fn run(args: &[String], width: Option<u16>, plain: bool) -> Outcome {
    let (roster, chosen) = named_candidates(args)?;
    print(&side_by_side(&roster, &chosen, output_width(width), plain))?;
    Ok(ExitCode::SUCCESS)
}

/// `width` if given, else the terminal's, else 80 columns.
pub(super) fn output_width(width: Option<u16>) -> usize {
    width
        .map(usize::from)
        .or_else(|| {
            io::stdout()
                .is_terminal()
                .then(|| ratatui::crossterm::terminal::size().ok())
                .flatten()
                .map(|(w, _)| usize::from(w))
        })
        .unwrap_or(80)
}

/// Prints every answer to question `number` (from 1) side by side, in the voter's order:
/// of the named candidates, else of the newest election that has questions.
pub fn question(
    args: &[String],
    number: usize,
    width: Option<u16>,
    plain: bool,
    order: OrderMode,
    data_dir: Option<&Path>,
) -> Outcome {
    let (paths, names) = paths_and_names(args);
    let session = Session::open(&paths, order, data_dir)?;
    let app = &session.app;
    let roster = &app.roster;
    let mut chosen = find_named(roster, &names)?;
    let election = match chosen.first() {
        Some(&c) => roster.candidates[c].election,
        None => (0..roster.elections.len())
            .rev()
            .find(|&e| !roster.elections[e].questions.is_empty())
            .ok_or_else(|| {
                Failure::Other("no questions were put to these candidates".to_string())
            })?,
    };
    let e = &roster.elections[election];
    let Some(q) = number.checked_sub(1).and_then(|i| e.questions.get(i)) else {
        return Err(Failure::Other(format!(
            "{} has {} questions: there is no question {number}",
            e.name,
            e.questions.len()
        )));
    };
    if chosen.is_empty() {
        chosen = app.candidates_of(election);
    }
    chosen.retain(|&c| roster.candidates[c].election == election);
    let width = output_width(width);
    let mut text = format!("Q{number}. {}\n", q.title);
    if let Some(link) = &q.link {
        text.push_str(&format!("{link}\n"));
    }
    for line in crate::text::wrap::wrap(q.text.display(), width) {
        text.push_str(&line);
        text.push('\n');
    }
    let answered = chosen
        .iter()
        .filter(|&&c| roster.candidates[c].answer(number - 1).is_some())
        .count();
    text.push_str(&format!("Answered by {answered} of {}\n\n", chosen.len()));
    text.push_str(&in_columns(chosen.len(), width, plain, &|i, column| {
        let candidate = &roster.candidates[chosen[i]];
        let lines = match candidate.answer(number - 1) {
            Some(answer) => answer_lines(answer, column),
            None => vec![PaneLine {
                text: "(no answer)".to_string(),
                kind: LineKind::Notice,
                marks: Vec::new(),
            }],
        };
        (candidate.name.clone(), lines)
    }));
    print(&text)?;
    Ok(finish(app))
}

/// The candidates `chosen` (roster indices) side by side in `width` columns; one column when
/// they would be too narrow. `plain` uses ASCII for rules and separators.
pub fn side_by_side(roster: &Roster, chosen: &[usize], width: usize, plain: bool) -> String {
    in_columns(chosen.len(), width, plain, &|i, column| {
        let candidate = &roster.candidates[chosen[i]];
        let election = roster.election_of(candidate);
        let (lines, _) = build_lines(candidate, election, None, column);
        (candidate.name.clone(), lines)
    })
}

/// What one column shows at a width: its title and its lines.
type Column<'a> = dyn Fn(usize, usize) -> (String, Vec<PaneLine>) + 'a;

/// `n` columns side by side in `width`, each titled above a rule; one after another when
/// they would be narrower than [`MIN_COLUMN`].
fn in_columns(n: usize, width: usize, plain: bool, column_of: &Column) -> String {
    let separator = if plain { " | " } else { " │ " };
    let count = n.max(1);
    let gaps = text_width(separator) * (count - 1);
    let column = width.saturating_sub(gaps) / count;
    if column < MIN_COLUMN && n > 1 {
        let parts: Vec<String> = (0..n)
            .map(|i| in_columns(1, width, plain, &|_, w| column_of(i, w)))
            .collect();
        return parts.join("\n");
    }
    let column = column.max(1);
    let columns: Vec<Vec<String>> = (0..n)
        .map(|i| {
            let (title, lines) = column_of(i, column);
            let mut out = vec![truncate(&title, column), rule(column, plain, '═')];
            out.extend(lines.into_iter().map(|l| match l.kind {
                LineKind::Heading(level) => truncate(
                    &format!("{} {}", "#".repeat(usize::from(level)), l.text),
                    column,
                ),
                LineKind::Rule => rule(column, plain, '─'),
                _ => l.text,
            }));
            out
        })
        .collect();
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut text = String::new();
    for row in 0..height {
        let mut line = String::new();
        for (i, col) in columns.iter().enumerate() {
            let cell = col.get(row).map_or("", String::as_str);
            if i > 0 {
                line.push_str(separator);
            }
            line.push_str(cell);
            if i + 1 < columns.len() {
                line.push_str(&" ".repeat(column.saturating_sub(text_width(cell))));
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    if plain {
        text = text
            .chars()
            .map(|c| match c {
                '─' | '═' | '┄' => '-',
                '•' => '*',
                '│' => '|',
                c => c,
            })
            .collect();
    }
    text
}

fn rule(width: usize, plain: bool, c: char) -> String {
    let c = if plain { '-' } else { c };
    std::iter::repeat_n(c, width).collect()
}
