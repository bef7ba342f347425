//! Markdown statements as blocks of display-safe text with inline marks, ready to wrap.
//!
//! Headings, emphasis, lists, code, block quotes and tables are kept as structure; links are
//! shown with their target (never as terminal hyperlinks); HTML is shown as what it does
//! (see [`crate::text::html`]), never as tags, a comment or a script replaced by a visible
//! marker. Character references can decode to control characters, so every piece of text is
//! sanitized again here.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::text::html::{self, Piece, Style};
use crate::text::sanitize::sanitize_text;

/// An inline style inside a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Bold.
    Strong,
    /// Italics.
    Emphasis,
    /// Inline code.
    Code,
    /// A link's text (its target follows in the text).
    Link,
    /// Struck-out text.
    Strike,
    /// Words a newer statement added (history diffs).
    Added,
    /// Words a newer statement dropped (history diffs).
    Removed,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1 to 6.
    Heading(u8),
    /// A paragraph of text.
    Paragraph,
    /// A line of a code block: never reflowed.
    Code,
    /// A thematic break.
    Rule,
    /// A hidden HTML comment's marker.
    Hidden,
}

/// A block of text with its marks and the prefix it is drawn behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The text; `\n` is a hard line break.
    pub text: String,
    /// Inline marks as byte ranges of `text`.
    pub marks: Vec<(Range<usize>, Mark)>,
    /// Drawn before the first line: indent, quote bars, list marker.
    pub prefix: String,
    /// Drawn before the other lines: the same indent and bars, spaces under the marker.
    pub continuation: String,
}

/// Whether a statement is Markdown rather than plain text: it has headings, emphasis, links,
/// fenced code or list structure that Markdown would render.
pub fn is_markdown(text: &str) -> bool {
    let mut score = 0;
    for line in text.lines().take(400) {
        let t = line.trim_start();
        if t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ") {
            score += 3;
        }
        if t.starts_with("```") {
            score += 3;
        }
        score += 2 * t.matches("](").count();
        if t.contains("**") || t.contains("__") {
            score += 1;
        }
    }
    score >= 3
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    text: String,
    marks: Vec<(Range<usize>, Mark)>,
    open: Vec<(usize, Mark)>,
    kind: Option<BlockKind>,
    /// Prefix pieces for nested lists and quotes.
    quote_depth: usize,
    lists: Vec<Option<u64>>,
    item_marker: Option<String>,
    link_targets: Vec<String>,
    in_code: bool,
    /// The lines of the HTML block being read, shown when it ends.
    html_block: Option<String>,
    /// The script or style element whose words are left out.
    hiding: Option<String>,
    /// Styles opened by HTML tags, innermost last, and how many HTML links are open.
    html_styles: Vec<Style>,
    html_links: usize,
}

impl Builder {
    fn indent(&self) -> String {
        let mut s = "│ ".repeat(self.quote_depth);
        s.push_str(&"  ".repeat(self.lists.len().saturating_sub(1)));
        s
    }

    fn push_text(&mut self, text: &str) {
        self.kind.get_or_insert(BlockKind::Paragraph);
        self.text.push_str(&sanitize_text(text).text);
    }

    fn start_mark(&mut self, mark: Mark) {
        self.open.push((self.text.len(), mark));
    }

    fn end_mark(&mut self) {
        if let Some((start, mark)) = self.open.pop()
            && start < self.text.len()
        {
            self.marks.push((start..self.text.len(), mark));
        }
    }

