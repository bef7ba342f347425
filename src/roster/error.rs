//! A file that could not be loaded, and where.

use std::path::Path;

use crate::text::sanitize::sanitize_line;

/// A file that could not be loaded, with the position of the problem where known; shown as
/// `file:line:column: message`, as compilers print it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("{path}{}: {message}", position(*.line, *.column))]
pub struct LoadError {
    /// The file's path, display-safe.
    pub path: String,
    /// The line of the problem, from 1, where known.
    pub line: Option<usize>,
    /// Its column, from 1, where known.
    pub column: Option<usize>,
    /// What is wrong, display-safe.
    pub message: String,
}

impl LoadError {
    /// The same problem, said of the file at `path`.
    pub fn at_path(self, path: &std::path::Path) -> LoadError {
        LoadError {
            path: LoadError::new(path, None, None, "").path,
            ..self
        }
    }

    /// Whether path and message are display-safe single lines, as the loader makes them.
    pub fn is_display_safe(&self) -> bool {
        [&self.path, &self.message]
            .iter()
            .all(|s| crate::text::sanitize::is_display_safe(s) && !s.contains('\n'))
    }
}

/// `:line:column`, `:line`, or nothing, as much of the position as is known.
fn position(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        (None, _) => String::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_as_much_of_the_position_as_is_known() {
        let at = |line, column| {
            LoadError::new(Path::new("e/a.yaml"), line, column, "broken").to_string()
        };
        assert_eq!(at(Some(3), Some(7)), "e/a.yaml:3:7: broken");
        assert_eq!(at(Some(3), None), "e/a.yaml:3: broken");
        assert_eq!(at(None, None), "e/a.yaml: broken");
        assert_eq!(
            at(None, Some(7)),
            "e/a.yaml: broken",
            "a column alone says nothing"
        );
    }
}
