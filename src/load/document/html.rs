//! HTML, through a WHATWG tokenizer (html5gum): the words it shows (tags never, entities
//! decoded, comments and scripts dropped), its links and images, and its `<table>` as rows of
//! cells. One pass over the tokens, whatever the nesting.

use html5gum::{Token, Tokenizer};

use super::model::{Inline, Link, squeeze};
use crate::text::html::attribute;

/// What an HTML fragment shows.
#[derive(Debug, Default)]
pub(super) struct Shown {
    /// Its words, outside any table.
    pub(super) words: Inline,
    /// Its first table's rows of cells (the first row is the header), where it has one.
    pub(super) table: Option<Vec<Vec<Inline>>>,
}

/// Tags after which the words of the next one are another sentence, not the same word.
fn breaks(name: &str) -> bool {
    matches!(
        name,
        "br" | "p"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "summary"
            | "details"
            | "table"
            | "blockquote"
            | "hr"
    )
}

/// Reads `html`: its words, and its first table.
pub(super) fn read(html: &str) -> Shown {
    let mut shown = Shown::default();
    let mut rows: Vec<Vec<Inline>> = Vec::new();
    // Where words go: the open cell of the first table, else the fragment's words.
    let mut cell: Option<Inline> = None;
    let mut tables = 0usize;
    let mut first_table_done = false;
    let mut open_link: Option<(usize, String)> = None;
    // Inside `<script>` or `<style>`: no words.
    let mut hidden = 0usize;
    for token in Tokenizer::new(html).flatten() {
        let in_table = tables == 1 && !first_table_done;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name.0).to_lowercase();
                match name.as_str() {
                    "script" | "style" if !tag.self_closing => hidden += 1,
                    "a" => {
                        let at = target_of(&mut cell, tables, first_table_done, &mut shown.words)
                            .text
                            .len();
                        open_link = attribute(&tag, "href").map(|url| (at, url));
                    }
                    "img" => target_of(&mut cell, tables, first_table_done, &mut shown.words)
                        .images
                        .extend(attribute(&tag, "src")),
                    "table" => tables += 1,
                    "tr" if in_table => rows.push(Vec::new()),
                    "td" | "th" if in_table => {
                        if let (Some(done), Some(row)) = (cell.take(), rows.last_mut()) {
                            row.push(finish(done));
                        }
                        if rows.is_empty() {
                            rows.push(Vec::new());
                        }
                        cell = Some(Inline::default());
                    }
                    _ => {}
                }
                if breaks(&name) {
                    target_of(&mut cell, tables, first_table_done, &mut shown.words)
                        .text
                        .push(' ');
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name.0).to_lowercase();
                match name.as_str() {
                    "script" | "style" => hidden = hidden.saturating_sub(1),
                    "a" => {
                        let target =
                            target_of(&mut cell, tables, first_table_done, &mut shown.words);
                        if let Some((from, url)) = open_link.take() {
                            let text = squeeze(target.text.get(from..).unwrap_or(""));
                            target.links.push(Link { text, url });
                        }
                    }
                    "td" | "th" if in_table => {
                        if let (Some(done), Some(row)) = (cell.take(), rows.last_mut()) {
                            row.push(finish(done));
                        }
                    }
                    "table" => {
                        if tables == 1 && !first_table_done {
                            if let (Some(done), Some(row)) = (cell.take(), rows.last_mut()) {
                                row.push(finish(done));
                            }
                            first_table_done = true;
                        }
                        tables = tables.saturating_sub(1);
                    }
                    _ => {}
                }
                if breaks(&name) {
                    target_of(&mut cell, tables, first_table_done, &mut shown.words)
                        .text
                        .push(' ');
                }
            }
            Token::String(s) if hidden == 0 => {
                target_of(&mut cell, tables, first_table_done, &mut shown.words)
                    .text
                    .push_str(&String::from_utf8_lossy(&s.value.0));
            }
            _ => {}
        }
    }
    if !first_table_done && tables > 0 {
        // An unclosed table ends with the fragment.
        if let (Some(done), Some(row)) = (cell.take(), rows.last_mut()) {
            row.push(finish(done));
        }
        first_table_done = true;
    }
    rows.retain(|r| !r.is_empty());
    if first_table_done && !rows.is_empty() {
        shown.table = Some(rows);
    }
    shown.words = finish(shown.words);
    shown
}

fn target_of<'a>(
    cell: &'a mut Option<Inline>,
    tables: usize,
    done: bool,
    words: &'a mut Inline,
) -> &'a mut Inline {
    match cell {
        Some(c) if tables == 1 && !done => c,
        _ => words,
    }
}

fn finish(mut words: Inline) -> Inline {
    words.text = squeeze(&words.text);
    words
}

/// The words HTML shows, links and images kept.
pub(super) fn words(html: &str) -> Inline {
    read(html).words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_links_images_and_no_tags() {
        let w = words(
            "<div><p>Hi &lt;there&gt; <a href=\"https://x.example\">x</a><br><img src=\"p.png\"><!-- hidden --><script>evil()</script></p></div>",
        );
        assert_eq!(w.text, "Hi <there> x");
        assert_eq!(w.links[0].url, "https://x.example");
        assert_eq!(w.images, ["p.png"]);
    }

    #[test]
    fn a_table_of_rows_and_cells_with_the_words_around_it() {
        let s = read(
            "<p>Before</p><table><tr><td>Full Name</td><td>Why?</td></tr><tr><td>Ann <b>Lee</b></td><td>Because &amp; so<p>on</td></tr></table><p>After</p>",
        );
        let rows = s.table.unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0].text, "Full Name");
        assert_eq!(rows[1][0].text, "Ann Lee");
        assert_eq!(rows[1][1].text, "Because & so on");
        assert_eq!(s.words.text, "Before After");
    }

    #[test]
    fn hostile_html_reads_in_one_pass() {
        // 100,000 cells in a row, unclosed and nested links: linear, whatever the shape.
        let cells = "<td>x".repeat(100_000);
        let s = read(&format!("<table><tr>{cells}</table>"));
        assert_eq!(s.table.unwrap()[0].len(), 100_000);
        let links = "<a href=\"https://a.example\">a ".repeat(100_000);
        assert!(read(&links).words.text.starts_with("a a"));
    }
}
