//! Word wrapping by display width, done once per width by the caller and cached.
//!
//! ratatui's own wrapping re-wraps from the top on every frame and can panic on a wide glyph
//! in a tiny area, so panes draw lines wrapped here instead.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps `text` at spaces so that no line is wider than `max` columns.
///
/// Words longer than a line are split; list items (`- `, `* `, `1. `) and indented lines keep
/// a hanging indent. A width of zero gives no lines at all.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    if max == 0 {
        return out;
    }
    for line in text.split('\n') {
        wrap_line(line.trim_end(), max, &mut out);
    }
    out
}

/// Joins the lines of hard-wrapped paragraphs, so text wrapped at 72 or 80 columns by its
/// author flows to the width of the pane instead of leaving ragged half-lines.
///
/// A line is joined to the next when it is long (near the widest line of the text, so it was
/// wrapped rather than ended) and the next line starts no list item, heading, quote or
/// indented block. Code fences are left alone; short lines (`Cheers,`) keep their break.
pub fn reflow(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let widest = lines.iter().map(|l| width(l.trim_end())).max().unwrap_or(0);
    if widest > 120 {
        // Lines this long were never hard-wrapped.
        return text.to_string();
    }
    let long = widest * 3 / 5;
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let Some(next) = lines.get(i + 1) else {
            break;
        };
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        let joins = !in_fence
            && width(line.trim_end()) >= long.max(1)
            && !line.trim().is_empty()
            && !line.ends_with("  ")
            && !starts_block(next);
        if joins {
            if !line.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push('\n');
        }
    }
    out
}

/// Lines that begin something of their own: blank, indented, a list item, a heading, a quote.
fn starts_block(line: &str) -> bool {
    let trimmed = line.trim_end();
    trimmed.is_empty()
        || line.starts_with([' ', '#', '>', '|', '`'])
        || hanging_indent(line) > 0
        || trimmed.starts_with("--")
        || trimmed.starts_with("==")
}

/// Cuts `s` to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The end of `s` that fits in `max` columns.
pub fn tail(s: &str, max: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    &s[start..]
}

fn wrap_line(line: &str, max: usize, out: &mut Vec<String>) {
    // A continuation line must keep room for a wide (two-column) glyph after its indent.
    let hang = hanging_indent(line).min(max / 2).min(max.saturating_sub(2));
    for (i, range) in wrap_ranges(line, max, hang).into_iter().enumerate() {
        let body = &line[range];
        if i == 0 {
            out.push(body.to_string());
        } else {
            out.push(format!("{}{body}", " ".repeat(hang)));
        }
    }
}

/// Where to break one line (no `\n`) so that no piece is wider than `max` columns, as byte
/// ranges of `line`: the first piece starts at 0, the others are meant to follow `hang`
/// columns of indent. Breaks fall at spaces (which vanish) or, in a word longer than a line,
/// between characters. Trailing spaces are left out of every range.
pub fn wrap_ranges(line: &str, max: usize, hang: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    if max == 0 {
        return out;
    }
    let hang = hang.min(max.saturating_sub(1));
    let (mut start, mut end, mut used, mut indent) = (0, 0, 0, 0);
    let mut pos = 0;
    for token in tokens(line) {
        let token_start = pos;
        pos += token.len();
        let w = width(token);
        if used + w <= max {
            used += w;
            end = pos;
            continue;
        }
        if token.starts_with(' ') {
            out.push(start..end);
            (start, end, used, indent) = (pos, pos, hang, hang);
            continue;
        }
        if used > indent {
            out.push(start..end);
            (start, end, used, indent) = (token_start, token_start, hang, hang);
        }
        if used + w <= max {
            used += w;
            end = pos;
            continue;
        }
        // A word longer than a line (an address, most often) breaks after its last `/`,
        // `?`, `&`, `=`, `-`, `.`, `_`, `#` or `,` that leaves a third of a line or more,
        // else between characters.
        let mut soft: Option<(usize, usize)> = None;
        for (i, c) in token.char_indices() {
            let cw = c.width().unwrap_or(0);
            if used + cw > max && used > indent {
                let worth = indent + (max - indent) / 3;
                match soft.filter(|&(_, at)| at > worth) {
                    Some((cut, at)) => {
                        out.push(start..cut);
                        start = cut;
                        (used, indent) = (hang + (used - at), hang);
                        if used + cw > max && used > indent {
                            out.push(start..end);
                            start = token_start + i;
                            used = hang;
                        }
                    }
                    None => {
                        out.push(start..end);
                        start = token_start + i;
                        (used, indent) = (hang, hang);
                    }
                }
                soft = None;
            }
            used += cw;
            end = token_start + i + c.len_utf8();
            if matches!(c, '/' | '?' | '&' | '=' | '-' | '.' | '_' | '#' | ',') {
                soft = Some((end, used));
            }
        }
    }
    out.push(start..end);
    // Spaces a line ends with are not shown.
    for range in &mut out {
        let trimmed = line[range.clone()].trim_end_matches(' ').len();
        range.end = range.start + trimmed;
    }
    out
}

