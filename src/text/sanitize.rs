//! Makes untrusted candidate text safe to draw, once, where it enters.
//!
//! Nothing is silently dropped: control characters become caret notation (`^[`, `^G`),
//! C1 controls and invisible or direction-changing characters become a visible `<U+XXXX>`
//! marker, and the number of such replacements is kept so the UI can say the text was altered.
//! Tabs are expanded and `\r\n` normalised, which alters nothing a reader could see.

use unicode_width::UnicodeWidthStr;

/// U+00AD, where a word may be hyphenated.
const SOFT_HYPHEN: char = '\u{00AD}';

/// Columns between tab stops when tabs are expanded.
pub const TAB_WIDTH: usize = 4;

/// Display-safe text and how many characters in it were made visible.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sanitized {
    /// The text with every unsafe character replaced by a visible stand-in.
    pub text: String,
    /// How many characters were hidden or dangerous in the original.
    pub hidden: usize,
}

/// Sanitizes multi-line text: newlines are kept, everything else unsafe is made visible.
pub fn sanitize_text(raw: &str) -> Sanitized {
    sanitize(raw, true)
}

/// Makes text for standard output safe where it leaves: newlines and tabs (a table's
/// columns) stay, every other unsafe character is made visible, as on screen.
pub fn for_output(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            _ => {
                push_visible(&mut out, c);
            }
        }
    }
    out
}

/// Sanitizes a one-line field (a name, an e-mail): a newline is shown as `^J`.
pub fn sanitize_line(raw: &str) -> Sanitized {
    let mut out = sanitize(raw.trim(), false);
    out.text = out.text.trim().to_string();
    out
}

