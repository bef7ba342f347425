//! OpenSSF: nominees as the rows of one table (HTML `<table>` or a GFM pipe table): name,
//! a socials cell (pronouns, company, links) and the statement. The contest comes from the
//! file's name (`OpenSSF-TAC-Nominations-2024.md`), one election per contest.

use serde_yaml::Value;

use super::common::{empty, github_handle, trim_blank_lines};
use crate::roster::RawCandidate;

/// Whether `text` is a table of nominees: it opens with a table whose header has a name.
pub(super) fn detect(text: &str) -> bool {
    rows(text).first().is_some_and(|header| {
        header.len() >= 2 && header.iter().any(|h| h.to_lowercase().contains("name"))
    })
}

/// A contest from a file name: `OpenSSF-TAC-GB-Nominations-2024.md` →
/// ("OpenSSF 2024", "TAC GB"). `None` for a file not named as nominations.
pub fn contest(file_name: &str) -> Option<(String, String)> {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let tokens: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|t| !t.is_empty())
        .collect();
    let at = tokens.iter().position(|t| {
        t.eq_ignore_ascii_case("nominations") || t.eq_ignore_ascii_case("nominees")
    })?;
    let year = tokens
        .iter()
        .find(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()));
    let before: Vec<&str> = tokens[..at].to_vec();
    // With two words or more before "Nominations", the first names the organisation.
    let (org, contest) = match before.as_slice() {
        [] => return None,
        [one] => (None, vec![*one]),
        [org, rest @ ..] => (Some(*org), rest.to_vec()),
    };
    let election = [org, year.copied()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let election = if election.is_empty() {
        "Nominations".to_string()
    } else {
        election
    };
    Some((election, contest.join(" ")))
}

/// The rows of the file's first table, each a list of cell texts.
fn rows(text: &str) -> Vec<Vec<String>> {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if first.starts_with("<table") {
        html_rows(text)
    } else if first.starts_with('|') {
        pipe_rows(text)
    } else {
        Vec::new()
    }
}

/// A tag of a table, as [`table_tags`] finds it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TableTag {
    RowOpen,
    RowClose,
    CellOpen,
    CellClose,
}

/// The table tags of `lower` (the text in lower case), in one pass: each as where it starts,
/// where it ends (past its `>`) and which it is. A `<` whose tag does not close before the
/// next `<` is text.
fn table_tags(lower: &str) -> Vec<(usize, usize, TableTag)> {
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = memchr::memchr(b'<', &bytes[at..]).map(|o| at + o) {
        let Some(close) = memchr::memchr2(b'<', b'>', &bytes[open + 1..]).map(|c| open + 1 + c)
        else {
            break;
        };
        if bytes[close] == b'<' {
            at = close;
            continue;
        }
        let tag = &lower[open + 1..close];
        let (closing, name) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let name = name
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let kind = match (name, closing) {
            ("tr", false) => Some(TableTag::RowOpen),
            ("tr", true) => Some(TableTag::RowClose),
            ("td" | "th", false) => Some(TableTag::CellOpen),
            ("td" | "th", true) => Some(TableTag::CellClose),
            _ => None,
        };
        if let Some(kind) = kind {
            out.push((open, close + 1, kind));
        }
        at = close + 1;
    }
    out
}

/// The rows of an HTML table, each its cells' texts. A cell runs to its close tag, or to the
/// next cell or row where none is written; a row to its close tag or the next row. Linear in
/// the text, however its tags are left open.
fn html_rows(text: &str) -> Vec<Vec<String>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<usize> = None;
    let end_cell = |row: &mut Option<Vec<String>>, cell: &mut Option<usize>, at: usize| {
        if let (Some(cells), Some(start)) = (row.as_mut(), cell.take()) {
            cells.push(html_text(&text[start..at]));
        }
    };
    for (start, end, tag) in table_tags(&lower) {
        match tag {
            TableTag::RowOpen | TableTag::RowClose => {
                end_cell(&mut row, &mut cell, start);
                out.extend(row.take());
                if tag == TableTag::RowOpen {
                    row = Some(Vec::new());
                }
            }
            TableTag::CellOpen => {
                end_cell(&mut row, &mut cell, start);
                if row.is_some() {
                    cell = Some(end);
                }
            }
            TableTag::CellClose => end_cell(&mut row, &mut cell, start),
        }
    }
    end_cell(&mut row, &mut cell, text.len());
    out.extend(row);
    out
}

