//! Markdown (and plain text, which is Markdown of paragraphs) into the document model,
//! through pulldown-cmark: one pass over its events, each top-level block kept with its span.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::html;
use super::model::{Block, Document, Inline, Item, Kind, Link, squeeze};

/// The level of a paragraph of bold words alone, read as a heading below every `#` level.
pub const BOLD_HEADING: u8 = 7;

/// Reads Markdown, front matter first.
pub(super) fn read(text: &str) -> Document {
    let (front, body_start) = front_matter(text);
    let body = &text[body_start..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<Builder> = None;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let span = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(tag) => {
                match current.as_mut() {
                    Some(b) => b.start(&tag, depth, span),
                    None => current = Some(Builder::new(&tag, span)),
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(b) = current.take() {
                        blocks.push(b.finish());
                    }
                } else if let Some(b) = current.as_mut() {
                    b.end(tag, depth);
                }
            }
            Event::Rule if depth == 0 => blocks.push(Block {
                kind: Kind::Rule,
                span,
            }),
            other => {
                if let Some(b) = current.as_mut() {
                    b.inline(other);
                }
            }
        }
    }
    let mut doc = Document {
        front,
        blocks,
        body_start,
        above: Vec::new(),
        markdown: true,
    };
    doc.index_headings();
    doc
}

/// Front matter: a first line of `---` (YAML) or `+++` (TOML) and its closing line, holding
/// a map. Anything else at the top (a lone rule, an Elekto-like header that is no map) is the
/// body's.
fn front_matter(text: &str) -> (Vec<(String, String)>, usize) {
    let first = text.lines().next().unwrap_or("").trim_end();
    let toml = first == "+++";
    if first != "---" && !toml {
        return (Vec::new(), 0);
    }
    let mut at = text.find('\n').map_or(text.len(), |i| i + 1);
    let start = at;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..end].trim_end();
        if line == first || (!toml && line == "...") {
            let pairs = front_pairs(&text[start..at], toml);
            return if pairs.is_empty() {
                (Vec::new(), 0)
            } else {
                (pairs, end)
            };
        }
        at = end;
    }
    (Vec::new(), 0)
}

/// One top-level block as its events come.
struct Builder {
    kind: Shape,
    span: std::ops::Range<usize>,
    words: Inline,
    /// Open links: where each starts in `words.text`, and where it leads.
    links: Vec<(usize, String)>,
    /// Inside an image: its alt text is no word of the block.
    in_image: usize,
    /// Inside `**strong**` words, and the words so marked: a paragraph of them alone stands
    /// as a heading.
    strong: usize,
    strong_words: String,
    items: Vec<Item>,
    head: Vec<Inline>,
    rows: Vec<Vec<Inline>>,
    row: Vec<Inline>,
    in_head: bool,
    /// Raw HTML of an HTML block.
    html: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Heading(u8),
    Paragraph,
    List,
    Table,
    Html,
    Other,
}

impl Builder {
    fn new(tag: &Tag, span: std::ops::Range<usize>) -> Builder {
        let kind = match tag {
            Tag::Heading { level, .. } => Shape::Heading(*level as u8),
            Tag::Paragraph => Shape::Paragraph,
            Tag::List(_) => Shape::List,
            Tag::Table(_) => Shape::Table,
            Tag::HtmlBlock => Shape::Html,
            _ => Shape::Other,
        };
        Builder {
            kind,
            span,
            words: Inline::default(),
            links: Vec::new(),
            in_image: 0,
            strong: 0,
            strong_words: String::new(),
            items: Vec::new(),
            head: Vec::new(),
            rows: Vec::new(),
            row: Vec::new(),
            in_head: false,
            html: String::new(),
        }
    }

