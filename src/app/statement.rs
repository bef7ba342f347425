//! A statement's body as pane lines: Markdown rendered into styled blocks, plain text
//! re-flowed; both wrapped to the pane's width, with the sections a reader can jump between.

use std::ops::Range;

use super::lines::{LineKind, PaneLine, Section};
use crate::text::markdown::{self, BlockKind, Mark};
use crate::text::wrap::{reflow, width, wrap, wrap_ranges};

/// A text known to be Markdown (a question, as its tracker holds it) as lines of `width`
/// columns.
pub fn markdown(display: &str, width: usize) -> Vec<PaneLine> {
    markdown_lines(display, width).0
}

/// The statement's lines for `width` columns, and its sections (line numbers from 0).
pub fn lines(display: &str, width: usize) -> (Vec<PaneLine>, Vec<Section>) {
    if markdown::is_markdown(display) {
        markdown_lines(display, width)
    } else {
        plain_lines(display, width)
    }
}

/// One side of a word diff as lines of `width` columns, changed words marked with `mark`,
/// each block drawn as the panes draw it (headings, list items behind their markers, code):
/// `shapes` are the blocks the words' numbers refer to.
pub fn diff_lines(
    words: &[crate::analysis::candidacies::DiffWord],
    shapes: &[crate::analysis::candidacies::BlockShape],
    mark: Mark,
    width: usize,
) -> Vec<PaneLine> {
    let mut lines = Vec::new();
    let mut paragraphs: Vec<Vec<&crate::analysis::candidacies::DiffWord>> = Vec::new();
    for w in words {
        if paragraphs.len() <= w.paragraph {
            paragraphs.resize_with(w.paragraph + 1, Vec::new);
        }
        paragraphs[w.paragraph].push(w);
    }
    let mut previous_listed = false;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let shape = shapes.get(i);
        let listed =
            shape.is_some_and(|s| !s.prefix.trim().is_empty() || !s.continuation.is_empty());
        if paragraph.is_empty() && !matches!(shape.map(|s| s.kind), Some(BlockKind::Rule)) {
            continue;
        }
        let tight = listed && previous_listed;
        if !lines.is_empty() && !tight {
            lines.push(blank());
        }
        previous_listed = listed;
        let kind = shape.map_or(BlockKind::Paragraph, |s| s.kind);
        let Some(line_kind) = line_kind(kind) else {
            lines.push(rule(width));
            continue;
        };
        let mut block = markdown::Block {
            kind,
            text: String::new(),
            marks: Vec::new(),
            prefix: shape.map_or_else(String::new, |s| s.prefix.clone()),
            continuation: shape.map_or_else(String::new, |s| s.continuation.clone()),
        };
        for w in paragraph {
            if !block.text.is_empty() {
                block.text.push(' ');
            }
            let start = block.text.len();
            block.text.push_str(&w.word);
            if w.changed {
                block.marks.push((start..block.text.len(), mark));
            }
        }
        wrap_block(&block, line_kind, width, &mut lines);
    }
    lines
}

/// A short line ending in a colon stands for a section in plain text (`Background:`).
fn plain_heading(line: &str) -> Option<&str> {
    let t = line.trim();
    let title = t.strip_suffix(':')?;
    let words = title.split_whitespace().count();
    ((1..=5).contains(&words) && !title.contains(':') && t.len() < 48).then_some(title)
}

fn plain_lines(display: &str, width: usize) -> (Vec<PaneLine>, Vec<Section>) {
    let mut lines = Vec::new();
    let mut sections = Vec::new();
    for source in reflow(display).split('\n') {
        if let Some(title) = plain_heading(source) {
            sections.push(Section {
                line: lines.len(),
                title: title.to_string(),
            });
        }
        lines.extend(wrap(source, width).into_iter().map(|text| PaneLine {
            text,
            kind: LineKind::Body,
            marks: Vec::new(),
        }));
    }
    (lines, sections)
}

fn markdown_lines(display: &str, max: usize) -> (Vec<PaneLine>, Vec<Section>) {
    let mut lines: Vec<PaneLine> = Vec::new();
    let mut sections = Vec::new();
    let mut previous: Option<(BlockKind, bool)> = None;
    for block in markdown::parse(display) {
        let in_list_or_quote = !block.prefix.trim().is_empty() || !block.continuation.is_empty();
        // A blank line between blocks, as a renderer would; none inside lists or code.
        let tight = matches!(
            (previous, block.kind),
            (Some((BlockKind::Code, _)), BlockKind::Code)
        ) || (in_list_or_quote && previous.is_some_and(|(_, listed)| listed));
        if previous.is_some() && !tight {
            lines.push(blank());
        }
        previous = Some((block.kind, in_list_or_quote));
        let Some(kind) = line_kind(block.kind) else {
            lines.push(rule(max));
            continue;
        };
        if matches!(kind, LineKind::Heading(_)) {
            sections.push(Section {
                line: lines.len(),
                title: block.text.clone(),
            });
        }
        wrap_block(&block, kind, max, &mut lines);
    }
    (lines, sections)
}

