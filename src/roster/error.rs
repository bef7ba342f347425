//! A file that could not be loaded, and where.

use std::fmt;
use std::path::Path;

use crate::text::sanitize::sanitize_line;

/// A file that could not be loaded, with the position of the problem where known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file's path, display-safe.
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// What is wrong, display-safe.
    pub message: String,
}

impl fmt::Display for LoadError {
    /// `file:line:column: message`, as compilers print it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl LoadError {
    /// An error about `path`, made display-safe.
    pub fn new(path: &Path, line: Option<usize>, column: Option<usize>, message: &str) -> Self {
        LoadError {
            path: sanitize_line(&path.display().to_string()).text,
            line,
            column,
            message: sanitize_line(message).text,
        }
    }

    /// A serde_yaml error, with its position taken out of the message.
    pub fn from_yaml(path: &Path, err: &serde_yaml::Error) -> Self {
        let location = err.location();
        // serde_yaml appends " at line L column C" to its message; the position is ours to print.
        let message = err.to_string();
        let message = match message.find(" at line ") {
            Some(i) if location.is_some() => &message[..i],
            _ => &message,
        };
        LoadError::new(
            path,
            location.as_ref().map(|l| l.line()),
            location.as_ref().map(|l| l.column()),
            message,
        )
    }
}
