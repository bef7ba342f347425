//! The lines a pane shows, and the sections a reader can jump between.

/// What a line of a pane shows, so the renderer can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// `Key: value` lines above the statement.
    Field,
    /// A warning about the text (hidden characters made visible).
    Notice,
    /// The voter's own note.
    Note,
    /// The rule between fields and statement.
    Rule,
    /// Statement text.
    Body,
    /// A Markdown heading of level 1 to 6.
    Heading(u8),
    /// A line of a code block.
    Code,
}

/// One wrapped, display-safe line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneLine {
    /// The line, display-safe.
    pub text: String,
    /// What it shows.
    pub kind: LineKind,
    /// Inline styles (bold, emphasis, code, links) as byte ranges of `text`.
    pub marks: Vec<(std::ops::Range<usize>, crate::text::markdown::Mark)>,
}

/// A heading of the statement and the line it starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The pane line the section starts at.
    pub line: usize,
    /// The heading as written.
    pub title: String,
}