/// How a block's lines are drawn; a rule (`None`) is drawn whole by [`rule`].
fn line_kind(kind: BlockKind) -> Option<LineKind> {
    match kind {
        BlockKind::Heading(level) => Some(LineKind::Heading(level)),
        BlockKind::Code => Some(LineKind::Code),
        BlockKind::Hidden => Some(LineKind::Notice),
        BlockKind::Rule => None,
        BlockKind::Paragraph => Some(LineKind::Body),
    }
}

/// A thematic break: a rule of up to 40 columns.
fn rule(width: usize) -> PaneLine {
    PaneLine {
        text: "─".repeat(width.min(40)),
        kind: LineKind::Rule,
        marks: Vec::new(),
    }
}

/// An empty line between blocks.
pub(super) fn blank() -> PaneLine {
    PaneLine {
        text: String::new(),
        kind: LineKind::Body,
        marks: Vec::new(),
    }
}

/// Wraps one block behind its prefix, carrying its marks onto the wrapped lines.
pub(crate) fn wrap_block(
    block: &markdown::Block,
    kind: LineKind,
    max: usize,
    out: &mut Vec<PaneLine>,
) {
    let mut first = true;
    let mut offset = 0;
    for segment in block.text.split('\n') {
        let prefix_width = width(&block.prefix).max(width(&block.continuation));
        let room = max.saturating_sub(prefix_width).max(1);
        for range in wrap_ranges(segment, room, 0) {
            let prefix = if first {
                &block.prefix
            } else {
                &block.continuation
            };
            first = false;
            let text = format!("{prefix}{}", &segment[range.clone()]);
            let source = offset + range.start..offset + range.end;
            let shift = prefix.len();
            let marks = block
                .marks
                .iter()
                .filter_map(|(r, mark)| {
                    let start = r.start.max(source.start);
                    let end = r.end.min(source.end);
                    (start < end).then(|| {
                        (
                            start - source.start + shift..end - source.start + shift,
                            *mark,
                        )
                    })
                })
                .collect::<Vec<(Range<usize>, Mark)>>();
            // A line wider than the pane (a prefix deeper than it) is cut, not wrapped again.
            let text = if width(&text) > max {
                crate::text::wrap::truncate(&text, max)
            } else {
                text
            };
            let marks = marks
                .into_iter()
                .filter(|(r, _)| r.end <= text.len())
                .collect();
            out.push(PaneLine { text, kind, marks });
        }
        offset += segment.len() + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_headings_as_sections_and_marks_on_wrapped_lines() {
        let (lines, sections) = lines(
            "# Who I am\n\nI **really** like *hypervisors* a lot.\n\n## Plans\n\n- first item here\n- second\n",
            14,
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Who I am",
                "",
                "I really like",
                "hypervisors a",
                "lot.",
                "",
                "Plans",
                "",
                "• first item",
                "  here",
                "• second"
            ]
        );
        assert_eq!(lines[0].kind, LineKind::Heading(1));
        assert_eq!(lines[2].marks, vec![(2..8, Mark::Strong)]);
        assert_eq!(lines[3].marks, vec![(0..11, Mark::Emphasis)]);
        assert_eq!(
            sections,
            vec![
                Section {
                    line: 0,
                    title: "Who I am".into()
                },
                Section {
                    line: 6,
                    title: "Plans".into()
                }
            ]
        );
    }

    #[test]
    fn plain_text_sections_are_short_lines_ending_in_a_colon() {
        let (_, sections) = lines("Background:\n\nI am.\n\nA few thoughts:\n\n- one\n", 40);
        let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, vec!["Background", "A few thoughts"]);
    }

    #[test]
    fn no_line_is_wider_than_the_pane() {
        let text = "# A heading that is rather long\n\n> > > deeply quoted text that goes on\n\n1. a\n   - b\n     - c with words\n";
        for max in 1..30 {
            let (lines, _) = lines(text, max);
            for l in &lines {
                assert!(width(&l.text) <= max.max(1), "{max}: {:?}", l.text);
                for (r, _) in &l.marks {
                    assert!(r.end <= l.text.len() && l.text.is_char_boundary(r.start));
                }
            }
        }
    }
}