fn sanitize(raw: &str, multiline: bool) -> Sanitized {
    let mut text = String::with_capacity(raw.len());
    let mut hidden = 0;
    // Where the current output line starts: a tab's stop is measured from there, only when
    // a tab comes (measuring every character would cost more than all the rest).
    let mut line_start = 0;
    let mut rest = raw;
    while !rest.is_empty() {
        // Printable ASCII goes through as it is, a run at a time; anything else is looked at
        // character by character.
        let run = rest
            .bytes()
            .position(|b| !(b' '..=b'~').contains(&b))
            .unwrap_or(rest.len());
        text.push_str(&rest[..run]);
        rest = &rest[run..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        match c {
            '\r' if multiline && rest.starts_with('\n') => {}
            '\n' if multiline => {
                text.push('\n');
                line_start = text.len();
            }
            '\t' => {
                let column = UnicodeWidthStr::width(&text[line_start..]);
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                text.extend(std::iter::repeat_n(' ', spaces));
            }
            _ => {
                if push_visible(&mut text, c) {
                    hidden += 1;
                }
            }
        }
    }
    Sanitized { text, hidden }
}

/// Pushes `c` or its visible stand-in; returns whether it had to be replaced.
fn push_visible(out: &mut String, c: char) -> bool {
    match c {
        // A soft hyphen only says where a word may break: it hides nothing and changes
        // nothing a reader sees, so it is no alteration to report (terminals draw it
        // differently, so it is not drawn).
        SOFT_HYPHEN => false,
        '\u{0}'..='\u{1f}' => {
            out.push('^');
            out.push(char::from(c as u8 + 0x40));
            true
        }
        '\u{7f}' => {
            out.push_str("^?");
            true
        }
        _ if is_c1(c) || is_invisible_format(c) => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
            true
        }
        _ => {
            out.push(c);
            false
        }
    }
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Bidi controls, zero-width and other invisible format characters that can hide or
/// reorder text on screen.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

/// True when `s` contains nothing a terminal could interpret as a control.
pub fn is_display_safe(s: &str) -> bool {
    // Printable ASCII and line breaks, a block at a time (a cache's statements run to tens of
    // megabytes); a block with anything else is checked character by character.
    const BLOCK: usize = 64;
    let plain = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n';
    let mut rest = s;
    while !rest.is_empty() {
        let end = rest.len().min(BLOCK);
        let block = &rest.as_bytes()[..end];
        if block.iter().fold(true, |all, &b| all & plain(b)) {
            rest = &rest[end..];
            continue;
        }
        // The first character that is not plain ASCII, and the rest from there.
        let at = block.iter().position(|&b| !plain(b)).unwrap_or(0);
        let mut chars = rest[at..].chars();
        let Some(c) = chars.next() else {
            break;
        };
        let safe =
            (c == '\n' || !c.is_control()) && !is_c1(c) && !is_invisible_format(c) && c != '\t';
        if !safe {
            return false;
        }
        rest = chars.as_str();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    // Mutation testing: a shorter printable-ASCII run in `sanitize` survives, and is
    // equivalent: those characters then take the general arm, which pushes them unchanged.
    // `plain_text_is_unchanged` shows the output is the same.

    #[test]
    fn output_keeps_lines_and_columns_and_shows_the_rest() {
        assert_eq!(for_output("a\tb\nc"), "a\tb\nc");
        assert_eq!(
            for_output("\u{1b}[2J\u{7}\u{9b}\u{202e}\r"),
            "^[[2J^G<U+009B><U+202E>^M"
        );
        assert_eq!(for_output("plain ünïcode"), "plain ünïcode");
    }

    #[test]
    fn the_safety_check_reads_blocks_as_it_reads_characters() {
        let one_by_one = |s: &str| {
            s.chars().all(|c| {
                (c == '\n' || !c.is_control()) && !is_c1(c) && !is_invisible_format(c) && c != '\t'
            })
        };
        let odd = [
            "é", "漢", "\u{1b}", "\u{200b}", "\t", "\u{9b}", "\u{7f}", "\n", "ÿ",
        ];
        for len in [0, 1, 63, 64, 65, 127, 128, 200] {
            for at in [0, 1, 62, 63, 64, 65, 130] {
                for c in odd {
                    let mut s = "a".repeat(len);
                    s.insert_str(at.min(len), c);
                    assert_eq!(is_display_safe(&s), one_by_one(&s), "{s:?}");
                    s.push_str(c);
                    assert_eq!(is_display_safe(&s), one_by_one(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn the_safety_oracle_rejects_every_kind_of_control() {
        assert!(is_display_safe(
            "plain text, ünïcode, 漢字\nand a second line"
        ));
        for unsafe_text in [
            "an \u{1b}[31m escape",
            "a bell \u{7}",
            "a tab\there",
            "a carriage\rreturn",
            "DEL \u{7f}",
            "an 8-bit CSI \u{9b}",
            "a bidi override \u{202e}",
            "a zero-width space \u{200b}",
            "an isolate \u{2066}",
            "a byte order mark \u{feff}",
        ] {
            assert!(!is_display_safe(unsafe_text), "{unsafe_text:?}");
            assert!(
                is_display_safe(&sanitize_text(unsafe_text).text),
                "{unsafe_text:?}"
            );
        }
    }

    #[test]
    fn runs_of_plain_text_give_what_character_by_character_gives() {
        // The reading before runs were copied whole: one character at a time.
        let one_by_one = |raw: &str| {
            let mut text = String::new();
            let mut hidden = 0;
            let mut line_start = 0;
            let mut chars = raw.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\r' if chars.peek() == Some(&'\n') => {}
                    '\n' => {
                        text.push('\n');
                        line_start = text.len();
                    }
                    '\t' => {
                        let column = UnicodeWidthStr::width(&text[line_start..]);
                        text.extend(std::iter::repeat_n(' ', TAB_WIDTH - column % TAB_WIDTH));
                    }
                    _ => hidden += usize::from(push_visible(&mut text, c)),
                }
            }
            Sanitized { text, hidden }
        };
        let odd = [
            "é", "漢", "\u{1b}", "\u{200b}", "\t", "\u{9b}", "\r\n", "\r", "\n", "~", " ",
        ];
        for len in [0, 1, 2, 7, 64, 65] {
            for at in [0, 1, 3, 64, 70] {
                for (a, b) in odd.iter().zip(odd.iter().rev()) {
                    let mut s = "ab".repeat(len);
                    s.insert_str(at.min(s.len()), a);
                    s.push_str(b);
                    s.push_str(a);
                    assert_eq!(sanitize_text(&s), one_by_one(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn a_soft_hyphen_is_no_alteration_but_a_bidi_control_still_is() {
        let s = sanitize_text("Gover\u{00AD}nance");
        assert_eq!((s.text.as_str(), s.hidden), ("Governance", 0));
        assert_eq!(sanitize_line("Jo\u{00AD}hann").text, "Johann");
        assert_eq!(for_output("a\u{00AD}b"), "ab");
        let s = sanitize_text("Evil\u{202E}Corp\u{200D}");
        assert_eq!(s.hidden, 2);
    }

    #[test]
    fn plain_text_is_unchanged() {
        let s = sanitize_text("Hello, wörld — 日本語\nsecond line");
        assert_eq!(s.text, "Hello, wörld — 日本語\nsecond line");
        assert_eq!(s.hidden, 0);
    }

    #[test]
    fn escape_sequences_become_caret_notation() {
        let s = sanitize_text("a\x1b[31mred\x1b[0m\x07");
        assert_eq!(s.text, "a^[[31mred^[[0m^G");
        assert_eq!(s.hidden, 3);
        assert!(is_display_safe(&s.text));
    }

    #[test]
    fn crlf_is_normalised_and_lone_cr_is_shown() {
        let s = sanitize_text("one\r\ntwo\rthree");
        assert_eq!(s.text, "one\ntwo^Mthree");
        assert_eq!(s.hidden, 1);
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(sanitize_text("a\tb").text, "a   b");
        assert_eq!(sanitize_text("abcd\tb").text, "abcd    b");
        assert_eq!(sanitize_text("日\tb").text, "日  b");
        assert_eq!(sanitize_text("x\n\ty").text, "x\n    y");
        assert_eq!(sanitize_text("\t").hidden, 0);
    }

    #[test]
    fn bidi_and_zero_width_characters_become_markers() {
        let s = sanitize_text("abc\u{202E}def\u{200B}g\u{FEFF}\u{2066}");
        assert_eq!(s.text, "abc<U+202E>def<U+200B>g<U+FEFF><U+2066>");
        assert_eq!(s.hidden, 4);
    }

    #[test]
    fn c1_controls_and_del_are_shown() {
        let s = sanitize_text("a\u{9b}31m\u{7f}");
        assert_eq!(s.text, "a<U+009B>31m^?");
        assert_eq!(s.hidden, 2);
    }

    #[test]
    fn a_line_field_shows_newlines() {
        let s = sanitize_line("  Jane\nDoe ");
        assert_eq!(s.text, "Jane^JDoe");
        assert_eq!(s.hidden, 1);
    }

    #[test]
    fn every_char_below_0x100_comes_out_safe() {
        let all: String = (0u32..0x100).filter_map(char::from_u32).collect();
        let s = sanitize_text(&all);
        assert!(is_display_safe(&s.text), "{:?}", s.text);
    }
}
