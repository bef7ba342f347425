//! A whole HTML page (a blog post, an archive page, an election's web page) into the
//! document model, through html5gum: `<title>` as front matter, `<h1>`–`<h6>` as headings,
//! paragraphs, lists, tables and `<pre>` text as blocks with their spans. One pass over the
//! tokens; scripts, styles and comments show nothing.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::model::{Block, Document, Inline, Item, Kind, Link, squeeze};

/// What is being gathered.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Heading(u8),
    Paragraph,
    Pre,
}

#[derive(Default)]
struct Page {
    doc: Document,
    /// The block being gathered, where it started, and its words.
    open: Option<(Open, usize, Inline)>,
    /// Lists: the items of the outermost, the depth of nesting, where it started.
    items: Vec<Item>,
    list_depth: usize,
    list_start: usize,
    /// Tables: rows of cells of the outermost, the depth, where it started, the open cell.
    rows: Vec<Vec<Inline>>,
    table_depth: usize,
    table_start: usize,
    cell: Option<Inline>,
    link: Option<(usize, String)>,
    hidden: usize,
    in_title: bool,
    title: String,
}

impl Page {
    /// Where words go now: the open cell, the open item, the open block.
    fn words(&mut self, at: usize) -> &mut Inline {
        if self.table_depth > 0 {
            return self.cell.get_or_insert_with(Inline::default);
        }
        if self.list_depth > 0 {
            if self.items.is_empty() {
                self.items.push(Item {
                    words: Inline::default(),
                    span: at..at,
                });
            }
            let last = self.items.len() - 1;
            return &mut self.items[last].words;
        }
        if self.open.is_none() {
            self.open = Some((Open::Paragraph, at, Inline::default()));
        }
        &mut self.open.as_mut().expect("just opened").2
    }

    /// Ends the open block at `end`.
    fn close(&mut self, end: usize) {
        let Some((open, start, mut words)) = self.open.take() else {
            return;
        };
        let kind = match open {
            Open::Heading(level) => {
                words.text = squeeze(&words.text);
                Kind::Heading(level, words)
            }
            Open::Paragraph => {
                words.text = squeeze(&words.text);
                if words.text.is_empty() && words.images.is_empty() {
                    return;
                }
                Kind::Paragraph(words)
            }
            // Preformatted text keeps its lines.
            Open::Pre => Kind::Other(words),
        };
        self.doc.blocks.push(Block {
            kind,
            span: start..end.max(start),
        });
    }

    fn start(&mut self, name: &str, attrs: &dyn Fn(&str) -> Option<String>, start: usize) {
        match name {
            "script" | "style" | "template" => self.hidden += 1,
            "title" => self.in_title = true,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self.list_depth == 0 && self.table_depth == 0 =>
            {
                self.close(start);
                let level = name[1..].parse().unwrap_or(6);
                self.open = Some((Open::Heading(level), start, Inline::default()));
            }
            "p" | "div" | "section" | "article" | "header" | "footer" | "blockquote" | "dl"
            | "hr" | "details" | "summary"
                if self.list_depth == 0 && self.table_depth == 0 =>
            {
                self.close(start);
                if name == "hr" {
                    self.doc.blocks.push(Block {
                        kind: Kind::Rule,
                        span: start..start,
                    });
                }
            }
            "pre" if self.list_depth == 0 && self.table_depth == 0 => {
                self.close(start);
                self.open = Some((Open::Pre, start, Inline::default()));
            }
            "ul" | "ol" if self.table_depth == 0 => {
                if self.list_depth == 0 {
                    self.close(start);
                    self.list_start = start;
                }
                self.list_depth += 1;
                if self.list_depth > 1 {
                    // A nested list's words follow its item's.
                    self.space(start);
                }
            }
            "li" if self.list_depth == 1 && self.table_depth == 0 => self.items.push(Item {
                words: Inline::default(),
                span: start..start,
            }),
            "table" => {
                if self.table_depth == 0 {
                    self.close(start);
                    self.table_start = start;
                }
                self.table_depth += 1;
            }
            "tr" if self.table_depth == 1 => {
                self.end_cell();
                self.rows.push(Vec::new());
            }
            "td" | "th" if self.table_depth == 1 => {
                self.end_cell();
                if self.rows.is_empty() {
                    self.rows.push(Vec::new());
                }
                self.cell = Some(Inline::default());
            }
            "a" => {
                if let Some(url) = attrs("href") {
                    let at = self.words(start).text.len();
                    self.link = Some((at, url));
                }
            }
            "img" => {
                let src = attrs("src");
                self.words(start).images.extend(src);
            }
            "br" | "li" | "td" | "th" | "dt" | "dd" => self.space(start),
            _ => {}
        }
    }

    fn space(&mut self, at: usize) {
        let words = self.words(at);
        if !words.text.ends_with([' ', '\n']) && !words.text.is_empty() {
            words.text.push(' ');
        }
    }