/// Splits a line into alternating runs of spaces and non-spaces.
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let is_space = first == ' ';
        let end = rest
            .char_indices()
            .find(|&(_, c)| (c == ' ') != is_space)
            .map_or(rest.len(), |(i, _)| i);
        let (token, tail) = rest.split_at(end);
        rest = tail;
        Some(token)
    })
}

/// Columns that continuation lines of `line` are indented by: its own indent, plus the
/// marker of a list item.
fn hanging_indent(line: &str) -> usize {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    let marker = if body.starts_with("- ") || body.starts_with("* ") || body.starts_with("+ ") {
        2
    } else {
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let after = &body[digits..];
        if digits > 0 && digits < 4 && (after.starts_with(". ") || after.starts_with(") ")) {
            digits + 2
        } else {
            0
        }
    };
    indent + marker
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn keeps_blank_lines_and_paragraphs() {
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
    }

    #[test]
    fn splits_words_longer_than_a_line() {
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn long_addresses_break_after_their_punctuation() {
        let lines = wrap("https://github.com/kubernetes/community/pull/12345", 23);
        assert_eq!(
            lines,
            vec!["https://github.com/", "kubernetes/community/", "pull/12345"]
        );
        // No punctuation to break at: between characters, as before.
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn list_items_get_a_hanging_indent() {
        assert_eq!(
            wrap("- one two three four", 10),
            vec!["- one two", "  three", "  four"]
        );
        assert_eq!(wrap("12. alpha beta", 9), vec!["12. alpha", "    beta"]);
    }

    #[test]
    fn wide_glyphs_count_two_columns() {
        assert_eq!(wrap("日本語です", 4), vec!["日本", "語で", "す"]);
        // A glyph wider than the line still comes out, once, rather than looping.
        assert_eq!(wrap("日本", 1), vec!["日", "本"]);
        // An indented line too narrow for indent and glyph gives up the indent, not the width.
        for line in wrap("    日本語", 2) {
            assert!(width(&line) <= 2, "{line:?}");
        }
    }

    #[test]
    fn zero_width_gives_nothing() {
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        let text = "Strengthening Hypervisor Support: I will collaborate with the community \
                    to identify areas — including 日本語 text and averyveryverylongwordthatneverends.";
        for max in 2..60 {
            for line in wrap(text, max) {
                assert!(width(&line) <= max, "{max}: {line:?}");
            }
        }
    }

    #[test]
    fn reflow_joins_hard_wrapped_paragraphs_only() {
        let text = "I have been deeply engaged in Kata Containers since the start of\n\
                    the project, both in development and community. I continue to be\n\
                    very interested.\n\
                    \n\
                    - a list item that is long enough to count as a wrapped line\n\
                    - another item\n\
                    \n\
                    Cheers,\n\
                    Tao";
        assert_eq!(
            reflow(text),
            "I have been deeply engaged in Kata Containers since the start of \
             the project, both in development and community. I continue to be \
             very interested.\n\
             \n\
             - a list item that is long enough to count as a wrapped line\n\
             - another item\n\
             \n\
             Cheers,\n\
             Tao"
        );
    }

    #[test]
    fn reflow_leaves_code_and_long_lines_alone() {
        let code = "```\nlet a_fairly_long_line_of_code = 1; // and a comment here\nb\n```";
        assert_eq!(reflow(code), code);
        let long = format!("{}\nnext", "x".repeat(200));
        assert_eq!(reflow(&long), long);
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Anastassios", 6), "Anast…");
        assert_eq!(truncate("Tao", 6), "Tao");
        assert_eq!(truncate("Tao", 0), "");
        assert_eq!(tail("日本語", 5), "本語");
        assert_eq!(tail("abc", 0), "");
    }
}
