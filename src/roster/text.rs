//! Candidate text: what a candidate wrote, and the display-safe form drawn on screen.

use crate::text::sanitize::{Sanitized, sanitize_text};

/// Candidate text: the original as written, and the display-safe form drawn on screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Text {
    /// The display-safe form drawn on screen.
    display: String,
    /// The original, kept only where it differs from `display` (most texts need no change,
    /// and a large roster should not be held twice).
    original: Option<String>,
    /// Characters that had to be made visible (controls, bidi, zero-width).
    pub hidden: usize,
}

impl Text {
    /// Sanitizes multi-line text.
    pub fn new(raw: String) -> Self {
        let Sanitized { text, hidden } = sanitize_text(&raw);
        let original = (text != raw).then_some(raw);
        Text {
            display: text,
            original,
            hidden,
        }
    }

    /// The display-safe form, to draw on screen.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The text as written.
    pub fn raw(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.display)
    }

    /// Puts `display` in place of the display-safe form, safe or not: for tests of what
    /// is done with a text that came from elsewhere.
    #[cfg(test)]
    pub(crate) fn set_display_unchecked(&mut self, display: String) {
        self.display = display;
    }
}
