//! Text made safe and shaped for the screen: sanitizing, Markdown blocks, wrapping by
//! display width. Knows nothing of a session.

pub mod apart;
pub mod hash;
pub mod html;
pub mod links;
pub mod markdown;
pub mod sanitize;
pub mod title;
pub mod wrap;

/// Drops blank lines at the start and end, keeping the text between as it is.
pub fn trim_blank_lines(text: &str) -> String {
    if text.contains('\r') {
        // Lines end at `\r\n` too: each line is read and joined with `\n`.
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
        return out;
    }
    // From the start of the line of the first visible character to the end of the line of
    // the last, copied once.
    let Some(first) = text.find(|c: char| !c.is_whitespace()) else {
        return String::new();
    };
    let last = text.rfind(|c: char| !c.is_whitespace()).unwrap_or(first);
    let start = text[..first].rfind('\n').map_or(0, |i| i + 1);
    let end = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let mut out = String::with_capacity(end - start + 1);
    out.push_str(&text[start..end]);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::trim_blank_lines;

    #[test]
    fn blank_lines_go_at_both_ends_as_line_by_line() {
        let by_lines = |text: &str| {
            let lines: Vec<&str> = text.lines().collect();
            let keep: Vec<&str> = lines
                .iter()
                .skip_while(|l| l.trim().is_empty())
                .copied()
                .collect();
            let end = keep
                .iter()
                .rposition(|l| !l.trim().is_empty())
                .map_or(0, |i| i + 1);
            let out = keep[..end].join("\n");
            if out.is_empty() { out } else { out + "\n" }
        };
        let parts = [
            "", "\n", " ", "\t", "a", "é b ", "\u{2028}", "\r\n", "\r", "  \n  ",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        let text = format!("{a}{b}{c}{d}");
                        assert_eq!(trim_blank_lines(&text), by_lines(&text), "{text:?}");
                    }
                }
            }
        }
    }
}
