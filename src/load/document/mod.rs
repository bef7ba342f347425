//! The one model every published document is read into, whatever its markup: front matter,
//! then a flat run of blocks (headings, paragraphs, lists, tables, rules, HTML), each with its
//! words as plain text, its links, and where it stands in the source. The candidate finder
//! reads this, never the markup.

mod html;
mod markdown;
mod model;
mod rst;

pub use model::{Block, Document, Inline, Item, Kind, Link, squeeze};

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
