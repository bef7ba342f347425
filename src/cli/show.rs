//! Statements side by side as plain text, for pipes, `less`, screen readers and printing.
//! Nothing but printable text and newlines is written.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use super::output::{Outcome, print};
use super::session::named_candidates;
use crate::app::{LineKind, PaneLine, build_lines};
use crate::roster::Roster;
use crate::text::wrap::{truncate, width as text_width};

/// Columns narrower than this are printed one after another instead.
const MIN_COLUMN: usize = 28;

/// Prints the named candidates side by side, as wide as the terminal (else 80 columns).
pub fn run(args: &[String], width: Option<u16>, plain: bool) -> Outcome {
    let (roster, chosen) = named_candidates(args)?;
    let width = width
        .map(usize::from)
        .or_else(|| {
            io::stdout()
                .is_terminal()
                .then(|| ratatui::crossterm::terminal::size().ok())
                .flatten()
                .map(|(w, _)| usize::from(w))
        })
        .unwrap_or(80);
    print(&side_by_side(&roster, &chosen, width, plain))?;
    Ok(ExitCode::SUCCESS)
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
