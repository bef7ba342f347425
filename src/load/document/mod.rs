//! The one model every published document is read into, whatever its markup: front matter,
//! then a flat run of blocks (headings, paragraphs, lists, tables, rules, HTML), each with its
//! words as plain text, its links, and where it stands in the source. The candidate finder
//! reads this, never the markup.

mod markdown;
mod rst;

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
    /// A heading of level 1 (the title) to 6.
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
}

/// Which markup a document is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Markdown (CommonMark with tables), plain text included.
    Markdown,
    /// reStructuredText.
    Rst,
}

impl Markup {
    /// From a file's name: `.rst` is reStructuredText, anything else Markdown.
    pub fn of(file_name: &str) -> Markup {
        if file_name.to_lowercase().ends_with(".rst") {
            Markup::Rst
        } else {
            Markup::Markdown
        }
    }
}

/// Reads `text` in `markup` into the model.
pub fn read(text: &str, markup: Markup) -> Document {
    match markup {
        Markup::Markdown => markdown::read(text),
        Markup::Rst => rst::read(text),
    }
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

    /// The heading a block stands under, nearest first: (level, title).
    pub fn heading_above(&self, block: usize) -> Option<(u8, &Inline)> {
        self.blocks[..block]
            .iter()
            .rev()
            .find_map(|b| match &b.kind {
                Kind::Heading(level, title) => Some((*level, title)),
                _ => None,
            })
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
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    let Ok(serde_yaml::Value::Mapping(map)) = super::read::yaml_value(front) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar(v)?)))
        .collect()
}

#[cfg(test)]
mod tests;
