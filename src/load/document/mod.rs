//! The one model every published document is read into, whatever its markup: front matter,
//! then a flat run of blocks (headings, paragraphs, lists, tables, rules, HTML), each with its
//! words as plain text, its links, and where it stands in the source. The candidate finder
//! reads this, never the markup.

mod html;
mod markdown;
mod model;
mod page;
mod rst;

pub use model::{Block, Document, Inline, Item, Kind, Link, squeeze};

/// An HTML page written again as Markdown (its `<title>` as front matter), for every reader
/// of published statements to read as it reads any other: no tag of it is left.
pub fn html_as_markdown(html: &str) -> String {
    let doc = page::read(html);
    let body = doc.written(html, 0..html.len());
    match doc.front("title") {
        Some(title) => {
            let mut front = serde_yaml::Mapping::new();
            front.insert("title".into(), title.into());
            let front = serde_yaml::to_string(&front).unwrap_or_default();
            format!("---\n{front}---\n\n{body}\n")
        }
        None => format!("{body}\n"),
    }
}

/// Whether a file is an HTML page, by its name.
pub fn is_html(file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
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

#[cfg(test)]
mod tests;
