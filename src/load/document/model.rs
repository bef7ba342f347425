//! The document model's types: what every reader gives and the finder reads.

use std::ops::Range;

/// A link as the reader sees it: the words shown and where they lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The words of the link, as plain text.
    pub text: String,
    /// Where it leads.
    pub url: String,
}

/// Words with their links: a paragraph, a list item, a table cell, a heading's title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline {
    /// Plain text: markup gone, entities decoded, runs of white space one space.
    pub text: String,
    /// The links inside, in order.
    pub links: Vec<Link>,
    /// The images inside (their addresses), in order.
    pub images: Vec<String>,
}

/// One item of a list, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item's words (its first paragraph and the rest, nested lists included).
    pub words: Inline,
    /// Where the item is in the source.
    pub span: Range<usize>,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A heading of level 1 (the title) to 6; 7 for a paragraph of bold words alone, which
    /// heads what follows as a heading below every other level.
    Heading(u8, Inline),
    /// A paragraph.
    Paragraph(Inline),
    /// A list and its items.
    List(Vec<Item>),
    /// A table: the header's cells, then each row's.
    Table(Vec<Inline>, Vec<Vec<Inline>>),
    /// A thematic break (`---`).
    Rule,
    /// Raw HTML, with the words it shows.
    Html(Inline),
    /// Code, a quote or a directive: kept as it is written.
    Other(Inline),
}

/// A block and where it is in the source (byte offsets), so a candidate's statement is the
/// source's own words, every one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: Kind,
    /// Where it is in the source text.
    pub span: Range<usize>,
}

/// A document: its front matter (or field list) and its blocks in order.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// `key: value` pairs of the front matter (YAML `---` or TOML `+++`) or of an RST field
    /// list: top-level keys whose values are text, in order.
    pub front: Vec<(String, String)>,
    /// The blocks, in source order; a list's items, a table's rows inside their block.
    pub blocks: Vec<Block>,
    /// Where the body starts (after the front matter).
    pub body_start: usize,
    /// For each block, the index of the heading before it (see [`Document::heading_above`]).
    pub(super) above: Vec<Option<usize>>,
    /// Whether the source is Markdown, whose own words a statement keeps as written; else
    /// (reStructuredText) a statement is the blocks written again as Markdown.
    pub markdown: bool,
}

impl Document {
    /// A front-matter value by key, any case.
    pub fn front(&self, key: &str) -> Option<&str> {
        self.front
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// The headings, as (block index, level, title).
    pub fn headings(&self) -> impl Iterator<Item = (usize, u8, &Inline)> {
        self.blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match &b.kind {
                Kind::Heading(level, title) => Some((i, *level, title)),
                _ => None,
            })
    }

    /// A document of no blocks (a text with no structure), its words Markdown as written.
    pub fn unstructured() -> Document {
        Document {
            markdown: true,
            ..Document::default()
        }
    }

    /// Notes, for every block, the heading it stands under: asked of every list and table,
    /// a look back each time was quadratic in a document of many.
    pub(super) fn index_headings(&mut self) {
        let mut last = None;
        self.above = self
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let above = last;
                if matches!(b.kind, Kind::Heading(..)) {
                    last = Some(i);
                }
                above
            })
            .collect();
    }

    /// The heading a block stands under, nearest first: (level, title).
    pub fn heading_above(&self, block: usize) -> Option<(u8, &Inline)> {
        let at = match self.above.get(block) {
            Some(at) => *at,
            None => self.blocks[..block.min(self.blocks.len())]
                .iter()
                .rposition(|b| matches!(b.kind, Kind::Heading(..))),
        }?;
        match &self.blocks[at].kind {
            Kind::Heading(level, title) => Some((*level, title)),
            _ => None,
        }
    }

    /// The words of `text[range]` as a statement shows them: Markdown as written; another
    /// markup's blocks in that range written as Markdown (headings, paragraphs, lists,
    /// links), so that no markup of its own is left in a statement.
    pub fn written(&self, text: &str, range: Range<usize>) -> String {
        if self.markdown {
            return text.get(range).unwrap_or("").to_string();
        }
        let mut out = Vec::new();
        for block in self
            .blocks
            .iter()
            .filter(|b| b.span.start >= range.start && b.span.end <= range.end)
        {
            out.push(match &block.kind {
                Kind::Heading(level, t) => {
                    format!("{} {}", "#".repeat(usize::from(*level)), with_links(t))
                }
                Kind::Paragraph(t) | Kind::Html(t) | Kind::Other(t) => with_links(t),
                Kind::List(items) => items
                    .iter()
                    .map(|i| format!("- {}", with_links(&i.words)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Kind::Table(head, rows) => std::iter::once(head)
                    .chain(rows)
                    .map(|r| {
                        let cells: Vec<String> = r.iter().map(with_links).collect();
                        format!("| {} |", cells.join(" | "))
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                Kind::Rule => "---".to_string(),
            });
        }
        out.retain(|b| !b.trim().is_empty());
        out.join("\n\n")
    }

    /// The title of the heading a block stands under, or nothing.
    pub fn title_above(&self, block: usize) -> String {
        self.heading_above(block)
            .map(|(_, t)| t.text.clone())
            .unwrap_or_default()
    }

    /// Where the section that heading `block` opens ends: at the next heading of its level
    /// or higher, else the end of the text.
    pub fn section_end(&self, block: usize, text_len: usize) -> usize {
        let Kind::Heading(level, _) = self.blocks[block].kind else {
            return self.blocks[block].span.end;
        };
        self.blocks[block + 1..]
            .iter()
            .find(|b| matches!(b.kind, Kind::Heading(l, _) if l <= level))
            .map_or(text_len, |b| b.span.start)
    }
}

/// Collapses runs of white space to one space and trims the ends.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Words with each link written as a Markdown link, `[text](url)`, or `<url>` where the
/// words are the address.
fn with_links(words: &Inline) -> String {
    let mut out = String::new();
    let mut rest = words.text.as_str();
    for link in &words.links {
        let Some(at) = rest.find(&link.text).filter(|_| !link.text.is_empty()) else {
            continue;
        };
        out.push_str(&rest[..at]);
        if link.text == link.url {
            out.push_str(&format!("<{}>", link.url));
        } else {
            out.push_str(&format!("[{}]({})", link.text, link.url));
        }
        rest = &rest[at + link.text.len()..];
    }
    out.push_str(rest);
    out
}