    fn end_cell(&mut self) {
        if let Some(mut cell) = self.cell.take() {
            cell.text = squeeze(&cell.text);
            if let Some(row) = self.rows.last_mut() {
                row.push(cell);
            }
        }
    }

    fn end(&mut self, name: &str, end: usize) {
        match name {
            "script" | "style" | "template" => self.hidden = self.hidden.saturating_sub(1),
            "title" => self.in_title = false,
            "a" => {
                if let Some((from, url)) = self.link.take() {
                    let words = self.words(end);
                    let text = squeeze(words.text.get(from..).unwrap_or(""));
                    words.links.push(Link { text, url });
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "pre" | "div" | "blockquote"
            | "section" | "article" | "details" | "summary"
                if self.list_depth == 0 && self.table_depth == 0 =>
            {
                self.close(end)
            }
            "li" if self.list_depth == 1 => {
                if let Some(item) = self.items.last_mut() {
                    item.span.end = end;
                }
            }
            "ul" | "ol" if self.list_depth > 0 && self.table_depth == 0 => {
                self.list_depth -= 1;
                if self.list_depth == 0 {
                    let mut items = std::mem::take(&mut self.items);
                    for item in &mut items {
                        item.words.text = squeeze(&item.words.text);
                    }
                    self.doc.blocks.push(Block {
                        kind: Kind::List(items),
                        span: self.list_start..end,
                    });
                }
            }
            "td" | "th" if self.table_depth == 1 => self.end_cell(),
            "table" if self.table_depth > 0 => {
                self.table_depth -= 1;
                if self.table_depth == 0 {
                    self.end_cell();
                    let mut rows = std::mem::take(&mut self.rows);
                    rows.retain(|r| !r.is_empty());
                    if !rows.is_empty() {
                        let head = rows.remove(0);
                        self.doc.blocks.push(Block {
                            kind: Kind::Table(head, rows),
                            span: self.table_start..end,
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

/// Reads a whole HTML page.
pub(super) fn read(html: &str) -> Document {
    let mut page = Page::default();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Scripts, styles and the title are raw text, not tags, as a browser reads them.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name.0).to_lowercase();
                let attrs = |key: &str| {
                    tag.attributes
                        .iter()
                        .find(|(k, _)| k.0.eq_ignore_ascii_case(key.as_bytes()))
                        .map(|(_, v)| String::from_utf8_lossy(&v.value.0).into_owned())
                };
                page.start(&name, &attrs, tag.span.start);
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name.0).to_lowercase();
                page.end(&name, tag.span.end);
            }
            Token::String(s) if page.in_title => {
                page.title.push_str(&String::from_utf8_lossy(&s.value.0));
            }
            Token::String(s) if page.hidden == 0 => {
                let text = String::from_utf8_lossy(&s.value.0);
                let at = s.span.start;
                page.words(at).text.push_str(&text);
            }
            _ => {}
        }
    }
    // What is still open ends with the page.
    page.close(html.len());
    page.end("table", html.len());
    while page.list_depth > 0 {
        page.end("ul", html.len());
    }
    let title = squeeze(&page.title);
    if !title.is_empty() {
        page.doc.front.push(("title".to_string(), title));
    }
    page.doc.index_headings();
    page.doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_headings_paragraphs_lists_tables_and_preformatted_text() {
        let html = "<!doctype html><html><head><title>Board Election 2030</title><style>h1{x}</style><script>if (a<b) {}</script></head><body><h1>Candidates</h1><p>Two <b>seats</b>.</p><h3>Ann Lee</h3><ul><li>Company: Acme</li><li><a href=\"https://x.example\">site</a></li></ul><pre>Name: Ann Lee\nline two</pre><table><tr><th>Name</th><th>Employer</th></tr><tr><td>Bo Ma</td><td>Beta</td></tr></table><!-- hidden --></body></html>";
        let doc = read(html);
        assert_eq!(doc.front("title"), Some("Board Election 2030"));
        let kinds: Vec<String> = doc
            .blocks
            .iter()
            .map(|b| match &b.kind {
                Kind::Heading(l, t) => format!("h{l} {}", t.text),
                Kind::Paragraph(p) => format!("p {}", p.text),
                Kind::List(items) => format!("list {}", items.len()),
                Kind::Table(head, rows) => format!("table {} {}", head.len(), rows.len()),
                Kind::Other(t) => format!("pre {}", t.text),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "h1 Candidates",
                "p Two seats.",
                "h3 Ann Lee",
                "list 2",
                "pre Name: Ann Lee\nline two",
                "table 2 1"
            ]
        );
        let Kind::List(items) = &doc.blocks[3].kind else {
            panic!()
        };
        assert_eq!(items[1].words.links[0].url, "https://x.example");
        assert!(html[doc.blocks[2].span.clone()].starts_with("<h3>"));
    }
}
