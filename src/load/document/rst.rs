//! reStructuredText as far as elections use it: a field-list header (`PEP:`, `Title:`),
//! underlined (and overlined) titles, bullet and enumerated lists, paragraphs, hyperlinks
//! (`` `Name <url>`_ ``), and directives, comments and tables kept as visible text. Line by
//! line, one pass.

use super::model::{Block, Document, Inline, Item, Kind, Link, squeeze};

/// One line and where it starts.
struct Line<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let end = at + raw.len();
        out.push(Line {
            text: raw.trim_end_matches(['\n', '\r']),
            start: at,
            end,
        });
        at = end;
    }
    out
}

/// A line of one punctuation character repeated, as titles are underlined.
fn adornment(line: &str) -> Option<char> {
    let t = line.trim_end();
    let c = t.chars().next()?;
    (t.len() >= 3 && c.is_ascii_punctuation() && t.chars().all(|x| x == c)).then_some(c)
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// `- text`, `* text`, `+ text`, `1. text`, `#. text`: the item's text.
fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if let Some(rest) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
    {
        return Some(rest);
    }
    let (number, rest) = t.split_once(". ")?;
    (number == "#" || (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())))
        .then_some(rest)
}

/// `Key: value` of a PEP header, or `:Key: value` of a field list.
fn field(line: &str) -> Option<(&str, &str)> {
    let t = line.strip_prefix(':').unwrap_or(line);
    let (k, v) = t.split_once(':')?;
    let plain = !k.is_empty()
        && k.len() <= 40
        && !k.starts_with(' ')
        && k.chars().all(|c| c.is_alphanumeric() || " -_".contains(c));
    plain.then(|| (k.trim(), v.trim()))
}

pub(super) fn read(text: &str) -> Document {
    let lines = lines(text);
    let mut doc = Document::default();
    let mut i = 0;
    // The header: `Key: value` lines from the first, continued by indented lines.
    while i < lines.len() && !is_blank(lines[i].text) {
        match field(lines[i].text) {
            Some((k, v)) => doc.front.push((k.to_string(), v.to_string())),
            None if lines[i].text.starts_with([' ', '\t']) && !doc.front.is_empty() => {
                if let Some((_, v)) = doc.front.last_mut() {
                    v.push(' ');
                    v.push_str(lines[i].text.trim());
                }
            }
            None => {
                doc.front.clear();
                i = 0;
                break;
            }
        }
        i += 1;
    }
    doc.body_start = lines.get(i).map_or(text.len(), |l| l.start);
    // Title styles in the order they first appear: the first is level 1.
    let mut styles: Vec<(char, bool)> = Vec::new();
    while i < lines.len() {
        let line = lines[i].text;
        if is_blank(line) {
            i += 1;
            continue;
        }
        // An overlined title: adornment, title, the same adornment.
        if let (Some(c), Some(title), Some(under)) = (
            adornment(line),
            lines.get(i + 1),
            lines.get(i + 2).and_then(|l| adornment(l.text)),
        ) && under == c
            && !is_blank(title.text)
            && adornment(title.text).is_none()
        {
            let level = level_of(&mut styles, (c, true));
            doc.blocks
                .push(heading(level, title.text, lines[i].start..lines[i + 2].end));
            i += 3;
            continue;
        }
        if let Some(c) = lines.get(i + 1).and_then(|l| adornment(l.text))
            && adornment(line).is_none()
            && !line.starts_with([' ', '\t'])
            && lines[i + 1].text.trim_end().chars().count() >= line.trim().chars().count()
        {
            let level = level_of(&mut styles, (c, false));
            doc.blocks
                .push(heading(level, line, lines[i].start..lines[i + 1].end));
            i += 2;
            continue;
        }
        if adornment(line).is_some() {
            doc.blocks.push(Block {
                kind: Kind::Rule,
                span: lines[i].start..lines[i].end,
            });
            i += 1;
            continue;
        }
        if bullet(line).is_some() {
            let start = i;
            let mut items = Vec::new();
            let indent = line.len() - line.trim_start().len();
            while i < lines.len() {
                let Some(first) = bullet(lines[i].text)
                    .filter(|_| lines[i].text.len() - lines[i].text.trim_start().len() == indent)
                else {
                    break;
                };
                let from = i;
                let mut words = first.to_string();
                i += 1;
                // The item goes on in lines indented past its marker, blank lines between.
                while i < lines.len() {
                    let l = lines[i].text;
                    let deeper = l.len() - l.trim_start().len() > indent;
                    if is_blank(l)
                        && lines.get(i + 1).is_some_and(|n| {
                            n.text.len() - n.text.trim_start().len() > indent && !is_blank(n.text)
                        })
                    {
                        i += 1;
                        continue;
                    }
                    if !deeper || is_blank(l) {
                        break;
                    }
                    words.push(' ');
                    words.push_str(l.trim());
                    i += 1;
                }
                items.push(Item {
                    words: inline(&words),
                    span: lines[from].start..lines[i - 1].end,
                });
                while i < lines.len() && is_blank(lines[i].text) {
                    i += 1;
                }
            }
            let end = lines[i.max(start + 1) - 1].end;
            doc.blocks.push(Block {
                kind: Kind::List(items),
                span: lines[start].start..end,
            });
            continue;
        }
        // A paragraph, a directive with its indented body, a table: to the next blank line
        // (a directive's body to the end of its indentation).
        let start = i;
        let directive = line.starts_with("..");
        i += 1;
        while i < lines.len() {
            let l = lines[i].text;
            if directive {
                let blank_then_indented = is_blank(l)
                    && lines
                        .get(i + 1)
                        .is_some_and(|n| n.text.starts_with([' ', '\t']));
                if !(l.starts_with([' ', '\t']) || blank_then_indented) {
                    break;
                }
            } else if is_blank(l) {
                break;
            }
            i += 1;
        }
        let words: Vec<&str> = lines[start..i].iter().map(|l| l.text.trim()).collect();
        let mut words = words.join(" ");
        if directive {
            // `.. attention:: text` reads "attention: text"; a comment's words stay visible.
            let body = words.trim_start_matches('.').trim_start();
            words = body.replacen("::", ":", 1);
        }
        let words = inline(&words);
        let span = lines[start].start..lines[i - 1].end;
        let kind = if directive || line.starts_with('+') || line.starts_with("::") {
            Kind::Other(words)
        } else {
            Kind::Paragraph(words)
        };
        doc.blocks.push(Block { kind, span });
    }
    doc.index_headings();
    doc
}