    /// Ends the current block, if it has text; a style still open ends with it.
    fn flush(&mut self) {
        while !self.open.is_empty() {
            self.end_mark();
        }
        let text = std::mem::take(&mut self.text);
        let marks = std::mem::take(&mut self.marks);
        let kind = self.kind.take().unwrap_or(BlockKind::Paragraph);
        if text.trim().is_empty() && kind != BlockKind::Rule {
            return;
        }
        let indent = self.indent();
        let (prefix, continuation) = match self.item_marker.take() {
            Some(marker) => {
                let pad = " ".repeat(crate::text::wrap::width(&marker));
                (format!("{indent}{marker}"), format!("{indent}{pad}"))
            }
            None if !self.lists.is_empty() => {
                let pad = "  ".to_string();
                (format!("{indent}{pad}"), format!("{indent}{pad}"))
            }
            None => (indent.clone(), indent),
        };
        let text = match kind {
            BlockKind::Code => text.trim_end_matches('\n'),
            _ => text.trim_end_matches([' ', '\n']),
        };
        let marks = marks
            .into_iter()
            .map(|(range, mark)| (range.start..range.end.min(text.len()), mark))
            .filter(|(range, _)| !range.is_empty())
            .collect();
        self.blocks.push(Block {
            kind,
            text: text.to_string(),
            marks,
            prefix,
            continuation,
        });
    }

    fn push_block(&mut self, kind: BlockKind, text: String) {
        self.flush();
        self.kind = Some(kind);
        self.text = text;
        self.flush();
    }
}

/// Parses `text` (already display-safe) into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut b = Builder::default();
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => start(&mut b, tag),
            Event::End(tag) => end(&mut b, tag),
            Event::Text(_) | Event::Code(_) if b.hiding.is_some() => {}
            Event::Text(t) => {
                if b.in_code {
                    // Each line of a code block is a block of its own, never reflowed.
                    for (i, line) in t.split('\n').enumerate() {
                        if i > 0 {
                            b.flush();
                            b.kind = Some(BlockKind::Code);
                        }
                        b.push_text(line);
                    }
                } else {
                    b.push_text(&t);
                }
            }
            Event::Code(t) => {
                b.start_mark(Mark::Code);
                b.push_text(&t);
                b.end_mark();
            }
            Event::Html(t) => match b.html_block.as_mut() {
                Some(block) => block.push_str(&t),
                None => show_html(&mut b, &t),
            },
            Event::InlineHtml(t) => show_html(&mut b, &t),
            // A line break already given (by a `<br>` before it) is not doubled by a space.
            Event::SoftBreak if b.text.is_empty() || b.text.ends_with('\n') => {}
            Event::SoftBreak => b.push_text(" "),
            Event::HardBreak => b.text.push('\n'),
            Event::Rule => b.push_block(BlockKind::Rule, "─".to_string()),
            Event::TaskListMarker(done) => b.push_text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => b.push_text(&format!("[^{name}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => b.push_text(&t),
        }
    }
    b.flush();
    b.blocks
}

fn start(b: &mut Builder, tag: Tag) {
    match tag {
        Tag::Heading { level, .. } => {
            b.flush();
            let level = match level {
                HeadingLevel::H1 => 1,
                HeadingLevel::H2 => 2,
                HeadingLevel::H3 => 3,
                HeadingLevel::H4 => 4,
                HeadingLevel::H5 => 5,
                HeadingLevel::H6 => 6,
            };
            b.kind = Some(BlockKind::Heading(level));
        }
        Tag::Paragraph => b.flush(),
        Tag::BlockQuote(_) => {
            b.flush();
            b.quote_depth += 1;
        }
        Tag::CodeBlock(kind) => {
            b.flush();
            b.in_code = true;
            b.kind = Some(BlockKind::Code);
            if let CodeBlockKind::Fenced(lang) = kind
                && !lang.is_empty()
            {
                b.push_block(BlockKind::Code, format!("```{}", sanitize_text(&lang).text));
                b.kind = Some(BlockKind::Code);
            }
        }
        Tag::List(first) => {
            b.flush();
            b.lists.push(first);
        }
        Tag::Item => {
            b.flush();
            let marker = match b.lists.last_mut() {
                Some(Some(n)) => {
                    let m = format!("{n}. ");
                    *n += 1;
                    m
                }
                _ => "• ".to_string(),
            };
            b.item_marker = Some(marker);
        }
        Tag::Emphasis => b.start_mark(Mark::Emphasis),
        Tag::Strong => b.start_mark(Mark::Strong),
        Tag::Strikethrough => b.start_mark(Mark::Strike),
        Tag::Link { dest_url, .. } => {
            b.link_targets.push(dest_url.to_string());
            b.start_mark(Mark::Link);
        }
        Tag::Image { dest_url, .. } => {
            b.link_targets.push(dest_url.to_string());
            b.push_text("[image: ");
            b.start_mark(Mark::Link);
        }
        Tag::TableRow | Tag::TableHead => b.flush(),
        Tag::TableCell if !b.text.is_empty() => b.push_text(" │ "),
        Tag::HtmlBlock => {
            b.flush();
            b.html_block = Some(String::new());
        }
        _ => {}
    }
}