    /// A tag opening inside the block, `depth` levels below the top.
    fn start(&mut self, tag: &Tag, depth: usize, span: std::ops::Range<usize>) {
        match tag {
            Tag::Item if self.kind == Shape::List && depth == 1 => {
                self.flush_item();
                self.items.push(Item {
                    words: Inline::default(),
                    span,
                });
            }
            Tag::TableHead => self.in_head = true,
            Tag::TableCell => self.words = Inline::default(),
            Tag::Link { dest_url, .. } => {
                self.links
                    .push((self.words.text.len(), dest_url.to_string()));
            }
            Tag::Image { dest_url, .. } => {
                self.words.images.push(dest_url.to_string());
                self.in_image += 1;
            }
            Tag::Strong => self.strong += 1,
            Tag::Paragraph | Tag::Item | Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_) => {
                self.space()
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, _depth: usize) {
        match tag {
            TagEnd::Link => {
                if let Some((from, url)) = self.links.pop() {
                    let text = squeeze(self.words.text.get(from..).unwrap_or(""));
                    self.words.links.push(Link { text, url });
                }
            }
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::TableCell => {
                let cell = finish_inline(std::mem::take(&mut self.words));
                self.row.push(cell);
            }
            TagEnd::TableHead => {
                // The header's cells come straight in the head, with no row of their own.
                self.head = std::mem::take(&mut self.row);
                self.in_head = false;
            }
            TagEnd::TableRow => {
                let row = std::mem::take(&mut self.row);
                if self.in_head {
                    self.head = row;
                } else {
                    self.rows.push(row);
                }
            }
            _ => {}
        }
    }

    fn space(&mut self) {
        if !self.words.text.is_empty() && !self.words.text.ends_with(' ') {
            self.words.text.push(' ');
        }
    }

    fn inline(&mut self, event: Event) {
        if self.in_image > 0 {
            return;
        }
        match event {
            Event::Text(t) | Event::Code(t) => {
                if self.strong > 0 {
                    self.strong_words.push_str(&t);
                    self.strong_words.push(' ');
                }
                self.words.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => self.words.text.push(' '),
            Event::Html(h) if self.kind == Shape::Html => self.html.push_str(&h),
            Event::Html(h) | Event::InlineHtml(h) => {
                let shown = html::words(&h);
                self.words.images.extend(shown.images);
                self.words.links.extend(shown.links);
                if h.trim_start().to_lowercase().starts_with("<br") || !shown.text.is_empty() {
                    self.space();
                }
                self.words.text.push_str(&shown.text);
            }
            Event::FootnoteReference(t) => self.words.text.push_str(&t),
            _ => {}
        }
    }

    /// The words gathered since the last item began are that item's.
    fn flush_item(&mut self) {
        if let Some(last) = self.items.last_mut() {
            let words = std::mem::take(&mut self.words);
            last.words = finish_inline(words);
        }
    }

    fn finish(mut self) -> Block {
        let kind = match self.kind {
            Shape::Heading(level) => Kind::Heading(level, finish_inline(self.words)),
            Shape::Paragraph => {
                let words = finish_inline(self.words);
                // `**Ann Lee**` alone on its line (or with a company after it: `**Ann Lee**,
                // Acme`) heads what follows, below any `#` heading.
                let bold = squeeze(&self.strong_words);
                let rest = words.text.strip_prefix(bold.as_str()).map(str::trim);
                let heads = rest.is_some_and(|rest| {
                    rest.split_whitespace().count() <= 6 && !rest.ends_with(['.', '!', '?', ':'])
                });
                if !bold.is_empty() && heads {
                    Kind::Heading(BOLD_HEADING, words)
                } else {
                    Kind::Paragraph(words)
                }
            }
            Shape::List => {
                self.flush_item();
                for item in &mut self.items {
                    item.span.end = item.span.end.min(self.span.end);
                }
                Kind::List(self.items)
            }
            Shape::Table => Kind::Table(self.head, self.rows),
            Shape::Html => html_block(&self.html),
            Shape::Other => Kind::Other(finish_inline(self.words)),
        };
        Block {
            kind,
            span: self.span,
        }
    }
}

fn finish_inline(mut words: Inline) -> Inline {
    words.text = squeeze(&words.text);
    words
}

/// An HTML block: a lone `<h1>`–`<h6>` is a heading, a `<table>` a table (its first row
/// the header); anything else shows its words.
fn html_block(raw: &str) -> Kind {
    let t = raw.trim();
    let lower = t.to_lowercase();
    let level = lower
        .strip_prefix("<h")
        .and_then(|r| r.chars().next())
        .and_then(|c| c.to_digit(10))
        .filter(|d| (1..=6).contains(d));
    if let Some(level) = level {
        let close = format!("</h{level}>");
        if lower.ends_with(&close)
            && lower.matches("<h").count() == 1 + lower.matches("<hr").count()
        {
            return Kind::Heading(level as u8, html::words(t));
        }
    }
    let shown = html::read(t);
    match shown.table {
        Some(mut rows) if shown.words.text.is_empty() => {
            let head = rows.remove(0);
            Kind::Table(head, rows)
        }
        _ => Kind::Html(shown.words),
    }
}

/// Top-level `key: value` pairs of front matter whose values are text (numbers and dates
/// as written); lists and maps are left out. YAML goes through the guard first.
fn front_pairs(front: &str, toml: bool) -> Vec<(String, String)> {
    let scalar = |v: &serde_yaml::Value| match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    if toml {
        let Ok(table) = front.parse::<toml::Table>() else {
            return Vec::new();
        };
        return table
            .into_iter()
            .filter_map(|(k, v)| match v {
                toml::Value::String(s) => Some((k, s)),
                toml::Value::Integer(n) => Some((k, n.to_string())),
                toml::Value::Datetime(d) => Some((k, d.to_string())),
                _ => None,
            })
            .collect();
    }
    let Ok(serde_yaml::Value::Mapping(map)) = super::super::read::yaml_value(front) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar(v)?)))
        .collect()
}