fn level_of(styles: &mut Vec<(char, bool)>, style: (char, bool)) -> u8 {
    let at = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
        styles.push(style);
        styles.len() - 1
    });
    u8::try_from(at + 1).unwrap_or(6).min(6)
}

fn heading(level: u8, title: &str, span: std::ops::Range<usize>) -> Block {
    Block {
        kind: Kind::Heading(level, inline(title.trim())),
        span,
    }
}

/// RST inline markup to plain words: `` `Name <url>`_ `` is a link named Name, ``` ``code`` ```
/// its text, `:role:`text`` the text, `*emphasis*` its words.
pub(super) fn inline(text: &str) -> Inline {
    let mut out = Inline::default();
    let mut rest = text;
    while let Some(tick) = rest.find('`') {
        let before = &rest[..tick];
        // A role before the backquote (`:pep:`) is markup, not words.
        let mut role = "";
        let before = match before.rfind(':') {
            Some(end) if before.ends_with(':') => {
                let role_start = before[..end].rfind(':').unwrap_or(end);
                let named = &before[role_start..end];
                if named.len() > 1
                    && named[1..]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-')
                {
                    role = &named[1..];
                    &before[..role_start]
                } else {
                    before
                }
            }
            _ => before,
        };
        // `:pep:`13`` is PEP 13 to a reader.
        if matches!(role, "pep" | "rfc") {
            out.text.push_str(&strip_emphasis(before));
            let after = &rest[tick + 1..];
            let end = after.find('`').unwrap_or(after.len());
            let body = &after[..end];
            match body.split_once(" <") {
                // `:pep:`described in PEP 13 <13#membership>``: its own words.
                Some((words, _)) => out.text.push_str(words.trim()),
                None => {
                    out.text.push_str(&role.to_uppercase());
                    out.text.push(' ');
                    out.text.push_str(body.trim());
                }
            }
            rest = after.get(end + 1..).unwrap_or("");
            continue;
        }
        out.text.push_str(&strip_emphasis(before));
        let after = &rest[tick..];
        if let Some(literal) = after.strip_prefix("``") {
            let end = literal.find("``").unwrap_or(literal.len());
            out.text.push_str(&literal[..end]);
            rest = literal.get(end + 2..).unwrap_or("");
            continue;
        }
        let inner = &after[1..];
        let Some(end) = inner.find('`') else {
            out.text.push_str(after);
            rest = "";
            break;
        };
        let body = &inner[..end];
        rest = inner[end + 1..].trim_start_matches('_');
        match body.rfind(" <").filter(|_| body.ends_with('>')) {
            Some(lt) => {
                let name = squeeze(&body[..lt]);
                let url = body[lt + 2..body.len() - 1].trim().to_string();
                out.text.push_str(&name);
                out.links.push(Link { text: name, url });
            }
            None => out
                .text
                .push_str(body.trim_start_matches('<').trim_end_matches('>')),
        }
    }
    out.text.push_str(&strip_emphasis(rest));
    out.text = squeeze(&footnote_marks(&out.text));
    // Bare addresses are links too.
    for word in out.text.split_whitespace() {
        if word.starts_with("https://") || word.starts_with("http://") {
            let url = word.trim_end_matches(['.', ',', ')', ';']).to_string();
            out.links.push(Link {
                text: url.clone(),
                url,
            });
        }
    }
    out
}

/// `*a*` and `**a**` as `a`; a lone `*` stays.
fn strip_emphasis(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let t = w.trim_start_matches('*');
            if t.len() < w.len() && t.trim_end_matches(['*', '.', ',', ':', ';']).len() < t.len() {
                t.replacen("**", "", 1).replace('*', "")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A footnote's mark, `[#note]_` or `[1]_`, as a reader sees it: `[note]`, `[1]`.
fn footnote_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("]_").map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        if inner.contains(char::is_whitespace) || inner.is_empty() {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        out.push('[');
        out.push_str(inner.trim_start_matches('#'));
        out.push(']');
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}