/// Shows what a piece of HTML does: its words, breaks, blocks, styles and links, markers
/// for what it hides.
fn show_html(b: &mut Builder, fragment: &str) {
    let mut hiding = b.hiding.take();
    let pieces = html::pieces(fragment, &mut hiding);
    b.hiding = hiding;
    for piece in pieces {
        match piece {
            Piece::Text(t) => {
                let mut words = String::with_capacity(t.len());
                let mut space = b.text.is_empty() || b.text.ends_with([' ', '\n']);
                for ch in t.chars() {
                    if ch.is_whitespace() {
                        if !space {
                            words.push(' ');
                        }
                        space = true;
                    } else {
                        words.push(ch);
                        space = false;
                    }
                }
                if !words.is_empty() {
                    b.push_text(&words);
                }
            }
            Piece::Break => {
                if b.text.ends_with(' ') {
                    b.text.pop();
                }
                b.text.push('\n');
            }
            Piece::Block => b.flush(),
            Piece::Heading(level) => {
                b.flush();
                b.kind = Some(BlockKind::Heading(level));
            }
            Piece::Item => {
                b.flush();
                b.item_marker = Some("• ".to_string());
            }
            Piece::Rule => b.push_block(BlockKind::Rule, "─".to_string()),
            Piece::Cell if !b.text.trim().is_empty() => b.push_text(" │ "),
            Piece::Cell => {}
            Piece::Style(style, true) => {
                b.html_styles.push(style);
                b.start_mark(match style {
                    Style::Strong => Mark::Strong,
                    Style::Emphasis => Mark::Emphasis,
                    Style::Code => Mark::Code,
                    Style::Strike => Mark::Strike,
                });
            }
            Piece::Style(style, false) => {
                if b.html_styles.last() == Some(&style) {
                    b.html_styles.pop();
                    b.end_mark();
                }
            }
            Piece::LinkOpen(url) => {
                b.html_links += 1;
                b.link_targets.push(url);
                b.start_mark(Mark::Link);
            }
            Piece::LinkClose if b.html_links > 0 => {
                b.html_links -= 1;
                close_link(b);
            }
            Piece::LinkClose => {}
            Piece::Image(alt, src) if src.is_empty() => b.push_text(&format!("[image: {alt}]")),
            Piece::Image(alt, src) => b.push_text(&format!("[image: {alt}] <{src}>")),
            Piece::Hidden(what) => {
                let marker = format!("[{what} hidden]");
                if b.text.trim().is_empty() {
                    b.push_block(BlockKind::Hidden, marker);
                } else {
                    if !b.text.ends_with([' ', '\n']) {
                        b.push_text(" ");
                    }
                    b.push_text(&marker);
                }
            }
        }
    }
}

/// Ends a link's words and shows where it leads, unless its words are the address.
fn close_link(b: &mut Builder) {
    let label_start = b.open.last().map_or(b.text.len(), |(s, _)| *s);
    let label = b.text[label_start..].to_string();
    b.end_mark();
    if let Some(target) = b.link_targets.pop()
        && label != target
        && !target.is_empty()
    {
        b.push_text(&format!(" <{target}>"));
    }
}