/// HTML as readable Markdown-ish text: `<p>`/`<br>` break paragraphs, `<a href>` become
/// links, other tags go, the common entities are decoded. Every word stays. One pass: a link
/// left open ends where the next begins, or stays plain text.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    // Where the open link's label starts in `out`, and its address.
    let mut link: Option<(usize, String)> = None;
    let bytes = html.as_bytes();
    let mut at = 0;
    let finish = |out: &mut String, link: &mut Option<(usize, String)>| {
        if let Some((from, href)) = link.take() {
            let label = out[from..].trim();
            // What spaced the label from what follows still does.
            let after = out[from..].len() - out[from..].trim_end().len();
            let linked = format!("[{label}]({href}){}", &out[out.len() - after..]);
            out.truncate(from);
            out.push_str(&linked);
        }
    };
    while let Some(open) = memchr::memchr(b'<', &bytes[at..]).map(|o| at + o) {
        out.push_str(&html[at..open]);
        let Some(close) = memchr::memchr2(b'<', b'>', &bytes[open + 1..]).map(|c| open + 1 + c)
        else {
            at = open;
            break;
        };
        if bytes[close] == b'<' {
            // No tag: the `<` is text.
            out.push('<');
            at = open + 1;
            continue;
        }
        let tag = &html[open + 1..close];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match name.as_str() {
            "p" | "br" | "div" => out.push_str("\n\n"),
            "li" => out.push_str("\n- "),
            "a" if tag.starts_with('/') => finish(&mut out, &mut link),
            "a" => {
                let href = tag
                    .split_once("href=\"")
                    .and_then(|(_, h)| h.split_once('"'))
                    .map(|(h, _)| h.to_string());
                if let Some(href) = href {
                    // A link inside a link is none: the first ends where the next begins.
                    finish(&mut out, &mut link);
                    link = Some((out.len(), href));
                }
            }
            _ => {}
        }
        at = close + 1;
    }
    out.push_str(&html[at..]);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    // Lines trimmed, runs of blank lines made one.
    let mut text = String::new();
    let mut blank = false;
    for line in decoded.lines().map(str::trim) {
        if line.is_empty() {
            blank = !text.is_empty();
            continue;
        }
        if blank {
            text.push_str("\n\n");
        } else if !text.is_empty() {
            text.push('\n');
        }
        blank = false;
        text.push_str(line);
    }
    text
}

fn pipe_rows(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines().skip_while(|l| l.trim().is_empty()) {
        let t = line.trim();
        if !t.starts_with('|') {
            break;
        }
        let cells = split_pipes(t);
        let separator = cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
        if separator {
            continue;
        }
        out.push(cells.into_iter().map(|c| html_text(&c)).collect());
    }
    out
}

/// `|a|b\|c|` → ["a", "b|c"]: cells between unescaped pipes, trimmed; the outer pipes are
/// optional (rows of 2026 end without one).
fn split_pipes(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    let mut cells: Vec<String> = cells.into_iter().map(|c| c.trim().to_string()).collect();
    if cells.first().is_some_and(String::is_empty) {
        cells.remove(0);
    }
    if cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

/// Every nominee of the table, in row order.
pub(super) fn parse(text: &str, fallback_name: &str) -> Vec<RawCandidate> {
    let rows = rows(text);
    let Some((header, nominees)) = rows.split_first() else {
        return Vec::new();
    };
    let find = |words: &[&str]| {
        header
            .iter()
            .position(|h| words.iter().any(|w| h.to_lowercase().contains(w)))
    };
    let name_col = find(&["name"]).unwrap_or(0);
    let socials_col = find(&["social", "company", "affiliation"]).filter(|&c| c != name_col);
    let mut out = Vec::new();
    for (n, row) in nominees.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let name = row.get(name_col).map_or("", |s| s.trim());
        let name = if name.is_empty() {
            format!("{fallback_name} {}", n + 1)
        } else {
            name.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let mut c = empty(&name, String::new());
        if let Some(cell) = socials_col.and_then(|col| row.get(col)) {
            socials(&mut c, cell);
        }
        let statement: Vec<&str> = row
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != name_col && Some(*i) != socials_col)
            .map(|(_, cell)| cell.as_str())
            .collect();
        c.statement = trim_blank_lines(&statement.join("\n\n"));
        out.push(c);
    }
    out
}

