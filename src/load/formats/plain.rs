//! Plain text or Markdown with no header: the name comes from the file name.

use super::common::{empty, trim_blank_lines};
use crate::roster::RawCandidate;

/// No header: the whole text is the statement.
pub(super) fn parse(text: &str, fallback_name: &str) -> RawCandidate {
    empty(fallback_name, trim_blank_lines(text))
}
