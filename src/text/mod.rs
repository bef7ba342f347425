//! Text made safe and shaped for the screen: sanitizing, Markdown blocks, wrapping by
//! display width. Knows nothing of a session.

pub mod hash;
pub mod html;
pub mod links;
pub mod markdown;
pub mod sanitize;
pub mod wrap;

/// Drops blank lines at the start and end, keeping the text between as it is.
pub fn trim_blank_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |i| i + 1);
    let mut out = lines[start..end].join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}