/// The socials cell: `Pronouns:`, `Company:` and links become fields; any other words are
/// kept as `socials`.
fn socials(c: &mut RawCandidate, cell: &str) {
    let mut rest = String::new();
    let mut text = cell;
    // Links first: `[label](url)`.
    while let Some(open) = text.find('[') {
        let after = &text[open + 1..];
        let Some((label, tail)) = after.split_once("](") else {
            break;
        };
        let Some((url, tail)) = tail.split_once(')') else {
            break;
        };
        rest.push_str(&text[..open]);
        rest.push(' ');
        let label = label.trim();
        if label.eq_ignore_ascii_case("github")
            && let Some(handle) = github_handle(url)
        {
            c.links.push(("github".to_string(), handle));
        } else {
            let key = if label.is_empty() { "link" } else { label };
            c.links.push((key.to_lowercase(), url.trim().to_string()));
        }
        text = tail;
    }
    rest.push_str(text);
    let flat = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut leftover = flat.clone();
    for key in ["Company", "Pronouns"] {
        let Some(at) = leftover.find(&format!("{key}:")) else {
            continue;
        };
        let value_start = at + key.len() + 1;
        let value_end = ["Company:", "Pronouns:"]
            .iter()
            .filter_map(|k| leftover[value_start..].find(k).map(|e| value_start + e))
            .min()
            .unwrap_or(leftover.len());
        let value = leftover[value_start..value_end].trim().to_string();
        if !value.is_empty() {
            if key == "Company" {
                c.affiliation = Some(value);
            } else {
                c.extra.push(("pronouns".to_string(), Value::String(value)));
            }
        }
        leftover.replace_range(at..value_end, " ");
    }
    let leftover = leftover.split_whitespace().collect::<Vec<_>>().join(" ");
    if !leftover.is_empty() {
        c.extra
            .push(("socials".to_string(), Value::String(leftover)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contests_come_from_file_names() {
        assert_eq!(
            contest("OpenSSF-TAC-Nominations-2024.md"),
            Some(("OpenSSF 2024".into(), "TAC".into()))
        );
        assert_eq!(
            contest("OpenSSF-TAC-GB-Nominations-2024.md"),
            Some(("OpenSSF 2024".into(), "TAC GB".into()))
        );
        assert_eq!(
            contest("SCIR-nominations.md"),
            Some(("Nominations".into(), "SCIR".into()))
        );
        assert_eq!(contest("tac-and-scir-election-process.md"), None);
    }

    #[test]
    fn html_rows_with_lone_p_lines_and_no_final_newline() {
        let text = "<table>\n  <tr>\n   <td>Full Name\n   </td>\n   <td>Socials/Company\n   </td>\n   <td>Why?\n   </td>\n  </tr>\n  <tr>\n   <td>Christopher \"CRob\" Robinson\n   </td>\n   <td>Pronouns: He/Him\n<p>\n <br>\nCompany:  Intel\n<p>\n<a href=\"https://github.com/SecurityCRob\">GitHub</a> <p>\n<a href=\"https://www.linkedin.com/in/x/\">LinkedIn</a>\n   </td>\n   <td>First part &amp; more.\n<p>\nSecond part.\n   </td>\n  </tr>\n</table>";
        assert!(detect(text));
        let all = parse(text, "file");
        assert_eq!(all.len(), 1);
        let c = &all[0];
        assert_eq!(c.name, "Christopher \"CRob\" Robinson");
        assert_eq!(c.affiliation.as_deref(), Some("Intel"));
        assert_eq!(c.links[0], ("github".into(), "SecurityCRob".into()));
        assert_eq!(
            c.links[1],
            ("linkedin".into(), "https://www.linkedin.com/in/x/".into())
        );
        assert_eq!(
            c.extra,
            vec![("pronouns".into(), Value::String("He/Him".into()))]
        );
        assert_eq!(c.statement, "First part & more.\n\nSecond part.\n");
    }

    #[test]
    fn pipe_rows_without_a_closing_pipe() {
        let text = "\n| Full Name | Socials/Company | Why? |\n|---|:---:|:---:\n|Arnaud J Le Hors| Pronouns: He/Him Company: IBM [GitHub](https://github.com/lehors/) [LinkedIn](https://l/x)|Since 1990 a \\| b.\n|Bo| Company: Acme Inc. Also on Mastodon|Hi|\n";
        assert!(detect(text));
        let all = parse(text, "file");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].name, "Arnaud J Le Hors");
        assert_eq!(all[0].affiliation.as_deref(), Some("IBM"));
        assert_eq!(all[0].links[0], ("github".into(), "lehors".into()));
        assert_eq!(all[0].statement, "Since 1990 a | b.\n");
        // What follows `Company:` up to the next field or link is the company.
        assert_eq!(
            all[1].affiliation.as_deref(),
            Some("Acme Inc. Also on Mastodon")
        );
    }

    /// The table of nominees with a good one first, then `rest` inside a second row.
    fn beside_good(rest: &str) -> String {
        format!(
            "<table>\n<tr><td>Full Name</td><td>Socials</td><td>Why?</td></tr>\n<tr><td>Good Nominee</td><td>Company: Acme</td><td>Fine.</td></tr>\n<tr><td>Bad</td><td>x</td><td>{rest}</td></tr>\n</table>"
        )
    }

    #[test]
    fn hostile_tables_read_in_one_pass_and_the_good_nominee_loads() {
        // Each of these ran past 30 s in the reader that searched the rest of the text for
        // every tag; the nested links overflowed its stack.
        let cells = format!("<tr>{}</tr>", "<td>c".repeat(100_000));
        let unclosed_links = "<a href=\"https://e.example/\">x ".repeat(100_000);
        let nested_links = format!(
            "{}deep{}",
            "<a href=\"https://e.example/\">".repeat(200_000),
            "</a>".repeat(200_000)
        );
        let unclosed_rows = "<tr><td>r".repeat(100_000);
        for (what, rest) in [
            ("cells", cells),
            ("unclosed links", unclosed_links),
            ("nested links", nested_links),
            ("unclosed rows", unclosed_rows),
        ] {
            let text = beside_good(&rest);
            assert!(detect(&text), "{what}");
            let all = parse(&text, "file");
            assert_eq!(all[0].name, "Good Nominee", "{what}");
            assert_eq!(all[0].affiliation.as_deref(), Some("Acme"), "{what}");
            assert_eq!(all[0].statement, "Fine.\n", "{what}");
            // Every word is somewhere: a name, the socials or a statement.
            let words: usize = all
                .iter()
                .map(|c| {
                    let extra = c.extra.iter().filter_map(|(_, v)| v.as_str());
                    [c.name.as_str(), c.statement.as_str()]
                        .into_iter()
                        .chain(extra)
                        .map(|t| t.split_whitespace().count())
                        .sum::<usize>()
                })
                .sum();
            assert!(
                words >= 100_000 || what == "nested links",
                "{what}: every word kept ({words})"
            );
        }
        assert_eq!(
            html_text(
                "<a href=\"https://a.example/\">one <a href=\"https://b.example/\">two</a> tail &amp; more"
            ),
            "[one](https://a.example/) [two](https://b.example/) tail & more"
        );
        assert_eq!(html_text("a < b and <br> c"), "a < b and\n\nc");
    }
}