fn end(b: &mut Builder, tag: TagEnd) {
    match tag {
        TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::TableRow | TagEnd::TableHead => b.flush(),
        TagEnd::BlockQuote(_) => {
            b.flush();
            b.quote_depth = b.quote_depth.saturating_sub(1);
        }
        TagEnd::CodeBlock => {
            b.flush();
            b.in_code = false;
        }
        TagEnd::List(_) => {
            b.flush();
            b.lists.pop();
        }
        TagEnd::Item => b.flush(),
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => b.end_mark(),
        TagEnd::Link => close_link(b),
        TagEnd::HtmlBlock => {
            if let Some(block) = b.html_block.take() {
                show_html(b, &block);
                b.flush();
            }
        }
        TagEnd::Image => {
            b.end_mark();
            if let Some(target) = b.link_targets.pop() {
                b.push_text(&format!("] <{target}>"));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| format!("{}{}", b.prefix, b.text))
            .collect()
    }

    #[test]
    fn headings_lists_and_quotes_keep_their_structure() {
        let blocks =
            parse("# Title\n\nSome *words* and **more**.\n\n- one\n- two\n  1. sub\n\n> quoted\n");
        assert_eq!(
            texts(&blocks),
            vec![
                "Title",
                "Some words and more.",
                "• one",
                "• two",
                "  1. sub",
                "│ quoted"
            ]
        );
        assert_eq!(blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(
            blocks[1].marks,
            vec![(5..10, Mark::Emphasis), (15..19, Mark::Strong)]
        );
    }

    #[test]
    fn links_show_their_target_and_comments_are_marked() {
        let blocks = parse(
            "See [the repo](https://example.org/x) <!-- secret -->.\n\n<!--\ntemplate\n-->\n",
        );
        assert_eq!(
            texts(&blocks),
            vec![
                "See the repo <https://example.org/x> [HTML comment hidden].",
                "[HTML comment hidden]"
            ]
        );
        assert_eq!(blocks[0].marks, vec![(4..12, Mark::Link)]);
    }

    #[test]
    fn character_references_cannot_smuggle_controls() {
        let blocks = parse("bell &#7; escape &#x1b;[2J");
        assert_eq!(texts(&blocks), vec!["bell ^G escape ^[[2J"]);
    }

    #[test]
    fn code_blocks_keep_lines_and_html_shows_what_it_does() {
        let blocks =
            parse("```rust\nlet a = 1;\nlet b = 2;\n```\n\n<b>bold</b> &amp; <i>not</i>\n");
        assert_eq!(
            texts(&blocks),
            vec!["```rust", "let a = 1;", "let b = 2;", "bold & not"]
        );
        assert_eq!(blocks[1].kind, BlockKind::Code);
        assert_eq!(
            blocks[3].marks,
            vec![(0..4, Mark::Strong), (7..10, Mark::Emphasis)]
        );
    }

    #[test]
    fn no_tag_of_a_statement_is_shown() {
        // The close of a Jekyll post: line breaks as tags, a `<meta>` a browser never shows.
        let blocks = parse(
            "*Lubos on behalf*<br>\n*of The Committee*<br>\n<meta name=\"x\" content=\"y\">\n\n<div align=\"center\">\n  <h2>Hi</h2>\n  <p>A <a href=\"https://x.example\">link</a><br>and <img src=\"p.png\" alt=\"me\"></p>\n<script>\nalert(1)\n</script>\n</div>\n\nText <span style=\"display:none\">hidden words</span>.\n",
        );
        assert_eq!(
            texts(&blocks),
            vec![
                "Lubos on behalf\nof The Committee",
                "Hi",
                "A link <https://x.example>\nand [image: me] <p.png>",
                "[script hidden]",
                "Text hidden words.",
            ]
        );
        assert_eq!(blocks[1].kind, BlockKind::Heading(2));
        assert!(blocks.iter().all(|b| !b.text.contains('<')
            || b.text.contains("<http")
            || b.text.contains("<p.png")));
    }

    #[test]
    fn markdown_is_told_from_plain_text() {
        assert!(is_markdown("# Hello\n\ntext"));
        assert!(is_markdown("See [x](y) and [z](w)."));
        assert!(!is_markdown(
            "Name: Tao\n\nI am a staff engineer.\n- a list\n"
        ));
    }
}
